import '@mantine/dates/styles.css';
import { DateInput } from '@mantine/dates';
import dayjs from 'dayjs';
import buddhistEra from 'dayjs/plugin/buddhistEra';
import { type ReactNode, useState } from 'react';
import 'dayjs/locale/th';
import { parseTypedDate } from '../dates';
import { useLanguage } from '../i18n';

dayjs.extend(buddhistEra);

/**
 * A date field that shows Buddhist Era years in Thai and keeps an ISO date (YYYY-MM-DD) as its value. Typed text it
 * cannot read as a date is not dropped in silence: the field keeps its last date and says the text was not a date.
 */
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
  const { t, language } = useLanguage();
  const thai = language === 'th';
  const valueFormat = thai ? 'D MMMM BBBB' : 'D MMMM YYYY';
  const [unreadable, setUnreadable] = useState(false);
  return (
    <DateInput
      // Room for the longest date shown ("28 พฤศจิกายน 2569"): on a phone the field takes a row of its own instead
      // of cutting the year.
      miw={190}
      label={props.label}
      required={props.required}
      clearable={props.clearable}
      error={unreadable ? t('common.unreadableDate') : props.error}
      onFocus={() => {
        setUnreadable(false);
        props.onFocus?.();
      }}
      onBlur={(event) => {
        const typed = event.currentTarget.value.trim();
        const shown = props.value ? dayjs(props.value).locale(language).format(valueFormat) : '';
        setUnreadable(typed !== '' && typed !== shown && parseTypedDate(typed, language) === null);
        props.onBlur?.();
      }}
      value={props.value ?? null}
      onChange={(value) => {
        setUnreadable(false);
        props.onChange(value ? dayjs(value).format('YYYY-MM-DD') : null);
      }}
      locale={language}
      valueFormat={valueFormat}
      monthLabelFormat={thai ? 'MMMM BBBB' : 'MMMM YYYY'}
      yearLabelFormat={thai ? 'BBBB' : 'YYYY'}
      decadeLabelFormat={thai ? 'BBBB' : 'YYYY'}
      monthsListFormat="MMM"
      dateParser={(text) => parseTypedDate(text, language)}
      placeholder={thai ? 'วว/ดด/ปปปป (พ.ศ.)' : 'dd/mm/yyyy'}
    />
  );
}
