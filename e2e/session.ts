import { expect, type Page } from '@playwright/test';

/** The demo accounts' password (README). */
export const DEMO_PASSWORD = 'thanrak-demo';

/** Fills in the sign-in form and sends it, whatever the answer. */
export async function submitSignIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('ชื่อผู้ใช้').fill(username);
  await page.getByLabel('รหัสผ่าน').fill(password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
}

/** Signs in and waits until the app shows the signed-in user's menu. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await submitSignIn(page, username, password);
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

/** Opens the budget page on FY2563 and the seed letter's activity (the register of 26 rows). */
export async function openSeedActivity(page: Page) {
  await page.goto('/budget');
  await page
    .getByRole('textbox', { name: 'ปีงบประมาณ' })
    .or(page.getByRole('combobox', { name: 'ปีงบประมาณ' }))
    .first()
    .click();
  await page.getByRole('option', { name: '2563' }).click();
  await page.getByRole('button', { name: 'การพัฒนาศักยภาพศูนย์บริการส่งเสริมเศรษฐกิจฐานราก' }).click();
}

/** The page is no wider than the screen: nothing scrolls sideways on a phone. */
export async function expectNoSidewaysScroll(page: Page, where = 'page width') {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, where).toBeLessThanOrEqual(0);
}
