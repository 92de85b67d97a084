import { useMutation, useQuery } from '@tanstack/react-query';
import { type BodyOf, client, data, download } from '../../api';
import { documentKeys, meetingsKeys, resolutionsKeys, tasksKeys } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

const meetings = recordHooks(meetingsKeys, '/api/meetings', [resolutionsKeys.all, tasksKeys.all]);
const resolutions = recordHooks(resolutionsKeys, '/api/resolutions', [meetingsKeys.all, tasksKeys.all]);

export const useMeetingList = meetings.useList;
export const useMeeting = meetings.useOne;
export const useSaveMeeting = meetings.useSave;
export const useResolutionList = resolutions.useList;
export const useSaveResolution = resolutions.useSave;

/** The members of the committee term in force on a day (null while no date is chosen). */
export function useTermMembers(unit: string | undefined, on: string | null) {
  return useQuery({
    queryKey: meetingsKeys.of('members', unit, on),
    queryFn: () => data(client.GET('/api/meetings/members', { params: { query: { unit: unit!, on } } })),
    enabled: !!unit && !!on,
    retry: false,
  });
}

type MeetingAction =
  | { id: number; action: 'minutes'; body: BodyOf<'/api/meetings/{id}/minutes', 'post'> }
  | { id: number; action: 'cancel'; body: BodyOf<'/api/meetings/{id}/cancel', 'post'> }
  | { id: number; action: 'delete'; body: BodyOf<'/api/meetings/{id}', 'delete'> };

/** Records a planned meeting as held, cancels it, or deletes it. */
export function useMeetingAction() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: MeetingAction) => {
      const path = { id: input.id };
      if (input.action === 'delete') return data(client.DELETE('/api/meetings/{id}', { params: { path }, body: input.body }));
      if (input.action === 'cancel')
        return data(client.POST('/api/meetings/{id}/cancel', { params: { path }, body: input.body }));
      return data(client.POST('/api/meetings/{id}/minutes', { params: { path }, body: input.body }));
    },
    onSuccess: () => refresh(meetingsKeys.all, resolutionsKeys.all, tasksKeys.all),
  });
}

/** Downloads the invitation or the minutes; the first download issues the number on the outgoing register. */
export function useDownloadPaper() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, paper }: { id: number; paper: 'invitation' | 'minutes' }) => {
      const init = { params: { path: { id } }, body: { digits: 'thai' as const }, parseAs: 'blob' as const };
      const call =
        paper === 'invitation'
          ? client.POST('/api/meetings/{id}/invitation.pdf', init)
          : client.POST('/api/meetings/{id}/minutes.pdf', init);
      return download(call, `${paper}.pdf`);
    },
    onSuccess: () => refresh(documentKeys.all),
  });
}

export function useQuorumSetting() {
  return useQuery({
    queryKey: meetingsKeys.of('quorum'),
    queryFn: () => data(client.GET('/api/settings/meeting-quorum')),
  });
}

export function useSaveQuorum() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/settings/meeting-quorum', 'put'>) =>
      data(client.PUT('/api/settings/meeting-quorum', { body })),
    onSuccess: () => refresh(meetingsKeys.of('quorum')),
  });
}
