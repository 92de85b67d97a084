import { Anchor, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ADVANCE_STATUSES, type Advance } from '#shared/advances';
import { formatBaht } from '#shared/thai/money';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingRows } from '../../components/LoadingRows';
import { PageHeader } from '../../components/PageHeader';
import { type Column, RecordList } from '../../components/RecordList';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../format';
import { usePhone } from '../../hooks/phone';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { AdvanceForm } from './AdvanceForm';
import { useAdvanceList } from './api';
import { ApproveForm, RejectForm } from './DecisionForms';
import { RepayForm } from './RepayForm';

const statusColor = {
  requested: 'violet.9',
  open: 'blue.9',
  overdue: 'red.9',
  repaid: 'green.9',
  rejected: 'gray.7',
} as const;

/** The decision as the file shows it: who, acting for whom, under which order; or who refused and why. */
function Decision({ advance }: { advance: Advance }) {
  const { t, language } = useLanguage();
  const a = advance.approval;
  if (!a) return null;
  const text =
    advance.status === 'rejected'
      ? t('advances.rejectedBy', { name: a.approverName, date: formatDate(a.approvedOn, language), reason: advance.decisionNote })
      : t('advances.approvedBy', {
          name: a.approverName,
          position: a.approverPosition,
          date: formatDate(a.approvedOn, language),
          delegator: a.delegator,
          orderNo: a.orderNo,
          orderDate: formatDate(a.orderDate, language),
        });
  return (
    <Text size="sm" c="gray.7" data-testid="advance-decision">
      {text}
    </Text>
  );
}

/** The receipts that cleared the advance, each now a payment of the activity. */
function Receipts({ advance }: { advance: Advance }) {
  const { t } = useLanguage();
  const receipts = advance.repayments.flatMap((r) => r.receipts);
  if (!receipts.length) return null;
  return (
    <Stack gap={0} data-testid="advance-receipts">
      <Text size="sm" fw={600}>
        {t('advances.receipts')}
      </Text>
      {receipts.map((r) => (
        <Text key={r.disbursementId} size="sm">
          {r.documentNo} · {r.description} · {formatBaht(BigInt(r.amountSatang))}
        </Text>
      ))}
    </Stack>
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
  const [approving, setApproving] = useState<Advance | null>(null);
  const [rejecting, setRejecting] = useState<Advance | null>(null);
  const exportParams = {
    unit,
    status: status === 'all' ? undefined : status,
    page,
    pageSize: 20,
  };
  const list = useAdvanceList(exportParams);
  // An advance is asked for and repaid by the officers of its own unit; it is decided by whoever an order in force
  // names (the server checks the order; the dialog offers only the orders the user may cite).
  const canWrite = can(me, 'advances.write') && !!unit && unit === me?.orgUnit.code;
  const canDecide = can(me, 'budget.approve');

  const statusBadge = (a: Advance) => (
    <StatusBadge color={statusColor[a.status]} data-testid="advance-status">
      {t(`advances.statuses.${a.status}`)}
    </StatusBadge>
  );
  const contractLink = (a: Advance) =>
    a.status === 'requested' || a.status === 'rejected' ? null : (
      <Anchor
        href={`/api/advances/${a.id}/contract.pdf`}
        download
        aria-label={`${t('advances.contract')} ${a.contractNo}`}
        style={{ whiteSpace: 'nowrap' }}
      >
        {t('advances.contractPdf')}
      </Anchor>
    );
  const actions = (a: Advance) => {
    const mine = a.requestedBy === me?.user.id || a.borrowerId === me?.user.id;
    if (a.status === 'requested' && canDecide && !mine)
      return (
        <Group gap={4} justify="flex-end">
          <Button size="compact-sm" variant="light" onClick={() => setApproving(a)}>
            {t('advances.approve')}
          </Button>
          <Button size="compact-sm" variant="subtle" color="red.9" c="red.9" onClick={() => setRejecting(a)}>
            {t('advances.reject')}
          </Button>
        </Group>
      );
    if (canWrite && a.orgUnitCode === unit && (a.status === 'open' || a.status === 'overdue'))
      return (
        <Button size="compact-sm" variant="light" onClick={() => setRepaying(a)}>
          {t('advances.repay')}
        </Button>
      );
    return null;
  };
  const details = (a: Advance) => (
    <Stack gap={2}>
      <Text size="sm">{a.purpose}</Text>
      <Text size="sm" c="gray.7">
        {t('advances.item')}: {a.itemName || '—'}
      </Text>
      <Decision advance={a} />
      <Receipts advance={a} />
    </Stack>
  );
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
              {details(a)}
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
              {actions(a)}
              {contractLink(a)}
            </Stack>
          ),
        },
      ]
    : [
        { label: t('advances.contractNo'), render: (a) => a.contractNo },
        {
          label: t('advances.borrower'),
          render: (a) => (
            <Stack gap={0}>
              <Text>{a.borrowerName}</Text>
              <Text size="sm" c="gray.7">
                {a.borrowerPosition}
              </Text>
            </Stack>
          ),
        },
        { label: t('advances.purpose'), render: details },
        { label: t('advances.amount'), render: (a) => formatBaht(BigInt(a.amountSatang)) },
        { label: t('advances.balance'), render: balance },
        { label: t('advances.dueOn'), render: (a) => formatDate(a.dueOn, language) },
        { label: t('advances.contract'), render: (a) => contractLink(a) ?? '—' },
        { label: t('fields.status'), render: statusBadge },
        { label: t('advances.actions'), render: (a) => actions(a) ?? '—' },
      ];

  return (
    <Stack>
      <PageHeader title={t('advances.title')} addLabel={t('advances.add')} onAdd={canWrite ? () => setAdding(true) : undefined} />
      <SegmentedControl
        aria-label={t('fields.status')}
        data={[
          { value: 'all', label: t('common.all') },
          ...ADVANCE_STATUSES.map((s) => ({ value: s, label: t(`advances.statuses.${s}`) })),
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
        <RecordList
          exportFrom={{ path: '/api/advances', params: exportParams }}
          data={list.data}
          page={page}
          onPage={setPage}
          minWidth={narrow ? 0 : 760}
          columns={columns}
        />
      )}
      {adding && unit && <AdvanceForm unit={unit} onClose={() => setAdding(false)} />}
      {repaying && <RepayForm advance={repaying} onClose={() => setRepaying(null)} />}
      {approving && <ApproveForm advance={approving} onClose={() => setApproving(null)} />}
      {rejecting && <RejectForm advance={rejecting} onClose={() => setRejecting(null)} />}
    </Stack>
  );
}
