import { boolean, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { CODE_LISTS } from '../../../shared/code-lists';

/** Configurable code lists (wisdom branches, standards, service types, sales channels, funding sources): data, not enums. */
export const codeLists = pgTable(
  'code_lists',
  {
    list: text('list', { enum: CODE_LISTS }).notNull(),
    code: text('code').notNull(),
    nameTh: text('name_th').notNull(),
    nameEn: text('name_en').notNull(),
    /** Kept for old records, offered no more for new ones. */
    deprecated: boolean('deprecated').notNull().default(false),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.list, t.code] })],
);
