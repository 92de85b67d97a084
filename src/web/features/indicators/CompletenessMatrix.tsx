import { Anchor, Box, Skeleton, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type CSSProperties, useState } from 'react';
import {
  CENTER_INDICATORS,
  type CellStatus,
  type CenterIndicator,
  type IndicatorSummaryRow,
  type MatrixRow,
  YEARLY_INDICATORS,
} from '#shared/indicators';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLanguage } from '../../i18n';
import { type CellRef, useMatrix } from './api';
import { RecordsDrawer } from './RecordsDrawer';
import { STATUS_COLOR, STATUS_ICON, shortMonth } from './status';

/** The first column stays in view while the cells scroll sideways inside their own container. */
const sticky: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
  minWidth: 120,
  maxWidth: 160,
};

function Cell({ status, label, onOpen }: { status: CellStatus; label: string; onOpen: () => void }) {
  return (
    <Table.Td p={2}>
      <UnstyledButton
        onClick={onOpen}
        aria-label={label}
        title={label}
        data-status={status}
        w={32}
        h={32}
        style={{
          display: 'grid',
          placeItems: 'center',
          borderRadius: 4,
          background: STATUS_COLOR[status].bg,
          color: STATUS_COLOR[status].fg,
          fontWeight: 700,
        }}
      >
        <span aria-hidden>{STATUS_ICON[status]}</span>
      </UnstyledButton>
    </Table.Td>
  );
}

/** The nation's view: for each province, the share of its centers meeting each indicator; a province opens its matrix. */
function ProvinceShares({ rows }: { rows: IndicatorSummaryRow[] }) {
  const { t, nameOf } = useLanguage();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={0} type="native">
      <Table striped withTableBorder data-testid="province-shares">
        <caption style={{ color: 'var(--mantine-color-gray-7)' }}>{t('indicators.national.title')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={sticky}>{t('indicators.national.province')}</Table.Th>
            <Table.Th>{t('indicators.national.centers')}</Table.Th>
            {CENTER_INDICATORS.map((i) => (
              <Table.Th key={i} miw={110}>
                {t(`indicators.names.${i}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.code}>
              <Table.Th scope="row" style={sticky}>
                <Anchor
                  component="button"
                  type="button"
                  aria-label={t('indicators.national.open', { name: nameOf(row) })}
                  onClick={() => navigate({ to: '.', search: (prev: object) => ({ ...prev, unit: row.code }) })}
                >
                  {nameOf(row)}
                </Anchor>
              </Table.Th>
              <Table.Td>{row.centers}</Table.Td>
              {CENTER_INDICATORS.map((i) => (
                <Table.Td key={i}>
                  <Text span fw={600}>
                    {row.centers ? Math.round((row.met[i] / row.centers) * 100) : 0}%
                  </Text>{' '}
                  <Text span size="xs" c="gray.7">
                    ({t('indicators.national.share', { met: row.met[i], centers: row.centers })})
                  </Text>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The completeness matrix of a province (rows = districts; Oct…Sep for activities, Q1…Q4 for meetings and
 * publicity, then the yearly indicators), each cell opening the records behind it. For the nation: the share per
 * province. With a quarter, only that quarter's months and columns.
 */
export function CompletenessMatrix({
  unitCode,
  fiscalYear,
  quarter = null,
}: {
  unitCode: string;
  fiscalYear: number;
  quarter?: number | null;
}) {
  const { t, language, nameOf } = useLanguage();
  const matrix = useMatrix(unitCode, fiscalYear);
  const [open, setOpen] = useState<{ cell: CellRef; period: string } | null>(null);
  if (matrix.error) return <ErrorAlert error={matrix.error} />;
  if (!matrix.data) return <Skeleton h={240} />;
  const data = matrix.data;
  if (data.level === 'national') return <ProvinceShares rows={data.provinces} />;
  if (!data.rows.length) return <EmptyState title={t('indicators.empty')} />;

  const quarters = quarter ? [quarter] : [1, 2, 3, 4];
  const monthIndexes = quarters.flatMap((q) => [0, 1, 2].map((i) => (q - 1) * 3 + i));
  const qLabel = (q: number) => t('indicators.qShort', { n: q });
  const yearLabel = `${t('indicators.fiscalYear')} ${fiscalYear}`;
  const opener = (row: MatrixRow, indicator: CenterIndicator, period: string, extra: { quarter?: number; month?: string }) => ({
    label: t('indicators.matrix.cell', {
      unit: nameOf(row),
      indicator: t(`indicators.names.${indicator}`),
      period,
      status: '',
    }),
    onOpen: () => setOpen({ cell: { unit: row.code, unitName: nameOf(row), indicator, fiscalYear, ...extra }, period }),
  });
  const cellLabel = (base: string, status: CellStatus) => `${base}${t(`indicators.statuses.${status}`)}`;
  const groupHeader = (label: string, span: number) => (
    <Table.Th colSpan={span} ta="center" style={{ borderInlineStart: '1px solid var(--mantine-color-gray-3)' }}>
      {label}
    </Table.Th>
  );

  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('indicators.matrix.title')}
      </Title>
      <Text size="sm" c="gray.7">
        {t('indicators.matrix.hint')}
      </Text>
      <Box style={{ overflowX: 'auto', maxWidth: '100%' }} data-testid="completeness-matrix" tabIndex={0}>
        <Table withTableBorder verticalSpacing={4} horizontalSpacing={4} style={{ width: 'max-content' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th rowSpan={2} style={sticky}>
                {t('indicators.matrix.district')}
              </Table.Th>
              {groupHeader(t('indicators.matrix.activities'), monthIndexes.length)}
              {groupHeader(t('indicators.matrix.meetings'), quarters.length)}
              {groupHeader(t('indicators.matrix.publicity'), quarters.length)}
              {groupHeader(t('indicators.matrix.yearly'), YEARLY_INDICATORS.length)}
            </Table.Tr>
            <Table.Tr>
              {monthIndexes.map((i) => (
                <Table.Th key={`m${i}`} fz="xs">
                  {shortMonth(data.months[i], language)}
                </Table.Th>
              ))}
              {quarters.map((q) => (
                <Table.Th key={`mq${q}`} fz="xs">
                  {qLabel(q)}
                </Table.Th>
              ))}
              {quarters.map((q) => (
                <Table.Th key={`pq${q}`} fz="xs">
                  {qLabel(q)}
                </Table.Th>
              ))}
              {YEARLY_INDICATORS.map((i) => (
                <Table.Th key={i} fz="xs">
                  {t(`indicators.columns.${i}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((row) => (
              <Table.Tr key={row.code} data-unit={row.code}>
                <Table.Th scope="row" style={sticky} fz="sm">
                  {nameOf(row)}
                </Table.Th>
                {monthIndexes.map((i) => {
                  const period = shortMonth(data.months[i], language);
                  const o = opener(row, 'activity_each_month', period, { month: data.months[i] });
                  return (
                    <Cell
                      key={`m${i}`}
                      status={row.activities[i]}
                      label={cellLabel(o.label, row.activities[i])}
                      onOpen={o.onOpen}
                    />
                  );
                })}
                {quarters.map((q) => {
                  const o = opener(row, 'meeting_each_quarter', qLabel(q), { quarter: q });
                  const status = row.meetings[q - 1];
                  return <Cell key={`mq${q}`} status={status} label={cellLabel(o.label, status)} onOpen={o.onOpen} />;
                })}
                {quarters.map((q) => {
                  const o = opener(row, 'publicity_each_quarter', qLabel(q), { quarter: q });
                  const status = row.publicity[q - 1];
                  return <Cell key={`pq${q}`} status={status} label={cellLabel(o.label, status)} onOpen={o.onOpen} />;
                })}
                {YEARLY_INDICATORS.map((i) => {
                  const o = opener(row, i, yearLabel, {});
                  return <Cell key={i} status={row.yearly[i]} label={cellLabel(o.label, row.yearly[i])} onOpen={o.onOpen} />;
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      <RecordsDrawer cell={open?.cell ?? null} period={open?.period ?? ''} onClose={() => setOpen(null)} />
    </Stack>
  );
}
