import { Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { SERVICE_RECORDERS } from '#shared/access';
import { ACTIVITY_KINDS, type Activity, MARKET_EVENT_KINDS } from '#shared/activities';
import { isDistrict } from '#shared/fields';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { todayIso } from '../../dates';
import { useSearchState } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { useMe } from '../auth/session';
import { useGroupOptions } from '../groups/api';
import { usePartnerOptions } from '../partners/api';
import { monthLabel, recentMonths } from '../services/months';
import { ActivityForm } from './ActivityForm';
import { attendedCount, bahtOf, datesOf } from './ActivityParts';
import { useActivityList, useActivityNames } from './api';

/** The unit's trainings, market events, study visits and strengthening work, filtered by kind, topic, month, group or partner. */
export function ActivitiesPage() {
  const { t, language } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const names = useActivityNames();
  const district = isDistrict(unit) ? unit : undefined;
  const groups = useGroupOptions(district, (g) => g.name);
  const partners = usePartnerOptions(district, (p) => p.name);
  const { q, query, search, page, setPage } = useSearchState();
  const [kind, setKind] = useState<string | null>(null);
  const [topic, setTopic] = useState<string | null>(null);
  const [marketKind, setMarketKind] = useState<string | null>(null);
  const [month, setMonth] = useState<string | null>(null);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [partnerId, setPartnerId] = useState<string | null>(null);
  // The home page's quick action links here with ?new=1.
  const opened = useSearch({ strict: false }) as { new?: boolean };
  const [adding, setAdding] = useState(opened.new === true);
  const exportParams = { unit, kind, topic, marketKind, month, groupId, partnerId, q: query || undefined, page, pageSize: 20 };
  const list = useActivityList(exportParams, !!unit);
  const canRecord = !!district && !!me && me.orgUnit.code === unit && SERVICE_RECORDERS.includes(me.role);
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  const open = (a: Activity) => navigate({ to: '/activities/$id', params: { id: String(a.id) }, search: { unit } });
  const filtered = !!(kind || topic || marketKind || month || groupId || partnerId || query);

  return (
    <Stack>
      <PageHeader
        title={t('activities.title')}
        addLabel={t('activities.add')}
        onAdd={canRecord ? () => setAdding(true) : undefined}
      />
      <TextInput
        placeholder={t('activities.search')}
        aria-label={t('activities.search')}
        value={q}
        onChange={(e) => search(e.currentTarget.value)}
      />
      <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-end">
        <Select
          label={t('activities.fields.kind')}
          placeholder={t('activities.filters.allKinds')}
          clearable
          data={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activities.kinds.${k}`) }))}
          value={kind}
          onChange={filter(setKind)}
        />
        {(!kind || kind === 'training') && (
          <Select
            label={t('activities.fields.topic')}
            placeholder={t('activities.filters.allTopics')}
            clearable
            data={names.topics}
            value={topic}
            onChange={filter(setTopic)}
          />
        )}
        {(!kind || kind === 'market_event') && (
          <Select
            label={t('activities.fields.marketKind')}
            placeholder={t('activities.filters.allMarketKinds')}
            clearable
            data={MARKET_EVENT_KINDS.map((k) => ({ value: k, label: names.marketName(k) }))}
            value={marketKind}
            onChange={filter(setMarketKind)}
          />
        )}
        <Select
          label={t('activities.filters.month')}
          placeholder={t('activities.filters.allMonths')}
          clearable
          data={recentMonths(todayIso(), 25).map((m) => ({ value: m, label: monthLabel(m, language) }))}
          value={month}
          onChange={filter(setMonth)}
        />
        {district && (
          <Select
            label={t('activities.filters.group')}
            placeholder={t('activities.filters.allGroups')}
            clearable
            searchable
            {...groups}
            value={groupId}
            onChange={filter(setGroupId)}
          />
        )}
        {district && (
          <Select
            label={t('activities.filters.partner')}
            placeholder={t('activities.filters.allPartners')}
            clearable
            searchable
            {...partners}
            value={partnerId}
            onChange={filter(setPartnerId)}
          />
        )}
      </Group>
      <ErrorAlert error={list.error} />
      <RecordList
        exportFrom={{ path: '/api/activities', params: exportParams }}
        data={list.data}
        loading={list.isPending}
        page={page}
        onPage={setPage}
        onOpen={open}
        empty={
          filtered ? (
            <EmptyState title={t('activities.noMatch')} />
          ) : (
            <EmptyState
              title={t('activities.empty')}
              hint={t('activities.emptyHint')}
              actionLabel={t('activities.add')}
              onAction={canRecord ? () => setAdding(true) : undefined}
            />
          )
        }
        columns={[
          { label: t('activities.fields.title'), render: (a) => a.title },
          { label: t('activities.fields.dates'), render: (a) => datesOf(a, language), key: true },
          {
            label: t('activities.fields.kind'),
            render: (a) => <Text size="sm">{names.kindLabel(a)}</Text>,
            key: true,
          },
          { label: t('activities.fields.place'), render: (a) => a.place },
          {
            label: t('activities.fields.participants'),
            render: (a) => (
              <Text size="sm">
                {[
                  a.people.length ? t('activities.attendedOf', { attended: attendedCount(a), invited: a.people.length }) : '',
                  a.groups.length ? t('activities.groupCount', { count: a.groups.length }) : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            ),
            key: true,
          },
          {
            label: t('activities.fields.sales'),
            render: (a) => (a.kind === 'market_event' ? t('activities.baht', { amount: bahtOf(a.salesTotalSatang) }) : ''),
            key: true,
          },
        ]}
      />
      {adding && district && <ActivityForm unit={district} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
