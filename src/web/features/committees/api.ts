import { useMutation } from '@tanstack/react-query';
import type { CommitteeException } from '#shared/committees';
import { client, data } from '../../api';
import { committeeExceptionsKeys, committeesKeys } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

const committees = recordHooks(committeesKeys, '/api/committees');
const exceptions = recordHooks(committeeExceptionsKeys, '/api/committee-exceptions', [committeesKeys.all]);

export const useCommitteeList = committees.useList;
export const useCommittee = committees.useOne;
export const useSaveCommittee = committees.useSave;
export const useExceptionList = exceptions.useList;
export const useSaveException = exceptions.useSave;

export function useDeleteCommittee() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (c: { id: number; version: number }) =>
      data(client.DELETE('/api/committees/{id}', { params: { path: { id: c.id } }, body: { version: c.version } })),
    onSuccess: () => refresh(committeesKeys.all),
  });
}

/** Revokes an exception: the district's composition is checked again. */
export function useRevokeException() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (e: CommitteeException) =>
      data(client.DELETE('/api/committee-exceptions/{id}', { params: { path: { id: e.id } }, body: { version: e.version } })),
    onSuccess: () => refresh(committeeExceptionsKeys.all, committeesKeys.all),
  });
}
