import type { Actor } from '../access';
import { insertRows } from '../db/bulk';
import type { Db, Tx } from '../db/client';
import { auditLog, type FieldChanges } from '../db/schema';

/** Fields never written to the audit log, whatever the entity. */
const SECRET_FIELDS = new Set(['passwordHash', 'password', 'tokenHash']);

/** The fields that differ between two versions of a record (secrets show only that they changed). */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChanges {
  const changes: FieldChanges = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (key === 'version' || key === 'updatedAt') continue;
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    changes[key] = SECRET_FIELDS.has(key) ? { before: '***', after: '***' } : { before: a, after: b };
  }
  return changes;
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number;
  orgUnitCode: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Where the request came from, when there is no actor to carry it (a failed sign-in). */
  clientAddress?: string;
}

/** The username of an entry no one signed in made (a failed sign-in, a request from the public portal). */
export const ANONYMOUS = 'anonymous';

const rowOf = (actor: Actor | null, entry: AuditEntry) => ({
  actorUserId: actor?.userId || null,
  actorUsername: actor?.username ?? ANONYMOUS,
  orgUnitCode: entry.orgUnitCode,
  action: entry.action,
  entity: entry.entity,
  entityId: String(entry.entityId),
  changes: diffFields(entry.before ?? null, entry.after ?? null),
  clientAddress: entry.clientAddress ?? actor?.clientAddress ?? null,
});

/** Records one write inside the caller's transaction, so the change and its audit entry commit together. */
export async function recordAudit(tx: Tx | Db, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(rowOf(actor, entry));
}

/** An event that changes no record of its own (a failed sign-in, a sign-out, a document issued). */
export async function auditEvent(tx: Tx | Db, actor: Actor | null, event: Omit<AuditEntry, 'before'>): Promise<void> {
  await recordAudit(tx, actor, event);
}

/**
 * Many events in one statement (a page of people whose phone numbers were shown, an import's records: one entry
 * each); the caller keeps the count per call in the thousands (db/bulk.ts sends them as one JSON document).
 */
export async function auditEvents(tx: Tx | Db, actor: Actor | null, events: AuditEntry[]): Promise<void> {
  if (events.length)
    await insertRows(
      tx,
      auditLog,
      events.map((event) => rowOf(actor, event)),
      { returning: false },
    );
}
