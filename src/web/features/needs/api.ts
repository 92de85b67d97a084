import { useMutation } from '@tanstack/react-query';
import type { NeedsAnalysis } from '#shared/needs';
import { client, data } from '../../api';
import { needsKeys, PIPELINE_VIEWS } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

// An analysis moves its group's stage: the funnel, tasks and group pages refresh with it.
const needs = recordHooks(needsKeys, '/api/needs', PIPELINE_VIEWS);

export const useNeedsList = needs.useList;
export const useNeeds = needs.useOne;
export const useSaveNeeds = needs.useSave;

export function useDeleteNeeds() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (a: NeedsAnalysis) =>
      data(client.DELETE('/api/needs/{id}', { params: { path: { id: a.id } }, body: { version: a.version } })),
    onSuccess: () => refresh(needsKeys.all, ...PIPELINE_VIEWS),
  });
}
