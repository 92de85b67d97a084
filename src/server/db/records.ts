import { and, eq, isNull } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { ErrorCode } from '#shared/errors';
import { type Actor, scopeFilter } from '../access';
import { AppError } from '../errors';
import type { Db, Tx } from './client';

type RecordTable = PgTable & { id: PgColumn; orgUnitCode: PgColumn; version: PgColumn; deletedAt: PgColumn };

/** A live record the actor may see, or `notFound` (outside the scope looks the same as missing). */
export async function findVisible<T extends RecordTable>(db: Db | Tx, actor: Actor, table: T, id: number, notFound: ErrorCode) {
  const [row] = await db
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), isNull(table.deletedAt), scopeFilter(actor, table.orgUnitCode)));
  if (!row) throw new AppError(notFound);
  return row as T['$inferSelect'];
}
