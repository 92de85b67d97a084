import type { Language } from './i18n';

/** A timestamp in Bangkok time: Buddhist Era in Thai, Gregorian in English. */
export function formatDateTime(iso: string, language: Language): string {
  const locale = language === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Bangkok' }).format(
    new Date(iso),
  );
}
