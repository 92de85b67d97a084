import '@mantine/dates/styles.css';
import { DateInput } from '@mantine/dates';
import dayjs from 'dayjs';
import buddhistEra from 'dayjs/plugin/buddhistEra';
import type { ReactNode } from 'react';
import 'dayjs/locale/th';
import { parseTypedDate } from '../dates';
import { useLanguage } from '../i18n';

dayjs.extend(buddhistEra);

/** A date field that shows Buddhist Era years in Thai and keeps an ISO date (YYYY-MM-DD) as its value. */
export function ThaiDateInput(props: {
  label: string;
  value?: string | null;
  onChange: (iso: string | null) => void;
  required?: boolean;
  clearable?: boolean;
  error?: ReactNode;
  onFocus?: () => void;
  onBlur?: () => void;
}) {
  const { language } = useLanguage();
  const thai = language === 'th';
  return (
    <DateInput
      label={props.label}
      required={props.required}
      clearable={props.clearable}
      error={props.error}
      onFocus={props.onFocus}
      onBlur={props.onBlur}
      value={props.value ?? null}
      onChange={(value) => props.onChange(value ? dayjs(value).format('YYYY-MM-DD') : null)}
      locale={language}
      valueFormat={thai ? 'D MMMM BBBB' : 'D MMMM YYYY'}
      monthLabelFormat={thai ? 'MMMM BBBB' : 'MMMM YYYY'}
      yearLabelFormat={thai ? 'BBBB' : 'YYYY'}
      decadeLabelFormat={thai ? 'BBBB' : 'YYYY'}
      monthsListFormat="MMM"
      dateParser={(text) => parseTypedDate(text)}
      placeholder={thai ? 'วว/ดด/ปปปป (พ.ศ.)' : 'dd/mm/yyyy'}
    />
  );
}
