import { Anchor, Card, Group, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { codeInScope } from '#shared/access';
import { levelOf } from '#shared/fields';
import type { Rollup } from '#shared/spending';
import { fiscalYearOf } from '#shared/thai/calendar';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportMenu } from '../../components/ExportMenu';
import { todayIso } from '../../dates';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { useMe } from '../auth/session';
import { useBudgetItems } from '../budget/api';
import { useRollup } from './api';
import { RollupTable } from './RollupTable';

/** The unit one level up, when the user may look at it. */
const parentOf = (code: string) => (levelOf(code) === 'district' ? code.slice(0, 2) : levelOf(code) === 'province' ? 'TH' : null);

/** The roll-up with its heading, or an empty state when no money of the year is under the unit. */
export function RollupView({ rollup }: { rollup: Rollup }) {
  const { t } = useLanguage();
  const moneyless =
    rollup.total.allocatedSatang === '0' && rollup.total.spentSatang === '0' && rollup.total.pendingSatang === '0';
  if (moneyless) return <EmptyState title={t('rollup.none')} hint={t('rollup.noneHint')} testId="rollup-empty" />;
  return (
    <Stack gap="xs">
      <Text size="sm" c="gray.7">
        {t('rollup.measuredAt', { quarter: rollup.quarter, fiscalYear: rollup.fiscalYear })}
      </Text>
      <RollupTable rollup={rollup} />
    </Stack>
  );
}

/** `/spending`: how the fiscal year's money is used under the unit in view, per unit one level down. */
export function RollupPage() {
  const { t, nameOf } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const current = fiscalYearOf(todayIso()).fiscalYear;
  const [fiscalYear, setFiscalYear] = useState(String(current));
  const [itemId, setItemId] = useState<string | null>(null);
  const items = useBudgetItems(fiscalYear, unit);
  const params = { unit, fiscalYear, itemId };
  const rollup = useRollup(params);
  const r = rollup.data;
  const up = unit ? parentOf(unit) : null;
  const canGoUp = !!up && !!me && codeInScope(me.orgUnit.code, up);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={1} size="h2">
            {t('rollup.title')}
            {r ? ` · ${nameOf(r.unit)}` : ''}
          </Title>
          {canGoUp && (
            <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/spending" search={{ unit: up }} />}>
              {t('rollup.up')}
            </Anchor>
          )}
        </Stack>
        <Group gap="xs" align="flex-end">
          <Select
            label={t('budget.fiscalYear')}
            w={130}
            data={Array.from({ length: current - 2560 }, (_, i) => String(current - i))}
            value={fiscalYear}
            onChange={(v) => {
              if (v) setFiscalYear(v);
              setItemId(null);
            }}
            allowDeselect={false}
          />
          <Select
            label={t('rollup.activity')}
            w={{ base: '100%', sm: 320 }}
            data={[
              { value: '', label: t('rollup.allActivities') },
              ...(items.data ?? []).filter((i) => i.level === 'activity').map((i) => ({ value: String(i.id), label: i.name })),
            ]}
            value={itemId ?? ''}
            onChange={(v) => setItemId(v || null)}
            allowDeselect={false}
          />
          {r && <ExportMenu source={{ path: '/api/spending/rollup', params }} />}
        </Group>
      </Group>
      <ErrorAlert error={rollup.error} />
      {!r && !rollup.error && <Skeleton h={320} />}
      {r && (
        <Card withBorder>
          <RollupView rollup={r} />
        </Card>
      )}
    </Stack>
  );
}
