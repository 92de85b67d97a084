import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { AGENDA_KINDS, createMeetingBody, type MeetingDetail, meetingChange, STANDARD_AGENDA } from '#shared/meetings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { useSchemaForm } from '../../forms/schemaForm';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { useSaveMeeting, useTermMembers } from './api';
import { useMayWrite } from './MeetingParts';

/** /meetings/new: plan the next meeting of the district's committee. */
export function NewMeetingPage() {
  const { t } = useLanguage();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const mayWrite = useMayWrite(unit);
  if (!unit || !mayWrite) return <Text c="gray.7">{t('meetings.districtOnly')}</Text>;
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('meetings.add')}
      </Title>
      <Card withBorder>
        <MeetingForm
          unit={unit}
          onClose={() => navigate({ to: '/meetings', search: { unit } })}
          onSaved={(m) => navigate({ to: '/meetings/$id', params: { id: String(m.id) }, search: { unit } })}
        />
      </Card>
    </Stack>
  );
}

/** Date, time and place, the agenda, and the members invited (everyone on the term in force, unless unticked). */
export function MeetingForm({
  meeting,
  unit,
  onClose,
  onSaved,
}: {
  meeting?: MeetingDetail;
  unit: string;
  onClose: () => void;
  onSaved?: (m: MeetingDetail) => void;
}) {
  const { t } = useLanguage();
  const save = useSaveMeeting();
  const form = useSchemaForm({
    schema: meeting ? meetingChange : createMeetingBody,
    initialValues: {
      heldOn: meeting?.heldOn ?? todayIso(),
      startsAt: meeting?.startsAt ?? '09:30',
      place: meeting?.place ?? '',
      agenda: (meeting?.agenda ?? STANDARD_AGENDA).map((a) => ({ kind: a.kind as string, title: a.title })),
      invited: meeting ? meeting.attendees.map((a) => String(a.memberId)) : (null as string[] | null),
    },
    toBody: (v) => ({
      ...(meeting ? { version: meeting.version } : { orgUnitCode: unit }),
      heldOn: v.heldOn,
      startsAt: v.startsAt,
      place: v.place,
      agenda: v.agenda,
      ...(v.invited ? { invitedMemberIds: v.invited.map(Number) } : {}),
    }),
    fieldOf: { invitedMemberIds: 'invited' },
  });
  const term = useTermMembers(unit, form.values.heldOn);
  const members = term.data?.members ?? [];
  const invited = form.values.invited ?? members.map((m) => String(m.id));
  const submit = form.onSubmit((v) =>
    save.mutate(
      { id: meeting?.id, body: form.toBody(v) },
      { onSuccess: (m) => (onSaved ? onSaved(m) : onClose()), onError: form.showServerErrors },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={save.error} fieldsShown />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <ThaiDateInput label={t('meetings.fields.heldOn')} required {...form.getInputProps('heldOn')} />
          <TextInput label={t('meetings.fields.startsAt')} required placeholder="09:30" {...form.getInputProps('startsAt')} />
        </SimpleGrid>
        <TextInput label={t('meetings.fields.place')} required {...form.getInputProps('place')} />
        <Title order={2} size="h5">
          {t('meetings.agenda')}
        </Title>
        {form.values.agenda.map((_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id until saved
          <Group key={i} align="flex-end" wrap="wrap" gap="xs">
            <Text w={28}>{i + 1}.</Text>
            <Select
              label={t('meetings.fields.agendaKind')}
              allowDeselect={false}
              w={200}
              data={AGENDA_KINDS.map((k) => ({ value: k, label: t(`meetings.agendaKinds.${k}`) }))}
              {...form.getInputProps(`agenda.${i}.kind`)}
            />
            <TextInput
              label={t('meetings.fields.agendaTitle')}
              required
              style={{ flex: 1, minWidth: 200 }}
              {...form.getInputProps(`agenda.${i}.title`)}
            />
            <ActionIcon
              variant="subtle"
              color="red.9"
              c="red.9"
              size="lg"
              aria-label={t('meetings.removeItem')}
              disabled={form.values.agenda.length === 1}
              onClick={() => form.removeListItem('agenda', i)}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="light" size="xs" onClick={() => form.insertListItem('agenda', { kind: 'other', title: '' })}>
            {t('meetings.addItem')}
          </Button>
        </Group>
        <Title order={2} size="h5">
          {t('meetings.invitedMembers')}
        </Title>
        {term.error ? (
          <ErrorAlert error={term.error} />
        ) : (
          <Checkbox.Group value={invited} onChange={(v) => form.setFieldValue('invited', v)} error={form.errors.invited}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4}>
              {members.map((m) => (
                <Checkbox key={m.id} value={String(m.id)} label={m.name} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        )}
        <FormActions onCancel={onClose} saving={save.isPending} />
      </Stack>
    </form>
  );
}

/** Changing a planned meeting, from its page. */
export function EditMeetingModal({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const { t } = useLanguage();
  return (
    <Modal opened onClose={onClose} title={t('meetings.edit')} size="xl">
      <MeetingForm meeting={meeting} unit={meeting.orgUnitCode} onClose={onClose} />
    </Modal>
  );
}
