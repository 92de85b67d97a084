import { Badge, Button, Group, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { isDistrict } from '#shared/fields';
import {
  REFERRAL_LEVELS,
  REFERRAL_STATUSES,
  REQUEST_CHANNELS,
  REQUEST_STATUSES,
  type Referral,
  type ServiceRequest,
} from '#shared/requests';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { UrlTabs } from '../../components/UrlTabs';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { useCodeList, usePage, useSearchState } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { useServiceTypeName } from '../services/api';
import { monthLabel, recentMonths } from '../services/months';
import { useReferralList, useRequestList } from './api';
import { useMayRefer } from './ReferralsSection';
import { RequestForm } from './RequestForm';
import { clientOf, ReferralStatusBadge, RequestStatusBadge, useTargetOf } from './RequestParts';

type Search = { tab?: 'referrals'; status?: string; channel?: string; result?: 'overdue' };

/** The center's requests (and, on the second tab, its referrals), with the filters a desk officer sorts them by. */
export function RequestsPage() {
  const { t } = useLanguage();
  const search = useSearch({ strict: false }) as Search;
  return (
    <UrlTabs
      to="/requests"
      tabs={[
        {
          value: 'requests',
          label: t('requests.tabs.requests'),
          panel: () => <RequestsTab initialStatus={search.status} initialChannel={search.channel} />,
        },
        {
          value: 'referrals',
          label: t('requests.tabs.referrals'),
          panel: () => <ReferralsTab overdueFirst={search.result === 'overdue'} />,
        },
      ]}
    />
  );
}

function RequestsTab({ initialStatus, initialChannel }: { initialStatus?: string; initialChannel?: string }) {
  const { t, language, nameOf } = useLanguage();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const subjectName = useServiceTypeName();
  const types = useCodeList('service_type');
  const { q, query, search, page, setPage } = useSearchState();
  const [status, setStatus] = useState<string | null>(initialStatus ?? null);
  const [channel, setChannel] = useState<string | null>(initialChannel ?? null);
  const [subject, setSubject] = useState<string | null>(null);
  const [month, setMonth] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const requestParams = { unit, status, channel, subject, month, q: query || undefined, page, pageSize: 20 };
  const list = useRequestList(requestParams, !!unit);
  const canRecord = useMayRefer(isDistrict(unit) ? unit : undefined);
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  const open = (r: ServiceRequest) => navigate({ to: '/requests/$id', params: { id: String(r.id) }, search: { unit } });
  const filtered = !!(status || channel || subject || month || query);
  // The inbox of what citizens sent from the public portal and nobody has accepted or declined yet.
  const portalNew = useRequestList({ unit, status: 'new', channel: 'portal', pageSize: 1 }, !!unit);
  const inInbox = status === 'new' && channel === 'portal';
  const toggleInbox = () => {
    setStatus(inInbox ? null : 'new');
    setChannel(inInbox ? null : 'portal');
    setPage(1);
  };
  return (
    <Stack>
      <PageHeader
        title={t('requests.title')}
        addLabel={t('requests.add')}
        onAdd={canRecord ? () => setAdding(true) : undefined}
      />
      <Group>
        <Button
          variant={inInbox ? 'filled' : 'light'}
          aria-pressed={inInbox}
          onClick={toggleInbox}
          rightSection={
            <Badge color={inInbox ? 'white' : 'blue.9'} c={inInbox ? 'blue.9' : undefined}>
              {portalNew.data?.total ?? '…'}
            </Badge>
          }
          data-testid="portal-inbox"
        >
          {t('requests.portalInbox')}
        </Button>
      </Group>
      <TextInput label={t('requests.search')} value={q} onChange={(e) => search(e.currentTarget.value)} />
      <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-end">
        <Select
          label={t('requests.filters.status')}
          placeholder={t('requests.filters.allStatuses')}
          clearable
          data={REQUEST_STATUSES.map((s) => ({ value: s, label: t(`requests.statuses.${s}`) }))}
          value={status}
          onChange={filter(setStatus)}
        />
        <Select
          label={t('requests.filters.channel')}
          placeholder={t('requests.filters.allChannels')}
          clearable
          data={REQUEST_CHANNELS.map((c) => ({ value: c, label: t(`requests.channels.${c}`) }))}
          value={channel}
          onChange={filter(setChannel)}
        />
        <Select
          label={t('requests.filters.subject')}
          placeholder={t('requests.filters.allSubjects')}
          clearable
          searchable
          data={(types.data ?? []).map((c) => ({ value: c.code, label: nameOf(c) }))}
          value={subject}
          onChange={filter(setSubject)}
        />
        <Select
          label={t('requests.filters.month')}
          placeholder={t('requests.filters.allMonths')}
          clearable
          data={recentMonths(todayIso(), 25).map((m) => ({ value: m, label: monthLabel(m, language) }))}
          value={month}
          onChange={filter(setMonth)}
        />
      </Group>
      <ErrorAlert error={list.error} />
      <RecordList
        exportFrom={{ path: '/api/requests', params: requestParams }}
        data={list.data}
        loading={list.isPending}
        page={page}
        onPage={setPage}
        onOpen={open}
        empty={
          filtered ? (
            <EmptyState title={t('requests.noMatch')} />
          ) : (
            <EmptyState
              title={t('requests.empty')}
              hint={t('requests.emptyHint')}
              actionLabel={t('requests.add')}
              onAction={canRecord ? () => setAdding(true) : undefined}
            />
          )
        }
        columns={[
          { label: t('requests.fields.referenceCode'), render: (r) => r.referenceCode, key: true },
          { label: t('requests.fields.receivedOn'), render: (r) => formatDate(r.receivedOn, language) },
          { label: t('requests.fields.client'), render: clientOf, key: true },
          { label: t('requests.fields.subject'), render: (r) => subjectName(r.subjectCode) },
          { label: t('requests.fields.channel'), render: (r) => t(`requests.channels.${r.channel}`) },
          { label: t('requests.fields.status'), render: (r) => <RequestStatusBadge status={r.status} />, key: true },
        ]}
      />
      {adding && unit && <RequestForm unit={unit} onClose={() => setAdding(false)} />}
    </Stack>
  );
}

function ReferralsTab({ overdueFirst }: { overdueFirst: boolean }) {
  const { t, language } = useLanguage();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const targetOf = useTargetOf();
  const [status, setStatus] = useState<string | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(overdueFirst);
  const { page, setPage, filter } = usePage();
  const referralParams = { unit, status, target, result: overdue ? 'overdue' : undefined, page, pageSize: 20 };
  const list = useReferralList(referralParams, !!unit);
  // A referral is read and its result recorded on the page of the request or the service it came from.
  const open = (r: Referral) =>
    r.request
      ? navigate({ to: '/requests/$id', params: { id: String(r.request.id) }, search: { unit } })
      : navigate({ to: '/services/$id', params: { id: String(r.serviceId) }, search: { unit } });
  return (
    <Stack>
      <PageHeader title={t('referrals.title')} />
      <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-end">
        <Select
          label={t('referrals.filters.status')}
          placeholder={t('referrals.filters.allStatuses')}
          clearable
          data={REFERRAL_STATUSES.map((s) => ({ value: s, label: t(`referrals.statuses.${s}`) }))}
          value={status}
          onChange={filter(setStatus)}
        />
        <Select
          label={t('referrals.filters.target')}
          placeholder={t('referrals.filters.allTargets')}
          clearable
          data={REFERRAL_LEVELS.map((l) => ({ value: l, label: t(`referrals.levels.${l}`) }))}
          value={target}
          onChange={filter(setTarget)}
        />
      </Group>
      <Switch
        label={t('referrals.filters.overdue')}
        checked={overdue}
        onChange={(e) => filter(setOverdue)(e.currentTarget.checked)}
      />
      <ErrorAlert error={list.error} />
      <RecordList
        exportFrom={{ path: '/api/referrals', params: referralParams }}
        data={list.data}
        loading={list.isPending}
        page={page}
        onPage={setPage}
        onOpen={open}
        empty={
          status || target || overdue ? (
            <EmptyState title={t('referrals.noMatch')} />
          ) : (
            <EmptyState title={t('referrals.empty')} hint={t('referrals.emptyHint')} />
          )
        }
        columns={[
          { label: t('referrals.fields.referredOn'), render: (r) => formatDate(r.referredOn, language) },
          {
            label: t('referrals.fields.client'),
            render: (r) => [r.group?.name, r.person?.name].filter(Boolean).join(', '),
            key: true,
          },
          { label: t('referrals.fields.target'), render: targetOf, key: true },
          { label: t('referrals.fields.reason'), render: (r) => r.reason },
          { label: t('referrals.fields.status'), render: (r) => <ReferralStatusBadge referral={r} />, key: true },
        ]}
      />
    </Stack>
  );
}
