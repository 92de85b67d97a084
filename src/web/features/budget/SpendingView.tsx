import { Button, Card, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type BudgetItem, EXPENSE_CATEGORIES } from '#shared/budget';
import { PROCUREMENT_METHODS, type Spending } from '#shared/spending';
import { formatBaht, parseBahtOrNull } from '#shared/thai/money';
import { api, toQuery } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';

const money = (satang: string) => formatBaht(BigInt(satang));

function PaymentForm({ item, unit, onClose }: { item: BudgetItem; unit: string; onClose: () => void }) {
  const { t } = useLanguage();
  const client = useQueryClient();
  const [form, setForm] = useState({
    paidOn: todayIso(),
    description: '',
    category: 'materials',
    amount: '',
    procurementMethod: 'specific',
    vendor: '',
    documentNo: '',
  });
  const [amountError, setAmountError] = useState<string | null>(null);
  const pay = useMutation({
    mutationFn: (amountSatang: string) =>
      api<Spending>('/api/disbursements', {
        method: 'POST',
        body: { ...form, amount: undefined, itemId: item.id, orgUnitCode: unit, amountSatang },
      }),
    onSuccess: () => {
      client.invalidateQueries();
      onClose();
    },
  });
  const set = (key: keyof typeof form) => (value: string | null) => setForm((f) => ({ ...f, [key]: value ?? '' }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const satang = parseBahtOrNull(form.amount);
    setAmountError(satang === null ? t('spending.amount') : null);
    if (satang !== null) pay.mutate(String(satang));
  };
  return (
    <Modal opened onClose={onClose} title={t('spending.add')}>
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={pay.error} />
          <ThaiDateInput
            label={t('spending.paidOn')}
            required
            value={form.paidOn}
            onChange={(v) => set('paidOn')(v ?? todayIso())}
          />
          <TextInput
            label={t('spending.description')}
            required
            value={form.description}
            onChange={(e) => set('description')(e.currentTarget.value)}
          />
          <Group grow>
            <Select
              label={t('budget.category')}
              data={EXPENSE_CATEGORIES.map((c) => ({ value: c, label: t(`budget.categories.${c}`) }))}
              value={form.category}
              onChange={(v) => v && set('category')(v)}
              allowDeselect={false}
            />
            <TextInput
              label={t('spending.amount')}
              required
              inputMode="decimal"
              error={amountError}
              value={form.amount}
              onChange={(e) => set('amount')(e.currentTarget.value)}
            />
          </Group>
          <Select
            label={t('spending.method')}
            data={PROCUREMENT_METHODS.map((m) => ({ value: m, label: t(`spending.methods.${m}`) }))}
            value={form.procurementMethod}
            onChange={(v) => v && set('procurementMethod')(v)}
            allowDeselect={false}
          />
          <Group grow>
            <TextInput label={t('spending.vendor')} value={form.vendor} onChange={(e) => set('vendor')(e.currentTarget.value)} />
            <TextInput
              label={t('spending.documentNo')}
              required
              value={form.documentNo}
              onChange={(e) => set('documentNo')(e.currentTarget.value)}
            />
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
  const spending = useQuery({
    queryKey: ['spending', item.id, unit],
    queryFn: () => api<Spending>(`/api/budget/items/${item.id}/spending${toQuery({ unit })}`),
  });
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
