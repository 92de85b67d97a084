import { useMutation, useQuery } from '@tanstack/react-query';
import { type BodyOf, client, data } from '../../api';
import { advancesKeys, budgetKeys, tasksKeys } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

const advances = recordHooks(advancesKeys, '/api/advances', [tasksKeys.all]);

export { advancesKeys };
export const useAdvanceList = advances.useList;

export function useAdvanceRules() {
  return useQuery({ queryKey: advancesKeys.of('rules'), queryFn: () => data(client.GET('/api/advances/rules')) });
}

/** The unit's officials who may borrow (the server decides: not committee members or viewers). */
export function useBorrowers(unit: string) {
  return useQuery({
    queryKey: advancesKeys.of('borrowers', unit),
    queryFn: () => data(client.GET('/api/advances/borrowers', { params: { query: { unit } } })),
  });
}

/** What is left unspent of the unit's allocation for an activity (payments and other advances held). */
export function useActivityBalance(itemId: number | null, unit: string) {
  return useQuery({
    queryKey: budgetKeys.of('spending', itemId, unit),
    queryFn: () => data(client.GET('/api/budget/items/{id}/spending', { params: { path: { id: itemId! }, query: { unit } } })),
    enabled: !!itemId,
  });
}

/** The delegation orders the signed-in user may cite to approve the unit's advances on a day. */
export function useAdvanceAuthorities(unit: string, on: string) {
  return useQuery({
    queryKey: advancesKeys.of('authorities', unit, on),
    queryFn: () => data(client.GET('/api/delegation-orders/authorities', { params: { query: { unit, power: 'advances', on } } })),
  });
}

/** Every change to an advance moves the unit's balance, the spending view and the home tasks too. */
function useAdvanceChange<Body>(save: (body: Body) => Promise<unknown>) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: save,
    onSuccess: () => refresh(advancesKeys.all, budgetKeys.all, tasksKeys.all),
  });
}

export const useCreateAdvance = () =>
  useAdvanceChange((body: BodyOf<'/api/advances', 'post'>) => data(client.POST('/api/advances', { body })));
export const useApproveAdvance = (id: number) =>
  useAdvanceChange((body: BodyOf<'/api/advances/{id}/approve', 'post'>) =>
    data(client.POST('/api/advances/{id}/approve', { params: { path: { id } }, body })),
  );
export const useRejectAdvance = (id: number) =>
  useAdvanceChange((body: BodyOf<'/api/advances/{id}/reject', 'post'>) =>
    data(client.POST('/api/advances/{id}/reject', { params: { path: { id } }, body })),
  );
export const useRepayAdvance = (id: number) =>
  useAdvanceChange((body: BodyOf<'/api/advances/{id}/repayments', 'post'>) =>
    data(client.POST('/api/advances/{id}/repayments', { params: { path: { id } }, body })),
  );
