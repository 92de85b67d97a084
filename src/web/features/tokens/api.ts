import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { ApiToken, TokenStatus } from '#shared/tokens';
import { type BodyOf, client, data } from '../../api';
import { tokensKeys } from '../../hooks/keys';
import { fetchPage, useRefresh } from '../../hooks/records';

export type TokenFilters = { unit?: string; status?: TokenStatus; page?: number };

export function useTokens(filters: TokenFilters) {
  const params = { pageSize: 20, ...filters };
  return useQuery({
    queryKey: tokensKeys.list(params),
    queryFn: () => fetchPage('/api/tokens', params),
    placeholderData: keepPreviousData,
  });
}

/** Makes a token; the answer holds its secret, which the page shows once and never keeps. */
export function useCreateToken() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/tokens', 'post'>) => data(client.POST('/api/tokens', { body })),
    onSuccess: () => refresh(tokensKeys.all),
  });
}

export function useRevokeToken() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (token: ApiToken) =>
      data(client.POST('/api/tokens/{id}/revoke', { params: { path: { id: token.id } }, body: { version: token.version } })),
    onSuccess: () => refresh(tokensKeys.all),
  });
}
