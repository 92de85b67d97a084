import { useMutation, useQuery } from '@tanstack/react-query';
import type { QuarterLock, QuarterlyReport, ReportSummary } from '#shared/reports';
import { api, toQuery } from '../../api';
import { quarterLocksKeys, reportsKeys, tasksKeys, workplanKeys } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

const reports = recordHooks<QuarterlyReport>(reportsKeys, '/api/reports', [workplanKeys.all, tasksKeys.all]);

export const useReportList = reports.useList;
export const useReport = reports.useOne;
export const useSaveReport = reports.useSave;

/** The views a report's move changes: reports, locks, the work plans and tasks. */
const useReportRefresh = () => {
  const refresh = useRefresh();
  return () => refresh(reportsKeys.all, quarterLocksKeys.all, workplanKeys.all, tasksKeys.all);
};

/** Submit (district), review (province: approve, or return with a comment). */
export function useReportMove() {
  const refresh = useReportRefresh();
  return useMutation({
    mutationFn: ({ id, move, body }: { id: number; move: 'submit' | 'review'; body: object }) =>
      api<QuarterlyReport>(`/api/reports/${id}/${move}`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useLockQuarter() {
  const refresh = useReportRefresh();
  return useMutation({
    mutationFn: (body: { unit: string; fiscalYear: number; quarter: number }) =>
      api<QuarterLock>('/api/quarter-locks', { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useUnlockQuarter() {
  const refresh = useReportRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: { version: number; reason: string } }) =>
      api<QuarterLock>(`/api/quarter-locks/${id}/unlock`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useReportSummary(params: { unit?: string; fiscalYear: number; quarter: number }, enabled = true) {
  return useQuery({
    queryKey: reportsKeys.of('summary', params),
    queryFn: () => api<ReportSummary>(`/api/reports/summary${toQuery(params)}`),
    enabled,
  });
}
