import { useMutation } from '@tanstack/react-query';
import type { Referral, ServiceRequest, ServiceRequestDetail } from '#shared/requests';
import { api } from '../../api';
import { referralsKeys, requestsKeys, servicesKeys, tasksKeys } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

const requests = recordHooks<ServiceRequest, ServiceRequestDetail>(requestsKeys, '/api/requests', [tasksKeys.all]);
const referrals = recordHooks<Referral>(referralsKeys, '/api/referrals', [requestsKeys.all, tasksKeys.all]);

export const useRequestList = requests.useList;
export const useRequest = requests.useOne;
export const useSaveRequest = requests.useSave;
export const useReferralList = referrals.useList;
export const useSaveReferral = referrals.useSave;

/** Moves a request along its statuses (accept, start, finish answered by a service, decline with a reason). */
export function useMoveRequest() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id: number;
      body: { version: number; status: string; declineReason?: string; serviceId?: number };
    }) => api<ServiceRequestDetail>(`/api/requests/${id}/status`, { method: 'POST', body }),
    onSuccess: () => refresh(requestsKeys.all, tasksKeys.all, servicesKeys.all),
  });
}
