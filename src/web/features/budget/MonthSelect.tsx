import { Select } from '@mantine/core';
import type { ReactNode } from 'react';
import { THAI_MONTHS_LONG, toBuddhistYear, toCommonEraYear } from '#shared/thai/calendar';
import type { Language } from '../../i18n';

/** "2026-10" as "ตุลาคม 2569" in Thai, "October 2026" in English. */
export function monthLabel(month: string, language: Language): string {
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

/**
 * A month of the fiscal year chosen from a list named in the reader's calendar ("มกราคม 2570"); the value stays the
 * 'YYYY-MM' (Gregorian) the API takes. A saved month outside the year is kept as an option so it still shows.
 */
export function MonthSelect(props: {
  fiscalYear: number;
  value: string;
  onChange: (month: string) => void;
  language: Language;
  'aria-label': string;
  placeholder: string;
  disabled?: boolean;
  error?: ReactNode;
}) {
  const months = fiscalMonths(props.fiscalYear);
  if (props.value && !months.includes(props.value)) months.push(props.value);
  return (
    <Select
      aria-label={props['aria-label']}
      placeholder={props.placeholder}
      disabled={props.disabled}
      error={props.error}
      data={months.map((m) => ({ value: m, label: monthLabel(m, props.language) }))}
      value={props.value || null}
      onChange={(value) => props.onChange(value ?? '')}
      allowDeselect={false}
    />
  );
}
