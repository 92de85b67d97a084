import { Group, Select, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { isDistrict } from '#shared/fields';
import { WISDOM_STATUSES } from '#shared/wisdom';
import { RecordsEmpty } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../format';
import { useCodeList, useSearchState } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useWisdomList } from './api';
import { WisdomForm } from './WisdomForm';

export function WisdomListPage() {
  const { t, language, nameOf } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const branches = useCodeList('wisdom_branch');
  const branchName = (code: string) => {
    const b = branches.data?.find((x) => x.code === code);
    return b ? nameOf(b) : branches.data ? code : '';
  };
  const { q, query: debouncedQ, search, page, setPage } = useSearchState();
  const [branch, setBranch] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const exportParams = { unit, q: debouncedQ, branch, status, page, pageSize: 20 };
  const list = useWisdomList(exportParams, !!unit);
  const canAdd = can(me, 'pipeline.write') && isDistrict(unit);

  return (
    <Stack>
      <PageHeader
        title={t('pipelineNav.wisdom')}
        addLabel={t('records.addKind.wisdom')}
        onAdd={canAdd ? () => setAdding(true) : undefined}
      />
      <Group grow preventGrowOverflow={false} wrap="wrap">
        <TextInput label={t('records.search')} value={q} onChange={(e) => search(e.currentTarget.value)} miw={200} />
        <Select
          label={t('fields.branch')}
          clearable
          placeholder={t('common.all')}
          data={(branches.data ?? []).map((b) => ({ value: b.code, label: nameOf(b) }))}
          value={branch}
          onChange={(v) => {
            setBranch(v);
            setPage(1);
          }}
          miw={200}
        />
        <Select
          label={t('fields.status')}
          clearable
          placeholder={t('common.all')}
          data={WISDOM_STATUSES.map((s) => ({ value: s, label: t(`wisdomStatuses.${s}`) }))}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          miw={160}
        />
      </Group>
      <ErrorAlert error={list.error} />
      <RecordList
        exportFrom={{ path: '/api/wisdom', params: exportParams }}
        data={list.data}
        loading={list.isPending}
        page={page}
        onPage={setPage}
        onOpen={(w) => navigate({ to: '/wisdom/$id', params: { id: String(w.id) }, search: { unit } })}
        empty={
          <RecordsEmpty
            kind="wisdom"
            filtered={!!debouncedQ || !!branch || !!status}
            onAdd={canAdd ? () => setAdding(true) : undefined}
          />
        }
        columns={[
          { label: t('fields.title'), render: (w) => w.title },
          { label: t('fields.branch'), render: (w) => branchName(w.branchCode), key: true },
          {
            label: t('fields.status'),
            render: (w) => <StatusBadge>{t(`wisdomStatuses.${w.status}`)}</StatusBadge>,
            key: true,
          },
          { label: t('fields.accessLevel'), render: (w) => t(`accessLevels.${w.accessLevel}`) },
          { label: t('fields.surveyedOn'), render: (w) => formatDate(w.surveyedOn, language) },
        ]}
      />
      {adding && unit && (
        <WisdomForm
          unit={unit}
          onClose={() => setAdding(false)}
          onSaved={(w) => navigate({ to: '/wisdom/$id', params: { id: String(w.id) }, search: { unit } })}
        />
      )}
    </Stack>
  );
}
