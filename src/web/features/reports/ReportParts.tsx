import { Card, Group, Stack, Table, Text } from '@mantine/core';
import { CENTER_INDICATORS } from '#shared/indicators';
import type { QuarterlyReport, ReportSummaryRow } from '#shared/reports';
import { fiscalRange, fiscalYearOf } from '#shared/thai/calendar';
import { formatBaht } from '#shared/thai/money';
import { StatusBadge } from '../../components/StatusBadge';
import { todayIso } from '../../dates';
import { usePhone } from '../../hooks/phone';
import { useLanguage } from '../../i18n';

type Status = QuarterlyReport['status'] | 'missing';
const STATUS_COLORS: Record<Status, string> = {
  draft: 'gray.8',
  submitted: 'blue.9',
  returned: 'orange.9',
  approved: 'green.9',
  missing: 'red.9',
};

export function ReportStatusBadge({ status }: { status: Status }) {
  const { t } = useLanguage();
  return <StatusBadge color={STATUS_COLORS[status]}>{t(`reports.statuses.${status}`)}</StatusBadge>;
}

/** The report's status, and "locked" when the province closed its quarter. */
export function ReportBadges({ report }: { report: QuarterlyReport }) {
  const { t } = useLanguage();
  return (
    <Group gap={4} wrap="wrap">
      <ReportStatusBadge status={report.status} />
      {report.lock && <StatusBadge color="dark">{t('reports.locked')}</StatusBadge>}
    </Group>
  );
}

export const useQuarterName = () => {
  const { t } = useLanguage();
  return (r: { fiscalYear: number; quarter: number }) => t('reports.quarterOf', r);
};

/** The quarters that have begun, newest first, in this fiscal year and the one before. */
export function begunQuarters(): { fiscalYear: number; quarter: 1 | 2 | 3 | 4 }[] {
  const today = todayIso();
  const { fiscalYear } = fiscalYearOf(today);
  const all = [fiscalYear, fiscalYear - 1].flatMap((fy) =>
    ([4, 3, 2, 1] as const).map((quarter) => ({ fiscalYear: fy, quarter })),
  );
  return all.filter((q) => fiscalRange(q.fiscalYear, q.quarter).start <= today);
}

const money = (satang: string) => formatBaht(BigInt(satang));

/** The indicators (met or missing) and the results the report carries, as submitted. */
export function FiguresTable({ figures }: { figures: NonNullable<QuarterlyReport['figures']> }) {
  const { t } = useLanguage();
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table striped data-testid="report-figures">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.indicator')}</Table.Th>
            <Table.Th>{t('reports.result')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {CENTER_INDICATORS.map((key) => (
            <Table.Tr key={key}>
              <Table.Td>{t(`indicators.names.${key}`)}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={figures.indicators[key] === 'missing' ? 700 : 400}>
                  {t(`reports.cells.${figures.indicators[key] ?? 'not_due'}`)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
          {(Object.keys(figures.results) as (keyof typeof figures.results)[]).map((key) => (
            <Table.Tr key={key}>
              <Table.Td>{t(`reports.results.${key}`)}</Table.Td>
              <Table.Td>{key.endsWith('Satang') ? money(String(figures.results[key])) : figures.results[key]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The report summary: one row per province (or district) with reports by status; cards on a phone. */
export function SummaryTable({ rows, total }: { rows: ReportSummaryRow[]; total?: ReportSummaryRow }) {
  const { t, nameOf } = useLanguage();
  const phone = usePhone();
  const all = [
    ...rows.map((r) => ({ r, label: nameOf(r) })),
    ...(total ? [{ r: total, label: t('reports.summary.total') }] : []),
  ];
  const counts = (['districts', 'submitted', 'approved', 'returned', 'missing'] as const).map((key) => ({
    key,
    label: t(`reports.summary.${key}`),
  }));
  if (phone)
    return (
      <Stack gap="xs" data-testid="report-summary">
        {all.map(({ r, label }) => (
          <Card key={`${r.code}-${label}`} withBorder padding="xs">
            <Text fw={700}>{label}</Text>
            <Text size="sm">{counts.map((c) => `${c.label} ${r[c.key]}`).join(' · ')}</Text>
            <Text size="sm">
              {t('reports.results.salesSatang')} {money(r.results.salesSatang)}
            </Text>
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table striped data-testid="report-summary">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('reports.summary.unit')}</Table.Th>
          {counts.map((c) => (
            <Table.Th key={c.key}>{c.label}</Table.Th>
          ))}
          <Table.Th>{t('reports.results.salesSatang')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {all.map(({ r, label }) => (
          <Table.Tr key={`${r.code}-${label}`}>
            <Table.Td>{label}</Table.Td>
            {counts.map((c) => (
              <Table.Td key={c.key}>{r[c.key]}</Table.Td>
            ))}
            <Table.Td>{money(r.results.salesSatang)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
