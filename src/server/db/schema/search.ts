import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * One row per word of a live searchable record (decision 033): the words of its `search_text` (the lowered text
 * and its Intl.Segmenter tokens) or, for a person, of the name. Kept by statement triggers on the record tables
 * (migration `search_tokens`), so every write path, bulk loads too, keeps it; soft-deleted records have none.
 * `sort_key` is the list's Thai order (column collation `thai`, set in the migration) and `org_unit_code` the
 * scope, so the first page of a whole-word search is one index range read in order with a LIMIT.
 */
export const searchTokens = pgTable(
  'search_tokens',
  {
    kind: text('kind').notNull(),
    token: text('token').notNull(),
    recordId: integer('record_id').notNull(),
    orgUnitCode: text('org_unit_code').notNull(),
    sortKey: text('sort_key').notNull(),
  },
  (t) => [
    // A record's own words: the trigger's delete and the check that a record also holds the other query words.
    primaryKey({ columns: [t.kind, t.recordId, t.token] }),
    // A word's records in a few districts, sorted afterwards (the ordered index, made in the migration, walks
    // the whole word when the scope is small).
    index('search_tokens_scope_idx').on(t.kind, t.token, t.orgUnitCode),
  ],
);
