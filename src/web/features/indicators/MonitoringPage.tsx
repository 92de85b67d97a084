import { Card, Group, Select, SimpleGrid, Skeleton, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { isDistrict } from '#shared/fields';
import { CENTER_INDICATORS, type CenterIndicators, RESULT_FIGURES } from '#shared/indicators';
import { fiscalYearOf } from '#shared/thai/calendar';
import { formatBaht } from '#shared/thai/money';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { todayIso } from '../../dates';
import { useCurrentUnitCode, useOrgUnit } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { type CellRef, useCenterIndicators } from './api';
import { CompletenessMatrix } from './CompletenessMatrix';
import { RecordsDrawer } from './RecordsDrawer';
import { StatusMark } from './status';

/** One center: each indicator as a card (opening its records), then the results of the period. */
function CenterView({ data, unitName }: { data: CenterIndicators; unitName: string }) {
  const { t } = useLanguage();
  const [open, setOpen] = useState<CellRef | null>(null);
  const period = data.quarter
    ? t('indicators.quarterN', { n: data.quarter })
    : `${t('indicators.fiscalYear')} ${data.fiscalYear}`;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="indicator-cards">
        {CENTER_INDICATORS.map((i) => (
          <UnstyledButton
            key={i}
            onClick={() =>
              setOpen({
                unit: data.unitCode,
                unitName,
                indicator: i,
                fiscalYear: data.fiscalYear,
                quarter: data.quarter ?? undefined,
              })
            }
          >
            <Card withBorder h="100%" data-indicator={i} data-status={data.indicators[i]}>
              <Text fw={600} mb={4}>
                {t(`indicators.names.${i}`)}
              </Text>
              <StatusMark status={data.indicators[i]} />
            </Card>
          </UnstyledButton>
        ))}
      </SimpleGrid>
      <Title order={2} size="h4">
        {t('indicators.results.title')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} data-testid="result-figures">
        {RESULT_FIGURES.map((f) => {
          const value = data.results[f];
          return (
            <Card withBorder key={f} padding="sm">
              <Text size="sm" c="gray.7">
                {t(`indicators.results.${f}`)}
              </Text>
              <Text fw={700} size="lg">
                {typeof value === 'string' ? formatBaht(BigInt(value)) : value.toLocaleString()}
              </Text>
            </Card>
          );
        })}
      </SimpleGrid>
      <RecordsDrawer cell={open} period={period} onClose={() => setOpen(null)} />
    </Stack>
  );
}

function CenterIndicatorsOf({ unit, fiscalYear, quarter }: { unit: string; fiscalYear: number; quarter: number | null }) {
  const { nameOf } = useLanguage();
  const indicators = useCenterIndicators(unit, fiscalYear, quarter);
  const orgUnit = useOrgUnit(unit);
  if (indicators.error) return <ErrorAlert error={indicators.error} />;
  if (!indicators.data) return <Skeleton h={240} />;
  return <CenterView data={indicators.data} unitName={orgUnit.data ? nameOf(orgUnit.data) : unit} />;
}

/** `/monitoring`: a district's indicators, a province's completeness matrix, the nation's shares per province. */
export function MonitoringPage() {
  const { t } = useLanguage();
  const unit = useCurrentUnitCode();
  const current = fiscalYearOf(todayIso()).fiscalYear;
  const [fiscalYear, setFiscalYear] = useState(current);
  const [quarter, setQuarter] = useState<number | null>(null);
  if (!unit) return <Skeleton h={300} />;
  return (
    <Stack>
      <PageHeader title={t('indicators.pageTitle')} />
      <Text c="gray.7">{t('indicators.intro')}</Text>
      <Group wrap="wrap" align="flex-end">
        <Select
          label={t('indicators.fiscalYear')}
          w={160}
          allowDeselect={false}
          data={[0, 1, 2, 3].map((i) => String(current - i))}
          value={String(fiscalYear)}
          onChange={(v) => v && setFiscalYear(Number(v))}
        />
        <Select
          label={t('indicators.quarter')}
          w={180}
          allowDeselect={false}
          data={[
            { value: '0', label: t('indicators.wholeYear') },
            ...[1, 2, 3, 4].map((q) => ({ value: String(q), label: t('indicators.quarterN', { n: q }) })),
          ]}
          value={String(quarter ?? 0)}
          onChange={(v) => setQuarter(v && v !== '0' ? Number(v) : null)}
        />
      </Group>
      {isDistrict(unit) ? (
        <CenterIndicatorsOf unit={unit} fiscalYear={fiscalYear} quarter={quarter} />
      ) : (
        <CompletenessMatrix unitCode={unit} fiscalYear={fiscalYear} quarter={quarter} />
      )}
    </Stack>
  );
}
