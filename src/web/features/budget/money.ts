import { formatBaht } from '#shared/thai/money';

/** Satang digits from the API as baht with separators (1,250.50). */
export const money = (satang: string) => formatBaht(BigInt(satang));
