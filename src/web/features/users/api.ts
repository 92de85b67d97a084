import { useMutation } from '@tanstack/react-query';
import { client, data, type Query } from '../../api';
import { usersKeys } from '../../hooks/keys';
import { recordHooks } from '../../hooks/records';

const users = recordHooks(usersKeys, '/api/users');

export { usersKeys };
export type UserFilters = Query<'/api/users'>;

export const useUsers = (filters: UserFilters, enabled = true) => users.useList({ pageSize: 20, ...filters }, enabled);
export const useSaveUser = users.useSave;

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: number; password: string }) =>
      data(client.POST('/api/users/{id}/password', { params: { path: { id } }, body: { password } })),
  });
}
