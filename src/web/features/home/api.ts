import { useQuery } from '@tanstack/react-query';
import { client, data } from '../../api';
import { tasksKeys } from '../../hooks/keys';

export { tasksKeys };

/** Reminders of what the signed-in user should do soon. */
export function useTasks() {
  return useQuery({ queryKey: tasksKeys.all, queryFn: () => data(client.GET('/api/tasks')) });
}
