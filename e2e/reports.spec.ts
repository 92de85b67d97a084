import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll, signIn } from './session';

test.describe.configure({ mode: 'serial' });

let reportUrl = '';
const NARRATIVE = 'ศูนย์ฯ จัดอบรมการตลาดออนไลน์ให้กลุ่มทอผ้า 3 กลุ่ม ผู้เข้าร่วม 42 คน';

test("a district starts this quarter's report, writes it and sends it to the province", async ({ page }) => {
  await signIn(page, 'demo-district');
  const dialog = page.getByRole('dialog');
  await page.getByRole('link', { name: 'รายงานรายไตรมาส', exact: true }).click();
  await page.getByRole('button', { name: 'เริ่มรายงานไตรมาส' }).first().click();
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(page).toHaveURL(/\/reports\/\d+/);
  reportUrl = page.url();
  await expect(page.getByText('ร่าง', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'แก้ไข', exact: true }).click();
  await dialog.getByRole('textbox', { name: 'ผลการดำเนินงานโดยสรุป' }).fill(NARRATIVE);
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(NARRATIVE)).toBeVisible();

  await page.getByRole('button', { name: 'ส่งให้จังหวัด' }).click();
  await expect(page.getByText('รอจังหวัดพิจารณา', { exact: true })).toBeVisible();
  // The figures were taken from the records as it was sent.
  await expect(page.getByText('ประชุมคณะกรรมการทุกไตรมาส')).toBeVisible();
  await expect(page.getByRole('button', { name: 'ส่งให้จังหวัด' })).toHaveCount(0);
});

test('the province finds it waiting, approves it and locks the quarter', async ({ page }) => {
  await signIn(page, 'demo-province');
  await page.getByRole('link', { name: 'รายงานรายไตรมาส', exact: true }).click();
  await expect(page.getByTestId('report-summary')).toBeVisible();
  await page.goto(reportUrl);
  await expect(page.getByText(NARRATIVE)).toBeVisible();
  await page.getByRole('button', { name: 'อนุมัติ', exact: true }).click();
  await expect(page.getByText('อนุมัติแล้ว', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'ปิดงวดไตรมาส' }).click();
  await expect(page.getByText('ปิดงวดแล้ว', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'ปลดล็อกไตรมาส' })).toBeVisible();
});

test('the district sees its quarter locked', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page, 'demo-district');
  await page.goto(reportUrl);
  await expect(page.getByText('ปิดงวดแล้ว', { exact: true })).toBeVisible();
  await expect(page.getByText(/จังหวัดปิดงวดไตรมาสนี้แล้ว/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'แก้ไข', exact: true })).toHaveCount(0);
  await expectNoSidewaysScroll(page, 'report page at 360 px');
});

test('the province unlocks the quarter with a reason, so today can be written again', async ({ page }) => {
  await signIn(page, 'demo-province');
  await page.goto(reportUrl);
  const dialog = page.getByRole('dialog');
  await page.getByRole('button', { name: 'ปลดล็อกไตรมาส' }).click();
  await dialog.getByRole('textbox', { name: 'เหตุผลที่ปลดล็อก' }).fill('อำเภอขอแก้ไขข้อมูลกิจกรรมที่บันทึกผิดวันที่');
  await dialog.getByRole('button', { name: 'บันทึก' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('ปิดงวดแล้ว', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'ปิดงวดไตรมาส' })).toBeVisible();
});
