import { bahtText, bahtWordsEn } from '#shared/thai/index';
import { formatBaht } from '#shared/thai/money';

/** Satang digits from the API as baht with separators (1,250.50). */
export const money = (satang: string) => formatBaht(BigInt(satang));

/** The amount in words in the reader's language (Thai baht text, or "Forty-one thousand one hundred baht"). */
export const amountInWords = (satang: string, language: string) =>
  language === 'th' ? bahtText(BigInt(satang)) : bahtWordsEn(BigInt(satang));
