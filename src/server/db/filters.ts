import { and, like, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { scopePrefixOf } from '#shared/access';
import { levelOf } from '#shared/fields';
import { thaiWords } from '#shared/thai/index';

/** The longest unit code: districts have 4 digits; room for finer units to nest below them. */
const UNIT_CODE_DIGITS = 10;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Codes (digits, letters and underscores: unit codes, code-list codes) as one PostgreSQL text[] parameter. */
export const codeArray = (codes: readonly string[]): SQL => sql`${`{${codes.join(',')}}`}::text[]`;

/** ILIKE pattern for text anywhere in the value (user input is escaped, never a wildcard). */
export const containing = (text: string) => `%${escapeLike(text)}%`;
export const startingWith = (text: string) => `${escapeLike(text)}%`;

/**
 * Rows owned by the unit or any unit below it ('TH' = all). Codes are digits nesting by prefix (34, 3401), so the
 * prefix is a range: from the code itself up to the code followed by nines. A range, unlike `LIKE '34%'`, is served
 * by a plain btree index under any database collation (digit strings sort alike in all of them), and it is
 * exact: a code in it starts with the prefix (see filters.test.ts).
 */
export const underUnit = (column: AnyPgColumn | SQL, orgUnitCode: string): SQL => {
  const prefix = scopePrefixOf(orgUnitCode);
  if (!prefix) return sql`${column} is not null`;
  // A district is the lowest unit (org_units has none below it): an equality, so an index on (unit, list order)
  // gives a district's page in order without sorting its rows; a range of one value would not.
  if (levelOf(orgUnitCode) === 'district') return sql`${column} = ${orgUnitCode}`;
  return sql`${column} between ${prefix} and ${prefix + '9'.repeat(UNIT_CODE_DIGITS - prefix.length)}`;
};

/** Orders Thai text as a Thai reader expects (ICU th-TH, created as collation `thai` by the first migration). */
export const thaiOrder = (column: AnyPgColumn | SQL): SQL => sql`${column} collate thai`;

/**
 * Thai word search: one condition per word of the query (Thai has no spaces, so words are cut by the dictionary),
 * each matched anywhere in the search column, inside compounds too (trigram index). The column is lower case
 * (`searchTextOf`), so a case-sensitive LIKE of the lowered words suffices: ILIKE costs twice as much per row.
 */
export function matchesWords(column: AnyPgColumn | SQL, q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const words = thaiWords(q);
  return and(...(words.length ? words : [q.toLowerCase()]).map((w) => like(column, containing(w))));
}
