import { expect, type Page, test } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { expectNoSidewaysScroll, signIn } from './session';

/**
 * A citizen asks for help on the public portal from a phone, the district's officer finds it in the inbox, accepts it
 * and records the service, and the citizen's follow link shows it done. Portal pages have no script: the province's
 * districts come from the server, and axe checks the form, the confirmation and the status page.
 */
test.describe.configure({ mode: 'serial' });

const NAME = 'นางสาวมาลีวัลย์ ศรีสะเกษ';
const ASK = 'อยากรวมกลุ่มแม่บ้านทอผ้าไหมในหมู่บ้าน ขอคำแนะนำเรื่องเงินทุนหมุนเวียน';
let statusUrl = '';
let code = '';

async function expectAccessible(page: Page, where: string) {
  expect((await seriousAxeViolations(page)).map((violation) => `${where}: ${violation}`)).toEqual([]);
}

test.describe('a visitor on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('sends a service request from the portal and gets its reference code and follow link', async ({ page }) => {
    await page.goto('/portal');
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'ขอรับบริการ' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ขอรับบริการจากศูนย์');
    await expect(page.locator('script')).toHaveCount(0);
    await expectAccessible(page, 'form');
    await expectNoSidewaysScroll(page, 'form');

    await page.getByLabel('ชื่อ–นามสกุล').fill(NAME);
    await page.getByLabel('เบอร์โทรศัพท์ที่ติดต่อได้').fill('081-234 5678');
    // Province first: the server answers with the form again, what was typed kept, and the province's districts.
    await page.getByLabel('จังหวัด', { exact: true }).selectOption({ label: 'อุบลราชธานี' });
    await page.getByRole('button', { name: 'แสดงอำเภอของจังหวัดนี้' }).click();
    await expect(page.getByLabel('ชื่อ–นามสกุล')).toHaveValue(NAME);
    await page.getByLabel('อำเภอ').selectOption({ label: 'เมืองอุบลราชธานี' });
    await page.getByLabel('เรื่องที่ต้องการขอรับบริการ').selectOption({ label: 'เชื่อมโยงแหล่งทุน' });
    await page.getByLabel('รายละเอียด').fill(ASK);

    // Sent without consent: the form comes back with the message beside the box, and nothing else lost.
    await page.getByRole('button', { name: 'ส่งคำขอ' }).click();
    await expect(page.getByRole('alert')).toContainText('ต้องยินยอมให้ใช้ชื่อและเบอร์โทรศัพท์');
    await expect(page.getByLabel('รายละเอียด')).toHaveValue(ASK);
    await expectAccessible(page, 'form with a message');
    await page.getByLabel('ข้าพเจ้ายินยอม').check();
    await page.getByRole('button', { name: 'ส่งคำขอ' }).click();

    await expect(page).toHaveURL(/\/portal\/requests\/3401-\d{4}-\d{4}\?k=[\w-]{43}$/);
    code = (await page.locator('.refcode').textContent()) ?? '';
    expect(code).toMatch(/^3401-\d{4}-\d{4}$/);
    statusUrl = page.url();
    await expect(page.getByText('ได้รับคำขอแล้ว รอศูนย์รับเรื่อง').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'เก็บลิงก์นี้ไว้' })).toBeVisible();
    await expect(page.locator('main')).not.toContainText('มาลีวัลย์');
    await expectAccessible(page, 'confirmation');
    await expectNoSidewaysScroll(page, 'confirmation');
  });
});

test('the district officer finds it in the inbox, accepts it and records the service, adding the requester', async ({ page }) => {
  await signIn(page, 'demo-district');
  await page
    .getByTestId('my-tasks')
    .getByRole('link', { name: /คำขอใหม่จากระบบออนไลน์รอรับเรื่อง/ })
    .click();
  await expect(page.getByTestId('portal-inbox')).toHaveAttribute('aria-pressed', 'true');
  const row = page.getByRole('row').filter({ hasText: code });
  await expect(row).toContainText('ระบบออนไลน์');
  await row.getByTestId('record-open').click();
  await expect(page.getByTestId('request-history')).toContainText('ผู้ขอ ยื่นผ่านระบบออนไลน์');

  await page.getByRole('button', { name: 'รับเรื่อง', exact: true }).click();
  await expect(page.getByTestId('request-status')).toHaveText('รับเรื่องแล้ว');

  await page.getByRole('button', { name: 'บันทึกเป็นการให้บริการ' }).click();
  // The service form, and over it for a moment the register's form for the requester.
  const dialog = page.getByRole('dialog', { name: 'บันทึกการให้บริการ' });
  const personDialog = page.getByRole('dialog', { name: 'เพิ่มบุคคล' });
  await expect(dialog.getByTestId('requester')).toContainText(NAME);
  await expect(dialog.getByRole('textbox', { name: 'สิ่งที่ดำเนินการ' })).toHaveValue(ASK);
  await dialog.getByRole('button', { name: 'เพิ่มผู้ขอในทะเบียนบุคคล' }).click();
  await expect(personDialog.getByRole('textbox', { name: 'ชื่อ', exact: true })).toHaveValue('มาลีวัลย์');
  await expect(personDialog.getByRole('textbox', { name: 'นามสกุล' })).toHaveValue('ศรีสะเกษ');
  await personDialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(personDialog).toHaveCount(0);
  await expect(dialog.getByRole('checkbox', { name: /ปิดคำขอเป็น "เสร็จสิ้น"/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('request-status')).toHaveText('เสร็จสิ้น');
  // The service was given to the requester, now on file.
  await page.getByTestId('request-service').getByRole('link').click();
  await expect(page).toHaveURL(/\/services\/\d+/);
  await expect(page.getByRole('link', { name: NAME })).toBeVisible();
});

test.describe('the visitor again', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('sees on the follow link that the request is done and the service given', async ({ page }) => {
    await page.goto(statusUrl);
    await expect(page.locator('.status-now')).toContainText('ดำเนินการเสร็จสิ้น');
    await expect(page.getByText(/ศูนย์ให้บริการตามคำขอแล้ว เมื่อ/)).toBeVisible();
    await expect(page.locator('ol.history li')).toHaveCount(3);
    await expect(page.locator('main')).not.toContainText('มาลีวัลย์');
    await expectAccessible(page, 'status page');
    await expectNoSidewaysScroll(page, 'status page');
    // The follow page takes the link pasted back.
    await page.goto('/portal/requests/follow?lang=en');
    await page.getByLabel('Follow link').fill(statusUrl);
    await page.getByRole('button', { name: 'See the request’s status' }).click();
    await expect(page.locator('.status-now')).toContainText('Done');
  });
});
