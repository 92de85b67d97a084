/**
 * Reading `summary_counts` (schema/summaries.ts; kept by the triggers of migration 0018, see
 * docs/decisions/026-summary-tables.md). It holds a row per district and one per province (2-digit code).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { levelOf } from '#shared/fields';
import { startingWith } from './filters';

/** The period of standing counts (not dated: live groups per funnel key, live wisdom items, applications per source). */
export const STANDING = '-infinity';

/**
 * The summary rows of the units one level below `unit`, which add up to the unit: the provinces for the nation, the
 * districts of a province, the district itself.
 */
export function summaryRowsUnder(column: AnyPgColumn, unit: string): SQL {
  const level = levelOf(unit);
  if (level === 'national') return sql`length(${column}) = 2`;
  if (level === 'province') return sql`${column} like ${startingWith(unit)} and length(${column}) = 4`;
  return sql`${column} = ${unit}`;
}
