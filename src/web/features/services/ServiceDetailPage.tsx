import { Anchor, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { SERVICE_RECORDERS } from '#shared/access';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { LockedNote } from '../../components/LockedNote';
import { RecordHeader } from '../../components/RecordPage';
import { formatDate } from '../../format';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { ReferralsSection } from '../requests/ReferralsSection';
import { useDeleteService, useService, useServiceTypeName } from './api';
import { ServiceForm } from './ServiceForm';
import { clientsOf, FollowUpBadge } from './ServiceParts';

/** One service: when, how, to whom, what was done and by whom, with its follow-up. */
export function ServiceDetailPage() {
  const { t, language } = useLanguage();
  const { id } = useParams({ strict: false }) as { id: string };
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const service = useService(id);
  const remove = useDeleteService();
  const typeName = useServiceTypeName();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  if (service.error) return <ErrorAlert error={service.error} />;
  if (!service.data) return <Skeleton h={240} />;
  const s = service.data;
  // Officers change any service of their district; a committee member only what they recorded.
  const mayWrite =
    !!me &&
    me.orgUnit.code === s.orgUnitCode &&
    SERVICE_RECORDERS.includes(me.role) &&
    (can(me, 'pipeline.write') || s.createdBy === me.user.id);
  // A service of a locked quarter is not offered for change: the server would refuse it.
  const mayChange = mayWrite && !s.locked;

  return (
    <Stack>
      <RecordHeader
        list="/services"
        listLabel={t('services.title')}
        title={`${formatDate(s.serviceDate, language)} · ${clientsOf(s)}`}
        badges={<FollowUpBadge service={s} />}
        actions={
          mayChange && (
            <Group gap="xs">
              <Button variant="light" onClick={() => setEditing(true)}>
                {t('records.edit')}
              </Button>
              <Button variant="subtle" color="red" onClick={() => setConfirming(true)}>
                {t('services.delete')}
              </Button>
            </Group>
          )
        }
      />
      {mayWrite && s.locked && <LockedNote />}
      <ErrorAlert error={remove.error} />
      {confirming && (
        <Card withBorder>
          <Group justify="space-between">
            <Text>{t('services.deleteConfirm')}</Text>
            <Group gap="xs">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() => remove.mutate(s, { onSuccess: () => navigate({ to: '/services', search: { unit } }) })}
              >
                {t('services.delete')}
              </Button>
            </Group>
          </Group>
        </Card>
      )}
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('services.fields.serviceDate')}>{formatDate(s.serviceDate, language)}</Fact>
          <Fact label={t('services.fields.mode')}>
            {t(`services.modes.${s.mode}`)}
            {s.outreachKind && ` · ${t(`services.outreachKinds.${s.outreachKind}`)}`}
          </Fact>
          <Fact label={t('services.fields.duration')}>{t('services.minutes', { count: s.durationMinutes })}</Fact>
          <Fact label={t('services.fields.groups')}>
            <Stack gap={0}>
              {s.groups.map((g) => (
                <Anchor
                  key={g.id}
                  renderRoot={(p) => <Link {...p} to="/groups/$id" params={{ id: String(g.id) }} search={{ unit }} />}
                >
                  {g.name}
                </Anchor>
              ))}
            </Stack>
          </Fact>
          <Fact label={t('services.fields.people')}>
            <Stack gap={0}>
              {s.people.map((p) => (
                <Anchor
                  key={p.id}
                  renderRoot={(r) => <Link {...r} to="/people/$id" params={{ id: String(p.id) }} search={{ unit }} />}
                >
                  {p.name}
                </Anchor>
              ))}
            </Stack>
          </Fact>
          <Fact label={t('services.fields.types')}>{s.typeCodes.map(typeName).join(', ')}</Fact>
          <Fact label={t('services.fields.staff')}>{s.staff.map((x) => x.name).join(', ')}</Fact>
          <Fact label={t('services.fields.partners')}>{s.partners.map((x) => x.name).join(', ')}</Fact>
          <Fact label={t('services.fields.followUpOn')}>
            {s.followUpOn ? `${formatDate(s.followUpOn, language)} · ${t(`services.followUpStatuses.${s.followUpStatus}`)}` : ''}
          </Fact>
        </SimpleGrid>
      </Card>
      <Card withBorder>
        <Stack>
          <Fact label={t('services.fields.description')}>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{s.description}</Text>
          </Fact>
          {s.outcome && (
            <Fact label={t('services.fields.outcome')}>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{s.outcome}</Text>
            </Fact>
          )}
        </Stack>
      </Card>
      <ReferralsSection filter={{ serviceId: s.id }} orgUnitCode={s.orgUnitCode} from={{ service: s }} />
      {editing && <ServiceForm service={s} unit={s.orgUnitCode} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
