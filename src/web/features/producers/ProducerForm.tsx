import { Checkbox, Group, Modal, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { createProducerBody, PRODUCER_STATUSES, PRODUCER_TYPES, type Producer, producerChange } from '#shared/producers';
import { fiscalYearOf } from '#shared/thai/calendar';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { NumberField } from '../../components/NumberField';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { useGroupOptions } from '../groups/api';
import { personName, usePeopleOptions } from '../people/api';
import { useSaveProducer } from './api';

/** The eligibility checks of a registration, each a yes/no field. */
export const CHECKLIST = ['communityLink', 'siteInDistrict', 'thaiNationality', 'documentsReceived'] as const;

export function ProducerForm({ producer, unit, onClose }: { producer?: Producer; unit: string; onClose: () => void }) {
  const { t } = useLanguage();
  const save = useSaveProducer();
  const owner = (id?: number | null) => (producer && id ? [{ id, name: producer.ownerName }] : []);
  const groups = useGroupOptions(unit, (g) => g.name, owner(producer?.groupId));
  const people = usePeopleOptions(unit, personName, owner(producer?.personId));
  const form = useSchemaForm({
    schema: producer ? producerChange : createProducerBody,
    initialValues: {
      ownerKind: (producer?.personId ? 'person' : 'group') as 'group' | 'person',
      ownerId: String(producer?.groupId ?? producer?.personId ?? ''),
      producerType: producer?.producerType ?? 'community_group',
      fiscalYear: (producer?.fiscalYear ?? fiscalYearOf(todayIso()).fiscalYear) as number | '',
      registrationNo: producer?.registrationNo ?? '',
      registeredOn: producer?.registeredOn ?? todayIso(),
      status: producer?.status ?? 'registered',
      communityLink: producer?.communityLink ?? false,
      siteInDistrict: producer?.siteInDistrict ?? false,
      thaiNationality: producer?.thaiNationality ?? false,
      documentsReceived: producer?.documentsReceived ?? false,
      publicContact: producer?.publicContact ?? '',
    },
    toBody: ({ ownerKind, ownerId, ...rest }) => ({
      ...(producer ? { version: producer.version } : { orgUnitCode: unit }),
      // Both owner fields, the other one empty: a change from a group to a person (or back) clears the former owner.
      groupId: ownerKind === 'group' ? Number(ownerId) || undefined : undefined,
      personId: ownerKind === 'person' ? Number(ownerId) || undefined : undefined,
      ...rest,
      fiscalYear: rest.fiscalYear === '' ? undefined : rest.fiscalYear,
      publicContact: rest.publicContact || undefined,
    }),
    fieldOf: { groupId: 'ownerId', personId: 'ownerId' },
    // A registration belongs to exactly one group or person (the schema leaves both optional).
    check: (values) => (values.ownerId ? {} : { ownerId: t('validation.required') }),
  });
  const ownerKind = form.values.ownerKind;
  const submit = form.onSubmit((values) =>
    save.mutate({ id: producer?.id, body: form.toBody(values) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        producer
          ? t('records.editKind.producer', { name: `${producer.registrationNo} ${producer.ownerName}` })
          : t('records.addKind.producer')
      }
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          <SegmentedControl
            aria-label={t('fields.owner')}
            data={[
              { value: 'group', label: t('fields.group') },
              { value: 'person', label: t('fields.person') },
            ]}
            value={ownerKind}
            onChange={(v) =>
              form.setValues({
                ownerKind: v as 'group' | 'person',
                ownerId: '',
                producerType: v === 'group' ? 'community_group' : 'sole_proprietor',
              })
            }
          />
          <Select
            label={t('fields.owner')}
            required
            searchable
            {...(ownerKind === 'group' ? groups : people)}
            {...form.getInputProps('ownerId')}
          />
          <Select
            label={t('fields.producerType')}
            data={PRODUCER_TYPES.map((p) => ({ value: p, label: t(`producerTypes.${p}`) }))}
            allowDeselect={false}
            {...form.getInputProps('producerType')}
          />
          <Group grow>
            <TextInput label={t('fields.registrationNo')} required {...form.getInputProps('registrationNo')} />
            <NumberField label={t('fields.fiscalYear')} min={2540} max={2700} {...form.getInputProps('fiscalYear')} />
          </Group>
          <Group grow>
            <ThaiDateInput label={t('fields.registeredOn')} required {...form.getInputProps('registeredOn')} />
            <Select
              label={t('fields.status')}
              data={PRODUCER_STATUSES.map((s) => ({ value: s, label: t(`producerStatuses.${s}`) }))}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
          </Group>
          {CHECKLIST.map((key) => (
            <Checkbox key={key} label={t(`fields.${key}`)} {...form.getInputProps(key, { type: 'checkbox' })} />
          ))}
          <TextInput
            label={t('fields.publicContact')}
            description={t('fields.publicContactHelp')}
            maxLength={200}
            {...form.getInputProps('publicContact')}
          />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
