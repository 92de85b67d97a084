import { sql } from 'drizzle-orm';
import { bigint, date, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Counts and sums of the records per district, kept by triggers in the same transaction as the records
 * (docs/decisions/026-summary-tables.md). One row per district, figure, dimension and period: the first day of a
 * month for dated figures, the first day of a fiscal year for `stage_moves`, '-infinity' for standing counts.
 * Province and national figures are sums over district rows. `summary_counts_recomputed` (a view) computes the
 * same from the base tables; `summary_counts_drift` lists where they differ.
 */
export const summaryCounts = pgTable(
  'summary_counts',
  {
    figure: text('figure').notNull(),
    period: date('period').notNull(),
    orgUnitCode: text('org_unit_code').notNull(),
    /** A code the figure is split by (sales channel, funding source, stage), '' when none. */
    dim: text('dim').notNull().default(''),
    n: bigint('n', { mode: 'number' }).notNull().default(0),
    satang: bigint('satang', { mode: 'bigint' }).notNull().default(sql`0`),
  },
  (t) => [
    // A district's rows (and a province's districts, codes being "C") are together; the nation reads the provinces'.
    primaryKey({ columns: [t.orgUnitCode, t.figure, t.period, t.dim] }),
    index('summary_counts_provinces_idx').on(t.figure, t.period).where(sql`length(${t.orgUnitCode}) = 2`),
  ],
);
