import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expectNoSidewaysScroll, signIn } from './session';

/**
 * The pipeline's records as a new user meets them: every record opens to a read view for any role in scope,
 * lists become cards on a phone, lists say when they are loading or empty, statuses say what they mean.
 */

/** The fiscal year of today in Bangkok, as the demo numbers its certificates (MPC-3401-2/2570). */
function currentFiscalYear() {
  const bangkok = new Date(Date.now() + 7 * 3_600_000);
  return bangkok.getUTCFullYear() + 543 + (bangkok.getUTCMonth() >= 9 ? 1 : 0);
}

test('the province officer (read-only) opens a person, a producer, a product and a certificate, and may not edit them', async ({
  page,
}) => {
  await signIn(page, 'demo-province');
  for (const [list, detail] of [
    ['/people', /\/people\/\d+/],
    ['/producers', /\/producers\/\d+/],
    ['/products', /\/products\/\d+/],
    ['/certifications', /\/certifications\/\d+/],
  ] as const) {
    await page.goto(list);
    const first = page.getByTestId('record-open').first();
    const name = ((await first.textContent()) ?? '').trim();
    await first.click();
    await expect(page, list).toHaveURL(detail);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('main')).toContainText(name);
    await expect(page.getByRole('button', { name: 'แก้ไข' })).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
});

test("a person's page links their groups, and a group its registration, whose page links its product", async ({ page }) => {
  await signIn(page, 'demo-province');
  await page.goto('/groups?unit=34&stage=strengthened');
  await page.getByTestId('record-open').first().click();
  await page.getByRole('cell').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/people\/\d+/);
  const groups = page.getByRole('heading', { name: 'กลุ่มอาชีพที่เป็นสมาชิก' }).locator('..');
  await groups.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/groups\/\d+/);
  // The group's registration opens the producer's page, and its product the product's page.
  await page
    .getByRole('link', { name: /^OTOP-/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/producers\/\d+/);
  await page.getByRole('heading', { name: 'ผลิตภัณฑ์', exact: true }).locator('..').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/products\/\d+/);
});

test('the district officer reads a product first, then edits it in a dialog that names it', async ({ page }) => {
  await signIn(page, 'demo-district');
  await page.goto('/products');
  const first = page.getByTestId('record-open').first();
  const name = ((await first.textContent()) ?? '').trim();
  await first.click();
  await expect(page).toHaveURL(/\/products\/\d+/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  // Thai labels and values, no codes: the potential group is named, not "Quadrant" or "A".
  await expect(page.getByText('กลุ่มผลิตภัณฑ์ตามศักยภาพ')).toBeVisible();
  await expect(page.getByText(/กลุ่ม [ABCD] /)).toBeVisible();
  await expect(page.locator('main')).not.toContainText('Quadrant');
  await page.getByRole('button', { name: 'แก้ไข', exact: true }).click();
  await expect(page.getByRole('dialog', { name: `แก้ไขผลิตภัณฑ์ ${name}` })).toBeVisible();
});

test('a certificate says how many days it has left, in Thai and in English', async ({ page }) => {
  await signIn(page, 'demo-district');
  const certificateNo = `MPC-3401-2/${currentFiscalYear()}`;
  await page.goto('/certifications');
  const row = page.getByRole('row', { name: new RegExp(certificateNo) });
  await expect(row.getByTestId('cert-status')).toHaveText('เหลือ 30 วัน');
  await row.getByTestId('record-open').click();
  // The list leaves only once the certificate's own page is shown.
  await expect(page.getByRole('row', { name: new RegExp(certificateNo) })).toHaveCount(0);
  await expect(page.getByTestId('cert-status')).toHaveText('เหลือ 30 วัน');
  await page.getByRole('button', { name: 'เปลี่ยนภาษา' }).click();
  await expect(page.getByTestId('cert-status')).toHaveText('30 days left');
  await page.getByRole('button', { name: 'Change language' }).click();
});

test('an expired certificate says how long ago it ran out', async ({ page }) => {
  // The demo's expired certificates ran out 20 days ago.
  await signIn(page, 'demo-province');
  await page.goto('/certifications?unit=34');
  await page.getByText('หมดอายุ', { exact: true }).click();
  await expect(page.getByTestId('cert-status').first()).toHaveText('หมดอายุแล้ว 20 วัน');
});

test('the groups list names each district instead of showing its code', async ({ page }) => {
  await signIn(page, 'demo-province');
  await page.goto('/groups?unit=34');
  const districts = page.getByTestId('group-district');
  await expect(districts.first()).toBeVisible();
  const names = await districts.allTextContents();
  expect(names.length).toBeGreaterThan(5);
  // District names in Thai ("วารินชำราบ"), never a code such as 3401.
  for (const name of names) expect(name).toMatch(/^[\u0E00-\u0E7F ]+$/);
  expect(new Set(names).size).toBeGreaterThan(1);
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('people, products, producers, certificates, wisdom and groups are cards with their key facts, and nothing scrolls sideways', async ({
    page,
  }) => {
    await signIn(page, 'demo-district');
    const keyFact: Record<string, string> = {
      '/people': 'บทบาท',
      '/products': 'ราคา (บาท)',
      '/producers': 'สถานะ',
      '/certifications': 'สถานะ',
      '/wisdom': 'สถานะ',
      '/groups': 'ขั้นการพัฒนา',
    };
    for (const [list, label] of Object.entries(keyFact)) {
      await page.goto(list);
      const card = page.getByTestId('record-card').first();
      await expect(card, list).toBeVisible();
      await expect(card, list).toContainText(label);
      await expect(page.getByRole('table')).toHaveCount(0);
      await expectNoSidewaysScroll(page);
      await card.click();
      await expect(page, list).toHaveURL(new RegExp(`${list}/\\d+`));
      await expectNoSidewaysScroll(page);
    }
  });

  test('the products list downloads as XLSX and CSV with the category chosen on screen', async ({ page }) => {
    await signIn(page, 'demo-district');
    await page.goto('/products');
    await page.getByRole('combobox', { name: 'ประเภทผลิตภัณฑ์' }).click();
    await page.getByRole('option', { name: 'ผ้า เครื่องแต่งกาย', exact: true }).click();
    await expect(page.getByTestId('record-card').first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.getByTestId('export-menu').click();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^products-3401-25\d\d-\d\d-\d\d\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await xlsx.path());
    const sheet = book.worksheets[0];
    expect(sheet.getCell('A1').value).toBe('ชื่อผลิตภัณฑ์');
    expect(sheet.rowCount).toBeGreaterThan(1);
    const categories = (sheet.getColumn(2).values as unknown[]).slice(2);
    expect(new Set(categories)).toEqual(new Set(['ผ้า เครื่องแต่งกาย']));

    await page.getByTestId('export-menu').click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text.startsWith('\uFEFFชื่อผลิตภัณฑ์,')).toBe(true);
  });

  test('status badges wrap instead of being cut off', async ({ page }) => {
    await signIn(page, 'demo-province');
    for (const list of ['/certifications?unit=34', '/producers?unit=34', '/groups?unit=34']) {
      await page.goto(list);
      await expect(page.getByTestId('record-card').first()).toBeVisible();
      const cut = await page
        .locator('.mantine-Badge-label')
        .evaluateAll((labels) => labels.filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent));
      expect(cut, list).toEqual([]);
    }
    await expectNoSidewaysScroll(page);
  });
});

test('a list shows placeholders while it loads, then says when nothing matches', async ({ page }) => {
  await signIn(page, 'demo-district');
  // Hold the first answer back so the loading state is visible.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const productList = (url: URL) => url.pathname === '/api/products';
  await page.route(productList, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/products');
  await expect(page.getByRole('status', { name: 'กำลังโหลด…' })).toBeVisible();
  release();
  await expect(page.getByTestId('record-open').first()).toBeVisible();
  await page.unroute(productList);

  await page.getByLabel('ค้นหา').fill('ไม่มีสินค้าชื่อนี้แน่นอน');
  await expect(page.getByTestId('empty-state')).toContainText('ไม่พบข้อมูลที่ตรงกับการค้นหาหรือตัวกรอง');
  await expect(page.getByTestId('empty-state')).toContainText('ลองใช้คำค้นอื่น');
});

test('an empty unit says nothing is recorded yet and where records come from', async ({ page }) => {
  await signIn(page, 'demo-admin');
  // Khon Kaen has no demo records.
  await page.goto('/people?unit=40');
  await expect(page.getByTestId('empty-state')).toContainText('ยังไม่มีข้อมูลบุคคลในหน่วยงานนี้');
  await expect(page.getByTestId('empty-state')).toContainText('เมื่อสำนักงานพัฒนาชุมชนอำเภอบันทึกข้อมูลแล้ว');
  await page.goto('/certifications?unit=40');
  await expect(page.getByTestId('empty-state')).toContainText('ยังไม่มีใบรับรองมาตรฐานในหน่วยงานนี้');
  await page.goto('/pipeline?unit=40');
  await expect(page.getByTestId('empty-state')).toContainText('ยังไม่มีภูมิปัญญาหรือกลุ่มอาชีพในหน่วยงานนี้');
});

test('an empty list offers the add action to the district officer who may add', async ({ page }) => {
  await signIn(page, 'demo-district');
  // Every demo district has people; answer this one list as a district that has none yet would.
  await page.route(
    (url) => url.pathname === '/api/people',
    (route) => route.fulfill({ json: { items: [], total: 0, page: 1, pageSize: 20 } }),
  );
  await page.goto('/people');
  const empty = page.getByTestId('empty-state');
  await expect(empty).toContainText('ยังไม่มีข้อมูลบุคคลในหน่วยงานนี้');
  await expect(empty).toContainText('กด "เพิ่มบุคคล" เพื่อบันทึกรายการแรก');
  await empty.getByRole('button', { name: 'เพิ่มบุคคล' }).click();
  await expect(page.getByRole('dialog', { name: 'เพิ่มบุคคล' })).toBeVisible();
});

/** Opens the first record of a list on its own page, and answers the record as the API gives it. */
async function openFirstRecord(page: Page, list: 'producers' | 'products') {
  await page.goto(`/${list}`);
  await page.getByTestId('record-open').first().click();
  await expect(page).toHaveURL(new RegExp(`/${list}/\\d+`));
  const id = new RegExp(`/${list}/(\\d+)`).exec(page.url())![1];
  return (await page.request.get(`/api/${list}/${id}`)).json();
}

test('a form opened from a record’s page names the record it is for, though the picker’s list does not hold it', async ({
  page,
}) => {
  await signIn(page, 'demo-district');
  // As in a district with more records than a picker's first page: the lists answer without the record.
  const withoutIt = (path: string) =>
    page.route(
      (url) => url.pathname === path,
      (route) => route.fulfill({ json: { items: [], total: 0, page: 1, pageSize: 200 } }),
    );

  const producer = await openFirstRecord(page, 'producers');
  await withoutIt('/api/producers');
  await page.getByRole('button', { name: 'เพิ่มผลิตภัณฑ์' }).click();
  const newProduct = page.getByRole('dialog', { name: 'เพิ่มผลิตภัณฑ์' });
  await expect(newProduct.getByRole('combobox', { name: 'ผู้ผลิต' })).toHaveValue(
    `${producer.ownerName} (${producer.registrationNo})`,
  );
  await newProduct.getByRole('button', { name: 'ยกเลิก' }).click();

  const product = await openFirstRecord(page, 'products');
  await withoutIt('/api/products');
  await page.getByRole('button', { name: 'เพิ่มใบรับรองมาตรฐาน' }).click();
  const newCertificate = page.getByRole('dialog', { name: 'เพิ่มใบรับรองมาตรฐาน' });
  await expect(newCertificate.getByRole('combobox', { name: 'ผลิตภัณฑ์' })).toHaveValue(`${product.name} · ${product.producerName}`);
});
