/**
 * The data layer every feature builds its hooks on: `recordHooks` gives a feature its query keys and its list, record
 * and save hooks, so each cache entry has one key and a save refreshes exactly what it changes.
 */
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { CodeListName } from '#shared/code-lists';
import { type Answer, type ApiPath, asPatch, type BodyOf, client, data, type Query, type ResponseOf } from '../api';

/** A page of a list; `totalCapped`: more than `total` (10,000) rows, `nextCursor`: the keyset position after it. */
export type Page<T> = {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  totalCapped?: boolean;
  nextCursor?: string | null;
};

/** A list of the API: a path whose GET answers a page of records. */
export type ListPath = { [P in ApiPath]: ResponseOf<P, 'get'> extends Page<{ id: number }> ? P : never }[ApiPath];
/** One row of a list. */
export type RowOf<P extends ListPath> = ResponseOf<P, 'get'> extends Page<infer Row extends { id: number }> ? Row : never;
/** The path of one record of a list (`/api/groups/{id}` of `/api/groups`), never when there is none. */
type ItemPath<P extends ListPath> = `${P}/{id}` extends infer Item extends ApiPath ? Item : never;

/**
 * The client for a path given as a type parameter (recordHooks, fetchPage), whose per-path types openapi-fetch cannot
 * follow inside a generic function: these calls take their types from the signatures below, which read them from the
 * document at each feature's path.
 */
type PathCall = <T>(
  url: string,
  init: { params?: { path?: { id: number | string }; query?: object }; body?: unknown },
) => Promise<Answer<T>>;
const byPath = client as unknown as Record<'GET' | 'POST' | 'PATCH', PathCall>;

/**
 * Cursors handed out by the server, by list and page: going to the next page asks by cursor (keyset, as fast on
 * page 4,000 as on page 1), a page jumped to by number asks by offset.
 */
const cursors = new Map<string, string>();
const cursorKey = (path: string, params: { page?: unknown }, page: number) => {
  const { page: _, ...rest } = params;
  return `${path}?${JSON.stringify(rest)}#${page}`;
};

export async function fetchPage<P extends ListPath>(
  path: P,
  params: Query<P> & { page?: number | string | null },
): Promise<Page<RowOf<P>>> {
  const page = Number(params.page ?? 1);
  const cursor = cursors.get(cursorKey(path, params, page));
  const answer = await data(byPath.GET<Page<RowOf<P>>>(path, { params: { query: cursor ? { ...params, cursor } : params } }));
  if (cursors.size > 1000) cursors.clear(); // a long session's old positions; asking by offset is still right
  if (answer.nextCursor) cursors.set(cursorKey(path, params, page + 1), answer.nextCursor);
  return answer;
}
export type Params = Record<string, string | number | undefined | null>;

/** Query keys of one feature: everything under `[name]`, lists under `[name, 'list']`, one record under `[name, 'detail']`. */
export function featureKeys(name: string) {
  return {
    all: [name] as const,
    lists: () => [name, 'list'] as const,
    list: (params: object) => [name, 'list', params] as const,
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
 * The hooks of a record feature at `path` (`/api/wisdom`): a paged list, one record (`path/{id}`), create (POST
 * `path`) or change (PATCH `path/{id}`). Rows, records and bodies are the document's types at that path.
 * `refreshes` are other features' keys a save also changes (a new group moves the pipeline counts).
 */
export function recordHooks<P extends ListPath>(keys: FeatureKeys, path: P, refreshes: QueryKey[] = []) {
  type Detail = ResponseOf<ItemPath<P>, 'get'>;
  type Saved = ResponseOf<P, 'post'> | ResponseOf<ItemPath<P>, 'patch'>;
  type Body = BodyOf<P, 'post'> | BodyOf<ItemPath<P>, 'patch'>;
  return {
    keys,
    /** A page of the list, keeping the last page on screen while the next loads. */
    useList: (params: Query<P>, enabled = true) =>
      useQuery({
        queryKey: keys.list(params),
        queryFn: () => fetchPage(path, params),
        placeholderData: keepPreviousData,
        enabled,
      }),
    /** One record, or nothing while `id` is null. */
    useOne: (id: number | string | null | undefined) =>
      useQuery({
        queryKey: keys.detail(id ?? ''),
        queryFn: () => data(byPath.GET<Detail>(`${path}/{id}`, { params: { path: { id: id! } } })),
        enabled: id !== null && id !== undefined && id !== '',
      }),
    /** Creates (POST) or changes (PATCH `path/id`, a form's whole body: what it left empty is cleared) a record. */
    useSave: () => {
      const refresh = useRefresh();
      return useMutation({
        mutationFn: ({ id, body }: { id?: number; body: Body & object }) =>
          id
            ? data(byPath.PATCH<Saved>(`${path}/{id}`, { params: { path: { id } }, body: asPatch(body) }))
            : data(byPath.POST<Saved>(path, { body })),
        onSuccess: () => refresh(keys.all, ...refreshes),
      });
    },
    /**
     * A Select's `data` and search for the unit's records, spread on it (`<Select {...people} />`): the first 200,
     * then, as the user types, the records the server finds for the words. A district has more people and products
     * than one page holds; each is found by name. Every record once listed stays an option, so a choice keeps its
     * label while the search moves on (until the unit changes); `known` names records already chosen (an edit's
     * links) before any list does.
     */
    useOptions: (unit: string | undefined, label: (row: RowOf<P>) => string, known: { id: number; name: string }[] = []) => {
      const [searchValue, onSearchChange] = useState('');
      const seen = useRef({ unit, labels: new Map<string, string>() });
      if (seen.current.unit !== unit) seen.current = { unit, labels: new Map() };
      const { labels } = seen.current;
      for (const record of known) if (!labels.has(String(record.id))) labels.set(String(record.id), record.name);
      // A Select shows its choice's label as the search text: that is not a new search.
      const typed = searchValue.trim();
      const [q] = useDebouncedValue([...labels.values()].includes(typed) ? '' : typed.slice(0, 100), 300);
      const query = { unit, pageSize: 200, ...(q ? { q } : {}) };
      const list = useQuery({
        queryKey: keys.list(query),
        queryFn: () => data(byPath.GET<Page<RowOf<P>>>(path, { params: { query } })),
        enabled: !!unit,
      });
      // No placeholder while a search loads: the options seen so far stay, and another unit's must not join them.
      for (const row of list.data?.items ?? []) labels.set(String(row.id), label(row));
      return { data: [...labels].map(([value, text]) => ({ value, label: text })), searchValue, onSearchChange };
    },
  };
}

export type CodeItem = ResponseOf<'/api/code-lists/{list}', 'get'>[number];
export const codeListKeys = featureKeys('code-list');

/** A configurable code list (wisdom branches, standards, service types, sales channels, funding sources), current codes first. */
export function useCodeList(list: CodeListName) {
  return useQuery({
    queryKey: codeListKeys.of(list),
    queryFn: () => data(client.GET('/api/code-lists/{list}', { params: { path: { list } } })),
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
