import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { DelegatedPower } from '#shared/delegations';
import { type BodyOf, client, data } from '../../api';
import { delegationsKeys, usersKeys } from '../../hooks/keys';
import { fetchPage, useRefresh } from '../../hooks/records';

export { delegationsKeys };

/** A page of the orders relevant to a unit: given inside it or covering it from above, newest first. */
export function useDelegationOrders(unit: string | undefined, page: number) {
  return useQuery({
    queryKey: delegationsKeys.list({ unit, page }),
    queryFn: () => fetchPage('/api/delegation-orders', { unit, page }),
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
    queryFn: () => data(client.GET('/api/delegation-orders/authorities', { params: { query: { unit: unit!, power, on } } })),
    enabled: !!unit,
  });
}

export function useRecordOrder() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/delegation-orders', 'post'>) => data(client.POST('/api/delegation-orders', { body })),
    onSuccess: () => refresh(delegationsKeys.all),
  });
}

export function useRevokeOrder() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: BodyOf<'/api/delegation-orders/{id}/revoke', 'post'> }) =>
      data(client.POST('/api/delegation-orders/{id}/revoke', { params: { path: { id } }, body })),
    onSuccess: () => refresh(delegationsKeys.all),
  });
}

/** Active accounts of a unit and the units under it, to name an officer in an acting order. */
export function useUnitOfficials(unit: string | undefined) {
  return useQuery({
    queryKey: usersKeys.list({ unit, pageSize: 200, purpose: 'delegate' }),
    queryFn: () => data(client.GET('/api/users', { params: { query: { unit, pageSize: 200 } } })),
    enabled: !!unit,
  });
}
