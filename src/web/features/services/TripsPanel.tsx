import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { OutreachTrip } from '#shared/services';
import { formatDate } from '../../format';
import { useLanguage } from '../../i18n';
import { useTripList } from './api';

/** The month's outreach trips, each with its team, places and services; a trip's services can be shown alone. */
export function TripsPanel({
  unit,
  month,
  canRecord,
  canAddTrip,
  onShow,
  onAddService,
  onAddTrip,
}: {
  unit: string;
  month: string | null;
  canRecord: boolean;
  canAddTrip: boolean;
  onShow: (trip: OutreachTrip) => void;
  onAddService: (trip: OutreachTrip) => void;
  onAddTrip: () => void;
}) {
  const { t, language } = useLanguage();
  const trips = useTripList({ unit, month: month ?? undefined, pageSize: month ? 50 : 5 });
  return (
    <Card withBorder data-testid="outreach-trips">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('services.trips.title')}
        </Title>
        {canAddTrip && (
          <Button variant="light" size="xs" onClick={onAddTrip}>
            {t('services.trips.add')}
          </Button>
        )}
      </Group>
      {trips.data?.total === 0 && <Text c="gray.7">{t('services.trips.none')}</Text>}
      <Stack gap="xs">
        {trips.data?.items.map((trip) => (
          <Card key={trip.id} withBorder padding="xs" data-testid="outreach-trip">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
              <div>
                <Text fw={700}>{formatDate(trip.tripDate, language)}</Text>
                <Text size="sm">{trip.places.join(', ')}</Text>
                <Text size="sm" c="gray.7">
                  {t('services.trips.team')}: {trip.staff.map((s) => s.name).join(', ')}
                </Text>
              </div>
              <Badge variant="light">{t('services.trips.serviceCount', { count: trip.serviceCount })}</Badge>
            </Group>
            <Group gap="xs" mt="xs">
              <Button variant="subtle" size="xs" onClick={() => onShow(trip)}>
                {t('services.trips.show')}
              </Button>
              {canRecord && (
                <Button variant="subtle" size="xs" onClick={() => onAddService(trip)}>
                  {t('services.trips.addService')}
                </Button>
              )}
            </Group>
          </Card>
        ))}
      </Stack>
    </Card>
  );
}
