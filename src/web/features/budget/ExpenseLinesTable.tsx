import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { formatBaht } from '#shared/thai/money';
import { NumberField } from '../../components/NumberField';
import { usePhone } from '../../hooks/phone';
import { useLanguage } from '../../i18n';
import { type ExpensePlanForm, emptyLine, totalOf } from './expensePlanForm';
import { amountInWords } from './money';

/** The four inputs of one expense line; named "รายการ 1", "จำนวน 1"… so a screen reader and a test can tell rows apart. */
function useLineFields(form: ExpensePlanForm, editable: boolean) {
  const { t } = useLanguage();
  return (i: number) => ({
    item: (
      <TextInput aria-label={`${t('expenses.item')} ${i + 1}`} disabled={!editable} {...form.getInputProps(`lines.${i}.item`)} />
    ),
    quantity: (
      <NumberField
        aria-label={`${t('expenses.quantity')} ${i + 1}`}
        disabled={!editable}
        min={1}
        {...form.getInputProps(`lines.${i}.quantity`)}
      />
    ),
    unit: (
      <TextInput aria-label={`${t('expenses.unit')} ${i + 1}`} disabled={!editable} {...form.getInputProps(`lines.${i}.unit`)} />
    ),
    price: (
      <TextInput
        aria-label={`${t('expenses.unitPrice')} ${i + 1}`}
        disabled={!editable}
        inputMode="decimal"
        {...form.getInputProps(`lines.${i}.price`)}
      />
    ),
    remove: editable && form.values.lines.length > 1 && (
      <Button variant="subtle" color="red.9" c="red.9" size="compact-xs" onClick={() => form.removeListItem('lines', i)}>
        {t('expenses.remove')}
      </Button>
    ),
  });
}

/**
 * The expense lines of a plan (item, quantity, unit, unit price) with their total against the allocation: a table on a
 * wide screen, one card per line on a phone.
 */
export function ExpenseLinesTable({
  form,
  editable,
  allocatedSatang,
}: {
  form: ExpensePlanForm;
  editable: boolean;
  allocatedSatang: string | undefined;
}) {
  const { t, language } = useLanguage();
  const narrow = usePhone();
  const fieldsOf = useLineFields(form, editable);
  const lines = form.values.lines;
  const total = totalOf(lines);
  const caption = (text: string) => (
    <Text size="xs" c="gray.7">
      {text}
    </Text>
  );
  return (
    <>
      {narrow ? (
        <Stack gap="xs">
          {lines.map((_, i) => {
            const f = fieldsOf(i);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id until saved
              <Paper key={i} withBorder p="xs" data-testid="expense-line">
                {caption(`${t('expenses.item')} ${i + 1}`)}
                {f.item}
                <SimpleGrid cols={3} spacing="xs" mt={4}>
                  <div>
                    {caption(t('expenses.quantity'))}
                    {f.quantity}
                  </div>
                  <div>
                    {caption(t('expenses.unit'))}
                    {f.unit}
                  </div>
                  <div>
                    {caption(t('expenses.unitPrice'))}
                    {f.price}
                  </div>
                </SimpleGrid>
                {f.remove}
              </Paper>
            );
          })}
        </Stack>
      ) : (
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
            {lines.map((_, i) => {
              const f = fieldsOf(i);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id until saved
                <Table.Tr key={i} data-testid="expense-line">
                  <Table.Td>{f.item}</Table.Td>
                  <Table.Td>{f.quantity}</Table.Td>
                  <Table.Td>{f.unit}</Table.Td>
                  <Table.Td>{f.price}</Table.Td>
                  <Table.Td>{f.remove}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="space-between" align="flex-start" mt="xs">
        {editable ? (
          <Button variant="subtle" size="xs" onClick={() => form.insertListItem('lines', emptyLine())}>
            {t('expenses.addLine')}
          </Button>
        ) : (
          <span />
        )}
        <Stack gap={0} align="flex-end">
          <Text fw={700} data-testid="expense-total">
            {t('expenses.total')} {formatBaht(total)} {t('expenses.baht')}
          </Text>
          <Text size="sm">({amountInWords(String(total), language)})</Text>
          {allocatedSatang && (
            <Text size="sm" c="gray.7" data-testid="expense-allocated">
              {t('budget.received')} {formatBaht(BigInt(allocatedSatang))} {t('expenses.baht')}
            </Text>
          )}
        </Stack>
      </Group>
    </>
  );
}
