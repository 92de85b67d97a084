import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { ImportColumn } from './columns';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, readImportFile } from './file';
import { SEED_ALLOCATION_HEADER, SEED_ALLOCATION_ROWS, SEED_ALLOCATION_TITLE, SEED_ALLOCATION_TOTAL } from './seed-allocation';
import { oleFile, xlsxOf, zipOf } from './test-files';

const ALLOCATION: ImportColumn[] = [
  { key: 'unit', th: 'จังหวัด/อำเภอ', en: 'Province/district', required: true, aliases: ['อำเภอ', 'หน่วยงาน'] },
  { key: 'amount', th: 'งบประมาณ', en: 'Budget', required: true, aliases: ['จำนวนเงิน'] },
  { key: 'note', th: 'หมายเหตุ', en: 'Note' },
];

const PRODUCER: ImportColumn[] = [
  { key: 'name', th: 'ชื่อผู้ผลิต', en: 'Producer name', required: true },
  { key: 'citizenId', th: 'เลขประจำตัวประชาชน', en: 'Citizen ID', aliases: ['เลขบัตรประชาชน'] },
  { key: 'registeredOn', th: 'วันที่ลงทะเบียน', en: 'Registration date' },
  { key: 'phone', th: 'โทรศัพท์', en: 'Phone' },
];

const csv = (text: string) => ({ bytes: Buffer.from(text, 'utf8'), filename: 'data.csv' });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('the seed allocation table', () => {
  const expected = [...SEED_ALLOCATION_ROWS, SEED_ALLOCATION_TOTAL].map(([unit, amount]) => ({ unit, amount }));

  it('reads as XLSX below its title rows, amounts as plain numbers', async () => {
    const bytes = await xlsxOf([
      {
        name: 'Sheet1',
        rows: [
          ...SEED_ALLOCATION_TITLE.map((t) => [t]),
          [],
          SEED_ALLOCATION_HEADER,
          ...SEED_ALLOCATION_ROWS,
          SEED_ALLOCATION_TOTAL,
        ],
        numFmt: { 2: '#,##0' },
      },
    ]);
    const { rows, unknownHeaders } = await readImportFile({ bytes, filename: 'จัดสรร.xlsx' }, ALLOCATION);
    expect(rows.map((r) => ({ unit: r.values.unit, amount: Number(r.values.amount) }))).toEqual(expected);
    expect(rows[0]).toEqual({ line: 6, values: { unit: 'สพจ.อุบลราชธานี', amount: '3600', note: '' } });
    expect(rows.at(-1)?.line).toBe(32);
    expect(unknownHeaders).toEqual([]);
  });

  it('reads as CSV typed with thousands commas, in UTF-8 with a BOM', async () => {
    const lines = [
      ...SEED_ALLOCATION_TITLE.map((t) => `${t},`),
      ',',
      SEED_ALLOCATION_HEADER.join(','),
      ...[...SEED_ALLOCATION_ROWS, SEED_ALLOCATION_TOTAL].map(([unit, amount]) => `${unit},"${amount.toLocaleString('en-US')}"`),
    ];
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'), 'utf8')]);
    const { rows } = await readImportFile({ bytes, filename: 'allocation.csv' }, ALLOCATION);
    expect(rows.map((r) => ({ unit: r.values.unit, amount: Number(r.values.amount.replace(/,/g, '')) }))).toEqual(expected);
    expect(rows[0].line).toBe(6);
    expect(rows[1].values.amount).toBe('1,500');
  });
});

describe('CSV', () => {
  it('reads UTF-8 without a BOM', async () => {
    const { rows } = await readImportFile(csv('จังหวัด/อำเภอ,งบประมาณ\nเขมราฐ,1500\n'), ALLOCATION);
    expect(rows).toEqual([{ line: 2, values: { unit: 'เขมราฐ', amount: '1500', note: '' } }]);
  });

  it('reads Windows-874 (TIS-620) when the bytes are not UTF-8', async () => {
    const bytes = iconv.encode('จังหวัด/อำเภอ,งบประมาณ,หมายเหตุ\r\nกุดข้าวปุ้น,1500,ไตรมาส ๓\r\n', 'windows-874');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { rows } = await readImportFile({ bytes, filename: 'old.csv' }, ALLOCATION);
    expect(rows[0].values).toEqual({ unit: 'กุดข้าวปุ้น', amount: '1500', note: 'ไตรมาส 3' });
  });

  it('reads UTF-16 "Unicode text" with tabs', async () => {
    const text = 'จังหวัด/อำเภอ\tงบประมาณ\nนาตาล\t1500\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const { rows } = await readImportFile({ bytes, filename: 'unicode.txt' }, ALLOCATION);
    expect(rows[0].values.unit).toBe('นาตาล');
  });

  it('finds semicolons even when amounts carry commas', async () => {
    const { rows } = await readImportFile(csv('จังหวัด/อำเภอ;งบประมาณ;หมายเหตุ\nเขมราฐ;1,500;ก\nนาเยีย;2,500.50;ข\n'), ALLOCATION);
    expect(rows.map((r) => r.values)).toEqual([
      { unit: 'เขมราฐ', amount: '1,500', note: 'ก' },
      { unit: 'นาเยีย', amount: '2,500.50', note: 'ข' },
    ]);
  });

  it('finds tabs', async () => {
    const { rows } = await readImportFile(csv('จังหวัด/อำเภอ\tงบประมาณ\nเขมราฐ\t1,500\n'), ALLOCATION);
    expect(rows[0].values).toEqual({ unit: 'เขมราฐ', amount: '1,500', note: '' });
  });

  it('keeps a quoted line break inside one field and numbers rows as Excel shows them', async () => {
    const { rows } = await readImportFile(
      csv('จังหวัด/อำเภอ,งบประมาณ,หมายเหตุ\nเขมราฐ,1500,"บรรทัดแรก\nบรรทัดสอง"\nนาตาล,1500,\n'),
      ALLOCATION,
    );
    expect(rows).toEqual([
      { line: 2, values: { unit: 'เขมราฐ', amount: '1500', note: 'บรรทัดแรก\nบรรทัดสอง' } },
      { line: 3, values: { unit: 'นาตาล', amount: '1500', note: '' } },
    ]);
  });

  it('turns Thai digits into Arabic, trims cells and skips empty rows', async () => {
    const { rows } = await readImportFile(csv('จังหวัด/อำเภอ,งบประมาณ\n  เขมราฐ  , ๑,๕๐๐ \n,\n\nนาตาล,๒๐๐\n'), ALLOCATION);
    expect(rows).toEqual([
      { line: 2, values: { unit: 'เขมราฐ', amount: '1', note: '' } },
      { line: 5, values: { unit: 'นาตาล', amount: '200', note: '' } },
    ]);
  });

  it('refuses an unclosed quote as unreadable', async () => {
    const error = await failure(readImportFile(csv('จังหวัด/อำเภอ,งบประมาณ\n"เขมราฐ,1500\nนาตาล,1500'), ALLOCATION));
    expect(error.code).toBe('import.unreadable');
  });
});

describe('headers', () => {
  it('tolerates spaces, line breaks, a trailing *, English headers and aliases, and reports unknown ones', async () => {
    const { rows, unknownHeaders } = await readImportFile(
      csv('"ชื่อ ผู้ผลิต *","เลขบัตร\nประชาชน",Registration date,สี\nนางสมใจ,1-1017-00001-53-1,15/1/2569,แดง\n'),
      PRODUCER,
    );
    expect(rows[0].values).toEqual({ name: 'นางสมใจ', citizenId: '1-1017-00001-53-1', registeredOn: '15/1/2569', phone: '' });
    expect(unknownHeaders).toEqual(['สี']);
  });

  it('reads the template form: Thai with * and the English name on a second line, a (hint) after it', async () => {
    const { rows } = await readImportFile(
      csv('"ชื่อผู้ผลิต *\nProducer name","วันที่ลงทะเบียน (วว/ดด/ปปปป)\nRegistration date"\nนายมา,1/2/2569\n'),
      PRODUCER,
    );
    expect(rows[0].values).toMatchObject({ name: 'นายมา', registeredOn: '1/2/2569' });
  });

  it('takes the first sheet in workbook order that has the columns, past an instructions sheet', async () => {
    const bytes = await xlsxOf([
      { name: 'คำแนะนำ', rows: [['กรอกข้อมูลในแผ่นงานถัดไป'], ['ชื่อผู้ผลิต: ชื่อและนามสกุล']] },
      { name: 'ข้อมูล', rows: [['ทะเบียนผู้ผลิต'], ['ชื่อผู้ผลิต', 'โทรศัพท์'], ['นางแก้ว', '0812345678']] },
      { name: 'สำเนา', rows: [['ชื่อผู้ผลิต'], ['นางอื่น']] },
    ]);
    const { rows } = await readImportFile({ bytes, filename: 'p.xlsx' }, PRODUCER);
    expect(rows).toEqual([{ line: 3, values: { name: 'นางแก้ว', citizenId: '', registeredOn: '', phone: '0812345678' } }]);
  });

  it('looks for the header only in the first 20 rows', async () => {
    const title = Array.from({ length: 20 }, (_, i) => [`บรรทัดที่ ${i + 1}`]);
    const bytes = await xlsxOf([{ name: 'S', rows: [...title, ['ชื่อผู้ผลิต'], ['นางแก้ว']] }]);
    const error = await failure(readImportFile({ bytes, filename: 'p.xlsx' }, PRODUCER));
    expect(error.code).toBe('import.missing_columns');
  });

  it('names the missing required columns in Thai and English', async () => {
    const error = await failure(readImportFile(csv('จังหวัด/อำเภอ,หมายเหตุ\nเขมราฐ,ก\n'), ALLOCATION));
    expect(error.code).toBe('import.missing_columns');
    expect(error.status).toBe(422);
    expect(error.params).toMatchObject({ columns: 'งบประมาณ', columnsEn: 'Budget', missing: ['งบประมาณ'] });
  });
});

describe('XLSX cells', () => {
  it('gives dates as ISO, numbers as plain decimals, and keeps the text of rich text, formulas and links', async () => {
    const book = await xlsxOf([
      {
        name: 'S',
        rows: [
          ['ชื่อผู้ผลิต', 'เลขประจำตัวประชาชน', 'วันที่ลงทะเบียน', 'โทรศัพท์'],
          [
            { richText: [{ text: 'นาง' }, { text: 'สมใจ', font: { bold: true } }] },
            1101700000531,
            new Date(Date.UTC(2026, 0, 15)),
            812345678,
          ],
          [
            { formula: '"นาย"&"มา"', result: 'นายมา' },
            '1101700000531',
            45678,
            { text: '045-123456', hyperlink: 'tel:045123456' },
          ],
        ],
        numFmt: { 3: 'd mmmm yyyy' },
      },
    ]);
    const { rows } = await readImportFile({ bytes: book, filename: 'p.xlsx' }, PRODUCER);
    expect(rows.map((r) => r.values)).toEqual([
      { name: 'นางสมใจ', citizenId: '1101700000531', registeredOn: '2026-01-15', phone: '812345678' },
      { name: 'นายมา', citizenId: '1101700000531', registeredOn: '2025-01-21', phone: '045-123456' },
    ]);
  });

  it('reads a date shown in the Buddhist Era format of the app exports', async () => {
    const bytes = await xlsxOf([
      {
        name: 'S',
        rows: [
          ['ชื่อผู้ผลิต', 'วันที่ลงทะเบียน'],
          ['นางแก้ว', new Date(Date.UTC(2020, 3, 23))],
        ],
        numFmt: { 2: '[$-107041E]d mmmm yyyy' },
      },
    ]);
    const { rows } = await readImportFile({ bytes, filename: 'p.xlsx' }, PRODUCER);
    expect(rows[0].values.registeredOn).toBe('2020-04-23');
  });

  it('writes decimals as plain text without floating-point noise or exponents', async () => {
    const bytes = await xlsxOf([
      {
        name: 'S',
        rows: [
          ['จังหวัด/อำเภอ', 'งบประมาณ'],
          ['ก', 0.1 + 0.2],
          ['ข', 1e21],
          ['ค', 1500.5],
        ],
      },
    ]);
    const { rows } = await readImportFile({ bytes, filename: 'a.xlsx' }, ALLOCATION);
    expect(rows.map((r) => r.values.amount)).toEqual(['0.3', '1000000000000000000000', '1500.5']);
  });
});

describe('large XLSX', () => {
  const names = Array.from({ length: 4000 }, (_, i) => `นางสาวกุหลาบ ศรีสะเกษวัฒนา ${i} ผ้าไหมมัดหมี่`);
  const book = () => xlsxOf([{ name: 'S', rows: [['ชื่อผู้ผลิต', 'โทรศัพท์'], ...names.map((name, i) => [name, `0812${i}`])] }]);

  it('keeps every Thai character whole where the inflated text splits between chunks', async () => {
    const { rows } = await readImportFile({ bytes: await book(), filename: 'p.xlsx' }, PRODUCER);
    expect(rows.map((r) => r.values.name)).toEqual(names);
  });

  it('reads the same workbook many times at once, every time whole', async () => {
    const bytes = await book();
    const reads = await Promise.all(Array.from({ length: 12 }, () => readImportFile({ bytes, filename: 'p.xlsx' }, PRODUCER)));
    for (const { rows } of reads)
      expect(rows.at(-1)).toEqual({ line: names.length + 1, values: expect.objectContaining({ name: names.at(-1) }) });
  });
});

describe('files that cannot be read', () => {
  it('refuses a password-protected XLSX (an OLE container with EncryptionInfo)', async () => {
    const error = await failure(
      readImportFile({ bytes: oleFile(['EncryptionInfo', 'EncryptedPackage']), filename: 'ลับ.xlsx' }, ALLOCATION),
    );
    expect(error.code).toBe('import.encrypted');
    expect(error.status).toBe(400);
  });

  it('asks for a legacy .xls to be saved as .xlsx', async () => {
    const error = await failure(
      readImportFile({ bytes: oleFile(['Workbook', 'SummaryInformation']), filename: 'old.xls' }, ALLOCATION),
    );
    expect(error.code).toBe('import.unreadable');
    expect(error.params.reasonTh).toContain('.xlsx');
    expect(error.message).toContain('save it as .xlsx');
  });

  it('refuses a damaged OLE container', async () => {
    const error = await failure(
      readImportFile({ bytes: oleFile(['EncryptionInfo']).subarray(0, 700), filename: 'x.xlsx' }, ALLOCATION),
    );
    expect(error.code).toBe('import.unreadable');
  });

  it('refuses a truncated XLSX', async () => {
    const whole = await xlsxOf([
      {
        name: 'S',
        rows: [
          ['จังหวัด/อำเภอ', 'งบประมาณ'],
          ['เขมราฐ', 1500],
        ],
      },
    ]);
    for (const cut of [0.3, 0.6, 0.9]) {
      const bytes = whole.subarray(0, Math.floor(whole.length * cut));
      const error = await failure(readImportFile({ bytes, filename: 'cut.xlsx' }, ALLOCATION));
      expect(error.code).toBe('import.unreadable');
    }
  });

  it('refuses an XLSX whose sheet is damaged inside an intact zip', async () => {
    const whole = await xlsxOf([
      { name: 'S', rows: [['จังหวัด/อำเภอ', 'งบประมาณ'], ...Array.from({ length: 500 }, (_, i) => [`อำเภอ ${i}`, i])] },
    ]);
    const sheetData = whole.indexOf('xl/worksheets/sheet1.xml') + 60;
    const bytes = Buffer.from(whole);
    bytes.fill(0x55, sheetData, sheetData + 40);
    const error = await failure(readImportFile({ bytes, filename: 'damaged.xlsx' }, ALLOCATION));
    expect(error.code).toBe('import.unreadable');
  });

  it('refuses a zip that is not a workbook, and a .xlsx that is not a zip', async () => {
    const docx = zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    const notBook = await failure(readImportFile({ bytes: docx, filename: 'letter.xlsx' }, ALLOCATION));
    expect(notBook.code).toBe('import.unreadable');
    const notZip = await failure(readImportFile({ bytes: Buffer.from('hello, world'), filename: 'x.xlsx' }, ALLOCATION));
    expect(notZip.code).toBe('import.unreadable');
    const binary = await failure(readImportFile({ bytes: Buffer.from([0, 1, 2, 3, 0, 0, 9]), filename: 'x.csv' }, ALLOCATION));
    expect(binary.code).toBe('import.unreadable');
  });

  it('refuses a file over 50 MB before reading it', async () => {
    const bytes = Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x41);
    const error = await failure(readImportFile({ bytes, filename: 'big.csv' }, ALLOCATION));
    expect(error.code).toBe('import.too_large');
    expect(error.status).toBe(413);
  });

  it('refuses more than 200,000 rows', async () => {
    const text = `จังหวัด/อำเภอ,งบประมาณ\n${'เขมราฐ,1\n'.repeat(MAX_IMPORT_ROWS + 1)}`;
    const error = await failure(readImportFile(csv(text), ALLOCATION));
    expect(error.code).toBe('import.too_many_rows');
  });

  it('calls a file empty when it has nothing, or only a header', async () => {
    expect((await failure(readImportFile(csv(''), ALLOCATION))).code).toBe('import.empty');
    expect((await failure(readImportFile(csv('\n\n,,\n'), ALLOCATION))).code).toBe('import.empty');
    expect((await failure(readImportFile(csv('จังหวัด/อำเภอ,งบประมาณ\n,\n'), ALLOCATION))).code).toBe('import.empty');
  });
});
