import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { ImportColumn } from './columns';
import { readImportFile } from './file';
import { importTemplate } from './template';

const COLUMNS: ImportColumn[] = [
  { key: 'name', th: 'ชื่อผู้ผลิต', en: 'Producer name', required: true, example: 'นางสมใจ ใจดี' },
  {
    key: 'citizenId',
    th: 'เลขประจำตัวประชาชน',
    en: 'Citizen ID',
    example: '1-1017-00000-53-2',
    help: { th: '13 หลัก มีขีดหรือไม่มีก็ได้', en: '13 digits, dashes optional' },
  },
  { key: 'registeredOn', th: 'วันที่ลงทะเบียน', en: 'Registration date', example: '15/1/2569' },
  { key: 'kind', th: 'ประเภท', en: 'Kind', options: ['อาหาร', 'เครื่องดื่ม', 'ผ้าและเครื่องแต่งกาย'], example: 'อาหาร' },
];

const template = () =>
  importTemplate({
    title: { th: 'แบบนำเข้าผู้ผลิต OTOP', en: 'OTOP producers import' },
    columns: COLUMNS,
    instructions: [
      { th: 'กรอกหนึ่งแถวต่อผู้ผลิตหนึ่งราย', en: 'One row per producer' },
      { th: 'วันที่ใส่เป็น พ.ศ. หรือ ค.ศ. ก็ได้', en: 'Dates in BE or CE' },
    ],
  });

describe('importTemplate', () => {
  it('has the data sheet first with Thai headers, English on a second line, styled and as text, and an instructions sheet', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await template()) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['ข้อมูล', 'คำแนะนำ', 'รายการ']);
    const data = book.worksheets[0];
    expect(data.getCell('A1').value).toBe('แบบนำเข้าผู้ผลิต OTOP');
    expect(data.getCell('A4').value).toBe('ชื่อผู้ผลิต *\nProducer name');
    expect(data.getCell('B4').value).toBe('เลขประจำตัวประชาชน\nCitizen ID');
    expect(data.getCell('A4').font).toMatchObject({ name: 'TH Sarabun New', bold: true });
    expect(data.getCell('B4').note).toBeTruthy();
    expect(data.getCell('B5').value).toBe('1-1017-00000-53-2');
    expect(data.getColumn(2).numFmt).toBe('@');
    expect(data.getColumn(2).width).toBeGreaterThanOrEqual(20);
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(data.getCell('D5').dataValidation).toMatchObject({ type: 'list', formulae: ["'รายการ'!$D$1:$D$3"] });
    expect(data.getCell('D900').dataValidation).toMatchObject({ type: 'list' });
    expect(book.worksheets[2].state).toBe('hidden');
    const guide = book.worksheets[1];
    const text = guide.getSheetValues().flat().join('\n');
    expect(text).toContain('กรอกหนึ่งแถวต่อผู้ผลิตหนึ่งราย');
    expect(text).toContain('One row per producer');
    expect(text).toContain('13 หลัก มีขีดหรือไม่มีก็ได้');
    expect(text).toContain('ผ้าและเครื่องแต่งกาย');
  });

  it('reads back what a person types into it, skipping the example row left in place', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await template()) as unknown as ArrayBuffer);
    const data = book.worksheets[0];
    data.getRow(6).values = ['นายมา ดีใจ', '3410100123458', '1 ก.พ. 2569', 'เครื่องดื่ม'];
    data.getRow(7).values = ['นางแก้ว', '', new Date(Date.UTC(2025, 11, 31)), ''];
    // A date pasted from another workbook brings its date format over the column's text format.
    data.getCell('C7').numFmt = 'd/m/yyyy';
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const { rows, unknownHeaders } = await readImportFile({ bytes, filename: 'producers.xlsx' }, COLUMNS);
    expect(unknownHeaders).toEqual([]);
    expect(rows).toEqual([
      { line: 6, values: { name: 'นายมา ดีใจ', citizenId: '3410100123458', registeredOn: '1 ก.พ. 2569', kind: 'เครื่องดื่ม' } },
      { line: 7, values: { name: 'นางแก้ว', citizenId: '', registeredOn: '2025-12-31', kind: '' } },
    ]);
  });

  it('reads an untouched template as empty', async () => {
    const error = await readImportFile({ bytes: await template(), filename: 't.xlsx' }, COLUMNS).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('import.empty');
  });

  it('keeps an example row that a person changed', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await template()) as unknown as ArrayBuffer);
    book.worksheets[0].getCell('A5').value = 'นางสมใจ ใจงาม';
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const { rows } = await readImportFile({ bytes, filename: 't.xlsx' }, COLUMNS);
    expect(rows.map((r) => r.values.name)).toEqual(['นางสมใจ ใจงาม']);
  });
});
