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
