import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Permission } from '#shared/access';
import type { Me } from '#shared/users';
import { ApiError, type BodyOf, client, data } from '../../api';

export const ME_KEY = ['me'];

/** The signed-in user, or null when signed out. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        return await data(client.GET('/api/auth/me'));
      } catch (error) {
        if (error instanceof ApiError && error.problem.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export const can = (me: Me | null | undefined, permission: Permission) => !!me?.permissions.includes(permission);

export function useLogin() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/auth/login', 'post'>) => data(client.POST('/api/auth/login', { body })),
    onSuccess: (me) => {
      queries.clear();
      queries.setQueryData(ME_KEY, me);
    },
  });
}

export function useLogout() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => data(client.POST('/api/auth/logout')),
    onSuccess: () => {
      queries.clear();
      queries.setQueryData(ME_KEY, null);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: BodyOf<'/api/auth/password', 'post'>) => data(client.POST('/api/auth/password', { body })),
  });
}
