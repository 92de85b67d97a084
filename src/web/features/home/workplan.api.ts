import { useQuery } from '@tanstack/react-query';
import type { Workplan } from '#shared/workplan';
import { api, toQuery } from '../../api';
import { workplanKeys } from '../../hooks/keys';

/** What the unit in view should do today (the server reads it from the records in one go). */
export function useWorkplan(unit: string | undefined) {
  return useQuery({
    queryKey: workplanKeys.of(unit),
    queryFn: () => api<Workplan>(`/api/workplan${toQuery({ unit })}`),
    enabled: !!unit,
  });
}
