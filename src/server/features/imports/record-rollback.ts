/**
 * Undoing imported versioned records (people, producers, …): a created record is soft-deleted, an updated one gets
 * its fields from before the import back. Refused when later work depends on it: the record changed since the
 * import (its version moved), or another record now points at a record the import created.
 */
import { sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { ErrorCode } from '#shared/errors';
import { changeRecord, changeRecords } from '../../audit/writes';
import { now } from '../../clock';
import { idArray, idIn } from '../../db/bulk';
import type { Tx } from '../../db/client';
import type { BatchRowRef, ImportContext } from './importer';

type RecordTable = PgTable & { id: PgColumn; orgUnitCode: PgColumn; version: PgColumn; deletedAt: PgColumn };

export interface RecordKind {
  table: RecordTable;
  tableName: string;
  entity: string;
  notFound: ErrorCode;
  /** How the record is named in a refusal ("นายสมชาย ใจดี", "OTOP 2568/001"). */
  label(row: Record<string, unknown>): string;
  /** Link tables the import wrote with the record and its undo removes (a wisdom item's holders): no blockers. */
  ownLinks?: readonly string[];
}

/** Tables and columns with a foreign key to `tableName`, and whether their rows soft-delete. */
async function referencesTo(tx: Tx, tableName: string) {
  const result = (await tx.execute(sql`
    select c.conrelid::regclass::text as "table", a.attname as "column",
      exists (select 1 from pg_attribute d where d.attrelid = c.conrelid and d.attname = 'deleted_at' and not d.attisdropped) as "soft"
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and c.confrelid = ${tableName}::regclass`)) as unknown as {
    rows: { table: string; column: string; soft: boolean }[];
  };
  return result.rows;
}

/** Labels of the batch's records of one kind that later work depends on. */
export async function recordBlockers(tx: Tx, kind: RecordKind, rows: BatchRowRef[], all: BatchRowRef[]): Promise<string[]> {
  const mine = rows.filter((r) => r.tableName === kind.tableName);
  if (!mine.length) return [];
  const current = await tx
    .select()
    .from(kind.table as PgTable)
    .where(
      idIn(
        kind.table.id,
        mine.map((r) => r.recordId),
      ),
    );
  const byId = new Map(current.map((r) => [(r as { id: number }).id, r as Record<string, unknown>]));
  const blocked = new Set<number>();
  for (const row of mine) {
    const record = byId.get(row.recordId);
    if (!record || record.version !== row.versionAfter || record.deletedAt) blocked.add(row.recordId);
  }
  const created = mine.filter((r) => r.action === 'created').map((r) => r.recordId);
  if (created.length) {
    const ownIds = (table: string) => all.filter((r) => r.tableName === table).map((r) => r.recordId);
    for (const ref of await referencesTo(tx, kind.tableName)) {
      if (ref.table === 'import_batch_rows' || kind.ownLinks?.includes(ref.table)) continue;
      const own = ownIds(ref.table);
      const column = sql.identifier(ref.column);
      // The ids as arrays, one parameter each (a batch's 50,000 ids would pass the 65,535 a statement allows), joined
      // to the rows that point at them.
      const found = (await tx.execute(sql`
        select distinct r.${column} as "id" from unnest(${idArray(created)}) c(id)
        join ${sql.identifier(ref.table)} r on r.${column} = c.id
        where true
          ${ref.soft ? sql`and r.deleted_at is null` : sql``}
          ${own.length ? sql`and not exists (select from unnest(${idArray(own)}) o(id) where o.id = r.id)` : sql``}`)) as unknown as {
        rows: { id: number }[];
      };
      for (const r of found.rows) blocked.add(Number(r.id));
    }
  }
  return [...blocked].map((id) => kind.label(byId.get(id) ?? { id }));
}

/**
 * Removes created records (soft delete, a statement per thousand) and restores updated ones (each its own values);
 * each change versioned and audited.
 */
export async function undoRecords(tx: Tx, ctx: ImportContext, kind: RecordKind, rows: BatchRowRef[]): Promise<void> {
  const target = { entity: kind.entity, notFound: kind.notFound };
  const mine = rows.filter((r) => r.tableName === kind.tableName);
  const created = mine.filter((r) => r.action === 'created').map((r) => r.recordId);
  await changeRecords(tx, ctx.actor, kind.table, target, created, { deletedAt: now() } as never, { action: 'rollback' });
  for (const row of mine.filter((r) => r.action === 'updated'))
    await changeRecord(tx, ctx.actor, kind.table, target, row.recordId, (row.before ?? {}) as never, { action: 'rollback' });
}
