import { Button, Card, Group, Text, Title } from '@mantine/core';
import { saveQuorumBody } from '#shared/meetings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NumberField } from '../../components/NumberField';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { useQuorumSetting, useSaveQuorum } from '../meetings/api';

/** The committee meetings' quorum, for the department to set (each new meeting keeps the share set when planned). */
export function QuorumCard() {
  const { t } = useLanguage();
  const setting = useQuorumSetting();
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('meetings.quorumSetting')}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {t('meetings.quorumHelp')}
      </Text>
      <ErrorAlert error={setting.error} />
      {setting.data && <QuorumForm key={setting.data.percent} percent={setting.data.percent} />}
    </Card>
  );
}

function QuorumForm({ percent }: { percent: number }) {
  const { t } = useLanguage();
  const save = useSaveQuorum();
  const form = useSchemaForm({ schema: saveQuorumBody, initialValues: { percent }, toBody: (v) => v });
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(form.toBody(v), { onError: form.showServerErrors }))}>
      <Group align="flex-end">
        <NumberField label={t('meetings.fields.quorumPercent')} min={1} max={99} w={200} {...form.getInputProps('percent')} />
        <Button type="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
        {save.isSuccess && <Text c="green.9">{t('budget.documents.saved')}</Text>}
      </Group>
      <ErrorAlert error={save.error} fieldsShown />
    </form>
  );
}
