import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import {
  SEED_ALLOCATION_HEADER,
  SEED_ALLOCATION_ROWS,
  SEED_ALLOCATION_TITLE,
  SEED_ALLOCATION_TOTAL,
} from '../src/server/imports/read/seed-allocation';
import { expectNoSidewaysScroll, signIn } from './session';

// Import from Excel (#14): the seed's allocation table with its two misspelt districts, and 200 OTOP producers of
// which 5 are wrong, fixed in the rejection report and uploaded again, beside a demo group's registration whose
// shortened name is confirmed as the suggested group.

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('ข้อมูล');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function chooseFile(page: Page, name: string, buffer: Buffer) {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: XLSX_TYPE, buffer });
}

/** Picks an option of a Mantine select by the select's label. */
async function pick(page: Page, label: string, option: string) {
  await page
    .getByRole('textbox', { name: label })
    .or(page.getByRole('combobox', { name: label }))
    .first()
    .click();
  await page.getByRole('option', { name: option }).click();
}

/** The fiscal year (BE) of today in Bangkok: October starts the next one. */
function currentFiscalYear(): number {
  const [year, month] = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7).split('-').map(Number);
  return year + 543 + (month >= 10 ? 1 : 0);
}

const seedTable = () =>
  xlsx([
    // As the province office typed it: title rows, the office and 25 districts (บุญศรี, ตาลชุม), the total.
    ...SEED_ALLOCATION_TITLE.slice(0, 2).map((title) => [title]),
    SEED_ALLOCATION_HEADER,
    ...[...SEED_ALLOCATION_ROWS, SEED_ALLOCATION_TOTAL].map(([name, baht]) => [name, baht.toLocaleString('en-US')]),
  ]);

test('demo-province imports the seed allocation table, accepts บุณฑริก and ตาลสุม, commits, then rolls it back', async ({
  page,
}) => {
  const fiscalYear = currentFiscalYear();
  const activity = `การพัฒนาศักยภาพศูนย์ฯ (นำเข้า) ${Date.now()}`;
  // The nation gives Ubon 41,100 baht on a fresh activity (the demo's FY2563 money is already passed on).
  await signIn(page, 'demo-admin');
  const item = await page.request.post('/api/budget/items', {
    data: { fiscalYear, level: 'activity', name: activity, responsibleUnitCode: 'TH', budgetSatang: '4110000', quarters: [3] },
  });
  expect(item.status(), await item.text()).toBe(201);
  const itemId = (await item.json()).id;
  const given = await page.request.post('/api/budget/allocations', {
    data: { itemId, fromUnitCode: 'TH', toUnitCode: '34', quarter: 3, category: 'materials', amountSatang: '4110000', note: '' },
  });
  expect(given.status(), await given.text()).toBe(201);
  await page.context().clearCookies();

  await signIn(page, 'demo-province');
  await page.goto('/imports');
  await pick(page, 'ข้อมูลที่จะนำเข้า', 'ทะเบียนการจัดสรรงบประมาณ');
  await pick(page, 'ปีงบประมาณ', String(fiscalYear));
  await pick(page, 'กิจกรรม', activity);
  await chooseFile(page, 'ทะเบียนจัดสรร.xlsx', await seedTable());
  await page.getByRole('button', { name: 'ตรวจสอบก่อนนำเข้า' }).click();

  await expect(page.getByText('ทั้งหมด 27 แถว: สร้างใหม่ 26 ปรับปรุง 0 ข้าม 1 ไม่ผ่าน 0 รอยืนยันชื่อ 2')).toBeVisible();
  await expect(page.getByText('ชื่อสถานที่ที่ต้องยืนยัน')).toBeVisible();
  await page.getByRole('button', { name: 'ยอมรับชื่อที่ระบบเสนอทั้งหมด' }).click();
  await expect(page.getByLabel('ชื่อทางการของ บุญศรี')).toHaveValue('บุณฑริก (3410)');
  await expect(page.getByLabel('ชื่อทางการของ ตาลชุม')).toHaveValue('ตาลสุม (3420)');
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoSidewaysScroll(page, 'dry run at 360 px');
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole('button', { name: 'ยืนยันนำเข้า' }).click();
  await expect(page.getByText(/ทั้งหมด 27 แถว.* · นำเข้าแล้ว/)).toBeVisible({ timeout: 30_000 });
  const register = await (await page.request.get(`/api/budget/items/${itemId}/register?unit=34`)).json();
  expect(register.remainderSatang).toBe('0');
  expect(register.rows.find((r: { unitCode: string }) => r.unitCode === '3410').amountSatang).toBe('150000');
  expect(register.rows.find((r: { unitCode: string }) => r.unitCode === '3420').amountSatang).toBe('150000');

  const history = page.getByTestId('import-history-row').filter({ hasText: 'ทะเบียนจัดสรร.xlsx' }).first();
  await history.getByRole('button', { name: 'ยกเลิกการนำเข้า' }).click();
  await expect(history.getByText('ยกเลิกการนำเข้าแล้ว')).toBeVisible();
  const after = await (await page.request.get(`/api/budget/items/${itemId}/register?unit=34`)).json();
  expect(after.remainderSatang).toBe('4110000');
});

/** A valid citizen ID (mod-11 check digit) from 12 digits. */
function citizenId(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return `${first12}${(11 - (sum % 11)) % 10}`;
}

const PRODUCER_HEADER = [
  'อำเภอ',
  'คำนำหน้า',
  'ชื่อ',
  'นามสกุล',
  'เลขประจำตัวประชาชน',
  'ประเภทผู้ผลิต',
  'ปีงบประมาณ',
  'เลขทะเบียน',
  'วันที่ลงทะเบียน',
  'ชื่อกลุ่ม',
];
const BAD = new Set([7, 42, 99, 150, 188]);

test.describe('on a 360 px phone, in English', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('demo-district imports 200 producers, 5 rejected, fixes them in the report and imports them again', async ({ page }) => {
    const run = String(Date.now() % 1e6).padStart(6, '0');
    const ids = Array.from({ length: 200 }, (_, n) => citizenId(`3${run}${String(n).padStart(5, '0')}`));
    // Five citizen IDs have a wrong check digit, as typed by hand.
    const typed = ids.map((id, n) => (BAD.has(n) ? `${id.slice(0, 12)}${(Number(id[12]) + 1) % 10}` : id));
    const rows = typed.map((id, n) => [
      'เมืองอุบลราชธานี',
      'นาง',
      `ผู้ผลิต${n}`,
      `นำเข้า${run}`,
      id,
      'ผู้ประกอบการรายเดียว',
      '2569',
      `OTOP-E2E-${run}-${n}`,
      '15/1/2569',
      '',
    ]);
    // A registration of a demo group of the district (newly formed, not yet registered), its name shortened: the
    // check suggests the group, the officer confirms it.
    const groupRow = ['เมืองอุบลราชธานี', '', '', '', '', 'กลุ่มผู้ผลิตชุมชน', '2567', `OTOP-E2E-${run}-G`, '15/1/2567', 'กลุ่มทอผ้ากาบบัว'];

    await signIn(page, 'demo-district');
    await page.evaluate(() => localStorage.setItem('thanrak.language', 'en'));
    const producers = async () =>
      (await (await page.request.get('/api/producers?unit=3401&fiscalYear=2569&pageSize=1')).json()).total as number;
    const before = await producers();

    await page.goto('/imports');
    await expect(page.getByRole('heading', { name: 'Import from Excel' })).toBeVisible();
    await chooseFile(page, 'producers.xlsx', await xlsx([PRODUCER_HEADER, ...rows, groupRow]));
    await page.getByRole('button', { name: 'Check before importing' }).click();
    await expect(page.getByText('201 rows: 196 new, 0 updated, 0 skipped, 5 rejected, 1 awaiting a name')).toBeVisible();
    await expect(page.getByText('Group names to confirm')).toBeVisible();
    await page.getByRole('button', { name: 'Accept all suggested groups' }).click();
    await expect(page.getByLabel('Group for กลุ่มทอผ้ากาบบัว')).toHaveValue('กลุ่มทอผ้ากาบบัวเมืองอุบลราชธานี (ตำบลเมืองอุบลราชธานี)');
    await expectNoSidewaysScroll(page, 'dry run of 201 rows');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByText(/201 rows: .* · Imported/)).toBeVisible({ timeout: 60_000 });
    expect(await producers()).toBe(before + 195);
    const registered = await (await page.request.get(`/api/producers?q=OTOP-E2E-${run}-G`)).json();
    expect(registered.items.map((p: { ownerName: string }) => p.ownerName)).toEqual(['กลุ่มทอผ้ากาบบัวเมืองอุบลราชธานี']);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the rejected rows with reasons (XLSX)' }).click();
    const report = new ExcelJS.Workbook();
    await report.xlsx.readFile(await (await download).path());
    const sheet = report.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const idColumn = header.indexOf('เลขประจำตัวประชาชน');
    const nameColumn = header.indexOf('ชื่อ');
    expect(sheet.actualRowCount).toBe(6);
    for (let r = 2; r <= 6; r++) {
      const row = sheet.getRow(r);
      const n = Number(String(row.getCell(nameColumn).value).replace('ผู้ผลิต', ''));
      expect(BAD.has(n), `row ${r} is one of the bad ones`).toBe(true);
      row.getCell(idColumn).value = ids[n];
    }
    const fixed = Buffer.from(await report.xlsx.writeBuffer());

    await chooseFile(page, 'producers-fixed.xlsx', fixed);
    await page.getByRole('button', { name: 'Check before importing' }).click();
    await expect(page.getByText('5 rows: 5 new, 0 updated, 0 skipped, 0 rejected, 0 awaiting a name')).toBeVisible();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByText(/5 rows: .* · Imported/)).toBeVisible({ timeout: 30_000 });
    await expectNoSidewaysScroll(page, 'after the import');
    expect(await producers()).toBe(before + 200);
  });
});
