import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Settings the database itself must carry, one row per name: e.g. `data_key_fingerprint`, an HMAC of a fixed label
 * under the data key (never the key), so a process started with the wrong key refuses to run.
 */
export const systemSettings = pgTable('system_settings', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
