import { Alert, Button, Divider, Group, Modal, MultiSelect, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { PERSON_ROLES, PERSON_TITLES, type Person } from '#shared/people';
import { ApiError, api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useCurrentUnitCode } from '../home/units';
import { useOptions, useRecordList, useSaveRecord, useSearchState } from '../records/records';

function PersonForm({ person, unit, onClose }: { person?: Person; unit: string; onClose: () => void }) {
  const { t, problemText } = useLanguage();
  const save = useSaveRecord<Person>('/api/people');
  const [form, setForm] = useState({
    title: person?.title ?? 'นาย',
    firstName: person?.firstName ?? '',
    lastName: person?.lastName ?? '',
    citizenId: '',
    phone: person?.phone ?? '',
    houseNo: person?.houseNo ?? '',
    villageNo: person?.villageNo ?? undefined,
    subdistrict: person?.subdistrict ?? '',
    roles: person?.roles ?? [],
  });
  const set =
    <K extends keyof typeof form>(key: K) =>
    (value: (typeof form)[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const possibleDuplicate = save.error instanceof ApiError && save.error.problem.code === 'person.possible_duplicate';

  const send = (acknowledgeDuplicates: boolean) => {
    const fields = {
      title: form.title,
      firstName: form.firstName,
      lastName: form.lastName,
      citizenId: form.citizenId || undefined,
      phone: form.phone || undefined,
      houseNo: form.houseNo || undefined,
      villageNo: form.villageNo || undefined,
      subdistrict: form.subdistrict || undefined,
      roles: form.roles,
    };
    const body = person ? { version: person.version, ...fields } : { orgUnitCode: unit, ...fields, acknowledgeDuplicates };
    save.mutate({ id: person?.id, body }, { onSuccess: onClose });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(false);
  };

  return (
    <Modal opened onClose={onClose} title={person ? t('records.edit') : t('records.add')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          {possibleDuplicate && save.error instanceof ApiError ? (
            <Alert color="yellow" role="alert" title={problemText(save.error.problem)}>
              <Button size="xs" variant="outline" color="dark" onClick={() => send(true)}>
                {t('records.confirmDuplicate')}
              </Button>
            </Alert>
          ) : (
            <ErrorAlert error={save.error} />
          )}
          <Group grow>
            <Select
              label={t('fields.personTitle')}
              data={[...PERSON_TITLES]}
              value={form.title}
              onChange={(v) => v && set('title')(v)}
              allowDeselect={false}
            />
            <TextInput
              label={t('fields.firstName')}
              required
              value={form.firstName}
              onChange={(e) => set('firstName')(e.currentTarget.value)}
            />
            <TextInput
              label={t('fields.lastName')}
              required
              value={form.lastName}
              onChange={(e) => set('lastName')(e.currentTarget.value)}
            />
          </Group>
          <TextInput
            label={t('fields.citizenId')}
            description={person?.citizenIdMasked ?? undefined}
            inputMode="numeric"
            autoComplete="off"
            value={form.citizenId}
            onChange={(e) => set('citizenId')(e.currentTarget.value)}
          />
          <Group grow>
            <TextInput
              label={t('fields.phone')}
              inputMode="tel"
              value={form.phone}
              onChange={(e) => set('phone')(e.currentTarget.value)}
            />
            <TextInput label={t('fields.houseNo')} value={form.houseNo} onChange={(e) => set('houseNo')(e.currentTarget.value)} />
            <NumberInput
              label={t('fields.villageNo')}
              min={1}
              max={99}
              value={form.villageNo ?? ''}
              onChange={(v) => set('villageNo')(typeof v === 'number' ? v : undefined)}
            />
          </Group>
          <TextInput
            label={t('fields.subdistrict')}
            value={form.subdistrict}
            onChange={(e) => set('subdistrict')(e.currentTarget.value)}
          />
          <MultiSelect
            label={t('fields.roles')}
            data={PERSON_ROLES.map((r) => ({ value: r, label: t(`personRoles.${r}`) }))}
            value={form.roles}
            onChange={set('roles')}
          />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
      {person && <MergeInto person={person} unit={unit} onMerged={onClose} />}
    </Modal>
  );
}

/** Folds this (duplicate) record into the person to keep; every link moves there. */
function MergeInto({ person, unit, onMerged }: { person: Person; unit: string; onMerged: () => void }) {
  const { t } = useLanguage();
  const client = useQueryClient();
  const people = useOptions<Person>('/api/people', unit, (p) => `${p.title}${p.firstName} ${p.lastName} #${p.id}`).filter(
    (o) => o.value !== String(person.id),
  );
  const [keepId, setKeepId] = useState<string | null>(null);
  const merge = useMutation({
    mutationFn: () => api<Person>(`/api/people/${person.id}/merge`, { method: 'POST', body: { keepId: Number(keepId) } }),
    onSuccess: () => {
      client.invalidateQueries();
      onMerged();
    },
  });
  return (
    <Stack mt="lg" gap="xs">
      <Divider label={t('records.mergeInto')} />
      <ErrorAlert error={merge.error} />
      <Group align="flex-end">
        <Select
          label={t('records.keepPerson')}
          searchable
          data={people}
          value={keepId}
          onChange={setKeepId}
          style={{ flex: 1 }}
        />
        <Button color="orange.9" disabled={!keepId} loading={merge.isPending} onClick={() => merge.mutate()}>
          {t('records.merge')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Shows the full citizen ID on request (the server logs the read). */
function RevealCitizenId({ person }: { person: Person }) {
  const { t } = useLanguage();
  const [full, setFull] = useState<string | null>(null);
  if (!person.citizenIdMasked) return '—';
  if (full) return full;
  return (
    <Group gap="xs" wrap="nowrap">
      {person.citizenIdMasked}
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={async (e) => {
          e.stopPropagation();
          setFull((await api<{ citizenId: string }>(`/api/people/${person.id}/citizen-id`)).citizenId);
        }}
      >
        {t('records.reveal')}
      </Button>
    </Group>
  );
}

export function PeoplePage() {
  const { t } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const { q, query: debouncedQ, search, page, setPage } = useSearchState();
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const list = useRecordList<Person>('/api/people', { unit, q: debouncedQ, page, pageSize: 20 });
  const canWrite = can(me, 'pipeline.write') && unit?.length === 4;

  return (
    <Stack>
      <PageHeader
        title={t('pipelineNav.people')}
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
          { label: t('fields.name'), render: (p) => `${p.title}${p.firstName} ${p.lastName}` },
          {
            label: t('fields.citizenId'),
            render: (p) => (can(me, 'people.citizen_id.read') ? <RevealCitizenId person={p} /> : (p.citizenIdMasked ?? '—')),
          },
          {
            label: t('fields.subdistrict'),
            render: (p) => [p.subdistrict, p.villageNo && `ม.${p.villageNo}`].filter(Boolean).join(' ') || '—',
          },
          { label: t('fields.roles'), render: (p) => p.roles.map((r) => t(`personRoles.${r}`)).join(', ') || '—' },
        ]}
      />
      {editing && unit && (
        <PersonForm person={editing === 'new' ? undefined : editing} unit={unit} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
