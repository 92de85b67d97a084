import { Anchor, Button, Card, Checkbox, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { SERVICE_RECORDERS } from '#shared/access';
import type { ActivityDetail } from '#shared/activities';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { LockedNote } from '../../components/LockedNote';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { ActivityForm } from './ActivityForm';
import { attendedCount, bahtOf, datesOf } from './ActivityParts';
import { useActivity, useActivityNames, useDeleteActivity, useSaveActivity } from './api';
import { SalesGrid } from './SalesGrid';

/** One activity: what, when, where, with whom; attendance to tick, and a market event's sales per group per day. */
export function ActivityDetailPage() {
  const { t, language } = useLanguage();
  const { id } = useParams({ strict: false }) as { id: string };
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const activity = useActivity(id);
  const remove = useDeleteActivity();
  const names = useActivityNames();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  if (activity.error) return <ErrorAlert error={activity.error} />;
  if (!activity.data) return <Skeleton h={240} />;
  const a = activity.data;
  // Officers change any activity of their district; a committee member only what they recorded.
  const mayWrite =
    !!me &&
    me.orgUnit.code === a.orgUnitCode &&
    SERVICE_RECORDERS.includes(me.role) &&
    (can(me, 'pipeline.write') || a.createdBy === me.user.id);
  // An activity of a locked quarter (its attendance and takings too) is not offered for change: the server would refuse it.
  const mayChange = mayWrite && !a.locked;
  const linkTo = (to: '/groups/$id' | '/people/$id', id: number, name: string) => (
    <Anchor key={id} renderRoot={(p) => <Link {...p} to={to} params={{ id: String(id) }} search={{ unit }} />}>
      {name}
    </Anchor>
  );

  return (
    <Stack>
      <Stack gap={4}>
        <Anchor size="sm" renderRoot={(p) => <Link {...p} to="/activities" search={{ unit }} />}>
          ← {t('records.backTo', { list: t('activities.title') })}
        </Anchor>
        <Group justify="space-between" align="flex-start">
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
            {a.title}
          </Title>
          {mayChange && (
            <Group gap="xs">
              <Button variant="light" onClick={() => setEditing(true)}>
                {t('records.edit')}
              </Button>
              <Button variant="subtle" color="red" onClick={() => setConfirming(true)}>
                {t('activities.delete')}
              </Button>
            </Group>
          )}
        </Group>
      </Stack>
      {mayWrite && a.locked && <LockedNote />}
      <ErrorAlert error={remove.error} />
      {confirming && (
        <Card withBorder>
          <Stack>
            <Text>{t('activities.deleteConfirm')}</Text>
            <Group gap="xs" justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() => remove.mutate(a, { onSuccess: () => navigate({ to: '/activities', search: { unit } }) })}
              >
                {t('activities.delete')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('activities.fields.kind')}>{names.kindLabel(a)}</Fact>
          <Fact label={t('activities.fields.dates')}>{datesOf(a, language)}</Fact>
          <Fact label={t('activities.fields.place')}>{a.place}</Fact>
          <Fact label={t('activities.fields.groups')}>
            <Stack gap={0}>{a.groups.map((g) => linkTo('/groups/$id', g.id, g.name))}</Stack>
          </Fact>
          <Fact label={t('activities.fields.partners')}>{a.partners.map((p) => p.name).join(', ')}</Fact>
          <Fact label={t('activities.fields.budgetUsed')}>
            {a.budgetUsedSatang !== '0' || a.budgetItem
              ? `${bahtOf(a.budgetUsedSatang)}${a.budgetItem ? ` · ${a.budgetItem.name}` : ''}`
              : ''}
          </Fact>
        </SimpleGrid>
        {a.note && (
          <Fact label={t('activities.fields.note')}>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{a.note}</Text>
          </Fact>
        )}
      </Card>
      <Attendance activity={a} mayChange={mayChange} linkTo={linkTo} />
      {a.kind === 'market_event' && <SalesGrid activity={a} mayChange={mayChange} />}
      {editing && <ActivityForm activity={a} unit={a.orgUnitCode} onClose={() => setEditing(false)} />}
    </Stack>
  );
}

const attendanceOf = (p: { id: number; attended: boolean }) => ({ personId: p.id, attended: p.attended });

/** Who was invited, ticked when they came; saved as a change of the activity's people alone, at the version read. */
function Attendance({
  activity,
  mayChange,
  linkTo,
}: {
  activity: ActivityDetail;
  mayChange: boolean;
  linkTo: (to: '/people/$id', id: number, name: string) => ReactNode;
}) {
  const { t } = useLanguage();
  const save = useSaveActivity();
  const [ticks, setTicks] = useState<Record<number, boolean> | null>(null);
  const shown = activity.people.map((p) => ({ ...p, attended: ticks?.[p.id] ?? p.attended }));
  const changed = shown.some((p, i) => p.attended !== activity.people[i].attended);
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('activities.attendance.title')}
          </Title>
          {activity.people.length > 0 && (
            <Text size="sm" data-testid="attended-count">
              {t('activities.attendedOf', { attended: attendedCount({ people: shown }), invited: shown.length })}
            </Text>
          )}
        </Group>
        {activity.people.length === 0 && <Text c="gray.7">{t('activities.attendance.none')}</Text>}
        {mayChange && activity.people.length > 0 && (
          <Text size="sm" c="gray.7">
            {t('activities.attendance.hint')}
          </Text>
        )}
        <ErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {shown.map((p) =>
            mayChange ? (
              <Checkbox
                key={p.id}
                label={p.name}
                checked={p.attended}
                onChange={(e) => setTicks({ ...ticks, [p.id]: e.currentTarget.checked })}
              />
            ) : (
              <Group key={p.id} gap="xs" wrap="nowrap">
                {linkTo('/people/$id', p.id, p.name)}
                <Text size="sm" c={p.attended ? 'teal.9' : 'gray.7'}>
                  {p.attended ? t('activities.attendance.attended') : t('activities.attendance.absent')}
                </Text>
              </Group>
            ),
          )}
        </SimpleGrid>
        {mayChange && changed && (
          <Group justify="flex-end">
            <Button
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  { id: activity.id, body: { version: activity.version, people: shown.map(attendanceOf) } },
                  { onSuccess: () => setTicks(null) },
                )
              }
            >
              {t('activities.attendance.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
