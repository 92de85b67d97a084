/**
 * Public local wisdom (issue #15): only what visibility.ts allows, by branch, province, district and Thai words.
 * An item shows its place down to the subdistrict (never the village), and its holders only as the credit they
 * agreed to (`public_credit`); never a holder's person record.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { idIn } from '../../db/bulk';
import type { Db } from '../../db/client';
import { thaiOrder } from '../../db/filters';
import { attachments, codeLists, groups, groupWisdom, producers, products, wisdomItems } from '../../db/schema';
import { placeColumns, placeDistrict, placeProvince } from './places';
import { inOrder, listIds, type SearchList, searchIds } from './search';
import { imagesOf, publicGroup, publicProduct, publicWisdom } from './visibility';

export const WISDOM_PAGE_SIZE = 24;

export interface WisdomFilter {
  q?: string;
  branch?: string;
  /** The unit the list is narrowed to: a district, a province or `TH`. */
  unit: string;
  page: number;
}

/** The branches of the code list, in its order (deprecated ones too: old items keep them). */
export async function wisdomBranches(db: Db) {
  return db
    .select({ code: codeLists.code, nameTh: codeLists.nameTh, nameEn: codeLists.nameEn })
    .from(codeLists)
    .where(eq(codeLists.list, 'wisdom_branch'))
    .orderBy(asc(codeLists.sort), asc(codeLists.code));
}

const branch = sql`branch`;
const firstImage = sql<
  number | null
>`(select min(${attachments.id}) from ${attachments} where ${imagesOf('wisdom', wisdomItems.id)})`;

const cardColumns = {
  id: wisdomItems.id,
  title: wisdomItems.title,
  description: wisdomItems.description,
  subdistrict: wisdomItems.subdistrict,
  branchTh: sql<string>`${branch}.name_th`,
  branchEn: sql<string>`${branch}.name_en`,
  ...placeColumns,
};

const selectWisdom = (db: Db) =>
  db
    .select({ ...cardColumns, imageId: firstImage, publicCredit: wisdomItems.publicCredit })
    .from(wisdomItems)
    .innerJoin(placeDistrict, eq(placeDistrict.code, wisdomItems.orgUnitCode))
    .innerJoin(placeProvince, eq(placeProvince.code, placeDistrict.parentCode))
    .leftJoin(sql`code_lists as ${branch}`, sql`${branch}.list = 'wisdom_branch' and ${branch}.code = ${wisdomItems.branchCode}`);

export type WisdomCard = Awaited<ReturnType<typeof listPublicWisdom>>['items'][number];

/** One page of public wisdom items, in Thai title order or, with words, whole-word matches first. */
export async function listPublicWisdom(db: Db, filter: WisdomFilter) {
  const list: SearchList = {
    kind: 'wisdom',
    table: wisdomItems,
    id: wisdomItems.id,
    unit: wisdomItems.orgUnitCode,
    searchText: wisdomItems.searchText,
    name: wisdomItems.title,
    shown: and(publicWisdom(), filter.branch ? eq(wisdomItems.branchCode, filter.branch) : undefined)!,
  };
  const q = filter.q?.trim();
  const { ids, page, hasNext } = q
    ? await searchIds(db, list, q, filter.unit, filter.page, WISDOM_PAGE_SIZE)
    : await listIds(db, list, filter.unit, filter.page, WISDOM_PAGE_SIZE);
  const rows = ids.length ? await selectWisdom(db).where(and(idIn(wisdomItems.id, ids), publicWisdom())) : [];
  return { items: inOrder(ids, rows), page, hasNext };
}

/** A public item with its pictures, its credit and the groups that work from it, with their public products. */
export async function getPublicWisdom(db: Db, id: number) {
  const [item] = await selectWisdom(db).where(and(eq(wisdomItems.id, id), publicWisdom()));
  if (!item) return undefined;
  const [images, linked] = await Promise.all([
    db.select({ id: attachments.id }).from(attachments).where(imagesOf('wisdom', id)).orderBy(asc(attachments.id)),
    db
      .select({ id: groups.id, name: groups.name })
      .from(groupWisdom)
      .innerJoin(groups, eq(groups.id, groupWisdom.groupId))
      .where(and(eq(groupWisdom.wisdomId, id), publicGroup()))
      .orderBy(thaiOrder(groups.name), groups.id),
  ]);
  const made = linked.length
    ? await db
        .select({ id: products.id, name: products.name, groupId: producers.groupId })
        .from(products)
        .innerJoin(producers, eq(producers.id, products.producerId))
        .where(
          and(
            idIn(
              producers.groupId,
              linked.map((g) => g.id),
            ),
            publicProduct(),
          ),
        )
        .orderBy(thaiOrder(products.name), products.id)
    : [];
  return {
    ...item,
    imageIds: images.map((i) => i.id),
    groups: linked.map((g) => ({ id: g.id, name: g.name, products: made.filter((p) => p.groupId === g.id) })),
  };
}

export type PublicWisdom = NonNullable<Awaited<ReturnType<typeof getPublicWisdom>>>;
