/** The allocation register as PDF (Sarabun, Thai or Arabic digits) and XLSX (amounts as numbers, totals as formulas). */
import type { Register } from '#shared/budget';
import { formatBaht, formatThaiDate, toThaiDigits } from '#shared/thai/index';
import { officeTitle } from '#shared/unit-titles';
import { thaiToday } from '../../clock';
import { cell, type Digits, renderPdf, thaiText, thinLines } from '../../documents/pdf';
import { BE_DATE_FORMAT, excelDate, finishSheet, MONEY_FORMAT, sumFormula, thaiWorkbook } from '../../documents/xlsx';

const LEVEL_TH = { plan: 'แผนงาน', project: 'โครงการ', main_activity: 'กิจกรรมหลัก', activity: 'กิจกรรม' } as const;
const CATEGORY_TH = { compensation: 'ค่าตอบแทน', services: 'ค่าใช้สอย', materials: 'ค่าวัสดุ' } as const;

/** A row is a unit one level down (provinces in the department's register), or the unit's own share. */
const rowLabel = (r: Register['rows'][number]) => officeTitle({ code: r.unitCode, nameTh: r.nameTh });

/** The heading: the department, or the province whose register it is. */
const registerOwner = (register: Register) =>
  register.unit.code === 'TH' ? officeTitle(register.unit) : `จังหวัด${register.unit.nameTh}`;

export function registerPdf(register: Register, digits: Digits): Promise<Buffer> {
  return renderPdf({
    info: { title: `ทะเบียนการจัดสรรงบประมาณ ${register.item.name}` },
    content: registerContent(register, digits),
  });
}

// Fixed columns sized for their widest content in 14 pt Sarabun; the unit name takes the rest of the page width.
const WIDTHS = [22, '*', 62, 48, 86];

/** The register as document content, also the enclosure of the allocation letter (then as of the letter's date). */
export function registerContent(register: Register, digits: Digits, asOf = thaiToday()) {
  const d = (text: string) => (digits === 'thai' ? toThaiDigits(text) : text);
  const money = (satang: string) => d(formatBaht(BigInt(satang)));
  const header = (text: string) => cell(text, digits, { bold: true, alignment: 'center' });
  const body = [
    ['ที่', 'หน่วยงาน', 'หมวดรายจ่าย', 'ไตรมาส', 'จำนวนเงิน (บาท)'].map(header),
    ...register.rows.map((r, i) => [
      { text: d(String(i + 1)), alignment: 'center' },
      cell(rowLabel(r), digits),
      cell(CATEGORY_TH[r.category], digits),
      { text: d(String(r.quarter)), alignment: 'center' },
      { text: money(r.amountSatang), alignment: 'right' },
    ]),
    [
      cell('รวมทั้งสิ้น', digits, { colSpan: 4, bold: true, alignment: 'center' }),
      {},
      {},
      {},
      { text: money(register.totalSatang), bold: true, alignment: 'right' },
    ],
    [cell(`(${register.totalText})`, digits, { colSpan: 5, alignment: 'center' }), {}, {}, {}, {}],
  ];
  return [
    { text: 'ทะเบียนการจัดสรรงบประมาณ', fontSize: 18, bold: true, alignment: 'center' },
    {
      text: thaiText(`${registerOwner(register)} ปีงบประมาณ พ.ศ. ${register.item.fiscalYear}`, digits),
      alignment: 'center',
      margin: [0, 0, 0, 8],
    },
    // "แผนงานบูรณาการ…" already names its level; other names read after it ("โครงการ ส่งเสริม…").
    ...register.path.map((p) => ({
      text: p.name.startsWith(LEVEL_TH[p.level])
        ? thaiText(p.name, digits)
        : [{ text: `${LEVEL_TH[p.level]} `, bold: true }, ...thaiText(p.name, digits)],
    })),
    {
      margin: [0, 10, 0, 6],
      // Cell padding (4 pt each side) and rules come on top of the widths: the table still ends inside the margin.
      table: { headerRows: 1, widths: WIDTHS, body },
      layout: thinLines,
    },
    {
      text: thaiText(
        `ได้รับจัดสรร ${money(register.receivedSatang)} บาท จัดสรรแล้ว ${money(register.totalSatang)} บาท คงเหลือ ${money(register.remainderSatang)} บาท`,
        digits,
      ),
    },
    {
      text: thaiText(`ข้อมูล ณ วันที่ ${formatThaiDate(asOf)}`, digits),
      fontSize: 11,
      margin: [0, 12, 0, 0],
      color: '#444444',
    },
  ];
}

export async function registerXlsx(register: Register): Promise<Buffer> {
  const book = await thaiWorkbook();
  const sheet = book.addWorksheet('ทะเบียนการจัดสรร');
  sheet.addRow(['ทะเบียนการจัดสรรงบประมาณ', `${registerOwner(register)} ปีงบประมาณ พ.ศ. ${register.item.fiscalYear}`]).font = {
    bold: true,
  };
  for (const p of register.path) sheet.addRow([LEVEL_TH[p.level], p.name]);
  const asOf = sheet.addRow(['ข้อมูล ณ วันที่', excelDate(thaiToday())]);
  asOf.getCell(2).numFmt = BE_DATE_FORMAT;
  asOf.getCell(2).alignment = { horizontal: 'left' };
  sheet.addRow([]);
  const header = sheet.addRow(['ที่', 'รหัสหน่วยงาน', 'หน่วยงาน', 'หมวดรายจ่าย', 'ไตรมาส', 'จำนวนเงิน (บาท)']);
  header.font = { bold: true };
  register.rows.forEach((r, i) => {
    // Satang to baht as a number: exact, since amounts stay far below 2^53 satang.
    sheet.addRow([i + 1, r.unitCode, rowLabel(r), CATEGORY_TH[r.category], r.quarter, Number(r.amountSatang) / 100]);
  });
  const first = header.number + 1;
  const last = header.number + register.rows.length;
  const totalBaht = Number(register.totalSatang) / 100;
  const total = sheet.addRow(['', '', 'รวมทั้งสิ้น', '', '', register.rows.length ? sumFormula('F', first, last, totalBaht) : 0]);
  total.font = { bold: true };
  sheet.addRow(['', '', `(${register.totalText})`]);
  for (let row = first; row <= total.number; row++) sheet.getCell(`F${row}`).numFmt = MONEY_FORMAT;
  sheet.getColumn(1).width = 6;
  sheet.getColumn(2).width = 14;
  sheet.getColumn(3).width = 48;
  sheet.getColumn(4).width = 14;
  sheet.getColumn(5).width = 8;
  sheet.getColumn(6).width = 18;
  finishSheet(sheet, header.number);
  return Buffer.from(await book.xlsx.writeBuffer());
}
