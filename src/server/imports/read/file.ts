/**
 * `readImportFile`: the rows of an uploaded XLSX or CSV under their columns. The header row is looked for in the first
 * 20 rows of each sheet (title rows above it and an instructions sheet are normal); the first sheet in workbook
 * order that has every required column is read.
 */
import { AppError } from '../../errors';
import {
  cleanCell,
  type HeaderMatch,
  type ImportColumn,
  type ImportRow,
  type ImportSheet,
  isExampleRow,
  matchHeader,
  missingColumns,
  rowValues,
} from './columns';
import { isOle, oleStreamNames } from './ole';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 200_000;
const HEADER_SEARCH_ROWS = 20;

const unreadable = (reasonTh: string, reason: string) => new AppError('import.unreadable', { params: { reasonTh, reason } });

const isZip = (bytes: Buffer) => bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;

/**
 * Refuses what cannot be read before any parsing: too large, password-protected, legacy .xls, not a spreadsheet.
 * The readers are loaded on the first import, not at start (exceljs, JSZip, csv-parse and iconv-lite take ~0.5 s).
 */
async function sheetsOf(file: { bytes: Buffer; filename: string }): Promise<AsyncIterable<ImportSheet> | ImportSheet[]> {
  const { bytes } = file;
  if (bytes.length > MAX_IMPORT_BYTES) throw new AppError('import.too_large', { params: { maxMb: 50 } });
  if (bytes.length === 0) throw new AppError('import.empty');
  if (isOle(bytes)) {
    const names = oleStreamNames(bytes);
    if (names?.includes('EncryptionInfo') || names?.includes('EncryptedPackage')) throw new AppError('import.encrypted');
    if (names?.includes('Workbook') || names?.includes('Book')) {
      throw unreadable(
        'เป็นไฟล์ Excel รุ่นเก่า (.xls) กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx (Excel Workbook) ก่อนส่ง',
        'it is an old Excel file (.xls); open it in Excel and save it as .xlsx (Excel Workbook) first',
      );
    }
    throw unreadable('ไม่ใช่ไฟล์ Excel (.xlsx) หรือ CSV', 'it is neither an Excel (.xlsx) nor a CSV file');
  }
  if (isZip(bytes)) return (await import('./xlsx')).readXlsx(bytes);
  if (/\.(xlsx|xlsm|xls)$/i.test(file.filename)) {
    throw unreadable('ไฟล์เสียหรือไม่ใช่ไฟล์ Excel จริง', 'the file is damaged or not really an Excel file');
  }
  return (await import('./csv')).readCsv(bytes);
}

type Found = { order: number; match: HeaderMatch; rows: ImportRow[] };

export async function readImportFile(
  file: { bytes: Buffer; filename: string },
  columns: readonly ImportColumn[],
): Promise<{ rows: ImportRow[]; unknownHeaders: string[] }> {
  const sheets = await sheetsOf(file);
  let found: Found | undefined;
  let closest: HeaderMatch | undefined;
  let anyCell = false;
  try {
    for await (const sheet of sheets) {
      let header: HeaderMatch | undefined;
      const rows: ImportRow[] = [];
      let seen = 0;
      // Every row is read even when the sheet is not wanted: the stream reaches the next sheet only past this one.
      for await (const row of sheet.rows) {
        seen++;
        if (!anyCell && row.cells.some((cell) => cleanCell(cell))) anyCell = true;
        if (!header) {
          if (seen > HEADER_SEARCH_ROWS || (found && found.order < sheet.order)) continue;
          const match = matchHeader(row.cells, columns);
          if (match.columnIndex.size === 0) continue;
          if (missingColumns(match, columns).length === 0) header = match;
          else if (!closest || match.columnIndex.size > closest.columnIndex.size) closest = match;
          continue;
        }
        const values = rowValues(row.cells, header, columns);
        if (Object.values(values).every((value) => value === '')) continue;
        if (rows.length === 0 && isExampleRow(values, columns)) continue;
        rows.push({ line: row.line, values });
        if (rows.length > MAX_IMPORT_ROWS) {
          throw new AppError('import.too_many_rows', { params: { maxRows: MAX_IMPORT_ROWS.toLocaleString('en-US') } });
        }
      }
      if (header && (!found || sheet.order < found.order)) found = { order: sheet.order, match: header, rows };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (process.env.THANRAK_DEBUG_IMPORT) console.error('import read failed', error);
    throw unreadable('ไฟล์เสียหรือไม่ครบ (อาจอัปโหลดไม่สมบูรณ์)', 'the file is damaged or incomplete (perhaps a cut-off upload)');
  }
  if (!found) {
    if (!anyCell) throw new AppError('import.empty');
    const missing = closest ? missingColumns(closest, columns) : columns.filter((column) => column.required);
    throw new AppError('import.missing_columns', {
      params: {
        columns: missing.map((column) => column.th).join(', '),
        columnsEn: missing.map((column) => column.en).join(', '),
        missing: missing.map((column) => column.th),
      },
    });
  }
  if (found.rows.length === 0) throw new AppError('import.empty');
  return { rows: found.rows, unknownHeaders: found.match.unknownHeaders };
}
