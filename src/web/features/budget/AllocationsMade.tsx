import { Button, Card, Group, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Allocation, BudgetItem } from '#shared/budget';
import { formatBaht } from '#shared/thai/money';
import { api, toQuery } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format';
import { useLanguage } from '../../i18n';

/** Every allocation the unit made, reversals included; a mistake is corrected by reversing, never deleting. */
export function AllocationsMade({ item, unit }: { item: BudgetItem; unit: string }) {
  const { t, language } = useLanguage();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['allocations', item.id, unit],
    queryFn: () => api<Allocation[]>(`/api/budget/items/${item.id}/allocations${toQuery({ unit })}`),
  });
  const [reversing, setReversing] = useState<Allocation | null>(null);
  const [note, setNote] = useState('');
  const reverse = useMutation({
    mutationFn: () => api<Allocation>(`/api/budget/allocations/${reversing!.id}/reverse`, { method: 'POST', body: { note } }),
    onSuccess: () => {
      client.invalidateQueries();
      setReversing(null);
      setNote('');
    },
  });
  const made = (list.data ?? []).filter((a) => a.fromUnitCode === unit);
  const reversed = new Set(made.map((a) => a.reversesId).filter(Boolean));
  if (!made.length) return null;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t('budget.allocationsMade')}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Tbody>
            {made.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{formatDateTime(a.createdAt, language)}</Table.Td>
                <Table.Td>{language === 'th' ? a.toUnitNameTh : a.toUnitNameEn}</Table.Td>
                <Table.Td>{t(`budget.categories.${a.category}`)}</Table.Td>
                <Table.Td ta="right">{formatBaht(BigInt(a.amountSatang))}</Table.Td>
                <Table.Td>{a.note}</Table.Td>
                <Table.Td>
                  {!a.reversesId && !reversed.has(a.id) && (
                    <Button size="compact-xs" variant="subtle" color="red.9" onClick={() => setReversing(a)}>
                      {t('budget.reverse')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {reversing && (
        <Modal opened onClose={() => setReversing(null)} title={t('budget.reverse')}>
          <Stack>
            <ErrorAlert error={reverse.error} />
            <Text>
              {language === 'th' ? reversing.toUnitNameTh : reversing.toUnitNameEn} · {formatBaht(BigInt(reversing.amountSatang))}
            </Text>
            <Textarea label={t('budget.reverseReason')} required value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setReversing(null)}>
                {t('common.cancel')}
              </Button>
              <Button color="red.9" loading={reverse.isPending} onClick={() => reverse.mutate()}>
                {t('budget.reverse')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Card>
  );
}
