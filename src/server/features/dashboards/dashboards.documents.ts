/**
 * The dashboard as XLSX (one sheet per block, Thai headers, numbers as numbers, money in baht) and as PDF (Sarabun,
 * Buddhist Era dates, the same tables, and for the nation or a province the province map drawn here with d3-geo).
 */
import type ExcelJS from 'exceljs';
import { type Dashboard, mapClasses, mapColor, NO_DATA_COLOR, type ProvinceTopology, provinceShapes } from '#shared/dashboards';
import type { Stage } from '#shared/groups';
import { formatBaht, formatThaiDate, THAI_MONTHS_SHORT, toBuddhistYear } from '#shared/thai/index';
import { officeTitle } from '#shared/unit-titles';
import topology from '../../../shared/th-provinces.topo.json' with { type: 'json' };
import { thaiToday } from '../../clock';
import { cell, renderPdf, thaiText, thinLines } from '../../documents/pdf';
import { BE_DATE_FORMAT, excelDate, finishSheet, MONEY_FORMAT, thaiWorkbook } from '../../documents/xlsx';

/** Thai names of the codes the dashboard shows, keyed `list:code` (sales channels, funding sources, standards). */
export type CodeNames = Map<string, string>;

const STAGE_TH: Record<Stage, string> = {
  wisdom_surveyed: 'สำรวจภูมิปัญญา',
  group_formed: 'รวมกลุ่มอาชีพ',
  otop_registered: 'ลงทะเบียน OTOP',
  needs_analysed: 'วิเคราะห์ความต้องการ',
  strengthened: 'ได้รับการพัฒนา',
  market_access: 'เข้าถึงตลาด',
  funding_access: 'เข้าถึงแหล่งทุน',
  grown: 'เติบโตเป็นธุรกิจ',
};

/** `2026-01` → `ม.ค. 2569`. */
export const thaiMonth = (month: string) =>
  `${THAI_MONTHS_SHORT[Number(month.slice(5, 7)) - 1]} ${toBuddhistYear(Number(month.slice(0, 4)))}`;
const baht = (satang: string) => Number(satang) / 100;
const period = (d: Dashboard) => `ปีงบประมาณ พ.ศ. ${d.fiscalYear}${d.quarter ? ` ไตรมาสที่ ${d.quarter}` : ''}`;
const title = (d: Dashboard) => `แดชบอร์ด ${officeTitle({ code: d.unit, nameTh: d.nameTh })}`;
const childHeading = (d: Dashboard) => (d.level === 'national' ? 'จังหวัด' : 'อำเภอ');

type Column = { header: string; money?: boolean; date?: boolean; width?: number };
type Table = { name: string; columns: Column[]; rows: (string | number)[][] };

/** Every block of the dashboard as a table: the XLSX sheets and the PDF tables are the same. */
export function dashboardTables(d: Dashboard, names: CodeNames): Table[] {
  const name = (list: string, code: string) => names.get(`${list}:${code}`) ?? code;
  const channels = [...new Set(d.salesByChannel.map((p) => p.channelCode))];
  const tables: Table[] = [
    {
      name: 'แนวโน้มรายเดือน',
      columns: [
        { header: 'เดือน', width: 14 },
        { header: 'การให้บริการ (ครั้ง)' },
        { header: 'กิจกรรม (ครั้ง)' },
        { header: 'ผู้เข้าร่วม (คน)' },
        { header: 'ยอดขาย (บาท)', money: true, width: 18 },
      ],
      rows: d.months.map((m) => [thaiMonth(m.month), m.services, m.activities, m.attendees, baht(m.salesSatang)]),
    },
    {
      name: 'ขั้นการพัฒนา',
      columns: [{ header: 'ขั้นการพัฒนา', width: 26 }, { header: 'จำนวน' }, { header: 'เข้าสู่ขั้นในปีงบประมาณ' }],
      rows: d.funnel.map((s) => [STAGE_TH[s.stage], s.count, s.movedInPeriod]),
    },
    {
      name: 'ยอดขายตามช่องทาง',
      columns: [
        { header: 'เดือน', width: 14 },
        ...channels.map((c) => ({ header: `${name('sales_channel', c)} (บาท)`, money: true, width: 18 })),
      ],
      rows: d.months.map((m) => [
        thaiMonth(m.month),
        ...channels.map((c) =>
          baht(d.salesByChannel.find((p) => p.month === m.month && p.channelCode === c)?.amountSatang ?? '0'),
        ),
      ]),
    },
    {
      name: 'แหล่งทุน',
      columns: [
        { header: 'แหล่งทุน', width: 30 },
        { header: 'ยื่นขอ (ราย)' },
        { header: 'อนุมัติ (ราย)' },
        { header: 'วงเงินอนุมัติ (บาท)', money: true, width: 18 },
      ],
      rows: d.funding.map((f) => [name('funding_source', f.sourceCode), f.applied, f.approved, baht(f.approvedSatang)]),
    },
    {
      name: 'มาตรฐานใกล้หมดอายุ',
      columns: [
        { header: 'ผู้ผลิต / ผลิตภัณฑ์', width: 36 },
        { header: 'มาตรฐาน', width: 20 },
        { header: 'วันหมดอายุ', date: true, width: 18 },
      ],
      rows: d.certificates.next.map((c) => [c.subject, name('standard', c.standardCode), c.expiresOn]),
    },
    {
      name: 'งบประมาณ',
      columns: [
        { header: 'รายการ', width: 30 },
        { header: 'จำนวนเงิน (บาท)', money: true, width: 18 },
      ],
      rows: [
        ['ได้รับจัดสรร', baht(d.budget.receivedSatang)],
        ['เบิกจ่าย', baht(d.budget.spentSatang)],
      ],
    },
  ];
  if (d.children.length)
    tables.push({
      name: `ราย${childHeading(d)}`,
      columns: [
        { header: 'รหัส', width: 8 },
        { header: childHeading(d), width: 22 },
        { header: 'การให้บริการ' },
        { header: 'กิจกรรม' },
        { header: 'ผู้เข้าร่วม' },
        { header: 'ยอดขาย (บาท)', money: true, width: 16 },
        { header: 'อนุมัติทุน (ราย)' },
        { header: 'วงเงินทุน (บาท)', money: true, width: 16 },
        { header: 'มาตรฐานใกล้หมดอายุ' },
        { header: 'งบได้รับ (บาท)', money: true, width: 16 },
        { header: 'เบิกจ่าย (บาท)', money: true, width: 16 },
      ],
      rows: d.children.map((c) => [
        c.code,
        c.nameTh,
        c.services,
        c.activities,
        c.attendees,
        baht(c.salesSatang),
        c.fundingApproved,
        baht(c.fundingApprovedSatang),
        c.certificatesExpiring,
        baht(c.budgetReceivedSatang),
        baht(c.budgetSpentSatang),
      ]),
    });
  return tables;
}

export async function dashboardXlsx(d: Dashboard, names: CodeNames): Promise<Buffer> {
  const book = await thaiWorkbook();
  for (const table of dashboardTables(d, names)) {
    const sheet = book.addWorksheet(table.name);
    sheet.addRow([title(d), period(d)]).font = { bold: true };
    const asOf = sheet.addRow(['ข้อมูล ณ วันที่', excelDate(thaiToday())]);
    asOf.getCell(2).numFmt = BE_DATE_FORMAT;
    asOf.getCell(2).alignment = { horizontal: 'left' };
    sheet.addRow([]);
    const header = sheet.addRow(table.columns.map((c) => c.header));
    header.font = { bold: true };
    for (const row of table.rows) {
      const added = sheet.addRow(row.map((v, i) => (table.columns[i].date ? excelDate(String(v)) : v)));
      table.columns.forEach((c, i) => {
        formatCell(added.getCell(i + 1), c);
      });
    }
    table.columns.forEach((c, i) => {
      sheet.getColumn(i + 1).width = c.width ?? 12;
    });
    finishSheet(sheet, header.number);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function formatCell(target: ExcelJS.Cell, column: Column) {
  if (column.money) target.numFmt = MONEY_FORMAT;
  if (column.date) target.numFmt = BE_DATE_FORMAT;
}

/** Width of the map in the PDF, in points: a third of the A4 text width, beside its legend. */
const MAP_WIDTH = 220;

/**
 * The province map as SVG: for the nation each province coloured by its services in the period; for a province the
 * province itself highlighted among the others.
 */
export function mapSvg(d: Dashboard): string | null {
  if (d.level === 'district') return null;
  const { width, height, shapes } = provinceShapes(topology as unknown as ProvinceTopology, MAP_WIDTH);
  const services = new Map(d.children.map((c) => [c.code, c.services]));
  const classes = mapClasses([...services.values()]);
  const fill = (code: string) =>
    d.level === 'national' ? mapColor(classes, services.get(code)) : code === d.unit ? '#31a354' : NO_DATA_COLOR;
  const paths = shapes.map((s) => `<path d="${s.d}" fill="${fill(s.code)}" stroke="#ffffff" stroke-width="0.4"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${paths.join('')}</svg>`;
}

function mapLegend(d: Dashboard) {
  if (d.level !== 'national') return [{ text: thaiText(`จังหวัด${d.nameTh} (สีเขียว)`), fontSize: 12 }];
  const classes = mapClasses(d.children.map((c) => c.services));
  return [
    { text: thaiText('จำนวนการให้บริการรายจังหวัด'), bold: true, fontSize: 12 },
    ...classes.map((c) => ({
      columns: [
        { canvas: [{ type: 'rect', x: 0, y: 3, w: 12, h: 10, color: c.color, lineColor: '#888888' }], width: 18 },
        { text: `${Math.ceil(c.from)}–${Math.floor(c.to)}`, fontSize: 12 },
      ],
    })),
    {
      columns: [
        { canvas: [{ type: 'rect', x: 0, y: 3, w: 12, h: 10, color: NO_DATA_COLOR }], width: 18 },
        { text: thaiText('ไม่มีข้อมูล'), fontSize: 12 },
      ],
    },
  ];
}

const shown = (value: string | number, column: Column) => {
  if (column.date) return formatThaiDate(String(value), 'short');
  if (column.money) return formatBaht(BigInt(Math.round(Number(value) * 100)));
  return typeof value === 'number' ? value.toLocaleString('en-US') : value;
};

export function dashboardPdf(d: Dashboard, names: CodeNames): Promise<Buffer> {
  const svg = mapSvg(d);
  const tables = dashboardTables(d, names).flatMap((table) => [
    { text: thaiText(table.name), bold: true, fontSize: 16, margin: [0, 10, 0, 4] },
    table.rows.length
      ? {
          table: {
            headerRows: 1,
            widths: table.columns.map((_, i) => (i === 0 ? '*' : 'auto')),
            body: [
              table.columns.map((c) => cell(c.header, 'arabic', { bold: true, alignment: 'center' })),
              ...table.rows.map((row) =>
                row.map((v, i) => {
                  const column = table.columns[i];
                  const text = String(shown(v, column));
                  return typeof v === 'number' || column.money ? { text, alignment: 'right' } : cell(text);
                }),
              ),
            ],
          },
          layout: thinLines,
          // The per-unit table has eleven columns: a smaller size keeps it inside the A4 width.
          fontSize: table.columns.length > 6 ? 9 : 12,
        }
      : { text: thaiText('ไม่มีข้อมูล'), color: '#444444' },
  ]);
  return renderPdf({
    info: { title: title(d) },
    content: [
      { text: thaiText(title(d)), fontSize: 18, bold: true, alignment: 'center' },
      { text: thaiText(period(d)), alignment: 'center' },
      {
        text: thaiText(`ข้อมูล ณ วันที่ ${formatThaiDate(thaiToday())}`),
        alignment: 'center',
        fontSize: 12,
        margin: [0, 0, 0, 8],
      },
      ...(svg
        ? [
            {
              columns: [
                { svg, width: MAP_WIDTH },
                { stack: mapLegend(d), margin: [16, 0, 0, 0] },
              ],
            },
          ]
        : []),
      ...tables,
    ],
  });
}
