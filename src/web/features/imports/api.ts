import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import type { ImportBatch, ImportBatchDetail, ImportKind } from '#shared/imports';
import type { jobSchema } from '#shared/jobs';
import { ApiError, api, toQuery } from '../../api';

type Job = z.infer<typeof jobSchema>;
const KEY = ['imports'] as const;

export function useBatches() {
  return useQuery({ queryKey: [...KEY, 'list'], queryFn: () => api<{ items: ImportBatch[] }>('/api/imports/batches') });
}

export function useBatch(id: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'batch', id],
    queryFn: () => api<ImportBatchDetail>(`/api/imports/batches/${id}`),
    enabled: id !== undefined,
  });
}

/** Reads every batch and the history again (after a commit job ends). */
export function useInvalidateImports() {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: KEY }), [client]);
}

/** The commit job, polled every second until it ends. */
export function useJob(id: number | null | undefined) {
  return useQuery({
    queryKey: [...KEY, 'job', id],
    queryFn: () => api<Job>(`/api/jobs/${id}`),
    enabled: !!id,
    refetchInterval: (query) =>
      query.state.data && ['done', 'failed', 'cancelled'].includes(query.state.data.status) ? false : 1000,
  });
}

export function useUpload() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { kind: ImportKind; file: File; options: Record<string, string | number | undefined> }) => {
      const body = new FormData();
      body.append('file', input.file);
      const res = await fetch(`/api/imports/${input.kind}${toQuery(input.options)}`, {
        method: 'POST',
        body,
        credentials: 'same-origin',
      });
      const data = await res.json();
      if (!res.ok) throw new ApiError(data);
      return data as ImportBatchDetail;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useCommit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      id: number;
      version: number;
      places: Record<string, string>;
      groups: Record<string, string>;
      choices: Record<string, 'update' | 'skip'>;
    }) =>
      api<{ jobId: number; batch: ImportBatch }>(`/api/imports/batches/${input.id}/commit`, {
        method: 'POST',
        body: { version: input.version, places: input.places, groups: input.groups, choices: input.choices },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRollback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (batch: { id: number; version: number }) =>
      api<ImportBatch>(`/api/imports/batches/${batch.id}/rollback`, { method: 'POST', body: { version: batch.version } }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
