import { useMutation, useQuery } from '@tanstack/react-query';
import { type BodyOf, client, data, download, type Query } from '../../api';
import { quarterLocksKeys, reportsKeys, tasksKeys, workplanKeys } from '../../hooks/keys';
import { recordHooks, useRefresh } from '../../hooks/records';

const reports = recordHooks(reportsKeys, '/api/reports', [workplanKeys.all, tasksKeys.all]);

export const useReportList = reports.useList;
export const useReport = reports.useOne;
export const useSaveReport = reports.useSave;

/** The views a report's move changes: reports, locks, the work plans and tasks. */
const useReportRefresh = () => {
  const refresh = useRefresh();
  return () => refresh(reportsKeys.all, quarterLocksKeys.all, workplanKeys.all, tasksKeys.all);
};

type ReportMove =
  | { id: number; move: 'submit'; body: BodyOf<'/api/reports/{id}/submit', 'post'> }
  | { id: number; move: 'review'; body: BodyOf<'/api/reports/{id}/review', 'post'> };

/** Submit (district), review (province: approve, or return with a comment). */
export function useReportMove() {
  const refresh = useReportRefresh();
  return useMutation({
    mutationFn: (input: ReportMove) =>
      input.move === 'submit'
        ? data(client.POST('/api/reports/{id}/submit', { params: { path: { id: input.id } }, body: input.body }))
        : data(client.POST('/api/reports/{id}/review', { params: { path: { id: input.id } }, body: input.body })),
    onSuccess: refresh,
  });
}

export function useLockQuarter() {
  const refresh = useReportRefresh();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/quarter-locks', 'post'>) => data(client.POST('/api/quarter-locks', { body })),
    onSuccess: refresh,
  });
}

export function useUnlockQuarter() {
  const refresh = useReportRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: BodyOf<'/api/quarter-locks/{id}/unlock', 'post'> }) =>
      data(client.POST('/api/quarter-locks/{id}/unlock', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useReportSummary(params: Query<'/api/reports/summary'>, enabled = true) {
  return useQuery({
    queryKey: reportsKeys.of('summary', params),
    queryFn: () => data(client.GET('/api/reports/summary', { params: { query: params } })),
    enabled,
  });
}

/** Downloads the report as the district office's memo, in Thai digits like the office's letters. */
export function useDownloadReportMemo() {
  return useMutation({
    mutationFn: (id: number) =>
      download(
        client.GET('/api/reports/{id}/report.pdf', { params: { path: { id }, query: { digits: 'thai' } }, parseAs: 'blob' }),
        'report.pdf',
      ),
  });
}
