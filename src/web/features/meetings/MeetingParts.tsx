import { Group } from '@mantine/core';
import type { Meeting, MeetingStatus, ResolutionStatus } from '#shared/meetings';
import { StatusBadge } from '../../components/StatusBadge';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';

const STATUS_COLOR: Record<MeetingStatus, string> = { planned: 'blue.8', held: 'green.9', cancelled: 'gray.7' };
const RESOLUTION_COLOR: Record<ResolutionStatus, string> = {
  open: 'orange.9',
  in_progress: 'blue.8',
  done: 'green.9',
  dropped: 'gray.7',
};

/** The meeting's status and, once held, whether it had its quorum. */
export function MeetingBadges({ meeting }: { meeting: Meeting }) {
  const { t } = useLanguage();
  return (
    <Group gap={4}>
      <StatusBadge color={STATUS_COLOR[meeting.status]}>{t(`meetings.statuses.${meeting.status}`)}</StatusBadge>
      {meeting.quorate !== null && (
        <StatusBadge color={meeting.quorate ? 'green.9' : 'red.9'} data-testid="quorum-badge">
          {t(meeting.quorate ? 'meetings.quorate' : 'meetings.notQuorate')}
        </StatusBadge>
      )}
    </Group>
  );
}

export function ResolutionBadge({ status }: { status: ResolutionStatus }) {
  const { t } = useLanguage();
  return <StatusBadge color={RESOLUTION_COLOR[status]}>{t(`meetings.resolutionStatuses.${status}`)}</StatusBadge>;
}

export const meetingName = (m: Pick<Meeting, 'number' | 'fiscalYear'>) => `${m.number}/${m.fiscalYear}`;

/** Attendance as "present/members" once held, else the members invited. */
export function attendanceOf(m: Meeting, t: (key: string, o?: Record<string, unknown>) => string) {
  return m.status === 'held'
    ? t('meetings.attendance', { attended: m.attendedCount, members: m.membersCount })
    : t('meetings.invited', { count: m.invitedCount });
}

/** A district's own officers write its meetings, resolutions and posts. */
export function useMayWrite(orgUnitCode: string | undefined) {
  const { data: me } = useMe();
  return !!orgUnitCode && me?.orgUnit.code === orgUnitCode && can(me, 'pipeline.write');
}
