import { useMutation, useQuery } from '@tanstack/react-query';
import type { Allocation, BudgetItem, Register } from '#shared/budget';
import type { DelegationOrder } from '#shared/delegations';
import type { ExpensePlan, SubmissionOverview } from '#shared/expenses';
import type { Spending } from '#shared/spending';
import { api, toQuery } from '../../api';
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
    queryFn: () => api<BudgetItem[]>(`/api/budget/items${toQuery({ fiscalYear, unit: local })}`),
    enabled: !!unit,
  });
}

export function useRegister(itemId: number, unit: string) {
  return useQuery({
    queryKey: budgetKeys.of('register', itemId, unit),
    queryFn: () => api<Register>(`/api/budget/items/${itemId}/register${toQuery({ unit })}`),
  });
}

export function useAllocations(itemId: number, unit: string) {
  return useQuery({
    queryKey: budgetKeys.of('allocations', itemId, unit),
    queryFn: () => api<Allocation[]>(`/api/budget/items/${itemId}/allocations${toQuery({ unit })}`),
  });
}

export function useSubmissions(itemId: number, unit: string) {
  return useQuery({
    queryKey: budgetKeys.of('submissions', itemId, unit),
    queryFn: () => api<SubmissionOverview>(`/api/budget/items/${itemId}/submissions${toQuery({ unit })}`),
  });
}

export function useSpending(itemId: number, unit: string) {
  return useQuery({
    queryKey: budgetKeys.of('spending', itemId, unit),
    queryFn: () => api<Spending>(`/api/budget/items/${itemId}/spending${toQuery({ unit })}`),
  });
}

/** The district's expense plan for an activity, or null before its first save. */
export function useExpensePlan(itemId: number, unit: string) {
  return useQuery({
    queryKey: budgetKeys.of('expense-plan', itemId, unit),
    queryFn: () => api<ExpensePlan | null>(`/api/budget/items/${itemId}/expense-plan${toQuery({ unit })}`),
  });
}

export function useExpensePlanById(planId: number) {
  return useQuery({
    queryKey: budgetKeys.of('expense-plan-id', planId),
    queryFn: () => api<ExpensePlan>(`/api/expense-plans/${planId}`),
  });
}

export const useCreateBudgetItem = () =>
  useBudgetChange((body: unknown) => api<BudgetItem>('/api/budget/items', { method: 'POST', body }));

export const useAllocate = () =>
  useBudgetChange((body: unknown) => api<Allocation>('/api/budget/allocations', { method: 'POST', body }));

export const useReverseAllocation = () =>
  useBudgetChange(({ id, note }: { id: number; note: string }) =>
    api<Allocation>(`/api/budget/allocations/${id}/reverse`, { method: 'POST', body: { note } }),
  );

export const useSetDeadline = (itemId: number) =>
  useBudgetChange((body: unknown) => api<void>(`/api/budget/items/${itemId}/deadline`, { method: 'PUT', body }));

export const usePay = () => useBudgetChange((body: unknown) => api<Spending>('/api/disbursements', { method: 'POST', body }));

/** Approves or rejects a pending payment. */
export const useDecidePayment = () =>
  useBudgetChange(({ id, action, body }: { id: number; action: 'approve' | 'reject'; body: unknown }) =>
    api<Spending>(`/api/disbursements/${id}/${action}`, { method: 'POST', body }),
  );

/** The delegation orders the signed-in user may cite to approve the unit's payments on a day. */
export function useSpendingAuthorities(unit: string, on: string) {
  return useQuery({
    queryKey: budgetKeys.of('authorities', unit, on),
    queryFn: () => api<DelegationOrder[]>(`/api/delegation-orders/authorities${toQuery({ unit, power: 'spending', on })}`),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(on),
  });
}

export const useSaveExpensePlan = () =>
  useBudgetChange((body: unknown) => api<ExpensePlan>('/api/expense-plans', { method: 'PUT', body }));

/** Saves the plan as it is, then sends it to the province. */
export const useSubmitExpensePlan = () =>
  useBudgetChange(async (body: unknown) => {
    const saved = await api<ExpensePlan>('/api/expense-plans', { method: 'PUT', body });
    return api<ExpensePlan>(`/api/expense-plans/${saved.id}/submit`, { method: 'POST', body: { version: saved.version } });
  });

export const useReviewExpensePlan = (planId: number) =>
  useBudgetChange(({ action, body }: { action: 'return' | 'approve'; body: unknown }) =>
    api<ExpensePlan>(`/api/expense-plans/${planId}/${action}`, { method: 'POST', body }),
  );
