import { useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { codeInScope } from '#shared/access';
import { client, data } from '../api';
import { useMe } from '../features/auth/session';
import { orgUnitKeys } from './keys';

export function useOrgUnit(code: string | undefined) {
  return useQuery({
    queryKey: orgUnitKeys.detail(code ?? ''),
    queryFn: () => data(client.GET('/api/org-units/{code}', { params: { path: { code: code! } } })),
    enabled: !!code,
    staleTime: 10 * 60_000,
  });
}

/** The unit the user is looking at: `?unit=` in the address when within the user's scope, else the user's own unit. */
export function useCurrentUnitCode(): string | undefined {
  const search = useSearch({ strict: false }) as { unit?: string };
  const { data: me } = useMe();
  if (!me) return undefined;
  return search.unit && codeInScope(me.orgUnit.code, search.unit) ? search.unit : me.orgUnit.code;
}
