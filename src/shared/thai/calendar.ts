/**
 * Buddhist Era dates and the Thai government fiscal year.
 * Dates are ISO `YYYY-MM-DD` strings (calendar dates, no time zone), so no Date arithmetic
 * can shift a day across midnight in Asia/Bangkok.
 */
export const BE_OFFSET = 543;

export const THAI_MONTHS_LONG = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
] as const;
export const THAI_MONTHS_SHORT = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type IsoDate = string;

export function parseIsoDate(iso: IsoDate): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date: ${iso}`);
  }
  return { year, month, day };
}

export function isIsoDate(value: string): boolean {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

export const toBuddhistYear = (ceYear: number) => ceYear + BE_OFFSET;
export const toCommonEraYear = (beYear: number) => beYear - BE_OFFSET;

/** "30 เมษายน 2563" (long) or "30 เม.ย. 63" (short); `prefix` adds "พ.ศ." before the year. */
export function formatThaiDate(iso: IsoDate, style: 'long' | 'short' = 'long', opts: { prefix?: boolean } = {}): string {
  const { year, month, day } = parseIsoDate(iso);
  const be = toBuddhistYear(year);
  if (style === 'short') return `${day} ${THAI_MONTHS_SHORT[month - 1]} ${String(be).slice(-2)}`;
  return `${day} ${THAI_MONTHS_LONG[month - 1]} ${opts.prefix ? 'พ.ศ. ' : ''}${be}`;
}

/** Thai fiscal year (named by its BE end year) and quarter (1 = Oct–Dec … 4 = Jul–Sep). */
export function fiscalYearOf(iso: IsoDate): { fiscalYear: number; quarter: 1 | 2 | 3 | 4 } {
  const { year, month } = parseIsoDate(iso);
  const fiscalYear = toBuddhistYear(month >= 10 ? year + 1 : year);
  const quarter = (Math.floor(((month + 2) % 12) / 3) + 1) as 1 | 2 | 3 | 4;
  return { fiscalYear, quarter };
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** First and last day of a fiscal year, or of one of its quarters. */
export function fiscalRange(fiscalYear: number, quarter?: 1 | 2 | 3 | 4): { start: IsoDate; end: IsoDate } {
  const endCe = toCommonEraYear(fiscalYear);
  if (!quarter) return { start: `${endCe - 1}-10-01`, end: `${endCe}-09-30` };
  const startMonth = (((quarter - 1) * 3 + 9) % 12) + 1; // 10, 1, 4, 7
  const year = quarter === 1 ? endCe - 1 : endCe;
  const endMonth = startMonth + 2;
  return { start: `${year}-${pad(startMonth)}-01`, end: `${year}-${pad(endMonth)}-${pad(lastDayOfMonth(year, endMonth))}` };
}

/** The ISO date `days` after (or before, when negative) an ISO date. */
export function addDays(iso: IsoDate, days: number): IsoDate {
  const { year, month, day } = parseIsoDate(iso);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
