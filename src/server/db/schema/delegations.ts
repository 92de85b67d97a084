import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgUnits } from './org-units';
import { users } from './users';

/**
 * An order delegating spending authority (คำสั่งมอบอำนาจ), e.g. the governor of Ubon's order 7/2563 giving the
 * district chiefs (นายอำเภอ) the approval of spending and cash advances of their districts. The delegate is either a
 * position held in each covered unit (`delegate_role`: the district_chief of that district) or one named officer
 * (`delegate_user_id`: an officer acting for the chief). Approvals cite the order they rely on.
 */
export const delegationOrders = pgTable(
  'delegation_orders',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** The office whose head signed the order (a province; a district for an acting order). */
    issuingUnitCode: text('issuing_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    orderNo: text('order_no').notNull(),
    orderDate: date('order_date').notNull(),
    /** Who delegates, as written on the order ("ผู้ว่าราชการจังหวัดอุบลราชธานี"). */
    delegator: text('delegator').notNull(),
    delegateRole: text('delegate_role', { enum: ['district_chief', 'province_officer', 'district_officer'] }),
    delegateUserId: integer('delegate_user_id').references(() => users.id),
    /** The order applies to approvals of units under this code (the province: all its districts). */
    scopeUnitCode: text('scope_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    powers: text('powers').array().notNull(),
    subject: text('subject').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    effectiveUntil: date('effective_until'),
    revokedOn: date('revoked_on'),
    revokedReason: text('revoked_reason').notNull().default(''),
    recordedBy: integer('recorded_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('delegation_orders_scope_idx').on(t.scopeUnitCode),
    uniqueIndex('delegation_orders_number_key').on(t.issuingUnitCode, t.orderNo),
    check('delegation_orders_one_delegate', sql`(${t.delegateRole} is null) <> (${t.delegateUserId} is null)`),
    check('delegation_orders_powers', sql`cardinality(${t.powers}) > 0 and ${t.powers} <@ array['advances', 'spending']`),
    check('delegation_orders_dates', sql`${t.effectiveUntil} is null or ${t.effectiveUntil} >= ${t.effectiveFrom}`),
  ],
);
