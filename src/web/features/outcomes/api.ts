import { useMutation } from '@tanstack/react-query';
import type { Outcome } from '#shared/outcomes';
import { api } from '../../api';
import { outcomesKeys, PIPELINE_VIEWS } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

const outcomes = recordHooks<Outcome>(outcomesKeys, '/api/outcomes', PIPELINE_VIEWS);

export { outcomesKeys };
export const useOutcomeList = outcomes.useList;
export const useOutcome = outcomes.useOne;
export const useSaveOutcome = outcomes.useSave;

/** Verify, withdraw a verification, or delete: each at the version read. */
export function useOutcomeAction() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ outcome, action }: { outcome: Outcome; action: 'verify' | 'unverify' | 'delete' }) => {
      const body = { version: outcome.version };
      if (action === 'delete') await api<void>(`/api/outcomes/${outcome.id}`, { method: 'DELETE', body });
      else await api<Outcome>(`/api/outcomes/${outcome.id}/${action}`, { method: 'POST', body });
    },
    onSuccess: () => refresh(outcomesKeys.all, ...PIPELINE_VIEWS),
  });
}
