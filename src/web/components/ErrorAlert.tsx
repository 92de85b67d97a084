import { Alert } from '@mantine/core';
import { ApiError } from '../api';
import { useLanguage } from '../i18n';

/** Shows a failed request in the user's language, with the server's field errors. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t, language, problemText } = useLanguage();
  if (!error) return null;
  if (!(error instanceof ApiError))
    return (
      <Alert color="red" role="alert">
        {t('common.error')}
      </Alert>
    );
  return (
    <Alert color="red" role="alert" title={problemText(error.problem)}>
      {error.problem.errors?.map((e) => (
        <div key={`${e.path}-${e.code}`}>
          {e.path.replace(/^(body|querystring|params)\/?/, '')}: {language === 'th' ? e.th : e.en}
        </div>
      ))}
    </Alert>
  );
}
