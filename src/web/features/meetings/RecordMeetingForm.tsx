import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { isQuorate, type MeetingDetail, recordMeetingBody } from '#shared/meetings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { useMeetingAction } from './api';

/**
 * The meeting as held: who came (and why the others did not), the guests, when it opened and closed, what was said
 * under each agenda item, who took and checked the minutes, and what was resolved. The quorum shows as it is ticked.
 */
export function RecordMeetingForm({ meeting: m, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const { t } = useLanguage();
  const action = useMeetingAction();
  const form = useSchemaForm({
    schema: recordMeetingBody,
    initialValues: {
      attendance: m.attendees.map((a) => ({ memberId: a.memberId, attended: true, note: '' })),
      guests: '',
      openedAt: m.startsAt,
      closedAt: '12:00',
      minutes: m.agenda.map((a) => ({ seq: a.seq, minutes: '' })),
      minutesBy: '',
      minutesCheckedBy: '',
      resolutions: [] as { agendaSeq: string | null; text: string; ownerMemberId: string | null; dueOn: string | null }[],
    },
    toBody: (v) => ({
      version: m.version,
      ...v,
      resolutions: v.resolutions.map((r) => ({
        ...r,
        agendaSeq: r.agendaSeq ? Number(r.agendaSeq) : null,
        ownerMemberId: r.ownerMemberId ? Number(r.ownerMemberId) : null,
      })),
    }),
  });
  const attended = form.values.attendance.filter((a) => a.attended).length;
  const quorate = isQuorate(attended, m.membersCount, m.quorumPercent);
  const submit = form.onSubmit((v) =>
    action.mutate({ id: m.id, action: 'minutes', body: form.toBody(v) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  const members = m.attendees.map((a) => ({ value: String(a.memberId), label: a.name }));
  return (
    <Modal opened onClose={onClose} title={t('meetings.record')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={action.error} fieldsShown />
          <Title order={2} size="h5">
            {t('meetings.attendees')}
          </Title>
          <Text size="sm" c={quorate ? 'green.9' : 'red.9'} data-testid="quorum-live">
            {t('meetings.attendance', { attended, members: m.membersCount })} ·{' '}
            {t(quorate ? 'meetings.quorate' : 'meetings.notQuorate')}
          </Text>
          {m.attendees.map((a, i) => (
            <Group key={a.memberId} wrap="wrap" align="flex-end" gap="xs">
              <Checkbox
                label={a.name}
                style={{ flex: 1, minWidth: 200 }}
                {...form.getInputProps(`attendance.${i}.attended`, { type: 'checkbox' })}
              />
              <TextInput
                aria-label={t('meetings.fields.note')}
                placeholder={t(form.values.attendance[i].attended ? 'meetings.standInHint' : 'meetings.absentHint')}
                style={{ flex: 1, minWidth: 180 }}
                {...form.getInputProps(`attendance.${i}.note`)}
              />
            </Group>
          ))}
          <Textarea label={t('meetings.fields.guests')} autosize minRows={2} {...form.getInputProps('guests')} />
          <SimpleGrid cols={{ base: 2 }}>
            <TextInput label={t('meetings.fields.openedAt')} required {...form.getInputProps('openedAt')} />
            <TextInput label={t('meetings.fields.closedAt')} required {...form.getInputProps('closedAt')} />
          </SimpleGrid>
          {m.agenda.map((a, i) => (
            <Textarea
              key={a.seq}
              label={t('meetings.agendaItem', { seq: a.seq, title: a.title })}
              autosize
              minRows={2}
              {...form.getInputProps(`minutes.${i}.minutes`)}
            />
          ))}
          <Title order={2} size="h5">
            {t('meetings.resolutions')}
          </Title>
          {!quorate && (
            <Text size="sm" c="red.9">
              {t('meetings.noQuorumNoResolutions')}
            </Text>
          )}
          {form.values.resolutions.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id until saved
            <Stack key={i} gap="xs" p="xs" style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}>
              <Group justify="space-between">
                <Text fw={500}>{t('meetings.resolutionNo', { n: i + 1 })}</Text>
                <ActionIcon
                  variant="subtle"
                  color="red.9"
                  c="red.9"
                  aria-label={t('meetings.removeItem')}
                  onClick={() => form.removeListItem('resolutions', i)}
                >
                  ×
                </ActionIcon>
              </Group>
              <Textarea
                label={t('meetings.fields.resolutionText')}
                required
                autosize
                {...form.getInputProps(`resolutions.${i}.text`)}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label={t('meetings.fields.agendaSeq')}
                  clearable
                  data={m.agenda.map((a) => ({ value: String(a.seq), label: `${a.seq}. ${a.title}` }))}
                  {...form.getInputProps(`resolutions.${i}.agendaSeq`)}
                />
                <Select
                  label={t('meetings.fields.owner')}
                  clearable
                  searchable
                  data={members}
                  {...form.getInputProps(`resolutions.${i}.ownerMemberId`)}
                />
                <ThaiDateInput label={t('meetings.fields.dueOn')} clearable {...form.getInputProps(`resolutions.${i}.dueOn`)} />
              </SimpleGrid>
            </Stack>
          ))}
          <Group>
            <Button
              variant="light"
              size="xs"
              disabled={!quorate}
              onClick={() => form.insertListItem('resolutions', { agendaSeq: null, text: '', ownerMemberId: null, dueOn: null })}
            >
              {t('meetings.addResolution')}
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('meetings.fields.minutesBy')} required {...form.getInputProps('minutesBy')} />
            <TextInput label={t('meetings.fields.minutesCheckedBy')} required {...form.getInputProps('minutesCheckedBy')} />
          </SimpleGrid>
          <FormActions onCancel={onClose} saving={action.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
