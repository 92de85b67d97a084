import { Badge, Checkbox, Group, Modal, NumberInput, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Person } from '#shared/people';
import { PRODUCER_STATUSES, PRODUCER_TYPES, type Producer } from '#shared/producers';
import { fiscalYearOf } from '#shared/thai/calendar';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useCurrentUnitCode } from '../home/units';
import { useOptions, useRecordList, useSaveRecord, useSearchState } from '../records/records';

const CHECKLIST = ['communityLink', 'siteInDistrict', 'thaiNationality', 'documentsReceived'] as const;

export function ProducerForm({ producer, unit, onClose }: { producer?: Producer; unit: string; onClose: () => void }) {
  const { t } = useLanguage();
  const save = useSaveRecord<Producer>('/api/producers');
  const groups = useOptions<{ id: number; name: string }>('/api/groups', unit, (g) => g.name);
  const people = useOptions<Person>('/api/people', unit, (p) => `${p.title}${p.firstName} ${p.lastName}`);
  const [ownerKind, setOwnerKind] = useState<'group' | 'person'>(producer?.personId ? 'person' : 'group');
  const [form, setForm] = useState({
    ownerId: String(producer?.groupId ?? producer?.personId ?? ''),
    producerType: producer?.producerType ?? 'community_group',
    fiscalYear: producer?.fiscalYear ?? fiscalYearOf(todayIso()).fiscalYear,
    registrationNo: producer?.registrationNo ?? '',
    registeredOn: producer?.registeredOn ?? todayIso(),
    status: producer?.status ?? 'registered',
    communityLink: producer?.communityLink ?? false,
    siteInDistrict: producer?.siteInDistrict ?? false,
    thaiNationality: producer?.thaiNationality ?? false,
    documentsReceived: producer?.documentsReceived ?? false,
  });
  const set =
    <K extends keyof typeof form>(key: K) =>
    (value: (typeof form)[K]) =>
      setForm((f) => ({ ...f, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { ownerId, ...rest } = form;
    const owner = ownerKind === 'group' ? { groupId: Number(ownerId) || undefined } : { personId: Number(ownerId) || undefined };
    const body = { ...(producer ? { version: producer.version } : { orgUnitCode: unit }), ...owner, ...rest };
    save.mutate({ id: producer?.id, body }, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} title={producer ? t('records.edit') : t('records.add')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <SegmentedControl
            aria-label={t('fields.owner')}
            data={[
              { value: 'group', label: t('fields.group') },
              { value: 'person', label: t('fields.person') },
            ]}
            value={ownerKind}
            onChange={(v) => {
              setOwnerKind(v as 'group' | 'person');
              setForm((f) => ({ ...f, ownerId: '', producerType: v === 'group' ? 'community_group' : 'sole_proprietor' }));
            }}
          />
          <Select
            label={t('fields.owner')}
            required
            searchable
            data={ownerKind === 'group' ? groups : people}
            value={form.ownerId || null}
            onChange={(v) => set('ownerId')(v ?? '')}
          />
          <Select
            label={t('fields.producerType')}
            data={PRODUCER_TYPES.map((p) => ({ value: p, label: t(`producerTypes.${p}`) }))}
            value={form.producerType}
            onChange={(v) => v && set('producerType')(v as typeof form.producerType)}
            allowDeselect={false}
          />
          <Group grow>
            <TextInput
              label={t('fields.registrationNo')}
              required
              value={form.registrationNo}
              onChange={(e) => set('registrationNo')(e.currentTarget.value)}
            />
            <NumberInput
              label={t('fields.fiscalYear')}
              min={2540}
              max={2700}
              value={form.fiscalYear}
              onChange={(v) => typeof v === 'number' && set('fiscalYear')(v)}
            />
          </Group>
          <Group grow>
            <ThaiDateInput
              label={t('fields.registeredOn')}
              required
              value={form.registeredOn}
              onChange={(v) => set('registeredOn')(v ?? todayIso())}
            />
            <Select
              label={t('fields.status')}
              data={PRODUCER_STATUSES.map((s) => ({ value: s, label: t(`producerStatuses.${s}`) }))}
              value={form.status}
              onChange={(v) => v && set('status')(v as typeof form.status)}
              allowDeselect={false}
            />
          </Group>
          {CHECKLIST.map((key) => (
            <Checkbox
              key={key}
              label={t(`fields.${key}`)}
              checked={form[key]}
              onChange={(e) => set(key)(e.currentTarget.checked)}
            />
          ))}
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

export function ProducersPage() {
  const { t, language } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const { q, query: debouncedQ, search, page, setPage } = useSearchState();
  const [editing, setEditing] = useState<Producer | 'new' | null>(null);
  const list = useRecordList<Producer>('/api/producers', { unit, q: debouncedQ, page, pageSize: 20 });
  const canWrite = can(me, 'pipeline.write') && unit?.length === 4;

  return (
    <Stack>
      <PageHeader
        title={t('pipelineNav.producers')}
        addLabel={t('records.add')}
        onAdd={canWrite ? () => setEditing('new') : undefined}
      />
      <TextInput label={t('records.search')} value={q} onChange={(e) => search(e.currentTarget.value)} />
      <ErrorAlert error={list.error} />
      <RecordList
        data={list.data}
        page={page}
        onPage={setPage}
        onOpen={canWrite ? (p) => setEditing(p) : undefined}
        columns={[
          { label: t('fields.owner'), render: (p) => p.ownerName },
          { label: t('fields.registrationNo'), render: (p) => p.registrationNo },
          { label: t('fields.producerType'), render: (p) => t(`producerTypes.${p.producerType}`) },
          { label: t('fields.fiscalYear'), render: (p) => p.fiscalYear },
          { label: t('fields.registeredOn'), render: (p) => formatDate(p.registeredOn, language) },
          {
            label: t('fields.status'),
            render: (p) => (
              <Badge variant="outline" color="dark">
                {t(`producerStatuses.${p.status}`)}
              </Badge>
            ),
          },
        ]}
      />
      {editing && unit && (
        <ProducerForm producer={editing === 'new' ? undefined : editing} unit={unit} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
