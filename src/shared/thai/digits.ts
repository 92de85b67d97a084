const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

/** An e-mail or web address: written as typed, whatever the document's digits (cdd3401@…, not cdd๓๔๐๑@…). */
const ADDRESS = /(\S+@\S+|https?:\/\/\S+|www\.\S+)/;

/** Thai digits in running text; e-mail and web addresses keep theirs, or they would no longer reach anyone. */
export function toThaiDigits(text: string): string {
  return text
    .split(ADDRESS)
    .map((part, i) => (i % 2 ? part : part.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)])))
    .join('');
}

export function toArabicDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)));
}
