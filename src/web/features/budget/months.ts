import { THAI_MONTHS_LONG, toBuddhistYear, toCommonEraYear } from '#shared/thai/calendar';

/** "2026-10" as "ตุลาคม 2569" in Thai, "October 2026" in English. */
export function monthLabel(month: string, language: 'th' | 'en'): string {
  const [year, m] = month.split('-').map(Number);
  if (language === 'th') return `${THAI_MONTHS_LONG[m - 1]} ${toBuddhistYear(year)}`;
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, m - 1, 1)),
  );
}

/** The twelve months of a fiscal year as 'YYYY-MM' (October of the year before to September). */
export function fiscalMonths(fiscalYear: number): string[] {
  const end = toCommonEraYear(fiscalYear);
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((i + 9) % 12) + 1;
    return `${month >= 10 ? end - 1 : end}-${String(month).padStart(2, '0')}`;
  });
}
