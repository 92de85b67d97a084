import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type Allocation, type BudgetItem, EXPENSE_CATEGORIES, type Register } from '#shared/budget';
import { fiscalYearOf } from '#shared/thai/calendar';
import { formatBaht, parseBahtOrNull } from '#shared/thai/money';
import { api, toQuery } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { FormActions } from '../../components/FormActions';
import { todayIso } from '../../dates';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useCurrentUnitCode, useOrgUnit } from '../home/units';
import { AllocationsMade } from './AllocationsMade';
import { BudgetItemForm } from './BudgetItemForm';
import { ExpensePlanEditor } from './ExpensePlanEditor';
import { SpendingView } from './SpendingView';
import { SubmissionsView } from './SubmissionsView';

const INDENT = { plan: 0, project: 0, main_activity: 20, activity: 40 } as const;
const money = (satang: string) => formatBaht(BigInt(satang));

function AllocateForm({ item, unit, onClose }: { item: BudgetItem; unit: string; onClose: () => void }) {
  const { t, nameOf } = useLanguage();
  const client = useQueryClient();
  const { data: unitDetail } = useOrgUnit(unit);
  const targets = [
    ...(unitDetail?.children.filter((c) => c.covered) ?? []).map((c) => ({ value: c.code, label: nameOf(c) })),
    ...(unit.length === 2 ? [{ value: unit, label: t('budget.ownShare') }] : []),
  ];
  const [form, setForm] = useState({
    toUnitCode: '',
    category: 'materials',
    quarter: item.quarters[0] ?? 1,
    amount: '',
    note: '',
  });
  const [amountError, setAmountError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (amountSatang: string) =>
      api<Allocation>('/api/budget/allocations', {
        method: 'POST',
        body: {
          itemId: item.id,
          fromUnitCode: unit,
          toUnitCode: form.toUnitCode,
          quarter: form.quarter,
          category: form.category,
          amountSatang,
          note: form.note,
        },
      }),
    onSuccess: () => {
      client.invalidateQueries();
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const satang = parseBahtOrNull(form.amount);
    setAmountError(satang === null ? t('budget.amount') : null);
    if (satang !== null) save.mutate(String(satang));
  };
  return (
    <Modal opened onClose={onClose} title={t('budget.allocate')}>
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <Select
            label={t('budget.to')}
            required
            searchable
            data={targets}
            value={form.toUnitCode || null}
            onChange={(v) => setForm((f) => ({ ...f, toUnitCode: v ?? '' }))}
          />
          <Group grow>
            <Select
              label={t('budget.category')}
              data={EXPENSE_CATEGORIES.map((c) => ({ value: c, label: t(`budget.categories.${c}`) }))}
              value={form.category}
              onChange={(v) => v && setForm((f) => ({ ...f, category: v }))}
              allowDeselect={false}
            />
            <NumberInput
              label={t('budget.quarter')}
              min={1}
              max={4}
              value={form.quarter}
              onChange={(v) => typeof v === 'number' && setForm((f) => ({ ...f, quarter: v }))}
            />
          </Group>
          <TextInput
            label={t('budget.amount')}
            required
            inputMode="decimal"
            error={amountError}
            value={form.amount}
            onChange={(e) => setForm((f) => ({ ...f, amount: e.currentTarget.value }))}
          />
          <TextInput
            label={t('budget.notes')}
            value={form.note}
            onChange={(e) => setForm((f) => ({ ...f, note: e.currentTarget.value }))}
          />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

function RegisterView({ item, unit }: { item: BudgetItem; unit: string }) {
  const { t, language } = useLanguage();
  const { data: me } = useMe();
  const [thaiDigits, setThaiDigits] = useState(false);
  const [allocating, setAllocating] = useState(false);
  const register = useQuery({
    queryKey: ['register', item.id, unit],
    queryFn: () => api<Register>(`/api/budget/items/${item.id}/register${toQuery({ unit })}`),
  });
  if (register.error) return <ErrorAlert error={register.error} />;
  const r = register.data;
  if (!r) return null;
  const canAllocate = can(me, 'budget.allocate') && me?.orgUnit.code === unit;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('budget.register')}
        </Title>
        <Group gap="xs">
          <Checkbox
            label={t('budget.thaiDigits')}
            checked={thaiDigits}
            onChange={(e) => setThaiDigits(e.currentTarget.checked)}
          />
          <Button
            component="a"
            variant="light"
            href={`/api/budget/items/${item.id}/register.pdf${toQuery({ unit, digits: thaiDigits ? 'thai' : 'arabic' })}`}
            download
          >
            {t('budget.pdf')}
          </Button>
          <Button component="a" variant="light" href={`/api/budget/items/${item.id}/register.xlsx${toQuery({ unit })}`} download>
            {t('budget.xlsx')}
          </Button>
          {unit.length === 2 && (
            <Button
              component="a"
              variant="light"
              href={`/api/budget/items/${item.id}/letter.pdf${toQuery({ unit, digits: thaiDigits ? 'thai' : 'arabic' })}`}
              download
            >
              {t('budget.letter')}
            </Button>
          )}
          {canAllocate && <Button onClick={() => setAllocating(true)}>{t('budget.allocate')}</Button>}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="sm">
        <Fact label={t('budget.received')}>{money(r.receivedSatang)}</Fact>
        <Fact label={t('budget.total')}>{money(r.totalSatang)}</Fact>
        <Fact label={t('budget.remainder')}>{money(r.remainderSatang)}</Fact>
      </SimpleGrid>
      <Table.ScrollContainer minWidth={560}>
        <Table striped data-testid="register">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('budget.unit')}</Table.Th>
              <Table.Th>{t('budget.category')}</Table.Th>
              <Table.Th>{t('budget.quarter')}</Table.Th>
              <Table.Th ta="right">{t('budget.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.rows.map((row, i) => (
              <Table.Tr key={`${row.unitCode}-${row.category}-${row.quarter}`}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>{row.ownShare ? t('budget.ownShare') : language === 'th' ? row.nameTh : row.nameEn}</Table.Td>
                <Table.Td>{t(`budget.categories.${row.category}`)}</Table.Td>
                <Table.Td>{row.quarter}</Table.Td>
                <Table.Td ta="right">{money(row.amountSatang)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td colSpan={4} fw={700}>
                {t('budget.total')}
              </Table.Td>
              <Table.Td ta="right" fw={700} data-testid="register-total">
                {money(r.totalSatang)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text ta="center" mt="xs">
        ({r.totalText})
      </Text>
      {allocating && <AllocateForm item={item} unit={unit} onClose={() => setAllocating(false)} />}
    </Card>
  );
}

function ReceivedView({ item, unit }: { item: BudgetItem; unit: string }) {
  const { t } = useLanguage();
  const list = useQuery({
    queryKey: ['allocations', item.id, unit],
    queryFn: () => api<Allocation[]>(`/api/budget/items/${item.id}/allocations${toQuery({ unit })}`),
  });
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

export function BudgetPage() {
  const { t } = useLanguage();
  const unit = useCurrentUnitCode();
  const current = fiscalYearOf(todayIso()).fiscalYear;
  const [fiscalYear, setFiscalYear] = useState(String(current));
  const [selected, setSelected] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const { data: me } = useMe();
  const items = useQuery({
    queryKey: ['budget-items', fiscalYear],
    queryFn: () => api<BudgetItem[]>(`/api/budget/items${toQuery({ fiscalYear })}`),
  });
  const item = items.data?.find((i) => i.id === selected);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('budget.title')}
        </Title>
        <Select
          label={t('budget.fiscalYear')}
          w={160}
          data={Array.from({ length: current - 2560 }, (_, i) => String(current - i))}
          value={fiscalYear}
          onChange={(v) => {
            if (v) setFiscalYear(v);
            setSelected(null);
          }}
          allowDeselect={false}
        />
      </Group>
      <ErrorAlert error={items.error} />
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t('budget.structure')}
          </Title>
          {can(me, 'budget.plan') && (
            <Button size="xs" onClick={() => setAdding(true)}>
              {t('budget.addItem')}
            </Button>
          )}
        </Group>
        {items.data?.length === 0 && <Text>{t('budget.none')}</Text>}
        <Stack gap={4}>
          {items.data?.map((i) => (
            <Group key={i.id} gap="xs" pl={INDENT[i.level]} wrap="nowrap" justify="space-between">
              <Group gap="xs" wrap="nowrap">
                <Badge variant="outline" color="dark" style={{ flexShrink: 0 }}>
                  {t(`budget.levels.${i.level}`)}
                </Badge>
                {i.level === 'activity' ? (
                  <Anchor
                    component="button"
                    type="button"
                    fw={i.id === selected ? 700 : 400}
                    onClick={() => setSelected(i.id)}
                    ta="left"
                  >
                    {i.name}
                  </Anchor>
                ) : (
                  <Text>{i.name}</Text>
                )}
              </Group>
              <Text style={{ whiteSpace: 'nowrap' }}>{money(i.budgetSatang)}</Text>
            </Group>
          ))}
        </Stack>
        {!item && items.data?.length ? (
          <Text size="sm" mt="sm">
            {t('budget.chooseActivity')}
          </Text>
        ) : null}
        {item?.notes && (
          <Text size="sm" mt="sm" c="gray.7">
            {t('budget.notes')}: {item.notes}
          </Text>
        )}
      </Card>
      {item && unit && unit.length === 4 && (
        <>
          <ReceivedView item={item} unit={unit} />
          <ExpensePlanEditor item={item} unit={unit} />
          <SpendingView item={item} unit={unit} />
        </>
      )}
      {item && unit && unit.length !== 4 && (
        <>
          <RegisterView item={item} unit={unit} />
          <AllocationsMade item={item} unit={unit} />
        </>
      )}
      {item && unit && unit.length === 2 && (
        <>
          <SubmissionsView item={item} unit={unit} />
          <SpendingView item={item} unit={unit} />
        </>
      )}
      {adding && <BudgetItemForm fiscalYear={Number(fiscalYear)} items={items.data ?? []} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
