import { Modal, MultiSelect, Stack, TagsInput, Textarea } from '@mantine/core';
import { createTripBody, type OutreachTrip, tripChange } from '#shared/services';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { useMe } from '../auth/session';
import { useGiverOptions, useSaveTrip } from './api';

/** An outreach trip: the day, the team and the villages or subdistricts it went to. */
export function TripForm({ trip, unit, onClose }: { trip?: OutreachTrip; unit: string; onClose: () => void }) {
  const { t } = useLanguage();
  const { data: me } = useMe();
  const save = useSaveTrip();
  const givers = useGiverOptions(unit, me, trip?.staff);
  const form = useSchemaForm({
    schema: trip ? tripChange : createTripBody,
    initialValues: {
      tripDate: trip?.tripDate ?? todayIso(),
      staffIds: trip ? trip.staff.map((s) => String(s.id)) : me ? [String(me.user.id)] : [],
      places: trip?.places ?? [],
      note: trip?.note ?? '',
    },
    toBody: (v) => ({
      ...(trip ? { version: trip.version } : { orgUnitCode: unit }),
      tripDate: v.tripDate,
      staffIds: v.staffIds.map(Number),
      places: v.places,
      note: v.note,
    }),
  });
  const submit = form.onSubmit((values) =>
    save.mutate({ id: trip?.id, body: form.toBody(values) }, { onSuccess: onClose, onError: form.showServerErrors }),
  );
  return (
    <Modal opened onClose={onClose} title={trip ? t('services.trips.edit') : t('services.trips.add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          <ThaiDateInput label={t('services.trips.date')} required {...form.getInputProps('tripDate')} />
          <MultiSelect label={t('services.trips.team')} required searchable data={givers} {...form.getInputProps('staffIds')} />
          <TagsInput
            label={t('services.trips.places')}
            description={t('services.trips.placesHint')}
            required
            {...form.getInputProps('places')}
          />
          <Textarea label={t('services.trips.note')} autosize minRows={2} {...form.getInputProps('note')} />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
