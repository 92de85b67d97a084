import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { recordColumns } from './columns';
import { groups } from './pipeline';
import { referrals } from './requests';
import { users } from './users';

/**
 * A group's application to a funding source (`funding_source` code list: savings groups, village funds,
 * BAAC, GSB, SME Bank…), often the outcome of a referral. An approved one moves the group to funding access.
 */
export const fundingApplications = pgTable(
  'funding_applications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    sourceCode: text('source_code').notNull(),
    referralId: integer('referral_id').references(() => referrals.id),
    purpose: text('purpose').notNull(),
    askedSatang: bigint('asked_satang', { mode: 'bigint' }).notNull(),
    appliedOn: date('applied_on').notNull(),
    status: text('status', { enum: ['applied', 'approved', 'rejected', 'withdrawn'] })
      .notNull()
      .default('applied'),
    approvedSatang: bigint('approved_satang', { mode: 'bigint' }),
    /** Why more was approved than asked (a rare top-up), required then. */
    approvedReason: text('approved_reason'),
    decidedOn: date('decided_on'),
    receivedOn: date('received_on'),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index('funding_unit_date_idx').on(t.orgUnitCode, t.appliedOn),
    index('funding_group_idx').on(t.groupId),
    index('funding_referral_idx').on(t.referralId),
    check('funding_asked', sql`${t.askedSatang} > 0`),
    check('funding_approved_amount', sql`(${t.status} = 'approved') = (${t.approvedSatang} is not null)`),
    check('funding_approved_positive', sql`${t.approvedSatang} is null or ${t.approvedSatang} > 0`),
    check(
      'funding_approved_within_asked',
      sql`${t.approvedSatang} is null or ${t.approvedSatang} <= ${t.askedSatang} or coalesce(${t.approvedReason}, '') <> ''`,
    ),
    check('funding_decided', sql`(${t.status} in ('approved', 'rejected')) = (${t.decidedOn} is not null)`),
    check('funding_decided_after', sql`${t.decidedOn} is null or ${t.decidedOn} >= ${t.appliedOn}`),
    check(
      'funding_received_approved',
      sql`${t.receivedOn} is null or (${t.status} = 'approved' and ${t.receivedOn} >= ${t.decidedOn})`,
    ),
  ],
);
