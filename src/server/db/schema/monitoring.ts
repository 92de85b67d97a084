import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { QuarterFigures } from '../../../shared/indicators';
import { recordColumns } from './columns';
import { orgUnits } from './org-units';
import { users } from './users';

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;

/**
 * A district's quarterly report to its province: figures taken from the records when it is submitted (kept as
 * submitted, so an approved report does not change under the reader), plus the district's own words.
 */
export const quarterlyReports = pgTable(
  'quarterly_reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    fiscalYear: integer('fiscal_year').notNull(),
    quarter: integer('quarter').notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('draft'),
    figures: jsonb('figures').$type<QuarterFigures>(),
    narrative: text('narrative').notNull().default(''),
    problems: text('problems').notNull().default(''),
    supportNeeded: text('support_needed').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: integer('submitted_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    /** The province's comment when it returns (or approves) the report. */
    reviewComment: text('review_comment').notNull().default(''),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    uniqueIndex('quarterly_reports_quarter_uq').on(t.orgUnitCode, t.fiscalYear, t.quarter).where(sql`${t.deletedAt} is null`),
    index('quarterly_reports_year_idx').on(t.fiscalYear, t.quarter, t.status),
    check('quarterly_reports_quarter', sql`${t.quarter} between 1 and 4`),
    check('quarterly_reports_submitted', sql`${t.status} = 'draft' or ${t.submittedAt} is not null`),
    check('quarterly_reports_reviewer', sql`${t.reviewedBy} is null or ${t.reviewedBy} <> ${t.submittedBy}`),
  ],
);

/**
 * A district's quarter closed by its province after approving the report: the database refuses any insert,
 * update or delete of the district's records dated in it (trigger `refuse_in_locked_quarter`) until a province
 * officer unlocks it with a reason. Rows are kept after unlocking, as the history of locks.
 */
export const quarterLocks = pgTable(
  'quarter_locks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    fiscalYear: integer('fiscal_year').notNull(),
    quarter: integer('quarter').notNull(),
    lockedAt: timestamp('locked_at', { withTimezone: true }).notNull().defaultNow(),
    lockedBy: integer('locked_by')
      .notNull()
      .references(() => users.id),
    unlockedAt: timestamp('unlocked_at', { withTimezone: true }),
    unlockedBy: integer('unlocked_by').references(() => users.id),
    unlockReason: text('unlock_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('quarter_locks_active_uq').on(t.orgUnitCode, t.fiscalYear, t.quarter).where(sql`${t.unlockedAt} is null`),
    check('quarter_locks_quarter', sql`${t.quarter} between 1 and 4`),
    check(
      'quarter_locks_unlock',
      sql`(${t.unlockedAt} is null) = (${t.unlockedBy} is null) and (${t.unlockedAt} is null) = (${t.unlockReason} is null)`,
    ),
  ],
);
