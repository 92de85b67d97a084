import { Alert, Badge, Button, Card, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { BudgetItem } from '#shared/budget';
import type { ExpensePlan } from '#shared/expenses';
import { formatBaht, parseBahtOrNull } from '#shared/thai/money';
import { api, toQuery } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';

type Line = { item: string; quantity: number; unit: string; price: string };
type Action = { what: string; month: string; who: string };
const statusColor = { draft: 'gray.7', submitted: 'blue.9', returned: 'orange.9', approved: 'green.9' } as const;

const satang = (baht: string) => parseBahtOrNull(baht || '0');

/** The district's expense lines and action plan for one activity: edit while draft or returned, then send. */
export function ExpensePlanEditor({ item, unit }: { item: BudgetItem; unit: string }) {
  const { t } = useLanguage();
  const { data: me } = useMe();
  const client = useQueryClient();
  const key = ['expense-plan', item.id, unit];
  const plan = useQuery({
    queryKey: key,
    queryFn: () => api<ExpensePlan | null>(`/api/budget/items/${item.id}/expense-plan${toQuery({ unit })}`),
  });
  const [lines, setLines] = useState<Line[]>([{ item: '', quantity: 1, unit: '', price: '' }]);
  const [actions, setActions] = useState<Action[]>([]);
  useEffect(() => {
    if (!plan.data) return;
    setLines(
      plan.data.lines.map((l) => ({
        item: l.item,
        quantity: l.quantity,
        unit: l.unit,
        price: formatBaht(BigInt(l.unitPriceSatang)).replace(/,/g, ''),
      })),
    );
    setActions(plan.data.actions);
  }, [plan.data]);
  const editable = can(me, 'expenses.write') && (!plan.data || plan.data.status === 'draft' || plan.data.status === 'returned');
  const body = (version?: number) => ({
    itemId: item.id,
    orgUnitCode: unit,
    version,
    lines: lines.map((l) => ({
      item: l.item,
      quantity: l.quantity,
      unit: l.unit,
      unitPriceSatang: String(satang(l.price) ?? 'x'),
    })),
    actions,
  });
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const save = useMutation({
    mutationFn: () => api<ExpensePlan>('/api/expense-plans', { method: 'PUT', body: body(plan.data?.version) }),
    onSuccess: refresh,
  });
  const submit = useMutation({
    mutationFn: async () => {
      const saved = await api<ExpensePlan>('/api/expense-plans', { method: 'PUT', body: body(plan.data?.version) });
      return api<ExpensePlan>(`/api/expense-plans/${saved.id}/submit`, { method: 'POST', body: { version: saved.version } });
    },
    onSuccess: refresh,
  });
  const total = lines.reduce((sum, l) => sum + (satang(l.price) ?? 0n) * BigInt(l.quantity || 0), 0n);
  const setLine = (i: number, patch: Partial<Line>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const setAction = (i: number, patch: Partial<Action>) =>
    setActions((as) => as.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('expenses.title')}
        </Title>
        <Group gap="xs">
          {plan.data && (
            <Badge color={statusColor[plan.data.status]} data-testid="expense-status">
              {t(`expenses.statuses.${plan.data.status}`)}
            </Badge>
          )}
          {plan.data && (
            <Button component="a" variant="light" size="xs" href={`/api/expense-plans/${plan.data.id}.pdf`} download>
              {t('expenses.pdf')}
            </Button>
          )}
        </Group>
      </Group>
      {plan.data?.status === 'returned' && plan.data.reviewComment && (
        <Alert color="orange" mb="sm" title={t('expenses.comment')}>
          {plan.data.reviewComment}
        </Alert>
      )}
      <ErrorAlert error={save.error ?? submit.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('expenses.item')}</Table.Th>
              <Table.Th w={90}>{t('expenses.quantity')}</Table.Th>
              <Table.Th w={100}>{t('expenses.unit')}</Table.Th>
              <Table.Th w={140}>{t('expenses.unitPrice')}</Table.Th>
              <Table.Th w={60} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id until saved
              <Table.Tr key={i}>
                <Table.Td>
                  <TextInput
                    aria-label={`${t('expenses.item')} ${i + 1}`}
                    disabled={!editable}
                    value={l.item}
                    onChange={(e) => setLine(i, { item: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${t('expenses.quantity')} ${i + 1}`}
                    disabled={!editable}
                    min={1}
                    value={l.quantity}
                    onChange={(v) => setLine(i, { quantity: Number(v) || 0 })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${t('expenses.unit')} ${i + 1}`}
                    disabled={!editable}
                    value={l.unit}
                    onChange={(e) => setLine(i, { unit: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${t('expenses.unitPrice')} ${i + 1}`}
                    disabled={!editable}
                    inputMode="decimal"
                    value={l.price}
                    error={satang(l.price) === null}
                    onChange={(e) => setLine(i, { price: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  {editable && lines.length > 1 && (
                    <Button
                      variant="subtle"
                      color="red.9"
                      size="compact-xs"
                      onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
                    >
                      {t('expenses.remove')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" mt="xs">
        {editable ? (
          <Button
            variant="subtle"
            size="xs"
            onClick={() => setLines((ls) => [...ls, { item: '', quantity: 1, unit: '', price: '' }])}
          >
            {t('expenses.addLine')}
          </Button>
        ) : (
          <span />
        )}
        <Text fw={700} data-testid="expense-total">
          {t('expenses.total')} {formatBaht(total)} / {plan.data ? formatBaht(BigInt(plan.data.allocatedSatang)) : ''}
        </Text>
      </Group>
      <Title order={3} size="h5" mt="md" mb="xs">
        {t('expenses.actions')}
      </Title>
      <Stack gap="xs">
        {actions.map((a, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id until saved
          <Group key={i} grow wrap="nowrap">
            <TextInput
              aria-label={`${t('expenses.what')} ${i + 1}`}
              placeholder={t('expenses.what')}
              disabled={!editable}
              value={a.what}
              onChange={(e) => setAction(i, { what: e.currentTarget.value })}
            />
            <TextInput
              aria-label={`${t('expenses.month')} ${i + 1}`}
              type="month"
              disabled={!editable}
              value={a.month}
              onChange={(e) => setAction(i, { month: e.currentTarget.value })}
            />
            <TextInput
              aria-label={`${t('expenses.who')} ${i + 1}`}
              placeholder={t('expenses.who')}
              disabled={!editable}
              value={a.who}
              onChange={(e) => setAction(i, { who: e.currentTarget.value })}
            />
          </Group>
        ))}
        {editable && (
          <Button
            variant="subtle"
            size="xs"
            w="fit-content"
            onClick={() => setActions((as) => [...as, { what: '', month: '', who: '' }])}
          >
            {t('expenses.addAction')}
          </Button>
        )}
      </Stack>
      {editable && (
        <Group justify="flex-end" mt="md">
          <Button variant="default" loading={save.isPending} onClick={() => save.mutate()}>
            {t('expenses.save')}
          </Button>
          <Button loading={submit.isPending} onClick={() => submit.mutate()}>
            {t('expenses.submit')}
          </Button>
        </Group>
      )}
    </Card>
  );
}
