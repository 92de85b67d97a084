import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** National office, provinces and districts with DOPA codes ('TH', 2-digit, 4-digit). */
export const orgUnits = pgTable(
  'org_units',
  {
    code: text('code').primaryKey(),
    nameTh: text('name_th').notNull(),
    nameEn: text('name_en').notNull(),
    level: text('level', { enum: ['national', 'province', 'district'] }).notNull(),
    parentCode: text('parent_code').references((): any => orgUnits.code),
    covered: boolean('covered').notNull(),
  },
  (t) => [index('org_units_parent_idx').on(t.parentCode)],
);

/** The district's Foundational Economy Promotion Service Center: one per covered district. */
export const centers = pgTable('centers', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  orgUnitCode: text('org_unit_code')
    .notNull()
    .unique()
    .references(() => orgUnits.code),
  nameTh: text('name_th').notNull(),
  nameEn: text('name_en').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
