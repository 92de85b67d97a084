import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { orgUnits } from './org-units';

/** The budget structure of a fiscal year: project → main activity → activity (a plan above them when known). */
export const budgetItems = pgTable(
  'budget_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    fiscalYear: integer('fiscal_year').notNull(),
    level: text('level', { enum: ['plan', 'project', 'main_activity', 'activity'] }).notNull(),
    parentId: integer('parent_id').references((): any => budgetItems.id),
    name: text('name').notNull(),
    objectives: text('objectives').notNull().default(''),
    indicators: text('indicators').notNull().default(''),
    responsibleUnitCode: text('responsible_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    quarters: integer('quarters').array().notNull().default(sql`'{}'::integer[]`),
    /** The item's own budget; null when no source states it (the seed gives the activity's only). */
    budgetSatang: bigint('budget_satang', { mode: 'bigint' }),
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('budget_items_year_idx').on(t.fiscalYear), check('budget_items_positive', sql`${t.budgetSatang} >= 0`)],
);

/**
 * Money passed down one level: nation → province, province → district or the province's own share.
 * Never updated or deleted; a mistake is corrected by a reversing row (negative amount, `reverses_id`).
 */
export const allocations = pgTable(
  'allocations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    itemId: integer('item_id')
      .notNull()
      .references(() => budgetItems.id),
    fromUnitCode: text('from_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    toUnitCode: text('to_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    quarter: integer('quarter').notNull(),
    category: text('category', { enum: ['compensation', 'services', 'materials'] }).notNull(),
    amountSatang: bigint('amount_satang', { mode: 'bigint' }).notNull(),
    note: text('note').notNull().default(''),
    reversesId: integer('reverses_id'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('allocations_item_from_idx').on(t.itemId, t.fromUnitCode),
    index('allocations_item_to_idx').on(t.itemId, t.toUnitCode),
    check('allocations_quarter', sql`${t.quarter} between 1 and 4`),
  ],
);
