import { Button, Card, Group, Modal, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { type CommitteeException, createExceptionBody } from '#shared/committees';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { useSchemaForm } from '../../forms/schemaForm';
import { useCurrentUnitCode, useOrgUnit } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { useExceptionList, useRevokeException, useSaveException } from './api';

/** For the department: the districts allowed to keep their older mechanism, with revoke, and a form to record one. */
export function ExceptionsSection() {
  const { t, language } = useLanguage();
  const unit = useCurrentUnitCode();
  const list = useExceptionList({ unit, pageSize: 200 }, !!unit);
  const revoke = useRevokeException();
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<CommitteeException | null>(null);
  const items = list.data?.items ?? [];
  return (
    <Card withBorder data-testid="exceptions-section">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('committees.exceptions.title')}
        </Title>
        <Button variant="light" onClick={() => setAdding(true)}>
          {t('committees.exceptions.add')}
        </Button>
      </Group>
      <ErrorAlert error={list.error ?? revoke.error} />
      {items.length === 0 && <Text c="gray.7">{t('committees.exceptions.empty')}</Text>}
      <Stack gap="xs">
        {items.map((e) => (
          <Group key={e.id} justify="space-between" wrap="wrap">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text fw={700}>{e.unitName}</Text>
              <Text size="sm" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
                {e.letterNumber} · {formatDate(e.letterDate, language)}
                {e.reason ? ` · ${e.reason}` : ''}
              </Text>
            </Stack>
            <Button size="compact-sm" variant="subtle" color="red.9" c="red.9" onClick={() => setRevoking(e)}>
              {t('committees.exceptions.revoke')}
            </Button>
          </Group>
        ))}
      </Stack>
      {adding && <ExceptionForm onClose={() => setAdding(false)} />}
      {revoking && (
        <Modal opened onClose={() => setRevoking(null)} title={t('committees.exceptions.revoke')}>
          <Stack>
            <Text>{t('committees.exceptions.revokeConfirm', { unit: revoking.unitName })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRevoking(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red.9"
                loading={revoke.isPending}
                onClick={() => revoke.mutate(revoking, { onSuccess: () => setRevoking(null) })}
              >
                {t('committees.exceptions.revoke')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Card>
  );
}

/** The approval letter for one district: pick a province, then its district. */
function ExceptionForm({ onClose }: { onClose: () => void }) {
  const { t, nameOf } = useLanguage();
  const save = useSaveException();
  const nation = useOrgUnit('TH');
  const [province, setProvince] = useState<string | null>(null);
  const districts = useOrgUnit(province ?? undefined);
  const form = useSchemaForm({
    schema: createExceptionBody,
    initialValues: { orgUnitCode: null as string | null, letterNumber: '', letterDate: todayIso(), reason: '' },
    toBody: (v) => ({
      orgUnitCode: v.orgUnitCode ?? '',
      letterNumber: v.letterNumber,
      letterDate: v.letterDate,
      reason: v.reason,
    }),
  });
  const submit = form.onSubmit((v) =>
    save.mutate({ body: form.toBody(v) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={t('committees.exceptions.add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          <Select
            label={t('levels.province')}
            searchable
            data={(nation.data?.children ?? []).map((u) => ({ value: u.code, label: nameOf(u) }))}
            value={province}
            onChange={(v) => {
              setProvince(v);
              form.setFieldValue('orgUnitCode', null);
            }}
          />
          <Select
            label={t('committees.exceptions.fields.unit')}
            required
            searchable
            data={(districts.data?.children ?? []).map((u) => ({ value: u.code, label: nameOf(u) }))}
            {...form.getInputProps('orgUnitCode')}
          />
          <TextInput label={t('committees.exceptions.fields.letterNumber')} required {...form.getInputProps('letterNumber')} />
          <ThaiDateInput label={t('committees.exceptions.fields.letterDate')} required {...form.getInputProps('letterDate')} />
          <Textarea label={t('committees.exceptions.fields.reason')} autosize minRows={2} {...form.getInputProps('reason')} />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
