import { and, count, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgSelect, PgTable } from 'drizzle-orm/pg-core';
import { TOTAL_CAP } from '#shared/paging';
import { isIsoDate } from '#shared/thai/calendar';
import { AppError } from '../errors';
import type { Db } from './client';

type KeyKind = 'int' | 'text' | 'date' | 'bool';

/**
 * One key of a list's ORDER BY: the SQL it sorts by, the type of its value, and how to read that value from a
 * result row (for the cursor). The last key of every list is unique (the id), so the order is total.
 */
export interface OrderKey<R> {
  by: SQL | AnyPgColumn;
  kind: KeyKind;
  of: (row: R) => unknown;
  desc?: boolean;
  /** May be null; PostgreSQL sorts nulls as the largest value (last ascending, first descending). */
  nullable?: boolean;
}

export const key = <R>(
  by: SQL | AnyPgColumn,
  kind: KeyKind,
  of: (row: R) => unknown,
  options: { desc?: boolean; nullable?: boolean } = {},
): OrderKey<R> => ({ by, kind, of, ...options });

const CAST: Record<KeyKind, SQL> = {
  int: sql`integer`,
  text: sql`text`,
  date: sql`date`,
  bool: sql`boolean`,
};

const fits: Record<KeyKind, (v: unknown) => boolean> = {
  int: (v) => Number.isSafeInteger(v),
  text: (v) => typeof v === 'string',
  date: (v) => typeof v === 'string' && isIsoDate(v),
  bool: (v) => typeof v === 'boolean',
};

type Row<Q extends PgSelect> = Awaited<Q>[number];

/** Which page of a list to read; `skipTotal` when the caller never shows the total (an export reads every page). */
export interface PageRequest {
  page: number;
  pageSize: number;
  cursor?: string;
  skipTotal?: boolean;
}

const badCursor = () => new AppError('paging.bad_cursor');

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The key values a cursor carries, checked against the list's keys (another list's cursor does not fit). */
export function decodeCursor(cursor: string, keys: OrderKey<never>[]): unknown[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(values) || values.length !== keys.length) throw badCursor();
  keys.forEach((k, i) => {
    const v = values[i];
    if (!(v === null ? k.nullable : fits[k.kind](v))) throw badCursor();
  });
  return values;
}

/**
 * Rows strictly after the cursor's row in the list's order. Each key is bracketed: a key may be an expression
 * (`status = 'submitted'`), and `status = 'submitted' < $1` is not valid SQL.
 */
function afterCursor(keys: OrderKey<never>[], values: unknown[]): SQL {
  const param = (i: number) => sql`${values[i]}::${CAST[keys[i].kind]}`;
  const key = (k: OrderKey<never>) => sql`(${k.by})`;
  const sameWay = keys.every((k) => !k.nullable && !k.desc === !keys[0].desc);
  if (sameWay) {
    // A row comparison: one range condition an index on the same keys serves.
    const left = sql.join(
      keys.map((k) => key(k)),
      sql`, `,
    );
    const right = sql.join(
      keys.map((_, i) => param(i)),
      sql`, `,
    );
    return keys[0].desc ? sql`(${left}) < (${right})` : sql`(${left}) > (${right})`;
  }
  const from = (i: number): SQL | undefined => {
    if (i === keys.length) return undefined;
    const k = keys[i];
    const v = values[i];
    let beyond: SQL | undefined;
    if (v === null) beyond = k.desc ? isNotNull(key(k)) : undefined;
    else if (k.desc) beyond = sql`${key(k)} < ${param(i)}`;
    else beyond = k.nullable ? or(sql`${key(k)} > ${param(i)}`, isNull(key(k))) : sql`${key(k)} > ${param(i)}`;
    const same = v === null ? isNull(key(k)) : sql`${key(k)} = ${param(i)}`;
    const rest = from(i + 1);
    return or(beyond, rest ? and(same, rest) : undefined);
  };
  return from(0) ?? sql`false`;
}

/**
 * One page of a filtered list and its total, read together. `rows` is the list's select without WHERE or
 * ORDER BY; `order` its keys, ending with a unique one. With a cursor the page is the rows after it (keyset),
 * else `page` by offset. Searches (`q`) page through `readSearchPage` (db/search.ts) instead.
 * The total counts at most TOTAL_CAP + 1 rows, so it never reads a whole national table. A reader that walks
 * every page (an export) passes `skipTotal` and is not charged that count on each page: total is then 0.
 */
export async function readPage<Q extends PgSelect>(
  db: Db,
  list: {
    rows: Q;
    /** What the total counts: the table, or a select joining what `where` needs (its selection is ignored). */
    table: PgTable | PgSelect;
    where: SQL | undefined;
    order: OrderKey<Row<Q>>[];
  },
  { page, pageSize, cursor, skipTotal }: PageRequest,
) {
  const { rows, table, where, order } = list;
  const keys = order as OrderKey<never>[];
  const after = cursor ? afterCursor(keys, decodeCursor(cursor, keys)) : undefined;
  const orderBy = order.map((k) => (k.desc ? sql`${k.by} desc` : sql`${k.by}`));
  const counted = 'where' in table ? table : db.select({ one: sql`1` }).from(table).$dynamic();
  const capped = counted
    .where(where)
    .limit(TOTAL_CAP + 1)
    .as('capped');
  const [fetched, [{ total }]] = await Promise.all([
    rows
      .where(and(where, after))
      .orderBy(...orderBy)
      .limit(pageSize + 1)
      .offset(cursor ? 0 : (page - 1) * pageSize) as unknown as Promise<Row<Q>[]>,
    skipTotal ? [{ total: 0 }] : db.select({ total: count() }).from(capped),
  ]);
  const items = fetched.slice(0, pageSize);
  const last = items[items.length - 1];
  const nextCursor = fetched.length > pageSize ? encodeCursor(order.map((k) => k.of(last))) : null;
  return { items, page, pageSize, total: Math.min(total, TOTAL_CAP), totalCapped: total > TOTAL_CAP, nextCursor };
}
