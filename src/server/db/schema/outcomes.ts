import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { OUTCOME_KINDS } from '../../../shared/outcomes';
import { recordColumns } from './columns';
import { fundingApplications } from './funding';
import { certifications, groups, products } from './pipeline';
import { users } from './users';

/**
 * A dated milestone of a group with its evidence (a linked record or an attachment). It counts in reports
 * only once an officer other than its recorder has verified it; the reporting date is its own.
 */
export const outcomes = pgTable(
  'outcomes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    kind: text('kind', { enum: OUTCOME_KINDS }).notNull(),
    happenedOn: date('happened_on').notNull(),
    reportedOn: date('reported_on').notNull(),
    description: text('description').notNull(),
    productId: integer('product_id').references(() => products.id),
    certificationId: integer('certification_id').references(() => certifications.id),
    fundingApplicationId: integer('funding_application_id').references(() => fundingApplications.id),
    /** A `sales_channel` code, for a new channel. */
    channelCode: text('channel_code'),
    jobsCount: integer('jobs_count'),
    /** Income of the comparison periods, from the sales records when recorded. */
    incomeBeforeSatang: bigint('income_before_satang', { mode: 'bigint' }),
    incomeAfterSatang: bigint('income_after_satang', { mode: 'bigint' }),
    /** The two periods compared (first days of their first and last months), so the figures can be checked. */
    incomeBeforeFrom: date('income_before_from'),
    incomeBeforeTo: date('income_before_to'),
    incomeAfterFrom: date('income_after_from'),
    incomeAfterTo: date('income_after_to'),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    verifiedBy: integer('verified_by').references(() => users.id),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
  },
  (t) => [
    index('outcomes_unit_date_idx').on(t.orgUnitCode, t.reportedOn),
    index('outcomes_group_idx').on(t.groupId),
    index('outcomes_product_idx').on(t.productId),
    check('outcomes_verifier_not_recorder', sql`${t.verifiedBy} is null or ${t.verifiedBy} <> ${t.recordedBy}`),
    check('outcomes_verified_together', sql`(${t.verifiedBy} is null) = (${t.verifiedAt} is null)`),
    check('outcomes_reported_after', sql`${t.reportedOn} >= ${t.happenedOn}`),
    check('outcomes_jobs', sql`${t.jobsCount} is null or ${t.jobsCount} > 0`),
    check('outcomes_income', sql`${t.incomeBeforeSatang} is null or ${t.incomeBeforeSatang} >= 0`),
    check('outcomes_income_after', sql`${t.incomeAfterSatang} is null or ${t.incomeAfterSatang} >= 0`),
    check(
      'outcomes_income_periods',
      sql`(${t.incomeBeforeSatang} is null) = (${t.incomeAfterTo} is null)
        and (${t.incomeAfterTo} is null or (${t.incomeBeforeFrom} <= ${t.incomeBeforeTo}
          and ${t.incomeBeforeTo} < ${t.incomeAfterFrom} and ${t.incomeAfterFrom} <= ${t.incomeAfterTo}))`,
    ),
  ],
);
