import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { scopePrefixOf } from '#shared/access';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** ILIKE pattern for text anywhere in the value (user input is escaped, never a wildcard). */
export const containing = (text: string) => `%${escapeLike(text)}%`;
export const startingWith = (text: string) => `${escapeLike(text)}%`;

/** Rows owned by the unit or any unit below it ('TH' = all). */
export const underUnit = (column: AnyPgColumn, orgUnitCode: string): SQL =>
  sql`${column} like ${startingWith(scopePrefixOf(orgUnitCode))}`;

/** Orders Thai text as a Thai reader expects (ICU th-TH, created as collation `thai` by the first migration). */
export const thaiOrder = (column: AnyPgColumn): SQL => sql`${column} collate thai`;
