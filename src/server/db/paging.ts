import { count, type SQL } from 'drizzle-orm';
import type { PgSelect, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client';

/** One page of a filtered list and the total behind it, read together. */
export async function readPage<Q extends PgSelect>(
  db: Db,
  rows: Q,
  table: PgTable,
  where: SQL | undefined,
  { page, pageSize }: { page: number; pageSize: number },
) {
  const [items, [{ total }]] = await Promise.all([
    rows.limit(pageSize).offset((page - 1) * pageSize) as unknown as Promise<Awaited<Q>>,
    db.select({ total: count() }).from(table).where(where),
  ]);
  return { items, total, page, pageSize };
}
