import { Card, Group, Table, Title } from '@mantine/core';
import type { BudgetItem } from '#shared/budget';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportMenu } from '../../components/ExportMenu';
import { LoadingRows } from '../../components/LoadingRows';
import { useLanguage } from '../../i18n';
import { useAllocations } from './api';
import { money } from './money';

/** What the district received for an activity, by category and quarter. */
export function ReceivedView({ item, unit }: { item: BudgetItem; unit: string }) {
  const { t } = useLanguage();
  const list = useAllocations(item.id, unit);
  if (list.error) return <ErrorAlert error={list.error} />;
  const received = list.data?.filter((a) => a.toUnitCode === unit);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('budget.receivedList')}
        </Title>
        {!!received?.length && (
          <ExportMenu source={{ path: `/api/budget/items/${item.id}/allocations`, params: { unit, direction: 'received' } }} />
        )}
      </Group>
      {!received && <LoadingRows rows={1} />}
      {received?.length === 0 && (
        <EmptyState title={t('budget.noneReceived')} hint={t('budget.noneReceivedHint')} testId="received-empty" />
      )}
      {!!received?.length && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('budget.category')}</Table.Th>
              <Table.Th>{t('budget.quarter')}</Table.Th>
              <Table.Th ta="right">{t('budget.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {received.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{t(`budget.categories.${a.category}`)}</Table.Td>
                <Table.Td>{a.quarter}</Table.Td>
                <Table.Td ta="right">{money(a.amountSatang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
