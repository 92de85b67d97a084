import { useMutation } from '@tanstack/react-query';
import { type BodyOf, client, data } from '../../api';
import { referralsKeys, requestsKeys, servicesKeys, tasksKeys } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

const requests = recordHooks(requestsKeys, '/api/requests', [tasksKeys.all]);
const referrals = recordHooks(referralsKeys, '/api/referrals', [requestsKeys.all, tasksKeys.all]);

export const useRequestList = requests.useList;
export const useRequest = requests.useOne;
export const useSaveRequest = requests.useSave;
export const useReferralList = referrals.useList;
export const useSaveReferral = referrals.useSave;

/** Moves a request along its statuses (accept, start, finish answered by a service, decline with a reason). */
export function useMoveRequest() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: BodyOf<'/api/requests/{id}/status', 'post'> }) =>
      data(client.POST('/api/requests/{id}/status', { params: { path: { id } }, body })),
    onSuccess: () => refresh(requestsKeys.all, tasksKeys.all, servicesKeys.all),
  });
}
