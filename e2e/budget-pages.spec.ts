import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoSidewaysScroll, openSeedActivity, signIn } from './session';

// The budget, spending, expense-plan, advance and home pages as a new user meets them (issue #9): in Thai and
// English, on a laptop (1366 px) and a phone (360 px).
const SIZES = [
  { name: 'laptop', width: 1366, height: 800 },
  { name: 'phone', width: 360, height: 800 },
] as const;

async function inEnglish(page: Page) {
  await page.evaluate(() => localStorage.setItem('thanrak.language', 'en'));
  await page.reload();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

/** Holds the answers of matching API calls for a moment, so the page's loading state can be seen. */
async function slowDown(page: Page, url: string) {
  await page.route(url, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
}

/** The element lies wholly inside the window's width: not cut off, not behind a sideways scroll. */
async function expectInView(page: Page, locator: Locator) {
  await expect(locator).toBeVisible();
  const box = (await locator.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width + 0.5);
}

const fiscalYearField = (page: Page, name: string) =>
  page.getByRole('textbox', { name }).or(page.getByRole('combobox', { name })).first();

test('a committee member has no advance task (only officials borrow); her certificate task opens its page', async ({ page }) => {
  await signIn(page, 'demo-committee');
  const tasks = page.getByTestId('my-tasks');
  await expect(tasks.getByRole('link', { name: /ใบรับรองมาตรฐาน/ })).toBeVisible();
  await expect(tasks).not.toContainText('เงินยืม');
  await tasks.getByRole('link', { name: /ใบรับรองมาตรฐาน/ }).click();
  await expect(page).toHaveURL(/\/certifications/);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText('คุณไม่มีสิทธิ์ทำรายการนี้')).toHaveCount(0);
});

test('home in English shows a skeleton while tasks load, then one overdue advance in the singular', async ({ page }) => {
  await slowDown(page, '**/api/tasks');
  await signIn(page, 'demo-district');
  await inEnglish(page);
  const tasks = page.getByTestId('my-tasks');
  await expect(tasks.getByTestId('loading')).toBeVisible();
  await expect(tasks.getByRole('link', { name: /^1 cash advance overdue/ })).toBeVisible();
  await tasks.getByRole('link', { name: /cash advance overdue/ }).click();
  await expect(page).toHaveURL(/\/advances/);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

for (const size of SIZES) {
  test(`a district's budget on a ${size.name}: its own money, whole names, Thai quarters, nothing off screen`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await signIn(page, 'demo-district');
    await slowDown(page, '**/api/budget/items?*');
    await page.goto('/budget');
    await expect(page.getByTestId('loading').first()).toBeVisible();
    // Mueang Ubon received 25,000 for the activity; the nation's 2,634,000 is not the district's figure.
    await expect(page.getByTestId('budget-amount')).toHaveText(['25,000.00']);
    await expect(page.getByText('ได้รับจัดสรร (บาท)')).toBeVisible();
    await expect(page.getByText('2,634,000.00')).toHaveCount(0);
    const activity = page.getByTestId('budget-activity');
    // A long name wraps over a few full lines, never one word per line.
    expect((await activity.boundingBox())!.height).toBeLessThan(100);
    await activity.click();

    const shares = page.getByTestId('quarter-shares');
    // Approved payments count (the 8,500 the chief approved, and receipts that cleared an advance), pending ones not.
    await expect(shares).toContainText(/ไตรมาส 1 ร้อยละ \d+/);
    await expect(shares).not.toContainText('Q1');
    const payment = page.getByTestId('payment').filter({ hasText: '8,500.00' });
    await expectInView(page, payment.getByText('8,500.00'));
    await expectInView(page, payment.getByText('อนุมัติแล้ว'));
    await expectInView(page, page.getByTestId('payment').filter({ hasText: '2,400.00' }).getByText('รออนุมัติ'));
    await expectInView(page, page.getByLabel('ราคา/หน่วย (บาท) 1'));
    await expectInView(page, page.getByRole('button', { name: 'ส่งจังหวัด' }));
    await expectInView(page, page.getByRole('button', { name: 'บันทึกการเบิกจ่าย' }));
    await expectNoSidewaysScroll(page);
  });
}

test('a province on a phone sees its allocations and the districts’ submissions as cards, amounts and statuses in view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page, 'demo-province');
  await page.goto('/budget');
  await expect(page.getByTestId('budget-amount')).toHaveText(['75,000.00']);
  await page.getByTestId('budget-activity').click();
  const allocation = page.getByTestId('allocation-made').first();
  await expectInView(page, allocation.getByText('25,000.00'));
  await expectInView(page, allocation.getByRole('button', { name: 'ยกเลิกการจัดสรร' }));
  const submission = page.getByTestId('submission').first();
  await expectInView(page, submission.getByText('ยังไม่ส่ง'));
  await expect(page.getByTestId('spending-empty')).toContainText('ยังไม่มีการเบิกจ่าย');
  await expectNoSidewaysScroll(page);
});

test('on a phone the seed register keeps every amount in view: category and quarter go under the unit', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page, 'demo-province');
  await openSeedActivity(page);
  const register = page.getByTestId('register');
  await expect(register.getByRole('row')).toHaveCount(1 + 26 + 1);
  const firstRow = register.getByRole('row').nth(1);
  await expectInView(page, firstRow.getByText('1,500.00'));
  await expect(firstRow).toContainText('ไตรมาส 3');
  await expectInView(page, page.getByTestId('register-total'));
  const overflow = await register.evaluate((table) => table.scrollWidth - table.parentElement!.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await expectNoSidewaysScroll(page);
});

test('a year without budget items says so and what will fill it', async ({ page }) => {
  await signIn(page, 'demo-district');
  await page.goto('/budget');
  await fiscalYearField(page, 'ปีงบประมาณ').click();
  await page.getByRole('option', { name: '2564' }).click();
  await expect(page.getByTestId('empty-state')).toContainText('ยังไม่มีรายการงบประมาณในปีนี้');
  await expect(page.getByTestId('empty-state')).toContainText('เมื่อกรมการพัฒนาชุมชนบันทึกแผนงานและกิจกรรมของปีนี้แล้ว');
});

test('the expense plan: months of the fiscal year in the Buddhist Era, a plain total, the amount in words in Thai and English', async ({
  page,
}) => {
  await signIn(page, 'demo-district');
  await page.goto('/budget');
  await page.getByTestId('budget-activity').click();
  await expect(page.getByTestId('expense-plan-start')).toBeVisible();
  await page.getByLabel('รายการ 1').fill('วัสดุจัดประชุมคณะกรรมการศูนย์ฯ');
  await page.getByLabel('จำนวน 1').fill('3');
  await page.getByLabel('หน่วย 1').fill('ชุด');
  await page.getByLabel('ราคา/หน่วย (บาท) 1').fill('500');
  await page.getByRole('button', { name: 'เพิ่มกิจกรรม' }).click();
  await page.getByLabel('กิจกรรม 1').fill('ประชุมคณะกรรมการศูนย์ฯ');
  await page.getByLabel('ผู้รับผิดชอบ 1').fill('พัฒนาการอำเภอ');
  const month = fiscalYearField(page, 'เดือน 1');
  await month.click();
  await expect(page.getByRole('option', { name: 'ตุลาคม 2569' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'กันยายน 2570' })).toBeVisible();
  await page.getByRole('option', { name: 'มกราคม 2570' }).click();
  await expect(month).toHaveValue('มกราคม 2570');

  // A month left unchosen is asked for in words, not as a Gregorian pattern.
  await page.getByRole('button', { name: 'เพิ่มกิจกรรม' }).click();
  await page.getByLabel('กิจกรรม 2').fill('จัดนิทรรศการ');
  await page.getByLabel('ผู้รับผิดชอบ 2').fill('คณะกรรมการศูนย์ฯ');
  await page.getByRole('button', { name: 'ส่งจังหวัด' }).click();
  await expect(page.getByText('กรุณาเลือกจากรายการ')).toBeVisible();
  await expect(page.getByText(/ค\.ศ\.|ปปปป/)).toHaveCount(0);
  await fiscalYearField(page, 'เดือน 2').click();
  await page.getByRole('option', { name: 'มีนาคม 2570' }).click();

  const saved = page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith('/api/expense-plans'));
  await page.getByRole('button', { name: 'บันทึกร่าง' }).click();
  expect((await saved).postDataJSON().actions.map((a: { month: string }) => a.month)).toEqual(['2027-01', '2027-03']);
  await expect(page.getByTestId('expense-status')).toHaveText('ฉบับร่าง');
  // The total stands alone; what was received is its own line, so nothing dangles at the end of a line.
  await expect(page.getByTestId('expense-total')).toHaveText('รวม 1,500.00 บาท');
  await expect(page.getByTestId('expense-allocated')).toHaveText('ได้รับจัดสรร 25,000.00 บาท');
  await expect(page.getByText('(หนึ่งพันห้าร้อยบาทถ้วน)')).toBeVisible();

  await inEnglish(page);
  await page.goto('/budget');
  await page.getByTestId('budget-activity').click();
  await expect(fiscalYearField(page, 'Month 1')).toHaveValue('January 2027');
  await expect(page.getByText('(One thousand five hundred baht)')).toBeVisible();
  await expect(page.getByTestId('expense-total')).toHaveText('Total 1,500.00 baht');
});

test('in English the allocation register’s total reads in English words', async ({ page }) => {
  await signIn(page, 'demo-province');
  await inEnglish(page);
  await page.goto('/budget');
  await fiscalYearField(page, 'Fiscal year').click();
  await page.getByRole('option', { name: '2563' }).click();
  await page.getByRole('button', { name: 'การพัฒนาศักยภาพศูนย์บริการส่งเสริมเศรษฐกิจฐานราก' }).click();
  await expect(page.getByText('(Forty-one thousand one hundred baht)')).toBeVisible();
  await expect(page.getByText('สี่หมื่นหนึ่งพันหนึ่งร้อยบาทถ้วน')).toHaveCount(0);
});

for (const size of SIZES) {
  test(`advances on a ${size.name}: contract numbers, whole status badges, money and actions in view, an empty filter says so`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await signIn(page, 'demo-district');
    await slowDown(page, '**/api/advances?*');
    await page.goto('/advances');
    await expect(page.getByTestId('loading')).toBeVisible();
    await expect(page.getByText(/1\/2570/)).toBeVisible();
    await expect(page.getByRole('columnheader', { name: '#' })).toHaveCount(0);

    // Overdue first: what still needs someone comes before settled advances, whatever other journeys added.
    const badge = page.getByTestId('advance-status').first();
    await expect(badge).toHaveText('เกินกำหนด');
    const cut = await badge.evaluate((el) => {
      const label = el.querySelector('.mantine-Badge-label') ?? el;
      return label.scrollWidth > label.clientWidth + 1 || el.getBoundingClientRect().width < label.scrollWidth;
    });
    expect(cut).toBe(false);
    await expectInView(page, badge);
    await expectInView(page, page.getByTestId('balance-1'));
    await expectInView(page, page.getByRole('button', { name: 'ส่งใช้เงินยืม' }));
    await expectNoSidewaysScroll(page);

    await page.getByRole('radiogroup', { name: 'สถานะ' }).getByText('ไม่อนุมัติ').click();
    await expect(page.getByTestId('advances-empty')).toContainText('ไม่มีเงินยืมในสถานะนี้');
  });
}

test('a payment waits for the district chief, who approves it citing the delegation order; the approval shows under it', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const district = await browser.newPage();
  await signIn(district, 'demo-district');
  await district.goto('/budget');
  await district.getByTestId('budget-activity').click();
  await expect(district.getByTestId('spending-totals')).toContainText('รออนุมัติ');
  await district.getByRole('button', { name: 'บันทึกการเบิกจ่าย' }).click();
  const dialog = district.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'รายการ', exact: true }).fill('ค่าวัสดุจัดนิทรรศการผลิตภัณฑ์');
  await dialog.getByRole('textbox', { name: 'จำนวนเงิน (บาท)' }).fill('1,200');
  await dialog
    .getByRole('textbox', { name: 'วิธีจัดซื้อจัดจ้าง' })
    .or(dialog.getByRole('combobox', { name: 'วิธีจัดซื้อจัดจ้าง' }))
    .first()
    .click();
  await district.getByRole('option', { name: 'วิธีตลาดอิเล็กทรอนิกส์ (e-market)' }).click();
  await dialog.getByRole('textbox', { name: 'เลขที่เอกสาร' }).fill('e-GP 6912');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog.getByText('ต้องระบุผู้ขาย/ผู้รับจ้าง (ยกเว้นไม่ต้องจัดซื้อจัดจ้าง)')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'ผู้ขาย/ผู้รับจ้าง' }).fill('ร้านอุบลเครื่องเขียน');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  const asked = district.getByTestId('payment').filter({ hasText: 'e-GP 6912' });
  await expect(asked).toHaveAttribute('data-status', 'pending');
  await expect(asked).toContainText('รออนุมัติ');
  await expect(asked).toContainText('วิธีตลาดอิเล็กทรอนิกส์ (e-market)');

  const chief = await browser.newPage({ viewport: { width: 360, height: 800 } });
  await signIn(chief, 'demo-chief');
  await chief.goto('/budget');
  await chief.getByTestId('budget-activity').click();
  const pending = chief.getByTestId('payment').filter({ hasText: 'e-GP 6912' });
  await pending.getByRole('button', { name: 'อนุมัติ e-GP 6912', exact: true }).click();
  const approve = chief.getByRole('dialog');
  await expect(
    approve
      .getByRole('textbox', { name: 'อาศัยอำนาจตามคำสั่ง' })
      .or(approve.getByRole('combobox', { name: 'อาศัยอำนาจตามคำสั่ง' }))
      .first(),
  ).toHaveValue(/^ที่ /);
  await approve.getByRole('textbox', { name: 'บันทึกประกอบการอนุมัติ' }).fill('ตรวจสอบใบสั่งซื้อแล้ว');
  await approve.getByRole('button', { name: 'อนุมัติ', exact: true }).click();
  await expect(approve).toHaveCount(0);
  const approved = chief.getByTestId('payment').filter({ hasText: 'e-GP 6912' });
  await expect(approved).toHaveAttribute('data-status', 'approved');
  await expect(approved.getByTestId('approval')).toContainText('อนุมัติโดย นายประเสริฐ วงศ์ใหญ่');
  await expect(approved.getByTestId('approval')).toContainText('นายอำเภอเมืองอุบลราชธานี');
  await expect(approved.getByTestId('approval')).toContainText('ตามคำสั่ง');
  await expectNoSidewaysScroll(chief);
});

test('a district chief’s order names the officer who acts for him: the form offers no position', async ({ page }) => {
  await signIn(page, 'demo-chief');
  await page.getByRole('navigation', { name: 'เมนู' }).getByRole('link', { name: 'คำสั่งมอบอำนาจ' }).click();
  await page.getByRole('button', { name: 'บันทึกคำสั่ง' }).click();
  const form = page.getByRole('dialog');
  await expect(form.getByRole('textbox', { name: 'ผู้มอบอำนาจ' })).toHaveValue(/^นายอำเภอ/);
  await expect(form.getByRole('combobox', { name: 'เจ้าหน้าที่' })).toBeVisible();
  await expect(form.getByText('ผู้ดำรงตำแหน่ง')).toHaveCount(0);
  await expect(form.getByRole('combobox', { name: 'ตำแหน่ง' })).toHaveCount(0);
});
