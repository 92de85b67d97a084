import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User } from '#shared/users';
import { api, toQuery } from '../../api';

export type UserFilters = { unit?: string; q?: string; role?: string; page: number };

export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: ['users', filters],
    queryFn: () =>
      api<{ items: User[]; total: number; page: number; pageSize: number }>(`/api/users${toQuery({ ...filters, pageSize: 20 })}`),
    placeholderData: (previous) => previous,
  });
}

export function useSaveUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: Record<string, unknown> }) =>
      id ? api<User>(`/api/users/${id}`, { method: 'PATCH', body }) : api<User>('/api/users', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: number; password: string }) =>
      api<void>(`/api/users/${id}/password`, { method: 'POST', body: { password } }),
  });
}
