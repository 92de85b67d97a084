import { Button, Card, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { RESOLUTION_STATUSES, type Resolution, resolutionChange } from '#shared/meetings';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { LoadingRows } from '../../components/LoadingRows';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { useSchemaForm } from '../../forms/schemaForm';
import { usePage } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { useResolutionList, useSaveResolution } from './api';
import { meetingName, ResolutionBadge, useMayWrite } from './MeetingParts';

/** The scope's resolutions, soonest due first, by status. */
export function ResolutionsList() {
  const { t } = useLanguage();
  const unit = useCurrentUnitCode();
  const { page, setPage, filter } = usePage();
  const [status, setStatus] = useState<string | null>(null);
  const list = useResolutionList({ unit, status, page, pageSize: 50 }, !!unit);
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <Select
        label={t('meetings.fields.resolutionStatus')}
        placeholder={t('meetings.filters.allStatuses')}
        clearable
        maw={320}
        data={RESOLUTION_STATUSES.map((s) => ({ value: s, label: t(`meetings.resolutionStatuses.${s}`) }))}
        value={status}
        onChange={filter(setStatus)}
      />
      <ErrorAlert error={list.error} />
      {list.isPending && <LoadingRows rows={3} />}
      {list.data && !items.length && <EmptyState title={t('meetings.noResolutions')} />}
      {items.map((r) => (
        <ResolutionCard key={r.id} resolution={r} showMeeting />
      ))}
      {list.data && list.data.total > list.data.pageSize && (
        <Group>
          <Button variant="default" disabled={page === 1} onClick={() => setPage(page - 1)}>
            {t('meetings.previousPage')}
          </Button>
          <Button variant="default" disabled={page * list.data.pageSize >= list.data.total} onClick={() => setPage(page + 1)}>
            {t('meetings.nextPage')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** One resolution: what, who, by when, how the follow-up goes; its district's officers update it. */
export function ResolutionCard({ resolution: r, showMeeting }: { resolution: Resolution; showMeeting?: boolean }) {
  const { t, language } = useLanguage();
  const unit = useCurrentUnitCode();
  const mayWrite = useMayWrite(r.orgUnitCode);
  const [editing, setEditing] = useState(false);
  const overdue = (r.status === 'open' || r.status === 'in_progress') && !!r.dueOn && r.dueOn < todayIso();
  return (
    <Card withBorder data-testid="resolution">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Text fw={500} style={{ overflowWrap: 'anywhere', flex: 1, minWidth: 200 }}>
            {r.text}
          </Text>
          <Group gap={4}>
            <ResolutionBadge status={r.status} />
            {overdue && (
              <Text c="red.9" size="sm">
                {t('meetings.overdue')}
              </Text>
            )}
          </Group>
        </Group>
        <Text size="sm" c="gray.7">
          {[
            r.owner && t('meetings.ownerIs', { name: r.owner.name }),
            r.dueOn && t('meetings.dueBy', { date: formatDate(r.dueOn, language) }),
            r.doneOn && t('meetings.doneOnIs', { date: formatDate(r.doneOn, language) }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {showMeeting && (
          <Text size="sm">
            <Link to="/meetings/$id" params={{ id: String(r.meeting.id) }} search={{ unit }}>
              {t('meetings.fromMeeting', { number: meetingName(r.meeting), date: formatDate(r.meeting.heldOn, language) })}
            </Link>
          </Text>
        )}
        {r.followUp && <Text size="sm">{t('meetings.followUpIs', { text: r.followUp })}</Text>}
        {mayWrite && (
          <Group justify="flex-end">
            <Button size="xs" variant="light" onClick={() => setEditing(true)}>
              {t('meetings.followUp')}
            </Button>
          </Group>
        )}
      </Stack>
      {editing && <FollowUpForm resolution={r} onClose={() => setEditing(false)} />}
    </Card>
  );
}

function FollowUpForm({ resolution: r, onClose }: { resolution: Resolution; onClose: () => void }) {
  const { t } = useLanguage();
  const save = useSaveResolution();
  const form = useSchemaForm({
    schema: resolutionChange,
    initialValues: { status: r.status as string, followUp: r.followUp, doneOn: r.doneOn },
    toBody: (v) => ({
      version: r.version,
      status: v.status,
      followUp: v.followUp,
      doneOn: v.status === 'done' ? v.doneOn : null,
    }),
  });
  const submit = form.onSubmit((v) =>
    save.mutate({ id: r.id, body: form.toBody(v) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={t('meetings.followUp')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          <Text size="sm">{r.text}</Text>
          <Select
            label={t('meetings.fields.resolutionStatus')}
            required
            allowDeselect={false}
            data={RESOLUTION_STATUSES.map((s) => ({ value: s, label: t(`meetings.resolutionStatuses.${s}`) }))}
            {...form.getInputProps('status')}
          />
          <Textarea label={t('meetings.fields.followUp')} autosize minRows={2} {...form.getInputProps('followUp')} />
          {form.values.status === 'done' && (
            <ThaiDateInput label={t('meetings.fields.doneOn')} required {...form.getInputProps('doneOn')} />
          )}
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
