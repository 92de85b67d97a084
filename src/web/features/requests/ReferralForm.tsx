import { Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { createReferralBody, REFERRAL_LEVELS, type ServiceRequest } from '#shared/requests';
import type { Service } from '#shared/services';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { usePartnerOptions } from '../partners/api';
import { useSaveReferral } from './api';

/**
 * Refers a request (its client goes with it) or a service (one of the clients it served) to the province, the
 * department or a partner of the district.
 */
export function ReferralForm({
  request,
  service,
  unit,
  onClose,
}: {
  request?: ServiceRequest;
  service?: Service;
  unit: string;
  onClose: () => void;
}) {
  const { t } = useLanguage();
  const save = useSaveReferral();
  const partners = usePartnerOptions(unit, (p) => p.name);
  // A service names whom it refers: its groups (g:id) and people (p:id).
  const clients = service
    ? [
        ...service.groups.map((g) => ({ value: `g:${g.id}`, label: g.name })),
        ...service.people.map((p) => ({ value: `p:${p.id}`, label: p.name })),
      ]
    : [];
  const form = useSchemaForm({
    schema: createReferralBody,
    initialValues: {
      client: clients[0]?.value ?? null,
      targetLevel: 'partner' as string,
      partnerId: null as string | null,
      targetName: '',
      reason: '',
      referredOn: todayIso(),
    },
    fieldOf: { groupId: 'client', personId: 'client' },
    toBody: (v) => {
      const [kind, id] = (v.client ?? '').split(':');
      const partner = v.targetLevel === 'partner';
      return {
        requestId: request?.id,
        serviceId: service?.id ?? request?.service?.id,
        ...(service && kind === 'g' ? { groupId: Number(id) } : {}),
        ...(service && kind === 'p' ? { personId: Number(id) } : {}),
        targetLevel: v.targetLevel,
        partnerId: partner && v.partnerId ? Number(v.partnerId) : undefined,
        targetName: partner ? '' : v.targetName,
        reason: v.reason,
        referredOn: v.referredOn,
      };
    },
  });
  const values = form.getValues();
  const submit = form.onSubmit((v) =>
    save.mutate({ body: form.toBody(v) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={t('referrals.add')} size="lg">
      <form onSubmit={submit} noValidate data-testid="referral-form">
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          {service && (
            <Select
              label={t('referrals.fields.client')}
              required
              allowDeselect={false}
              data={clients}
              {...form.getInputProps('client')}
            />
          )}
          <Group grow align="flex-start" wrap="wrap">
            <Select
              label={t('referrals.fields.targetLevel')}
              required
              allowDeselect={false}
              data={REFERRAL_LEVELS.map((l) => ({ value: l, label: t(`referrals.levels.${l}`) }))}
              {...form.getInputProps('targetLevel')}
            />
            <ThaiDateInput label={t('referrals.fields.referredOn')} required {...form.getInputProps('referredOn')} />
          </Group>
          {values.targetLevel === 'partner' ? (
            <Select
              label={t('referrals.fields.partner')}
              required
              searchable
              {...partners}
              {...form.getInputProps('partnerId')}
            />
          ) : (
            <TextInput label={t('referrals.fields.targetName')} required {...form.getInputProps('targetName')} />
          )}
          <Textarea label={t('referrals.fields.reason')} required autosize minRows={2} {...form.getInputProps('reason')} />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
