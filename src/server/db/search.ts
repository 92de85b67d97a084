import { and, count, eq, inArray, not, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgSelect, PgTable } from 'drizzle-orm/pg-core';
import { TOTAL_CAP } from '#shared/paging';
import { thaiWords } from '#shared/thai/index';
import { AppError } from '../errors';
import { idIn } from './bulk';
import type { Db } from './client';
import type { OrderKey } from './paging';
import { searchTokens } from './schema';

/** Which records a token row belongs to (migration `search_tokens` writes these four). */
export type SearchKind = 'product' | 'group' | 'wisdom' | 'person';

/** Records that hold a query word only inside a longer word: at most this many are read, then sorted. */
export const PARTIAL_CAP = 1_000;

/**
 * The words a query is searched by, lower case: the Segmenter tokens `searchTextOf` stores for texts, the words
 * between spaces for names (a name is one word to its owner, though the Segmenter may cut it).
 */
export function queryWords(q: string, by: 'segmenter' | 'spaces'): string[] {
  const lower = q.toLowerCase().trim();
  const words = by === 'segmenter' ? thaiWords(lower) : lower.split(/\s+/).filter(Boolean);
  return [...new Set(words.length ? words : [lower])];
}

/** The record (its id column) holds the word as one of its tokens: a primary-key lookup. */
export const holds = (kind: SearchKind, id: AnyPgColumn | SQL, word: string) =>
  sql`exists (select 1 from search_tokens u where u.kind = ${kind} and u.record_id = ${id} and u.token = ${word})`;

/** How many token rows of a word are counted, at most, to choose the word that drives a search (rarestFirst). */
export const DRIVER_CAP = 50_000;

/**
 * The query words, the one with the fewest records in the scope first (counted up to DRIVER_CAP each, in
 * parallel), so it drives the ordered index read and the others are checked per record. "ผ้าไหม" is searched as
 * ผ้า and ไหม: walking ผ้า's 68,000 national products in order for those also holding ไหม read 39,000 token rows
 * (240 ms), ไหม's 26 (0.6 ms). Equal counts (both over the cap) keep the longer word first.
 */
export async function rarestFirst(db: Db, kind: SearchKind, words: string[], scope: SQL | undefined): Promise<string[]> {
  const longestFirst = [...words].sort((a, b) => b.length - a.length);
  if (words.length < 2) return longestFirst;
  const t = searchTokens;
  const counts = await Promise.all(
    longestFirst.map(async (word) => {
      const rows = db
        .select({ one: sql`1` })
        .from(t)
        .where(and(eq(t.kind, kind), eq(t.token, word), scope))
        .limit(DRIVER_CAP);
      const [{ n }] = await db.select({ n: count() }).from(rows.as('word_rows'));
      return n;
    }),
  );
  return longestFirst
    .map((word, i) => ({ word, n: counts[i] }))
    .sort((a, b) => a.n - b.n)
    .map((w) => w.word);
}

type Row<Q extends PgSelect> = Awaited<Q>[number];

/**
 * One page of a search (decision 033). Records holding every word as a whole token come first, in the list's Thai
 * order (the token table's `sort_key`), read from the token index in order with a LIMIT. Records matching only
 * inside longer words (`partial`, the list's substring condition) follow: at most PARTIAL_CAP of them, read in no
 * order and sorted by the list's order, and only when there are at most PARTIAL_CAP whole-word matches: finding
 * them reads every substring match, which costs as much as the old search when the word is common.
 */
export async function readSearchPage<Q extends PgSelect>(
  db: Db,
  list: {
    kind: SearchKind;
    table: PgTable;
    id: AnyPgColumn;
    /** The list's select without WHERE or ORDER BY, new on every call. */
    rows: () => Q;
    idOf: (row: Row<Q>) => number;
    words: string[];
    /** The scope (actor and `unit` filter) on a unit-code column: applied to the token rows and to the table. */
    scope: (unitColumn: AnyPgColumn) => SQL | undefined;
    unit: AnyPgColumn;
    /** Live rows of the table (token rows exist for live rows only). */
    live: SQL;
    /** The list's other filters on the table (category, role…), if any: the token rows are joined to it then. */
    filters?: SQL;
    /** Substring match for the rest: the query found inside words, codes, the last digits of an ID. */
    partial: SQL;
    order: OrderKey<Row<Q>>[];
  },
  { page, pageSize, cursor }: { page: number; pageSize: number; cursor?: string },
) {
  if (cursor) throw new AppError('paging.bad_cursor');
  const { kind, table, id, words, filters } = list;
  const t = searchTokens;
  // The rarest word drives the ordered token read; the others are checked per record.
  const [first, ...others] = await rarestFirst(db, kind, words, list.scope(t.orgUnitCode));
  const exact = and(
    eq(t.kind, kind),
    eq(t.token, first),
    list.scope(t.orgUnitCode),
    ...others.map((w) => holds(kind, t.recordId, w)),
  );
  const whole = () => {
    const q = db.select({ id: t.recordId }).from(t).$dynamic();
    return filters ? q.innerJoin(table, eq(id, t.recordId)).where(and(exact, filters)) : q.where(exact);
  };
  const partialIds = (limit: number) =>
    db
      .select({ id })
      .from(table)
      .where(and(list.live, list.scope(list.unit), filters, list.partial, not(and(...words.map((w) => holds(kind, id, w)))!)))
      .limit(limit);

  const offset = (page - 1) * pageSize;
  const wanted = pageSize + 1;
  const [wholeIds, [{ total: wholeTotal }]] = await Promise.all([
    whole().orderBy(t.sortKey, t.recordId).limit(wanted).offset(offset),
    db.select({ total: count() }).from(
      whole()
        .limit(TOTAL_CAP + 1)
        .as('whole'),
    ),
  ]);
  let partialTotal = 0;
  let partialRows: Row<Q>[] = [];
  if (wholeTotal <= PARTIAL_CAP) {
    const rest = wanted - wholeIds.length;
    const [[counted], rows] = await Promise.all([
      db.select({ total: count() }).from(partialIds(PARTIAL_CAP + 1).as('partial')),
      rest > 0
        ? (list
            .rows()
            .where(inArray(id, partialIds(PARTIAL_CAP)))
            .orderBy(...list.order.map((k) => (k.desc ? sql`${k.by} desc` : sql`${k.by}`)))
            .limit(rest)
            .offset(Math.max(0, offset - wholeTotal)) as unknown as Promise<Row<Q>[]>)
        : [],
    ]);
    partialTotal = counted.total;
    partialRows = rows;
  }
  const position = new Map(wholeIds.map((r, i) => [r.id, i]));
  const wholeRows = wholeIds.length
    ? ((await list.rows().where(idIn(id, [...position.keys()]))) as Row<Q>[]).sort(
        (a, b) => position.get(list.idOf(a))! - position.get(list.idOf(b))!,
      )
    : [];
  const total = wholeTotal + Math.min(partialTotal, PARTIAL_CAP);
  return {
    items: [...wholeRows, ...partialRows].slice(0, pageSize),
    page,
    pageSize,
    total: Math.min(total, TOTAL_CAP),
    totalCapped: total > TOTAL_CAP || partialTotal > PARTIAL_CAP,
    nextCursor: null,
  };
}
