import { Button, Card, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { Person } from '#shared/people';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { RecordHeader, RecordLink, RecordSection } from '../../components/RecordPage';
import { StatusBadge } from '../../components/StatusBadge';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { PersonActivities } from '../activities/PersonActivities';
import { can, useMe } from '../auth/session';
import { PersonReferrals } from '../requests/ReferralsSection';
import { ServicesReceived } from '../services/ServicesReceived';
import { addressOf, fetchCitizenId, personName, usePerson } from './api';
import { PersonForm } from './PersonForm';

/** Shows the full citizen ID on request (the server logs the read). */
function RevealCitizenId({ person }: { person: Person }) {
  const { t } = useLanguage();
  const [full, setFull] = useState<string | null>(null);
  if (!person.citizenIdMasked) return '—';
  if (full) return full;
  return (
    <Group gap="xs" wrap="nowrap">
      {person.citizenIdMasked}
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={async (e) => {
          e.stopPropagation();
          setFull((await fetchCitizenId(person.id)).citizenId);
        }}
      >
        {t('records.reveal')}
      </Button>
    </Group>
  );
}

/** One person: how to reach them, their roles, the wisdom they hold, their groups and OTOP registrations. */
export function PersonDetailPage() {
  const { t } = useLanguage();
  const { id } = useParams({ strict: false }) as { id: string };
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const person = usePerson(id);
  const [editing, setEditing] = useState(false);
  if (person.error) return <ErrorAlert error={person.error} />;
  if (!person.data) return <Skeleton h={300} />;
  const p = person.data;

  return (
    <Stack>
      <RecordHeader
        list="/people"
        listLabel={t('pipelineNav.people')}
        title={personName(p)}
        badges={p.roles.map((r) => <StatusBadge key={r}>{t(`personRoles.${r}`)}</StatusBadge>)}
        actions={
          can(me, 'pipeline.write') && (
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('records.edit')}
            </Button>
          )
        }
      />
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('fields.citizenId')}>
            {can(me, 'people.citizen_id.read') ? <RevealCitizenId person={p} /> : (p.citizenIdMasked ?? '—')}
          </Fact>
          <Fact label={t('fields.phone')}>{p.phone ?? '—'}</Fact>
          <Fact label={t('fields.targetType')}>{t(`targetTypes.${p.targetType}`)}</Fact>
          <Fact label={t('fields.address')}>{addressOf(p, t('fields.villageNo')) || '—'}</Fact>
        </SimpleGrid>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <RecordSection title={t('records.wisdomHeld')} empty={p.wisdom.length === 0}>
          {p.wisdom.map((w) => (
            <Text key={w.id}>
              <RecordLink to="/wisdom/$id" id={w.id}>
                {w.title}
              </RecordLink>
            </Text>
          ))}
        </RecordSection>
        <RecordSection title={t('records.groupsJoined')} empty={p.groups.length === 0}>
          {p.groups.map((g) => (
            <Group key={g.id} gap="xs">
              <RecordLink to="/groups/$id" id={g.id}>
                {g.name}
              </RecordLink>
              <Text size="sm" c="gray.7">
                {t(`memberRoles.${g.role}`)}
              </Text>
            </Group>
          ))}
        </RecordSection>
        <RecordSection title={t('records.registrations')} empty={p.registrations.length === 0}>
          {p.registrations.map((r) => (
            <Group key={r.id} gap="xs">
              <RecordLink to="/producers/$id" id={r.id}>
                {r.registrationNo}
              </RecordLink>
              <Text size="sm" c="gray.7">
                {t('fields.fiscalYear')} {r.fiscalYear} · {t(`producerStatuses.${r.status}`)}
              </Text>
            </Group>
          ))}
        </RecordSection>
      </SimpleGrid>
      <ServicesReceived personId={p.id} />
      <PersonActivities personId={p.id} />
      <PersonReferrals personId={p.id} />
      {editing && (
        <PersonForm
          person={p}
          unit={p.orgUnitCode}
          onClose={() => setEditing(false)}
          onMerged={(keptId) => {
            setEditing(false);
            navigate({ to: '/people/$id', params: { id: String(keptId) }, search: { unit } });
          }}
        />
      )}
    </Stack>
  );
}
