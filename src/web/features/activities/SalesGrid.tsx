import { Button, Card, Group, ScrollArea, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { FormErrors } from '@mantine/form';
import { useState } from 'react';
import { type ActivityDetail, saveEventSalesBody } from '#shared/activities';
import { addDays } from '#shared/thai/calendar';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NumberField } from '../../components/NumberField';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { bahtError, bahtText, satangOf } from '../../forms/money';
import { useSchemaForm } from '../../forms/schemaForm';
import { usePhone } from '../../hooks/phone';
import { useLanguage } from '../../i18n';
import { bahtOf } from './ActivityParts';
import { useSaveSales } from './api';

/** The days of the event that have happened: sales are never dated in the future. */
function daysOf(a: ActivityDetail): string[] {
  const today = todayIso();
  const days: string[] = [];
  for (let day = a.startsOn; day <= a.endsOn && day <= today; day = addDays(day, 1)) days.push(day);
  return days;
}

/** A market event's takings: a group × day table with totals, and the same cells to fill in when recording. */
export function SalesGrid({ activity, mayChange }: { activity: ActivityDetail; mayChange: boolean }) {
  const { t, language } = useLanguage();
  const [editing, setEditing] = useState(false);
  const days = daysOf(activity);
  const cell = (groupId: number, day: string) => activity.sales.find((s) => s.groupId === groupId && s.saleDate === day);
  const dayLabel = (day: string) => formatDate(day, language);
  return (
    <Card withBorder data-testid="sales-grid">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('activities.sales.title')}
          </Title>
          {mayChange && !editing && activity.groups.length > 0 && days.length > 0 && (
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('activities.sales.edit')}
            </Button>
          )}
        </Group>
        {activity.groups.length === 0 && <Text c="gray.7">{t('activities.sales.noGroups')}</Text>}
        {editing ? (
          <SalesForm activity={activity} days={days} onClose={() => setEditing(false)} />
        ) : (
          activity.groups.length > 0 && (
            // Wide events scroll inside this card, never the page.
            <ScrollArea type="auto" offsetScrollbars>
              <Table withTableBorder withColumnBorders striped miw={Math.min(320 + days.length * 120, 1400)}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('activities.sales.group')}</Table.Th>
                    {days.map((day) => (
                      <Table.Th key={day} ta="right">
                        {dayLabel(day)}
                      </Table.Th>
                    ))}
                    <Table.Th ta="right">{t('activities.sales.total')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {activity.groups.map((g) => (
                    <Table.Tr key={g.id}>
                      <Table.Td>{g.name}</Table.Td>
                      {days.map((day) => {
                        const sale = cell(g.id, day);
                        return (
                          <Table.Td key={day} ta="right">
                            {sale ? bahtOf(sale.amountSatang) : '–'}
                          </Table.Td>
                        );
                      })}
                      <Table.Td ta="right" fw={700} data-testid={`group-total-${g.id}`}>
                        {bahtOf(activity.salesByGroup.find((s) => s.groupId === g.id)?.amountSatang ?? '0')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th>{t('activities.sales.total')}</Table.Th>
                    {days.map((day) => (
                      <Table.Th key={day} ta="right" data-testid={`day-total-${day}`}>
                        {bahtOf(activity.salesByDay.find((d) => d.saleDate === day)?.amountSatang ?? '0')}
                      </Table.Th>
                    ))}
                    <Table.Th ta="right">{bahtOf(activity.salesTotalSatang)}</Table.Th>
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </ScrollArea>
          )
        )}
        {!editing && (
          <Text fw={700} data-testid="sales-total">
            {activity.sales.length
              ? t('activities.sales.grandTotal', { amount: bahtOf(activity.salesTotalSatang) })
              : t('activities.sales.none')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

type Cell = { groupId: number; saleDate: string; amount: string; quantity: number | string };

/** Every group × day cell of the event; empty cells are days a group did not sell. The whole grid is saved at once. */
function SalesForm({ activity, days, onClose }: { activity: ActivityDetail; days: string[]; onClose: () => void }) {
  const { t, language } = useLanguage();
  const phone = usePhone();
  const save = useSaveSales(activity.id);
  const cells: Cell[] = activity.groups.flatMap((g) =>
    days.map((day) => {
      const sale = activity.sales.find((s) => s.groupId === g.id && s.saleDate === day);
      return {
        groupId: g.id,
        saleDate: day,
        amount: sale ? bahtText(sale.amountSatang) : '',
        quantity: sale?.quantity ?? '',
      };
    }),
  );
  const filled = (c: Cell) => c.amount.trim() !== '' || c.quantity !== '';
  const form = useSchemaForm({
    schema: saveEventSalesBody,
    initialValues: { cells },
    toBody: (v) => ({
      version: activity.version,
      rows: v.cells.filter(filled).map((c) => ({
        groupId: c.groupId,
        saleDate: c.saleDate,
        amountSatang: satangOf(c.amount),
        quantity: c.quantity === '' ? undefined : Number(c.quantity),
      })),
    }),
    check: (v) => {
      const errors: FormErrors = {};
      v.cells.forEach((c, i) => {
        const amountError =
          bahtError(c.amount, t) ?? (filled(c) && !c.amount.trim() ? t('activities.sales.amountRequired') : undefined);
        if (amountError) errors[`cells.${i}.amount`] = amountError;
      });
      return errors;
    },
  });
  const submit = form.onSubmit((v) => save.mutate(form.toBody(v), { onSuccess: onClose }));
  const nameOf = (groupId: number) => activity.groups.find((g) => g.id === groupId)?.name ?? '';
  const label = (what: string, c: Cell) => `${what} ${nameOf(c.groupId)} ${formatDate(c.saleDate, language)}`;
  const amountInput = (i: number, c: Cell) => (
    <TextInput
      label={phone ? t('activities.sales.amount') : undefined}
      aria-label={label(t('activities.sales.amount'), c)}
      inputMode="decimal"
      {...form.getInputProps(`cells.${i}.amount`)}
    />
  );
  const quantityInput = (i: number, c: Cell) => (
    <NumberField
      label={phone ? t('activities.sales.quantity') : undefined}
      aria-label={label(t('activities.sales.quantity'), c)}
      min={0}
      max={10_000_000}
      allowDecimal={false}
      allowNegative={false}
      {...form.getInputProps(`cells.${i}.quantity`)}
    />
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="gray.7">
          {t('activities.sales.emptyHint')}
        </Text>
        <ErrorAlert error={save.error} />
        {phone ? (
          // On a phone: one card per group per day.
          <Stack gap="xs">
            {form.getValues().cells.map((c, i) => (
              <Card key={`${c.groupId}:${c.saleDate}`} withBorder padding="sm">
                <Text fw={700} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {nameOf(c.groupId)}
                </Text>
                <Text size="sm" c="gray.7">
                  {formatDate(c.saleDate, language)}
                </Text>
                <SimpleGrid cols={2} spacing="xs">
                  {amountInput(i, c)}
                  {quantityInput(i, c)}
                </SimpleGrid>
              </Card>
            ))}
          </Stack>
        ) : (
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('activities.sales.group')}</Table.Th>
                <Table.Th>{t('activities.sales.day')}</Table.Th>
                <Table.Th>{t('activities.sales.amount')}</Table.Th>
                <Table.Th>{t('activities.sales.quantity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.getValues().cells.map((c, i) => (
                <Table.Tr key={`${c.groupId}:${c.saleDate}`}>
                  <Table.Td>{nameOf(c.groupId)}</Table.Td>
                  <Table.Td>{formatDate(c.saleDate, language)}</Table.Td>
                  <Table.Td>{amountInput(i, c)}</Table.Td>
                  <Table.Td>{quantityInput(i, c)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('activities.sales.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
