/**
 * Parsers for the text of one cell, as people type it in Thai offices. Each returns the value or a problem with a
 * stable code and a Thai and English sentence for the dry-run report (never echoing the value: it may be personal).
 */
import { citizenIdCheckDigit, type Satang, toArabicDigits } from '#shared/thai/index';

export type ValueProblem = { code: string; th: string; en: string };
export type Parsed<T> = { value: T } | { problem: ValueProblem };

export const problem = (code: string, th: string, en: string): { problem: ValueProblem } => ({ problem: { code, th, en } });

const prepare = (text: string) =>
  toArabicDigits(text)
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .trim();

const BAHT_HINT = { th: 'เช่น 1,500 หรือ 1500.50', en: 'for example 1,500 or 1500.50' };

/**
 * An amount in baht → integer satang: thousands commas, "บาท"/"฿", "1,500.-" (no satang), "-" for zero (accounting
 * format), at most two decimals (more is refused, not rounded). Negative only when allowed, written -1 or (1).
 */
export function parseBahtText(text: string, options: { allowNegative?: boolean } = {}): Parsed<Satang> {
  let clean = prepare(text)
    .replace(/บาท(ถ้วน)?|฿|thb|baht/gi, '')
    .replace(/\s+/g, '')
    .replace(/\.-$/, '');
  if (clean === '-') return { value: 0n };
  let negative = false;
  if (/^\(.*\)$/.test(clean) || clean.startsWith('-')) {
    negative = true;
    clean = clean.replace(/^\((.*)\)$/, '$1').replace(/^-/, '');
  }
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(clean)) {
    return problem(
      'baht.invalid',
      `จำนวนเงินไม่ถูกต้อง กรุณาใส่เป็นตัวเลข ${BAHT_HINT.th}`,
      `Not an amount of money; write a number, ${BAHT_HINT.en}`,
    );
  }
  const [whole, fraction = ''] = clean.replace(/,/g, '').split('.');
  if (fraction.length > 2) {
    return problem(
      'baht.too_many_decimals',
      'จำนวนเงินมีทศนิยมเกิน 2 ตำแหน่ง (สตางค์)',
      'The amount has more than two decimals (satang)',
    );
  }
  const satang = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (negative && satang !== 0n && !options.allowNegative) {
    return problem('baht.negative', 'จำนวนเงินต้องไม่ติดลบ', 'The amount must not be negative');
  }
  return { value: negative ? -satang : satang };
}

/** A Thai citizen ID: 13 digits, dashes and spaces allowed, the last digit the mod-11 check. */
export function parseCitizenIdText(text: string): Parsed<string> {
  const id = prepare(text).replace(/[\s-]/g, '');
  if (!/^\d{13}$/.test(id)) {
    return problem('citizen_id.invalid', 'เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลัก', 'A citizen ID has 13 digits');
  }
  if (citizenIdCheckDigit(id.slice(0, 12)) !== Number(id[12])) {
    return problem(
      'citizen_id.checksum',
      'เลขประจำตัวประชาชนไม่ถูกต้อง (หลักสุดท้ายไม่ตรงกับเลขตรวจสอบ) กรุณาตรวจสอบว่าพิมพ์ครบและถูกต้อง',
      'The citizen ID is not valid (its check digit does not match); check it was typed correctly',
    );
  }
  return { value: id };
}

/** A whole number: thousands commas allowed, "12.0" (a number cell) accepted, optional bounds. */
export function parseIntegerText(text: string, options: { min?: number; max?: number } = {}): Parsed<number> {
  const clean = prepare(text).replace(/\s+/g, '');
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.0+)?$/.test(clean)) {
    return problem('integer.invalid', 'ต้องเป็นจำนวนเต็ม เช่น 12', 'Must be a whole number, for example 12');
  }
  const value = Number(clean.replace(/,/g, '').replace(/\.0+$/, ''));
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = options;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const { min: low, max: high } = options;
    if (low !== undefined && high !== undefined)
      return problem('integer.out_of_range', `ต้องอยู่ระหว่าง ${low} ถึง ${high}`, `Must be from ${low} to ${high}`);
    if (low !== undefined) return problem('integer.out_of_range', `ต้องไม่น้อยกว่า ${low}`, `Must be at least ${low}`);
    if (high !== undefined) return problem('integer.out_of_range', `ต้องไม่เกิน ${high}`, `Must be at most ${high}`);
    return problem('integer.out_of_range', 'ตัวเลขใหญ่เกินไป', 'The number is too large');
  }
  return { value };
}

/**
 * A Thai phone number → its digits (0 and 8–9 more, as people.ts stores it). "+66" is read as 0, and a number cell that
 * lost its leading 0 (812345678) gets it back.
 */
export function parsePhoneText(text: string): Parsed<string> {
  let digits = prepare(text).replace(/[\s\-().]/g, '');
  if (digits.startsWith('+66')) digits = `0${digits.slice(3)}`;
  if (/^[1-9]\d{7,8}$/.test(digits)) digits = `0${digits}`;
  if (!/^0\d{8,9}$/.test(digits)) {
    return problem(
      'phone.invalid',
      'หมายเลขโทรศัพท์ต้องขึ้นต้นด้วย 0 และมี 9–10 หลัก (ใส่ได้หมายเลขเดียว) เช่น 081-234-5678',
      'A phone number starts with 0 and has 9–10 digits (one number only), for example 081-234-5678',
    );
  }
  return { value: digits };
}
