import { Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { createAdvanceBody } from '#shared/advances';
import { fiscalYearOf } from '#shared/thai/calendar';
import { formatBaht } from '#shared/thai/money';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { bahtError, satangOf } from '../../forms/money';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { useBudgetItems } from '../budget/api';
import { useActivityBalance, useAdvanceRules, useBorrowers, useCreateAdvance } from './api';

/**
 * Asking for an advance: an official of the unit borrows for an activity the unit received money for, never more
 * than the activity's unspent balance (shown under the amount). It then waits for the holder of delegated authority.
 */
export function AdvanceForm({ unit, onClose }: { unit: string; onClose: () => void }) {
  const { t, language } = useLanguage();
  const rules = useAdvanceRules();
  const borrowers = useBorrowers(unit);
  const save = useCreateAdvance();
  const form = useSchemaForm({
    schema: createAdvanceBody,
    initialValues: {
      itemId: '',
      borrowerId: '',
      ruleCode: 'activity',
      purpose: '',
      amount: '',
      receivedOn: todayIso(),
      returnedOn: null as string | null,
    },
    toBody: (v) => ({
      orgUnitCode: unit,
      itemId: Number(v.itemId) || undefined,
      borrowerId: Number(v.borrowerId) || undefined,
      ruleCode: v.ruleCode,
      purpose: v.purpose,
      amountSatang: satangOf(v.amount),
      receivedOn: v.receivedOn,
      returnedOn: v.returnedOn ?? undefined,
    }),
    fieldOf: { amountSatang: 'amount' },
    check: (v) => ({
      ...(bahtError(v.amount, t) ? { amount: bahtError(v.amount, t) } : {}),
      ...(v.ruleCode === 'travel' && !v.returnedOn ? { returnedOn: t('validation.required') } : {}),
    }),
  });
  const fiscalYear = String(fiscalYearOf(form.values.receivedOn || todayIso()).fiscalYear);
  const items = useBudgetItems(fiscalYear, unit);
  const activities = (items.data ?? []).filter((i) => i.level === 'activity' && BigInt(i.receivedSatang ?? 0) > 0n);
  const balance = useActivityBalance(Number(form.values.itemId) || null, unit);
  const submit = form.onSubmit((values) =>
    save.mutate(form.toBody(values), { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={t('advances.add')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          <Select
            label={t('advances.item')}
            required
            searchable
            data={activities.map((i) => ({ value: String(i.id), label: i.name }))}
            nothingFoundMessage={t('advances.noActivities')}
            {...form.getInputProps('itemId')}
          />
          <Select
            label={t('advances.borrower')}
            // Mantine's default description colour is too faint to read (axe colour contrast).
            descriptionProps={{ c: 'gray.7' }}
            description={t('advances.borrowerHint')}
            required
            searchable
            data={(borrowers.data ?? []).map((u) => ({
              value: String(u.id),
              label: u.position ? `${u.displayName} · ${u.position}` : u.displayName,
            }))}
            {...form.getInputProps('borrowerId')}
          />
          <Select
            label={t('advances.rule')}
            data={(rules.data ?? []).map((r) => ({
              value: r.code,
              label: t('advances.ruleDays', { name: language === 'th' ? r.nameTh : r.nameEn, count: r.days }),
            }))}
            allowDeselect={false}
            {...form.getInputProps('ruleCode')}
          />
          <TextInput label={t('advances.purpose')} required {...form.getInputProps('purpose')} />
          <TextInput label={t('advances.amount')} required inputMode="decimal" {...form.getInputProps('amount')} />
          {balance.data && (
            <Text size="sm" c="gray.7" data-testid="advance-available">
              {t('advances.available', { amount: formatBaht(BigInt(balance.data.balanceSatang)) })}
            </Text>
          )}
          <ThaiDateInput label={t('advances.receivedOn')} required {...form.getInputProps('receivedOn')} />
          {form.values.ruleCode === 'travel' && (
            <ThaiDateInput label={t('advances.returnedOn')} required {...form.getInputProps('returnedOn')} />
          )}
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
