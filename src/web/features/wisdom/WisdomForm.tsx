import { Group, Modal, MultiSelect, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Person } from '#shared/people';
import { ACCESS_LEVELS, WISDOM_STATUSES, type Wisdom } from '#shared/wisdom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { useLanguage } from '../../i18n';
import { useCodeList, useOptions, useSaveRecord } from '../records/records';

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
  const people = useOptions<Person>('/api/people', unit, (p) => `${p.title}${p.firstName} ${p.lastName}`);
  const save = useSaveRecord<Wisdom>('/api/wisdom');
  const [form, setForm] = useState({
    title: item?.title ?? '',
    branchCode: item?.branchCode ?? '',
    description: item?.description ?? '',
    subdistrict: item?.subdistrict ?? '',
    villageNo: item?.villageNo ?? undefined,
    productPotential: item?.productPotential ?? '',
    status: item?.status ?? 'surveyed',
    accessLevel: item?.accessLevel ?? 'community',
    consentDate: item?.consentDate ?? null,
    surveyedOn: item?.surveyedOn ?? todayIso(),
    holderIds: item?.holders.map((h) => String(h.id)) ?? [],
  });
  const set =
    <K extends keyof typeof form>(key: K) =>
    (value: (typeof form)[K]) =>
      setForm((f) => ({ ...f, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      ...(item ? { version: item.version } : { orgUnitCode: unit }),
      title: form.title,
      branchCode: form.branchCode,
      description: form.description,
      subdistrict: form.subdistrict || undefined,
      villageNo: form.villageNo || undefined,
      productPotential: form.productPotential,
      status: form.status,
      accessLevel: form.accessLevel,
      consentDate: form.consentDate ?? undefined,
      surveyedOn: form.surveyedOn,
      holderIds: form.holderIds.map(Number),
    };
    save.mutate({ id: item?.id, body }, { onSuccess: (saved) => (onSaved ? onSaved(saved) : onClose()) });
  };

  return (
    <Modal opened onClose={onClose} title={item ? t('records.edit') : t('records.add')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput
            label={t('fields.title')}
            required
            value={form.title}
            onChange={(e) => set('title')(e.currentTarget.value)}
          />
          <Select
            label={t('fields.branch')}
            required
            searchable
            data={(branches.data ?? [])
              .filter((b) => !b.deprecated || b.code === item?.branchCode)
              .map((b) => ({ value: b.code, label: nameOf(b) }))}
            value={form.branchCode || null}
            onChange={(v) => set('branchCode')(v ?? '')}
          />
          <Textarea
            label={t('fields.description')}
            autosize
            minRows={2}
            value={form.description}
            onChange={(e) => set('description')(e.currentTarget.value)}
          />
          <Group grow>
            <TextInput
              label={t('fields.subdistrict')}
              value={form.subdistrict}
              onChange={(e) => set('subdistrict')(e.currentTarget.value)}
            />
            <NumberInput
              label={t('fields.villageNo')}
              min={1}
              max={99}
              value={form.villageNo ?? ''}
              onChange={(v) => set('villageNo')(typeof v === 'number' ? v : undefined)}
            />
          </Group>
          <TextInput
            label={t('fields.productPotential')}
            value={form.productPotential}
            onChange={(e) => set('productPotential')(e.currentTarget.value)}
          />
          <MultiSelect label={t('fields.holders')} searchable data={people} value={form.holderIds} onChange={set('holderIds')} />
          <Group grow>
            <Select
              label={t('fields.status')}
              data={WISDOM_STATUSES.map((s) => ({ value: s, label: t(`wisdomStatuses.${s}`) }))}
              value={form.status}
              onChange={(v) => v && set('status')(v as typeof form.status)}
              allowDeselect={false}
            />
            <Select
              label={t('fields.accessLevel')}
              data={ACCESS_LEVELS.map((s) => ({ value: s, label: t(`accessLevels.${s}`) }))}
              value={form.accessLevel}
              onChange={(v) => v && set('accessLevel')(v as typeof form.accessLevel)}
              allowDeselect={false}
            />
          </Group>
          <Group grow>
            <ThaiDateInput
              label={t('fields.surveyedOn')}
              required
              value={form.surveyedOn}
              onChange={(v) => set('surveyedOn')(v ?? todayIso())}
            />
            <ThaiDateInput label={t('fields.consentDate')} clearable value={form.consentDate} onChange={set('consentDate')} />
          </Group>
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
