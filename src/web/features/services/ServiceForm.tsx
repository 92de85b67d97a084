import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Text, Textarea } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import {
  createServiceBody,
  FOLLOW_UP_STATUSES,
  OUTREACH_KINDS,
  type OutreachTrip,
  SERVICE_MODES,
  type Service,
  serviceChange,
} from '#shared/services';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { NumberField } from '../../components/NumberField';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { useSchemaForm } from '../../forms/schemaForm';
import { useCodeList } from '../../hooks/records';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useGroupOptions } from '../groups/api';
import { usePartnerOptions } from '../partners/api';
import { personName, usePeopleOptions } from '../people/api';
import { draftFromName, PersonForm } from '../people/PersonForm';
import { useGiverOptions, useSaveService, useTripList } from './api';

const ids = (values: string[]) => values.map(Number);
const strings = (named: { id: number }[] | undefined) => (named ?? []).map((n) => String(n.id));
/** A record linked by id and named as its picker shows it. */
type Linked = { id: number; name: string };

/** A requester known only by the name and phone they gave (a portal request): someone to find or add to the register. */
export type Requester = { name: string; phone: string | null };

/**
 * A service: when and how it was given, to whom, of which types, by whom and with which partners, and its follow-up.
 * `trip` starts a new service on that outreach trip (its date, its team); `draft` starts one from a request's client,
 * subject and words, and `onSaved` hears of the service made (the request then links to it). `children` are the
 * caller's own fields, shown before the buttons.
 */
export function ServiceForm({
  service,
  trip,
  draft,
  unit,
  onClose,
  onSaved,
  children,
}: {
  service?: Service;
  trip?: OutreachTrip;
  draft?: { people: Linked[]; groups: Linked[]; typeCodes: string[]; description: string; requester?: Requester };
  unit: string;
  onClose: () => void;
  onSaved?: (saved: Service) => void;
  children?: ReactNode;
}) {
  const { t, language, nameOf } = useLanguage();
  const { data: me } = useMe();
  const save = useSaveService();
  const types = useCodeList('service_type');
  // A person added from here shows by name at once, as do the service's own links, whichever page lists them.
  const [added, setAdded] = useState<Linked[]>([]);
  const [addingPerson, setAddingPerson] = useState(false);
  const people = usePeopleOptions(unit, personName, [...(service?.people ?? draft?.people ?? []), ...added]);
  const groups = useGroupOptions(unit, (g) => g.name, service?.groups ?? draft?.groups);
  const partners = usePartnerOptions(unit, (p) => p.name, service?.partners);
  const givers = useGiverOptions(unit, me, [...(service?.staff ?? []), ...(trip?.staff ?? [])]);
  const trips = useTripList({ unit, pageSize: 100 }, !!unit);
  const form = useSchemaForm({
    schema: service ? serviceChange : createServiceBody,
    initialValues: {
      serviceDate: service?.serviceDate ?? trip?.tripDate ?? todayIso(),
      mode: service?.mode ?? (trip ? 'outreach' : 'center'),
      outreachKind: service?.outreachKind ?? (trip ? 'scheduled' : null),
      tripId: String(service?.tripId ?? trip?.id ?? ''),
      personIds: strings(service?.people ?? draft?.people),
      groupIds: strings(service?.groups ?? draft?.groups),
      typeCodes: service?.typeCodes ?? draft?.typeCodes ?? [],
      description: service?.description ?? draft?.description ?? '',
      staffIds: service ? strings(service.staff) : trip ? strings(trip.staff) : me ? [String(me.user.id)] : [],
      partnerIds: strings(service?.partners),
      durationMinutes: (service?.durationMinutes ?? 60) as number | string,
      outcome: service?.outcome ?? '',
      followUpOn: service?.followUpOn ?? null,
      followUpStatus: service?.followUpStatus ?? null,
    },
    toBody: (v) => {
      const outreach = v.mode === 'outreach';
      return {
        ...(service ? { version: service.version } : { orgUnitCode: unit }),
        serviceDate: v.serviceDate,
        mode: v.mode,
        outreachKind: outreach ? (v.outreachKind ?? undefined) : undefined,
        tripId: outreach && v.tripId ? Number(v.tripId) : undefined,
        personIds: ids(v.personIds),
        groupIds: ids(v.groupIds),
        typeCodes: v.typeCodes,
        description: v.description,
        staffIds: ids(v.staffIds),
        partnerIds: ids(v.partnerIds),
        durationMinutes: v.durationMinutes === '' ? undefined : Number(v.durationMinutes),
        outcome: v.outcome,
        followUpOn: v.followUpOn ?? undefined,
        followUpStatus: v.followUpOn ? (v.followUpStatus ?? undefined) : undefined,
      };
    },
  });
  const values = form.getValues();
  // A service belongs only to a trip of its own day.
  const tripOptions = (trips.data?.items ?? [])
    .filter((x) => x.tripDate === values.serviceDate)
    .map((x) => ({
      value: String(x.id),
      label: t('services.trips.label', { date: formatDate(x.tripDate, language), places: x.places.join(', ') }),
    }));
  const submit = form.onSubmit((v) =>
    save.mutate(
      { id: service?.id, body: form.toBody(v) },
      {
        onSuccess: (saved) => {
          onSaved?.(saved);
          onClose();
        },
        onError: form.showServerErrors,
      },
    ),
  );
  const requester = draft?.requester;
  return (
    <>
      <Modal opened={!addingPerson} onClose={onClose} title={service ? t('services.edit') : t('services.add')} size="lg">
        <form onSubmit={submit} noValidate>
          <Stack>
            <ErrorAlert error={save.error} fieldsShown />
            <Group grow align="flex-start" wrap="wrap">
              <ThaiDateInput label={t('services.fields.serviceDate')} required {...form.getInputProps('serviceDate')} />
              <Select
                label={t('services.fields.mode')}
                required
                allowDeselect={false}
                data={SERVICE_MODES.map((m) => ({ value: m, label: t(`services.modes.${m}`) }))}
                {...form.getInputProps('mode')}
              />
            </Group>
            {values.mode === 'outreach' && (
              <Group grow align="flex-start" wrap="wrap">
                <Select
                  label={t('services.fields.outreachKind')}
                  required
                  data={OUTREACH_KINDS.map((k) => ({ value: k, label: t(`services.outreachKinds.${k}`) }))}
                  {...form.getInputProps('outreachKind')}
                />
                <Select label={t('services.fields.trip')} clearable data={tripOptions} {...form.getInputProps('tripId')} />
              </Group>
            )}
            {requester && (
              <Alert color="blue" data-testid="requester" title={t('requests.toService.requester')}>
                <Text size="sm">{[requester.name, requester.phone].filter(Boolean).join(' · ')}</Text>
                <Text size="sm">{t('requests.toService.pickOrAdd')}</Text>
                {can(me, 'pipeline.write') && (
                  <Button size="xs" variant="light" mt="xs" onClick={() => setAddingPerson(true)}>
                    {t('requests.toService.addPerson')}
                  </Button>
                )}
              </Alert>
            )}
            <MultiSelect label={t('services.fields.groups')} searchable {...groups} {...form.getInputProps('groupIds')} />
            <MultiSelect label={t('services.fields.people')} searchable {...people} {...form.getInputProps('personIds')} />
            <MultiSelect
              label={t('services.fields.types')}
              required
              searchable
              data={(types.data ?? []).filter((c) => !c.deprecated).map((c) => ({ value: c.code, label: nameOf(c) }))}
              {...form.getInputProps('typeCodes')}
            />
            <Textarea
              label={t('services.fields.description')}
              required
              autosize
              minRows={2}
              {...form.getInputProps('description')}
            />
            <MultiSelect
              label={t('services.fields.staff')}
              required
              searchable
              data={givers}
              {...form.getInputProps('staffIds')}
            />
            <MultiSelect label={t('services.fields.partners')} searchable {...partners} {...form.getInputProps('partnerIds')} />
            <NumberField
              label={t('services.fields.duration')}
              required
              min={1}
              allowDecimal={false}
              {...form.getInputProps('durationMinutes')}
            />
            <Textarea label={t('services.fields.outcome')} autosize minRows={2} {...form.getInputProps('outcome')} />
            <Group grow align="flex-start" wrap="wrap">
              <ThaiDateInput label={t('services.fields.followUpOn')} clearable {...form.getInputProps('followUpOn')} />
              {values.followUpOn && (
                <Select
                  label={t('services.fields.followUpStatus')}
                  data={FOLLOW_UP_STATUSES.map((s) => ({ value: s, label: t(`services.followUpStatuses.${s}`) }))}
                  placeholder={t('services.followUpStatuses.pending')}
                  {...form.getInputProps('followUpStatus')}
                />
              )}
            </Group>
            {children}
            <FormActions onCancel={onClose} saving={save.isPending} />
          </Stack>
        </form>
      </Modal>
      {addingPerson && requester && (
        <PersonForm
          unit={unit}
          draft={draftFromName(requester.name, requester.phone)}
          onSaved={(person) => {
            setAdded((list) => [...list, { id: person.id, name: personName(person) }]);
            form.setFieldValue('personIds', [...form.getValues().personIds, String(person.id)]);
          }}
          onClose={() => setAddingPerson(false)}
        />
      )}
    </>
  );
}
