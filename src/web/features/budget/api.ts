import { useMutation, useQuery } from '@tanstack/react-query';
import { type BodyOf, client, data } from '../../api';
import { budgetKeys, tasksKeys } from '../../hooks/keys';
import { useRefresh } from '../../hooks/records';

export { budgetKeys };

/** Any change to the budget moves registers, balances, submissions and the home tasks. */
function useBudgetChange<Input, Result>(mutationFn: (input: Input) => Promise<Result>) {
  const refresh = useRefresh();
  return useMutation({ mutationFn, onSuccess: () => refresh(budgetKeys.all, tasksKeys.all) });
}

/** The year's budget structure; for a province or district with what that unit received on each item. */
export function useBudgetItems(fiscalYear: string, unit: string | undefined) {
  const local = unit && unit !== 'TH' ? unit : undefined;
  return useQuery({
    queryKey: budgetKeys.of('items', fiscalYear, local),
    queryFn: () => data(client.GET('/api/budget/items', { params: { query: { fiscalYear, unit: local } } })),
    enabled: !!unit,
  });
}

export function useRegister(itemId: number, unit: string) {
  return useQuery({
    queryKey: budgetKeys.of('register', itemId, unit),
    queryFn: () => data(client.GET('/api/budget/items/{id}/register', { params: { path: { id: itemId }, query: { unit } } })),
  });
}

export function useAllocations(itemId: number, unit: string) {
  return useQuery({
    queryKey: budgetKeys.of('allocations', itemId, unit),
    queryFn: () => data(client.GET('/api/budget/items/{id}/allocations', { params: { path: { id: itemId }, query: { unit } } })),
  });
}

export function useSubmissions(itemId: number, unit: string) {
  return useQuery({
    queryKey: budgetKeys.of('submissions', itemId, unit),
    queryFn: () => data(client.GET('/api/budget/items/{id}/submissions', { params: { path: { id: itemId }, query: { unit } } })),
  });
}

export function useSpending(itemId: number, unit: string) {
  return useQuery({
    queryKey: budgetKeys.of('spending', itemId, unit),
    queryFn: () => data(client.GET('/api/budget/items/{id}/spending', { params: { path: { id: itemId }, query: { unit } } })),
  });
}

/** The district's expense plan for an activity, or null before its first save. */
export function useExpensePlan(itemId: number, unit: string) {
  return useQuery({
    queryKey: budgetKeys.of('expense-plan', itemId, unit),
    queryFn: () => data(client.GET('/api/budget/items/{id}/expense-plan', { params: { path: { id: itemId }, query: { unit } } })),
  });
}

export function useExpensePlanById(planId: number) {
  return useQuery({
    queryKey: budgetKeys.of('expense-plan-id', planId),
    queryFn: () => data(client.GET('/api/expense-plans/{id}', { params: { path: { id: planId } } })),
  });
}

export const useCreateBudgetItem = () =>
  useBudgetChange((body: BodyOf<'/api/budget/items', 'post'>) => data(client.POST('/api/budget/items', { body })));

export const useAllocate = () =>
  useBudgetChange((body: BodyOf<'/api/budget/allocations', 'post'>) => data(client.POST('/api/budget/allocations', { body })));

export const useReverseAllocation = () =>
  useBudgetChange(({ id, note }: { id: number; note: string }) =>
    data(client.POST('/api/budget/allocations/{id}/reverse', { params: { path: { id } }, body: { note } })),
  );

export const useSetDeadline = (itemId: number) =>
  useBudgetChange((body: BodyOf<'/api/budget/items/{id}/deadline', 'put'>) =>
    data(client.PUT('/api/budget/items/{id}/deadline', { params: { path: { id: itemId } }, body })),
  );

export const usePay = () =>
  useBudgetChange((body: BodyOf<'/api/disbursements', 'post'>) => data(client.POST('/api/disbursements', { body })));

type PaymentDecision =
  | { id: number; action: 'approve'; body: BodyOf<'/api/disbursements/{id}/approve', 'post'> }
  | { id: number; action: 'reject'; body: BodyOf<'/api/disbursements/{id}/reject', 'post'> };

/** Approves or rejects a pending payment. */
export const useDecidePayment = () =>
  useBudgetChange((decision: PaymentDecision) =>
    decision.action === 'approve'
      ? data(client.POST('/api/disbursements/{id}/approve', { params: { path: { id: decision.id } }, body: decision.body }))
      : data(client.POST('/api/disbursements/{id}/reject', { params: { path: { id: decision.id } }, body: decision.body })),
  );

/** The delegation orders the signed-in user may cite to approve the unit's payments on a day. */
export function useSpendingAuthorities(unit: string, on: string) {
  return useQuery({
    queryKey: budgetKeys.of('authorities', unit, on),
    queryFn: () => data(client.GET('/api/delegation-orders/authorities', { params: { query: { unit, power: 'spending', on } } })),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(on),
  });
}

type ExpensePlanBody = BodyOf<'/api/expense-plans', 'put'>;

export const useSaveExpensePlan = () =>
  useBudgetChange((body: ExpensePlanBody) => data(client.PUT('/api/expense-plans', { body })));

/** Saves the plan as it is, then sends it to the province. */
export const useSubmitExpensePlan = () =>
  useBudgetChange(async (body: ExpensePlanBody) => {
    const saved = await data(client.PUT('/api/expense-plans', { body }));
    return data(
      client.POST('/api/expense-plans/{id}/submit', { params: { path: { id: saved.id } }, body: { version: saved.version } }),
    );
  });

export const useReviewExpensePlan = (planId: number) =>
  useBudgetChange(({ action, body }: { action: 'return' | 'approve'; body: BodyOf<'/api/expense-plans/{id}/return', 'post'> }) =>
    action === 'return'
      ? data(client.POST('/api/expense-plans/{id}/return', { params: { path: { id: planId } }, body }))
      : data(client.POST('/api/expense-plans/{id}/approve', { params: { path: { id: planId } }, body })),
  );
