import { Group, Select, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { isDistrict, isProvince } from '#shared/fields';
import { fiscalYearOf } from '#shared/thai/calendar';
import { ErrorAlert } from '../../components/ErrorAlert';
import { todayIso } from '../../dates';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { RollupSection } from '../rollup/RollupSection';
import { AllocationsMade } from './AllocationsMade';
import { useBudgetItems } from './api';
import { BudgetItemForm } from './BudgetItemForm';
import { BudgetStructure } from './BudgetStructure';
import { ExpensePlanEditor } from './ExpensePlanEditor';
import { ReceivedView } from './ReceivedView';
import { RegisterView } from './RegisterView';
import { SpendingView } from './SpendingView';
import { SubmissionsView } from './SubmissionsView';

/** The budget of a fiscal year: its structure, and for the chosen activity what the unit in view does with it. */
export function BudgetPage() {
  const { t } = useLanguage();
  const unit = useCurrentUnitCode();
  const current = fiscalYearOf(todayIso()).fiscalYear;
  const [fiscalYear, setFiscalYear] = useState(String(current));
  const [selected, setSelected] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const { data: me } = useMe();
  const items = useBudgetItems(fiscalYear, unit);
  const item = items.data?.find((i) => i.id === selected);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('budget.title')}
        </Title>
        <Select
          label={t('budget.fiscalYear')}
          w={160}
          data={Array.from({ length: current - 2560 }, (_, i) => String(current - i))}
          value={fiscalYear}
          onChange={(v) => {
            if (v) setFiscalYear(v);
            setSelected(null);
          }}
          allowDeselect={false}
        />
      </Group>
      <ErrorAlert error={items.error} />
      {!items.error && (
        <BudgetStructure
          items={items.data}
          local={!!unit && unit !== 'TH'}
          selected={selected}
          onSelect={setSelected}
          onAdd={can(me, 'budget.plan') ? () => setAdding(true) : undefined}
        />
      )}
      {item && isDistrict(unit) && (
        <>
          <ReceivedView item={item} unit={unit} />
          <ExpensePlanEditor item={item} unit={unit} />
          <SpendingView item={item} unit={unit} />
        </>
      )}
      {item && unit && !isDistrict(unit) && (
        <>
          <RegisterView item={item} unit={unit} />
          <AllocationsMade item={item} unit={unit} />
          <RollupSection item={item} unit={unit} />
        </>
      )}
      {item && isProvince(unit) && (
        <>
          <SubmissionsView item={item} unit={unit} />
          <SpendingView item={item} unit={unit} />
        </>
      )}
      {adding && <BudgetItemForm fiscalYear={Number(fiscalYear)} items={items.data ?? []} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
