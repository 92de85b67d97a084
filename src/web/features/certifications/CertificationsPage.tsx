import { SegmentedControl, Stack } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { isDistrict } from '#shared/fields';
import { RecordsEmpty } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { formatDate } from '../../format';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useCertificationList, useStandardName } from './api';
import { CertificateStatus } from './CertificateStatus';
import { CertificationForm } from './CertificationForm';

export function CertificationsPage() {
  const { t, language } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const standardName = useStandardName();
  const [status, setStatus] = useState('all');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const exportParams = { unit, status: status === 'all' ? undefined : status, page, pageSize: 20 };
  const list = useCertificationList(exportParams, !!unit);
  const canAdd = can(me, 'pipeline.write') && isDistrict(unit);
  const open = (id: number) => navigate({ to: '/certifications/$id', params: { id: String(id) }, search: { unit } });

  return (
    <Stack>
      <PageHeader
        title={t('pipelineNav.certifications')}
        addLabel={t('records.addKind.certification')}
        onAdd={canAdd ? () => setAdding(true) : undefined}
      />
      <SegmentedControl
        aria-label={t('fields.status')}
        fullWidth
        data={[
          { value: 'all', label: t('common.all') },
          { value: 'expiring', label: t('records.expiringSoon') },
          { value: 'expired', label: t('certStatuses.expired') },
          { value: 'valid', label: t('certStatuses.valid') },
        ]}
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
      />
      <ErrorAlert error={list.error} />
      <RecordList
        exportFrom={{ path: '/api/certifications', params: exportParams }}
        data={list.data}
        loading={list.isPending}
        page={page}
        onPage={setPage}
        onOpen={(c) => open(c.id)}
        empty={
          <RecordsEmpty kind="certification" filtered={status !== 'all'} onAdd={canAdd ? () => setAdding(true) : undefined} />
        }
        columns={[
          { label: t('fields.certificateNo'), render: (c) => c.certificateNo },
          { label: t('fields.standard'), render: (c) => standardName(c.standardCode), key: true },
          { label: t('fields.subject'), render: (c) => c.subject, key: true },
          { label: t('fields.expiresOn'), render: (c) => formatDate(c.expiresOn, language) },
          {
            label: t('fields.status'),
            render: (c) => <CertificateStatus status={c.status} expiresOn={c.expiresOn} />,
            key: true,
          },
        ]}
      />
      {adding && unit && <CertificationForm unit={unit} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
