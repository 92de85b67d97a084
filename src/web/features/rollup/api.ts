import { useQuery } from '@tanstack/react-query';
import { client, data } from '../../api';
import { budgetKeys } from '../../hooks/keys';

export interface RollupParams {
  unit: string | undefined;
  fiscalYear: string;
  /** One activity; empty for every activity of the year. */
  itemId?: number | string | null;
}

/** The year's money under a unit, per unit one level down. Under the budget's keys: every payment or allocation refreshes it. */
export function useRollup({ unit, fiscalYear, itemId }: RollupParams) {
  return useQuery({
    queryKey: budgetKeys.of('rollup', fiscalYear, unit, itemId || null),
    queryFn: () => data(client.GET('/api/spending/rollup', { params: { query: { unit: unit!, fiscalYear, itemId } } })),
    enabled: !!unit,
  });
}
