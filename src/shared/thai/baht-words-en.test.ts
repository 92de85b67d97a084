import { describe, expect, it } from 'vitest';
import { bahtText } from './baht-text';
import { bahtWordsEn } from './baht-words-en';

const baht = (n: number) => BigInt(Math.round(n * 100));

describe('bahtWordsEn', () => {
  it.each([
    [41_100, 'Forty-one thousand one hundred baht'],
    [0, 'Zero baht'],
    [1, 'One baht'],
    [11, 'Eleven baht'],
    [20, 'Twenty baht'],
    [101, 'One hundred one baht'],
    [1_500.5, 'One thousand five hundred baht and fifty satang'],
    [0.01, 'One satang'],
    [0.75, 'Seventy-five satang'],
    [1_000_000, 'One million baht'],
    [1_000_001, 'One million one baht'],
    [2_634_000, 'Two million six hundred thirty-four thousand baht'],
    [1_543_800.25, 'One million five hundred forty-three thousand eight hundred baht and twenty-five satang'],
    [1_000_000_000_000, 'One trillion baht'],
    [-250, 'Minus two hundred fifty baht'],
  ])('%s baht reads "%s"', (amount, words) => {
    expect(bahtWordsEn(baht(amount))).toBe(words);
  });

  it('reads the largest amount a request can carry (15 digits of satang)', () => {
    expect(bahtWordsEn(999_999_999_999_999n)).toBe(
      'Nine trillion nine hundred ninety-nine billion nine hundred ninety-nine million nine hundred ninety-nine thousand nine hundred ninety-nine baht and ninety-nine satang',
    );
  });

  it('leaves the Thai baht text as it was', () => {
    expect(bahtText(baht(41_100))).toBe('สี่หมื่นหนึ่งพันหนึ่งร้อยบาทถ้วน');
  });
});
