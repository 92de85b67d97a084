import { Button, Card, Group, Modal, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { type Allocation, type BudgetItem, reverseAllocationBody } from '#shared/budget';
import { formatBaht } from '#shared/thai/money';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportMenu } from '../../components/ExportMenu';
import { formatDateTime } from '../../format';
import { useSchemaForm } from '../../forms/schemaForm';
import { usePhone } from '../../hooks/phone';
import { useLanguage } from '../../i18n';
import { useAllocations, useReverseAllocation } from './api';

/** Reverses a mistaken allocation with the reason; the original stays on record. */
function ReverseForm({ allocation, onClose }: { allocation: Allocation; onClose: () => void }) {
  const { t, language } = useLanguage();
  const reverse = useReverseAllocation();
  const form = useSchemaForm({ schema: reverseAllocationBody, initialValues: { note: '' }, toBody: (v) => v });
  const submit = form.onSubmit((values) =>
    reverse.mutate({ id: allocation.id, note: values.note }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={t('budget.reverse')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={reverse.error} fieldsShown />
          <Text>
            {language === 'th' ? allocation.toUnitNameTh : allocation.toUnitNameEn} ·{' '}
            {formatBaht(BigInt(allocation.amountSatang))}
          </Text>
          <Textarea label={t('budget.reverseReason')} required {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={reverse.isPending}>
              {t('budget.reverse')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Every allocation the unit made, reversals included; a mistake is corrected by reversing, never deleting. */
export function AllocationsMade({ item, unit }: { item: BudgetItem; unit: string }) {
  const { t, language } = useLanguage();
  const narrow = usePhone();
  const list = useAllocations(item.id, unit);
  const [reversing, setReversing] = useState<Allocation | null>(null);
  const made = (list.data ?? []).filter((a) => a.fromUnitCode === unit);
  const reversed = new Set(made.map((a) => a.reversesId).filter(Boolean));
  if (!made.length) return null;
  const reverseButton = (a: Allocation) =>
    !a.reversesId &&
    !reversed.has(a.id) && (
      <Button size="compact-xs" variant="subtle" color="red.9" c="red.9" onClick={() => setReversing(a)}>
        {t('budget.reverse')}
      </Button>
    );
  const toName = (a: Allocation) => (language === 'th' ? a.toUnitNameTh : a.toUnitNameEn);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('budget.allocationsMade')}
        </Title>
        <ExportMenu source={{ path: `/api/budget/items/${item.id}/allocations`, params: { unit, direction: 'made' } }} />
      </Group>
      {narrow ? (
        <Stack gap="xs">
          {made.map((a) => (
            <Paper key={a.id} withBorder p="xs" data-testid="allocation-made">
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Text fw={600}>{toName(a)}</Text>
                <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {formatBaht(BigInt(a.amountSatang))}
                </Text>
              </Group>
              <Text size="sm" c="gray.7">
                {formatDateTime(a.createdAt, language)} · {t(`budget.categories.${a.category}`)} · {t('budget.quarter')}{' '}
                {a.quarter}
              </Text>
              {a.note && <Text size="sm">{a.note}</Text>}
              {reverseButton(a)}
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('budget.createdAt')}</Table.Th>
              <Table.Th>{t('budget.to')}</Table.Th>
              <Table.Th>{t('budget.category')}</Table.Th>
              <Table.Th>{t('budget.quarter')}</Table.Th>
              <Table.Th ta="right">{t('budget.amount')}</Table.Th>
              <Table.Th>{t('budget.notes')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {made.map((a) => (
              <Table.Tr key={a.id} data-testid="allocation-made">
                <Table.Td>{formatDateTime(a.createdAt, language)}</Table.Td>
                <Table.Td>{toName(a)}</Table.Td>
                <Table.Td>{t(`budget.categories.${a.category}`)}</Table.Td>
                <Table.Td>{a.quarter}</Table.Td>
                <Table.Td ta="right">{formatBaht(BigInt(a.amountSatang))}</Table.Td>
                <Table.Td>{a.note}</Table.Td>
                <Table.Td>{reverseButton(a)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {reversing && <ReverseForm allocation={reversing} onClose={() => setReversing(null)} />}
    </Card>
  );
}
