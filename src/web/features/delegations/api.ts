import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { DelegatedPower, DelegationOrder } from '#shared/delegations';
import type { User } from '#shared/users';
import { api, toQuery } from '../../api';
import { delegationsKeys, usersKeys } from '../../hooks/keys';
import { fetchPage, type Page, useRefresh } from '../../hooks/records';

export { delegationsKeys };

/** A page of the orders relevant to a unit: given inside it or covering it from above, newest first. */
export function useDelegationOrders(unit: string | undefined, page: number) {
  return useQuery({
    queryKey: delegationsKeys.list({ unit, page }),
    queryFn: () => fetchPage<DelegationOrder>('/api/delegation-orders', { unit, page }),
    placeholderData: keepPreviousData,
    enabled: !!unit,
  });
}

/**
 * The orders the signed-in user could cite to approve the unit's advances or payments on a day: what an approve
 * dialog offers (empty: no authority, so no approval).
 */
export function useAuthorities(unit: string | undefined, power: DelegatedPower, on?: string) {
  return useQuery({
    queryKey: delegationsKeys.of('authorities', unit, power, on),
    queryFn: () => api<DelegationOrder[]>(`/api/delegation-orders/authorities${toQuery({ unit, power, on })}`),
    enabled: !!unit,
  });
}

export function useRecordOrder() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: unknown) => api<DelegationOrder>('/api/delegation-orders', { method: 'POST', body }),
    onSuccess: () => refresh(delegationsKeys.all),
  });
}

export function useRevokeOrder() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: unknown }) =>
      api<DelegationOrder>(`/api/delegation-orders/${id}/revoke`, { method: 'POST', body }),
    onSuccess: () => refresh(delegationsKeys.all),
  });
}

/** Active accounts of a unit and the units under it, to name an officer in an acting order. */
export function useUnitOfficials(unit: string | undefined) {
  return useQuery({
    queryKey: usersKeys.list({ unit, pageSize: 200, purpose: 'delegate' }),
    queryFn: () => api<Page<User>>(`/api/users${toQuery({ unit, pageSize: 200 })}`),
    enabled: !!unit,
  });
}
