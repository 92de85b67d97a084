import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { createPartnerBody, PARTNER_KINDS, type Partner, partnerChange } from '#shared/partners';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { useDeletePartner, useSavePartner } from './api';

export function PartnerForm({ partner, unit, onClose }: { partner?: Partner; unit: string; onClose: () => void }) {
  const { t } = useLanguage();
  const save = useSavePartner();
  const remove = useDeletePartner();
  const [confirming, setConfirming] = useState(false);
  const form = useSchemaForm({
    schema: partner ? partnerChange : createPartnerBody,
    initialValues: {
      kind: partner?.kind ?? '',
      name: partner?.name ?? '',
      contactPerson: partner?.contactPerson ?? '',
      phone: partner?.phone ?? '',
      email: partner?.email ?? '',
      address: partner?.address ?? '',
      note: partner?.note ?? '',
    },
    toBody: (v) => ({
      ...(partner ? { version: partner.version } : { orgUnitCode: unit }),
      kind: v.kind || undefined,
      name: v.name,
      contactPerson: v.contactPerson,
      phone: v.phone.trim() || undefined,
      email: v.email.trim() || undefined,
      address: v.address,
      note: v.note,
    }),
  });
  const submit = form.onSubmit((values) =>
    save.mutate({ id: partner?.id, body: form.toBody(values) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={partner ? t('partners.edit') : t('partners.add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error ?? remove.error} fieldsShown />
          <Select
            label={t('partners.fields.kind')}
            required
            data={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners.kinds.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <TextInput label={t('partners.fields.name')} required {...form.getInputProps('name')} />
          <Group grow>
            <TextInput label={t('partners.fields.contactPerson')} {...form.getInputProps('contactPerson')} />
            <TextInput label={t('partners.fields.phone')} inputMode="tel" {...form.getInputProps('phone')} />
          </Group>
          <TextInput label={t('partners.fields.email')} type="email" {...form.getInputProps('email')} />
          <Textarea label={t('partners.fields.address')} autosize minRows={2} {...form.getInputProps('address')} />
          <Textarea label={t('partners.fields.note')} autosize minRows={2} {...form.getInputProps('note')} />
          <FormActions onCancel={onClose} saving={save.isPending} />
          {partner &&
            (confirming ? (
              <Group justify="space-between" wrap="nowrap">
                <span>{t('partners.deleteConfirm')}</span>
                <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(partner, { onSuccess: onClose })}>
                  {t('partners.delete')}
                </Button>
              </Group>
            ) : (
              <Button variant="subtle" color="red" onClick={() => setConfirming(true)}>
                {t('partners.delete')}
              </Button>
            ))}
        </Stack>
      </form>
    </Modal>
  );
}
