import { Select } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Language } from '../../i18n';
import { fiscalMonths, monthLabel } from './months';

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
  description?: ReactNode;
}) {
  const months = fiscalMonths(props.fiscalYear);
  if (props.value && !months.includes(props.value)) months.push(props.value);
  return (
    <Select
      aria-label={props['aria-label']}
      placeholder={props.placeholder}
      disabled={props.disabled}
      error={props.error}
      // Mantine's default description colour is too faint to read (axe colour contrast).
      descriptionProps={{ c: 'gray.7' }}
      description={props.description}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      data={months.map((m) => ({ value: m, label: monthLabel(m, props.language) }))}
      value={props.value || null}
      onChange={(value) => props.onChange(value ?? '')}
      allowDeselect={false}
    />
  );
}
