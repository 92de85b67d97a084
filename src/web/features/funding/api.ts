import { useMutation } from '@tanstack/react-query';
import type { FundingApplication } from '#shared/funding';
import { type BodyOf, client, data } from '../../api';
import { fundingKeys, outcomesKeys, PIPELINE_VIEWS } from '../../hooks/keys';
import { recordHooks, useCodeList, useRefresh } from '../../hooks/records';
import { useLanguage } from '../../i18n';

const funding = recordHooks(fundingKeys, '/api/funding', PIPELINE_VIEWS);

export const useFundingList = funding.useList;
export const useSaveFunding = funding.useSave;

export function useDecideFunding() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: BodyOf<'/api/funding/{id}/decision', 'post'> }) =>
      data(client.POST('/api/funding/{id}/decision', { params: { path: { id } }, body })),
    onSuccess: () => refresh(fundingKeys.all, outcomesKeys.all, ...PIPELINE_VIEWS),
  });
}

export function useDeleteFunding() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (f: FundingApplication) =>
      data(client.DELETE('/api/funding/{id}', { params: { path: { id: f.id } }, body: { version: f.version } })),
    onSuccess: () => refresh(fundingKeys.all, ...PIPELINE_VIEWS),
  });
}

/** A funding source's name in the user's language (blank while the code list loads). */
export function useSourceName() {
  const { nameOf } = useLanguage();
  const sources = useCodeList('funding_source');
  return (code: string) => {
    const source = sources.data?.find((c) => c.code === code);
    return source ? nameOf(source) : sources.data ? code : '';
  };
}
