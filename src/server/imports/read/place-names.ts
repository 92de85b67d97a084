/**
 * How a place name typed in a spreadsheet is compared with the official one: office prefixes removed (อ. อำเภอ
 * กิ่งอ. จ. จังหวัด สพจ. สนง.พช.), then a loose form without spaces, tone marks or vowel marks and with consonants
 * that sound alike folded together (ญ/ณ/น, ศ/ษ/ส/ซ, ช/ฌ, ฑ/ฒ/ท/ธ, ต/ฏ, ด/ฎ, ร/ล/ฬ …), scored by edit distance.
 */
import { distance } from 'fastest-levenshtein';
import { toArabicDigits } from '#shared/thai/index';

export type PlaceLevel = 'province' | 'district';

const THAI_PREFIX =
  /^(?:(สำนักงานพัฒนาชุมชนจังหวัด|สนง\.?\s*พช\.?\s*จ(?:ังหวัด|\.)|สพจ\.?|จังหวัด|จ\.|จ\s)|(สำนักงานพัฒนาชุมชนอำเภอ|สนง\.?\s*พช\.?\s*อ(?:ำเภอ|\.)|สพอ\.?|กิ่ง\s*อำเภอ|กิ่ง\s*อ\.?|อำเภอ|อ\.|อ\s)|(สนง\.?\s*พช\.?))\s*/;
const ENGLISH_PREFIX = /^(?:(changwat|province of)|(amphoe|amphur|amphor|king amphoe|district of))\s+/i;
const ENGLISH_SUFFIX = /\s+(?:(province)|(district))$/i;
/** "อ.เมือง จ.อุบลราชธานี": the province named after the district. */
const TRAILING_PROVINCE = /\s+(?:จ\.|จังหวัด)\s*(\S+)$/;

const LOOK_ALIKE: Record<string, string> = {
  ญ: 'น',
  ณ: 'น',
  ศ: 'ส',
  ษ: 'ส',
  ซ: 'ส',
  ฌ: 'ช',
  ฑ: 'ท',
  ฒ: 'ท',
  ธ: 'ท',
  ฏ: 'ต',
  ฎ: 'ด',
  ล: 'ร',
  ฬ: 'ร',
  ฐ: 'ถ',
  ภ: 'พ',
  ฆ: 'ค',
  ฅ: 'ค',
  ฃ: 'ข',
  ใ: 'ไ',
  ำ: 'า',
};

/** No spaces or punctuation; SARA AM typed as two characters (ํ + า) made one. */
export const cleanPlace = (text: string) =>
  toArabicDigits(text)
    .normalize('NFC')
    .replace(/\u0e4d\u0e32/g, '\u0e33')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]|ฯ/gu, '');

/** The clean form without any combining mark (tone, vowel above or below, thanthakhat) and look-alikes folded. */
export const loosePlace = (text: string) =>
  cleanPlace(text)
    .replace(/\p{M}/gu, '')
    .replace(/[ญณศษซฌฑฒธฏฎลฬฐภฆฅฃใำ]/g, (c) => LOOK_ALIKE[c]);

/** English names: letters only, "Muang" spelled the official way. */
export const englishPlace = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/muang/g, 'mueang');

export const isLatin = (text: string) => /[a-z]/i.test(text) && !/[\u0e00-\u0e7f]/.test(text);

export type PlaceText = { name: string; level?: PlaceLevel; provinceName?: string };

/** The name without the office prefix, with the level the prefix tells and a province named after it. */
export function parsePlaceText(input: string): PlaceText {
  let text = input
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  let level: PlaceLevel | undefined;
  let provinceName: string | undefined;
  const trailing = TRAILING_PROVINCE.exec(text);
  if (trailing && trailing.index > 0) {
    provinceName = trailing[1];
    text = text.slice(0, trailing.index);
  }
  for (let round = 0; round < 2; round++) {
    const prefix = THAI_PREFIX.exec(text) ?? ENGLISH_PREFIX.exec(text);
    if (!prefix || prefix[0].length === text.length) break;
    level ??= prefix[1] ? 'province' : prefix[2] ? 'district' : undefined;
    text = text.slice(prefix[0].length);
  }
  const suffix = ENGLISH_SUFFIX.exec(text);
  if (suffix && suffix.index > 0) {
    level ??= suffix[1] ? 'province' : 'district';
    text = text.slice(0, suffix.index);
  }
  return { name: text.trim(), level, provinceName };
}

const MUEANG = { thai: 'เมอง', english: 'mueang' };

/** A bare "เมือง" / "Mueang": the province's capital district, known only with the province. */
export const isBareMueang = (name: string) =>
  isLatin(name) ? englishPlace(name) === MUEANG.english : loosePlace(name) === MUEANG.thai;

/**
 * Similarity from 0 to 1 of two loose (or English) forms: 1 − edit distance / longer length, plus up to 0.1 for a shared
 * beginning. A shared "เมือง" is left out first: เมืองเชียงใหม่ is not like เมืองอุบลราชธานี.
 */
export function similarity(a: string, b: string): number {
  for (const word of [MUEANG.thai, MUEANG.english]) {
    if (a.startsWith(word) && b.startsWith(word) && a.length > word.length && b.length > word.length) {
      a = a.slice(word.length);
      b = b.slice(word.length);
    }
  }
  if (!a || !b) return 0;
  let shared = 0;
  while (shared < Math.min(a.length, b.length, 4) && a[shared] === b[shared]) shared++;
  let score = 1 - distance(a, b) / Math.max(a.length, b.length) + (0.1 * shared) / 4;
  // The first part of a long name stands for all of it (อุบล, อุบลฯ for อุบลราชธานี).
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (short.length >= 3 && long.startsWith(short)) score = Math.max(score, 0.7);
  return Math.round(Math.min(0.99, Math.max(0, score)) * 100) / 100;
}
