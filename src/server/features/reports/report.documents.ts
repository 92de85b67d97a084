/** The quarterly report as an official memo (PDF, Sarabun, BE dates) and its figures as an XLSX workbook. */
import type { CellStatus, CenterIndicator, ResultFigures } from '#shared/indicators';
import type { QuarterlyReport, ReportStatus } from '#shared/reports';
import { formatBaht, formatThaiDate, toArabicDigits, toThaiDigits } from '#shared/thai/index';
import { districtOfficeTitle, provinceOfficeTitle } from '#shared/unit-titles';
import { thaiToday } from '../../clock';
import { cell, type Digits, renderPdf, thaiText, thinLines } from '../../documents/pdf';
import { finishSheet, MONEY_FORMAT, thaiWorkbook } from '../../documents/xlsx';

export const INDICATOR_NAMES_TH: Record<CenterIndicator, string> = {
  committee_valid: 'คณะกรรมการศูนย์ฯ มีองค์ประกอบครบถ้วนตามหลักเกณฑ์',
  meeting_each_quarter: 'มีการประชุมคณะกรรมการศูนย์ฯ ทุกไตรมาส',
  activity_each_month: 'มีกิจกรรมร่วมกับภาคีเครือข่ายทุกเดือน',
  plans_present: 'มีแผนการดำเนินงานระยะสั้นและระยะยาว',
  publicity_each_quarter: 'มีการประชาสัมพันธ์ทุกไตรมาส',
  lessons_recorded: 'มีการถอดบทเรียนการดำเนินงาน',
  operating_guidelines: 'ศูนย์ฯ มีแนวทางการดำเนินงานที่เป็นรูปธรรม',
};
const CELL_TH: Record<CellStatus, string> = { met: 'ผ่าน', missing: 'ยังไม่ผ่าน', not_due: 'ยังไม่ถึงกำหนด' };
const STATUS_TH: Record<ReportStatus, string> = {
  draft: 'ร่าง',
  submitted: 'ส่งจังหวัดแล้ว รอพิจารณา',
  returned: 'จังหวัดส่งกลับให้แก้ไข',
  approved: 'จังหวัดอนุมัติแล้ว',
};
/** The results in the order they are read, with money in baht. */
const RESULT_ROWS: [keyof ResultFigures, string, 'count' | 'baht'][] = [
  ['wisdomItems', 'ภูมิปัญญาท้องถิ่นที่สำรวจ (รายการ)', 'count'],
  ['groupsFormed', 'กลุ่มอาชีพที่จัดตั้ง (กลุ่ม)', 'count'],
  ['otopRegistrations', 'การลงทะเบียนผู้ผลิตผู้ประกอบการ OTOP (ราย)', 'count'],
  ['certificates', 'ผลิตภัณฑ์ที่ได้รับมาตรฐาน (ใบรับรอง)', 'count'],
  ['services', 'การให้บริการ (ครั้ง)', 'count'],
  ['activities', 'กิจกรรมและการอบรม (ครั้ง)', 'count'],
  ['attendees', 'ผู้เข้าร่วมกิจกรรม (คน)', 'count'],
  ['outcomesVerified', 'ผลลัพธ์ที่รับรองแล้ว (รายการ)', 'count'],
  ['salesSatang', 'ยอดจำหน่ายผลิตภัณฑ์ (บาท)', 'baht'],
  ['fundingApprovedSatang', 'เงินทุนที่ได้รับอนุมัติ (บาท)', 'baht'],
];

/** The calendar day of a moment in Bangkok (UTC+7, no daylight saving). */
const bangkokDay = (at: string) => new Date(new Date(at).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
const subjectOf = (r: QuarterlyReport) =>
  `รายงานผลการดำเนินงานศูนย์บริการส่งเสริมเศรษฐกิจฐานราก ไตรมาสที่ ${r.quarter} ปีงบประมาณ พ.ศ. ${r.fiscalYear}`;

export interface MemoDetails {
  digits: Digits;
  /** The district office's letter-number prefix (อบ ๐๐๑๙.๑): the ที่ line, its number written in by the registry. */
  prefix: string;
}

/**
 * The report as the district office's memo (บันทึกข้อความ) to the province: ส่วนราชการ, ที่ and วันที่, เรื่อง, เรียน,
 * then the figures and the words. Every digit is written alike, Thai or Arabic, as in the office's letters.
 */
export function reportPdf(report: QuarterlyReport, { digits, prefix }: MemoDetails): Promise<Buffer> {
  const d = (text: string) => (digits === 'thai' ? toThaiDigits(text) : toArabicDigits(text));
  const t = (text: string) => thaiText(d(text), digits);
  const td = (text: string, style: Record<string, unknown> = {}) => cell(d(text), digits, style);
  const line = (label: string, value: string) => ({ text: [{ text: `${label}  `, bold: true }, ...t(value)] });
  const heading = (n: number, text: string) => ({ text: t(`${n}. ${text}`), bold: true, margin: [0, 10, 0, 2] });
  const paragraph = (text: string) => ({ text: t(text || '-'), margin: [36, 0, 0, 0] });
  const figures = report.figures;
  const indicatorRows = figures
    ? Object.entries(INDICATOR_NAMES_TH).map(([key, name], i) => [
        td(String(i + 1), { alignment: 'center' }),
        td(name),
        td(CELL_TH[figures.indicators[key as CenterIndicator] ?? 'not_due'], { alignment: 'center' }),
      ])
    : [];
  const resultRows = figures
    ? RESULT_ROWS.map(([key, name, kind]) => [
        td(name),
        td(kind === 'baht' ? formatBaht(BigInt(figures.results[key])) : String(figures.results[key]), { alignment: 'right' }),
      ])
    : [];
  const signed = (who: { name: string } | null, at: string | null, role: string) =>
    who && at ? [line(role, `${who.name} เมื่อวันที่ ${formatThaiDate(bangkokDay(at))}`)] : [];
  return renderPdf({
    info: { title: subjectOf(report) },
    content: [
      { text: 'บันทึกข้อความ', fontSize: 24, bold: true, alignment: 'center', margin: [0, 0, 0, 8] },
      line('ส่วนราชการ', districtOfficeTitle(report.unitNameTh)),
      {
        columns: [
          { width: '*', ...line('ที่', `${prefix}/`) },
          { width: '*', ...line('วันที่', formatThaiDate(report.submittedAt ? bangkokDay(report.submittedAt) : thaiToday())) },
        ],
      },
      line('เรื่อง', subjectOf(report)),
      line('เรียน', `พัฒนาการจังหวัด${report.provinceNameTh}`),
      {
        text: t(
          `ศูนย์บริการส่งเสริมเศรษฐกิจฐานรากอำเภอ${report.unitNameTh} ขอรายงานผลการดำเนินงานประจำไตรมาสที่ ${report.quarter} ปีงบประมาณ พ.ศ. ${report.fiscalYear} ต่อ${provinceOfficeTitle(report.provinceNameTh)} ดังนี้`,
        ),
        margin: [36, 8, 0, 0],
      },
      heading(1, 'ตัวชี้วัดการดำเนินงานของศูนย์ฯ'),
      figures
        ? {
            table: {
              headerRows: 1,
              widths: [22, '*', 90],
              body: [['ที่', 'ตัวชี้วัด', 'ผล'].map((h) => td(h, { bold: true, alignment: 'center' })), ...indicatorRows],
            },
            layout: thinLines,
          }
        : paragraph('ยังไม่ได้ส่งรายงาน ตัวเลขจะบันทึกเมื่อส่งรายงาน'),
      heading(2, 'ผลการดำเนินงาน'),
      figures
        ? {
            table: {
              headerRows: 1,
              widths: ['*', 110],
              body: [['รายการ', 'จำนวน'].map((h) => td(h, { bold: true, alignment: 'center' })), ...resultRows],
            },
            layout: thinLines,
          }
        : paragraph(''),
      heading(3, 'ผลการดำเนินงานโดยสรุป'),
      paragraph(report.narrative),
      heading(4, 'ปัญหาและอุปสรรค'),
      paragraph(report.problems),
      heading(5, 'ความต้องการการสนับสนุน'),
      paragraph(report.supportNeeded),
      { text: '', margin: [0, 8, 0, 0] },
      line('สถานะ', STATUS_TH[report.status]),
      ...signed(report.submittedBy, report.submittedAt, 'ผู้ส่งรายงาน'),
      ...(report.status === 'approved' ? signed(report.reviewedBy, report.reviewedAt, 'ผู้อนุมัติ') : []),
      ...(report.status === 'returned' ? signed(report.reviewedBy, report.reviewedAt, 'ผู้ส่งกลับ') : []),
      ...(report.reviewComment ? [line('ความเห็นของจังหวัด', report.reviewComment)] : []),
    ],
  });
}

export async function reportXlsx(report: QuarterlyReport): Promise<Buffer> {
  const book = await thaiWorkbook();
  const sheet = book.addWorksheet('รายงานรายไตรมาส');
  sheet.addRow([subjectOf(report)]).font = { bold: true };
  sheet.addRow(['หน่วยงาน', districtOfficeTitle(report.unitNameTh)]);
  sheet.addRow(['สถานะ', STATUS_TH[report.status]]);
  sheet.addRow([]);
  const header = sheet.addRow(['หมวด', 'รายการ', 'ผล', 'จำนวน']);
  header.font = { bold: true };
  const figures = report.figures;
  if (figures) {
    for (const [key, name] of Object.entries(INDICATOR_NAMES_TH))
      sheet.addRow(['ตัวชี้วัด', name, CELL_TH[figures.indicators[key as CenterIndicator] ?? 'not_due'], null]);
    for (const [key, name, kind] of RESULT_ROWS) {
      const value = figures.results[key];
      // Satang to baht as a number: exact, since amounts stay far below 2^53 satang.
      const row = sheet.addRow(['ผลการดำเนินงาน', name, null, kind === 'baht' ? Number(value) / 100 : Number(value)]);
      if (kind === 'baht') row.getCell(4).numFmt = MONEY_FORMAT;
    }
  }
  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 56;
  sheet.getColumn(3).width = 18;
  sheet.getColumn(4).width = 18;
  finishSheet(sheet, header.number);
  return Buffer.from(await book.xlsx.writeBuffer());
}
