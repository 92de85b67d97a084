import { useMutation } from '@tanstack/react-query';
import { type BodyOf, client, data } from '../../api';
import { groupsKeys, PIPELINE_VIEWS } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

const groups = recordHooks(groupsKeys, '/api/groups', PIPELINE_VIEWS);

export { groupsKeys };
export const useGroupList = groups.useList;
export const useGroup = groups.useOne;
export const useSaveGroup = groups.useSave;
export const useGroupOptions = groups.useOptions;

/** Moves a group to another stage of the pipeline, with the reason. */
export function useChangeStage(groupId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/groups/{id}/stage', 'post'>) =>
      data(client.POST('/api/groups/{id}/stage', { params: { path: { id: groupId } }, body })),
    onSuccess: () => refresh(...PIPELINE_VIEWS),
  });
}
