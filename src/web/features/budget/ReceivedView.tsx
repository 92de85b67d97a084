import { Card, Table, Title } from '@mantine/core';
import type { BudgetItem } from '#shared/budget';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLanguage } from '../../i18n';
import { useAllocations } from './api';
import { money } from './money';

/** What the district received for an activity, by category and quarter. */
export function ReceivedView({ item, unit }: { item: BudgetItem; unit: string }) {
  const { t } = useLanguage();
  const list = useAllocations(item.id, unit);
  if (list.error) return <ErrorAlert error={list.error} />;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t('budget.receivedList')}
      </Title>
      <Table>
        <Table.Tbody>
          {list.data?.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{t(`budget.categories.${a.category}`)}</Table.Td>
              <Table.Td>
                {t('budget.quarter')} {a.quarter}
              </Table.Td>
              <Table.Td ta="right">{money(a.amountSatang)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
