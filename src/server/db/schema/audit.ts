import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/** Append-only: the app never updates or deletes rows here. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id'),
    actorUsername: text('actor_username').notNull(),
    orgUnitCode: text('org_unit_code').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    changes: jsonb('changes').$type<FieldChanges>().notNull().default({}),
    /** The address the request came from (as seen through TRUST_PROXY); null for the system's own changes. */
    clientAddress: text('client_address'),
  },
  (t) => [index('audit_log_unit_at_idx').on(t.orgUnitCode, t.at), index('audit_log_entity_idx').on(t.entity, t.entityId)],
);
