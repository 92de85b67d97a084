import { useMutation } from '@tanstack/react-query';
import type { Committee, CommitteeDetail, CommitteeException } from '#shared/committees';
import { api } from '../../api';
import { committeeExceptionsKeys, committeesKeys } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

const committees = recordHooks<Committee, CommitteeDetail>(committeesKeys, '/api/committees');
const exceptions = recordHooks<CommitteeException>(committeeExceptionsKeys, '/api/committee-exceptions', [committeesKeys.all]);

export const useCommitteeList = committees.useList;
export const useCommittee = committees.useOne;
export const useSaveCommittee = committees.useSave;
export const useExceptionList = exceptions.useList;
export const useSaveException = exceptions.useSave;

export function useDeleteCommittee() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (c: { id: number; version: number }) =>
      api<void>(`/api/committees/${c.id}`, { method: 'DELETE', body: { version: c.version } }),
    onSuccess: () => refresh(committeesKeys.all),
  });
}

/** Revokes an exception: the district's composition is checked again. */
export function useRevokeException() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (e: CommitteeException) =>
      api<void>(`/api/committee-exceptions/${e.id}`, { method: 'DELETE', body: { version: e.version } }),
    onSuccess: () => refresh(committeeExceptionsKeys.all, committeesKeys.all),
  });
}
