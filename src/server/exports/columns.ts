/**
 * The columns of an exported list: a Thai and an English header, a kind that decides how the value is written
 * (dates as Buddhist-Era dates, money as baht with two decimals, codes as their Thai or English labels), and how
 * to read the value from one row of the list's own answer, so the export shows exactly what the list shows.
 */
import type { CodeListName } from '#shared/code-lists';
import { parseIsoDate, toBuddhistYear } from '#shared/thai/calendar';
import { en } from '../../web/i18n/en';
import { th } from '../../web/i18n/th';

export type ExportLang = 'th' | 'en';
export type ColumnKind = 'text' | 'code' | 'date' | 'datetime' | 'money' | 'integer' | 'number' | 'boolean';
export type Labels = { th: Record<string, string>; en: Record<string, string> };

export interface ExportColumn<R> {
  key: string;
  th: string;
  en: string;
  kind: ColumnKind;
  /** The value; by default `row[key]`. Given the export's language for text written in words (the audit log's). */
  value?: (row: R, lang: ExportLang) => unknown;
  /** For `code`: the labels of each code (an array of codes is shown as its labels joined by commas). */
  labels?: Labels;
  /** For `code`: a code list kept in the database, whose names become the labels when the export starts. */
  codeList?: CodeListName;
  width?: number;
}

const groupAt = (dictionary: object, path: string): Record<string, string> => {
  const found = path.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], dictionary);
  if (!found || typeof found !== 'object') throw new Error(`no labels at ${path}`);
  return found as Record<string, string>;
};

/**
 * The labels the web app shows for a group of codes (a path in src/web/i18n, e.g. `categories` or
 * `services.modes`), so an export never shows a raw code. A wrong path fails when the routes load.
 */
export const labelsOf = (path: string): Labels => ({ th: groupAt(th, path), en: groupAt(en, path) });

/** Labels kept as `{ code: { th, en } }` (the audit log's entities and actions). */
export const labelsOfPairs = (pairs: Record<string, { th: string; en: string }>): Labels => ({
  th: Object.fromEntries(Object.entries(pairs).map(([code, l]) => [code, l.th])),
  en: Object.fromEntries(Object.entries(pairs).map(([code, l]) => [code, l.en])),
});

/** Labels from a code list row set (`{ code, nameTh, nameEn }`), for codes kept in the database. */
export const labelsFrom = (items: { code: string; nameTh: string; nameEn: string }[]): Labels => ({
  th: Object.fromEntries(items.map((i) => [i.code, i.nameTh])),
  en: Object.fromEntries(items.map((i) => [i.code, i.nameEn])),
});

/** A summary table's rows, then its total row, marked so that the name column can say "รวม" / "Total". */
export function withTotal<R extends object, T extends object>(
  rows: R[],
  total: T,
): ((R & { isTotal: false }) | (T & { isTotal: true }))[] {
  return [...rows.map((r) => ({ ...r, isTotal: false as const })), { ...total, isTotal: true as const }];
}
export const TOTAL: Record<ExportLang, string> = { th: 'รวม', en: 'Total' };

export const YES_NO: Labels = { th: { true: 'ใช่', false: 'ไม่ใช่' }, en: { true: 'Yes', false: 'No' } };

/** A cell value in the kind's own type: text, a number, or a date (midnight UTC of the day); null when empty. */
export type Cell = string | number | Date | null;

const isoDay = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null);

export function cellOf<R>(column: ExportColumn<R>, row: R, lang: ExportLang): Cell {
  const raw = column.value ? column.value(row, lang) : (row as Record<string, unknown>)[column.key];
  if (raw === null || raw === undefined || raw === '') return null;
  switch (column.kind) {
    case 'money':
      return Number(raw) / 100;
    case 'integer':
    case 'number':
      return typeof raw === 'number' ? raw : Number(raw);
    case 'date':
    case 'datetime': {
      const day = raw instanceof Date ? raw.toISOString().slice(0, 10) : isoDay(raw);
      if (!day) return String(raw);
      const { year, month, day: d } = parseIsoDate(day);
      return new Date(Date.UTC(year, month - 1, d));
    }
    case 'code':
    case 'boolean': {
      const labels = column.labels ?? YES_NO;
      const one = (code: unknown) => labels[lang][String(code)] ?? String(code);
      return Array.isArray(raw) ? raw.map(one).join(', ') : one(raw);
    }
    default:
      return Array.isArray(raw) ? raw.join(', ') : String(raw);
  }
}

/** A date as text for CSV: 23/04/2563 in Thai, 2020-04-23 in English. */
export function dateText(date: Date, lang: ExportLang): string {
  const iso = date.toISOString().slice(0, 10);
  if (lang === 'en') return iso;
  const { year, month, day } = parseIsoDate(iso);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${toBuddhistYear(year)}`;
}

/** A spreadsheet reads text starting with these as a formula (DDE / formula injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
export const startsLikeFormula = (text: string) => FORMULA_START.test(text);
/** CSV cells that would start a formula get an apostrophe, which spreadsheets show as text and hide. */
export const neutralised = (text: string) => (startsLikeFormula(text) ? `'${text}` : text);
