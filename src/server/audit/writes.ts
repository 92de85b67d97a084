/**
 * The one path for writing a record: every create, update and delete goes through these helpers inside
 * the caller's transaction, so the scope check, the optimistic version check and the audit entry can't
 * be forgotten or drift apart between features.
 */
import { and, eq, getTableColumns, isNull, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { ErrorCode } from '#shared/errors';
import { type Actor, requireInScope, scopeFilter } from '../access';
import { now } from '../clock';
import { idIn, insertRows, updateRows } from '../db/bulk';
import type { Tx } from '../db/client';
import { AppError } from '../errors';
import { auditEvents, recordAudit } from './audit';

/** A table with an id (every audited table). */
type IdTable = PgTable & { id: PgColumn };
/** An operational record: owned by a unit, versioned; most also soft-delete. */
type RecordTable = IdTable & { orgUnitCode: PgColumn; version: PgColumn; deletedAt?: PgColumn };

type Row = Record<string, unknown>;

/** Columns that say nothing to a reader of the audit log (derived, or kept by the database itself). */
const NOT_AUDITED = new Set([
  'searchText',
  'ownerName',
  'evidence',
  'createdAt',
  'updatedAt',
  'version',
  'citizenIdHash',
  'citizenIdEncrypted',
  // A portal request's follow secret: only its hash is stored, and even that has no reader in the log.
  'followTokenHash',
  // An API token's secret, likewise (decision 038).
  'secretHash',
]);

/** Money is bigint satang, which JSON cannot carry: the audit log keeps it as a string of digits. */
const auditable = (value: unknown) => (typeof value === 'bigint' ? String(value) : value);

function auditView(row: Row, extra?: Row): Row {
  const view: Row = {};
  for (const [key, value] of Object.entries({ ...row, ...extra })) {
    // Files are not copied into the log (an attachment's bytes stay in its own row).
    if (NOT_AUDITED.has(key) || value instanceof Uint8Array) continue;
    view[key] = auditable(value);
  }
  return view;
}

export interface WriteTarget {
  /** The entity name in the audit log (`wisdom`, `group`, `advance`…). */
  entity: string;
  /** The error when the record is missing, deleted or outside the actor's scope. */
  notFound: ErrorCode;
}

export interface AuditExtras {
  /** The audit action when it is not plain create/update/delete (`approve`, `merge`…). */
  action?: string;
  /** Linked data shown beside the row's own fields (e.g. a wisdom item's holder ids). */
  before?: Row;
  after?: Row;
  /** Columns too large to read back (an import batch's file and report): written, never read back, not audited. */
  unread?: readonly string[];
}

/** Inserts a record owned by a unit in the actor's scope and audits it. */
export async function createRecord<T extends RecordTable>(
  tx: Tx,
  actor: Actor,
  table: T,
  entity: string,
  values: T['$inferInsert'],
  extras: AuditExtras = {},
): Promise<T['$inferSelect']> {
  requireInScope(actor, String((values as Row).orgUnitCode));
  return insertAudited(tx, actor, table, entity, values, extras);
}

/** Rows a bulk write sends per statement (one JSON parameter each: db/bulk.ts). */
const BULK_ROWS = 1000;

/**
 * Inserts many records, a statement per 1,000, and audits each as `createRecord` does one at a time: what an import
 * commits (50,000 rows one by one took minutes). The rows come back in the order of `values`.
 */
export async function createRecords<T extends RecordTable>(
  tx: Tx,
  actor: Actor,
  table: T,
  entity: string,
  values: T['$inferInsert'][],
): Promise<T['$inferSelect'][]> {
  for (const unit of new Set(values.map((v) => String((v as Row).orgUnitCode)))) requireInScope(actor, unit);
  const created: Row[] = [];
  for (let i = 0; i < values.length; i += BULK_ROWS) {
    const rows = (await insertRows(tx, table, values.slice(i, i + BULK_ROWS))) as Row[];
    await auditEvents(
      tx,
      actor,
      rows.map((row) => ({
        action: 'create',
        entity,
        entityId: row.id as number,
        orgUnitCode: String(row.orgUnitCode),
        after: auditView(row),
      })),
    );
    for (const row of rows) created.push(row);
  }
  return created as T['$inferSelect'][];
}

/** Inserts any row and audits it: append-only records (allocations, payments, repayments), sessions. */
export async function insertAudited<T extends IdTable>(
  tx: Tx,
  actor: Actor | null,
  table: T,
  entity: string,
  values: T['$inferInsert'],
  extras: AuditExtras & { orgUnitCode?: string } = {},
): Promise<T['$inferSelect']> {
  const [row] = (await tx
    .insert(table)
    .values(values as any)
    .returning(readable(table, extras.unread))) as Row[];
  await recordAudit(tx, actor, {
    action: extras.action ?? 'create',
    entity,
    entityId: row.id as number,
    orgUnitCode: extras.orgUnitCode ?? String(row.orgUnitCode ?? actor?.orgUnitCode ?? 'TH'),
    after: auditView(row, extras.after),
  });
  return row as T['$inferSelect'];
}

/**
 * Locks a live record the actor may see, refuses a stale version (409), writes the new values and audits
 * the fields that changed. Returns the record before and after.
 */
export async function updateRecord<T extends RecordTable>(
  tx: Tx,
  actor: Actor,
  table: T,
  target: WriteTarget,
  id: number,
  version: number,
  values: Partial<T['$inferInsert']>,
  extras: AuditExtras = {},
): Promise<{ before: T['$inferSelect']; after: T['$inferSelect'] }> {
  const before = await lockVisible(tx, actor, table, target, id);
  if (before.version !== version) throw new AppError('record.stale');
  const after = await writeAudited(tx, actor, table, target.entity, before, values, extras);
  return { before, after } as { before: T['$inferSelect']; after: T['$inferSelect'] };
}

/** Soft-deletes a record at the version the client read, and audits it. */
export async function deleteRecord<T extends RecordTable>(
  tx: Tx,
  actor: Actor,
  table: T,
  target: WriteTarget,
  id: number,
  version: number,
): Promise<T['$inferSelect']> {
  const deleted = { deletedAt: now() } as Partial<T['$inferInsert']>;
  return (await updateRecord(tx, actor, table, target, id, version, deleted, { action: 'delete' })).before;
}

/**
 * For changes the system makes on its own terms (a stage proven by a new certificate, a status moved by a
 * rule) where no client version applies: still locked, still audited.
 */
export async function changeRecord<T extends RecordTable>(
  tx: Tx,
  actor: Actor,
  table: T,
  target: WriteTarget,
  id: number,
  values: Partial<T['$inferInsert']>,
  extras: AuditExtras = {},
): Promise<{ before: T['$inferSelect']; after: T['$inferSelect'] }> {
  const before = await lockVisible(tx, actor, table, target, id);
  const after = await writeAudited(tx, actor, table, target.entity, before, values, extras);
  return { before, after } as { before: T['$inferSelect']; after: T['$inferSelect'] };
}

/**
 * `changeRecord` for many records given the same values (an import's owners tagged, its records removed by a
 * rollback): locked and changed a statement per 1,000 and each change audited. Every id must be a live record in
 * the actor's scope, else nothing is changed. Returns the records before and after, in id order.
 */
export async function changeRecords<T extends RecordTable>(
  tx: Tx,
  actor: Actor,
  table: T,
  target: WriteTarget,
  ids: number[],
  values: Partial<T['$inferInsert']>,
  extras: AuditExtras = {},
): Promise<{ before: T['$inferSelect']; after: T['$inferSelect'] }[]> {
  const changed: { before: Row; after: Row }[] = [];
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  for (let i = 0; i < unique.length; i += BULK_ROWS) {
    const chunk = unique.slice(i, i + BULK_ROWS);
    const before = (await tx
      .select()
      .from(table as PgTable)
      .where(
        and(idIn(table.id, chunk), table.deletedAt ? isNull(table.deletedAt) : undefined, scopeFilter(actor, table.orgUnitCode)),
      )
      .orderBy(table.id)
      .for('update')) as Row[];
    if (before.length !== chunk.length) throw new AppError(target.notFound);
    const after = (await tx.update(table).set(changeSet(table, values)).where(idIn(table.id, chunk)).returning()) as Row[];
    const afterById = new Map(after.map((row) => [row.id, row]));
    const pairs = before.map((row) => ({ before: row, after: afterById.get(row.id)! }));
    await auditChanges(tx, actor, target.entity, extras, pairs);
    for (const pair of pairs) changed.push(pair);
  }
  return changed as { before: T['$inferSelect']; after: T['$inferSelect'] }[];
}

/**
 * `updateRecord` for many records, each given its own values at the version it was read at (an import's rows chosen
 * for update): locked and changed a statement per 1,000 (the values as one JSON parameter: db/bulk.ts) and each change
 * audited. Every record must be live, in the actor's scope and at its version, else nothing is changed; every change
 * gives the same fields. Returns the records before and after, in the order given.
 */
export async function updateRecords<T extends RecordTable>(
  tx: Tx,
  actor: Actor,
  table: T,
  target: WriteTarget,
  changes: { id: number; version: number; values: Partial<T['$inferInsert']> }[],
  extras: AuditExtras = {},
): Promise<{ before: T['$inferSelect']; after: T['$inferSelect'] }[]> {
  const changed: { before: Row; after: Row }[] = [];
  for (let i = 0; i < changes.length; i += BULK_ROWS) {
    const chunk = changes.slice(i, i + BULK_ROWS);
    const ids = chunk.map((c) => c.id);
    if (new Set(ids).size !== ids.length) throw new Error('updateRecords: a record is given twice');
    const locked = (await tx
      .select()
      .from(table as PgTable)
      .where(
        and(idIn(table.id, ids), table.deletedAt ? isNull(table.deletedAt) : undefined, scopeFilter(actor, table.orgUnitCode)),
      )
      .orderBy(table.id)
      .for('update')) as Row[];
    if (locked.length !== chunk.length) throw new AppError(target.notFound);
    const before = new Map(locked.map((row) => [row.id as number, row]));
    if (chunk.some((c) => before.get(c.id)?.version !== c.version)) throw new AppError('record.stale');
    const every: Record<string, SQL> = { version: sql.raw(`t."${table.version.name}" + 1`) };
    if ('updatedAt' in table) every.updatedAt = sql`${now().toISOString()}::timestamptz`;
    const after = (await updateRows(
      tx,
      table,
      chunk.map((c) => ({ id: c.id, values: c.values })),
      every,
    )) as Row[];
    const pairs = chunk.map((c, n) => ({ before: before.get(c.id)!, after: after[n] }));
    await auditChanges(tx, actor, target.entity, extras, pairs);
    for (const pair of pairs) changed.push(pair);
  }
  return changed as { before: T['$inferSelect']; after: T['$inferSelect'] }[];
}

/** One audit entry per changed record of a batch, before and after. */
function auditChanges(tx: Tx, actor: Actor | null, entity: string, extras: AuditExtras, pairs: { before: Row; after: Row }[]) {
  return auditEvents(
    tx,
    actor,
    pairs.map((pair) => ({
      action: extras.action ?? 'update',
      entity,
      entityId: pair.before.id as number,
      orgUnitCode: String(pair.after.orgUnitCode),
      before: auditView(pair.before, extras.before),
      after: auditView(pair.after, extras.after),
    })),
  );
}

/** Updates any row by id and audits it (tables without an owning unit or version: users' own settings). */
export async function updateAudited<T extends IdTable>(
  tx: Tx,
  actor: Actor | null,
  table: T,
  entity: string,
  id: number,
  values: Partial<T['$inferInsert']>,
  extras: AuditExtras & { orgUnitCode?: string } = {},
): Promise<T['$inferSelect']> {
  const [before] = (await tx
    .select(readable(table, extras.unread))
    .from(table as PgTable)
    .where(eq(table.id, id))
    .for('update')) as Row[];
  if (!before) throw new AppError('request.not_found');
  return writeAudited(tx, actor, table, entity, before, values, extras) as Promise<T['$inferSelect']>;
}

/** An update's values plus what every change of the table brings: the time of the change, the next version. */
const changeSet = (table: IdTable, values: Row) =>
  ({
    ...values,
    ...('updatedAt' in table ? { updatedAt: now() } : {}),
    ...('version' in table ? { version: sql`${(table as RecordTable).version} + 1` } : {}),
  }) as any;

/** The table's columns but the unread ones. */
const readable = (table: IdTable, unread: readonly string[] = []) =>
  Object.fromEntries(Object.entries(getTableColumns(table)).filter(([key]) => !unread.includes(key)));

async function lockVisible<T extends RecordTable>(tx: Tx, actor: Actor, table: T, target: WriteTarget, id: number) {
  const [row] = (await tx
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), table.deletedAt ? isNull(table.deletedAt) : undefined, scopeFilter(actor, table.orgUnitCode)))
    .for('update')) as Row[];
  if (!row) throw new AppError(target.notFound);
  return row as T['$inferSelect'] & { version: number };
}

async function writeAudited(
  tx: Tx,
  actor: Actor | null,
  table: IdTable,
  entity: string,
  before: Row,
  values: Row,
  extras: AuditExtras & { orgUnitCode?: string },
): Promise<Row> {
  const [after] = (await tx
    .update(table)
    .set(changeSet(table, values))
    .where(eq(table.id, before.id as number) as SQL)
    .returning(readable(table, extras.unread))) as Row[];
  await recordAudit(tx, actor, {
    action: extras.action ?? 'update',
    entity,
    entityId: before.id as number,
    orgUnitCode: extras.orgUnitCode ?? String(after.orgUnitCode ?? actor?.orgUnitCode ?? 'TH'),
    before: auditView(before, extras.before),
    after: auditView(after, extras.after),
  });
  return after;
}
