/**
 * The columns an importer expects and how a header row written by a person is recognised: spaces and line breaks
 * inside a header, a trailing "*" for required, an English header, a format hint in parentheses, an alias.
 */
import { toArabicDigits } from '#shared/thai/index';

export type ImportColumn = {
  key: string;
  th: string;
  en: string;
  required?: boolean;
  aliases?: readonly string[];
  example?: string;
  help?: { th: string; en: string };
  /** The allowed values: the template offers them as a drop-down list (the importer still checks them). */
  options?: readonly string[];
};

/** One data row: `line` is the row number the user sees in the spreadsheet; values are keyed by column key. */
export type ImportRow = { line: number; values: Record<string, string> };

export type ImportProblem = { line: number; column?: string; code: string; th: string; en: string };

/** What the XLSX and CSV readers hand over: sheets (in workbook order) of rows of cell text. */
export type SheetRow = { line: number; cells: string[] };
export type ImportSheet = { order: number; rows: AsyncIterable<SheetRow> };

/** A cell as the importer reads it: trimmed, Thai digits as Arabic, no zero-width spaces (Thai typing adds them). */
export const cleanCell = (text: string): string => toArabicDigits(text.replace(/[\u200b-\u200d\ufeff]/g, '')).trim();

/** Letters, digits and marks only, lower case: "ชื่อกลุ่ม *", "ชื่อ\nกลุ่ม" and "ชื่อ กลุ่ม" are one header. */
const headerKey = (text: string) =>
  toArabicDigits(text)
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]/gu, '');

/** The ways a header cell may name a column: all of it, each line of it, each without a "(hint)". */
function headerForms(text: string): string[] {
  const parts = [text, ...text.split(/\r?\n/)];
  const forms = parts.flatMap((part) => [part, part.replace(/\([^)]*\)/g, '')]).map(headerKey);
  return [...new Set(forms.filter(Boolean))];
}

export type HeaderMatch = { columnIndex: Map<string, number>; unknownHeaders: string[] };

/** Which cell of a candidate header row holds each column; a column named twice keeps its first cell. */
export function matchHeader(cells: readonly string[], columns: readonly ImportColumn[]): HeaderMatch {
  const names = columns.map((column) => ({
    key: column.key,
    forms: new Set([column.th, column.en, ...(column.aliases ?? [])].map(headerKey)),
  }));
  const columnIndex = new Map<string, number>();
  const unknownHeaders: string[] = [];
  cells.forEach((cell, index) => {
    const text = cleanCell(cell);
    if (!text) return;
    const forms = headerForms(text);
    const named = names.find((name) => !columnIndex.has(name.key) && forms.some((form) => name.forms.has(form)));
    if (named) columnIndex.set(named.key, index);
    else unknownHeaders.push(text.replace(/\s+/g, ' '));
  });
  return { columnIndex, unknownHeaders };
}

/** The required columns a header row lacks. */
export const missingColumns = (match: HeaderMatch, columns: readonly ImportColumn[]) =>
  columns.filter((column) => column.required && !match.columnIndex.has(column.key));

/** A row's values by column key ('' for a column the file does not have). */
export function rowValues(cells: readonly string[], match: HeaderMatch, columns: readonly ImportColumn[]) {
  const values: Record<string, string> = {};
  for (const column of columns) {
    const index = match.columnIndex.get(column.key);
    values[column.key] = index === undefined ? '' : cleanCell(cells[index] ?? '');
  }
  return values;
}

/** The template's example row left in place: every column with an example holds exactly it. */
export function isExampleRow(values: Record<string, string>, columns: readonly ImportColumn[]): boolean {
  const withExample = columns.filter((column) => column.example);
  return (
    withExample.length > 0 &&
    withExample.every((column) => values[column.key] === cleanCell(column.example ?? '')) &&
    columns.every((column) => column.example || values[column.key] === '')
  );
}
