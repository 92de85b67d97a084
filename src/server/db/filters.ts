import { and, ilike, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { scopePrefixOf } from '#shared/access';
import { thaiWords } from '#shared/thai/index';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** ILIKE pattern for text anywhere in the value (user input is escaped, never a wildcard). */
export const containing = (text: string) => `%${escapeLike(text)}%`;
export const startingWith = (text: string) => `${escapeLike(text)}%`;

/** Rows owned by the unit or any unit below it ('TH' = all). */
export const underUnit = (column: AnyPgColumn, orgUnitCode: string): SQL =>
  sql`${column} like ${startingWith(scopePrefixOf(orgUnitCode))}`;

/** Orders Thai text as a Thai reader expects (ICU th-TH, created as collation `thai` by the first migration). */
export const thaiOrder = (column: AnyPgColumn | SQL): SQL => sql`${column} collate thai`;

/**
 * Thai word search: one condition per word of the query (Thai has no spaces, so words are cut by the dictionary),
 * each matched anywhere in the search column, inside compounds too (trigram index).
 */
export function matchesWords(column: AnyPgColumn | SQL, q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const words = thaiWords(q);
  return and(...(words.length ? words : [q]).map((w) => ilike(column, containing(w))));
}
