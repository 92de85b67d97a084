import { expect, type Page, test } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { expectNoSidewaysScroll, signIn } from './session';

// The demo's current year: 3401 has spent 10,000 baht (8,500 paid, 1,500 in receipts clearing an advance) and 3415's
// 12,000 waits for approval; journeys run before this file may add approved payments, so the page is checked against
// what the API answers at that moment (the figures themselves are tested in rollup.test.ts).
const today = new Date();
const FISCAL_YEAR = today.getFullYear() + 543 + (today.getMonth() >= 9 ? 1 : 0);
const baht = (satang: string) =>
  (Number(satang) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

async function spentNow(page: Page, unit: string, row?: string) {
  const body = await (await page.request.get(`/api/spending/rollup?unit=${unit}&fiscalYear=${FISCAL_YEAR}`)).json();
  return baht(row ? body.rows.find((r: { unitCode: string }) => r.unitCode === row).spentSatang : body.total.spentSatang);
}
test("demo-province sees 3401's spending in the province roll-up and opens the district", async ({ page }) => {
  await signIn(page, 'demo-province');
  await page.goto('/spending');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('อุบลราชธานี');
  const muang = page.getByTestId('rollup-row').filter({ hasText: 'เมืองอุบลราชธานี' });
  await expect(muang).toContainText(await spentNow(page, '34', '3401'));
  await expect(page.getByTestId('rollup-total')).toContainText(await spentNow(page, '34'));
  await expect(page.getByTestId('rollup-row').filter({ hasText: 'อุบลราชธานี (ใช้จ่ายเอง)' })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await muang.getByTestId('rollup-unit').click();
  await expect(page).toHaveURL(/unit=3401/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('เมืองอุบลราชธานี');
  await expect(page.getByTestId('rollup-row')).toHaveCount(1);
  await expect(page.getByTestId('rollup-row')).toContainText(await spentNow(page, '3401'));
  // Back up to the province, where one activity can be picked.
  await page.getByRole('link', { name: 'กลับไปภาพรวมระดับบน' }).click();
  await expect(page).toHaveURL(/unit=34/);
  await expect(page.getByTestId('rollup-total')).toContainText(await spentNow(page, '34'));
});

test('the national administrator sees every province, Ubon Ratchathani with its spending', async ({ page }) => {
  await signIn(page, 'demo-admin');
  await page.goto('/spending');
  // 76 covered provinces and the department's own share.
  await expect(page.getByTestId('rollup-row')).toHaveCount(77);
  const ubon = page.getByTestId('rollup-row').filter({ has: page.getByRole('link', { name: 'อุบลราชธานี', exact: true }) });
  await expect(ubon).toContainText(await spentNow(page, 'TH', '34'));
  await ubon.getByRole('link', { name: 'อุบลราชธานี', exact: true }).click();
  await expect(page).toHaveURL(/unit=34/);
  await expect(page.getByTestId('rollup-row').filter({ hasText: 'เมืองอุบลราชธานี' })).toContainText(
    await spentNow(page, '34', '3401'),
  );
});

test('demo-district reads its own row as a card on a 360 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, 'demo-district');
  await page.goto('/spending');
  await expect(page.getByTestId('rollup-card')).toHaveCount(1);
  await expect(page.getByTestId('rollup-card')).toContainText(await spentNow(page, '3401'));
  await expectNoSidewaysScroll(page);
});

test("the province's budget page shows what its districts spent of the activity", async ({ page }) => {
  await signIn(page, 'demo-province');
  await page.goto('/budget');
  await page.getByRole('button', { name: /สู่การพัฒนาผลิตภัณฑ์ OTOP/ }).click();
  const section = page.getByTestId('budget-rollup');
  // The year has one activity with district spending, so the activity's row matches the year's.
  await expect(section.getByTestId('rollup-row').filter({ hasText: 'เมืองอุบลราชธานี' })).toContainText(
    await spentNow(page, '34', '3401'),
  );
});
