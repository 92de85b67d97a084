import { useMutation, useQuery } from '@tanstack/react-query';
import type { Advance, AdvanceRule } from '#shared/advances';
import type { DelegationOrder } from '#shared/delegations';
import type { Spending } from '#shared/spending';
import { api, toQuery } from '../../api';
import { advancesKeys, budgetKeys, tasksKeys } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

const advances = recordHooks<Advance>(advancesKeys, '/api/advances', [tasksKeys.all]);

export { advancesKeys };
export const useAdvanceList = advances.useList;

export function useAdvanceRules() {
  return useQuery({ queryKey: advancesKeys.of('rules'), queryFn: () => api<AdvanceRule[]>('/api/advances/rules') });
}

/** The unit's officials who may borrow (the server decides: not committee members or viewers). */
export function useBorrowers(unit: string) {
  return useQuery({
    queryKey: advancesKeys.of('borrowers', unit),
    queryFn: () => api<{ id: number; displayName: string; position: string }[]>(`/api/advances/borrowers${toQuery({ unit })}`),
  });
}

/** What is left unspent of the unit's allocation for an activity (payments and other advances held). */
export function useActivityBalance(itemId: number | null, unit: string) {
  return useQuery({
    queryKey: budgetKeys.of('spending', itemId, unit),
    queryFn: () => api<Spending>(`/api/budget/items/${itemId}/spending${toQuery({ unit })}`),
    enabled: !!itemId,
  });
}

/** The delegation orders the signed-in user may cite to approve the unit's advances on a day. */
export function useAdvanceAuthorities(unit: string, on: string) {
  return useQuery({
    queryKey: advancesKeys.of('authorities', unit, on),
    queryFn: () => api<DelegationOrder[]>(`/api/delegation-orders/authorities${toQuery({ unit, power: 'advances', on })}`),
  });
}

/** Every change to an advance moves the unit's balance, the spending view and the home tasks too. */
function useAdvanceChange(url: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: unknown) => api<Advance>(url, { method: 'POST', body }),
    onSuccess: () => refresh(advancesKeys.all, budgetKeys.all, tasksKeys.all),
  });
}

export const useCreateAdvance = () => useAdvanceChange('/api/advances');
export const useApproveAdvance = (id: number) => useAdvanceChange(`/api/advances/${id}/approve`);
export const useRejectAdvance = (id: number) => useAdvanceChange(`/api/advances/${id}/reject`);
export const useRepayAdvance = (id: number) => useAdvanceChange(`/api/advances/${id}/repayments`);
