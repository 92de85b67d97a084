import { useQuery } from '@tanstack/react-query';
import { client, data } from '../../api';
import { workplanKeys } from '../../hooks/keys';

/** What the unit in view should do today (the server reads it from the records in one go). */
export function useWorkplan(unit: string | undefined) {
  return useQuery({
    queryKey: workplanKeys.of(unit),
    queryFn: () => data(client.GET('/api/workplan', { params: { query: { unit } } })),
    enabled: !!unit,
  });
}
