import { expect, type Page, test } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { expectNoSidewaysScroll, signIn } from './session';

/** Fills the new-token form and sends it; returns the secret the dialog shows once. */
async function makeToken(page: Page, name: string, unit: string) {
  await page.getByRole('button', { name: 'สร้างโทเคน' }).first().click();
  const form = page.getByRole('dialog', { name: 'สร้างโทเคน' });
  await form.getByRole('textbox', { name: 'ชื่อหรือวัตถุประสงค์' }).fill(name);
  await form.getByRole('textbox', { name: 'รหัสหน่วยงาน (เช่น 34 หรือ 3401)' }).fill(unit);
  await expect(form.getByText('อ่านข้อมูลของหน่วยงานและหน่วยงานในสังกัด', { exact: false })).toBeVisible();
  await form.getByRole('button', { name: 'บันทึก', exact: true }).click();
  const shown = page.getByRole('dialog', { name: `โทเคนใหม่ “${name}”` });
  await expect(shown).toContainText('ระบบจะแสดงโทเคนนี้ครั้งเดียว');
  const secret = (await shown.getByTestId('token-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^thr_[A-Za-z0-9_-]{43}$/);
  return { shown, secret };
}

test('demo-admin makes a read-only token for province 34, copies it once, a program reads with it, and it is revoked', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const name = `แดชบอร์ดจังหวัด ${Date.now()}`;
  await signIn(page, 'demo-admin');
  await page.getByRole('link', { name: 'โทเคน API', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('โทเคน API สำหรับระบบอื่น');
  const { shown, secret } = await makeToken(page, name, '34');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await shown.getByRole('button', { name: 'คัดลอกโทเคน' }).click();
  await expect(shown.getByRole('button', { name: 'คัดลอกแล้ว' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await shown.getByRole('button', { name: 'เก็บแล้ว ปิดหน้าต่าง' }).click();
  await expect(page.getByTestId('token-secret')).toHaveCount(0);

  // A program sends it: it reads province 34's products, and the list never shows the secret again.
  const auth = { authorization: `Bearer ${secret}` };
  const read = await page.request.get('/api/products?unit=3401', { headers: auth });
  expect(read.status()).toBe(200);
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row.getByTestId('token-status')).toHaveText('ใช้งานได้');
  await expect(page.locator('main')).not.toContainText(secret.slice(4, 20));
  expect(await seriousAxeViolations(page)).toEqual([]);

  await row.getByRole('button', { name: 'ยกเลิกโทเคน' }).click();
  const confirm = page.getByRole('dialog', { name: `ยกเลิกโทเคน “${name}”` });
  await expect(confirm).toContainText('นำโทเคนนี้กลับมาใช้อีกไม่ได้');
  await confirm.getByRole('button', { name: 'ยืนยันยกเลิกโทเคน' }).click();
  await expect(row.getByTestId('token-status')).toHaveText('ยกเลิกแล้ว');
  await expect(row).toContainText('ยกเลิกโดย');
  const refused = await page.request.get('/api/products?unit=3401', { headers: auth });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).code).toBe('token.revoked');
  await expectNoSidewaysScroll(page, 'tokens at 1366');
});

test('demo-province makes and revokes a district token on a 360 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const name = `ทะเบียน OTOP อำเภอ ${Date.now()}`;
  await signIn(page, 'demo-province');
  await page.goto('/tokens');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoSidewaysScroll(page, 'tokens at 360');
  const { shown } = await makeToken(page, name, '3401');
  await expectNoSidewaysScroll(page, 'new token at 360');
  await expect(shown.getByRole('button', { name: 'คัดลอกโทเคน' })).toBeVisible();
  await shown.getByRole('button', { name: 'เก็บแล้ว ปิดหน้าต่าง' }).click();

  const card = page.getByTestId('record-card').filter({ hasText: name });
  await expect(card.getByTestId('token-status')).toHaveText('ใช้งานได้');
  await expect(card).toContainText('เมืองอุบลราชธานี (3401)');
  await expect(card).toContainText('ยังไม่เคยใช้');
  await expectNoSidewaysScroll(page, 'token cards at 360');
  await card.getByRole('button', { name: 'ยกเลิกโทเคน' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'ยืนยันยกเลิกโทเคน' }).click();
  await expect(card.getByTestId('token-status')).toHaveText('ยกเลิกแล้ว');
  expect(await seriousAxeViolations(page)).toEqual([]);
});
