import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditEntry, auditQuery } from '#shared/audit';
import { type Actor, requirePermission, scopeFilter } from '../../access';
import type { Db } from '../../db/client';
import { underUnit } from '../../db/filters';
import { readPage } from '../../db/paging';
import { auditLog } from '../../db/schema';

/** The audit trail of the actor's scope, newest first. */
export async function listAudit(db: Db, actor: Actor, query: z.infer<typeof auditQuery>) {
  requirePermission(actor, 'audit.read');
  const conditions: (SQL | undefined)[] = [
    scopeFilter(actor, auditLog.orgUnitCode),
    query.unit ? underUnit(auditLog.orgUnitCode, query.unit) : undefined,
    query.entity ? eq(auditLog.entity, query.entity) : undefined,
    query.entityId ? eq(auditLog.entityId, query.entityId) : undefined,
    query.actor ? sql`lower(${auditLog.actorUsername}) = lower(${query.actor})` : undefined,
    query.action ? eq(auditLog.action, query.action) : undefined,
    // Days are Thai calendar days: from 00:00 to 24:00 in Asia/Bangkok.
    query.from ? gte(auditLog.at, new Date(`${query.from}T00:00:00+07:00`)) : undefined,
    query.to ? lt(auditLog.at, new Date(new Date(`${query.to}T00:00:00+07:00`).getTime() + 86_400_000)) : undefined,
  ];
  const where = and(...conditions);
  const page = await readPage(
    db,
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).$dynamic(),
    auditLog,
    where,
    query,
  );
  const items: AuditEntry[] = page.items.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorUsername: r.actorUsername,
    orgUnitCode: r.orgUnitCode,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    changes: r.changes,
    clientAddress: r.clientAddress,
  }));
  return { ...page, items };
}
