import { Badge, Group, Select, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { isDistrict } from '#shared/fields';
import { formatBaht } from '#shared/thai/money';
import { WORKLOG_TYPES, type WorklogEntry } from '#shared/worklog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { usePage } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { useMe } from '../auth/session';
import { usePartnerOptions } from '../partners/api';
import { useGiverOptions } from '../services/api';
import { monthLabel, recentMonths } from '../services/months';
import { useWorklog } from './api';
import { useEntryCode, useOpenEntry } from './entries';

type Row = WorklogEntry & { key: number };

/** Everything the center did in a month, newest first; a province sees its districts' work together. */
export function WorklogPage() {
  const { t, language, nameOf } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const district = isDistrict(unit ?? '') ? unit : undefined;
  const staff = useGiverOptions(district, me?.orgUnit.code === unit ? me : undefined);
  const partners = usePartnerOptions(district, (p) => p.name);
  const codeName = useEntryCode();
  const open = useOpenEntry();
  const [month, setMonth] = useState(todayIso().slice(0, 7));
  const [type, setType] = useState<string | null>(null);
  const [mode, setMode] = useState<string | null>(null);
  const [staffId, setStaffId] = useState<string | null>(null);
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const { page, setPage, filter } = usePage();
  const filters = { unit: unit ?? '', month, type, mode, staffId, partnerId, page };
  const log = useWorklog(filters);
  const rows: Row[] = (log.data?.items ?? []).map((e, i) => ({ ...e, key: i }));
  const data = log.data && { ...log.data, items: rows.map((r) => ({ ...r, id: r.key })) };

  return (
    <Stack>
      <PageHeader title={t('worklog.title')} />
      <Text c="gray.7">{t('worklog.intro')}</Text>
      <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-end">
        <Select
          label={t('worklog.month')}
          allowDeselect={false}
          data={recentMonths(todayIso(), 25).map((m) => ({ value: m, label: monthLabel(m, language) }))}
          value={month}
          onChange={(v) => v && filter(setMonth)(v)}
        />
        <Select
          label={t('worklog.type')}
          placeholder={t('worklog.allTypes')}
          clearable
          data={WORKLOG_TYPES.map((x) => ({ value: x, label: t(`worklog.types.${x}`) }))}
          value={type}
          onChange={filter(setType)}
        />
        <Select
          label={t('services.filters.mode')}
          placeholder={t('services.filters.allModes')}
          clearable
          data={(['center', 'outreach'] as const).map((m) => ({ value: m, label: t(`services.modes.${m}`) }))}
          value={mode}
          onChange={filter(setMode)}
        />
        {staff.length > 0 && (
          <Select
            label={t('worklog.staff')}
            placeholder={t('services.filters.allStaff')}
            clearable
            searchable
            data={staff}
            value={staffId}
            onChange={filter(setStaffId)}
          />
        )}
        {partners.data.length > 0 && (
          <Select
            label={t('worklog.partner')}
            placeholder={t('worklog.allPartners')}
            clearable
            searchable
            {...partners}
            value={partnerId}
            onChange={filter(setPartnerId)}
          />
        )}
      </Group>
      {!!log.data?.counts.length && (
        <Group gap="xs" data-testid="worklog-counts">
          {WORKLOG_TYPES.map((x) => {
            const count = log.data.counts.find((c) => c.type === x)?.count;
            return count ? (
              <Badge key={x} variant={type === x ? 'filled' : 'light'} size="lg" tt="none">
                {t(`worklog.types.${x}`)} {count.toLocaleString(language === 'th' ? 'th-TH' : 'en-GB')}
              </Badge>
            ) : null;
          })}
        </Group>
      )}
      <ErrorAlert error={log.error} />
      <RecordList
        exportFrom={{ path: '/api/worklog', params: { ...filters } }}
        data={data}
        loading={log.isPending}
        page={page}
        onPage={setPage}
        onOpen={(row) => open(rows[row.id], unit, navigate)}
        empty={<EmptyState title={t('worklog.empty', { month: monthLabel(month, language) })} hint={t('worklog.emptyHint')} />}
        columns={[
          { label: t('worklog.on'), render: (e) => formatDate(e.on, language) },
          {
            label: t('worklog.type'),
            render: (e) => (
              <Badge variant="light" tt="none">
                {t(`worklog.types.${e.type}`)}
              </Badge>
            ),
            key: true,
          },
          {
            label: t('worklog.what'),
            render: (e) => (
              <Stack gap={0}>
                <Text size="sm" lineClamp={2}>
                  {e.title || '—'}
                </Text>
                {e.detail && (
                  <Text size="xs" c="gray.7" lineClamp={1}>
                    {e.detail}
                  </Text>
                )}
              </Stack>
            ),
            key: true,
          },
          { label: t('worklog.code'), render: (e) => codeName(e) },
          { label: t('worklog.amount'), render: (e) => (e.amountSatang ? formatBaht(BigInt(e.amountSatang)) : '') },
          { label: t('worklog.people'), render: (e) => e.people },
          ...(district
            ? []
            : [
                {
                  label: t('worklog.district'),
                  render: (e: WorklogEntry) => nameOf({ nameTh: e.unitNameTh, nameEn: e.unitNameEn }),
                },
              ]),
        ]}
      />
    </Stack>
  );
}
