/** The allocation register as PDF (Sarabun, Thai or Arabic digits) and XLSX (amounts as numbers). */
import ExcelJS from 'exceljs';
import type { Register } from '#shared/budget';
import { formatBaht, formatThaiDate, toThaiDigits } from '#shared/thai/index';
import { thaiToday } from '../../clock';
import { type Digits, renderPdf, thaiText } from '../../documents/pdf';

const LEVEL_TH = { plan: 'แผนงาน', project: 'โครงการ', main_activity: 'กิจกรรมหลัก', activity: 'กิจกรรม' } as const;
const CATEGORY_TH = { compensation: 'ค่าตอบแทน', services: 'ค่าใช้สอย', materials: 'ค่าวัสดุ' } as const;

const rowLabel = (r: Register['rows'][number]) =>
  r.ownShare ? `สำนักงานพัฒนาชุมชนจังหวัด${r.nameTh}` : `สำนักงานพัฒนาชุมชนอำเภอ${r.nameTh}`;

export function registerPdf(register: Register, digits: Digits): Promise<Buffer> {
  return renderPdf({
    info: { title: `ทะเบียนการจัดสรรงบประมาณ ${register.item.name}` },
    content: registerContent(register, digits),
  });
}

/** The register as document content, also used as the enclosure of the allocation letter. */
export function registerContent(register: Register, digits: Digits) {
  const d = (text: string) => (digits === 'thai' ? toThaiDigits(text) : text);
  const money = (satang: string) => d(formatBaht(BigInt(satang)));
  const body = [
    ['ที่', 'หน่วยงาน', 'หมวดรายจ่าย', 'ไตรมาส', 'จำนวนเงิน (บาท)'].map((text) => ({ text, bold: true, alignment: 'center' })),
    ...register.rows.map((r, i) => [
      { text: d(String(i + 1)), alignment: 'center' },
      { text: thaiText(rowLabel(r), digits) },
      { text: CATEGORY_TH[r.category] },
      { text: d(String(r.quarter)), alignment: 'center' },
      { text: money(r.amountSatang), alignment: 'right' },
    ]),
    [
      { text: 'รวมทั้งสิ้น', colSpan: 4, bold: true, alignment: 'center' },
      {},
      {},
      {},
      { text: money(register.totalSatang), bold: true, alignment: 'right' },
    ],
    [{ text: thaiText(`(${register.totalText})`, digits), colSpan: 5, alignment: 'center' }, {}, {}, {}, {}],
  ];
  return [
    { text: 'ทะเบียนการจัดสรรงบประมาณ', fontSize: 18, bold: true, alignment: 'center' },
    {
      text: thaiText(
        `${register.unit.nameTh === 'กรมการพัฒนาชุมชน' ? register.unit.nameTh : `จังหวัด${register.unit.nameTh}`} ปีงบประมาณ พ.ศ. ${register.item.fiscalYear}`,
        digits,
      ),
      alignment: 'center',
      margin: [0, 0, 0, 8],
    },
    ...register.path.map((p) => ({ text: [{ text: `${LEVEL_TH[p.level]} `, bold: true }, ...thaiText(p.name, digits)] })),
    {
      margin: [0, 10, 0, 6],
      table: { headerRows: 1, widths: [24, '*', 72, 52, 90], body },
      layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
    },
    {
      text: thaiText(
        `ได้รับจัดสรร ${money(register.receivedSatang)} บาท จัดสรรแล้ว ${money(register.totalSatang)} บาท คงเหลือ ${money(register.remainderSatang)} บาท`,
        digits,
      ),
    },
    {
      text: thaiText(`ข้อมูล ณ วันที่ ${formatThaiDate(thaiToday())}`, digits),
      fontSize: 11,
      margin: [0, 12, 0, 0],
      color: '#444444',
    },
  ];
}

export async function registerXlsx(register: Register): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Thanrak';
  const sheet = book.addWorksheet('ทะเบียนการจัดสรร');
  sheet.addRow(['ทะเบียนการจัดสรรงบประมาณ', `ปีงบประมาณ พ.ศ. ${register.item.fiscalYear}`]).font = { bold: true };
  for (const p of register.path) sheet.addRow([LEVEL_TH[p.level], p.name]);
  sheet.addRow([]);
  const header = sheet.addRow(['ที่', 'รหัสหน่วยงาน', 'หน่วยงาน', 'หมวดรายจ่าย', 'ไตรมาส', 'จำนวนเงิน (บาท)']);
  header.font = { bold: true };
  register.rows.forEach((r, i) => {
    // Satang to baht as a number: exact, since amounts stay far below 2^53 satang.
    sheet.addRow([i + 1, r.unitCode, rowLabel(r), CATEGORY_TH[r.category], r.quarter, Number(r.amountSatang) / 100]);
  });
  const total = sheet.addRow(['', '', 'รวมทั้งสิ้น', '', '', Number(register.totalSatang) / 100]);
  total.font = { bold: true };
  sheet.addRow(['', '', register.totalText]);
  sheet.getColumn(6).numFmt = '#,##0.00';
  sheet.getColumn(3).width = 48;
  sheet.getColumn(6).width = 18;
  return Buffer.from(await book.xlsx.writeBuffer());
}
