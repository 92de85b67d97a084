import { useQuery } from '@tanstack/react-query';
import type { Pipeline } from '#shared/groups';
import { api, toQuery } from '../../api';
import { pipelineKeys } from '../../hooks/keys';

export { pipelineKeys };

/** The funnel of a unit for a fiscal year. */
export function usePipeline(unit: string | undefined, fiscalYear: string) {
  return useQuery({
    queryKey: pipelineKeys.of(unit, fiscalYear),
    queryFn: () => api<Pipeline>(`/api/pipeline${toQuery({ unit, fiscalYear })}`),
    enabled: !!unit,
  });
}
