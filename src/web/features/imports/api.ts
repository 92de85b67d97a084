import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ImportKind } from '#shared/imports';
import { asFormData, client, data, type Query } from '../../api';

const KEY = ['imports'] as const;

export function useBatches() {
  return useQuery({ queryKey: [...KEY, 'list'], queryFn: () => data(client.GET('/api/imports/batches')) });
}

export function useBatch(id: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'batch', id],
    queryFn: () => data(client.GET('/api/imports/batches/{id}', { params: { path: { id: id! } } })),
    enabled: id !== undefined,
  });
}

/** Reads every batch and the history again (after a commit job ends). */
export function useInvalidateImports() {
  const queries = useQueryClient();
  return useCallback(() => queries.invalidateQueries({ queryKey: KEY }), [queries]);
}

/** The commit job, polled every second until it ends. */
export function useJob(id: number | null | undefined) {
  return useQuery({
    queryKey: [...KEY, 'job', id],
    queryFn: () => data(client.GET('/api/jobs/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
    refetchInterval: (query) =>
      query.state.data && ['done', 'failed', 'cancelled'].includes(query.state.data.status) ? false : 1000,
  });
}

export function useUpload() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: ImportKind; file: File; options: Query<'/api/imports/{kind}', 'post'> }) =>
      data(
        client.POST('/api/imports/{kind}', {
          params: { path: { kind: input.kind }, query: input.options },
          body: { file: input.file },
          bodySerializer: asFormData,
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: KEY }),
  });
}

export function useCommit() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      id: number;
      version: number;
      places: Record<string, string>;
      groups: Record<string, string>;
      choices: Record<string, 'update' | 'skip'>;
    }) =>
      data(
        client.POST('/api/imports/batches/{id}/commit', {
          params: { path: { id: input.id } },
          body: { version: input.version, places: input.places, groups: input.groups, choices: input.choices },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRollback() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (batch: { id: number; version: number }) =>
      data(
        client.POST('/api/imports/batches/{id}/rollback', {
          params: { path: { id: batch.id } },
          body: { version: batch.version },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: KEY }),
  });
}
