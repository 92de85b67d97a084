import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { budgetItems } from './budget';
import { orgUnits } from './org-units';

/** Money spent by a unit against what it was allocated for an activity (เบิกจ่าย). Never deleted. */
export const disbursements = pgTable(
  'disbursements',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    itemId: integer('item_id')
      .notNull()
      .references(() => budgetItems.id),
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    paidOn: date('paid_on').notNull(),
    description: text('description').notNull(),
    category: text('category', { enum: ['compensation', 'services', 'materials'] }).notNull(),
    amountSatang: bigint('amount_satang', { mode: 'bigint' }).notNull(),
    procurementMethod: text('procurement_method', { enum: ['specific', 'selection', 'e_bidding', 'none'] }).notNull(),
    vendor: text('vendor').notNull().default(''),
    documentNo: text('document_no').notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('disbursements_item_unit_idx').on(t.itemId, t.orgUnitCode),
    check('disbursements_positive', sql`${t.amountSatang} > 0`),
  ],
);
