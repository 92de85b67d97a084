import { useQuery } from '@tanstack/react-query';
import type { ProvinceTopology } from '#shared/dashboards';
import { client, data, toQuery } from '../../api';
import { dashboardsKeys } from '../../hooks/keys';

export interface Period {
  unit: string | undefined;
  fiscalYear: string;
  /** '' for the whole fiscal year. */
  quarter: string;
}

const params = ({ unit, fiscalYear, quarter }: Period) => ({ unit, fiscalYear, quarter: quarter || undefined });

/** The dashboard of a unit for a fiscal year or a quarter. */
export function useDashboard(period: Period) {
  return useQuery({
    queryKey: dashboardsKeys.of('dashboard', params(period)),
    queryFn: () => data(client.GET('/api/dashboards', { params: { query: params(period) } })),
    enabled: !!period.unit,
  });
}

/** The address of the dashboard's XLSX or PDF. */
export const dashboardFile = (period: Period, ext: 'xlsx' | 'pdf') => `/api/dashboards.${ext}${toQuery(params(period))}`;

/** The 77 provinces' names, for the map's labels. */
export function useProvinces() {
  return useQuery({
    queryKey: dashboardsKeys.of('provinces'),
    queryFn: () => data(client.GET('/api/org-units', { params: { query: { level: 'province' } } })),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The province shapes, loaded on first use so the main bundle stays small. */
export function useProvinceShapes() {
  return useQuery({
    queryKey: dashboardsKeys.of('shapes'),
    queryFn: async () => (await import('../../../shared/th-provinces.topo.json')).default as unknown as ProvinceTopology,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
