import { Button, Card, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { type BudgetItem, EXPENSE_CATEGORIES } from '#shared/budget';
import { createDisbursementBody, PROCUREMENT_METHODS, type Spending } from '#shared/spending';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { FormActions } from '../../components/FormActions';
import { LoadingRows } from '../../components/LoadingRows';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { bahtError, satangOf } from '../../forms/money';
import { useSchemaForm } from '../../forms/schemaForm';
import { usePhone } from '../../hooks/phone';
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

/** One payment as a card on a phone: what, how much and the balance first, then when, how and the document. */
function PaymentCard({ payment: p }: { payment: Spending['items'][number] }) {
  const { t, language } = useLanguage();
  return (
    <Paper withBorder p="xs" data-testid="payment">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Text fw={600}>{p.description}</Text>
        <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
          {money(p.amountSatang)}
        </Text>
      </Group>
      <Text size="sm" c="gray.7">
        {formatDate(p.paidOn, language)} · {t(`spending.methods.${p.procurementMethod}`)} · {p.documentNo}
      </Text>
      <Text size="sm">
        {t('spending.balanceAfter')} {money(p.balanceAfterSatang)}
      </Text>
    </Paper>
  );
}

/** Payments of the unit against what it may spend, with the running balance. */
export function SpendingView({ item, unit }: { item: BudgetItem; unit: string }) {
  const { t, language } = useLanguage();
  const { data: me } = useMe();
  const narrow = usePhone();
  const [adding, setAdding] = useState(false);
  const spending = useSpending(item.id, unit);
  if (spending.error) return <ErrorAlert error={spending.error} />;
  const s = spending.data;
  const canPay = can(me, 'spending.write') && me?.orgUnit.code === unit;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('spending.title')}
        </Title>
        {canPay && <Button onClick={() => setAdding(true)}>{t('spending.add')}</Button>}
      </Group>
      {!s && <LoadingRows />}
      {s && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }} mb="sm">
            <Fact label={t('spending.allocated')}>{money(s.allocatedSatang)}</Fact>
            <Fact label={t('spending.spent')}>{money(s.spentSatang)}</Fact>
            <Fact label={t('spending.balance')}>{money(s.balanceSatang)}</Fact>
          </SimpleGrid>
          <Text size="sm" mb="xs" data-testid="quarter-shares">
            {t('spending.byQuarter')}:{' '}
            {s.byQuarter
              .map((q) => t('spending.quarterShare', { quarter: q.quarter, percent: Math.round(q.cumulativeShare * 100) }))
              .join(' · ')}
          </Text>
          {s.items.length === 0 && (
            <EmptyState
              title={t('spending.none')}
              hint={canPay ? t('spending.noneHintPay') : t('spending.noneHint')}
              testId="spending-empty"
            />
          )}
          {s.items.length > 0 &&
            (narrow ? (
              <Stack gap="xs">
                {s.items.map((p) => (
                  <PaymentCard key={p.id} payment={p} />
                ))}
              </Stack>
            ) : (
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('spending.paidOn')}</Table.Th>
                    <Table.Th>{t('spending.description')}</Table.Th>
                    <Table.Th>{t('spending.method')}</Table.Th>
                    <Table.Th>{t('spending.documentNo')}</Table.Th>
                    <Table.Th ta="right">{t('spending.amount')}</Table.Th>
                    <Table.Th ta="right">{t('spending.balanceAfter')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.items.map((p) => (
                    <Table.Tr key={p.id} data-testid="payment">
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(p.paidOn, language)}</Table.Td>
                      <Table.Td>{p.description}</Table.Td>
                      <Table.Td>{t(`spending.methods.${p.procurementMethod}`)}</Table.Td>
                      <Table.Td>{p.documentNo}</Table.Td>
                      <Table.Td ta="right">{money(p.amountSatang)}</Table.Td>
                      <Table.Td ta="right">{money(p.balanceAfterSatang)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ))}
        </>
      )}
      {adding && <PaymentForm item={item} unit={unit} onClose={() => setAdding(false)} />}
    </Card>
  );
}
