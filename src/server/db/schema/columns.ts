import { customType, integer, text, timestamp } from 'drizzle-orm/pg-core';
import { orgUnits } from './org-units';

/** Binary data; pg gives a Buffer, PGlite a Uint8Array: both are Uint8Array. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** Columns every operational record has: owner district, optimistic version, soft delete, times. */
export const recordColumns = () => ({
  orgUnitCode: text('org_unit_code')
    .notNull()
    .references(() => orgUnits.code),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
});
