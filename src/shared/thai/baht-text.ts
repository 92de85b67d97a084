/**
 * Thai amount in words (BAHTTEXT style) from integer satang.
 * Convention (docs/decisions/005-baht-text.md): units digit 1 is "เอ็ด" whenever a higher digit
 * of the same number part is non-zero (11, 101, 1,000,001, 101 ล้าน); a lone 1 is "หนึ่ง".
 */
const DIGITS = ['ศูนย์', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า'];
const PLACES = ['', 'สิบ', 'ร้อย', 'พัน', 'หมื่น', 'แสน'];

/** Words for 1..999,999 (no "ล้าน"); `hasHigher` says a higher group (millions) is non-zero. */
function groupWords(n: number, hasHigher: boolean): string {
  const digits = String(n).split('').map(Number).reverse();
  let words = '';
  for (let place = digits.length - 1; place >= 0; place--) {
    const d = digits[place];
    if (d === 0) continue;
    if (place === 0) {
      const anyHigher = hasHigher || digits.slice(1).some((x) => x !== 0);
      words += d === 1 && anyHigher ? 'เอ็ด' : DIGITS[d];
    } else if (place === 1) {
      words += (d === 1 ? '' : d === 2 ? 'ยี่' : DIGITS[d]) + PLACES[1];
    } else {
      words += DIGITS[d] + PLACES[place];
    }
  }
  return words;
}

/** Words for a non-negative integer, grouping by 6 digits with ล้าน. */
function integerWords(n: bigint): string {
  if (n === 0n) return DIGITS[0];
  const groups: number[] = [];
  for (let rest = n; rest > 0n; rest /= 1_000_000n) groups.push(Number(rest % 1_000_000n));
  let words = '';
  for (let i = groups.length - 1; i >= 0; i--) {
    const higherNonZero = groups.slice(i + 1).some((g) => g !== 0);
    if (groups[i] !== 0) words += groupWords(groups[i], higherNonZero);
    if (i > 0 && (groups[i] !== 0 || words !== '')) words += 'ล้าน';
  }
  return words;
}

export function bahtText(satang: bigint | number): string {
  let value = BigInt(satang);
  const negative = value < 0n;
  if (negative) value = -value;
  const baht = value / 100n;
  const rest = value % 100n;
  let words: string;
  if (rest === 0n) words = `${integerWords(baht)}บาทถ้วน`;
  else if (baht === 0n) words = `${integerWords(rest)}สตางค์`;
  else words = `${integerWords(baht)}บาท${integerWords(rest)}สตางค์`;
  return negative ? `ลบ${words}` : words;
}
