/**
 * The data layer every feature builds its hooks on: `recordHooks` gives a feature its query keys and its list, record
 * and save hooks, so each cache entry has one key and a save refreshes exactly what it changes.
 */
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CodeListName } from '#shared/code-lists';
import { api, asPatch, toQuery } from '../api';

/** A page of a list; `totalCapped`: more than `total` (10,000) rows, `nextCursor`: the keyset position after it. */
export type Page<T> = {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  totalCapped?: boolean;
  nextCursor?: string | null;
};

/**
 * Cursors handed out by the server, by list and page: going to the next page asks by cursor (keyset, as fast on
 * page 4,000 as on page 1), a page jumped to by number asks by offset.
 */
const cursors = new Map<string, string>();
const cursorKey = (path: string, params: Params, page: number) => {
  const { page: _, ...rest } = params;
  return `${path}?${JSON.stringify(rest)}#${page}`;
};

export async function fetchPage<Row>(path: string, params: Params): Promise<Page<Row>> {
  const page = Number(params.page ?? 1);
  const cursor = cursors.get(cursorKey(path, params, page));
  const data = await api<Page<Row>>(`${path}${toQuery(cursor ? { ...params, cursor } : params)}`);
  if (cursors.size > 1000) cursors.clear(); // a long session's old positions; asking by offset is still right
  if (data.nextCursor) cursors.set(cursorKey(path, params, page + 1), data.nextCursor);
  return data;
}
export type Params = Record<string, string | number | undefined | null>;

/** Query keys of one feature: everything under `[name]`, lists under `[name, 'list']`, one record under `[name, 'detail']`. */
export function featureKeys(name: string) {
  return {
    all: [name] as const,
    lists: () => [name, 'list'] as const,
    list: (params: Params) => [name, 'list', params] as const,
    detail: (id: number | string) => [name, 'detail', String(id)] as const,
    /** Anything else of the feature (`['budget', 'register', id, unit]`). */
    of: (...parts: unknown[]) => [name, ...parts] as const,
  };
}
export type FeatureKeys = ReturnType<typeof featureKeys>;

/** Refreshes every query under the given keys once a change is saved. */
export function useRefresh() {
  const client = useQueryClient();
  return (...keys: QueryKey[]) => Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
}

/**
 * The hooks of a record feature at `path` (`/api/wisdom`): a paged list, one record, create-or-change.
 * `refreshes` are other features' keys a save also changes (a new group moves the pipeline counts).
 */
export function recordHooks<Row extends { id: number }, Detail = Row>(
  keys: FeatureKeys,
  path: string,
  refreshes: QueryKey[] = [],
) {
  return {
    keys,
    /** A page of the list, keeping the last page on screen while the next loads. */
    useList: (params: Params, enabled = true) =>
      useQuery({
        queryKey: keys.list(params),
        queryFn: () => fetchPage<Row>(path, params),
        placeholderData: keepPreviousData,
        enabled,
      }),
    /** One record, or nothing while `id` is null. */
    useOne: (id: number | string | null | undefined) =>
      useQuery({
        queryKey: keys.detail(id ?? ''),
        queryFn: () => api<Detail>(`${path}/${id}`),
        enabled: id !== null && id !== undefined && id !== '',
      }),
    /** Creates (POST) or changes (PATCH `path/id`, a form's whole body: what it left empty is cleared) a record. */
    useSave: () => {
      const refresh = useRefresh();
      return useMutation({
        mutationFn: ({ id, body }: { id?: number; body: unknown }) =>
          id
            ? api<Detail>(`${path}/${id}`, { method: 'PATCH', body: asPatch(body) })
            : api<Detail>(path, { method: 'POST', body }),
        onSuccess: () => refresh(keys.all, ...refreshes),
      });
    },
    /** Options for a Select of the unit's records (up to 200, searchable in the field). */
    useOptions: (unit: string | undefined, label: (row: Row) => string) => {
      const list = useQuery({
        queryKey: keys.list({ unit, pageSize: 200 }),
        queryFn: () => api<Page<Row>>(`${path}${toQuery({ unit, pageSize: 200 })}`),
        enabled: !!unit,
      });
      return (list.data?.items ?? []).map((row) => ({ value: String(row.id), label: label(row) }));
    },
  };
}

export type CodeItem = { code: string; nameTh: string; nameEn: string; deprecated: boolean };
export const codeListKeys = featureKeys('code-list');

/** A configurable code list (wisdom branches, standards, service types, sales channels, funding sources), current codes first. */
export function useCodeList(list: CodeListName) {
  return useQuery({
    queryKey: codeListKeys.of(list),
    queryFn: () => api<CodeItem[]>(`/api/code-lists/${list}`),
    staleTime: 10 * 60_000,
  });
}

/** The page of a list, and `filter(setX)`: a filter's setter that also goes back to the first page. */
export function usePage() {
  const [page, setPage] = useState(1);
  const filter =
    <T>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };
  return { page, setPage, filter };
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
