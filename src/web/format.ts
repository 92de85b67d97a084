import type { Language } from './i18n';

/** A timestamp in Bangkok time: Buddhist Era in Thai, Gregorian in English. */
export function formatDateTime(iso: string, language: Language): string {
  const locale = language === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Bangkok' }).format(
    new Date(iso),
  );
}

/** A calendar date: "30 เม.ย. 2563" in Thai (Buddhist Era), "30 Apr 2020" in English. */
export function formatDate(iso: string | null | undefined, language: Language): string {
  if (!iso) return '—';
  const locale = language === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}
