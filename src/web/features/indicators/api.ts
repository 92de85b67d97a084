import { useQuery } from '@tanstack/react-query';
import type { CenterIndicator } from '#shared/indicators';
import { client, data } from '../../api';
import { indicatorsKeys } from '../../hooks/keys';

/** One center's indicators and results for a fiscal year, or one quarter of it. */
export function useCenterIndicators(unit: string | undefined, fiscalYear: number, quarter: number | null) {
  return useQuery({
    queryKey: indicatorsKeys.of('center', unit, fiscalYear, quarter),
    queryFn: () => data(client.GET('/api/indicators', { params: { query: { unit, fiscalYear, quarter } } })),
    enabled: !!unit,
  });
}

/** Per child unit: centers and how many meet each indicator. */
export function useIndicatorSummary(unit: string | undefined, fiscalYear: number, quarter: number | null) {
  return useQuery({
    queryKey: indicatorsKeys.of('summary', unit, fiscalYear, quarter),
    queryFn: () => data(client.GET('/api/indicators/summary', { params: { query: { unit, fiscalYear, quarter } } })),
    enabled: !!unit,
  });
}

/** The completeness matrix of a province (or one district), or the nation's shares per province. */
export function useMatrix(unit: string | undefined, fiscalYear: number) {
  return useQuery({
    queryKey: indicatorsKeys.of('matrix', unit, fiscalYear),
    queryFn: () => data(client.GET('/api/indicators/matrix', { params: { query: { unit, fiscalYear } } })),
    enabled: !!unit,
  });
}

/** The cell a user opened: a district's indicator in a month, a quarter or the year. */
export interface CellRef {
  unit: string;
  unitName: string;
  indicator: CenterIndicator;
  fiscalYear: number;
  quarter?: number;
  month?: string;
}

/** The records behind a cell (the drill-down). */
export function useIndicatorRecords(cell: CellRef | null) {
  return useQuery({
    queryKey: indicatorsKeys.of('records', cell?.unit, cell?.indicator, cell?.fiscalYear, cell?.quarter, cell?.month),
    queryFn: () =>
      data(
        client.GET('/api/indicators/records', {
          params: {
            query: {
              unit: cell!.unit,
              indicator: cell!.indicator,
              fiscalYear: cell!.fiscalYear,
              quarter: cell!.quarter,
              month: cell!.month,
            },
          },
        }),
      ),
    enabled: !!cell,
  });
}
