import { Button, Card, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { type BudgetItem, EXPENSE_CATEGORIES } from '#shared/budget';
import { createDisbursementBody, PROCUREMENT_METHODS } from '#shared/spending';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { bahtError, satangOf } from '../../forms/money';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { usePay, useSpending } from './api';
import { money } from './money';

function PaymentForm({ item, unit, onClose }: { item: BudgetItem; unit: string; onClose: () => void }) {
  const { t } = useLanguage();
  const pay = usePay();
  const form = useSchemaForm({
    schema: createDisbursementBody,
    initialValues: {
      paidOn: todayIso(),
      description: '',
      category: 'materials',
      amount: '',
      procurementMethod: 'specific',
      vendor: '',
      documentNo: '',
    },
    toBody: ({ amount, ...v }) => ({ ...v, itemId: item.id, orgUnitCode: unit, amountSatang: satangOf(amount) }),
    fieldOf: { amountSatang: 'amount' },
    check: (v) => (bahtError(v.amount, t) ? { amount: bahtError(v.amount, t) } : {}),
  });
  const submit = form.onSubmit((values) =>
    pay.mutate(form.toBody(values), { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={t('spending.add')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={pay.error} fieldsShown />
          <ThaiDateInput label={t('spending.paidOn')} required {...form.getInputProps('paidOn')} />
          <TextInput label={t('spending.description')} required {...form.getInputProps('description')} />
          <Group grow>
            <Select
              label={t('budget.category')}
              data={EXPENSE_CATEGORIES.map((c) => ({ value: c, label: t(`budget.categories.${c}`) }))}
              allowDeselect={false}
              {...form.getInputProps('category')}
            />
            <TextInput label={t('spending.amount')} required inputMode="decimal" {...form.getInputProps('amount')} />
          </Group>
          <Select
            label={t('spending.method')}
            data={PROCUREMENT_METHODS.map((m) => ({ value: m, label: t(`spending.methods.${m}`) }))}
            allowDeselect={false}
            {...form.getInputProps('procurementMethod')}
          />
          <Group grow>
            <TextInput label={t('spending.vendor')} {...form.getInputProps('vendor')} />
            <TextInput label={t('spending.documentNo')} required {...form.getInputProps('documentNo')} />
          </Group>
          <FormActions onCancel={onClose} saving={pay.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Payments of the unit against what it may spend, with the running balance. */
export function SpendingView({ item, unit }: { item: BudgetItem; unit: string }) {
  const { t, language } = useLanguage();
  const { data: me } = useMe();
  const [adding, setAdding] = useState(false);
  const spending = useSpending(item.id, unit);
  if (spending.error) return <ErrorAlert error={spending.error} />;
  const s = spending.data;
  if (!s) return null;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('spending.title')}
        </Title>
        {can(me, 'spending.write') && me?.orgUnit.code === unit && (
          <Button onClick={() => setAdding(true)}>{t('spending.add')}</Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="sm">
        <Fact label={t('spending.allocated')}>{money(s.allocatedSatang)}</Fact>
        <Fact label={t('spending.spent')}>{money(s.spentSatang)}</Fact>
        <Fact label={t('spending.balance')}>{money(s.balanceSatang)}</Fact>
      </SimpleGrid>
      <Text size="sm" mb="xs">
        {t('spending.byQuarter')}: {s.byQuarter.map((q) => `Q${q.quarter} ${Math.round(q.cumulativeShare * 100)}%`).join(' · ')}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Tbody>
            {s.items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{formatDate(p.paidOn, language)}</Table.Td>
                <Table.Td>{p.description}</Table.Td>
                <Table.Td>{t(`spending.methods.${p.procurementMethod}`)}</Table.Td>
                <Table.Td>{p.documentNo}</Table.Td>
                <Table.Td ta="right">{money(p.amountSatang)}</Table.Td>
                <Table.Td ta="right">{money(p.balanceAfterSatang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {adding && <PaymentForm item={item} unit={unit} onClose={() => setAdding(false)} />}
    </Card>
  );
}
