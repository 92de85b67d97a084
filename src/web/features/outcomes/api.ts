import { useMutation } from '@tanstack/react-query';
import type { Outcome } from '#shared/outcomes';
import { client, data } from '../../api';
import { outcomesKeys, PIPELINE_VIEWS } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

const outcomes = recordHooks(outcomesKeys, '/api/outcomes', PIPELINE_VIEWS);

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
      const path = { id: outcome.id };
      if (action === 'delete') await data(client.DELETE('/api/outcomes/{id}', { params: { path }, body }));
      else if (action === 'verify') await data(client.POST('/api/outcomes/{id}/verify', { params: { path }, body }));
      else await data(client.POST('/api/outcomes/{id}/unverify', { params: { path }, body }));
    },
    onSuccess: () => refresh(outcomesKeys.all, ...PIPELINE_VIEWS),
  });
}
