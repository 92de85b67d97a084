import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { codeLists } from '../db/schema';
import { type ExportColumn, labelsFrom } from './columns';

/** The columns with the names of their database code lists (standards, channels…) filled in as labels. */
export async function withCodeLists<R>(db: Db, columns: readonly ExportColumn<R>[]): Promise<ExportColumn<R>[]> {
  const lists = [...new Set(columns.flatMap((c) => (c.codeList ? [c.codeList] : [])))];
  if (!lists.length) return [...columns];
  const rows = await db.select().from(codeLists).where(inArray(codeLists.list, lists));
  return columns.map((c) => (c.codeList ? { ...c, labels: labelsFrom(rows.filter((r) => r.list === c.codeList)) } : c));
}
