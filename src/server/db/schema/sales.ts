import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { recordColumns } from './columns';
import { groups, products } from './pipeline';
import { users } from './users';

/** A month's sales of a group or of one product through one channel (`sales_channel` code list). */
export const sales = pgTable(
  'sales',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...recordColumns(),
    groupId: integer('group_id').references(() => groups.id),
    productId: integer('product_id').references(() => products.id),
    channelCode: text('channel_code').notNull(),
    /** The first day of the month the figures are for. */
    month: date('month').notNull(),
    quantity: integer('quantity'),
    amountSatang: bigint('amount_satang', { mode: 'bigint' }).notNull(),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index('sales_unit_month_idx').on(t.orgUnitCode, t.month),
    index('sales_month_idx').on(t.month, t.id).where(sql`${t.deletedAt} is null`),
    index('sales_group_idx').on(t.groupId, t.month),
    index('sales_product_idx').on(t.productId, t.month),
    // One row per seller, channel and month: a second entry is a correction of the first.
    uniqueIndex('sales_one_per_month_uq')
      .on(sql`coalesce(${t.groupId}, 0)`, sql`coalesce(${t.productId}, 0)`, t.channelCode, t.month)
      .where(sql`${t.deletedAt} is null`),
    check('sales_one_seller', sql`(${t.groupId} is null) <> (${t.productId} is null)`),
    check('sales_month_start', sql`extract(day from ${t.month}) = 1`),
    check('sales_amount', sql`${t.amountSatang} >= 0`),
    check('sales_quantity', sql`${t.quantity} is null or ${t.quantity} >= 0`),
  ],
);
