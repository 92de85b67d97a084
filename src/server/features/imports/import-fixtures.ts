/** Test helpers: spreadsheets built as users type them, uploaded as multipart, and a funded budget activity. */
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { citizenIdCheckDigit } from '#shared/thai/citizen-id';
import { SEED_ALLOCATION_ROWS as SEED_ROWS } from '../../imports/read/seed-allocation';
import type { api } from '../../test/factories';
import type { TestContext } from '../../test/harness';

export async function workbook(header: string[], rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('ข้อมูล');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function multipartFile(data: Buffer, filename = 'import.xlsx') {
  const boundary = '----thanrak-import';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export async function upload(t: TestContext, cookie: string, url: string, data: Buffer) {
  const res = await t.as(cookie, { method: 'POST', url, ...multipartFile(data) });
  return { status: res.statusCode, body: res.json() };
}

let serial = 0;
/** A valid citizen ID (mod-11) unique in this run. */
export function citizenId(): string {
  const first12 = `1${String(Date.now() % 1e7).padStart(7, '0')}${String(++serial % 1e4).padStart(4, '0')}`;
  return `${first12}${citizenIdCheckDigit(first12)}`;
}
/** A citizen ID as officers type it, with dashes: 1-2345-67890-12-3. */
export const dashedCitizenId = (id: string) =>
  `${id.slice(0, 1)}-${id.slice(1, 5)}-${id.slice(5, 10)}-${id.slice(10, 12)}-${id.slice(12)}`;
/** A mod-11-valid shape with a wrong check digit. */
export const badCitizenId = (id: string) => `${id.slice(0, 12)}${(Number(id[12]) + 1) % 10}`;

export const PRODUCER_HEADER = [
  'อำเภอ',
  'คำนำหน้า',
  'ชื่อ',
  'นามสกุล',
  'เลขประจำตัวประชาชน',
  'โทรศัพท์',
  'ตำบล',
  'ประเภทผู้ผลิต',
  'ปีงบประมาณ',
  'เลขทะเบียน',
  'วันที่ลงทะเบียน',
];

/** A producer row of district 3401 as an officer types it (BE date, dashes in the citizen ID). */
export function producerRow(n: number, over: Partial<Record<'district' | 'citizenId' | 'firstName' | 'date', string>> = {}) {
  const id = over.citizenId ?? citizenId();
  return [
    over.district ?? 'เมืองอุบลราชธานี',
    'นาง',
    over.firstName ?? `ผู้ผลิต${n}`,
    'นำเข้า',
    dashedCitizenId(id),
    '081-234-5678',
    'ในเมือง',
    'ผู้ประกอบการรายเดียว',
    '2569',
    `OTOP-IMP-${n}-${serial}`,
    over.date ?? '15/1/2569',
  ];
}

/** The seed's allocation register (DOMAIN.md §6) typed as in the letter, amounts with thousands commas. */
export const SEED_ALLOCATION_ROWS: [string, string][] = SEED_ROWS.map(([name, baht]) => [name, baht.toLocaleString('en-US')]);

/** A fresh activity with 41,100 baht given to Ubon Ratchathani (34) by the nation, none of it passed on. */
export async function fundedUbonActivity(nation: ReturnType<typeof api>, fiscalYear: number): Promise<number> {
  const item = await nation.call('POST', '/api/budget/items', {
    fiscalYear,
    level: 'activity',
    name: `การพัฒนาศักยภาพศูนย์ฯ (นำเข้า) ${++serial}`,
    responsibleUnitCode: 'TH',
    budgetSatang: '4110000',
    quarters: [3],
  });
  expect(item.status, JSON.stringify(item.body)).toBe(201);
  const given = await nation.call('POST', '/api/budget/allocations', {
    itemId: item.body.id,
    fromUnitCode: 'TH',
    toUnitCode: '34',
    quarter: 3,
    category: 'materials',
    amountSatang: '4110000',
    note: '',
  });
  expect(given.status, JSON.stringify(given.body)).toBe(201);
  return item.body.id;
}
