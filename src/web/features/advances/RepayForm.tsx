import { Button, Card, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { FormErrors } from '@mantine/form';
import { type Advance, repaymentBody } from '#shared/advances';
import { EXPENSE_CATEGORIES } from '#shared/budget';
import { PROCUREMENT_METHODS } from '#shared/spending';
import { formatBaht } from '#shared/thai/money';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { bahtError, bahtText, satangOf } from '../../forms/money';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { useRepayAdvance } from './api';

const emptyReceipt = () => ({
  paidOn: todayIso(),
  description: '',
  category: 'materials' as (typeof EXPENSE_CATEGORIES)[number],
  amount: '',
  procurementMethod: 'specific' as (typeof PROCUREMENT_METHODS)[number],
  vendor: '',
  documentNo: '',
  outsideQuarterReason: '',
});

/**
 * Repaying an approved advance: in cash (back to the activity's balance) or with receipts, each of which becomes a
 * payment of the activity with its document number. A receipt dated outside the allocated quarter needs a reason.
 */
export function RepayForm({ advance, onClose }: { advance: Advance; onClose: () => void }) {
  const { t, language } = useLanguage();
  const repay = useRepayAdvance(advance.id);
  const form = useSchemaForm({
    schema: repaymentBody,
    initialValues: {
      kind: 'receipts' as 'cash' | 'receipts',
      amount: bahtText(advance.balanceSatang),
      repaidOn: todayIso(),
      receipts: [emptyReceipt()],
    },
    toBody: (v) =>
      v.kind === 'cash'
        ? { kind: 'cash', amountSatang: satangOf(v.amount), repaidOn: v.repaidOn }
        : {
            kind: 'receipts',
            repaidOn: v.repaidOn,
            receipts: v.receipts.map(({ amount, ...r }) => ({ ...r, amountSatang: satangOf(amount) })),
          },
    fieldOf: { amountSatang: 'amount' },
    check: (v) => {
      const errors: FormErrors = {};
      if (v.kind === 'cash' && bahtError(v.amount, t)) errors.amount = bahtError(v.amount, t);
      if (v.kind === 'receipts')
        v.receipts.forEach((r, i) => {
          if (bahtError(r.amount, t)) errors[`receipts.${i}.amount`] = bahtError(r.amount, t);
        });
      return errors;
    },
  });
  const total = form.values.receipts.reduce((sum, r) => sum + BigInt(satangOf(r.amount) || 0), 0n);
  const submit = form.onSubmit((values) =>
    repay.mutate(form.toBody(values), { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={`${t('advances.repay')} · ${t('advances.contractNo')} ${advance.contractNo}`}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={repay.error} fieldsShown />
          <Text>
            {advance.borrowerName} · {t('advances.balance')} {formatBaht(BigInt(advance.balanceSatang))} · {t('advances.dueOn')}{' '}
            {formatDate(advance.dueOn, language)}
          </Text>
          <SegmentedControl
            aria-label={t('advances.kind')}
            data={(['receipts', 'cash'] as const).map((k) => ({ value: k, label: t(`advances.kinds.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <ThaiDateInput label={t('advances.repaidOn')} required {...form.getInputProps('repaidOn')} />
          {form.values.kind === 'cash' ? (
            <TextInput label={t('advances.amount')} required inputMode="decimal" {...form.getInputProps('amount')} />
          ) : (
            <>
              {form.values.receipts.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: receipts are edited in place and have no id until saved
                <Card key={i} withBorder padding="sm" data-testid="receipt">
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                    <ThaiDateInput label={t('advances.paidOn')} required {...form.getInputProps(`receipts.${i}.paidOn`)} />
                    <TextInput label={t('advances.documentNo')} required {...form.getInputProps(`receipts.${i}.documentNo`)} />
                    <TextInput label={t('advances.description')} required {...form.getInputProps(`receipts.${i}.description`)} />
                    <TextInput
                      label={t('advances.amount')}
                      required
                      inputMode="decimal"
                      {...form.getInputProps(`receipts.${i}.amount`)}
                    />
                    <Select
                      label={t('advances.category')}
                      allowDeselect={false}
                      data={EXPENSE_CATEGORIES.map((c) => ({ value: c, label: t(`budget.categories.${c}`) }))}
                      {...form.getInputProps(`receipts.${i}.category`)}
                    />
                    <Select
                      label={t('advances.method')}
                      allowDeselect={false}
                      data={PROCUREMENT_METHODS.map((m) => ({ value: m, label: t(`spending.methods.${m}`) }))}
                      {...form.getInputProps(`receipts.${i}.procurementMethod`)}
                    />
                    <TextInput
                      label={t('advances.vendor')}
                      required={r.procurementMethod !== 'none'}
                      {...form.getInputProps(`receipts.${i}.vendor`)}
                    />
                    <TextInput
                      label={t('advances.outsideQuarterReason')}
                      // Mantine's default description colour is too faint to read (axe colour contrast).
                      descriptionProps={{ c: 'gray.7' }}
                      description={t('advances.outsideQuarterHint')}
                      {...form.getInputProps(`receipts.${i}.outsideQuarterReason`)}
                    />
                  </SimpleGrid>
                  {form.values.receipts.length > 1 && (
                    <Button
                      variant="subtle"
                      color="red.9"
                      c="red.9"
                      size="xs"
                      mt="xs"
                      w="fit-content"
                      onClick={() => form.removeListItem('receipts', i)}
                    >
                      {t('advances.removeReceipt', { n: i + 1 })}
                    </Button>
                  )}
                </Card>
              ))}
              <Group justify="space-between">
                <Button variant="subtle" size="xs" onClick={() => form.insertListItem('receipts', emptyReceipt())}>
                  {t('advances.addReceipt')}
                </Button>
                <Text fw={600} data-testid="receipts-total">
                  {t('advances.receiptsTotal', { amount: formatBaht(total) })}
                </Text>
              </Group>
            </>
          )}
          <FormActions onCancel={onClose} saving={repay.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
