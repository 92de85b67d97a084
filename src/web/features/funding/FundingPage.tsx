import { Button, Group, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { isDistrict } from '#shared/fields';
import { FUNDING_STATUSES, type FundingApplication } from '#shared/funding';
import { formatBaht } from '#shared/thai/index';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../format';
import { useCodeList, usePage } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useFundingList, useSourceName } from './api';
import { DecisionForm, FundingForm } from './FundingForm';

export const STATUS_COLOR = { applied: 'blue.8', approved: 'teal.9', rejected: 'red.9', withdrawn: 'gray.7' } as const;

/** Funding applications of the unit's groups: filtered by status and source, entered, changed and decided. */
export function FundingPage() {
  const { t, language, nameOf } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const sourceName = useSourceName();
  const sources = useCodeList('funding_source');
  const [status, setStatus] = useState<string | null>(null);
  const [source, setSource] = useState<string | null>(null);
  const { page, setPage, filter } = usePage();
  const [editing, setEditing] = useState<{ application?: FundingApplication } | null>(null);
  const [deciding, setDeciding] = useState<FundingApplication | null>(null);
  const exportParams = { unit, status, source, page, pageSize: 20 };
  const list = useFundingList(exportParams, !!unit);
  const canWrite = isDistrict(unit) && me?.orgUnit.code === unit && can(me, 'pipeline.write');

  return (
    <Stack>
      <PageHeader title={t('funding.title')} addLabel={t('funding.add')} onAdd={canWrite ? () => setEditing({}) : undefined} />
      <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-end">
        <Select
          label={t('funding.filters.status')}
          placeholder={t('funding.filters.allStatuses')}
          clearable
          data={FUNDING_STATUSES.map((s) => ({ value: s, label: t(`funding.statuses.${s}`) }))}
          value={status}
          onChange={filter(setStatus)}
        />
        <Select
          label={t('funding.filters.source')}
          placeholder={t('funding.filters.allSources')}
          clearable
          data={(sources.data ?? []).map((c) => ({ value: c.code, label: nameOf(c) }))}
          value={source}
          onChange={filter(setSource)}
        />
      </Group>
      <ErrorAlert error={list.error} />
      <RecordList
        exportFrom={{ path: '/api/funding', params: exportParams }}
        data={list.data}
        loading={list.isPending}
        page={page}
        onPage={setPage}
        onOpen={canWrite ? (application) => setEditing({ application }) : undefined}
        empty={
          status || source ? (
            <EmptyState title={t('funding.noMatch')} />
          ) : (
            <EmptyState
              title={t('funding.empty')}
              hint={t('funding.emptyHint')}
              actionLabel={t('funding.add')}
              onAction={canWrite ? () => setEditing({}) : undefined}
            />
          )
        }
        columns={[
          { label: t('funding.fields.group'), render: (f) => f.group.name },
          { label: t('funding.fields.source'), render: (f) => sourceName(f.sourceCode), key: true },
          { label: t('funding.fields.appliedOn'), render: (f) => formatDate(f.appliedOn, language) },
          {
            label: t('funding.fields.asked'),
            render: (f) =>
              `${formatBaht(BigInt(f.askedSatang))}${f.approvedSatang ? ` → ${formatBaht(BigInt(f.approvedSatang))}` : ''}`,
            key: true,
          },
          {
            label: t('funding.fields.status'),
            render: (f) => (
              <Group gap="xs" wrap="wrap">
                <StatusBadge color={STATUS_COLOR[f.status]} data-testid="funding-status">
                  {t(`funding.statuses.${f.status}`)}
                </StatusBadge>
                {f.locked && <StatusBadge color="dark">{t('reports.locked')}</StatusBadge>}
                {canWrite && !f.locked && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={(event) => {
                      // The row opens the application itself; this button only the decision.
                      event.stopPropagation();
                      setDeciding(f);
                    }}
                  >
                    {t('funding.decide')}
                  </Button>
                )}
              </Group>
            ),
            key: true,
          },
        ]}
      />
      {editing && unit && <FundingForm application={editing.application} unit={unit} onClose={() => setEditing(null)} />}
      {deciding && <DecisionForm application={deciding} onClose={() => setDeciding(null)} />}
    </Stack>
  );
}
