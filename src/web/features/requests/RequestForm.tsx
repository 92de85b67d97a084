import { Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { createRequestBody, RECORDED_CHANNELS, requestChange, type ServiceRequest } from '#shared/requests';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { useSchemaForm } from '../../forms/schemaForm';
import { useCodeList } from '../../hooks/records';
import { useLanguage } from '../../i18n';
import { useGroupOptions } from '../groups/api';
import { personName, usePeopleOptions } from '../people/api';
import { useSaveRequest } from './api';

/** A request as it came in: how and when, from whom (a group, a person, or a name and phone), about what. */
export function RequestForm({ request, unit, onClose }: { request?: ServiceRequest; unit: string; onClose: () => void }) {
  const { t, nameOf } = useLanguage();
  const save = useSaveRequest();
  // A portal request keeps its channel; the others choose among the channels staff record.
  const fromPortal = request?.channel === 'portal';
  const channels = fromPortal ? (['portal'] as const) : RECORDED_CHANNELS;
  const types = useCodeList('service_type');
  const people = usePeopleOptions(unit, personName, request?.person ? [request.person] : []);
  const groups = useGroupOptions(unit, (g) => g.name, request?.group ? [request.group] : []);
  const form = useSchemaForm({
    schema: request ? requestChange : createRequestBody,
    initialValues: {
      channel: request?.channel ?? 'walk_in',
      receivedOn: request?.receivedOn ?? todayIso(),
      groupId: request?.group ? String(request.group.id) : null,
      personId: request?.person ? String(request.person.id) : null,
      clientName: request?.clientName ?? '',
      clientPhone: request?.clientPhone ?? '',
      subjectCode: request?.subjectCode ?? null,
      description: request?.description ?? '',
    },
    toBody: (v) => ({
      ...(request ? { version: request.version } : { orgUnitCode: unit }),
      channel: v.channel,
      receivedOn: v.receivedOn,
      groupId: v.groupId ? Number(v.groupId) : undefined,
      personId: v.personId ? Number(v.personId) : undefined,
      clientName: v.clientName,
      clientPhone: v.clientPhone || undefined,
      subjectCode: v.subjectCode ?? '',
      description: v.description,
    }),
  });
  const submit = form.onSubmit((v) =>
    save.mutate({ id: request?.id, body: form.toBody(v) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={request ? t('requests.edit') : t('requests.add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          <Group grow align="flex-start" wrap="wrap">
            <Select
              label={t('requests.fields.channel')}
              required
              allowDeselect={false}
              disabled={fromPortal}
              data={channels.map((c) => ({ value: c, label: t(`requests.channels.${c}`) }))}
              {...form.getInputProps('channel')}
            />
            <ThaiDateInput label={t('requests.fields.receivedOn')} required {...form.getInputProps('receivedOn')} />
          </Group>
          <Select label={t('requests.fields.group')} clearable searchable {...groups} {...form.getInputProps('groupId')} />
          <Select label={t('requests.fields.person')} clearable searchable {...people} {...form.getInputProps('personId')} />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label={t('requests.fields.clientName')} {...form.getInputProps('clientName')} />
            <TextInput label={t('requests.fields.clientPhone')} inputMode="tel" {...form.getInputProps('clientPhone')} />
          </Group>
          <Select
            label={t('requests.fields.subject')}
            required
            searchable
            data={(types.data ?? []).filter((c) => !c.deprecated).map((c) => ({ value: c.code, label: nameOf(c) }))}
            {...form.getInputProps('subjectCode')}
          />
          <Textarea
            label={t('requests.fields.description')}
            required
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
