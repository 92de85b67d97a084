import { useMutation, useQuery } from '@tanstack/react-query';
import type { Advance, AdvanceRule } from '#shared/advances';
import { api, toQuery } from '../../api';
import { advancesKeys, tasksKeys } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

const advances = recordHooks<Advance>(advancesKeys, '/api/advances', [tasksKeys.all]);

export { advancesKeys };
export const useAdvanceList = advances.useList;

export function useAdvanceRules() {
  return useQuery({ queryKey: advancesKeys.of('rules'), queryFn: () => api<AdvanceRule[]>('/api/advances/rules') });
}

/** Who may approve an advance of the unit (the server decides). */
export function useApprovers(unit: string) {
  return useQuery({
    queryKey: advancesKeys.of('approvers', unit),
    queryFn: () => api<{ id: number; displayName: string }[]>(`/api/advances/approvers${toQuery({ unit })}`),
  });
}

export function useCreateAdvance() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: unknown) => api<Advance>('/api/advances', { method: 'POST', body }),
    onSuccess: () => refresh(advancesKeys.all, tasksKeys.all),
  });
}

export function useRepayAdvance(advanceId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: unknown) => api<Advance>(`/api/advances/${advanceId}/repayments`, { method: 'POST', body }),
    onSuccess: () => refresh(advancesKeys.all, tasksKeys.all),
  });
}
