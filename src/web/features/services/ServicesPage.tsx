import { Badge, Button, Group, Select, Stack, Switch, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { SERVICE_RECORDERS } from '#shared/access';
import { isDistrict } from '#shared/fields';
import { type OutreachTrip, SERVICE_MODES, type Service } from '#shared/services';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/RecordList';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { useCodeList, usePage } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useGiverOptions, useServiceList, useServiceTypeName } from './api';
import { monthLabel, recentMonths } from './months';
import { ServiceForm } from './ServiceForm';
import { clientsOf, FollowUpBadge } from './ServiceParts';
import { TripForm } from './TripForm';
import { TripsPanel } from './TripsPanel';

/** The services of the unit: filtered by month, mode, type and giver, with the month's outreach trips beside them. */
export function ServicesPage() {
  const { t, language, nameOf } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const typeName = useServiceTypeName();
  const types = useCodeList('service_type');
  const givers = useGiverOptions(isDistrict(unit) ? unit : undefined, me?.orgUnit.code === unit ? me : undefined);
  const [month, setMonth] = useState<string | null>(null);
  const [mode, setMode] = useState<string | null>(null);
  const [type, setType] = useState<string | null>(null);
  const [staffId, setStaffId] = useState<string | null>(null);
  // "My tasks" links here with ?followUp=overdue, the home page's quick action with ?new=1.
  const search = useSearch({ strict: false }) as { followUp?: string; new?: boolean };
  const [overdue, setOverdue] = useState(search.followUp === 'overdue');
  const [trip, setTrip] = useState<OutreachTrip | null>(null);
  const { page, setPage, filter } = usePage();
  const [adding, setAdding] = useState<{ trip?: OutreachTrip } | null>(search.new ? {} : null);
  const [addingTrip, setAddingTrip] = useState(false);
  const exportParams = {
    unit,
    month: trip ? undefined : month,
    mode,
    type,
    staffId,
    tripId: trip?.id,
    followUp: overdue ? 'overdue' : undefined,
    page,
    pageSize: 20,
  };
  const list = useServiceList(exportParams, !!unit);
  const own = isDistrict(unit) && me?.orgUnit.code === unit;
  const canRecord = own && !!me && SERVICE_RECORDERS.includes(me.role);
  const canAddTrip = own && can(me, 'pipeline.write');
  const open = (s: Service) => navigate({ to: '/services/$id', params: { id: String(s.id) }, search: { unit } });
  const filtered = !!(month || mode || type || staffId || overdue || trip);

  return (
    <Stack>
      <PageHeader title={t('services.title')} addLabel={t('services.add')} onAdd={canRecord ? () => setAdding({}) : undefined} />
      <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-end">
        <Select
          label={t('services.filters.month')}
          placeholder={t('services.filters.allMonths')}
          clearable
          data={recentMonths(todayIso()).map((m) => ({ value: m, label: monthLabel(m, language) }))}
          value={month}
          onChange={filter(setMonth)}
        />
        <Select
          label={t('services.filters.mode')}
          placeholder={t('services.filters.allModes')}
          clearable
          data={SERVICE_MODES.map((m) => ({ value: m, label: t(`services.modes.${m}`) }))}
          value={mode}
          onChange={filter(setMode)}
        />
        <Select
          label={t('services.filters.type')}
          placeholder={t('services.filters.allTypes')}
          clearable
          searchable
          data={(types.data ?? []).map((c) => ({ value: c.code, label: nameOf(c) }))}
          value={type}
          onChange={filter(setType)}
        />
        {givers.length > 0 && (
          <Select
            label={t('services.filters.staff')}
            placeholder={t('services.filters.allStaff')}
            clearable
            searchable
            data={givers}
            value={staffId}
            onChange={filter(setStaffId)}
          />
        )}
      </Group>
      <Switch
        label={t('services.filters.overdue')}
        checked={overdue}
        onChange={(e) => filter(setOverdue)(e.currentTarget.checked)}
      />
      {unit && (
        <TripsPanel
          unit={unit}
          month={month}
          canRecord={canRecord}
          canAddTrip={canAddTrip}
          onShow={filter(setTrip)}
          onAddService={(x) => setAdding({ trip: x })}
          onAddTrip={() => setAddingTrip(true)}
        />
      )}
      {trip && (
        <Group justify="space-between" data-testid="trip-filter">
          <Text fw={700}>{t('services.trips.showing', { date: formatDate(trip.tripDate, language) })}</Text>
          <Button variant="subtle" size="xs" onClick={() => filter(setTrip)(null)}>
            {t('services.trips.showAll')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={list.error} />
      <RecordList
        exportFrom={{ path: '/api/services', params: exportParams }}
        data={list.data}
        loading={list.isPending}
        page={page}
        onPage={setPage}
        onOpen={open}
        empty={
          filtered ? (
            <EmptyState title={t('services.noMatch')} />
          ) : (
            <EmptyState
              title={t('services.empty')}
              hint={t('services.emptyHint')}
              actionLabel={t('services.add')}
              onAction={canRecord ? () => setAdding({}) : undefined}
            />
          )
        }
        columns={[
          { label: t('services.fields.serviceDate'), render: (s) => formatDate(s.serviceDate, language) },
          {
            label: t('services.fields.mode'),
            render: (s) => <Badge variant="light">{t(`services.modes.${s.mode}`)}</Badge>,
            key: true,
          },
          { label: t('services.fields.clients'), render: clientsOf, key: true },
          { label: t('services.fields.types'), render: (s) => s.typeCodes.map(typeName).join(', '), key: true },
          { label: t('services.fields.staff'), render: (s) => s.staff.map((x) => x.name).join(', ') },
          { label: t('services.fields.followUpOn'), render: (s) => <FollowUpBadge service={s} /> },
        ]}
      />
      {adding && unit && <ServiceForm unit={unit} trip={adding.trip} onClose={() => setAdding(null)} />}
      {addingTrip && unit && <TripForm unit={unit} onClose={() => setAddingTrip(false)} />}
    </Stack>
  );
}
