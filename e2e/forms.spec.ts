import { expect, type Page, test } from '@playwright/test';
import { signIn } from './session';

/** Every request that would change something (POST, PUT, PATCH, DELETE to the API) from now on. */
function writesSent(page: Page): string[] {
  const writes: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET' && new URL(request.url()).pathname.startsWith('/api/'))
      writes.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  return writes;
}

test('a wisdom item without a title shows a Thai error under the title field and sends nothing', async ({ page }) => {
  await signIn(page, 'demo-district');
  await page.goto('/wisdom');
  const writes = writesSent(page);
  await page.getByRole('button', { name: 'เพิ่ม' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();

  const title = dialog.getByRole('textbox', { name: 'ชื่อ', exact: true });
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  // The message is tied to the field (aria-describedby) and sits right under it.
  const errorId = (await title.getAttribute('aria-describedby'))?.split(' ').find((id) => id.includes('error'));
  expect(errorId).toBeTruthy();
  await expect(dialog.locator(`[id="${errorId}"]`)).toHaveText('จำเป็นต้องกรอก');
  await expect(dialog.getByText('สาขาภูมิปัญญา').locator('..').getByText('จำเป็นต้องกรอก')).toBeVisible();
  await expect(dialog).not.toContainText('body/');
  expect(writes).toEqual([]);
});

test('an amount that is not money is refused next to the field, in English too, before anything is sent', async ({ page }) => {
  await signIn(page, 'demo-district');
  await page.getByRole('button', { name: 'เปลี่ยนภาษา' }).click();
  await page.goto('/advances');
  const writes = writesSent(page);
  await page.getByRole('button', { name: 'Record an advance' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Amount (baht)').fill('12 baht');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Not an amount of money (e.g. 1,250.50)')).toBeVisible();
  await expect(dialog.getByText('Required').first()).toBeVisible();
  expect(writes).toEqual([]);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Change language' }).click();
});

test('a submitted expense plan with an incomplete row shows which field is missing, not a body path', async ({ page }) => {
  await signIn(page, 'demo-district-2');
  await page.goto('/budget');
  await page.getByRole('combobox', { name: 'ปีงบประมาณ' }).click();
  await page.getByRole('option', { name: '2563' }).click();
  await page.getByRole('button', { name: 'การพัฒนาศักยภาพศูนย์บริการส่งเสริมเศรษฐกิจฐานราก' }).click();
  const writes = writesSent(page);
  await page.getByRole('button', { name: 'เพิ่มกิจกรรม' }).click();
  await page.getByLabel('กิจกรรม 1').fill('จัดประชุมคณะกรรมการ');
  await page.getByRole('button', { name: 'ส่งจังหวัด' }).click();
  await expect(page.getByLabel('รายการ 1')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('ผู้รับผิดชอบ 1')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('actions/0')).toHaveCount(0);
  expect(writes).toEqual([]);
});

test('a date typed in Thai digits or with a two-digit year is read; text that is no date is said so, not dropped', async ({
  page,
}) => {
  await signIn(page, 'demo-district');
  await page.goto('/services');
  await page.getByRole('button', { name: 'บันทึกการให้บริการ' }).click();
  const dialog = page.getByRole('dialog');
  const date = dialog.getByRole('textbox', { name: 'วันที่ให้บริการ' });
  for (const typed of ['๓๐/๐๙/๒๕๖๙', '30/9/69']) {
    await date.fill(typed);
    await date.press('Tab');
    await expect(date).toHaveValue('30 กันยายน 2569');
  }
  await date.fill('๓๐ ก.ย.');
  await date.press('Tab');
  await expect(date).toHaveValue('30 กันยายน 2569');
  await expect(dialog.getByText('อ่านวันที่ที่พิมพ์ไม่ได้', { exact: false })).toBeVisible();
  await date.fill('1/10/69');
  await date.press('Tab');
  await expect(date).toHaveValue('1 ตุลาคม 2569');
  await expect(dialog.getByText('อ่านวันที่ที่พิมพ์ไม่ได้', { exact: false })).toHaveCount(0);
});

test('baht and counts typed in Thai digits are read as numbers; a negative amount is said to be negative', async ({ page }) => {
  const group = `กลุ่มทอเสื่อกกเลขไทย ${Date.now() % 100_000}`;
  await signIn(page, 'demo-district');
  const dialog = page.getByRole('dialog');
  await page.getByRole('link', { name: 'กลุ่มอาชีพ', exact: true }).click();
  await page.getByRole('button', { name: 'เพิ่มกลุ่มอาชีพ' }).first().click();
  await dialog.getByRole('textbox', { name: 'ชื่อ', exact: true }).fill(group);
  await dialog.getByRole('textbox', { name: 'วันที่ก่อตั้ง' }).fill('1/6/2568');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);

  await page.goto('/sales');
  await page.getByRole('button', { name: 'บันทึกยอดขาย' }).first().click();
  for (const [label, option] of [
    ['กลุ่มอาชีพ', group],
    ['ช่องทางจำหน่าย', 'ตลาดชุมชน'],
  ]) {
    await dialog
      .getByRole('combobox', { name: label, exact: true })
      .or(dialog.getByRole('textbox', { name: label, exact: true }))
      .first()
      .click();
    await page.getByRole('option', { name: option }).first().click();
  }
  const writes = writesSent(page);
  const amount = dialog.getByRole('textbox', { name: 'ยอดขาย (บาท)' });
  await amount.fill('-๕๐');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog.getByText('จำนวนเงินต้องไม่ติดลบ')).toBeVisible();
  await expect(dialog.getByText('จำนวนเงินต้องเป็นจำนวนสตางค์')).toHaveCount(0);
  expect(writes).toEqual([]);

  await amount.fill('๑,๒๕๐.๕๐');
  // Typed key by key, as an officer with a Thai keyboard does: the count field keeps each digit.
  const quantity = dialog.getByRole('textbox', { name: 'จำนวนที่ขายได้' });
  await quantity.pressSequentially('๔๐');
  await expect(quantity).toHaveValue('40');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: group });
  await expect(row).toContainText('1,250.50');
  await expect(row).toContainText('40');
});
