import { useMutation, useQuery } from '@tanstack/react-query';
import type { Sale } from '#shared/sales';
import { client, data, type Query } from '../../api';
import { PIPELINE_VIEWS, salesKeys } from '../../hooks/keys';
import { recordHooks, useCodeList, useRefresh } from '../../hooks/records';
import { useLanguage } from '../../i18n';

const sales = recordHooks(salesKeys, '/api/sales', PIPELINE_VIEWS);

export const useSaleList = sales.useList;
export const useSaveSale = sales.useSave;

export function useDeleteSale() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (s: Sale) =>
      data(client.DELETE('/api/sales/{id}', { params: { path: { id: s.id } }, body: { version: s.version } })),
    onSuccess: () => refresh(salesKeys.all, ...PIPELINE_VIEWS),
  });
}

/** The income trend of a group (`groupId`) or a unit (`unit`), per month and channel. */
export function useSalesSummary(params: Query<'/api/sales/summary'>, enabled = true) {
  return useQuery({
    queryKey: salesKeys.of('summary', params),
    queryFn: () => data(client.GET('/api/sales/summary', { params: { query: params } })),
    enabled,
  });
}

/** A sales channel's name in the user's language (blank while the code list loads). */
export function useChannelName() {
  const { nameOf } = useLanguage();
  const channels = useCodeList('sales_channel');
  return (code: string) => {
    const channel = channels.data?.find((c) => c.code === code);
    return channel ? nameOf(channel) : channels.data ? code : '';
  };
}
