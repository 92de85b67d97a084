import { Alert } from '@mantine/core';
import { useLanguage } from '../i18n';

/**
 * Said where a record's Edit and Delete would be when its quarter is locked (the API's `locked`): the province
 * approved the quarter's report and closed it, so they are not offered rather than refused after the officer typed.
 */
export function LockedNote() {
  const { t } = useLanguage();
  return (
    <Alert color="gray" role="status" data-testid="locked-note">
      {t('records.locked')}
    </Alert>
  );
}
