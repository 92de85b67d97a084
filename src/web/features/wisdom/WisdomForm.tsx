import { Group, Modal, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { ACCESS_LEVELS, createWisdomBody, WISDOM_STATUSES, type Wisdom, wisdomChange } from '#shared/wisdom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { NumberField } from '../../components/NumberField';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { useSchemaForm } from '../../forms/schemaForm';
import { useCodeList } from '../../hooks/records';
import { useLanguage } from '../../i18n';
import { personName, usePeopleOptions } from '../people/api';
import { useSaveWisdom } from './api';

export function WisdomForm({
  item,
  unit,
  onClose,
  onSaved,
}: {
  item?: Wisdom;
  unit: string;
  onClose: () => void;
  onSaved?: (w: Wisdom) => void;
}) {
  const { t, nameOf } = useLanguage();
  const branches = useCodeList('wisdom_branch');
  const people = usePeopleOptions(unit, personName, item?.holders);
  const save = useSaveWisdom();
  const form = useSchemaForm({
    schema: item ? wisdomChange : createWisdomBody,
    initialValues: {
      title: item?.title ?? '',
      branchCode: item?.branchCode ?? '',
      description: item?.description ?? '',
      subdistrict: item?.subdistrict ?? '',
      villageNo: (item?.villageNo ?? '') as number | '',
      productPotential: item?.productPotential ?? '',
      status: item?.status ?? 'surveyed',
      accessLevel: item?.accessLevel ?? 'community',
      consentDate: item?.consentDate ?? null,
      publicCredit: item?.publicCredit ?? '',
      surveyedOn: item?.surveyedOn ?? todayIso(),
      holderIds: item?.holders.map((h) => String(h.id)) ?? [],
    },
    toBody: (v) => ({
      ...(item ? { version: item.version } : { orgUnitCode: unit }),
      title: v.title,
      branchCode: v.branchCode,
      description: v.description,
      subdistrict: v.subdistrict || undefined,
      villageNo: v.villageNo === '' ? undefined : v.villageNo,
      productPotential: v.productPotential,
      status: v.status,
      accessLevel: v.accessLevel,
      consentDate: v.consentDate ?? undefined,
      publicCredit: v.publicCredit || undefined,
      surveyedOn: v.surveyedOn,
      holderIds: v.holderIds.map(Number),
    }),
  });

  const submit = form.onSubmit((values) =>
    save.mutate(
      { id: item?.id, body: form.toBody(values) },
      { onSuccess: (saved) => (onSaved ? onSaved(saved) : onClose()), onError: form.showServerErrors },
    ),
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={item ? t('records.editKind.wisdom', { name: item.title }) : t('records.addKind.wisdom')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          <TextInput label={t('fields.title')} required {...form.getInputProps('title')} />
          <Select
            label={t('fields.branch')}
            required
            searchable
            data={(branches.data ?? [])
              .filter((b) => !b.deprecated || b.code === item?.branchCode)
              .map((b) => ({ value: b.code, label: nameOf(b) }))}
            {...form.getInputProps('branchCode')}
          />
          <Textarea label={t('fields.description')} autosize minRows={2} {...form.getInputProps('description')} />
          <Group grow>
            <TextInput label={t('fields.subdistrict')} {...form.getInputProps('subdistrict')} />
            <NumberField label={t('fields.villageNo')} min={1} max={99} {...form.getInputProps('villageNo')} />
          </Group>
          <TextInput label={t('fields.productPotential')} {...form.getInputProps('productPotential')} />
          <MultiSelect label={t('fields.holders')} searchable {...people} {...form.getInputProps('holderIds')} />
          <Group grow>
            <Select
              label={t('fields.status')}
              data={WISDOM_STATUSES.map((s) => ({ value: s, label: t(`wisdomStatuses.${s}`) }))}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
            <Select
              label={t('fields.accessLevel')}
              data={ACCESS_LEVELS.map((s) => ({ value: s, label: t(`accessLevels.${s}`) }))}
              allowDeselect={false}
              {...form.getInputProps('accessLevel')}
            />
          </Group>
          <Group grow>
            <ThaiDateInput label={t('fields.surveyedOn')} required {...form.getInputProps('surveyedOn')} />
            <ThaiDateInput label={t('fields.consentDate')} clearable {...form.getInputProps('consentDate')} />
          </Group>
          <TextInput
            label={t('fields.publicCredit')}
            description={t('fields.publicCreditHelp')}
            maxLength={300}
            {...form.getInputProps('publicCredit')}
          />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
