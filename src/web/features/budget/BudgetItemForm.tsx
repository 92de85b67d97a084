import { Group, Modal, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { BUDGET_LEVELS, type BudgetItem, createBudgetItemBody } from '#shared/budget';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { bahtError, satangOf } from '../../forms/money';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { useCreateBudgetItem } from './api';

/** The department adds a plan, project, main activity or activity to a fiscal year. */
export function BudgetItemForm({ fiscalYear, items, onClose }: { fiscalYear: number; items: BudgetItem[]; onClose: () => void }) {
  const { t } = useLanguage();
  const create = useCreateBudgetItem();
  const form = useSchemaForm({
    schema: createBudgetItemBody,
    initialValues: {
      level: 'activity' as BudgetItem['level'],
      parentId: '',
      name: '',
      objectives: '',
      indicators: '',
      quarters: [] as string[],
      budget: '',
      notes: '',
    },
    toBody: (v) => ({
      fiscalYear,
      level: v.level,
      parentId: v.parentId ? Number(v.parentId) : undefined,
      name: v.name,
      objectives: v.objectives,
      indicators: v.indicators,
      responsibleUnitCode: 'TH',
      quarters: v.quarters.map(Number),
      // Above the activity a budget is entered only when a source states it.
      budgetSatang: v.level !== 'activity' && v.budget.trim() === '' ? undefined : satangOf(v.budget),
      notes: v.notes,
    }),
    fieldOf: { budgetSatang: 'budget' },
    check: (v) =>
      (v.level === 'activity' || v.budget.trim() !== '') && bahtError(v.budget, t) ? { budget: bahtError(v.budget, t) } : {},
  });
  const submit = form.onSubmit((values) =>
    create.mutate(form.toBody(values), { onSuccess: onClose, onError: form.showServerErrors }),
  );
  const parents = items.filter((i) => BUDGET_LEVELS.indexOf(i.level) < BUDGET_LEVELS.indexOf(form.values.level));
  return (
    <Modal opened onClose={onClose} title={t('budget.addItem')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={create.error} fieldsShown />
          <Group grow>
            <Select
              label={t('budget.level')}
              data={BUDGET_LEVELS.map((l) => ({ value: l, label: t(`budget.levels.${l}`) }))}
              {...form.getInputProps('level')}
              allowDeselect={false}
            />
            <Select
              label={t('budget.parent')}
              clearable
              data={parents.map((p) => ({ value: String(p.id), label: p.name }))}
              {...form.getInputProps('parentId')}
            />
          </Group>
          <TextInput label={t('budget.name')} required {...form.getInputProps('name')} />
          <Textarea label={t('budget.objectives')} autosize minRows={2} {...form.getInputProps('objectives')} />
          <Textarea label={t('budget.indicators')} autosize minRows={2} {...form.getInputProps('indicators')} />
          <Group grow>
            <MultiSelect label={t('budget.quarter')} data={['1', '2', '3', '4']} {...form.getInputProps('quarters')} />
            <TextInput label={t('budget.amount')} required inputMode="decimal" {...form.getInputProps('budget')} />
          </Group>
          <Textarea label={t('budget.notes')} autosize {...form.getInputProps('notes')} />
          <FormActions onCancel={onClose} saving={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
