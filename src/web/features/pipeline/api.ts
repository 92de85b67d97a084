import { useQuery } from '@tanstack/react-query';
import { client, data } from '../../api';
import { pipelineKeys } from '../../hooks/keys';

export { pipelineKeys };

/** The funnel of a unit for a fiscal year. */
export function usePipeline(unit: string | undefined, fiscalYear: string) {
  return useQuery({
    queryKey: pipelineKeys.of(unit, fiscalYear),
    queryFn: () => data(client.GET('/api/pipeline', { params: { query: { unit, fiscalYear } } })),
    enabled: !!unit,
  });
}
