/** Thai national ID (เลขประจำตัวประชาชน): 13 digits, the last a mod-11 check digit. */
import { toArabicDigits } from './digits';

export function normalizeCitizenId(input: string): string {
  return toArabicDigits(input).replace(/[\s-]/g, '');
}

export function citizenIdCheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

export function isValidCitizenId(input: string): boolean {
  const id = normalizeCitizenId(input);
  return /^\d{13}$/.test(id) && citizenIdCheckDigit(id.slice(0, 12)) === Number(id[12]);
}

/** "1-2345-xxxxx-xx-1": hides the personal part of the number (REFERENCE.md §9). */
export function maskCitizenId(input: string): string {
  const id = normalizeCitizenId(input);
  return `${id[0]}-${id.slice(1, 5)}-xxxxx-xx-${id[12]}`;
}

export function formatCitizenId(input: string): string {
  const id = normalizeCitizenId(input);
  return `${id[0]}-${id.slice(1, 5)}-${id.slice(5, 10)}-${id.slice(10, 12)}-${id[12]}`;
}
