import {
  Alert,
  Button,
  Card,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { type BudgetItem, EXPENSE_CATEGORIES } from '#shared/budget';
import type { Approval } from '#shared/delegations';
import { createDisbursementBody, PROCUREMENT_METHODS, type Spending } from '#shared/spending';
import { fiscalYearOf } from '#shared/thai/index';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportMenu } from '../../components/ExportMenu';
import { Fact } from '../../components/Fact';
import { FormActions } from '../../components/FormActions';
import { LoadingRows } from '../../components/LoadingRows';
import { StatusBadge } from '../../components/StatusBadge';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { bahtError, satangOf } from '../../forms/money';
import { useSchemaForm } from '../../forms/schemaForm';
import { usePhone } from '../../hooks/phone';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useDecidePayment, usePay, useSpending, useSpendingAuthorities } from './api';
import { money } from './money';

type Payment = Spending['items'][number];
const statusColor = { pending: 'orange.9', approved: 'green.9', rejected: 'red.9' } as const;

/** Whether a day falls in one of the quarters the unit was allocated money for, in the activity's fiscal year. */
const withinQuarters = (day: string, fiscalYear: number, quarters: number[]) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return true;
  const at = fiscalYearOf(day);
  return at.fiscalYear === fiscalYear && quarters.includes(at.quarter);
};

function PaymentForm({
  item,
  unit,
  quarters,
  onClose,
}: {
  item: BudgetItem;
  unit: string;
  quarters: number[];
  onClose: () => void;
}) {
  const { t } = useLanguage();
  const pay = usePay();
  const form = useSchemaForm({
    schema: createDisbursementBody,
    initialValues: {
      paidOn: todayIso(),
      description: '',
      category: 'materials',
      amount: '',
      procurementMethod: 'specific',
      vendor: '',
      documentNo: '',
      outsideQuarterReason: '',
    },
    toBody: ({ amount, ...v }) => ({ ...v, itemId: item.id, orgUnitCode: unit, amountSatang: satangOf(amount) }),
    fieldOf: { amountSatang: 'amount' },
    check: (v) => ({
      ...(bahtError(v.amount, t) ? { amount: bahtError(v.amount, t) } : {}),
      ...(v.procurementMethod !== 'none' && !v.vendor.trim() ? { vendor: t('spending.vendorRequired') } : {}),
      ...(!withinQuarters(v.paidOn, item.fiscalYear, quarters) && v.outsideQuarterReason.trim().length < 10
        ? { outsideQuarterReason: t('spending.reasonRequired') }
        : {}),
    }),
  });
  const values = form.getValues();
  const outside = !withinQuarters(values.paidOn, item.fiscalYear, quarters);
  const submit = form.onSubmit((v) => pay.mutate(form.toBody(v), { onSuccess: onClose, onError: form.showServerErrors }));
  return (
    <Modal opened onClose={onClose} title={t('spending.add')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={pay.error} fieldsShown />
          <Text size="sm" c="gray.7">
            {t('spending.pendingHint')}
          </Text>
          <ThaiDateInput label={t('spending.paidOn')} required {...form.getInputProps('paidOn')} />
          {outside && (
            <Textarea
              label={t('spending.outsideQuarterReason')}
              // Mantine's default description colour is too faint to read (axe colour contrast).
              descriptionProps={{ c: 'gray.7' }}
              description={t('spending.outsideQuarterHint', {
                quarters: quarters.join(', ') || '-',
                fiscalYear: item.fiscalYear,
              })}
              required
              autosize
              minRows={2}
              {...form.getInputProps('outsideQuarterReason')}
            />
          )}
          <TextInput label={t('spending.description')} required {...form.getInputProps('description')} />
          <Group grow>
            <Select
              label={t('budget.category')}
              data={EXPENSE_CATEGORIES.map((c) => ({ value: c, label: t(`budget.categories.${c}`) }))}
              allowDeselect={false}
              {...form.getInputProps('category')}
            />
            <TextInput label={t('spending.amount')} required inputMode="decimal" {...form.getInputProps('amount')} />
          </Group>
          <Select
            label={t('spending.method')}
            data={PROCUREMENT_METHODS.map((m) => ({ value: m, label: t(`spending.methods.${m}`) }))}
            allowDeselect={false}
            {...form.getInputProps('procurementMethod')}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('spending.vendor')}
              required={values.procurementMethod !== 'none'}
              {...form.getInputProps('vendor')}
            />
            <TextInput label={t('spending.documentNo')} required {...form.getInputProps('documentNo')} />
          </Group>
          <FormActions onCancel={onClose} saving={pay.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Approving cites a delegation order the approver holds on the day of approval (the server checks it again). */
function ApproveDialog({ payment, unit, onClose }: { payment: Payment; unit: string; onClose: () => void }) {
  const { t, language } = useLanguage();
  const decide = useDecidePayment();
  const [approvedOn, setApprovedOn] = useState<string>(todayIso());
  const [orderId, setOrderId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const orders = useSpendingAuthorities(unit, approvedOn);
  const options = (orders.data ?? []).map((o) => ({
    value: String(o.id),
    label: t('spending.orderOption', { no: o.orderNo, date: formatDate(o.orderDate, language), delegator: o.delegator }),
  }));
  const chosen = orderId ?? options[0]?.value ?? null;
  const approve = () =>
    chosen &&
    decide.mutate(
      {
        id: payment.id,
        action: 'approve',
        body: { delegationOrderId: Number(chosen), approvedOn, note, version: payment.version },
      },
      { onSuccess: onClose },
    );
  return (
    <Modal opened onClose={onClose} title={t('spending.approveTitle')}>
      <Stack>
        <Text size="sm">
          {payment.description} · {money(payment.amountSatang)}
        </Text>
        <ErrorAlert error={decide.error ?? orders.error} />
        <ThaiDateInput label={t('spending.approvedOn')} required value={approvedOn} onChange={(d) => setApprovedOn(d ?? '')} />
        {orders.data && options.length === 0 && (
          <Alert color="orange" role="status" data-testid="no-authority">
            {t('spending.noAuthority')}
          </Alert>
        )}
        {options.length > 0 && (
          <Select
            label={t('spending.order')}
            data={options}
            value={chosen}
            onChange={setOrderId}
            allowDeselect={false}
            required
          />
        )}
        <Textarea label={t('spending.note')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={approve} disabled={!chosen} loading={decide.isPending}>
            {t('spending.approve')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RejectDialog({ payment, onClose }: { payment: Payment; onClose: () => void }) {
  const { t } = useLanguage();
  const decide = useDecidePayment();
  const [reason, setReason] = useState('');
  const tooShort = reason.trim().length < 3;
  return (
    <Modal opened onClose={onClose} title={t('spending.rejectTitle')}>
      <Stack>
        <Text size="sm">
          {payment.description} · {money(payment.amountSatang)}
        </Text>
        <ErrorAlert error={decide.error} />
        <Textarea
          label={t('spending.rejectReason')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red.9"
            disabled={tooShort}
            loading={decide.isPending}
            onClick={() =>
              decide.mutate(
                { id: payment.id, action: 'reject', body: { reason, version: payment.version } },
                { onSuccess: onClose },
              )
            }
          >
            {t('spending.reject')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** "Approved by …, position, on …, under order no. … of …" (or who rejected it and why). */
function DecisionLine({ payment: p }: { payment: Payment }) {
  const { t, language } = useLanguage();
  const a: Approval | null = p.approval;
  if (p.status === 'pending')
    return (
      <Text size="sm" c="gray.7">
        {t('spending.requestedBy', { name: p.requestedByName || '-' })}
      </Text>
    );
  if (!a) return null;
  const params = {
    name: a.approverName,
    position: a.approverPosition,
    date: formatDate(a.approvedOn, language),
    no: a.orderNo,
    orderDate: formatDate(a.orderDate, language),
    delegator: a.delegator,
  };
  return (
    <Text size="sm" c="gray.7" data-testid="approval">
      {p.status === 'approved' ? t('spending.approvedBy', params) : t('spending.rejectedBy', params)}
      {p.decisionNote && ` · ${p.decisionNote}`}
    </Text>
  );
}

function PaymentActions({ payment, onApprove, onReject }: { payment: Payment; onApprove: () => void; onReject: () => void }) {
  const { t } = useLanguage();
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="xs" onClick={onApprove} aria-label={`${t('spending.approve')} ${payment.documentNo}`}>
        {t('spending.approve')}
      </Button>
      <Button
        size="xs"
        variant="subtle"
        color="red.9"
        c="red.9"
        onClick={onReject}
        aria-label={`${t('spending.reject')} ${payment.documentNo}`}
      >
        {t('spending.reject')}
      </Button>
    </Group>
  );
}

/** Rejected payments stay listed, struck through: they never counted. */
const struck = (p: Payment) => (p.status === 'rejected' ? { textDecoration: 'line-through' } : undefined);

/** One payment as a card on a phone: what, how much and its state first, then when, how, the document and the decision. */
function PaymentCard({ payment: p, actions }: { payment: Payment; actions?: ReactNode }) {
  const { t, language } = useLanguage();
  return (
    <Paper withBorder p="xs" data-testid="payment" data-status={p.status}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Text fw={600} style={struck(p)}>
          {p.description}
        </Text>
        <Text fw={600} style={{ whiteSpace: 'nowrap', ...struck(p) }}>
          {money(p.amountSatang)}
        </Text>
      </Group>
      <StatusBadge color={statusColor[p.status]}>{t(`spending.statuses.${p.status}`)}</StatusBadge>
      <Text size="sm" c="gray.7">
        {formatDate(p.paidOn, language)} · {t(`spending.methods.${p.procurementMethod}`)} · {p.vendor && `${p.vendor} · `}
        {p.documentNo}
      </Text>
      {p.outsideQuarterReason && (
        <Text size="sm" c="gray.7">
          {t('spending.outsideQuarterReason')}: {p.outsideQuarterReason}
        </Text>
      )}
      <DecisionLine payment={p} />
      {p.status === 'approved' && (
        <Text size="sm">
          {t('spending.balanceAfter')} {money(p.balanceAfterSatang)}
        </Text>
      )}
      {actions}
    </Paper>
  );
}

/** Payments of the unit against what it may spend: approved with the running balance, pending ones to decide, rejected ones struck. */
export function SpendingView({ item, unit }: { item: BudgetItem; unit: string }) {
  const { t, language } = useLanguage();
  const { data: me } = useMe();
  const narrow = usePhone();
  const [adding, setAdding] = useState(false);
  const [approving, setApproving] = useState<Payment | null>(null);
  const [rejecting, setRejecting] = useState<Payment | null>(null);
  const spending = useSpending(item.id, unit);
  if (spending.error) return <ErrorAlert error={spending.error} />;
  const s = spending.data;
  const canPay = can(me, 'spending.write') && me?.orgUnit.code === unit;
  const canDecide = can(me, 'budget.approve');
  const actionsOf = (p: Payment) =>
    canDecide && p.status === 'pending' ? (
      <PaymentActions payment={p} onApprove={() => setApproving(p)} onReject={() => setRejecting(p)} />
    ) : undefined;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('spending.title')}
        </Title>
        <Group gap="xs">
          {!!s?.items.length && <ExportMenu source={{ path: `/api/budget/items/${item.id}/spending`, params: { unit } }} />}
          {canPay && <Button onClick={() => setAdding(true)}>{t('spending.add')}</Button>}
        </Group>
      </Group>
      {!s && <LoadingRows />}
      {s && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 5 }} mb="sm" data-testid="spending-totals">
            <Fact label={t('spending.allocated')}>{money(s.allocatedSatang)}</Fact>
            <Fact label={t('spending.spent')}>{money(s.spentSatang)}</Fact>
            <Fact label={t('spending.pending')}>{money(s.pendingSatang)}</Fact>
            <Fact label={t('spending.advanced')}>{money(s.advancedSatang)}</Fact>
            <Fact label={t('spending.balance')}>{money(s.balanceSatang)}</Fact>
          </SimpleGrid>
          <Text size="sm" mb="xs" data-testid="quarter-shares">
            {t('spending.byQuarter')}:{' '}
            {s.byQuarter
              .map((q) => t('spending.quarterShare', { quarter: q.quarter, percent: Math.round(q.cumulativeShare * 100) }))
              .join(' · ')}
          </Text>
          {s.items.length === 0 && (
            <EmptyState
              title={t('spending.none')}
              hint={canPay ? t('spending.noneHintPay') : t('spending.noneHint')}
              testId="spending-empty"
            />
          )}
          {s.items.length > 0 &&
            (narrow ? (
              <Stack gap="xs">
                {s.items.map((p) => (
                  <PaymentCard key={p.id} payment={p} actions={actionsOf(p)} />
                ))}
              </Stack>
            ) : (
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('spending.paidOn')}</Table.Th>
                    <Table.Th>{t('spending.description')}</Table.Th>
                    <Table.Th>{t('spending.method')}</Table.Th>
                    <Table.Th>{t('spending.documentNo')}</Table.Th>
                    <Table.Th ta="right">{t('spending.amount')}</Table.Th>
                    <Table.Th ta="right">{t('spending.balanceAfter')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.items.map((p) => (
                    <Table.Tr key={p.id} data-testid="payment" data-status={p.status}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(p.paidOn, language)}</Table.Td>
                      <Table.Td>
                        <Group gap="xs">
                          <Text size="sm" style={struck(p)}>
                            {p.description}
                          </Text>
                          <StatusBadge color={statusColor[p.status]}>{t(`spending.statuses.${p.status}`)}</StatusBadge>
                        </Group>
                        {p.vendor && (
                          <Text size="sm" c="gray.7">
                            {p.vendor}
                          </Text>
                        )}
                        {p.outsideQuarterReason && (
                          <Text size="sm" c="gray.7">
                            {t('spending.outsideQuarterReason')}: {p.outsideQuarterReason}
                          </Text>
                        )}
                        <DecisionLine payment={p} />
                        {actionsOf(p)}
                      </Table.Td>
                      <Table.Td>{t(`spending.methods.${p.procurementMethod}`)}</Table.Td>
                      <Table.Td>{p.documentNo}</Table.Td>
                      <Table.Td ta="right" style={struck(p)}>
                        {money(p.amountSatang)}
                      </Table.Td>
                      <Table.Td ta="right">{p.status === 'approved' ? money(p.balanceAfterSatang) : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ))}
        </>
      )}
      {adding && s && <PaymentForm item={item} unit={unit} quarters={s.quarters} onClose={() => setAdding(false)} />}
      {approving && <ApproveDialog payment={approving} unit={unit} onClose={() => setApproving(null)} />}
      {rejecting && <RejectDialog payment={rejecting} onClose={() => setRejecting(null)} />}
    </Card>
  );
}
