import { useMutation } from '@tanstack/react-query';
import type { Partner } from '#shared/partners';
import { client, data } from '../../api';
import { partnersKeys, servicesKeys } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

const partners = recordHooks(partnersKeys, '/api/partners', [servicesKeys.all]);

export const usePartnerList = partners.useList;
export const useSavePartner = partners.useSave;
export const usePartnerOptions = partners.useOptions;

export function useDeletePartner() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (p: Partner) =>
      data(client.DELETE('/api/partners/{id}', { params: { path: { id: p.id } }, body: { version: p.version } })),
    onSuccess: () => refresh(partnersKeys.all),
  });
}
