import { Card, Group, Modal, Select, Stack, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { isDistrict } from '#shared/fields';
import type { QuarterlyReport } from '#shared/reports';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportMenu } from '../../components/ExportMenu';
import { FormActions } from '../../components/FormActions';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { formatDate } from '../../format';
import { usePage } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useReportList, useReportSummary, useSaveReport } from './api';
import { begunQuarters, ReportBadges, SummaryTable, useQuarterName } from './ReportParts';

/**
 * A district's reports by quarter (start, open, send); a province's reports waiting for review first, then all;
 * the department's summary by province, then the reports.
 */
export function ReportsPage() {
  const { t } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const [adding, setAdding] = useState(false);
  const mayWrite = isDistrict(unit) && can(me, 'pipeline.write');
  return (
    <Stack>
      <PageHeader title={t('reports.title')} addLabel={t('reports.add')} onAdd={mayWrite ? () => setAdding(true) : undefined} />
      {unit && !isDistrict(unit) && <SummaryCard unit={unit} />}
      {unit && !isDistrict(unit) && <ReportsList unit={unit} status="submitted" title={t('reports.waiting')} />}
      {unit && <ReportsList unit={unit} title={t('reports.all')} onAdd={mayWrite ? () => setAdding(true) : undefined} />}
      {adding && unit && <NewReport unit={unit} onClose={() => setAdding(false)} />}
    </Stack>
  );
}

function ReportsList({ unit, status, title, onAdd }: { unit: string; status?: 'submitted'; title: string; onAdd?: () => void }) {
  const { t, language, nameOf } = useLanguage();
  const navigate = useNavigate();
  const quarterName = useQuarterName();
  const { page, setPage } = usePage();
  const exportParams = { unit, status, page, pageSize: 20 };
  const list = useReportList(exportParams);
  const open = (r: QuarterlyReport) => navigate({ to: '/reports/$id', params: { id: String(r.id) }, search: { unit } });
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <ErrorAlert error={list.error} />
      <RecordList
        exportFrom={{ path: '/api/reports', params: exportParams }}
        data={list.data}
        loading={list.isPending}
        page={page}
        onPage={setPage}
        onOpen={open}
        empty={
          status ? (
            <EmptyState title={t('reports.noneWaiting')} />
          ) : (
            <EmptyState
              title={t('reports.empty')}
              hint={t('reports.emptyHint')}
              actionLabel={t('reports.add')}
              onAction={onAdd}
            />
          )
        }
        columns={[
          { label: t('reports.period'), render: quarterName, key: true },
          ...(isDistrict(unit)
            ? []
            : [
                {
                  label: t('reports.fields.unit'),
                  render: (r: QuarterlyReport) => nameOf({ nameTh: r.unitNameTh, nameEn: r.unitNameEn }),
                  key: true,
                },
              ]),
          { label: t('reports.fields.status'), render: (r) => <ReportBadges report={r} />, key: true },
          {
            label: t('reports.fields.submitted'),
            render: (r) => (r.submittedAt ? formatDate(r.submittedAt.slice(0, 10), language) : '—'),
          },
        ]}
      />
    </Card>
  );
}

/** The department's (or a province's) view of the due quarter: reports by province (or district). */
function SummaryCard({ unit }: { unit: string }) {
  const { t } = useLanguage();
  const quarters = begunQuarters();
  const [chosen, setChosen] = useState(
    `${quarters[1]?.fiscalYear ?? quarters[0].fiscalYear}-${quarters[1]?.quarter ?? quarters[0].quarter}`,
  );
  const [fiscalYear, quarter] = chosen.split('-').map(Number);
  const quarterName = useQuarterName();
  const summary = useReportSummary({ unit, fiscalYear, quarter });
  return (
    <Card withBorder>
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Title order={2} size="h4">
          {t('reports.summaryTitle')}
        </Title>
        <Group gap="xs" align="flex-end">
          <Select
            label={t('reports.period')}
            allowDeselect={false}
            w={160}
            data={quarters.map((q) => ({ value: `${q.fiscalYear}-${q.quarter}`, label: quarterName(q) }))}
            value={chosen}
            onChange={(v) => v && setChosen(v)}
          />
          {summary.data && <ExportMenu source={{ path: '/api/reports/summary', params: { unit, fiscalYear, quarter } }} />}
        </Group>
      </Group>
      <ErrorAlert error={summary.error} />
      {summary.data && <SummaryTable rows={summary.data.rows} total={summary.data.total} />}
    </Card>
  );
}

/** Starting a report: which quarter (one that has begun); the words are written on its page. */
function NewReport({ unit, onClose }: { unit: string; onClose: () => void }) {
  const { t } = useLanguage();
  const navigate = useNavigate();
  const quarterName = useQuarterName();
  const quarters = begunQuarters();
  const save = useSaveReport();
  const [chosen, setChosen] = useState(`${quarters[0].fiscalYear}-${quarters[0].quarter}`);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const [fiscalYear, quarter] = chosen.split('-').map(Number);
    save.mutate(
      { body: { orgUnitCode: unit, fiscalYear, quarter } },
      { onSuccess: (r) => navigate({ to: '/reports/$id', params: { id: String(r.id) }, search: { unit } }) },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('reports.add')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} />
          <Select
            label={t('reports.period')}
            required
            allowDeselect={false}
            data={quarters.map((q) => ({ value: `${q.fiscalYear}-${q.quarter}`, label: quarterName(q) }))}
            value={chosen}
            onChange={(v) => v && setChosen(v)}
          />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
