import { Button, Group } from '@mantine/core';
import { useLanguage } from '../i18n';

/** Cancel and save, the end of every form; only Close for a record shown that cannot be changed (`readOnly`). */
export function FormActions({
  onCancel,
  saving,
  readOnly = false,
}: {
  onCancel: () => void;
  saving: boolean;
  readOnly?: boolean;
}) {
  const { t } = useLanguage();
  if (readOnly)
    return (
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.close')}
        </Button>
      </Group>
    );
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={saving}>
        {t('common.save')}
      </Button>
    </Group>
  );
}
