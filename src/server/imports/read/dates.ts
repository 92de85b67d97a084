/**
 * A date as Thai offices type it → ISO `YYYY-MM-DD`. Day first (15/1/2569, 15-01-2026), ISO (2026-01-15 or
 * 2569-01-15), Thai month names full or short with or without dots (15 มกราคม 2569, 15 ม.ค. 2569, 15 มค 2569),
 * English month names, and Excel serial numbers. A year of 2400 or more is Buddhist Era; a two-digit year is refused
 * because 69 may mean 2569 or 2069.
 */

import { THAI_MONTHS_LONG, THAI_MONTHS_SHORT, toArabicDigits } from '#shared/thai/index';
import { thaiToday } from '../../clock';
import { type Parsed, problem } from './values';

const ENGLISH_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const monthKey = (name: string) => name.replace(/[.\s]/g, '').toLowerCase();
/** Every way a month is written → its number: Thai full and short (dots and spaces ignored), English full and short. */
const MONTHS = new Map<string, number>(
  [THAI_MONTHS_LONG, THAI_MONTHS_SHORT, ENGLISH_MONTHS, ENGLISH_MONTHS.map((name) => name.slice(0, 3))].flatMap((names) =>
    names.map((name, i): [string, number] => [monthKey(name), i + 1]),
  ),
);

/** Serials from 1927 to 9999: below that a number is more likely a year or a typo than a date. */
const SERIAL = /^(\d{5,7})(\.\d+)?$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?)?$/;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d+)(?:\s+\d{1,2}[:.]\d{2}(:\d{2})?)?$/;
const NAMED_MONTH = /^(\d{1,2})\s*([^\d\s]+(?:\s*[^\d\s]+)?)\s*(\d+)$/;

const INVALID = problem(
  'date.invalid',
  'วันที่ไม่ถูกต้อง กรุณาใส่เป็น วัน/เดือน/ปี เช่น 15/1/2569 หรือ 15 มกราคม 2569',
  'Not a date; write day/month/year, for example 15/1/2569 or 15 January 2026',
);

export function parseDateText(text: string, options: { today?: string } = {}): Parsed<string> {
  const clean = toArabicDigits(text)
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/^วันที่\s*/, '')
    .replace(/(พ\.?\s?ศ\.?|ค\.?\s?ศ\.?)\s*(?=\d)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const serial = SERIAL.exec(clean);
  if (serial) {
    const date = new Date(Date.UTC(1899, 11, 30) + Number(serial[1]) * 86_400_000);
    return checkYear(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), false, options);
  }
  const iso = ISO.exec(clean);
  if (iso) return fromParts(iso[1], Number(iso[2]), Number(iso[3]), options);
  const dayFirst = DAY_FIRST.exec(clean);
  if (dayFirst) return fromParts(dayFirst[3], Number(dayFirst[2]), Number(dayFirst[1]), options);
  const named = NAMED_MONTH.exec(clean);
  if (named) {
    const month = MONTHS.get(monthKey(named[2]));
    if (month) return fromParts(named[3], month, Number(named[1]), options);
  }
  return INVALID;
}

function fromParts(yearText: string, month: number, day: number, options: { today?: string }): Parsed<string> {
  if (yearText.length === 2) {
    return problem(
      'date.ambiguous_year',
      'ปีมีเพียง 2 หลัก ไม่ทราบว่าเป็น พ.ศ. หรือ ค.ศ. กรุณาใส่ปี 4 หลัก เช่น 2569',
      'The year has two digits, so it could be BE or CE; write all four digits, for example 2569',
    );
  }
  if (yearText.length !== 4) return INVALID;
  const year = Number(yearText);
  const buddhist = year >= 2400;
  return checkYear(buddhist ? year - 543 : year, month, day, buddhist, options);
}

function checkYear(year: number, month: number, day: number, buddhist: boolean, options: { today?: string }): Parsed<string> {
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return problem(
      'date.no_such_day',
      'ไม่มีวันที่นี้ในปฏิทิน (เช่น 31 เมษายน) หรือสลับวันกับเดือน กรุณาใส่เป็น วัน/เดือน/ปี',
      'No such day in the calendar (31 April, for example) or day and month swapped; write day/month/year',
    );
  }
  const thisYear = Number((options.today ?? thaiToday()).slice(0, 4));
  if (buddhist && year > thisYear + 10) {
    return problem(
      'date.future_be',
      `ปี พ.ศ. ${year + 543} อยู่ไกลในอนาคต อาจบวก 543 ซ้ำสองครั้ง กรุณาตรวจสอบปี`,
      `The BE year ${year + 543} is far in the future; 543 may have been added twice. Check the year`,
    );
  }
  if (year < 1900 || year > thisYear + 10) {
    return problem(
      'date.out_of_range',
      'ปีไม่อยู่ในช่วงที่เป็นไปได้ กรุณาใส่ปี พ.ศ. (เช่น 2569) หรือ ค.ศ. (เช่น 2026)',
      'The year is out of range; write a BE year (2569) or a CE year (2026)',
    );
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return { value: `${year}-${pad(month)}-${pad(day)}` };
}
