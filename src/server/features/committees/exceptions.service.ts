/**
 * The department's approval for a district to keep its older committee mechanism (DOMAIN.md §5). Recorded and revoked
 * by the department only; while one is in force the district's terms are not checked against the composition rule.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommitteeException, createExceptionBody, exceptionListQuery } from '#shared/committees';
import { type Actor, requireInScope, requirePermission, scopeFilter } from '../../access';
import { createRecord, deleteRecord } from '../../audit/writes';
import { thaiToday } from '../../clock';
import type { Db, Tx } from '../../db/client';
import { underUnit } from '../../db/filters';
import { type OrderKey, readPage } from '../../db/paging';
import { findVisible } from '../../db/records';
import { committeeExceptions, orgUnits } from '../../db/schema';
import { AppError } from '../../errors';

export const EXCEPTION = { entity: 'committee_exception', notFound: 'committee_exception.not_found' } as const;

const selectException = (db: Db | Tx) =>
  db
    .select({ e: committeeExceptions, unitName: orgUnits.nameTh })
    .from(committeeExceptions)
    .innerJoin(orgUnits, eq(orgUnits.code, committeeExceptions.orgUnitCode));

const toException = ({ e, unitName }: { e: typeof committeeExceptions.$inferSelect; unitName: string }): CommitteeException => ({
  id: e.id,
  orgUnitCode: e.orgUnitCode,
  unitName,
  letterNumber: e.letterNumber,
  letterDate: e.letterDate,
  reason: e.reason,
  version: e.version,
});

/** The exceptions in force in the scope, by district. */
export async function listExceptions(db: Db, actor: Actor, query: z.infer<typeof exceptionListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const where = and(
    isNull(committeeExceptions.deletedAt),
    scopeFilter(actor, committeeExceptions.orgUnitCode),
    query.unit ? underUnit(committeeExceptions.orgUnitCode, query.unit) : undefined,
  );
  const rows = selectException(db).$dynamic();
  type Row = Awaited<typeof rows>[number];
  const order: OrderKey<Row>[] = [
    { by: committeeExceptions.orgUnitCode, kind: 'text', of: (r: Row) => r.e.orgUnitCode },
    { by: committeeExceptions.id, kind: 'int', of: (r: Row) => r.e.id },
  ];
  const page = await readPage(db, { rows, table: committeeExceptions, where, order }, query);
  return { ...page, items: page.items.map(toException) };
}

export async function createException(
  db: Db,
  actor: Actor,
  body: z.infer<typeof createExceptionBody>,
): Promise<CommitteeException> {
  requirePermission(actor, 'committees.exception');
  requireInScope(actor, body.orgUnitCode);
  if (body.letterDate > thaiToday()) throw new AppError('committee_exception.letter_date_in_future');
  const id = await db.transaction(async (tx) => {
    // Serialised per district, so two clicks never find "none in force" at once.
    await tx.execute(`select pg_advisory_xact_lock(hashtext('committee_exception:${body.orgUnitCode}'))`);
    const [inForce] = await tx
      .select()
      .from(committeeExceptions)
      .where(and(eq(committeeExceptions.orgUnitCode, body.orgUnitCode), isNull(committeeExceptions.deletedAt)));
    if (inForce) throw new AppError('committee_exception.exists', { params: { letterNumber: inForce.letterNumber } });
    const created = await createRecord(tx, actor, committeeExceptions, EXCEPTION.entity, {
      orgUnitCode: body.orgUnitCode,
      letterNumber: body.letterNumber,
      letterDate: body.letterDate,
      reason: body.reason,
      createdBy: actor.userId,
    });
    return created.id;
  });
  const [row] = await selectException(db).where(eq(committeeExceptions.id, id));
  return toException(row);
}

/** Revokes the exception (a soft delete): the district's terms are checked again from now on. */
export async function revokeException(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  requirePermission(actor, 'committees.exception');
  await db.transaction(async (tx) => {
    await findVisible(tx, actor, committeeExceptions, id, EXCEPTION.notFound);
    await deleteRecord(tx, actor, committeeExceptions, EXCEPTION, id, version);
  });
}
