import { and, asc, eq } from 'drizzle-orm';
import type { CodeListItem } from '#shared/code-lists';
import { type Actor, requirePermission } from '../../access';
import type { Db, Tx } from '../../db/client';
import { codeLists } from '../../db/schema';
import { AppError } from '../../errors';

type ListName = (typeof codeLists.$inferSelect)['list'];
const LIST_TH: Record<ListName, string> = {
  wisdom_branch: 'สาขาภูมิปัญญา',
  standard: 'มาตรฐานผลิตภัณฑ์',
  service_type: 'ประเภทบริการ',
  sales_channel: 'ช่องทางการจำหน่าย',
  funding_source: 'แหล่งทุน',
  committee_position: 'ตำแหน่งในคณะกรรมการ',
};

export async function listCodes(db: Db, actor: Actor, list: ListName): Promise<CodeListItem[]> {
  requirePermission(actor, 'pipeline.read');
  return db
    .select({ code: codeLists.code, nameTh: codeLists.nameTh, nameEn: codeLists.nameEn, deprecated: codeLists.deprecated })
    .from(codeLists)
    .where(eq(codeLists.list, list))
    .orderBy(asc(codeLists.sort));
}

/** New records may only use current codes; old records keep deprecated ones. */
export async function requireCode(
  tx: Db | Tx,
  list: ListName,
  code: string,
  options: { allowDeprecated?: boolean } = {},
): Promise<void> {
  const [row] = await tx
    .select()
    .from(codeLists)
    .where(and(eq(codeLists.list, list), eq(codeLists.code, code)));
  if (!row || (row.deprecated && !options.allowDeprecated))
    throw new AppError('code.unknown', { params: { code, list, listTh: LIST_TH[list] } });
}
