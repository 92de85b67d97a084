import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
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

/** Updates a record only at the version the client read; a stale version is a 409 and nothing changes. */
export async function updateAtVersion<T extends RecordTable>(
  tx: Tx,
  table: T,
  id: number,
  version: number,
  values: Record<string, unknown>,
) {
  const [row] = await tx
    .update(table as PgTable)
    .set({ ...values, updatedAt: new Date(), version: sql`${table.version} + 1` } as any)
    .where(and(eq(table.id, id), eq(table.version, version)) as SQL)
    .returning();
  if (!row) throw new AppError('record.stale');
  return row as T['$inferSelect'];
}
