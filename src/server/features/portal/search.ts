/**
 * A page of a portal search, by the app's Thai word search (decisions 011 and 033): records holding every query word
 * as a whole word come first, in Thai order, read from the token index in order with a LIMIT; records holding a word
 * only inside a longer one follow, at most PARTIAL_CAP of them, read only when there are at most PARTIAL_CAP
 * whole-word matches (finding them reads every substring match). A visitor pages by "next", so nothing is counted
 * while the whole-word matches fill the page: a common word reads one page of its tokens, not a thousand.
 */
import { and, count, eq, inArray, not, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { matchesWords, thaiOrder, underUnit } from '../../db/filters';
import { searchTokens } from '../../db/schema';
import { holds, PARTIAL_CAP, queryWords, rarestFirst, type SearchKind } from '../../db/search';

export interface Paged {
  ids: number[];
  page: number;
  hasNext: boolean;
}

export interface SearchList {
  kind: SearchKind;
  table: PgTable;
  id: AnyPgColumn;
  /** The record's district (token rows carry the same). */
  unit: AnyPgColumn;
  searchText: AnyPgColumn;
  /** The list's Thai order (the token table's sort key holds the same text). */
  name: AnyPgColumn;
  /** What the public may see (visibility.ts) and the page's other filters: conditions on the table. */
  shown: SQL;
}

/** Ids of one page of the list in Thai order, narrowed to a unit (`TH`: all), without a search. */
export async function listIds(db: Db, list: SearchList, unitCode: string, page: number, pageSize: number): Promise<Paged> {
  const rows = await db
    .select({ id: list.id })
    .from(list.table)
    .where(and(list.shown, underUnit(list.unit, unitCode)))
    .orderBy(thaiOrder(list.name), list.id)
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { ids: rows.slice(0, pageSize).map((r) => r.id as number), page, hasNext: rows.length > pageSize };
}

/** Ids of one page of the records matching `q` (whole words first), narrowed to a unit (`TH`: all). */
export async function searchIds(
  db: Db,
  list: SearchList,
  q: string,
  unitCode: string,
  page: number,
  pageSize: number,
): Promise<Paged> {
  const t = searchTokens;
  const words = queryWords(q, 'segmenter');
  // The rarest word drives the index read; the others are checked per record by key.
  const [first, ...others] = await rarestFirst(db, list.kind, words, underUnit(t.orgUnitCode, unitCode));
  const whole = () =>
    db
      .select({ id: t.recordId })
      .from(t)
      .innerJoin(list.table, eq(list.id, t.recordId))
      .where(
        and(
          eq(t.kind, list.kind),
          eq(t.token, first),
          underUnit(t.orgUnitCode, unitCode),
          ...others.map((w) => holds(list.kind, t.recordId, w)),
          list.shown,
        ),
      );
  const offset = (page - 1) * pageSize;
  const wholeRows = await whole()
    .orderBy(t.sortKey, t.recordId)
    .limit(pageSize + 1)
    .offset(offset);
  if (wholeRows.length > pageSize) return { ids: wholeRows.slice(0, pageSize).map((r) => r.id), page, hasNext: true };
  // The page ends the whole-word matches, so their number is known without counting, unless the page starts after
  // them (then they are at most `offset`, counted up to there).
  const wholeTotal = wholeRows.length
    ? offset + wholeRows.length
    : offset && (await db.select({ total: count() }).from(whole().limit(offset).as('whole')))[0].total;
  let ids = wholeRows.map((r) => r.id);
  if (wholeTotal <= PARTIAL_CAP) {
    const partial = db
      .select({ id: list.id })
      .from(list.table)
      .where(
        and(
          list.shown,
          underUnit(list.unit, unitCode),
          matchesWords(list.searchText, q),
          not(and(...words.map((w) => holds(list.kind, list.id, w)))!),
        ),
      )
      .limit(PARTIAL_CAP);
    const rest = await db
      .select({ id: list.id })
      .from(list.table)
      .where(inArray(list.id, partial))
      .orderBy(thaiOrder(list.name), list.id)
      .limit(pageSize + 1 - ids.length)
      .offset(Math.max(0, offset - wholeTotal));
    ids = [...ids, ...rest.map((r) => r.id as number)];
  }
  return { ids: ids.slice(0, pageSize), page, hasNext: ids.length > pageSize };
}

/** The rows fetched for a page's ids, back in the page's order. */
export const inOrder = <R extends { id: number }>(ids: number[], rows: R[]): R[] => {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
};
