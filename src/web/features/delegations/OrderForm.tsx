import { Checkbox, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { OFFICIAL_ROLES } from '#shared/access';
import {
  createDelegationOrderBody,
  DELEGATE_ROLES,
  DELEGATED_POWERS,
  type DelegationOrder,
  revokeDelegationOrderBody,
} from '#shared/delegations';
import type { Me } from '#shared/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { useSchemaForm } from '../../forms/schemaForm';
import { useOrgUnit } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { useRecordOrder, useRevokeOrder, useUnitOfficials } from './api';

const LOCAL_UNIT = /^\d{2}(\d{2})?$/;
/** A district's own order is an acting order: it names one officer, never a position (the server refuses one). */
const isActingOrder = (issuingUnitCode: string) => issuingUnitCode.trim().length === 4;
const delegateKindOf = (v: { issuingUnitCode: string; delegateKind: string }) =>
  isActingOrder(v.issuingUnitCode) ? 'user' : v.delegateKind;
/** Field hints in gray.7: Mantine's dimmed description is too faint to read (axe colour contrast). */
const HINT = { c: 'gray.7' };

/**
 * Records an order of the user's own office (the nation types the office): a province's governor delegating to a
 * position in each covered unit, or a chief naming one officer to act for him.
 */
export function OrderForm({ me, unit, onClose }: { me: Me; unit: string | undefined; onClose: () => void }) {
  const { t, language } = useLanguage();
  const save = useRecordOrder();
  const national = me.orgUnit.code === 'TH';
  const ownUnit = national ? (unit && unit !== 'TH' ? unit : '') : me.orgUnit.code;
  const district = ownUnit.length === 4;
  const form = useSchemaForm({
    schema: createDelegationOrderBody,
    initialValues: {
      issuingUnitCode: ownUnit,
      orderNo: '',
      orderDate: todayIso(),
      delegator: national ? '' : `${district ? 'นายอำเภอ' : 'ผู้ว่าราชการจังหวัด'}${me.orgUnit.nameTh}`,
      delegateKind: district ? 'user' : 'role',
      delegateRole: 'district_chief' as string,
      delegateUserId: null as string | null,
      scopeUnitCode: ownUnit,
      powers: [...DELEGATED_POWERS] as string[],
      subject: '',
      effectiveFrom: null as string | null,
      effectiveUntil: null as string | null,
    },
    toBody: (v) => ({
      issuingUnitCode: v.issuingUnitCode.trim(),
      orderNo: v.orderNo,
      orderDate: v.orderDate,
      delegator: v.delegator,
      ...(delegateKindOf(v) === 'role'
        ? { delegateRole: v.delegateRole }
        : { delegateUserId: v.delegateUserId ? Number(v.delegateUserId) : undefined }),
      scopeUnitCode: v.scopeUnitCode,
      powers: v.powers,
      subject: v.subject,
      ...(v.effectiveFrom ? { effectiveFrom: v.effectiveFrom } : {}),
      ...(v.effectiveUntil ? { effectiveUntil: v.effectiveUntil } : {}),
    }),
  });
  const issuing = form.values.issuingUnitCode.trim();
  const issuer = useOrgUnit(LOCAL_UNIT.test(issuing) ? issuing : undefined);
  const name = (u: { nameTh: string; nameEn: string }) => (language === 'th' ? u.nameTh : u.nameEn);
  const scopes = issuer.data ? [issuer.data, ...issuer.data.children].map((u) => ({ value: u.code, label: name(u) })) : [];
  const delegateKind = delegateKindOf(form.values);
  const officials = useUnitOfficials(delegateKind === 'user' ? form.values.scopeUnitCode || undefined : undefined);
  const officers = (officials.data?.items ?? [])
    .filter((u) => u.active && OFFICIAL_ROLES.includes(u.role))
    .map((u) => ({ value: String(u.id), label: [u.displayName, u.position].filter(Boolean).join(' · ') }));
  const submit = form.onSubmit((values) =>
    save.mutate(form.toBody(values), { onSuccess: onClose, onError: form.showServerErrors }),
  );

  return (
    <Modal opened onClose={onClose} title={t('delegations.add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          {national ? (
            <TextInput
              label={t('delegations.issuingUnitCode')}
              required
              {...form.getInputProps('issuingUnitCode')}
              onChange={(e) => {
                form.setFieldValue('issuingUnitCode', e.currentTarget.value);
                form.setFieldValue('scopeUnitCode', e.currentTarget.value.trim());
              }}
            />
          ) : (
            <Text size="sm">
              {t('delegations.issuingUnit')}: {name(me.orgUnit)}
            </Text>
          )}
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label={t('delegations.orderNo')}
              description={t('delegations.orderNoHint')}
              descriptionProps={HINT}
              required
              miw={160}
              {...form.getInputProps('orderNo')}
            />
            <ThaiDateInput label={t('delegations.orderDate')} required {...form.getInputProps('orderDate')} />
          </Group>
          <TextInput
            label={t('delegations.delegator')}
            description={t('delegations.delegatorHint')}
            descriptionProps={HINT}
            required
            {...form.getInputProps('delegator')}
          />
          <Select
            label={t('delegations.scope')}
            description={t('delegations.scopeHint')}
            descriptionProps={HINT}
            required
            searchable
            allowDeselect={false}
            data={scopes}
            {...form.getInputProps('scopeUnitCode')}
          />
          {!isActingOrder(issuing) && (
            <SegmentedControl
              aria-label={t('delegations.delegateKind')}
              fullWidth
              data={[
                { value: 'role', label: t('delegations.delegateKinds.role') },
                { value: 'user', label: t('delegations.delegateKinds.user') },
              ]}
              {...form.getInputProps('delegateKind')}
            />
          )}
          {delegateKind === 'role' ? (
            <Select
              label={t('delegations.delegateRole')}
              required
              allowDeselect={false}
              data={DELEGATE_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              {...form.getInputProps('delegateRole')}
            />
          ) : (
            <Select
              label={t('delegations.delegateUser')}
              required
              searchable
              data={officers}
              {...form.getInputProps('delegateUserId')}
              error={form.errors.delegateUserId ?? form.errors.delegateRole}
            />
          )}
          <Checkbox.Group label={t('delegations.powersLabel')} required {...form.getInputProps('powers')}>
            <Stack gap="xs" mt={4}>
              {DELEGATED_POWERS.map((p) => (
                <Checkbox key={p} value={p} label={t(`delegations.powers.${p}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Textarea label={t('delegations.subject')} required autosize minRows={2} {...form.getInputProps('subject')} />
          <Group grow align="flex-start" wrap="wrap">
            <ThaiDateInput label={t('delegations.effectiveFrom')} clearable {...form.getInputProps('effectiveFrom')} />
            <ThaiDateInput label={t('delegations.effectiveUntil')} clearable {...form.getInputProps('effectiveUntil')} />
          </Group>
          <Text size="xs" c="gray.7">
            {t('delegations.effectiveFromHint')} · {t('delegations.effectiveUntilHint')}
          </Text>
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Revokes an order from a day on, with the reason; approvals made before that day stand. */
export function RevokeForm({ order, onClose }: { order: DelegationOrder; onClose: () => void }) {
  const { t } = useLanguage();
  const revoke = useRevokeOrder();
  const form = useSchemaForm({
    schema: revokeDelegationOrderBody,
    initialValues: { revokedOn: todayIso() as string | null, reason: '' },
    toBody: (v) => ({ revokedOn: v.revokedOn ?? '', reason: v.reason, version: order.version }),
  });
  const submit = form.onSubmit((values) =>
    revoke.mutate({ id: order.id, body: form.toBody(values) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={t('delegations.revokeTitle', { no: order.orderNo })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={revoke.error} fieldsShown />
          <Text size="sm" c="gray.7">
            {t('delegations.revokeHint')}
          </Text>
          <ThaiDateInput label={t('delegations.revokedOn')} required {...form.getInputProps('revokedOn')} />
          <Textarea label={t('delegations.reason')} required autosize minRows={2} {...form.getInputProps('reason')} />
          <FormActions onCancel={onClose} saving={revoke.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
