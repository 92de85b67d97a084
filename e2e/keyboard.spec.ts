import { expect, test } from '@playwright/test';
import { signIn } from './session';

test('a record in a list opens from the keyboard: focus its row button and press Enter or Space', async ({ page }) => {
  await signIn(page, 'demo-district');
  await page.goto('/groups');
  const first = page.getByTestId('record-open').first();
  const name = (await first.textContent()) ?? '';
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/groups\/\d+/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  await page.goto('/wisdom');
  await page.getByTestId('record-open').first().focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/\/wisdom\/\d+/);
});

test('the pipeline funnel is a list whose items hold buttons, not buttons posing as list items', async ({ page }) => {
  await signIn(page, 'demo-district');
  await page.goto('/pipeline');
  const funnel = page.getByRole('list', { name: 'จำนวนตามขั้นการพัฒนา' });
  await expect(funnel.getByRole('listitem')).toHaveCount(8); // the eight stages of DOMAIN.md §3
  await expect(page.locator('button[role="listitem"]')).toHaveCount(0);
  await page.getByTestId('stage-group_formed').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/groups\?.*stage=group_formed/);
});
