import { Group, Select, Stack, TextInput } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { isDistrict } from '#shared/fields';
import { STAGES } from '#shared/groups';
import { RecordsEmpty } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../format';
import { useSearchState } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useGroupList } from './api';
import { GroupForm } from './GroupForm';

export function GroupsPage() {
  const { t, language, nameOf } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const params = useSearch({ strict: false }) as { stage?: string };
  const { q, query: debouncedQ, search, page, setPage } = useSearchState();
  const [adding, setAdding] = useState(false);
  const stage = params.stage ?? null;
  const exportParams = { unit, q: debouncedQ, stage, page, pageSize: 20 };
  const list = useGroupList(exportParams, !!unit);
  const canAdd = can(me, 'pipeline.write') && isDistrict(unit);
  const open = (id: number) => navigate({ to: '/groups/$id', params: { id: String(id) }, search: { unit } });

  return (
    <Stack>
      <PageHeader
        title={t('pipelineNav.groups')}
        addLabel={t('records.addKind.group')}
        onAdd={canAdd ? () => setAdding(true) : undefined}
      />
      <Group grow preventGrowOverflow={false} wrap="wrap">
        <TextInput label={t('records.search')} value={q} onChange={(e) => search(e.currentTarget.value)} miw={200} />
        <Select
          label={t('fields.stage')}
          clearable
          placeholder={t('common.all')}
          data={STAGES.slice(1).map((s) => ({ value: s, label: t(`stages.${s}`) }))}
          value={stage}
          onChange={(v) => {
            setPage(1);
            navigate({ to: '/groups', search: { unit, stage: v ?? undefined } });
          }}
          miw={200}
        />
      </Group>
      <ErrorAlert error={list.error} />
      <RecordList
        exportFrom={{ path: '/api/groups', params: exportParams }}
        data={list.data}
        loading={list.isPending}
        page={page}
        onPage={setPage}
        onOpen={(g) => open(g.id)}
        empty={
          <RecordsEmpty kind="group" filtered={!!debouncedQ || !!stage} onAdd={canAdd ? () => setAdding(true) : undefined} />
        }
        columns={[
          { label: t('fields.name'), render: (g) => g.name },
          {
            label: t('fields.stage'),
            render: (g) => <StatusBadge>{t(`stages.${g.stage}`)}</StatusBadge>,
            key: true,
          },
          { label: t('fields.memberCount'), render: (g) => g.memberCount, key: true },
          { label: t('fields.foundedOn'), render: (g) => formatDate(g.foundedOn, language) },
          {
            label: t('records.district'),
            render: (g) => <span data-testid="group-district">{nameOf({ nameTh: g.unitNameTh, nameEn: g.unitNameEn })}</span>,
            key: true,
          },
        ]}
      />
      {adding && unit && <GroupForm unit={unit} onClose={() => setAdding(false)} onSaved={(g) => open(g.id)} />}
    </Stack>
  );
}
