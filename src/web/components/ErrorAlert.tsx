import { Alert, Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { ApiError } from '../api';
import { useLanguage } from '../i18n';

/** Problems fixed on another page, and the link there: a document refused for a missing prefix leads to where it is set. */
const FIXED_ON: Record<string, { to: '/settings'; label: string }> = {
  'documents.no_prefix': { to: '/settings', label: 'budget.documents.setPrefix' },
};

/**
 * Shows a failed request in the user's language. Field errors belong next to their fields (forms put them there);
 * any left over are listed as sentences, never as body paths.
 */
export function ErrorAlert({
  error,
  fieldsShown = false,
  fixHere = true,
}: {
  error: unknown;
  fieldsShown?: boolean;
  /** Whether the user can fix the problem where the link leads (a province reading a district's memo cannot). */
  fixHere?: boolean;
}) {
  const { t, language, problemText } = useLanguage();
  if (!error) return null;
  if (!(error instanceof ApiError))
    return (
      <Alert color="red" role="alert">
        {t('common.error')}
      </Alert>
    );
  const fields = fieldsShown ? [] : (error.problem.errors ?? []);
  const fix = fixHere ? FIXED_ON[error.problem.code] : undefined;
  return (
    <Alert color="red" role="alert" title={problemText(error.problem)}>
      {fieldsShown && error.problem.errors?.length ? t('validation.fixBelow') : null}
      {fields.map((e) => {
        const field =
          e.path
            .split('/')
            .filter((part) => !/^\d+$/.test(part))
            .pop() ?? '';
        const label = t(`fields.${field}`, { defaultValue: '' });
        return (
          <div key={`${e.path}-${e.code}`}>
            {label ? `${label}: ${language === 'th' ? e.th : e.en}` : language === 'th' ? e.th : e.en}
          </div>
        );
      })}
      {fix && (
        <Anchor component={Link} to={fix.to}>
          {t(fix.label)}
        </Anchor>
      )}
    </Alert>
  );
}
