import { Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { isDistrict } from '#shared/fields';
import { RecordsEmpty } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { useSearchState } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { addressOf, personName, usePeopleList } from './api';
import { PersonForm } from './PersonForm';

export function PeoplePage() {
  const { t } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const { q, query: debouncedQ, search, page, setPage } = useSearchState();
  const [adding, setAdding] = useState(false);
  const exportParams = { unit, q: debouncedQ, page, pageSize: 20 };
  const list = usePeopleList(exportParams, !!unit);
  const canAdd = can(me, 'pipeline.write') && isDistrict(unit);
  const open = (id: number) => navigate({ to: '/people/$id', params: { id: String(id) }, search: { unit } });

  return (
    <Stack>
      <PageHeader
        title={t('pipelineNav.people')}
        addLabel={t('records.addKind.person')}
        onAdd={canAdd ? () => setAdding(true) : undefined}
      />
      <TextInput label={t('records.search')} value={q} onChange={(e) => search(e.currentTarget.value)} />
      <ErrorAlert error={list.error} />
      <RecordList
        exportFrom={{ path: '/api/people', params: exportParams }}
        data={list.data}
        loading={list.isPending}
        page={page}
        onPage={setPage}
        onOpen={(p) => open(p.id)}
        empty={<RecordsEmpty kind="person" filtered={!!debouncedQ} onAdd={canAdd ? () => setAdding(true) : undefined} />}
        columns={[
          { label: t('fields.name'), render: personName },
          { label: t('fields.citizenId'), render: (p) => p.citizenIdMasked ?? '—' },
          { label: t('fields.address'), render: (p) => addressOf(p, t('fields.villageNo')) || '—', key: true },
          {
            label: t('fields.roles'),
            render: (p) => p.roles.map((r) => t(`personRoles.${r}`)).join(', ') || '—',
            key: true,
          },
        ]}
      />
      {adding && unit && <PersonForm unit={unit} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
