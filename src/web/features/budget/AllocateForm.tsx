import { Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { type BudgetItem, createAllocationBody, EXPENSE_CATEGORIES } from '#shared/budget';
import { isProvince } from '#shared/fields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { NumberField } from '../../components/NumberField';
import { bahtError, satangOf } from '../../forms/money';
import { useSchemaForm } from '../../forms/schemaForm';
import { useOrgUnit } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { useAllocate } from './api';

/** The department or a province hands part of an activity's money to a unit below it (or keeps a share). */
export function AllocateForm({ item, unit, onClose }: { item: BudgetItem; unit: string; onClose: () => void }) {
  const { t, nameOf } = useLanguage();
  const { data: unitDetail } = useOrgUnit(unit);
  const save = useAllocate();
  const targets = [
    ...(unitDetail?.children.filter((c) => c.covered) ?? []).map((c) => ({ value: c.code, label: nameOf(c) })),
    ...(isProvince(unit) ? [{ value: unit, label: t('budget.ownShare') }] : []),
  ];
  const form = useSchemaForm({
    schema: createAllocationBody,
    initialValues: {
      toUnitCode: '',
      category: 'materials',
      quarter: (item.quarters[0] ?? 1) as number | '',
      amount: '',
      note: '',
    },
    toBody: (v) => ({
      itemId: item.id,
      fromUnitCode: unit,
      toUnitCode: v.toUnitCode,
      quarter: v.quarter === '' ? undefined : v.quarter,
      category: v.category,
      amountSatang: satangOf(v.amount),
      note: v.note,
    }),
    fieldOf: { amountSatang: 'amount' },
    check: (v) => (bahtError(v.amount, t) ? { amount: bahtError(v.amount, t) } : {}),
  });
  const submit = form.onSubmit((values) =>
    save.mutate(form.toBody(values), { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={t('budget.allocate')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          <Select label={t('budget.to')} required searchable data={targets} {...form.getInputProps('toUnitCode')} />
          <Group grow>
            <Select
              label={t('budget.category')}
              data={EXPENSE_CATEGORIES.map((c) => ({ value: c, label: t(`budget.categories.${c}`) }))}
              allowDeselect={false}
              {...form.getInputProps('category')}
            />
            <NumberField label={t('budget.quarter')} min={1} max={4} {...form.getInputProps('quarter')} />
          </Group>
          <TextInput label={t('budget.amount')} required inputMode="decimal" {...form.getInputProps('amount')} />
          <TextInput label={t('budget.notes')} {...form.getInputProps('note')} />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
