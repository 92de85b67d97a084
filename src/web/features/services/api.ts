import { useMutation } from '@tanstack/react-query';
import { SERVICE_RECORDERS } from '#shared/access';
import type { Service } from '#shared/services';
import { client, data } from '../../api';
import { servicesKeys, tasksKeys, tripsKeys } from '../../hooks/keys';
import { recordHooks, useCodeList, useRefresh } from '../../hooks/records';
import { useLanguage } from '../../i18n';
import { useUsers } from '../users/api';

const services = recordHooks(servicesKeys, '/api/services', [tasksKeys.all, tripsKeys.all]);
const trips = recordHooks(tripsKeys, '/api/outreach-trips', [servicesKeys.all]);

export const useServiceList = services.useList;
export const useService = services.useOne;
export const useSaveService = services.useSave;
export const useTripList = trips.useList;
export const useTrip = trips.useOne;
export const useSaveTrip = trips.useSave;

export function useDeleteService() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (s: Service) =>
      data(client.DELETE('/api/services/{id}', { params: { path: { id: s.id } }, body: { version: s.version } })),
    onSuccess: () => refresh(servicesKeys.all, tasksKeys.all, tripsKeys.all),
  });
}

/** A service type's name in the user's language (blank while the code list loads). */
export function useServiceTypeName() {
  const { nameOf } = useLanguage();
  const types = useCodeList('service_type');
  return (code: string) => {
    const type = types.data?.find((s) => s.code === code);
    return type ? nameOf(type) : types.data ? code : '';
  };
}

type Me = { user: { id: number; displayName: string }; role: string };

/**
 * Who may be named as giving a service of the unit: its officers and committee members. A committee member cannot
 * list users, so it is offered itself (and whoever the record already names).
 */
export function useGiverOptions(unit: string | undefined, me: Me | null | undefined, named: { id: number; name: string }[] = []) {
  const officer = me?.role === 'district_officer';
  const users = useUsers({ unit, pageSize: 200 }, officer && !!unit);
  const options = new Map<string, string>(named.map((n) => [String(n.id), n.name]));
  if (me) options.set(String(me.user.id), me.user.displayName);
  for (const u of users.data?.items ?? [])
    if (u.active && SERVICE_RECORDERS.includes(u.role) && u.orgUnitCode === unit) options.set(String(u.id), u.displayName);
  return [...options].map(([value, label]) => ({ value, label }));
}
