import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { budgetItems } from './budget';
import { orgUnits } from './org-units';

export type ExpenseLine = { item: string; quantity: number; unit: string; unitPriceSatang: string; totalSatang: string };
export type ActionItem = { what: string; month: string; who: string };

/** The province's deadline for its districts' expense details and action plans of an activity. */
export const expenseDeadlines = pgTable(
  'expense_deadlines',
  {
    itemId: integer('item_id')
      .notNull()
      .references(() => budgetItems.id),
    provinceCode: text('province_code')
      .notNull()
      .references(() => orgUnits.code),
    deadline: date('deadline').notNull(),
    setBy: integer('set_by'),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.provinceCode] })],
);

/** A district's expense details (lines) and action plan for an activity: draft → submitted → returned/approved. */
export const expensePlans = pgTable(
  'expense_plans',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    itemId: integer('item_id')
      .notNull()
      .references(() => budgetItems.id),
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    status: text('status', { enum: ['draft', 'submitted', 'returned', 'approved'] })
      .notNull()
      .default('draft'),
    lines: jsonb('lines').$type<ExpenseLine[]>().notNull().default([]),
    actions: jsonb('actions').$type<ActionItem[]>().notNull().default([]),
    totalSatang: bigint('total_satang', { mode: 'bigint' }).notNull().default(sql`0`),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Days after the deadline when submitted (0 = on time), kept as submitted. */
    daysLate: integer('days_late'),
    /** Why action-plan months fall outside the allocation's quarters (empty when all are inside). */
    outsideQuarterReason: text('outside_quarter_reason').notNull().default(''),
    reviewComment: text('review_comment').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('expense_plans_item_unit_key').on(t.itemId, t.orgUnitCode),
    index('expense_plans_unit_idx').on(t.orgUnitCode),
  ],
);
