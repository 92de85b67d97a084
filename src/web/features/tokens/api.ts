import { useMutation, useQuery } from '@tanstack/react-query';
import type { ApiToken, CreatedApiToken, TokenStatus } from '#shared/tokens';
import { api, toQuery } from '../../api';
import { tokensKeys } from '../../hooks/keys';
import { type Page, useRefresh } from '../../hooks/records';

export type TokenFilters = { unit?: string; status?: TokenStatus; page?: number };

export function useTokens(filters: TokenFilters) {
  const params = { pageSize: 20, ...filters };
  return useQuery({
    queryKey: tokensKeys.list(params),
    queryFn: () => api<Page<ApiToken>>(`/api/tokens${toQuery(params)}`),
    placeholderData: (previous) => previous,
  });
}

/** Makes a token; the answer holds its secret, which the page shows once and never keeps. */
export function useCreateToken() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: unknown) => api<CreatedApiToken>('/api/tokens', { method: 'POST', body }),
    onSuccess: () => refresh(tokensKeys.all),
  });
}

export function useRevokeToken() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (token: ApiToken) =>
      api<ApiToken>(`/api/tokens/${token.id}/revoke`, { method: 'POST', body: { version: token.version } }),
    onSuccess: () => refresh(tokensKeys.all),
  });
}
