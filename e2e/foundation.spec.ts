import { expect, test } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { submitSignIn } from './session';

test('a district officer signs in, sees the district, switches to English and back, and signs out', async ({ page }) => {
  await submitSignIn(page, 'demo-district');
  await expect(page.getByRole('heading', { level: 1, name: 'เมืองอุบลราชธานี' })).toBeVisible();
  await expect(page.getByText('ศูนย์บริการส่งเสริมเศรษฐกิจฐานรากอำเภอเมืองอุบลราชธานี')).toBeVisible();
  await expect(page.getByTestId('my-tasks')).toContainText('เงินยืมเกินกำหนดส่งใช้');
  await expect(page.locator('html')).toHaveAttribute('lang', 'th');

  await page.getByRole('button', { name: 'เปลี่ยนภาษา' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mueang Ubon Ratchathani' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Mueang Ubon Ratchathani' })).toBeVisible();
  await page.getByRole('button', { name: 'Change language' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'เมืองอุบลราชธานี' })).toBeVisible();

  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'ออกจากระบบ' }).click();
  await expect(page.getByRole('heading', { name: 'เข้าสู่ระบบ' })).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
});

test('a wrong password shows a Thai error', async ({ page }) => {
  await submitSignIn(page, 'demo-district', 'not-the-password');
  await expect(page.getByRole('alert')).toContainText('ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง');
  await expect(page).toHaveURL(/\/login$/);
});

test('the login and home pages have no serious or critical accessibility violations', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'เข้าสู่ระบบ' })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await submitSignIn(page, 'demo-province');
  await expect(page.getByRole('heading', { level: 1, name: 'อุบลราชธานี' })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
});

test('a province officer drills down to a district and back up', async ({ page }) => {
  await submitSignIn(page, 'demo-province');
  await page.getByRole('link', { name: 'ตาลสุม 3420' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ตาลสุม' })).toBeVisible();
  await expect(page).toHaveURL(/unit=3420/);
  await page.getByRole('navigation', { name: 'เลือกหน่วยงาน' }).getByRole('link', { name: 'อุบลราชธานี' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'อุบลราชธานี' })).toBeVisible();
});

test('a district officer cannot look at another district by editing the address', async ({ page }) => {
  await submitSignIn(page, 'demo-district-2');
  await expect(page.getByRole('heading', { level: 1, name: 'วารินชำราบ' })).toBeVisible();
  await page.goto('/?unit=3401');
  await expect(page.getByRole('heading', { level: 1, name: 'วารินชำราบ' })).toBeVisible();
  await page.goto('/users?unit=3401');
  await expect(page.getByRole('cell', { name: 'demo-district-2' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'demo-district', exact: true })).toHaveCount(0);
});

test('a district officer adds a committee member, and the change log shows it', async ({ page }) => {
  await submitSignIn(page, 'demo-district');
  await page.getByRole('link', { name: 'ผู้ใช้งาน' }).click();
  await page.getByRole('button', { name: 'เพิ่มผู้ใช้' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('ชื่อผู้ใช้').fill('committee-e2e');
  await dialog.getByLabel('ชื่อ-นามสกุล').fill('นายประหยัด ทองดี');
  await dialog.getByLabel('รหัสผ่านเริ่มต้น (อย่างน้อย 10 ตัวอักษร)').fill('committee-pass-1');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: 'นายประหยัด ทองดี' })).toBeVisible();
  await page.getByRole('link', { name: 'ประวัติการแก้ไข' }).click();
  await expect(page.getByText('committee-e2e').first()).toBeVisible();
});

test('the home page fits a 360 px phone screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await submitSignIn(page, 'demo-province');
  await expect(page.getByRole('heading', { level: 1, name: 'อุบลราชธานี' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: 'เมนู' }).click();
  await expect(page.getByRole('link', { name: 'ผู้ใช้งาน' })).toBeVisible();
});

test('a password set by an officer must be changed at the next sign-in before anything else', async ({ page, request }) => {
  const signInApi = await request.post('/api/auth/login', { data: { username: 'demo-district', password: 'thanrak-demo' } });
  expect(signInApi.ok()).toBe(true);
  const username = `committee-${Date.now().toString(36)}`;
  const created = await request.post('/api/users', {
    data: {
      username,
      displayName: 'นายทดสอบ เปลี่ยนรหัส',
      role: 'committee_member',
      orgUnitCode: '3401',
      password: 'Phu-Chong-Nayoi-2569',
    },
  });
  expect(created.status()).toBe(201);
  const reset = await request.post(`/api/users/${(await created.json()).id}/password`, {
    data: { password: 'Kaeng-Tana-Rapids-2570' },
  });
  expect(reset.ok()).toBe(true);

  await submitSignIn(page, username, 'Kaeng-Tana-Rapids-2570');
  const dialog = page.getByRole('dialog', { name: 'ต้องตั้งรหัสผ่านใหม่ก่อนใช้งานต่อ' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('demo-district');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('รหัสผ่านปัจจุบัน').fill('Kaeng-Tana-Rapids-2570');
  await dialog.getByLabel(/รหัสผ่านใหม่/).fill('Sam-Phan-Bok-Canyon-2569');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'เมืองอุบลราชธานี' })).toBeVisible();
});
