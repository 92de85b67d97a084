import type { TFunction } from 'i18next';
import { formatBaht, parseBahtOrNull } from '#shared/thai/money';

/** Baht typed in a field ("1,500.50") as the satang digits a request carries; '' when it is not an amount (the schema refuses ''). */
export function satangOf(text: string): string {
  const satang = parseBahtOrNull(text);
  return satang === null ? '' : String(satang);
}

/** The error of a baht field that holds something other than an amount (an empty field is the schema's to judge). */
export function bahtError(text: string, t: TFunction): string | undefined {
  return text.trim() && parseBahtOrNull(text) === null ? t('validation.baht') : undefined;
}

/** Satang digits as baht to edit ("1500.50"). */
export const bahtText = (satang: string | bigint) => formatBaht(BigInt(satang)).replace(/,/g, '');
