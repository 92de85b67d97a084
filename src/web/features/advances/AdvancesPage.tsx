import { Anchor, Button, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { type Advance, createAdvanceBody, repaymentBody } from '#shared/advances';
import { formatBaht } from '#shared/thai/money';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { LoadingRows } from '../../components/LoadingRows';
import { PageHeader } from '../../components/PageHeader';
import { type Column, RecordList } from '../../components/RecordList';
import { StatusBadge } from '../../components/StatusBadge';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { bahtError, bahtText, satangOf } from '../../forms/money';
import { useSchemaForm } from '../../forms/schemaForm';
import { usePhone } from '../../hooks/phone';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useUsers } from '../users/api';
import { useAdvanceList, useAdvanceRules, useApprovers, useCreateAdvance, useRepayAdvance } from './api';

const statusColor = { open: 'blue.9', overdue: 'red.9', repaid: 'green.9' } as const;

function AdvanceForm({ unit, onClose }: { unit: string; onClose: () => void }) {
  const { t, language } = useLanguage();
  const rules = useAdvanceRules();
  const approvers = useApprovers(unit);
  const borrowers = useUsers({ unit, pageSize: 200 });
  const save = useCreateAdvance();
  const form = useSchemaForm({
    schema: createAdvanceBody,
    initialValues: {
      borrowerId: '',
      approverId: '',
      ruleCode: 'activity',
      purpose: '',
      amount: '',
      receivedOn: todayIso(),
      returnedOn: null as string | null,
    },
    toBody: (v) => ({
      orgUnitCode: unit,
      borrowerId: Number(v.borrowerId) || undefined,
      approverId: Number(v.approverId) || undefined,
      ruleCode: v.ruleCode,
      purpose: v.purpose,
      amountSatang: satangOf(v.amount),
      receivedOn: v.receivedOn,
      returnedOn: v.returnedOn ?? undefined,
    }),
    fieldOf: { amountSatang: 'amount' },
    check: (v) => ({
      ...(bahtError(v.amount, t) ? { amount: bahtError(v.amount, t) } : {}),
      ...(v.ruleCode === 'travel' && !v.returnedOn ? { returnedOn: t('validation.required') } : {}),
    }),
  });
  const submit = form.onSubmit((values) =>
    save.mutate(form.toBody(values), { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={t('advances.add')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          <Select
            label={t('advances.borrower')}
            required
            searchable
            data={(borrowers.data?.items ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))}
            {...form.getInputProps('borrowerId')}
          />
          <Select
            label={t('advances.approver')}
            required
            searchable
            data={(approvers.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))}
            {...form.getInputProps('approverId')}
          />
          <Select
            label={t('advances.rule')}
            data={(rules.data ?? []).map((r) => ({
              value: r.code,
              label: t('advances.ruleDays', { name: language === 'th' ? r.nameTh : r.nameEn, count: r.days }),
            }))}
            allowDeselect={false}
            {...form.getInputProps('ruleCode')}
          />
          <TextInput label={t('advances.purpose')} required {...form.getInputProps('purpose')} />
          <TextInput label={t('advances.amount')} required inputMode="decimal" {...form.getInputProps('amount')} />
          <ThaiDateInput label={t('advances.receivedOn')} required {...form.getInputProps('receivedOn')} />
          {form.values.ruleCode === 'travel' && (
            <ThaiDateInput label={t('advances.returnedOn')} required {...form.getInputProps('returnedOn')} />
          )}
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

function RepayForm({ advance, onClose }: { advance: Advance; onClose: () => void }) {
  const { t, language } = useLanguage();
  const repay = useRepayAdvance(advance.id);
  const form = useSchemaForm({
    schema: repaymentBody,
    initialValues: { kind: 'receipts' as 'cash' | 'receipts', amount: bahtText(advance.balanceSatang), repaidOn: todayIso() },
    toBody: (v) => ({ kind: v.kind, amountSatang: satangOf(v.amount), repaidOn: v.repaidOn }),
    fieldOf: { amountSatang: 'amount' },
    check: (v) => (bahtError(v.amount, t) ? { amount: bahtError(v.amount, t) } : {}),
  });
  const submit = form.onSubmit((values) =>
    repay.mutate(form.toBody(values), { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={`${t('advances.repay')} · ${t('advances.contractNo')} ${advance.contractNo}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={repay.error} fieldsShown />
          <Text>
            {advance.borrowerName} · {t('advances.balance')} {formatBaht(BigInt(advance.balanceSatang))} · {t('advances.dueOn')}{' '}
            {formatDate(advance.dueOn, language)}
          </Text>
          <SegmentedControl
            aria-label={t('advances.kind')}
            data={(['receipts', 'cash'] as const).map((k) => ({ value: k, label: t(`advances.kinds.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <TextInput label={t('advances.amount')} required inputMode="decimal" {...form.getInputProps('amount')} />
          <ThaiDateInput label={t('advances.repaidOn')} required {...form.getInputProps('repaidOn')} />
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
  const narrow = usePhone();
  const [status, setStatus] = useState('all');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [repaying, setRepaying] = useState<Advance | null>(null);
  const list = useAdvanceList({
    unit,
    status: status === 'all' ? undefined : status,
    page,
    pageSize: 20,
  });
  // An advance is recorded and repaid by the officers of its own unit (the province approves, it does not write).
  const canWrite = can(me, 'advances.write') && !!unit && unit === me?.orgUnit.code;

  const statusBadge = (a: Advance) => (
    <StatusBadge color={statusColor[a.status]} data-testid="advance-status">
      {t(`advances.statuses.${a.status}`)}
    </StatusBadge>
  );
  const contractLink = (a: Advance) => (
    <Anchor
      href={`/api/advances/${a.id}/contract.pdf`}
      download
      aria-label={`${t('advances.contract')} ${a.contractNo}`}
      style={{ whiteSpace: 'nowrap' }}
    >
      {t('advances.contractPdf')}
    </Anchor>
  );
  const repayButton = (a: Advance) =>
    canWrite && a.orgUnitCode === unit && a.status !== 'repaid' ? (
      <Button size="compact-sm" variant="light" onClick={() => setRepaying(a)}>
        {t('advances.repay')}
      </Button>
    ) : null;
  const balance = (a: Advance) => <span data-testid={`balance-${a.id}`}>{formatBaht(BigInt(a.balanceSatang))}</span>;
  // On a phone two columns carry everything: who, what and when on the left; the money, status and actions on the right.
  const columns: Column<Advance>[] = narrow
    ? [
        {
          label: t('advances.borrower'),
          render: (a) => (
            <Stack gap={0}>
              <Text size="sm" c="gray.7">
                {t('advances.contractNo')} {a.contractNo}
              </Text>
              <Text fw={600}>{a.borrowerName}</Text>
              <Text size="sm">{a.purpose}</Text>
              <Text size="sm">
                {t('advances.dueOn')} {formatDate(a.dueOn, language)}
              </Text>
            </Stack>
          ),
        },
        {
          label: t('advances.balance'),
          render: (a) => (
            <Stack gap={4} align="flex-end">
              <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
                {balance(a)}
              </Text>
              <Text size="sm" c="gray.7" style={{ whiteSpace: 'nowrap' }}>
                {t('advances.of')} {formatBaht(BigInt(a.amountSatang))}
              </Text>
              {statusBadge(a)}
              {repayButton(a)}
              {contractLink(a)}
            </Stack>
          ),
        },
      ]
    : [
        { label: t('advances.contractNo'), render: (a) => a.contractNo },
        { label: t('advances.borrower'), render: (a) => a.borrowerName },
        { label: t('advances.purpose'), render: (a) => a.purpose },
        { label: t('advances.amount'), render: (a) => formatBaht(BigInt(a.amountSatang)) },
        { label: t('advances.balance'), render: balance },
        { label: t('advances.dueOn'), render: (a) => formatDate(a.dueOn, language) },
        { label: t('advances.contract'), render: contractLink },
        { label: t('fields.status'), render: statusBadge },
        { label: t('advances.repay'), render: (a) => repayButton(a) ?? '—' },
      ];

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
      {!list.data && !list.error && <LoadingRows />}
      {list.data?.total === 0 && (
        <EmptyState
          testId="advances-empty"
          title={status === 'all' ? t('advances.none') : t('advances.noneWithStatus')}
          hint={status === 'all' ? (canWrite ? t('advances.noneHintWrite') : t('advances.noneHint')) : undefined}
        />
      )}
      {!!list.data?.total && (
        <RecordList data={list.data} page={page} onPage={setPage} minWidth={narrow ? 0 : 760} columns={columns} />
      )}
      {adding && unit && <AdvanceForm unit={unit} onClose={() => setAdding(false)} />}
      {repaying && <RepayForm advance={repaying} onClose={() => setRepaying(null)} />}
    </Stack>
  );
}
