import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { createLockBody, lockListQuery, QuarterLock, unlockBody } from '#shared/reports';
import { type Actor, requireInScope, requirePermission, scopeFilter } from '../../access';
import { insertAudited, updateRecord } from '../../audit/writes';
import { now } from '../../clock';
import type { Db, Tx } from '../../db/client';
import { underUnit } from '../../db/filters';
import { key, type OrderKey, readPage } from '../../db/paging';
import { orgUnits, quarterLocks, quarterlyReports, users } from '../../db/schema';
import { AppError } from '../../errors';

export const QUARTER_LOCK = { entity: 'quarter_lock', notFound: 'quarter_lock.not_found' } as const;

const locker = alias(users, 'locker');
const unlocker = alias(users, 'unlocker');
const lockRows = (db: Db | Tx) =>
  db
    .select({
      l: quarterLocks,
      unit: { nameTh: orgUnits.nameTh, nameEn: orgUnits.nameEn },
      lockerName: locker.displayName,
      unlockerName: unlocker.displayName,
    })
    .from(quarterLocks)
    .innerJoin(orgUnits, eq(orgUnits.code, quarterLocks.orgUnitCode))
    .leftJoin(locker, eq(locker.id, quarterLocks.lockedBy))
    .leftJoin(unlocker, eq(unlocker.id, quarterLocks.unlockedBy))
    .$dynamic();
type LockRow = Awaited<ReturnType<typeof lockRows>>[number];

/** The latest quarter first, then by unit. */
const LOCK_ORDER: OrderKey<LockRow>[] = [
  key<LockRow>(quarterLocks.fiscalYear, 'int', (r) => r.l.fiscalYear, { desc: true }),
  key<LockRow>(quarterLocks.quarter, 'int', (r) => r.l.quarter, { desc: true }),
  key<LockRow>(quarterLocks.orgUnitCode, 'text', (r) => r.l.orgUnitCode),
  key<LockRow>(quarterLocks.id, 'int', (r) => r.l.id, { desc: true }),
];

export const toLock = ({ l, unit, lockerName, unlockerName }: LockRow): QuarterLock => ({
  id: l.id,
  orgUnitCode: l.orgUnitCode,
  unitNameTh: unit.nameTh,
  unitNameEn: unit.nameEn,
  fiscalYear: l.fiscalYear,
  quarter: l.quarter,
  lockedAt: l.lockedAt.toISOString(),
  lockedBy: lockerName ? { id: l.lockedBy, name: lockerName } : null,
  unlockedAt: l.unlockedAt?.toISOString() ?? null,
  unlockedBy: l.unlockedBy && unlockerName ? { id: l.unlockedBy, name: unlockerName } : null,
  unlockReason: l.unlockReason,
  version: l.version,
});

/** The locks in force over these districts (callers have checked the scope). */
export async function activeLocks(db: Db | Tx, units: string[]): Promise<QuarterLock[]> {
  if (!units.length) return [];
  const rows = await lockRows(db)
    .where(and(inArray(quarterLocks.orgUnitCode, [...new Set(units)]), isNull(quarterLocks.unlockedAt)))
    .orderBy(desc(quarterLocks.fiscalYear), desc(quarterLocks.quarter), quarterLocks.orgUnitCode);
  return rows.map(toLock);
}

/** Locks of the scope, newest quarter first, with the unlocked ones as history unless only active are asked. */
export async function listLocks(db: Db, actor: Actor, query: z.infer<typeof lockListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const where = and(
    scopeFilter(actor, quarterLocks.orgUnitCode),
    query.unit ? underUnit(quarterLocks.orgUnitCode, query.unit) : undefined,
    query.fiscalYear ? eq(quarterLocks.fiscalYear, query.fiscalYear) : undefined,
    query.active === 'true' ? isNull(quarterLocks.unlockedAt) : undefined,
  );
  const page = await readPage(db, { rows: lockRows(db), table: quarterLocks, where, order: LOCK_ORDER }, query);
  return { ...page, items: page.items.map(toLock) };
}

async function readLock(db: Db | Tx, id: number): Promise<QuarterLock> {
  const [row] = await lockRows(db).where(eq(quarterLocks.id, id));
  return toLock(row);
}

/** The province closes a district's quarter once it approved the report: the records dated in it freeze. */
export async function lockQuarter(db: Db, actor: Actor, body: z.infer<typeof createLockBody>): Promise<QuarterLock> {
  requirePermission(actor, 'reports.review');
  const id = await db.transaction((tx) => insertLock(tx, actor, body));
  return readLock(db, id);
}

/** The quarter of an approved report locked, inside the caller's transaction (the form and the demo); its id. */
export async function insertLock(tx: Tx, actor: Actor, body: z.infer<typeof createLockBody>): Promise<number> {
  requireInScope(actor, body.unit);
  const [approved] = await tx
    .select({ id: quarterlyReports.id })
    .from(quarterlyReports)
    .where(
      and(
        eq(quarterlyReports.orgUnitCode, body.unit),
        eq(quarterlyReports.fiscalYear, body.fiscalYear),
        eq(quarterlyReports.quarter, body.quarter),
        eq(quarterlyReports.status, 'approved'),
        isNull(quarterlyReports.deletedAt),
      ),
    )
    .for('update');
  if (!approved) throw new AppError('quarter_lock.report_not_approved');
  if ((await activeLocks(tx, [body.unit])).some((l) => l.fiscalYear === body.fiscalYear && l.quarter === body.quarter))
    throw new AppError('quarter_lock.already_locked');
  const lock = await insertAudited(
    tx,
    actor,
    quarterLocks,
    QUARTER_LOCK.entity,
    { orgUnitCode: body.unit, fiscalYear: body.fiscalYear, quarter: body.quarter, lockedAt: now(), lockedBy: actor.userId },
    { action: 'lock_quarter' },
  );
  return lock.id;
}

/** The province reopens a locked quarter, saying why (kept on the lock and in the audit log). */
export async function unlockQuarter(db: Db, actor: Actor, id: number, body: z.infer<typeof unlockBody>): Promise<QuarterLock> {
  requirePermission(actor, 'reports.review');
  await db.transaction(async (tx) => {
    const [lock] = await tx
      .select()
      .from(quarterLocks)
      .where(and(eq(quarterLocks.id, id), scopeFilter(actor, quarterLocks.orgUnitCode)));
    if (!lock) throw new AppError(QUARTER_LOCK.notFound);
    if (lock.unlockedAt) throw new AppError('quarter_lock.not_locked');
    await updateRecord(
      tx,
      actor,
      quarterLocks,
      QUARTER_LOCK,
      id,
      body.version,
      { unlockedAt: now(), unlockedBy: actor.userId, unlockReason: body.reason },
      { action: 'unlock_quarter' },
    );
  });
  return readLock(db, id);
}
