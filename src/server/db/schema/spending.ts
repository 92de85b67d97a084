import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { advanceRepayments, cashAdvances } from './advances';
import { budgetItems } from './budget';
import { delegationOrders } from './delegations';
import { orgUnits } from './org-units';
import { users } from './users';

/**
 * Money spent by a unit against what it was allocated for an activity (เบิกจ่าย). Never deleted. A payment asked for
 * is `pending` (its amount held from the balance) until the holder of delegated authority approves or rejects it;
 * receipts that clear a cash advance come in approved under the advance's approval.
 */
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
    procurementMethod: text('procurement_method', {
      enum: ['e_market', 'e_bidding', 'selection', 'specific', 'none'],
    }).notNull(),
    vendor: text('vendor').notNull().default(''),
    documentNo: text('document_no').notNull(),
    /** Why a payment dated outside the allocation's quarters is made anyway (empty when inside). */
    outsideQuarterReason: text('outside_quarter_reason').notNull().default(''),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('approved'),
    approverId: integer('approver_id').references(() => users.id),
    approvedOn: date('approved_on'),
    delegationOrderId: integer('delegation_order_id').references(() => delegationOrders.id),
    decisionNote: text('decision_note').notNull().default(''),
    /** Set for receipts handed in to clear a cash advance. */
    advanceId: integer('advance_id').references(() => cashAdvances.id),
    repaymentId: integer('repayment_id').references(() => advanceRepayments.id),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The roll-up sums a year's payments per unit from this index alone (status, day and amount in it): an
    // index-only scan of the year's rows, not a scan of every year's payments.
    index('disbursements_item_unit_idx').on(t.itemId, t.orgUnitCode, t.status, t.paidOn, t.amountSatang),
    check('disbursements_positive', sql`${t.amountSatang} > 0`),
    check('disbursements_approver', sql`${t.approverId} <> ${t.createdBy} or ${t.advanceId} is not null`),
  ],
);
