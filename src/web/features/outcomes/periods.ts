import { addMonths } from '#shared/sales';
import { fiscalRange, fiscalYearOf } from '#shared/thai/index';

export interface Period {
  from: string;
  to: string;
  fiscalYear: number;
  quarter: 1 | 2 | 3 | 4;
}

/**
 * The fiscal quarters to compare income over, newest first, the current one cut at this month; and the default
 * comparison: this quarter so far against the same months a year before.
 */
export function incomePeriods(today: string, count = 8): { periods: Period[]; after: Period; before: Period } {
  const month = today.slice(0, 7);
  let { fiscalYear, quarter } = fiscalYearOf(today);
  const periods: Period[] = [];
  for (let i = 0; i < count; i++) {
    const range = fiscalRange(fiscalYear, quarter);
    const from = range.start.slice(0, 7);
    const to = [range.end.slice(0, 7), month].sort()[0];
    periods.push({ from, to, fiscalYear, quarter });
    if (quarter === 1) {
      fiscalYear -= 1;
      quarter = 4;
    } else quarter = (quarter - 1) as 1 | 2 | 3;
  }
  const after = periods[0];
  const before = { ...after, from: addMonths(after.from, -12), to: addMonths(after.to, -12), fiscalYear: after.fiscalYear - 1 };
  return { periods, after, before };
}

export const periodValue = (p: { from: string; to: string }) => `${p.from}:${p.to}`;
export const periodOf = (value: string) => {
  const [from, to] = value.split(':');
  return { from, to };
};
