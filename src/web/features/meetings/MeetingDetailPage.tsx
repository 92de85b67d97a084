import { Button, Card, Group, List, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { LockedNote } from '../../components/LockedNote';
import { RecordHeader, RecordSection } from '../../components/RecordPage';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { useCodeList } from '../../hooks/records';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useDownloadPaper, useMeeting, useMeetingAction } from './api';
import { EditMeetingModal } from './MeetingForm';
import { attendanceOf, MeetingBadges, meetingName, useMayWrite } from './MeetingParts';
import { RecordMeetingForm } from './RecordMeetingForm';
import { ResolutionCard } from './Resolutions';

/** One meeting: when and where, the agenda with its minutes, who came, what was resolved and how it is followed up. */
export function MeetingDetailPage() {
  const { t, language, nameOf } = useLanguage();
  const { id } = useParams({ strict: false }) as { id: string };
  const navigate = useNavigate();
  const meeting = useMeeting(id);
  const { data: me } = useMe();
  const positions = useCodeList('committee_position');
  const mayWriteUnit = useMayWrite(meeting.data?.orgUnitCode);
  const mayPrint = mayWriteUnit && can(me, 'documents.issue');
  const action = useMeetingAction();
  const paper = useDownloadPaper();
  const [editing, setEditing] = useState(false);
  const [recording, setRecording] = useState(false);
  if (meeting.error) return <ErrorAlert error={meeting.error} />;
  if (!meeting.data) return <Skeleton h={240} />;
  const m = meeting.data;
  // A meeting of a locked quarter is not offered for change (its papers still print): the server would refuse it.
  const mayWrite = mayWriteUnit && !m.locked;
  const positionName = (code: string) => {
    const item = positions.data?.find((p) => p.code === code);
    return item ? nameOf(item) : '';
  };
  const planned = m.status === 'planned';
  return (
    <Stack>
      <RecordHeader
        list="/meetings"
        listLabel={t('meetings.title')}
        title={t('meetings.numbered', { number: meetingName(m) })}
        badges={<MeetingBadges meeting={m} />}
        actions={
          mayWrite &&
          planned && (
            <>
              <Button variant="light" onClick={() => setEditing(true)}>
                {t('records.edit')}
              </Button>
              <Button
                variant="default"
                loading={action.isPending}
                onClick={() => action.mutate({ id: m.id, action: 'cancel', body: { version: m.version } })}
              >
                {t('meetings.cancel')}
              </Button>
            </>
          )
        }
      />
      {mayWriteUnit && m.locked && <LockedNote />}
      <ErrorAlert error={action.error ?? paper.error} />
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('meetings.fields.heldOn')}>
            {formatDate(m.heldOn, language)} · {t('meetings.time', { time: m.startsAt })}
          </Fact>
          <Fact label={t('meetings.fields.quarter')}>
            {t('meetings.quarterOfYear', { quarter: m.quarter, year: m.fiscalYear })}
          </Fact>
          <Fact label={t('meetings.fields.place')}>{m.place}</Fact>
          <Fact label={t('meetings.fields.attendance')}>{attendanceOf(m, t)}</Fact>
          <Fact label={t('meetings.fields.quorumPercent')}>{t('meetings.quorumRule', { percent: m.quorumPercent })}</Fact>
          {m.openedAt && (
            <Fact label={t('meetings.fields.openedAt')}>
              {m.openedAt}–{m.closedAt}
            </Fact>
          )}
        </SimpleGrid>
      </Card>
      {(mayPrint || (mayWrite && planned)) && (
        <Group>
          {mayWrite && planned && m.heldOn <= todayIso() && (
            <Button onClick={() => setRecording(true)}>{t('meetings.record')}</Button>
          )}
          {mayPrint && (
            <Button variant="light" loading={paper.isPending} onClick={() => paper.mutate({ id: m.id, paper: 'invitation' })}>
              {t('meetings.invitationPdf')}
            </Button>
          )}
          {mayPrint && m.status === 'held' && (
            <Button variant="light" loading={paper.isPending} onClick={() => paper.mutate({ id: m.id, paper: 'minutes' })}>
              {t('meetings.minutesPdf')}
            </Button>
          )}
        </Group>
      )}
      <RecordSection title={t('meetings.agenda')} empty={!m.agenda.length}>
        <Stack gap="xs">
          {m.agenda.map((a) => (
            <div key={a.seq}>
              <Text fw={500}>{t('meetings.agendaItem', { seq: a.seq, title: a.title })}</Text>
              <Text size="sm" c="gray.7">
                {t(`meetings.agendaKinds.${a.kind}`)}
              </Text>
              {a.minutes && <Text style={{ whiteSpace: 'pre-wrap' }}>{a.minutes}</Text>}
            </div>
          ))}
        </Stack>
      </RecordSection>
      <RecordSection title={t('meetings.attendees')} empty={!m.attendees.length}>
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('meetings.fields.member')}</Table.Th>
                <Table.Th>{t('meetings.fields.position')}</Table.Th>
                <Table.Th>{t('meetings.fields.present')}</Table.Th>
                <Table.Th>{t('meetings.fields.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.attendees.map((a) => (
                <Table.Tr key={a.memberId}>
                  <Table.Td>{a.name}</Table.Td>
                  <Table.Td>{positionName(a.positionCode)}</Table.Td>
                  <Table.Td>{m.status === 'held' ? t(a.attended ? 'meetings.came' : 'meetings.absent') : '—'}</Table.Td>
                  <Table.Td>{a.note}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {m.guests && (
          <>
            <Title order={3} size="h5" mt="sm">
              {t('meetings.fields.guests')}
            </Title>
            <List size="sm">
              {m.guests.split('\n').map((g) => (
                <List.Item key={g}>{g}</List.Item>
              ))}
            </List>
          </>
        )}
        {m.minutesBy && (
          <Text size="sm" mt="sm">
            {t('meetings.minutesTakers', { by: m.minutesBy, checkedBy: m.minutesCheckedBy })}
          </Text>
        )}
      </RecordSection>
      {m.status === 'held' && (
        <RecordSection title={t('meetings.resolutions')} empty={!m.resolutions.length}>
          <Stack gap="xs">
            {m.resolutions.map((r) => (
              <ResolutionCard key={r.id} resolution={r} />
            ))}
          </Stack>
        </RecordSection>
      )}
      {mayWrite && m.status !== 'held' && (
        <Group justify="flex-end">
          <Button
            variant="subtle"
            color="red.9"
            c="red.9"
            onClick={() =>
              action.mutate(
                { id: m.id, action: 'delete', body: { version: m.version } },
                { onSuccess: () => navigate({ to: '/meetings', search: { unit: m.orgUnitCode } }) },
              )
            }
          >
            {t('meetings.delete')}
          </Button>
        </Group>
      )}
      {editing && <EditMeetingModal meeting={m} onClose={() => setEditing(false)} />}
      {recording && <RecordMeetingForm meeting={m} onClose={() => setRecording(false)} />}
    </Stack>
  );
}
