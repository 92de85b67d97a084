import { Button, Group, NumberInput, Table, Text, TextInput } from '@mantine/core';
import { formatBaht } from '#shared/thai/money';
import { useLanguage } from '../../i18n';
import { type ExpensePlanForm, emptyLine, totalOf } from './expensePlanForm';

/** The expense lines of a plan (item, quantity, unit, unit price) with their total against the allocation. */
export function ExpenseLinesTable({
  form,
  editable,
  allocatedSatang,
}: {
  form: ExpensePlanForm;
  editable: boolean;
  allocatedSatang: string | undefined;
}) {
  const { t } = useLanguage();
  const lines = form.values.lines;
  return (
    <>
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
            {lines.map((_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id until saved
              <Table.Tr key={i}>
                <Table.Td>
                  <TextInput
                    aria-label={`${t('expenses.item')} ${i + 1}`}
                    disabled={!editable}
                    {...form.getInputProps(`lines.${i}.item`)}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${t('expenses.quantity')} ${i + 1}`}
                    disabled={!editable}
                    min={1}
                    {...form.getInputProps(`lines.${i}.quantity`)}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${t('expenses.unit')} ${i + 1}`}
                    disabled={!editable}
                    {...form.getInputProps(`lines.${i}.unit`)}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${t('expenses.unitPrice')} ${i + 1}`}
                    disabled={!editable}
                    inputMode="decimal"
                    {...form.getInputProps(`lines.${i}.price`)}
                  />
                </Table.Td>
                <Table.Td>
                  {editable && lines.length > 1 && (
                    <Button
                      variant="subtle"
                      color="red.9"
                      c="red.9"
                      size="compact-xs"
                      onClick={() => form.removeListItem('lines', i)}
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
          <Button variant="subtle" size="xs" onClick={() => form.insertListItem('lines', emptyLine())}>
            {t('expenses.addLine')}
          </Button>
        ) : (
          <span />
        )}
        <Text fw={700} data-testid="expense-total">
          {t('expenses.total')} {formatBaht(totalOf(lines))}
          {allocatedSatang ? ` / ${formatBaht(BigInt(allocatedSatang))}` : ''}
        </Text>
      </Group>
    </>
  );
}
