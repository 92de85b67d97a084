import { Group, Select, Stack } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { isDistrict } from '#shared/fields';
import { MEETING_STATUSES, type Meeting } from '#shared/meetings';
import { fiscalYearOf } from '#shared/thai/index';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { UrlTabs } from '../../components/UrlTabs';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { usePage } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { useMeetingList } from './api';
import { attendanceOf, MeetingBadges, meetingName, useMayWrite } from './MeetingParts';
import { ResolutionsList } from './Resolutions';

/** The committee's meetings and, on the second tab, the follow-up of its resolutions. */
export function MeetingsPage() {
  const { t } = useLanguage();
  return (
    <UrlTabs
      to="/meetings"
      tabs={[
        { value: 'meetings', label: t('meetings.tabs.meetings'), panel: () => <MeetingsTab /> },
        { value: 'resolutions', label: t('meetings.tabs.resolutions'), panel: () => <ResolutionsTab /> },
      ]}
    />
  );
}

function MeetingsTab() {
  const { t, language } = useLanguage();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const { page, setPage, filter } = usePage();
  const current = fiscalYearOf(todayIso()).fiscalYear;
  const [fiscalYear, setFiscalYear] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const exportParams = { unit, fiscalYear, status, page, pageSize: 20 };
  const list = useMeetingList(exportParams, !!unit);
  const mayWrite = useMayWrite(isDistrict(unit) ? unit : undefined);
  const add = mayWrite ? () => navigate({ to: '/meetings/new', search: { unit } }) : undefined;
  const open = (m: Meeting) => navigate({ to: '/meetings/$id', params: { id: String(m.id) }, search: { unit } });
  return (
    <Stack>
      <PageHeader title={t('meetings.title')} addLabel={t('meetings.add')} onAdd={add} />
      <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-end">
        <Select
          label={t('meetings.fields.fiscalYear')}
          placeholder={t('meetings.filters.allYears')}
          clearable
          data={[current + 1, current, current - 1, current - 2].map((y) => ({ value: String(y), label: String(y) }))}
          value={fiscalYear}
          onChange={filter(setFiscalYear)}
        />
        <Select
          label={t('meetings.fields.status')}
          placeholder={t('meetings.filters.allStatuses')}
          clearable
          data={MEETING_STATUSES.map((s) => ({ value: s, label: t(`meetings.statuses.${s}`) }))}
          value={status}
          onChange={filter(setStatus)}
        />
      </Group>
      <ErrorAlert error={list.error} />
      <RecordList
        exportFrom={{ path: '/api/meetings', params: exportParams }}
        data={list.data}
        loading={list.isPending}
        page={page}
        onPage={setPage}
        onOpen={open}
        empty={
          fiscalYear || status ? (
            <EmptyState title={t('meetings.noMatch')} />
          ) : (
            <EmptyState
              title={t('meetings.empty')}
              hint={t('meetings.emptyHint')}
              actionLabel={t('meetings.add')}
              onAction={add}
            />
          )
        }
        columns={[
          { label: t('meetings.fields.number'), render: (m) => t('meetings.numbered', { number: meetingName(m) }), key: true },
          { label: t('meetings.fields.heldOn'), render: (m) => formatDate(m.heldOn, language), key: true },
          { label: t('meetings.fields.quarter'), render: (m) => t('meetings.quarter', { quarter: m.quarter }) },
          { label: t('meetings.fields.attendance'), render: (m) => attendanceOf(m, t) },
          { label: t('meetings.fields.status'), render: (m) => <MeetingBadges meeting={m} />, key: true },
        ]}
      />
    </Stack>
  );
}

function ResolutionsTab() {
  const { t } = useLanguage();
  return (
    <Stack>
      <PageHeader title={t('meetings.resolutionsTitle')} />
      <ResolutionsList />
    </Stack>
  );
}
