/**
 * The English amount in words from integer satang, the counterpart of `bahtText` for the English interface:
 * 4_110_000n → "Forty-one thousand one hundred baht", 150_050n → "One thousand five hundred baht and fifty satang".
 * Short scale (million, billion, trillion), hyphenated tens, sentence case.
 */
const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES = ['', 'thousand', 'million', 'billion', 'trillion', 'quadrillion'];

/** Words for 1..999. */
function hundredsWords(n: number): string {
  const words: string[] = [];
  if (n >= 100) words.push(`${ONES[Math.floor(n / 100)]} hundred`);
  const rest = n % 100;
  if (rest >= 20) words.push(TENS[Math.floor(rest / 10)] + (rest % 10 ? `-${ONES[rest % 10]}` : ''));
  else if (rest > 0) words.push(ONES[rest]);
  return words.join(' ');
}

function integerWordsEn(n: bigint): string {
  if (n === 0n) return ONES[0];
  const words: string[] = [];
  for (let scale = 0, rest = n; rest > 0n; scale++, rest /= 1000n) {
    const group = Number(rest % 1000n);
    if (group) words.unshift(SCALES[scale] ? `${hundredsWords(group)} ${SCALES[scale]}` : hundredsWords(group));
  }
  return words.join(' ');
}

export function bahtWordsEn(satang: bigint | number): string {
  let value = BigInt(satang);
  const negative = value < 0n;
  if (negative) value = -value;
  const baht = value / 100n;
  const rest = value % 100n;
  let words: string;
  if (rest === 0n) words = `${integerWordsEn(baht)} baht`;
  else if (baht === 0n) words = `${integerWordsEn(rest)} satang`;
  else words = `${integerWordsEn(baht)} baht and ${integerWordsEn(rest)} satang`;
  if (negative) words = `minus ${words}`;
  return words[0].toUpperCase() + words.slice(1);
}
