import { expect, type Page, test } from '@playwright/test';
import { expectNoSidewaysScroll, signIn } from './session';

test.describe.configure({ mode: 'serial' });

/** Picks an option of a Mantine Select in the dialog by its label; a MultiSelect's list is closed with Escape. */
async function choose(page: Page, label: string, option: string | RegExp | number, multi = false) {
  const dialog = page.getByRole('dialog');
  await dialog
    .getByRole('combobox', { name: label, exact: true })
    .or(dialog.getByRole('textbox', { name: label, exact: true }))
    .first()
    .click();
  const chosen =
    typeof option === 'number' ? page.getByRole('option').nth(option) : page.getByRole('option', { name: option }).first();
  const text = (await chosen.textContent()) ?? '';
  await chosen.click();
  if (multi) await page.keyboard.press('Escape');
  return text.trim();
}

const ASK = 'กลุ่มขอคำแนะนำสินเชื่อเพื่อซื้อเครื่องทอผ้า';
let requestUrl = '';

test('a district officer records a phone request, accepts it, turns it into a service and refers it to BAAC', async ({
  page,
}) => {
  await signIn(page, 'demo-district');
  const dialog = page.getByRole('dialog');
  await page.getByRole('link', { name: 'คำขอรับบริการ', exact: true }).click();
  await page.getByRole('button', { name: 'บันทึกคำขอ' }).first().click();
  await choose(page, 'ช่องทาง', 'โทรศัพท์');
  const group = await choose(page, 'กลุ่มอาชีพ', 0);
  await choose(page, 'เรื่องที่ขอรับบริการ', 'เชื่อมโยงแหล่งทุน');
  await dialog.getByRole('textbox', { name: 'รายละเอียดคำขอ' }).fill(ASK);
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);

  // The new request heads the list with its reference code; it opens at its own address.
  const row = page.getByRole('row').filter({ hasText: group }).first();
  await expect(row).toContainText('ใหม่');
  await expect(row).toContainText(/\d{4}-\d{4}-\d{4}/);
  await row.getByTestId('record-open').click();
  await expect(page).toHaveURL(/\/requests\/\d+/);
  requestUrl = page.url();
  await expect(page.getByText(ASK)).toBeVisible();

  await page.getByRole('button', { name: 'รับเรื่อง', exact: true }).click();
  await expect(page.getByTestId('request-status')).toHaveText('รับเรื่องแล้ว');

  // Turned into a service: the form starts from the request's group, subject and words. More is to come (a referral),
  // so the request stays open: in progress.
  await page.getByRole('button', { name: 'บันทึกเป็นการให้บริการ' }).click();
  await expect(dialog.getByRole('textbox', { name: 'สิ่งที่ดำเนินการ' })).toHaveValue(ASK);
  await expect(dialog).toContainText(group);
  await dialog.getByRole('checkbox', { name: /ปิดคำขอเป็น "เสร็จสิ้น"/ }).uncheck();
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('request-status')).toHaveText('กำลังดำเนินการ');
  await expect(page.getByTestId('request-service')).toBeVisible();

  // Referred to the district's BAAC partner.
  await page.getByRole('button', { name: 'ส่งต่อ', exact: true }).click();
  await choose(page, 'ภาคีเครือข่าย', /ธนาคารเพื่อการเกษตร/);
  await dialog.getByRole('textbox', { name: 'เหตุผลที่ส่งต่อ' }).fill('วงเงินเกินกองทุนหมู่บ้าน ส่ง ธ.ก.ส. พิจารณาสินเชื่อ');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('request-status')).toHaveText('ส่งต่อแล้ว');
  const referral = page.getByTestId('referral');
  await expect(referral).toContainText('ธนาคารเพื่อการเกษตร');
  await expect(referral.getByTestId('referral-status')).toHaveText('ส่งต่อแล้ว');
  await expect(page.getByTestId('request-history')).toContainText('รับเรื่องแล้ว');

  // The service it became shows the referral too.
  await page.getByTestId('request-service').getByRole('link').click();
  await expect(page).toHaveURL(/\/services\/\d+/);
  await expect(page.getByTestId('referrals-section')).toContainText('ธนาคารเพื่อการเกษตร');
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const language of ['th', 'en'] as const)
    test(`requests, referrals and a request's page fit in ${language === 'th' ? 'Thai' : 'English'}`, async ({ page }) => {
      await signIn(page, 'demo-district');
      await page.evaluate((l) => localStorage.setItem('thanrak.language', l), language);
      await page.goto('/requests');
      await expect(page.getByTestId('record-card').first()).toBeVisible();
      await expect(page.getByRole('table')).toHaveCount(0);
      await expectNoSidewaysScroll(page);
      await page.goto(requestUrl || '/requests');
      await expect(page.getByTestId('request-history')).toBeVisible();
      await expectNoSidewaysScroll(page);
      await page.goto('/requests?tab=referrals');
      await expect(page.getByTestId('record-card').first()).toBeVisible();
      await expectNoSidewaysScroll(page);
    });
});
