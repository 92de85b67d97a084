/**
 * Streams rows to XLSX (exceljs' WorkbookWriter: each row is committed and leaves memory) or to CSV (UTF-8 with a
 * BOM so Excel reads Thai, via csv-stringify). Memory stays flat whatever the number of rows: the caller hands an
 * async iterator that reads the list in batches, and writing waits while the client is slow to read.
 */

import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { BE_DATE_FORMAT, MONEY_FORMAT, THAI_FONT } from '../documents/xlsx';
import { type Cell, cellOf, dateText, type ExportColumn, type ExportLang, neutralised } from './columns';

export interface ExportSheet<R> {
  title: string;
  columns: readonly ExportColumn<R>[];
  lang: ExportLang;
  rows: AsyncIterable<R[]>;
}

const NUMBER_FORMAT: Partial<Record<string, string>> = {
  money: MONEY_FORMAT,
  integer: '#,##0',
  number: '#,##0.##',
  date: BE_DATE_FORMAT,
  datetime: BE_DATE_FORMAT,
};
const ENGLISH_DATE_FORMAT = 'd mmm yyyy';

/** Waits until the destination has taken what was written, so a slow download does not pile rows up in memory. */
async function drained(out: Writable) {
  if (out.writableNeedDrain) await once(out, 'drain');
}

export async function writeXlsx<R>(out: Writable, sheet: ExportSheet<R>): Promise<void> {
  // Loaded on the first export, not at start (a restart should not pay ~0.3 s for exceljs).
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = 'Thanrak';
  // Excel allows 31 characters and none of []:*?/\ in a sheet name.
  const ws = book.addWorksheet(sheet.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
  });
  ws.columns = sheet.columns.map((c) => {
    let numFmt = NUMBER_FORMAT[c.kind];
    if (numFmt === BE_DATE_FORMAT && sheet.lang === 'en') numFmt = ENGLISH_DATE_FORMAT;
    return {
      key: c.key,
      header: c[sheet.lang],
      width: c.width ?? (c.kind === 'text' ? 28 : 18),
      style: { font: THAI_FONT, ...(numFmt ? { numFmt } : {}) },
    };
  });
  const header = ws.getRow(1);
  header.font = { ...THAI_FONT, bold: true };
  header.commit();
  for await (const batch of sheet.rows) {
    for (const row of batch) {
      // Plain values only: exceljs writes a formula only from a { formula } object, so text that starts with
      // "=" stays a string cell.
      ws.addRow(sheet.columns.map((c) => cellOf(c, row, sheet.lang))).commit();
    }
    await drained(out);
  }
  ws.commit();
  await book.commit();
}

const csvText = (cell: Cell, kind: string, lang: ExportLang): string => {
  if (cell === null) return '';
  if (cell instanceof Date) return dateText(cell, lang);
  if (typeof cell === 'number') return kind === 'money' ? cell.toFixed(2) : String(cell);
  return neutralised(cell);
};

export async function writeCsv<R>(out: Writable, sheet: ExportSheet<R>): Promise<void> {
  const { stringify } = await import('csv-stringify');
  const csv = stringify({ record_delimiter: 'windows' });
  csv.pipe(out, { end: false });
  const finished = once(csv, 'end');
  out.write('\uFEFF');
  csv.write(sheet.columns.map((c) => c[sheet.lang]));
  for await (const batch of sheet.rows) {
    for (const row of batch) csv.write(sheet.columns.map((c) => csvText(cellOf(c, row, sheet.lang), c.kind, sheet.lang)));
    await drained(csv);
  }
  csv.end();
  await finished;
  out.end();
}
