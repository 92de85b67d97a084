import type { Activity } from '#shared/activities';
import { formatBaht } from '#shared/thai/money';
import { formatDate } from '../../format';
import type { Language } from '../../i18n';

/** "12 พ.ย. 2569" or "12 พ.ย. 2569 – 14 พ.ย. 2569". */
export const datesOf = (a: Pick<Activity, 'startsOn' | 'endsOn'>, language: Language) =>
  a.startsOn === a.endsOn
    ? formatDate(a.startsOn, language)
    : `${formatDate(a.startsOn, language)} – ${formatDate(a.endsOn, language)}`;

/** Satang digits as baht ("1,234.50"). */
export const bahtOf = (satang: string) => formatBaht(BigInt(satang));

/** How many of those invited came. */
export const attendedCount = (a: Pick<Activity, 'people'>) => a.people.filter((p) => p.attended).length;
