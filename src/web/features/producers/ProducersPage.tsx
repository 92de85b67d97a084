import { Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { isDistrict } from '#shared/fields';
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
import { useProducerList } from './api';
import { ProducerForm } from './ProducerForm';

export function ProducersPage() {
  const { t, language } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const { q, query: debouncedQ, search, page, setPage } = useSearchState();
  const [adding, setAdding] = useState(false);
  const exportParams = { unit, q: debouncedQ, page, pageSize: 20 };
  const list = useProducerList(exportParams, !!unit);
  const canAdd = can(me, 'pipeline.write') && isDistrict(unit);
  const open = (id: number) => navigate({ to: '/producers/$id', params: { id: String(id) }, search: { unit } });

  return (
    <Stack>
      <PageHeader
        title={t('pipelineNav.producers')}
        addLabel={t('records.addKind.producer')}
        onAdd={canAdd ? () => setAdding(true) : undefined}
      />
      <TextInput label={t('records.search')} value={q} onChange={(e) => search(e.currentTarget.value)} />
      <ErrorAlert error={list.error} />
      <RecordList
        exportFrom={{ path: '/api/producers', params: exportParams }}
        data={list.data}
        loading={list.isPending}
        page={page}
        onPage={setPage}
        onOpen={(p) => open(p.id)}
        empty={<RecordsEmpty kind="producer" filtered={!!debouncedQ} onAdd={canAdd ? () => setAdding(true) : undefined} />}
        columns={[
          { label: t('fields.registrationNo'), render: (p) => p.registrationNo },
          { label: t('fields.owner'), render: (p) => p.ownerName, key: true },
          { label: t('fields.producerType'), render: (p) => t(`producerTypes.${p.producerType}`) },
          { label: t('fields.fiscalYear'), render: (p) => p.fiscalYear, key: true },
          { label: t('fields.registeredOn'), render: (p) => formatDate(p.registeredOn, language) },
          {
            label: t('fields.status'),
            render: (p) => <StatusBadge>{t(`producerStatuses.${p.status}`)}</StatusBadge>,
            key: true,
          },
        ]}
      />
      {adding && unit && <ProducerForm unit={unit} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
