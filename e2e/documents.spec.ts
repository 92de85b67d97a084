import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { openSeedActivity, signIn } from './session';

const pdfText = (path: string) =>
  execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replaceAll('\u0E4D\u0E32', '\u0E33').replace(/\s+/g, '');

test('the province issues the FY2563 allocation letter from a dialog, dated in 2563, and gets the same number again', async ({
  page,
}) => {
  await signIn(page, 'demo-province');
  await openSeedActivity(page);
  await page.getByRole('button', { name: 'หนังสือแจ้งจัดสรร (PDF)' }).click();
  const dialog = page.getByRole('dialog', { name: 'หนังสือแจ้งการจัดสรรงบประมาณ' });
  // A letter of a past fiscal year defaults to a date inside it, a week before the deadline it gives.
  await expect(dialog.getByRole('textbox', { name: 'ลงวันที่' })).toHaveValue('23 เมษายน 2563');
  await expect(dialog.getByRole('textbox', { name: 'กำหนดส่งรายละเอียดค่าใช้จ่าย (ถ้ามี)' })).toHaveValue('30 เมษายน 2563');
  const first = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'ออกเลขและดาวน์โหลด' }).click();
  const text = pdfText(await (await first).path());
  const number = /ที่อบ๐๐๑๘\/ว([๐-๙]+)/.exec(text)?.[1];
  expect(number).toBeTruthy();
  expect(text).toContain('๒๓เมษายน๒๕๖๓');
  expect(text).toContain('เรียนนายอำเภอทุกอำเภอ');
  expect(text).not.toContain('๒๕๖๙');

  await dialog.getByRole('button', { name: 'Close' }).or(page.locator('.mantine-Modal-close')).first().click();
  await page.getByRole('button', { name: 'หนังสือแจ้งจัดสรร (PDF)' }).click();
  await expect(dialog.getByTestId('letter-issued')).toContainText('ที่ อบ ๐๐๑๘/ว');
  await expect(dialog.getByTestId('letter-issued')).toContainText('23 เมษายน 2563');
  const again = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'ดาวน์โหลดหนังสือ' }).click();
  expect(pdfText(await (await again).path())).toContain(`ที่อบ๐๐๑๘/ว${number}`);

  // The letter is on the province's outgoing-document register, which downloads from the settings page.
  await page.goto('/settings');
  const register = page.getByTestId('outgoing-register');
  await expect(register).toContainText('อบ ๐๐๑๘/ว');
  await page.getByTestId('export-menu').click();
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toMatch(/^outgoing-documents-34-25\d\d-\d\d-\d\d\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await xlsx.path());
  const sheet = book.worksheets[0];
  expect(sheet.getRow(1).values).toEqual([
    undefined,
    'เลขที่',
    'ลงวันที่',
    'เรื่อง',
    'เรียน',
    'ผู้ออกเลข',
    'ปีงบประมาณ',
    'ลำดับที่',
    'รหัสหน่วยงาน',
  ]);
  const issued = sheet.getColumn(1).values.findIndex((v) => String(v).startsWith('อบ ๐๐๑๘/ว'));
  expect(sheet.getRow(issued).getCell(2).value).toEqual(new Date(Date.UTC(2020, 3, 23)));
  expect(sheet.getRow(issued).getCell(2).numFmt).toBe('[$-107041E]d mmmm yyyy');
  await page.getByTestId('export-menu').click();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(readFileSync(await csv.path(), 'utf8')).toMatch(/\r\nอบ ๐๐๑๘\/ว ?[๐-๙0-9]+,23\/04\/2563,/);
});

test('the department uploads the emblem once on the document settings page and sees its letterhead and register', async ({
  page,
}) => {
  await signIn(page, 'demo-admin');
  await page.getByRole('link', { name: 'ตั้งค่าเอกสาร' }).click();
  await expect(page.getByTestId('emblem-none')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'รหัสหนังสือ (เช่น อบ ๐๐๑๘)' })).toHaveValue('มท ๐๔๑๐');
  const emblem = await sharp({ create: { width: 120, height: 130, channels: 3, background: '#000000' } })
    .png()
    .toBuffer();
  await page.locator('input[type="file"]').setInputFiles({ name: 'garuda.png', mimeType: 'image/png', buffer: emblem });
  await page.getByRole('button', { name: 'อัปโหลด' }).click();
  await expect(page.getByRole('img', { name: 'ตราครุฑที่ใช้ในหนังสือ' })).toBeVisible();
  // The picker empties itself after an upload; choosing the next file before then would be lost.
  await expect(page.getByRole('button', { name: 'อัปโหลด' })).toBeDisabled();

  // A text file named .png is refused by its content.
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not an image') });
  await page.getByRole('button', { name: 'อัปโหลด' }).click();
  await expect(page.getByRole('alert')).toContainText('ไฟล์ตราครุฑต้องเป็นรูปภาพ PNG หรือ JPEG');
});

test('the district prints its quarterly report memo under its prefix, in Thai digits', async ({ page }) => {
  await signIn(page, 'demo-district');
  const { items } = await (await page.request.get('/api/reports?unit=3401&status=submitted')).json();
  await page.goto(`/reports/${items[0].id}`);
  const memo = page.waitForEvent('download');
  await page.getByRole('button', { name: 'ดาวน์โหลด PDF' }).click();
  const text = pdfText(await (await memo).path());
  expect(text).toMatch(/^บันทึกข้อความส่วนราชการสำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานีที่อบ๐๐๑๙\.๑\/วันที่/);
  expect(text).not.toMatch(/[0-9]/);
});

/**
 * A new officer made by the department, signed in through the API with the password changed from the first one
 * (the page's session is theirs afterwards): 'Ubolratana-Dam-2570'.
 */
async function newOfficer(page: Page, role: 'district_officer' | 'province_officer', orgUnitCode: string) {
  await signIn(page, 'demo-admin');
  const username = `noprefix-${orgUnitCode}-${Date.now().toString(36)}`;
  const made = await page.request.post('/api/users', {
    data: { username, displayName: 'นายทดสอบ ยังไม่ตั้งเลข', role, orgUnitCode, password: 'Phu-Wiang-Dinosaur-2569' },
  });
  expect(made.status(), await made.text()).toBe(201);
  await page.request.post('/api/auth/logout');
  await page.request.post('/api/auth/login', { data: { username, password: 'Phu-Wiang-Dinosaur-2569' } });
  const changed = await page.request.post('/api/auth/password', {
    data: { currentPassword: 'Phu-Wiang-Dinosaur-2569', newPassword: 'Ubolratana-Dam-2570' },
  });
  expect(changed.ok(), await changed.text()).toBe(true);
  return username;
}

test('a district that has not set its prefix is led from the refused memo to the settings page, sets it and prints', async ({
  page,
}) => {
  // A new district officer elsewhere: Mueang Khon Kaen has no prefix, and a report of its own.
  const username = await newOfficer(page, 'district_officer', '4001');
  const report = await page.request.post('/api/reports', { data: { orgUnitCode: '4001', fiscalYear: 2569, quarter: 4 } });
  expect(report.status(), await report.text()).toBe(201);
  const reportId = (await report.json()).id;

  // The province reads the same refusal, with no link: only the district's officers set its prefix.
  const province = await newOfficer(page, 'province_officer', '40');
  await signIn(page, province, 'Ubolratana-Dam-2570');
  await page.goto(`/reports/${reportId}`);
  await page.getByRole('button', { name: 'ดาวน์โหลด PDF' }).click();
  await expect(page.getByRole('alert')).toContainText('ยังไม่ได้ตั้งเลขที่หนังสือ');
  await expect(page.getByRole('alert').getByRole('link')).toHaveCount(0);

  await signIn(page, username, 'Ubolratana-Dam-2570');
  await page.goto(`/reports/${reportId}`);
  await page.getByRole('button', { name: 'ดาวน์โหลด PDF' }).click();
  const refused = page.getByRole('alert');
  await expect(refused).toContainText('ยังไม่ได้ตั้งเลขที่หนังสือ');
  await refused.getByRole('link', { name: 'ไปตั้งเลขที่หนังสือ (รหัสส่วนราชการ) ที่หน้าตั้งค่าเอกสาร' }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await page.getByRole('textbox', { name: 'รหัสหนังสือ (เช่น อบ ๐๐๑๘)' }).fill('ขก ๐๐๑๙.๑');
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/offices/4001/letterhead') && r.request().method() === 'PUT');
  await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
  expect((await saved).ok()).toBe(true);
  await expect(page.getByText('บันทึกแล้ว', { exact: true })).toBeVisible();
  // A second save goes with the version the first one made.
  await page.getByRole('textbox', { name: 'โทรศัพท์' }).fill('0 4324 4111');
  const again = page.waitForResponse((r) => r.url().endsWith('/api/offices/4001/letterhead') && r.request().method() === 'PUT');
  await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
  expect((await again).ok()).toBe(true);
  // Officers find the page in the menu too.
  await expect(page.getByRole('link', { name: 'ตั้งค่าเอกสาร' })).toBeVisible();

  await page.goBack();
  const memo = page.waitForEvent('download');
  await page.getByRole('button', { name: 'ดาวน์โหลด PDF' }).click();
  expect(pdfText(await (await memo).path())).toContain('ที่ขก๐๐๑๙.๑/');
});
