import { useQuery } from '@tanstack/react-query';
import { client, data } from '../../api';
import { worklogKeys } from '../../hooks/keys';

export interface WorklogFilters {
  unit: string;
  month: string;
  type: string | null;
  mode: string | null;
  staffId: string | null;
  partnerId: string | null;
  page: number;
}

/** A month of the center's work in the unit (a province: all its districts). */
export function useWorklog(filters: WorklogFilters) {
  return useQuery({
    queryKey: worklogKeys.list({ ...filters }),
    queryFn: () => data(client.GET('/api/worklog', { params: { query: { ...filters, pageSize: 50 } } })),
    placeholderData: (previous) => previous,
  });
}
