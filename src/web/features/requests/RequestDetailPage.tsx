import { Anchor, Button, Card, SimpleGrid, Skeleton, Stack, Text, Timeline } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { LockedNote } from '../../components/LockedNote';
import { RecordHeader } from '../../components/RecordPage';
import { formatDate, formatDateTime } from '../../format';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { useServiceTypeName } from '../services/api';
import { useRequest } from './api';
import { ReferralsSection, useMayRefer } from './ReferralsSection';
import { RequestActions } from './RequestActions';
import { RequestForm } from './RequestForm';
import { clientOf, RequestStatusBadge } from './RequestParts';

/** One request: who asked what and how, where it stands and how it got there, the service that answered it, referrals. */
export function RequestDetailPage() {
  const { t, language } = useLanguage();
  const { id } = useParams({ strict: false }) as { id: string };
  const unit = useCurrentUnitCode();
  const request = useRequest(id);
  const subjectName = useServiceTypeName();
  const mayRecord = useMayRefer(request.data?.orgUnitCode);
  const [editing, setEditing] = useState(false);
  if (request.error) return <ErrorAlert error={request.error} />;
  if (!request.data) return <Skeleton h={240} />;
  const r = request.data;
  // A request received in a locked quarter is not offered for change or a next step: the server would refuse them.
  const mayChange = mayRecord && !r.locked;
  const link = (to: '/groups/$id' | '/people/$id' | '/services/$id', linkId: number, text: string) => (
    <Anchor renderRoot={(p) => <Link {...p} to={to} params={{ id: String(linkId) }} search={{ unit }} />}>{text}</Anchor>
  );

  return (
    <Stack>
      <RecordHeader
        list="/requests"
        listLabel={t('requests.title')}
        title={`${r.referenceCode} · ${clientOf(r)}`}
        badges={<RequestStatusBadge status={r.status} />}
        actions={
          mayChange && (
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('records.edit')}
            </Button>
          )
        }
      />
      {mayRecord && r.locked && <LockedNote />}
      {mayChange && <RequestActions request={r} />}
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('requests.fields.referenceCode')}>{r.referenceCode}</Fact>
          <Fact label={t('requests.fields.receivedOn')}>{formatDate(r.receivedOn, language)}</Fact>
          <Fact label={t('requests.fields.channel')}>{t(`requests.channels.${r.channel}`)}</Fact>
          <Fact label={t('requests.fields.client')}>
            <Stack gap={0}>
              {r.group && link('/groups/$id', r.group.id, r.group.name)}
              {r.person && link('/people/$id', r.person.id, r.person.name)}
              {r.clientName && <Text>{r.clientName}</Text>}
              {r.clientPhone && <Text size="sm">{r.clientPhone}</Text>}
            </Stack>
          </Fact>
          <Fact label={t('requests.fields.subject')}>{subjectName(r.subjectCode)}</Fact>
          <Fact label={t('requests.fields.service')}>
            {r.service && (
              <span data-testid="request-service">
                {link('/services/$id', r.service.id, formatDate(r.service.serviceDate, language))}
              </span>
            )}
          </Fact>
        </SimpleGrid>
      </Card>
      <Card withBorder>
        <Stack>
          <Fact label={t('requests.fields.description')}>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{r.description}</Text>
          </Fact>
          {r.declineReason && (
            <Fact label={t('requests.fields.declineReason')}>
              <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{r.declineReason}</Text>
            </Fact>
          )}
        </Stack>
      </Card>
      <Card withBorder>
        <Text fw={700} mb="xs">
          {t('requests.fields.history')}
        </Text>
        <Timeline active={r.history.length - 1} bulletSize={14} lineWidth={2} data-testid="request-history">
          {r.history.map((h) => (
            <Timeline.Item key={`${h.at}-${h.status}`} title={t(`requests.statuses.${h.status}`)}>
              <Text size="sm" c="gray.7">
                {formatDateTime(h.at, language)} · {h.by ?? t('requests.byRequester')}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Card>
      <ReferralsSection filter={{ requestId: r.id }} orgUnitCode={r.orgUnitCode} />
      {editing && <RequestForm request={r} unit={r.orgUnitCode} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
