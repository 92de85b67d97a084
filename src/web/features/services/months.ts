import { THAI_MONTHS_LONG, toBuddhistYear } from '#shared/thai/index';
import type { Language } from '../../i18n';

/** `2026-11` as "พฤศจิกายน 2569" or "November 2026". */
export function monthLabel(month: string, language: Language): string {
  const [y, m] = month.split('-').map(Number);
  if (language === 'th') return `${THAI_MONTHS_LONG[m - 1]} ${toBuddhistYear(y)}`;
  return new Date(Date.UTC(y, m - 1, 15)).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The `count` months up to and including the one of `today`, newest first. */
export function recentMonths(today: string, count = 13): string[] {
  const [y, m] = today.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}
