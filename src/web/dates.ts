import dayjs from 'dayjs';

/**
 * Typed dates: "26/12/2569" (day/month/BE year, as officers write them), "26/12/2026", or ISO "2026-12-26"; in Thai
 * digits too ("๒๖/๑๒/๒๕๖๙"). A two-digit year is the Buddhist Era's in Thai ("26/12/69" is 2569) and the Common
 * Era's in English ("26/12/26" is 2026). Returns ISO or null when it is not a calendar date.
 */
export function parseTypedDate(text: string, language: 'th' | 'en' = 'th'): string | null {
  const typed = text.trim().replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(typed);
  const [year, month, day] = iso ? [+iso[1], +iso[2], +iso[3]] : dmy ? [+dmy[3], +dmy[2], +dmy[1]] : [0, 0, 0];
  if (!dmy && !iso) return null;
  const full = dmy?.[3].length === 2 ? year + (language === 'th' ? 2500 : 2000) : year;
  const ce = full > 2400 ? full - 543 : full;
  const date = dayjs(`${ce}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, 'YYYY-MM-DD', true);
  return date.isValid() && date.date() === day ? date.format('YYYY-MM-DD') : null;
}

/** Today's date in Thailand as ISO (the browser may sit in another time zone). */
export const todayIso = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
