import { expect, test } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { expectNoSidewaysScroll, signIn } from './session';

test('demo-admin finds Ubon Ratchathani on the national map and opens its province dashboard', async ({ page }) => {
  await signIn(page, 'demo-admin');
  await page.getByRole('link', { name: 'แดชบอร์ด', exact: true }).click();
  const map = page.getByTestId('province-map');
  await expect(map).toBeVisible();
  await expect(map.getByRole('button')).toHaveCount(77);
  const ubon = map.getByRole('button', { name: /^อุบลราชธานี: / });
  await ubon.focus();
  await expect(ubon).toBeFocused();
  await expect(page.getByTestId('map-legend')).toBeVisible();
  await ubon.click();
  await expect(page).toHaveURL(/unit=34/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('อุบลราชธานี');
  // A province: its place on the map, and its districts ranked, each a way to the district's dashboard.
  await expect(page.getByTestId('district-ranking')).toBeVisible();
  await page.getByTestId('district-ranking').getByRole('button', { name: 'เมืองอุบลราชธานี' }).click();
  await expect(page).toHaveURL(/unit=3401/);
  await expect(page.getByTestId('trend-table')).toBeVisible();
});

test('demo-district sees its own dashboard on a 360 px phone without sideways scroll', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, 'demo-district');
  await page.goto('/dashboards');
  await expect(page.getByTestId('dashboard-totals')).toBeVisible();
  await expect(page.getByTestId('trend-table')).toBeVisible();
  await expect(page.getByTestId('sales-chart')).toBeVisible();
  await expect(page.getByTestId('dashboard-pdf')).toHaveAttribute('href', /\/api\/dashboards\.pdf\?/);
  await expectNoSidewaysScroll(page);
});

test('a chart names its series in text as clear as the page, in the legend and in the tooltip under the pointer', async ({
  page,
}) => {
  await signIn(page, 'demo-district');
  await page.goto('/dashboards');
  const trend = page.getByRole('img', { name: 'การให้บริการ กิจกรรม และผู้เข้าร่วม รายเดือน' });
  for (const chart of [trend, page.getByTestId('sales-chart')]) {
    await chart.locator('.recharts-wrapper').hover();
    await expect(chart.locator('.recharts-tooltip-item').first()).toBeVisible();
    await expect(chart.locator('.recharts-legend-item-text').first()).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
  }
});
