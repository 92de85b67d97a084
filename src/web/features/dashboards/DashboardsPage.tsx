import {
  Anchor,
  Box,
  Button,
  Card,
  Group,
  Progress,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard, DashboardChild } from '#shared/dashboards';
import { CENTER_INDICATORS } from '#shared/indicators';
import { fiscalYearOf } from '#shared/thai/calendar';
import { formatBaht } from '#shared/thai/index';
import { CHART_TEXT } from '../../components/chart-text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { usePhone } from '../../hooks/phone';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { useStandardName } from '../certifications/api';
import { useSourceName } from '../funding/api';
import { useIndicatorSummary } from '../indicators/api';
import { SalesChart, shortMonth } from '../sales/SalesChart';
import { dashboardFile, type Period, useDashboard } from './api';
import { NationalMap, ProvinceMap } from './ProvinceMap';

const money = (satang: string) => formatBaht(BigInt(satang));

/** The dashboard of the unit in view (`?unit=`): its figures for a fiscal year or a quarter, with XLSX and PDF. */
export function DashboardsPage() {
  const { t, nameOf } = useLanguage();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const current = fiscalYearOf(todayIso()).fiscalYear;
  const [fiscalYear, setFiscalYear] = useState(String(current));
  const [quarter, setQuarter] = useState('');
  const period: Period = { unit, fiscalYear, quarter };
  const dashboard = useDashboard(period);
  const open = (code: string) => navigate({ to: '/dashboards', search: { unit: code } });
  const d = dashboard.data;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('dashboards.title')}
          {d ? ` · ${nameOf(d)}` : ''}
        </Title>
        <Group gap="xs" align="flex-end">
          <Select
            label={t('records.fiscalYear')}
            w={130}
            data={[0, 1, 2, 3].map((i) => String(current - i))}
            value={fiscalYear}
            onChange={(v) => v && setFiscalYear(v)}
            allowDeselect={false}
          />
          <Select
            label={t('dashboards.quarter')}
            w={150}
            data={[
              { value: '', label: t('dashboards.wholeYear') },
              ...[1, 2, 3, 4].map((q) => ({ value: String(q), label: t('dashboards.quarterN', { quarter: q }) })),
            ]}
            value={quarter}
            onChange={(v) => setQuarter(v ?? '')}
            allowDeselect={false}
          />
        </Group>
      </Group>
      <Group gap="xs">
        <Button component="a" variant="light" href={dashboardFile(period, 'xlsx')} download data-testid="dashboard-xlsx">
          {t('dashboards.xlsx')}
        </Button>
        <Button component="a" variant="light" href={dashboardFile(period, 'pdf')} download data-testid="dashboard-pdf">
          {t('dashboards.pdf')}
        </Button>
      </Group>
      <ErrorAlert error={dashboard.error} />
      <IndicatorCards period={period} />
      {!d ? (
        <Skeleton h={400} />
      ) : (
        <>
          {d.level === 'national' && (
            <Section title={t('dashboards.map')}>
              <NationalMap period={{ fiscalYear, quarter }} figures={d.children} onSelect={open} />
            </Section>
          )}
          {d.level === 'province' && (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Section title={t('dashboards.map')}>
                <ProvinceMap
                  values={new Map()}
                  format={String}
                  highlight={d.unit}
                  label={t('dashboards.provinceMapLabel', { name: nameOf(d) })}
                />
              </Section>
              <Section title={t('dashboards.districtRanking')}>
                <Ranking rows={d.children} onSelect={open} />
              </Section>
            </SimpleGrid>
          )}
          <Totals d={d} />
          <Section title={t('dashboards.trend')}>
            <Trend d={d} />
          </Section>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Section title={t('dashboards.funnel')}>
              <Funnel d={d} />
            </Section>
            <Section title={t('dashboards.budget')}>
              <Budget d={d} />
            </Section>
          </SimpleGrid>
          <Section title={t('dashboards.salesByChannel')}>
            <SalesChart
              summary={{
                from: d.from.slice(0, 7),
                to: d.to.slice(0, 7),
                points: d.salesByChannel,
                units: [],
                totalSatang: String(d.months.reduce((sum, m) => sum + BigInt(m.salesSatang), 0n)),
              }}
            />
          </Section>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Section title={t('dashboards.funding')}>
              <Funding d={d} />
            </Section>
            <Section title={t('dashboards.certificates')}>
              <Certificates d={d} />
            </Section>
          </SimpleGrid>
          {d.children.length > 0 && (
            <Section title={d.level === 'national' ? t('dashboards.byProvince') : t('dashboards.byDistrict')}>
              <Children d={d} onSelect={open} />
            </Section>
          )}
        </>
      )}
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** For each indicator, the share of the unit's centers meeting it (from the indicators summary). */
function IndicatorCards({ period }: { period: Period }) {
  const { t } = useLanguage();
  const summary = useIndicatorSummary(period.unit, Number(period.fiscalYear), period.quarter ? Number(period.quarter) : null);
  const total = summary.data?.total;
  if (!total) return null;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} data-testid="indicator-cards">
      {CENTER_INDICATORS.map((i) => {
        const met = total.met[i] ?? 0;
        const share = total.centers ? Math.round((met / total.centers) * 100) : 0;
        return (
          <Card withBorder key={i} p="sm">
            <Text size="sm">{t(`indicators.names.${i}`)}</Text>
            <Text fw={700} size="xl">
              {share}%
            </Text>
            <Text size="xs" c="gray.7">
              {t('dashboards.centersMet', { met, centers: total.centers })}
            </Text>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}

/** The period's totals: what a district sees of itself at a glance, and the sum of the units below. */
function Totals({ d }: { d: Dashboard }) {
  const { t } = useLanguage();
  const sum = (key: 'services' | 'activities' | 'attendees') => d.months.reduce((s, m) => s + m[key], 0);
  const sales = d.months.reduce((s, m) => s + BigInt(m.salesSatang), 0n);
  const figures = [
    { label: t('dashboards.metrics.services'), value: sum('services').toLocaleString('en-US') },
    { label: t('dashboards.metrics.activities'), value: sum('activities').toLocaleString('en-US') },
    { label: t('dashboards.metrics.attendees'), value: sum('attendees').toLocaleString('en-US') },
    { label: t('dashboards.metrics.sales'), value: formatBaht(sales) },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="dashboard-totals">
      {figures.map((f) => (
        <Card withBorder key={f.label} p="sm">
          <Text size="sm">{f.label}</Text>
          <Text fw={700} size="xl">
            {f.value}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** Services, activities and attendees per month as bars, with the same figures (and sales) as a table. */
function Trend({ d }: { d: Dashboard }) {
  const { t, language } = useLanguage();
  const phone = usePhone();
  const data = d.months.map((m) => ({
    label: shortMonth(m.month, language),
    services: m.services,
    activities: m.activities,
    attendees: m.attendees,
  }));
  return (
    <Stack gap="xs">
      <div role="img" aria-label={t('dashboards.trendLabel')}>
        <ResponsiveContainer width="100%" height={phone ? 220 : 280}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={phone ? 2 : 0} />
            <YAxis tick={{ fontSize: 12 }} width={40} allowDecimals={false} />
            <Tooltip itemStyle={CHART_TEXT} />
            {!phone && <Legend labelStyle={CHART_TEXT} />}
            <Bar dataKey="services" name={t('dashboards.metrics.services')} fill="var(--mantine-color-teal-7)" />
            <Bar dataKey="activities" name={t('dashboards.metrics.activities')} fill="var(--mantine-color-blue-6)" />
            <Bar dataKey="attendees" name={t('dashboards.metrics.attendees')} fill="var(--mantine-color-orange-6)" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Table striped data-testid="trend-table" fz={phone ? 'xs' : 'sm'}>
        <VisuallyHidden component="caption">{t('dashboards.trendLabel')}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dashboards.month')}</Table.Th>
            <Table.Th ta="right">{t('dashboards.short.services')}</Table.Th>
            <Table.Th ta="right">{t('dashboards.short.activities')}</Table.Th>
            <Table.Th ta="right">{t('dashboards.short.attendees')}</Table.Th>
            <Table.Th ta="right">{t('dashboards.short.sales')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.months.map((m) => (
            <Table.Tr key={m.month}>
              <Table.Td>{shortMonth(m.month, language)}</Table.Td>
              <Table.Td ta="right">{m.services}</Table.Td>
              <Table.Td ta="right">{m.activities}</Table.Td>
              <Table.Td ta="right">{m.attendees}</Table.Td>
              <Table.Td ta="right">{money(m.salesSatang)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Funnel({ d }: { d: Dashboard }) {
  const { t } = useLanguage();
  const max = Math.max(1, ...d.funnel.map((s) => s.count));
  return (
    <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('dashboards.funnel')}>
      {d.funnel.map((s) => (
        <li key={s.stage}>
          <Group gap="sm" wrap="nowrap">
            <Text w={{ base: 110, sm: 160 }} size="sm" style={{ flexShrink: 0 }}>
              {t(`stages.${s.stage}`)}
            </Text>
            <Box style={{ flex: 1 }}>
              <Box bg="teal.9" h={18} style={{ width: `${Math.max(2, (s.count / max) * 100)}%`, borderRadius: 4 }} />
            </Box>
            <Text fw={700} w={40} ta="right">
              {s.count}
            </Text>
          </Group>
        </li>
      ))}
    </Stack>
  );
}

function Budget({ d }: { d: Dashboard }) {
  const { t } = useLanguage();
  const received = BigInt(d.budget.receivedSatang);
  const spent = BigInt(d.budget.spentSatang);
  const share = received > 0n ? Math.min(100, Number((spent * 1000n) / received) / 10) : 0;
  return (
    <Stack gap="xs" data-testid="dashboard-budget">
      <Group justify="space-between">
        <Text size="sm">{t('dashboards.received')}</Text>
        <Text fw={700}>
          {money(d.budget.receivedSatang)} {t('sales.baht')}
        </Text>
      </Group>
      <Group justify="space-between">
        <Text size="sm">{t('dashboards.spent')}</Text>
        <Text fw={700}>
          {money(d.budget.spentSatang)} {t('sales.baht')}
        </Text>
      </Group>
      <Progress value={share} aria-label={t('dashboards.spentShare', { share })} color="teal.8" />
      <Text size="xs" c="gray.7">
        {t('dashboards.spentShare', { share })}
      </Text>
    </Stack>
  );
}

function Funding({ d }: { d: Dashboard }) {
  const { t } = useLanguage();
  const sourceName = useSourceName();
  if (!d.funding.length) return <Text c="gray.7">{t('dashboards.noData')}</Text>;
  return (
    <Table striped fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('dashboards.source')}</Table.Th>
          <Table.Th ta="right">{t('dashboards.applied')}</Table.Th>
          <Table.Th ta="right">{t('dashboards.approved')}</Table.Th>
          <Table.Th ta="right">{t('dashboards.approvedBaht')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {d.funding.map((f) => (
          <Table.Tr key={f.sourceCode}>
            <Table.Td>{sourceName(f.sourceCode)}</Table.Td>
            <Table.Td ta="right">{f.applied}</Table.Td>
            <Table.Td ta="right">{f.approved}</Table.Td>
            <Table.Td ta="right">{money(f.approvedSatang)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Certificates({ d }: { d: Dashboard }) {
  const { t, language } = useLanguage();
  const standardName = useStandardName();
  return (
    <Stack gap="xs">
      <Text>
        {t('dashboards.expiring', { count: d.certificates.expiring })}{' '}
        {d.certificates.expiring > 0 && (
          <Anchor renderRoot={(props) => <Link {...props} to="/certifications" search={{ unit: d.unit }} />}>
            {t('dashboards.seeAll')}
          </Anchor>
        )}
      </Text>
      {d.certificates.next.map((c) => (
        <Group key={c.id} justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" style={{ minWidth: 0 }}>
            {c.subject} · {standardName(c.standardCode)}
          </Text>
          <Text size="sm" style={{ flexShrink: 0 }}>
            {formatDate(c.expiresOn, language)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** A province's districts ranked by services in the period, each a way to its own dashboard. */
function Ranking({ rows, onSelect }: { rows: DashboardChild[]; onSelect: (code: string) => void }) {
  const { t, nameOf } = useLanguage();
  const ranked = [...rows].sort((a, b) => b.services - a.services);
  const max = Math.max(1, ...ranked.map((r) => r.services));
  return (
    <Stack gap={4} data-testid="district-ranking">
      <Text size="xs" c="gray.7">
        {t('dashboards.rankedBy')}
      </Text>
      {ranked.map((r) => (
        <Group key={r.code} gap="xs" wrap="nowrap">
          <Anchor
            component="button"
            type="button"
            size="sm"
            w={{ base: 110, sm: 150 }}
            ta="left"
            onClick={() => onSelect(r.code)}
          >
            {nameOf(r)}
          </Anchor>
          <Box style={{ flex: 1 }}>
            <Box bg="blue.7" h={14} style={{ width: `${Math.max(1, (r.services / max) * 100)}%`, borderRadius: 3 }} />
          </Box>
          <Text size="sm" w={40} ta="right">
            {r.services}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** The units one level down: a table on a wide screen, on a phone the name with its main figures. */
function Children({ d, onSelect }: { d: Dashboard; onSelect: (code: string) => void }) {
  const { t, nameOf } = useLanguage();
  const phone = usePhone();
  const name = (c: DashboardChild) => (
    <Anchor component="button" type="button" size="sm" ta="left" onClick={() => onSelect(c.code)}>
      {nameOf(c)}
    </Anchor>
  );
  return (
    <Table.ScrollContainer minWidth={phone ? 0 : 900}>
      <Table striped fz="sm" data-testid="children-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{d.level === 'national' ? t('dashboards.province') : t('dashboards.district')}</Table.Th>
            <Table.Th ta="right">{t('dashboards.short.services')}</Table.Th>
            {!phone && <Table.Th ta="right">{t('dashboards.short.activities')}</Table.Th>}
            {!phone && <Table.Th ta="right">{t('dashboards.short.attendees')}</Table.Th>}
            <Table.Th ta="right">{t('dashboards.short.sales')}</Table.Th>
            {!phone && <Table.Th ta="right">{t('dashboards.approvedBaht')}</Table.Th>}
            {!phone && <Table.Th ta="right">{t('dashboards.short.expiring')}</Table.Th>}
            {!phone && <Table.Th ta="right">{t('dashboards.received')}</Table.Th>}
            {!phone && <Table.Th ta="right">{t('dashboards.spent')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.children.map((c) => (
            <Table.Tr key={c.code}>
              <Table.Td>{name(c)}</Table.Td>
              <Table.Td ta="right">{c.services}</Table.Td>
              {!phone && <Table.Td ta="right">{c.activities}</Table.Td>}
              {!phone && <Table.Td ta="right">{c.attendees}</Table.Td>}
              <Table.Td ta="right">{money(c.salesSatang)}</Table.Td>
              {!phone && <Table.Td ta="right">{money(c.fundingApprovedSatang)}</Table.Td>}
              {!phone && <Table.Td ta="right">{c.certificatesExpiring}</Table.Td>}
              {!phone && <Table.Td ta="right">{money(c.budgetReceivedSatang)}</Table.Td>}
              {!phone && <Table.Td ta="right">{money(c.budgetSpentSatang)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
