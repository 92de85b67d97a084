import { Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { monthsBetween, type SalesSummary } from '#shared/sales';
import { formatBaht, THAI_MONTHS_SHORT, toBuddhistYear } from '#shared/thai/index';
import { CHART_TEXT } from '../../components/chart-text';
import { usePhone } from '../../hooks/phone';
import { type Language, useLanguage } from '../../i18n';
import { useChannelName } from './api';

const COLORS = ['teal.7', 'blue.6', 'orange.6', 'grape.6', 'red.7', 'yellow.8', 'cyan.8', 'gray.6'].map(
  (c) => `var(--mantine-color-${c.replace('.', '-')})`,
);

/** `2026-11` as "พ.ย. 69" (Buddhist Era) or "Nov 26". */
export function shortMonth(month: string, language: Language): string {
  const [y, m] = month.split('-').map(Number);
  if (language === 'th') return `${THAI_MONTHS_SHORT[m - 1]} ${String(toBuddhistYear(y)).slice(2)}`;
  return `${new Date(Date.UTC(y, m - 1, 15)).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' })} ${String(y).slice(2)}`;
}

/** Baht on the axis, short: 12,500 → "12.5k" / "1.2M". */
const axisBaht = (baht: number) =>
  baht >= 1_000_000 ? `${(baht / 1_000_000).toFixed(1)}M` : baht >= 1000 ? `${Math.round(baht / 100) / 10}k` : String(baht);

/**
 * Income per month stacked by channel, in baht, with the same figures as a table beneath: the table is what a
 * screen reader reads and what a phone shows in full (the chart is summarised for assistive technology).
 */
export function SalesChart({ summary }: { summary: SalesSummary }) {
  const { t, language } = useLanguage();
  const phone = usePhone();
  const channelName = useChannelName();
  const channels = [...new Set(summary.points.map((p) => p.channelCode))].sort();
  const months = monthsBetween(summary.from, summary.to);
  const amount = (month: string, channel: string) =>
    BigInt(summary.points.find((p) => p.month === month && p.channelCode === channel)?.amountSatang ?? '0');
  const data = months.map((month) => ({
    label: shortMonth(month, language),
    ...Object.fromEntries(channels.map((c) => [c, Number(amount(month, c)) / 100])),
  }));
  const monthTotal = (month: string) => channels.reduce((sum, c) => sum + amount(month, c), 0n);
  const total = formatBaht(BigInt(summary.totalSatang));
  return (
    <Stack gap="xs">
      <div role="img" aria-label={t('sales.chartLabel', { total })} data-testid="sales-chart">
        <ResponsiveContainer width="100%" height={phone ? 220 : 300}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={phone ? 2 : 0} />
            <YAxis tickFormatter={axisBaht} tick={{ fontSize: 12 }} width={48} />
            <Tooltip
              itemStyle={CHART_TEXT}
              formatter={(value) => `${formatBaht(Math.round(Number(value) * 100))} ${t('sales.baht')}`}
            />
            {!phone && <Legend labelStyle={CHART_TEXT} />}
            {channels.map((c, i) => (
              <Bar key={c} dataKey={c} name={channelName(c)} stackId="income" fill={COLORS[i % COLORS.length]} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Text size="sm">
        {t('sales.total')} {total} {t('sales.baht')}
      </Text>
      <Table.ScrollContainer minWidth={phone ? 0 : 480}>
        <Table striped data-testid="sales-table">
          {phone ? (
            <VisuallyHidden component="caption">{t('sales.tableCaption')}</VisuallyHidden>
          ) : (
            <Table.Caption c="gray.8">{t('sales.tableCaption')}</Table.Caption>
          )}
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sales.fields.month')}</Table.Th>
              {!phone && channels.map((c) => <Table.Th key={c}>{channelName(c)}</Table.Th>)}
              <Table.Th>{t('sales.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {months
              .filter((m) => monthTotal(m) > 0n)
              .map((m) => (
                <Table.Tr key={m}>
                  <Table.Td>{shortMonth(m, language)}</Table.Td>
                  {!phone && channels.map((c) => <Table.Td key={c}>{formatBaht(amount(m, c))}</Table.Td>)}
                  <Table.Td>{formatBaht(monthTotal(m))}</Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
