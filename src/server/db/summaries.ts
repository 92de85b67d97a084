/**
 * Reading `summary_counts` (schema/summaries.ts; kept by the triggers of migration 0018, see
 * docs/decisions/026-summary-tables.md).
 */

/** The period of standing counts (not dated: live groups per funnel key, live wisdom items, applications per source). */
export const STANDING = '-infinity';
