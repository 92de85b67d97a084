import { useMutation } from '@tanstack/react-query';
import type { Partner } from '#shared/partners';
import { api } from '../../api';
import { partnersKeys, servicesKeys } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

const partners = recordHooks<Partner>(partnersKeys, '/api/partners', [servicesKeys.all]);

export const usePartnerList = partners.useList;
export const useSavePartner = partners.useSave;
export const usePartnerOptions = partners.useOptions;

export function useDeletePartner() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (p: Partner) => api<void>(`/api/partners/${p.id}`, { method: 'DELETE', body: { version: p.version } }),
    onSuccess: () => refresh(partnersKeys.all),
  });
}
