import { useMutation, useQuery } from '@tanstack/react-query';
import type { Meeting, MeetingDetail, Resolution } from '#shared/meetings';
import { ApiError, api, toQuery } from '../../api';
import { documentKeys, meetingsKeys, resolutionsKeys, tasksKeys } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

const meetings = recordHooks<Meeting, MeetingDetail>(meetingsKeys, '/api/meetings', [resolutionsKeys.all, tasksKeys.all]);
const resolutions = recordHooks<Resolution>(resolutionsKeys, '/api/resolutions', [meetingsKeys.all, tasksKeys.all]);

export const useMeetingList = meetings.useList;
export const useMeeting = meetings.useOne;
export const useSaveMeeting = meetings.useSave;
export const useResolutionList = resolutions.useList;
export const useSaveResolution = resolutions.useSave;

type TermMembers = { committeeId: number; members: { id: number; name: string; title: string; positionCode: string }[] };

/** The members of the committee term in force on a day (null while no date is chosen). */
export function useTermMembers(unit: string | undefined, on: string | null) {
  return useQuery({
    queryKey: meetingsKeys.of('members', unit, on),
    queryFn: () => api<TermMembers>(`/api/meetings/members${toQuery({ unit, on })}`),
    enabled: !!unit && !!on,
    retry: false,
  });
}

/** Records a planned meeting as held, cancels it, or deletes it. */
export function useMeetingAction() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: number; action: 'minutes' | 'cancel' | 'delete'; body: unknown }) =>
      action === 'delete'
        ? api<MeetingDetail | undefined>(`/api/meetings/${id}`, { method: 'DELETE', body })
        : api<MeetingDetail | undefined>(`/api/meetings/${id}/${action}`, { method: 'POST', body }),
    onSuccess: () => refresh(meetingsKeys.all, resolutionsKeys.all, tasksKeys.all),
  });
}

/** Downloads the invitation or the minutes; the first download issues the number on the outgoing register. */
export function useDownloadPaper() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ id, paper }: { id: number; paper: 'invitation' | 'minutes' }) => {
      const res = await fetch(`/api/meetings/${id}/${paper}.pdf`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ digits: 'thai' }),
        credentials: 'same-origin',
      });
      if (!res.ok) throw new ApiError(await res.json());
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `${paper}.pdf`;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await res.blob());
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    },
    onSuccess: () => refresh(documentKeys.all),
  });
}

export function useQuorumSetting() {
  return useQuery({
    queryKey: meetingsKeys.of('quorum'),
    queryFn: () => api<{ percent: number }>('/api/settings/meeting-quorum'),
  });
}

export function useSaveQuorum() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { percent: number }) => api<{ percent: number }>('/api/settings/meeting-quorum', { method: 'PUT', body }),
    onSuccess: () => refresh(meetingsKeys.of('quorum')),
  });
}
