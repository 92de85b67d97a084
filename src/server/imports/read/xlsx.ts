/**
 * XLSX read as a stream (exceljs WorkbookReader): rows are turned into text one at a time, so a large workbook never
 * sits in memory as a whole. Dates come back as ISO dates, numbers as plain decimal text.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../errors';
import type { ImportSheet, SheetRow } from './columns';

/** A number as a person wrote it: 15 significant digits (what Excel keeps), never an exponent. */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  const rounded = Number(value.toPrecision(15));
  const text = String(rounded);
  if (!/e/i.test(text)) return text;
  if (Number.isInteger(rounded)) return BigInt(rounded).toString();
  return rounded.toFixed(20).replace(/0+$/, '');
}

/** The text a cell shows for what it holds: rich text joined, a formula's result, a link's text. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  return '';
}

type StreamedSheet = AsyncIterable<ExcelJS.Row> & { name?: string; id?: number | string };

/**
 * Every worksheet in the order the zip holds them (Excel writes them in workbook order); `order` is the position in
 * the workbook, so the caller can prefer the first sheet a person sees.
 */
export async function* readXlsx(bytes: Buffer): AsyncGenerator<ImportSheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheetCount = 0;
  for await (const worksheet of reader as AsyncIterable<StreamedSheet>) {
    sheetCount++;
    const sheets: { name: string }[] = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? [];
    const position = sheets.findIndex((sheet) => sheet.name === worksheet.name);
    yield { order: position >= 0 ? position : Number(worksheet.id ?? 0), rows: sheetRows(worksheet) };
  }
  if (sheetCount === 0) {
    throw new AppError('import.unreadable', {
      params: { reasonTh: 'เป็นไฟล์ zip ที่ไม่ใช่สมุดงาน Excel', reason: 'it is a zip file but not an Excel workbook' },
    });
  }
}

async function* sheetRows(worksheet: StreamedSheet): AsyncGenerator<SheetRow> {
  for await (const row of worksheet) {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let column = 1; column < values.length; column++) cells.push(cellText(values[column]));
    yield { line: row.number, cells };
  }
}
