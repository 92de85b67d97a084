import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from './columns';
import { orgUnits } from './org-units';

/**
 * Background work (DESIGN.md "Background jobs"): claimed with `FOR UPDATE SKIP LOCKED`, kept alive by a heartbeat;
 * a running job whose heartbeat stopped (its process died) is queued again.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    createdBy: integer('created_by'),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed', 'cancelled'] })
      .notNull()
      .default('queued'),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    input: jsonb('input').$type<Record<string, unknown>>().notNull().default({}),
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: jsonb('error').$type<{ code: string; th: string; en: string }>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
  },
  (t) => [index('jobs_status_idx').on(t.status, t.id)],
);

/** One uploaded file and what became of it: the dry run's report, the commit, the rollback. */
export const importBatches = pgTable(
  'import_batches',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    fileName: text('file_name').notNull(),
    /** The file itself, so a commit after a restart reads exactly what was previewed. */
    file: bytea('file').notNull(),
    /** What the importer needs beyond the file (the budget activity and quarter of an allocation table). */
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status', { enum: ['dry_run', 'ready', 'committed', 'rolled_back', 'failed'] })
      .notNull()
      .default('dry_run'),
    counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
    report: jsonb('report').$type<Record<string, unknown>>().notNull().default({}),
    /** The user's confirmed place suggestions and update-or-skip choices, as sent with the commit. */
    decisions: jsonb('decisions').$type<Record<string, unknown>>().notNull().default({}),
    jobId: integer('job_id'),
    createdBy: integer('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    rolledBackAt: timestamp('rolled_back_at', { withTimezone: true }),
  },
  (t) => [index('import_batches_unit_idx').on(t.orgUnitCode, t.id)],
);

/** Every row an import wrote, so the batch can be undone: the row's version right after, and before it for updates. */
export const importBatchRows = pgTable(
  'import_batch_rows',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id),
    tableName: text('table_name').notNull(),
    recordId: integer('record_id').notNull(),
    action: text('action', { enum: ['created', 'updated'] }).notNull(),
    versionAfter: integer('version_after'),
    before: jsonb('before').$type<Record<string, unknown>>(),
    line: integer('line').notNull(),
  },
  (t) => [index('import_batch_rows_batch_idx').on(t.batchId), index('import_batch_rows_record_idx').on(t.tableName, t.recordId)],
);
