import dayjs from 'dayjs';

/**
 * Typed dates: "26/12/2569" (day/month/BE year, as officers write them), "26/12/2026", or ISO "2026-12-26".
 * Returns ISO or null when it is not a calendar date.
 */
export function parseTypedDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  const [year, month, day] = iso ? [+iso[1], +iso[2], +iso[3]] : dmy ? [+dmy[3], +dmy[2], +dmy[1]] : [0, 0, 0];
  if (!year) return null;
  const ce = year > 2400 ? year - 543 : year;
  const date = dayjs(`${ce}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, 'YYYY-MM-DD', true);
  return date.isValid() && date.date() === day ? date.format('YYYY-MM-DD') : null;
}

/** Today's date in Thailand as ISO (the browser may sit in another time zone). */
export const todayIso = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
