/**
 * Money is integer satang everywhere (bigint in the database, string on the wire for totals).
 * These helpers are the one way to read and show it.
 */
import { toArabicDigits } from './digits';

export type Satang = bigint;

const AMOUNT = /^-?\d+(\.\d{1,2})?$/;

/**
 * "1,234.50", "1234.5" or in Thai digits "๑,๒๓๔.๕๐" -> 123450n. Rejects more than two decimals rather than rounding
 * silently.
 */
export function parseBaht(text: string): Satang {
  const clean = toArabicDigits(text).replace(/,/g, '').trim();
  if (!AMOUNT.test(clean)) throw new RangeError(`Not a baht amount: ${text}`);
  const negative = clean.startsWith('-');
  const [whole, fraction = ''] = clean.replace('-', '').split('.');
  const satang = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return negative ? -satang : satang;
}

/** The same, or null for text that is not an amount (for forms that show the error themselves). */
export function parseBahtOrNull(text: string): Satang | null {
  try {
    return parseBaht(text);
  } catch {
    return null;
  }
}

/** 123450n -> "1,234.50" (always two decimals, grouped thousands). */
export function formatBaht(satang: Satang | number): string {
  const value = BigInt(satang);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}
