import { Group, Modal, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { BUDGET_LEVELS, type BudgetItem } from '#shared/budget';
import { parseBahtOrNull } from '#shared/thai/money';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { useLanguage } from '../../i18n';

/** The department adds a plan, project, main activity or activity to a fiscal year. */
export function BudgetItemForm({ fiscalYear, items, onClose }: { fiscalYear: number; items: BudgetItem[]; onClose: () => void }) {
  const { t } = useLanguage();
  const client = useQueryClient();
  const [form, setForm] = useState({
    level: 'activity',
    parentId: '',
    name: '',
    objectives: '',
    indicators: '',
    quarters: [] as string[],
    budget: '',
    notes: '',
  });
  const [budgetError, setBudgetError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (budgetSatang: string) =>
      api<BudgetItem>('/api/budget/items', {
        method: 'POST',
        body: {
          fiscalYear,
          level: form.level,
          parentId: form.parentId ? Number(form.parentId) : undefined,
          name: form.name,
          objectives: form.objectives,
          indicators: form.indicators,
          responsibleUnitCode: 'TH',
          quarters: form.quarters.map(Number),
          budgetSatang,
          notes: form.notes,
        },
      }),
    onSuccess: () => {
      client.invalidateQueries();
      onClose();
    },
  });
  const set = (key: keyof typeof form) => (value: string | null) => setForm((f) => ({ ...f, [key]: value ?? '' }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const satang = parseBahtOrNull(form.budget);
    setBudgetError(satang === null ? t('budget.amount') : null);
    if (satang !== null) create.mutate(String(satang));
  };
  const parents = items.filter((i) => BUDGET_LEVELS.indexOf(i.level) < BUDGET_LEVELS.indexOf(form.level as BudgetItem['level']));
  return (
    <Modal opened onClose={onClose} title={t('budget.addItem')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={create.error} />
          <Group grow>
            <Select
              label={t('budget.level')}
              data={BUDGET_LEVELS.map((l) => ({ value: l, label: t(`budget.levels.${l}`) }))}
              value={form.level}
              onChange={(v) => v && set('level')(v)}
              allowDeselect={false}
            />
            <Select
              label={t('budget.parent')}
              clearable
              data={parents.map((p) => ({ value: String(p.id), label: p.name }))}
              value={form.parentId || null}
              onChange={set('parentId')}
            />
          </Group>
          <TextInput label={t('budget.name')} required value={form.name} onChange={(e) => set('name')(e.currentTarget.value)} />
          <Textarea
            label={t('budget.objectives')}
            autosize
            minRows={2}
            value={form.objectives}
            onChange={(e) => set('objectives')(e.currentTarget.value)}
          />
          <Textarea
            label={t('budget.indicators')}
            autosize
            minRows={2}
            value={form.indicators}
            onChange={(e) => set('indicators')(e.currentTarget.value)}
          />
          <Group grow>
            <MultiSelect
              label={t('budget.quarter')}
              data={['1', '2', '3', '4']}
              value={form.quarters}
              onChange={(v) => setForm((f) => ({ ...f, quarters: v }))}
            />
            <TextInput
              label={t('budget.amount')}
              required
              inputMode="decimal"
              error={budgetError}
              value={form.budget}
              onChange={(e) => set('budget')(e.currentTarget.value)}
            />
          </Group>
          <Textarea label={t('budget.notes')} autosize value={form.notes} onChange={(e) => set('notes')(e.currentTarget.value)} />
          <FormActions onCancel={onClose} saving={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
