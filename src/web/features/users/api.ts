import { useMutation, useQuery } from '@tanstack/react-query';
import type { User } from '#shared/users';
import { api, toQuery } from '../../api';
import { usersKeys } from '../../hooks/keys';
import type { Page } from '../../hooks/records';
import { useRefresh } from '../../hooks/records';

export { usersKeys };
export type UserFilters = { unit?: string; q?: string; role?: string; page?: number; pageSize?: number };

export function useUsers(filters: UserFilters, enabled = true) {
  const params = { pageSize: 20, ...filters };
  return useQuery({
    queryKey: usersKeys.list(params),
    queryFn: () => api<Page<User>>(`/api/users${toQuery(params)}`),
    placeholderData: (previous) => previous,
    enabled,
  });
}

export function useSaveUser() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: unknown }) =>
      id ? api<User>(`/api/users/${id}`, { method: 'PATCH', body }) : api<User>('/api/users', { method: 'POST', body }),
    onSuccess: () => refresh(usersKeys.all),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: number; password: string }) =>
      api<void>(`/api/users/${id}/password`, { method: 'POST', body: { password } }),
  });
}
