import { Box, Group, Select, Skeleton, Spoiler, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMemo, useState } from 'react';
import { type DashboardChild, mapClasses, mapColor, provinceShapes } from '#shared/dashboards';
import { CENTER_INDICATORS, type IndicatorSummaryRow } from '#shared/indicators';
import { formatBaht } from '#shared/thai/index';
import { useLanguage } from '../../i18n';
import { useIndicatorSummary } from '../indicators/api';
import { type Period, useProvinceShapes, useProvinces } from './api';

/** The map is drawn in this many SVG units across and scales to its container (a phone's 360 px too). */
const DRAW_WIDTH = 400;
const HATCH = 'province-map-no-data';

export interface MapValues {
  /** The value of each province that has one; the others are drawn hatched as "no data". */
  values: Map<string, number>;
  /** How a value reads: a share, a count or baht. */
  format: (value: number) => string;
  /** The top of the scale (100 for a share); default the largest value. */
  max?: number;
}

/**
 * Thailand's provinces as an SVG choropleth: each province a keyboard-focusable shape named "<name>: <value>",
 * Enter or a click selects it; the legend gives each colour's numbers, and a table under the map repeats the
 * values for screen readers and phones. `highlight` draws one province (a province's own dashboard) in the
 * darkest colour and the rest plain.
 */
export function ProvinceMap({
  values,
  format,
  max,
  highlight,
  label,
  onSelect,
}: MapValues & { highlight?: string; label: string; onSelect?: (code: string) => void }) {
  const { t, nameOf } = useLanguage();
  const topo = useProvinceShapes();
  const provinces = useProvinces();
  const [active, setActive] = useState<string | null>(null);
  const drawn = useMemo(() => (topo.data ? provinceShapes(topo.data, DRAW_WIDTH) : null), [topo.data]);
  const names = useMemo(() => new Map((provinces.data?.items ?? []).map((p) => [p.code, nameOf(p)])), [provinces.data, nameOf]);
  if (!drawn) return <Skeleton h={480} />;
  const classes = mapClasses([...values.values()], max);
  const fill = (code: string) =>
    highlight
      ? code === highlight
        ? classes[classes.length - 1].color
        : 'var(--mantine-color-gray-2)'
      : values.has(code)
        ? mapColor(classes, values.get(code))
        : `url(#${HATCH})`;
  const valueText = (code: string) => (values.has(code) ? format(values.get(code)!) : t('dashboards.noData'));
  const rows = drawn.shapes
    .map((s) => ({ code: s.code, name: names.get(s.code) ?? s.code }))
    .sort((a, b) => (values.get(b.code) ?? -1) - (values.get(a.code) ?? -1) || a.name.localeCompare(b.name, 'th'));

  return (
    <Stack gap="xs">
      <Box maw={440} mx="auto" w="100%">
        {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; the group names the provinces in it */}
        <svg
          viewBox={`0 0 ${drawn.width} ${drawn.height}`}
          width="100%"
          role="group"
          aria-label={label}
          data-testid="province-map"
          style={{ display: 'block' }}
        >
          <defs>
            <pattern id={HATCH} patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)">
              <rect width="4" height="4" fill="#f1f3f5" />
              <line x1="0" y1="0" x2="0" y2="4" stroke="#adb5bd" strokeWidth="1.5" />
            </pattern>
          </defs>
          {drawn.shapes.map((s) => {
            const name = names.get(s.code) ?? s.code;
            const on = active === s.code || highlight === s.code;
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; role and keys make it one
              <path
                key={s.code}
                d={s.d}
                data-code={s.code}
                fill={fill(s.code)}
                stroke={on ? '#212529' : '#ffffff'}
                strokeWidth={on ? 1.5 : 0.5}
                role="button"
                tabIndex={0}
                aria-label={`${name}: ${valueText(s.code)}`}
                style={{ cursor: onSelect ? 'pointer' : undefined, outline: 'none' }}
                onFocus={() => setActive(s.code)}
                onBlur={() => setActive(null)}
                onMouseEnter={() => setActive(s.code)}
                onMouseLeave={() => setActive(null)}
                onClick={() => onSelect?.(s.code)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onSelect?.(s.code);
                  }
                }}
              >
                <title>{`${name}: ${valueText(s.code)}`}</title>
              </path>
            );
          })}
        </svg>
      </Box>
      <Text size="sm" ta="center" mih={22} aria-live="polite">
        {active ? `${names.get(active) ?? active}: ${valueText(active)}` : ''}
      </Text>
      {!highlight && (
        <Group gap="sm" justify="center" data-testid="map-legend">
          {classes.map((c) => (
            <Group key={c.color} gap={4} wrap="nowrap">
              <Box w={14} h={14} bg={c.color} style={{ border: '1px solid var(--mantine-color-gray-5)' }} />
              <Text size="xs">
                {format(c.from)}–{format(c.to)}
              </Text>
            </Group>
          ))}
          <Group gap={4} wrap="nowrap">
            <svg width="14" height="14" aria-hidden="true">
              <rect width="14" height="14" fill={`url(#${HATCH})`} stroke="#adb5bd" />
            </svg>
            <Text size="xs">{t('dashboards.noData')}</Text>
          </Group>
        </Group>
      )}
      <Spoiler maxHeight={0} showLabel={t('dashboards.showTable')} hideLabel={t('dashboards.hideTable')}>
        <Table striped data-testid="map-table">
          <VisuallyHidden component="caption">{label}</VisuallyHidden>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboards.province')}</Table.Th>
              <Table.Th ta="right">{t('dashboards.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.code}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td ta="right">{valueText(r.code)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Spoiler>
    </Stack>
  );
}

/** What the national map can colour the provinces by. */
type Metric = (typeof CENTER_INDICATORS)[number] | 'services' | 'activities' | 'attendees' | 'sales';

const percent = (value: number) => `${Math.round(value)}%`;
const count = (value: number) => Math.round(value).toLocaleString('en-US');
const baht = (value: number) => formatBaht(Math.round(value * 100));

/** Per province the value of a metric: an indicator's share of centers meeting it, or a figure of the period. */
function metricValues(metric: Metric, rows: IndicatorSummaryRow[], figures: DashboardChild[] | undefined): MapValues {
  if (metric === 'services' || metric === 'activities' || metric === 'attendees' || metric === 'sales') {
    const source = figures
      ? figures.map((f) => ({
          code: f.code,
          services: f.services,
          activities: f.activities,
          attendees: f.attendees,
          sales: Number(f.salesSatang) / 100,
        }))
      : rows.map((r) => ({
          code: r.code,
          services: r.results.services,
          activities: r.results.activities,
          attendees: r.results.attendees,
          sales: Number(r.results.salesSatang) / 100,
        }));
    return { values: new Map(source.map((s) => [s.code, s[metric]])), format: metric === 'sales' ? baht : count };
  }
  const withCenters = rows.filter((r) => r.centers > 0);
  return {
    values: new Map(withCenters.map((r) => [r.code, ((r.met[metric] ?? 0) / r.centers) * 100])),
    format: percent,
    max: 100,
  };
}

/**
 * The national map with its picker: provinces coloured by the share of centers meeting an indicator (from the
 * indicators summary) or by a figure of the period. For the department's home page and the national dashboard.
 */
export function NationalMap({
  period,
  figures,
  onSelect,
}: {
  period: Omit<Period, 'unit'>;
  /** The national dashboard's rows per province, when the page has them. */
  figures?: DashboardChild[];
  onSelect?: (code: string) => void;
}) {
  const { t } = useLanguage();
  const summary = useIndicatorSummary('TH', Number(period.fiscalYear), period.quarter ? Number(period.quarter) : null);
  const hasIndicators = !!summary.data;
  // The seed's own indicator first, once the summary is there; a figure of the period until then.
  const [metric, setMetric] = useState<Metric | null>(null);
  const wanted = metric ?? (hasIndicators ? 'operating_guidelines' : 'services');
  const shown: Metric = !hasIndicators && CENTER_INDICATORS.includes(wanted as never) ? 'services' : wanted;
  const options = [
    ...(hasIndicators ? CENTER_INDICATORS.map((i) => ({ value: i, label: t(`indicators.names.${i}`) })) : []),
    ...(['services', 'activities', 'attendees', 'sales'] as const).map((m) => ({
      value: m,
      label: t(`dashboards.metrics.${m}`),
    })),
  ];
  const values = metricValues(shown, summary.data?.rows ?? [], figures);
  const label = t('dashboards.mapLabel', { metric: options.find((o) => o.value === shown)?.label ?? '' });
  return (
    <Stack gap="xs">
      <Select
        label={t('dashboards.mapBy')}
        data={options}
        value={shown}
        onChange={(v) => v && setMetric(v as Metric)}
        allowDeselect={false}
        maw={360}
      />
      <ProvinceMap {...values} label={label} onSelect={onSelect} />
    </Stack>
  );
}
