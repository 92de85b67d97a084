import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { budgetItems } from './budget';
import { delegationOrders } from './delegations';
import { orgUnits } from './org-units';
import { users } from './users';

/** Repayment deadlines as data: "activity: 30 days after receipt", "travel: 15 days after return". */
export const advanceRules = pgTable('advance_rules', {
  code: text('code').primaryKey(),
  nameTh: text('name_th').notNull(),
  nameEn: text('name_en').notNull(),
  days: integer('days').notNull(),
  countsFrom: text('counts_from', { enum: ['receipt', 'return'] }).notNull(),
  reference: text('reference').notNull().default(''),
});

/**
 * A cash advance (เงินยืม) drawn on a unit's allocation of an activity: requested by an officer, approved (or rejected)
 * by the holder of delegated authority citing the order, open until cleared by receipts and cash. A borrower has at
 * most one advance requested or open (unique index).
 */
export const cashAdvances = pgTable(
  'cash_advances',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    borrowerId: integer('borrower_id')
      .notNull()
      .references(() => users.id),
    requestedBy: integer('requested_by').notNull(),
    /** Set by the approval: who approved, when, and the delegation order relied on. */
    approverId: integer('approver_id').references(() => users.id),
    approvedOn: date('approved_on'),
    delegationOrderId: integer('delegation_order_id').references(() => delegationOrders.id),
    decisionNote: text('decision_note').notNull().default(''),
    /** The borrower's position and office as on the contract, kept as they were when the advance was made. */
    borrowerPosition: text('borrower_position').notNull().default(''),
    borrowerOffice: text('borrower_office').notNull().default(''),
    itemId: integer('item_id').references(() => budgetItems.id),
    purpose: text('purpose').notNull(),
    ruleCode: text('rule_code')
      .notNull()
      .references(() => advanceRules.code),
    amountSatang: bigint('amount_satang', { mode: 'bigint' }).notNull(),
    receivedOn: date('received_on').notNull(),
    returnedOn: date('returned_on'),
    dueOn: date('due_on').notNull(),
    status: text('status', { enum: ['requested', 'open', 'repaid', 'rejected'] })
      .notNull()
      .default('requested'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cash_advances_one_open_per_borrower').on(t.borrowerId).where(sql`${t.status} in ('requested', 'open')`),
    index('cash_advances_item_unit_idx').on(t.itemId, t.orgUnitCode),
    index('cash_advances_unit_idx').on(t.orgUnitCode, t.status),
    check('cash_advances_positive', sql`${t.amountSatang} > 0`),
    check('cash_advances_approver', sql`${t.approverId} <> ${t.requestedBy} and ${t.approverId} <> ${t.borrowerId}`),
    check(
      'cash_advances_approved',
      sql`${t.status} in ('requested', 'rejected') or (${t.approverId} is not null and ${t.approvedOn} is not null)`,
    ),
  ],
);

export const advanceRepayments = pgTable(
  'advance_repayments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    advanceId: integer('advance_id')
      .notNull()
      .references(() => cashAdvances.id),
    kind: text('kind', { enum: ['cash', 'receipts'] }).notNull(),
    amountSatang: bigint('amount_satang', { mode: 'bigint' }).notNull(),
    repaidOn: date('repaid_on').notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('advance_repayments_advance_idx').on(t.advanceId),
    check('advance_repayments_positive', sql`${t.amountSatang} > 0`),
  ],
);
