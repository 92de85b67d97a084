/**
 * XLSX the way a Thai finance officer prints and checks it: TH Sarabun New (Sarabun where it is missing), the header
 * row frozen and repeated on every printed A4 page fitted to the width, totals as SUM formulas that carry their
 * value too, and dates as real dates shown in the Buddhist Era.
 */
import type ExcelJS from 'exceljs';
import { parseIsoDate } from '#shared/thai/index';

/** The font Thai offices have; Excel falls back by family (`swiss`) where it is missing, LibreOffice to Sarabun. */
export const THAI_FONT: Partial<ExcelJS.Font> = { name: 'TH Sarabun New', family: 2, size: 14 };
/**
 * A date in the Thai Buddhist calendar with Thai month names: LCID 041E (Thai), calendar 07 (Thai Buddhist),
 * digits 01 (Western): 23 เมษายน 2563.
 */
export const BE_DATE_FORMAT = '[$-107041E]d mmmm yyyy';
export const MONEY_FORMAT = '#,##0.00';

/** exceljs is loaded on the first workbook made: it takes ~0.3 s to load, which a restart should not pay. */
export async function thaiWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Thanrak';
  return book;
}

/** A date cell's value: midnight UTC of the calendar day, which exceljs writes as the day's serial number. */
export const excelDate = (iso: string) => {
  const { year, month, day } = parseIsoDate(iso);
  return new Date(Date.UTC(year, month - 1, day));
};

/** Freezes and repeats the header row, sets A4 fitted to the width, and gives every used cell the Thai font. */
export function finishSheet(sheet: ExcelJS.Worksheet, headerRow: number): void {
  sheet.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { ...THAI_FONT, ...(cell.font?.bold ? { bold: true } : {}) };
    });
  });
}

/** `SUM(F5:F30)` with its computed value, so a reader that never recalculates still sees the total. */
export const sumFormula = (column: string, from: number, to: number, result: number): ExcelJS.CellFormulaValue => ({
  formula: `SUM(${column}${from}:${column}${to})`,
  result,
});
