import { Button, Checkbox, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { REFERABLE, REQUEST_MOVES, type RequestStatus, type ServiceRequest } from '#shared/requests';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../format';
import { useLanguage } from '../../i18n';
import { useServiceList } from '../services/api';
import { ServiceForm } from '../services/ServiceForm';
import { useMoveRequest } from './api';
import { ReferralForm } from './ReferralForm';

type Dialog = { move: RequestStatus } | { toService: true } | { refer: true } | null;

/** The next steps of a request: the status moves allowed from where it is, record it as a service, refer it. */
export function RequestActions({ request }: { request: ServiceRequest }) {
  const { t } = useLanguage();
  const move = useMoveRequest();
  const [dialog, setDialog] = useState<Dialog>(null);
  // Most requests are answered by the one service; the officer unticks this when more is to come (a referral).
  const [answers, setAnswers] = useState(true);
  const working = request.status === 'accepted' || request.status === 'in_progress';
  const go = (status: RequestStatus) =>
    status === 'accepted'
      ? move.mutate({ id: request.id, body: { version: request.version, status } })
      : setDialog({ move: status });
  return (
    <Stack gap="xs">
      <ErrorAlert error={move.error} />
      <Group gap="xs" wrap="wrap" data-testid="request-actions">
        {REQUEST_MOVES[request.status].map((status) => (
          <Button
            key={status}
            size="xs"
            variant={status === 'declined' ? 'subtle' : 'light'}
            color={status === 'declined' ? 'red' : undefined}
            loading={move.isPending && status === 'accepted'}
            onClick={() => go(status)}
          >
            {t(`requests.actions.${status}`)}
          </Button>
        ))}
        {working && !request.service && (
          <Button size="xs" variant="light" onClick={() => setDialog({ toService: true })}>
            {t('requests.actions.toService')}
          </Button>
        )}
        {REFERABLE.includes(request.status) && (request.group || request.person) && (
          <Button size="xs" variant="light" onClick={() => setDialog({ refer: true })}>
            {t('requests.actions.refer')}
          </Button>
        )}
      </Group>
      {dialog && 'move' in dialog && <MoveDialog request={request} status={dialog.move} onClose={() => setDialog(null)} />}
      {dialog && 'toService' in dialog && (
        <ServiceForm
          unit={request.orgUnitCode}
          draft={{
            groups: request.group ? [request.group] : [],
            people: request.person ? [request.person] : [],
            typeCodes: [request.subjectCode],
            description: request.description,
            requester:
              !request.person && !request.group && request.clientName
                ? { name: request.clientName, phone: request.clientPhone }
                : undefined,
          }}
          onSaved={(service) =>
            move.mutate({
              id: request.id,
              body: { version: request.version, status: answers ? 'done' : 'in_progress', serviceId: service.id },
            })
          }
          onClose={() => setDialog(null)}
        >
          <Checkbox
            label={t('requests.toService.answers')}
            checked={answers}
            onChange={(e) => setAnswers(e.currentTarget.checked)}
          />
        </ServiceForm>
      )}
      {dialog && 'refer' in dialog && (
        <ReferralForm request={request} unit={request.orgUnitCode} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
}

/** Declining asks why; starting or finishing may name the service that answered the request. */
function MoveDialog({ request, status, onClose }: { request: ServiceRequest; status: RequestStatus; onClose: () => void }) {
  const { t, language } = useLanguage();
  const move = useMoveRequest();
  const [reason, setReason] = useState('');
  const [serviceId, setServiceId] = useState<string | null>(request.service ? String(request.service.id) : null);
  const declining = status === 'declined';
  const services = useServiceList(
    {
      unit: request.orgUnitCode,
      groupId: request.group?.id,
      personId: request.group ? undefined : request.person?.id,
      pageSize: 50,
    },
    !declining && !request.service && !!(request.group || request.person),
  );
  const options = (services.data?.items ?? [])
    .filter((s) => s.serviceDate >= request.receivedOn)
    .map((s) => ({ value: String(s.id), label: `${formatDate(s.serviceDate, language)} · ${s.description}` }));
  const submit = () =>
    move.mutate(
      {
        id: request.id,
        body: {
          version: request.version,
          status,
          ...(declining ? { declineReason: reason.trim() } : {}),
          ...(!declining && serviceId && !request.service ? { serviceId: Number(serviceId) } : {}),
        },
      },
      { onSuccess: onClose },
    );
  return (
    <Modal opened onClose={onClose} title={t('requests.move.title', { status: t(`requests.statuses.${status}`) })}>
      <Stack>
        <ErrorAlert error={move.error} />
        {declining ? (
          <Textarea
            label={t('requests.fields.declineReason')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        ) : (
          !request.service && (
            <Select
              label={t('requests.move.service')}
              placeholder={t('requests.move.serviceNone')}
              clearable
              data={options}
              value={serviceId}
              onChange={setServiceId}
            />
          )
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={declining ? 'red' : undefined}
            disabled={declining && !reason.trim()}
            loading={move.isPending}
            onClick={submit}
          >
            {t('requests.move.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
