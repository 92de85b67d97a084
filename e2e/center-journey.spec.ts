import { expect, type Page, test } from '@playwright/test';
import { expectNoSidewaysScroll, signIn } from './session';

/**
 * The center's month of work, end to end (issue #10): an outreach trip with two services to a fresh group, one referred
 * to BAAC; a market event with sales for two groups; the BAAC loan approved; an income increase recorded by a committee
 * member and verified by the officer; the group's stage moving by itself; and the province reading it in the work log.
 */
test.describe.configure({ mode: 'serial' });

// Digits only: a stamp of Latin letters alone would read as an untranslated word to the every-page check.
const stamp = String(Date.now()).slice(-8);
const GROUP = `กลุ่มทอเสื่อกกบ้านหนองบัว ${stamp}`;
const PLACE = `บ้านหนองบัว หมู่ 4 ${stamp}`;
const MARKETING = `สอนถ่ายภาพเสื่อกกและเปิดร้านค้าออนไลน์ ${stamp}`;
const FUNDING = `แนะนำสินเชื่อเพื่อซื้อกกและสีย้อม ${stamp}`;
const REASON = `วงเงินเกินกองทุนหมู่บ้าน ส่ง ธ.ก.ส. พิจารณา ${stamp}`;
const MARKET = `ตลาดนัดเสื่อกกริมมูล ${stamp}`;
const OUTCOME = `รายได้เพิ่มขึ้นหลังขายที่ตลาดนัด ${stamp}`;
const BAAC = /ธนาคารเพื่อการเกษตร/;

let groupUrl = '';

/**
 * Picks an option of a Mantine Select or MultiSelect in the dialog by its label and returns the option's text; a
 * MultiSelect's list stays open and is closed with Escape (on a Select, Escape would close the dialog instead).
 */
async function choose(page: Page, label: string, option: string | RegExp | number, multi = false) {
  const dialog = page.getByRole('dialog');
  await dialog
    .getByRole('combobox', { name: label, exact: true })
    .or(dialog.getByRole('textbox', { name: label, exact: true }))
    .first()
    .click();
  const chosen =
    typeof option === 'number' ? page.getByRole('option').nth(option) : page.getByRole('option', { name: option }).first();
  const text = ((await chosen.textContent()) ?? '').trim();
  await chosen.click();
  if (multi) await page.keyboard.press('Escape');
  return text;
}

test('0. a fresh group of three of the district’s people, with nothing yet proving market or funding access', async ({
  page,
}) => {
  await signIn(page, 'demo-district');
  const people = await page.request.get('/api/people?unit=3401&pageSize=3');
  expect(people.status(), await people.text()).toBe(200);
  const ids: number[] = (await people.json()).items.map((p: { id: number }) => p.id);
  expect(ids).toHaveLength(3);
  const made = await page.request.post('/api/groups', {
    data: {
      orgUnitCode: '3401',
      name: GROUP,
      foundedOn: '2025-06-01',
      members: ids.map((personId, i) => ({ personId, role: i === 0 ? 'chair' : 'member' })),
    },
  });
  expect(made.status(), await made.text()).toBe(201);
  groupUrl = `/groups/${(await made.json()).id}?unit=3401`;
  await page.goto(groupUrl);
  await expect(page.getByTestId('group-stage')).toHaveText('รวมกลุ่มอาชีพ');
  const evidence = page.getByTestId('group-evidence');
  await expect(evidence).not.toContainText('เข้าถึงตลาด');
  await expect(evidence).not.toContainText('เข้าถึงแหล่งทุน');
});

test('1. demo-district records an outreach trip with two services to the group and refers one to BAAC', async ({ page }) => {
  await signIn(page, 'demo-district');
  const dialog = page.getByRole('dialog');
  await page.getByRole('link', { name: 'การให้บริการ', exact: true }).click();
  await page.getByRole('button', { name: 'บันทึกการออกหน่วย' }).click();
  await dialog.getByLabel('หมู่บ้าน/ตำบลที่ไป').fill(PLACE);
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  const trip = page.getByTestId('outreach-trip').filter({ hasText: PLACE });
  await expect(trip).toContainText('บริการ 0 รายการ');

  for (const [type, what] of [
    ['ความรู้: การตลาด', MARKETING],
    ['เชื่อมโยงแหล่งทุน', FUNDING],
  ]) {
    await trip.getByRole('button', { name: 'บันทึกบริการในรอบนี้' }).click();
    await expect(
      dialog
        .getByRole('textbox', { name: 'รอบการออกหน่วย', exact: true })
        .or(dialog.getByRole('combobox', { name: 'รอบการออกหน่วย', exact: true }))
        .first(),
    ).toHaveValue(new RegExp(PLACE));
    await choose(page, 'กลุ่มที่รับบริการ', GROUP, true);
    await choose(page, 'ประเภทบริการ', type, true);
    await dialog.getByRole('textbox', { name: 'สิ่งที่ดำเนินการ' }).fill(what);
    await dialog.getByRole('button', { name: 'บันทึก' }).click();
    await expect(dialog).toHaveCount(0);
  }
  await expect(trip).toContainText('บริการ 2 รายการ');

  // The funding service, at its own address, referred to the district's BAAC branch.
  await trip.getByRole('button', { name: 'ดูบริการของรอบนี้' }).click();
  await expect(page.getByRole('row').filter({ hasText: GROUP })).toHaveCount(2);
  await page.getByRole('row').filter({ hasText: GROUP }).filter({ hasText: 'เชื่อมโยงแหล่งทุน' }).getByTestId('record-open').click();
  await expect(page).toHaveURL(/\/services\/\d+/);
  await expect(page.getByText(FUNDING)).toBeVisible();
  await expect(page.getByText('เชิงรุก (ออกหน่วย)', { exact: false }).first()).toBeVisible();
  await page.getByRole('button', { name: 'ส่งต่อ', exact: true }).click();
  await expect(
    dialog
      .getByRole('textbox', { name: 'ผู้รับการส่งต่อ', exact: true })
      .or(dialog.getByRole('combobox', { name: 'ผู้รับการส่งต่อ', exact: true }))
      .first(),
  ).toHaveValue(GROUP);
  await choose(page, 'ภาคีเครือข่าย', BAAC);
  await dialog.getByRole('textbox', { name: 'เหตุผลที่ส่งต่อ' }).fill(REASON);
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  const referral = page.getByTestId('referrals-section').getByTestId('referral');
  await expect(referral).toContainText('ธนาคารเพื่อการเกษตร');
  await expect(referral.getByTestId('referral-status')).toHaveText('ส่งต่อแล้ว');
});

test('2. demo-district records a market event with sales for the group and another', async ({ page }) => {
  await signIn(page, 'demo-district');
  const dialog = page.getByRole('dialog');
  await page.getByRole('link', { name: 'กิจกรรมและการอบรม', exact: true }).click();
  await page.getByRole('button', { name: 'บันทึกกิจกรรม' }).first().click();
  await choose(page, 'ประเภทกิจกรรม', 'ตลาดและงานแสดงสินค้า');
  await choose(page, 'ประเภทตลาดหรืองาน', 'ตลาดชุมชน');
  await dialog.getByRole('textbox', { name: 'ชื่อกิจกรรม' }).fill(MARKET);
  await dialog.getByRole('textbox', { name: 'สถานที่' }).fill('ลานวัดบ้านหนองบัว');
  let other = await choose(page, 'กลุ่มที่เข้าร่วม', 0, true);
  if (other === GROUP) other = await choose(page, 'กลุ่มที่เข้าร่วม', 1, true);
  else await choose(page, 'กลุ่มที่เข้าร่วม', GROUP, true);
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);

  await page.getByRole('textbox', { name: 'ค้นหาชื่อกิจกรรม สถานที่' }).fill(MARKET);
  await page.getByTestId('record-open').filter({ hasText: MARKET }).first().click();
  await expect(page).toHaveURL(/\/activities\/\d+/);
  await page.getByRole('button', { name: 'บันทึกยอดขาย' }).click();
  const grid = page.getByTestId('sales-grid');
  await grid
    .getByRole('textbox', { name: `ยอดขาย (บาท) ${GROUP}` })
    .first()
    .fill('3,200');
  await grid
    .getByRole('textbox', { name: `จำนวนที่ขายได้ ${GROUP}` })
    .first()
    .fill('16');
  await grid
    .getByRole('textbox', { name: `ยอดขาย (บาท) ${other}` })
    .first()
    .fill('1,450.50');
  await grid.getByRole('button', { name: 'บันทึกยอดขาย' }).click();
  await expect(page.getByTestId('sales-total')).toHaveText('ยอดขายรวมทั้งงาน 4,650.50 บาท');
});

test('3. the BAAC referral gets an approved loan', async ({ page }) => {
  await signIn(page, 'demo-district');
  const dialog = page.getByRole('dialog');
  await page.getByRole('link', { name: 'แหล่งทุน', exact: true }).click();
  await page.getByRole('button', { name: 'บันทึกคำขอแหล่งทุน' }).first().click();
  await choose(page, 'กลุ่มอาชีพ', GROUP);
  await choose(page, 'แหล่งทุน', /ธ\.ก\.ส\./);
  await choose(page, 'การส่งต่อที่เกี่ยวข้อง', BAAC);
  await dialog.getByRole('textbox', { name: 'วัตถุประสงค์' }).fill('สินเชื่อซื้อกกและสีย้อมสำหรับทอเสื่อ');
  await dialog.getByRole('textbox', { name: 'วงเงินที่ขอ (บาท)' }).fill('80,000');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: GROUP });
  await expect(row.getByTestId('funding-status')).toHaveText('ยื่นคำขอแล้ว');
  await row.getByRole('button', { name: 'บันทึกผลการพิจารณา' }).click();
  await expect(
    dialog
      .getByRole('textbox', { name: 'ผลการพิจารณา', exact: true })
      .or(dialog.getByRole('combobox', { name: 'ผลการพิจารณา', exact: true }))
      .first(),
  ).toHaveValue('อนุมัติ');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row.getByTestId('funding-status')).toHaveText('อนุมัติ');

  // The application remembers the referral it came from.
  await row.getByTestId('record-open').click();
  await expect(
    dialog
      .getByRole('textbox', { name: 'การส่งต่อที่เกี่ยวข้อง', exact: true })
      .or(dialog.getByRole('combobox', { name: 'การส่งต่อที่เกี่ยวข้อง', exact: true }))
      .first(),
  ).toHaveValue(BAAC);
  await dialog.getByRole('button', { name: 'ยกเลิก' }).click();
});

test('4. demo-committee records an income increase from the sales; demo-district verifies it', async ({ page }) => {
  await signIn(page, 'demo-committee');
  const dialog = page.getByRole('dialog');
  await page.getByRole('link', { name: 'ผลลัพธ์', exact: true }).click();
  await page.getByRole('button', { name: 'บันทึกผลลัพธ์' }).first().click();
  await choose(page, 'กลุ่มอาชีพ', GROUP);
  await expect(
    dialog
      .getByRole('textbox', { name: 'ประเภทผลลัพธ์', exact: true })
      .or(dialog.getByRole('combobox', { name: 'ประเภทผลลัพธ์', exact: true }))
      .first(),
  ).toHaveValue('รายได้เพิ่มขึ้น');
  // This fiscal quarter so far (with the market-event sales) against the same months a year before.
  await expect(dialog.getByTestId('income-preview')).toContainText('ช่วงก่อน 0.00 บาท ช่วงหลัง 3,200.00 บาท');
  await dialog.getByRole('textbox', { name: 'รายละเอียด' }).fill(OUTCOME);
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: GROUP })).toContainText('รอการรับรอง');

  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'ออกจากระบบ' }).click();
  await signIn(page, 'demo-district');
  await page
    .getByTestId('my-tasks')
    .getByRole('link', { name: /ผลลัพธ์รอให้คุณรับรอง/ })
    .click();
  await page.getByRole('row').filter({ hasText: GROUP }).getByTestId('record-open').click();
  await dialog.getByRole('button', { name: 'รับรองผลลัพธ์' }).click();
  await expect(dialog.getByTestId('outcome-status')).toHaveText('รับรองแล้ว');
  await page.keyboard.press('Escape');
});

test('5–6. the group moved by itself to market and funding access; its page shows sales, referral, funding, outcome', async ({
  page,
}) => {
  await signIn(page, 'demo-district');
  await page.goto(groupUrl);
  await expect(page.getByRole('heading', { level: 1, name: GROUP })).toBeVisible();
  await expect(page.getByTestId('group-stage')).toHaveText(/เข้าถึงแหล่งทุน|เติบโตเป็นธุรกิจ/);
  const evidence = page.getByTestId('group-evidence');
  await expect(evidence).toContainText('เข้าถึงตลาด');
  await expect(evidence).toContainText('เข้าถึงแหล่งทุน');
  // The timeline: each move made from the records, none by hand.
  const timeline = page.locator('.mantine-Timeline-root');
  await expect(timeline).toContainText('มีบันทึกยอดขาย');
  await expect(timeline).toContainText('ได้รับอนุมัติแหล่งทุน');
  await expect(timeline.getByText('อัตโนมัติจากข้อมูล')).not.toHaveCount(0);
  await expect(timeline.locator('.mantine-Timeline-item').filter({ hasText: 'เข้าถึงตลาด' })).toContainText('อัตโนมัติจากข้อมูล');
  await expect(timeline.locator('.mantine-Timeline-item').filter({ hasText: 'เข้าถึงแหล่งทุน' })).toContainText('อัตโนมัติจากข้อมูล');

  const sales = page.getByTestId('group-sales');
  await expect(sales.locator('.recharts-surface').first()).toBeVisible();
  await expect(sales.getByTestId('sales-table')).toContainText('3,200.00');
  await expect(page.getByTestId('services-received').getByRole('link')).toHaveCount(2);
  await expect(page.getByTestId('group-activities')).toContainText(MARKET);
  const referral = page.getByTestId('referrals-section').getByTestId('referral');
  await expect(referral).toContainText('ธนาคารเพื่อการเกษตร');
  await expect(referral).toContainText(REASON);
  const funding = page.getByTestId('group-funding');
  await expect(funding).toContainText('ธ.ก.ส.');
  await expect(funding).toContainText('80,000.00');
  await expect(funding).toContainText('อนุมัติ');
  const outcomes = page.getByTestId('group-outcomes');
  await expect(outcomes).toContainText('รายได้เพิ่มขึ้น');
  await expect(outcomes.getByTestId('outcome-status')).toHaveText('รับรองแล้ว');
});

test('7. demo-province opens the work log, picks the district and finds the month’s work', async ({ page }) => {
  await signIn(page, 'demo-province');
  await page.getByRole('link', { name: 'บันทึกการทำงาน', exact: true }).click();
  await expect(page).toHaveURL(/\/worklog/);
  await page
    .getByRole('textbox', { name: 'เลือกหน่วยงานในสังกัด' })
    .or(page.getByRole('combobox', { name: 'เลือกหน่วยงานในสังกัด' }))
    .first()
    .click();
  await page.getByRole('option', { name: /เมืองอุบลราชธานี/ }).click();
  await expect(page).toHaveURL(/unit=3401/);
  await expect(page.getByTestId('worklog-counts')).toBeVisible();

  const type = page
    .getByRole('textbox', { name: 'ประเภทงาน', exact: true })
    .or(page.getByRole('combobox', { name: 'ประเภทงาน', exact: true }))
    .first();
  for (const [kind, texts] of [
    ['การให้บริการ', [MARKETING, FUNDING]],
    ['ออกหน่วยเชิงรุก', [PLACE]],
    ['กิจกรรม/อบรม', [MARKET]],
    ['การส่งต่อ', [REASON]],
    ['แหล่งทุน', [GROUP]],
    ['ผลลัพธ์', [GROUP]],
  ] as const) {
    await type.click();
    await page.getByRole('option', { name: kind, exact: true }).click();
    for (const text of texts) await expect(page.getByRole('row').filter({ hasText: text }).first()).toBeVisible();
  }
  // The funding entry is the approved loan; the outcome the income increase.
  await type.click();
  await page.getByRole('option', { name: 'แหล่งทุน', exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: GROUP }).first()).toContainText('อนุมัติ');
  await type.click();
  await page.getByRole('option', { name: 'ผลลัพธ์', exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: GROUP }).first()).toContainText('รายได้เพิ่มขึ้น');
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the group page with its chart, referral, funding and outcome does not scroll sideways', async ({ page }) => {
    await signIn(page, 'demo-district');
    await page.goto(groupUrl);
    await expect(page.getByRole('heading', { level: 1, name: GROUP })).toBeVisible();
    await expect(page.getByTestId('group-sales').locator('.recharts-surface').first()).toBeVisible();
    await expect(page.getByTestId('group-outcomes')).toContainText('รายได้เพิ่มขึ้น');
    await expect(page.getByTestId('referrals-section')).toContainText('ธนาคารเพื่อการเกษตร');
    await expectNoSidewaysScroll(page);
  });
});
