import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll, signIn } from './session';

const STATUS = /ผ่าน|ยังไม่ผ่าน|ยังไม่ถึงกำหนด/;

test('a district sees its indicators as cards in words, its results, and the records behind one', async ({ page }) => {
  await signIn(page, 'demo-district');
  await page.getByRole('link', { name: 'ติดตามตัวชี้วัด' }).click();
  await expect(page).toHaveURL(/\/monitoring/);
  const cards = page.getByTestId('indicator-cards');
  await expect(cards.locator('[data-indicator]')).toHaveCount(7);
  for (const card of await cards.locator('[data-indicator]').all()) await expect(card).toContainText(STATUS);
  await expect(page.getByTestId('result-figures')).toContainText('กิจกรรม');

  await cards.getByText('มีแผนพัฒนาระยะสั้นและระยะยาว').click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toContainText('มีแผนพัฒนาระยะสั้นและระยะยาว');
  await expect(drawer.getByTestId('indicator-records')).toContainText(STATUS);
  await page.keyboard.press('Escape');

  // One quarter of the year.
  await page
    .getByRole('textbox', { name: 'ช่วงเวลา' })
    .or(page.getByRole('combobox', { name: 'ช่วงเวลา' }))
    .first()
    .click();
  await page.getByRole('option', { name: 'ไตรมาส 1' }).click();
  await expect(cards.locator('[data-indicator]')).toHaveCount(7);
});

test('a province reads the completeness matrix and opens a cell; on a phone the matrix scrolls inside itself', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, 'demo-province');
  await page.goto('/monitoring');
  const matrix = page.getByTestId('completeness-matrix');
  const row = matrix.locator('tr[data-unit="3401"]');
  await expect(row).toBeVisible();
  // 12 months + 4 + 4 quarters + 4 yearly cells, each a button named by district, indicator, period and status.
  await expect(row.getByRole('button')).toHaveCount(24);
  await expectNoSidewaysScroll(page, 'monitoring at 360 px');
  const scrolls = await matrix.evaluate((box) => box.scrollWidth > box.clientWidth);
  expect(scrolls).toBe(true);

  await row.getByRole('button', { name: /ต\.ค\./ }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toContainText('จัดกิจกรรมร่วมกับภาคีเครือข่ายทุกเดือน');
  await expect(drawer.getByTestId('indicator-records')).toContainText(STATUS);
  const link = drawer.getByRole('link').first();
  if (await link.count()) {
    await link.click();
    await expect(page).toHaveURL(/\/activities\/\d+/);
  }
});

test('the department sees the share per province and opens a province’s matrix', async ({ page }) => {
  await signIn(page, 'demo-admin');
  await page.goto('/monitoring');
  const shares = page.getByTestId('province-shares');
  await expect(shares).toBeVisible();
  await shares.getByRole('button', { name: /อุบลราชธานี/ }).click();
  await expect(page).toHaveURL(/unit=34/);
  await expect(page.getByTestId('completeness-matrix').locator('tr[data-unit="3401"]')).toBeVisible();
});
