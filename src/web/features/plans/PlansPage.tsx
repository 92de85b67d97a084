import { Badge, Group, Select, Stack } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { isDistrict } from '#shared/fields';
import { PLAN_TERMS, type Plan } from '#shared/plans';
import { fiscalYearOf } from '#shared/thai/calendar';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { todayIso } from '../../dates';
import { usePage } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { usePlanList } from './api';
import { PlanForm, planYearOptions } from './PlanForm';
import { useBaht, usePlanYears } from './PlanParts';

/** The center's plans covering a fiscal year (this year first), short- and long-term. */
export function PlansPage() {
  const { t } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const years = usePlanYears();
  const baht = useBaht();
  const [fiscalYear, setFiscalYear] = useState<string | null>(String(fiscalYearOf(todayIso()).fiscalYear));
  const [term, setTerm] = useState<string | null>(null);
  const { page, setPage, filter } = usePage();
  const [adding, setAdding] = useState(false);
  const exportParams = { unit, fiscalYear, term, page, pageSize: 20 };
  const list = usePlanList(exportParams, !!unit);
  const canAdd = isDistrict(unit) && me?.orgUnit.code === unit && can(me, 'pipeline.write');
  const open = (p: Plan) => navigate({ to: '/plans/$id', params: { id: String(p.id) }, search: { unit } });
  return (
    <Stack>
      <PageHeader title={t('plans.title')} addLabel={t('plans.add')} onAdd={canAdd ? () => setAdding(true) : undefined} />
      <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-end">
        <Select
          label={t('plans.filters.year')}
          placeholder={t('plans.filters.allYears')}
          clearable
          data={planYearOptions().map((y) => ({ value: y, label: y }))}
          value={fiscalYear}
          onChange={filter(setFiscalYear)}
        />
        <Select
          label={t('plans.filters.term')}
          placeholder={t('plans.filters.allTerms')}
          clearable
          data={PLAN_TERMS.map((x) => ({ value: x, label: t(`plans.terms.${x}`) }))}
          value={term}
          onChange={filter(setTerm)}
        />
      </Group>
      <ErrorAlert error={list.error} />
      <RecordList
        exportFrom={{ path: '/api/plans', params: exportParams }}
        data={list.data}
        loading={list.isPending}
        page={page}
        onPage={setPage}
        onOpen={open}
        empty={
          term ? (
            <EmptyState title={t('plans.noMatch')} />
          ) : (
            <EmptyState
              title={fiscalYear ? t('plans.noMatch') : t('plans.empty')}
              hint={t('plans.emptyHint')}
              actionLabel={t('plans.add')}
              onAction={canAdd ? () => setAdding(true) : undefined}
            />
          )
        }
        columns={[
          { label: t('plans.fields.title'), render: (p) => p.title },
          {
            label: t('plans.fields.term'),
            render: (p) => <Badge variant="light">{t(`plans.terms.${p.term}`)}</Badge>,
            key: true,
          },
          { label: t('plans.fields.years'), render: years, key: true },
          { label: t('plans.fields.projectCount'), render: (p) => p.projectCount },
          { label: t('plans.fields.budget'), render: (p) => baht(p.budgetSatang), key: true },
        ]}
      />
      {adding && unit && <PlanForm unit={unit} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
