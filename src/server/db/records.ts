import { and, eq, isNull } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { ErrorCode } from '#shared/errors';
import { type Actor, scopeFilter } from '../access';
import { AppError } from '../errors';
import { idIn } from './bulk';
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

/**
 * Refuses ids that are not live records of the district, naming the first one (`record.other_district`): a link
 * to another district's record looks the same as a link to nothing.
 */
export async function requireOfDistrict<T extends RecordTable>(
  db: Db | Tx,
  table: T,
  orgUnitCode: string,
  ids: number[],
  what: { th: string; en: string },
): Promise<void> {
  if (!ids.length) return;
  const found = (await db
    .select({ id: table.id })
    .from(table as PgTable)
    .where(and(idIn(table.id, ids), eq(table.orgUnitCode, orgUnitCode), isNull(table.deletedAt)))) as { id: number }[];
  const missing = ids.find((id) => !found.some((f) => f.id === id));
  if (missing !== undefined)
    throw new AppError('record.other_district', { params: { what: what.th, whatEn: what.en, id: missing } });
}
