import { Anchor, Badge, Button, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Advance, AdvanceRule } from '#shared/advances';
import { formatBaht, parseBahtOrNull } from '#shared/thai/money';
import type { User } from '#shared/users';
import { api, toQuery } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useCurrentUnitCode } from '../home/units';
import { useRecordList } from '../records/records';

const statusColor = { open: 'blue.9', overdue: 'red.9', repaid: 'green.9' } as const;

/** Amount typed in baht ("1,500.50") to satang digits, or null when it is not an amount. */
function satangOf(text: string): string | null {
  const satang = parseBahtOrNull(text);
  return satang === null ? null : String(satang);
}

function AdvanceForm({ unit, onClose }: { unit: string; onClose: () => void }) {
  const { t, language } = useLanguage();
  const client = useQueryClient();
  const rules = useQuery({ queryKey: ['advance-rules'], queryFn: () => api<AdvanceRule[]>('/api/advances/rules') });
  const approvers = useQuery({
    queryKey: ['approvers', unit],
    queryFn: () => api<{ id: number; displayName: string }[]>(`/api/advances/approvers${toQuery({ unit })}`),
  });
  const borrowers = useQuery({
    queryKey: ['users', { unit, all: true }],
    queryFn: () => api<{ items: User[] }>(`/api/users${toQuery({ unit, pageSize: 200 })}`),
  });
  const [form, setForm] = useState({
    borrowerId: '',
    approverId: '',
    ruleCode: 'activity',
    purpose: '',
    amount: '',
    receivedOn: todayIso(),
    returnedOn: null as string | null,
  });
  const [amountError, setAmountError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (amountSatang: string) =>
      api<Advance>('/api/advances', {
        method: 'POST',
        body: {
          orgUnitCode: unit,
          borrowerId: Number(form.borrowerId),
          approverId: Number(form.approverId),
          ruleCode: form.ruleCode,
          purpose: form.purpose,
          amountSatang,
          receivedOn: form.receivedOn,
          returnedOn: form.returnedOn ?? undefined,
        },
      }),
    onSuccess: () => {
      client.invalidateQueries();
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amount = satangOf(form.amount);
    setAmountError(amount ? null : t('advances.amount'));
    if (amount) save.mutate(amount);
  };
  const set = (key: keyof typeof form) => (value: string | null) => setForm((f) => ({ ...f, [key]: value ?? '' }));
  return (
    <Modal opened onClose={onClose} title={t('advances.add')}>
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <Select
            label={t('advances.borrower')}
            required
            searchable
            data={(borrowers.data?.items ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))}
            value={form.borrowerId || null}
            onChange={set('borrowerId')}
          />
          <Select
            label={t('advances.approver')}
            required
            searchable
            data={(approvers.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))}
            value={form.approverId || null}
            onChange={set('approverId')}
          />
          <Select
            label={t('advances.rule')}
            data={(rules.data ?? []).map((r) => ({
              value: r.code,
              label: `${language === 'th' ? r.nameTh : r.nameEn} (${r.days})`,
            }))}
            value={form.ruleCode}
            onChange={(v) => v && set('ruleCode')(v)}
            allowDeselect={false}
          />
          <TextInput
            label={t('advances.purpose')}
            required
            value={form.purpose}
            onChange={(e) => set('purpose')(e.currentTarget.value)}
          />
          <TextInput
            label={t('advances.amount')}
            required
            inputMode="decimal"
            error={amountError}
            value={form.amount}
            onChange={(e) => set('amount')(e.currentTarget.value)}
          />
          <ThaiDateInput
            label={t('advances.receivedOn')}
            required
            value={form.receivedOn}
            onChange={(v) => set('receivedOn')(v ?? todayIso())}
          />
          {form.ruleCode === 'travel' && (
            <ThaiDateInput
              label={t('advances.returnedOn')}
              required
              value={form.returnedOn}
              onChange={(v) => setForm((f) => ({ ...f, returnedOn: v }))}
            />
          )}
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

function RepayForm({ advance, onClose }: { advance: Advance; onClose: () => void }) {
  const { t, language } = useLanguage();
  const client = useQueryClient();
  const [kind, setKind] = useState<'cash' | 'receipts'>('receipts');
  const [amount, setAmount] = useState(formatBaht(BigInt(advance.balanceSatang)).replace(/,/g, ''));
  const [repaidOn, setRepaidOn] = useState(todayIso());
  const repay = useMutation({
    mutationFn: (amountSatang: string) =>
      api<Advance>(`/api/advances/${advance.id}/repayments`, { method: 'POST', body: { kind, amountSatang, repaidOn } }),
    onSuccess: () => {
      client.invalidateQueries();
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const satang = satangOf(amount);
    if (satang) repay.mutate(satang);
  };
  return (
    <Modal opened onClose={onClose} title={`${t('advances.repay')} #${advance.id}`}>
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={repay.error} />
          <Text>
            {advance.borrowerName} · {t('advances.balance')} {formatBaht(BigInt(advance.balanceSatang))} · {t('advances.dueOn')}{' '}
            {formatDate(advance.dueOn, language)}
          </Text>
          <SegmentedControl
            aria-label={t('advances.kind')}
            data={(['receipts', 'cash'] as const).map((k) => ({ value: k, label: t(`advances.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => setKind(v as typeof kind)}
          />
          <TextInput
            label={t('advances.amount')}
            required
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
          />
          <ThaiDateInput
            label={t('advances.repaidOn')}
            required
            value={repaidOn}
            onChange={(v) => setRepaidOn(v ?? todayIso())}
          />
          <FormActions onCancel={onClose} saving={repay.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

export function AdvancesPage() {
  const { t, language } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const [status, setStatus] = useState('all');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [repaying, setRepaying] = useState<Advance | null>(null);
  const list = useRecordList<Advance>('/api/advances', {
    unit,
    status: status === 'all' ? undefined : status,
    page,
    pageSize: 20,
  });
  const canWrite = can(me, 'advances.write') && unit !== 'TH';

  return (
    <Stack>
      <PageHeader title={t('advances.title')} addLabel={t('advances.add')} onAdd={canWrite ? () => setAdding(true) : undefined} />
      <SegmentedControl
        aria-label={t('fields.status')}
        data={[
          { value: 'all', label: t('common.all') },
          ...(['open', 'overdue', 'repaid'] as const).map((s) => ({ value: s, label: t(`advances.statuses.${s}`) })),
        ]}
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
      />
      <ErrorAlert error={list.error} />
      <RecordList
        data={list.data}
        page={page}
        onPage={setPage}
        minWidth={760}
        columns={[
          { label: '#', render: (a) => a.id },
          { label: t('advances.borrower'), render: (a) => a.borrowerName },
          { label: t('advances.purpose'), render: (a) => a.purpose },
          { label: t('advances.amount'), render: (a) => formatBaht(BigInt(a.amountSatang)) },
          {
            label: t('advances.balance'),
            render: (a) => <span data-testid={`balance-${a.id}`}>{formatBaht(BigInt(a.balanceSatang))}</span>,
          },
          { label: t('advances.dueOn'), render: (a) => formatDate(a.dueOn, language) },
          {
            label: t('advances.contract'),
            render: (a) => (
              <Anchor href={`/api/advances/${a.id}/contract.pdf`} download>
                PDF
              </Anchor>
            ),
          },
          {
            label: t('fields.status'),
            render: (a) => <Badge color={statusColor[a.status]}>{t(`advances.statuses.${a.status}`)}</Badge>,
          },
          {
            label: t('advances.repay'),
            render: (a) =>
              canWrite && a.status !== 'repaid' ? (
                <Button size="compact-sm" variant="light" onClick={() => setRepaying(a)}>
                  {t('advances.repay')}
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {adding && unit && <AdvanceForm unit={unit} onClose={() => setAdding(false)} />}
      {repaying && <RepayForm advance={repaying} onClose={() => setRepaying(null)} />}
    </Stack>
  );
}
