import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, toQuery } from '../../api';

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
type Params = Record<string, string | number | undefined | null>;

/** A paged list from the API, keeping the last page on screen while the next loads. */
export function useRecordList<T>(path: string, params: Params, enabled = true) {
  return useQuery({
    queryKey: [path, params],
    queryFn: () => api<Page<T>>(`${path}${toQuery(params)}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRecord<T>(path: string | null) {
  return useQuery({ queryKey: [path], queryFn: () => api<T>(path!), enabled: !!path });
}

/** Creates (POST path) or changes (PATCH path/id) a record, then refreshes every cached list. */
export function useSaveRecord<T>(path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: unknown }) =>
      api<T>(id ? `${path}/${id}` : path, { method: id ? 'PATCH' : 'POST', body }),
    onSuccess: () => client.invalidateQueries(),
  });
}

/** Options for a Select of records of the unit in view (up to 200, searchable in the field). */
export function useOptions<T extends { id: number }>(path: string, unit: string | undefined, label: (row: T) => string) {
  const list = useRecordList<T>(path, { unit, pageSize: 200 }, !!unit);
  return (list.data?.items ?? []).map((row) => ({ value: String(row.id), label: label(row) }));
}

export type CodeItem = { code: string; nameTh: string; nameEn: string; deprecated: boolean };

/** A configurable code list (wisdom branches, standards), current codes first. */
export function useCodeList(list: 'wisdom_branch' | 'standard') {
  return useQuery({
    queryKey: ['code-list', list],
    queryFn: () => api<CodeItem[]>(`/api/code-lists/${list}`),
    staleTime: 10 * 60_000,
  });
}

/** The search box and page of a list: typing waits 300 ms and goes back to the first page. */
export function useSearchState() {
  const [q, setQ] = useState('');
  const [query] = useDebouncedValue(q, 300);
  const [page, setPage] = useState(1);
  const search = (value: string) => {
    setQ(value);
    setPage(1);
  };
  return { q, query, search, page, setPage };
}
