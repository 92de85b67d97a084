import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import {
  type createProductBody,
  type Product,
  type ProductDetail,
  productChange,
  type productListQuery,
  type updateProductBody,
} from '#shared/products';
import { searchTextOf } from '#shared/thai/index';
import type { Attachment } from '#shared/wisdom';
import { type Actor, requirePermission, scopeFilter } from '../../access';
import { createRecord, updateRecord } from '../../audit/writes';
import { idIn } from '../../db/bulk';
import type { Db, Tx } from '../../db/client';
import { matchesWords, thaiOrder, underUnit } from '../../db/filters';
import { type OrderKey, readPage } from '../../db/paging';
import { findVisible } from '../../db/records';
import { groups, people, producers, productRatings, products } from '../../db/schema';
import { queryWords, readSearchPage } from '../../db/search';
import { AppError } from '../../errors';
import { applyPatch } from '../../http/patch';
import { addAttachment, attachmentsOf, type Upload } from '../attachments/attachments.service';
import { fullNameSql } from '../people/people.service';

const PRODUCT = { entity: 'product', notFound: 'product.not_found' } as const;

type ProductInput = z.infer<typeof createProductBody> | z.infer<typeof productChange>;
type ProductRow = typeof products.$inferSelect;

const producerName = sql<string>`coalesce(${groups.name}, ${fullNameSql})`;

const toProduct = (p: ProductRow, owner: string, ratings: { year: number; stars: number }[]): Product => ({
  id: p.id,
  orgUnitCode: p.orgUnitCode,
  producerId: p.producerId,
  producerName: owner,
  name: p.name,
  category: p.category,
  description: p.description,
  story: p.story,
  priceSatang: p.priceSatang === null ? null : String(p.priceSatang),
  unit: p.unit,
  quadrant: p.quadrant,
  ratings,
  version: p.version,
});

const withProducer = (db: Db | Tx) =>
  db
    .select({ product: products, owner: producerName })
    .from(products)
    .innerJoin(producers, eq(producers.id, products.producerId))
    .leftJoin(groups, eq(groups.id, producers.groupId))
    .leftJoin(people, eq(people.id, producers.personId));

/** The names of the producers, by producer id: a page's owners read once each, not with every product row again. */
async function ownersOf(db: Db, producerIds: number[]): Promise<Map<number, string>> {
  if (!producerIds.length) return new Map();
  const rows = await db
    .select({ id: producers.id, owner: producerName })
    .from(producers)
    .leftJoin(groups, eq(groups.id, producers.groupId))
    .leftJoin(people, eq(people.id, producers.personId))
    .where(idIn(producers.id, producerIds));
  return new Map(rows.map((r) => [r.id, r.owner]));
}

export async function ratingsOf(db: Db | Tx, ids: number[]) {
  const rows = ids.length
    ? await db.select().from(productRatings).where(idIn(productRatings.productId, ids)).orderBy(desc(productRatings.year))
    : [];
  const byProduct = new Map<number, { year: number; stars: number }[]>();
  for (const r of rows) byProduct.set(r.productId, [...(byProduct.get(r.productId) ?? []), { year: r.year, stars: r.stars }]);
  return byProduct;
}

/** Names sort in Thai order; with `q`, whole-word matches first, then matches inside words (decision 033). */
export async function listProducts(db: Db, actor: Actor, query: z.infer<typeof productListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const scope = (unit: AnyPgColumn) => and(scopeFilter(actor, unit), query.unit ? underUnit(unit, query.unit) : undefined);
  const filters = and(
    query.category ? eq(products.category, query.category) : undefined,
    query.producerId ? eq(products.producerId, query.producerId) : undefined,
  );
  const live = isNull(products.deletedAt);
  const order: OrderKey<ProductRow>[] =
    query.sort === 'recent' && !query.q
      ? [{ by: products.id, kind: 'int', of: (p) => p.id, desc: true }]
      : [
          { by: thaiOrder(products.name), kind: 'text', of: (p) => p.name },
          { by: products.id, kind: 'int', of: (p) => p.id },
        ];
  const rows = () => db.select().from(products).$dynamic();
  const page = query.q
    ? await readSearchPage(
        db,
        {
          kind: 'product',
          table: products,
          id: products.id,
          rows,
          idOf: (p) => p.id,
          words: queryWords(query.q, 'segmenter'),
          scope,
          unit: products.orgUnitCode,
          live,
          filters,
          partial: matchesWords(products.searchText, query.q)!,
          order,
        },
        query,
      )
    : await readPage(db, { rows: rows(), table: products, where: and(live, scope(products.orgUnitCode), filters), order }, query);
  // Owners and ratings of this page only, after the LIMIT (joining them first would join every product).
  const ids = page.items.map((p) => p.id);
  const owners = await ownersOf(db, [...new Set(page.items.map((p) => p.producerId))]);
  const ratings = await ratingsOf(db, ids);
  return {
    ...page,
    items: page.items.map((p) => toProduct(p, owners.get(p.producerId) ?? '', ratings.get(p.id) ?? [])),
  };
}

export async function getProduct(db: Db, actor: Actor, id: number): Promise<ProductDetail> {
  requirePermission(actor, 'pipeline.read');
  await findVisible(db, actor, products, id, 'product.not_found');
  const [row] = await withProducer(db).where(eq(products.id, id));
  const ratings = await ratingsOf(db, [id]);
  return { ...toProduct(row.product, row.owner, ratings.get(id) ?? []), attachments: await attachmentsOf(db, 'product', id) };
}

const columnsOf = (body: ProductInput) => ({
  producerId: body.producerId,
  name: body.name,
  category: body.category,
  description: body.description,
  story: body.story,
  priceSatang: body.priceSatang === undefined ? null : BigInt(body.priceSatang),
  unit: body.unit ?? null,
  quadrant: body.quadrant ?? null,
  searchText: searchTextOf(body.name, body.description),
});

/** One rating per year (the last given wins), newest first: what is stored and what the audit log shows. */
const ratingsByYear = (ratings: ProductInput['ratings']) =>
  [...new Map(ratings.map((r) => [r.year, r.stars]))].map(([year, stars]) => ({ year, stars })).sort((a, b) => b.year - a.year);

type Rating = { year: number; stars: number };

async function insertRatings(tx: Tx, productId: number, ratings: Rating[]) {
  if (ratings.length) await tx.insert(productRatings).values(ratings.map((r) => ({ productId, ...r })));
}

/** An edit's ratings replace the stored ones; a new product has none to delete. */
async function setRatings(tx: Tx, productId: number, ratings: Rating[]) {
  await tx.delete(productRatings).where(eq(productRatings.productId, productId));
  await insertRatings(tx, productId, ratings);
}

/** A product belongs to the producer's district; the producer must be one the actor may see. */
export async function createProduct(db: Db, actor: Actor, body: z.infer<typeof createProductBody>): Promise<ProductDetail> {
  requirePermission(actor, 'pipeline.write');
  const id = await db.transaction(async (tx) => {
    const producer = await findVisible(tx, actor, producers, body.producerId, 'producer.not_found');
    return insertProduct(tx, actor, producer.orgUnitCode, body);
  });
  return getProduct(db, actor, id);
}

/** A new product with its ratings, inside the caller's transaction (the form and the import). */
export async function insertProduct(
  tx: Tx,
  actor: Actor,
  orgUnitCode: string,
  body: z.infer<typeof createProductBody>,
): Promise<number> {
  const ratings = ratingsByYear(body.ratings);
  const created = await createRecord(
    tx,
    actor,
    products,
    PRODUCT.entity,
    { orgUnitCode, ...columnsOf(body) },
    { after: { ratings } },
  );
  await insertRatings(tx, created.id, ratings);
  return created.id;
}

/** A product's fields as stored, in the shape of the body that would write them (its ratings aside). */
const storedProduct = (p: ProductRow) => ({
  producerId: p.producerId,
  name: p.name,
  category: p.category,
  description: p.description,
  story: p.story,
  priceSatang: p.priceSatang === null ? undefined : String(p.priceSatang),
  unit: p.unit ?? undefined,
  quadrant: p.quadrant ?? undefined,
});

export async function updateProduct(
  db: Db,
  actor: Actor,
  id: number,
  body: z.infer<typeof updateProductBody>,
): Promise<ProductDetail> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, products, id, PRODUCT.notFound);
    const stored = { ...storedProduct(existing), ratings: (await ratingsOf(tx, [id])).get(id) ?? [] };
    const change = applyPatch(productChange, stored, body);
    const producer = await findVisible(tx, actor, producers, change.producerId, 'producer.not_found');
    // A product stays in its district: it may move only to another producer of the same district.
    if (producer.orgUnitCode !== existing.orgUnitCode)
      throw new AppError('record.other_district', { params: { what: 'ผู้ผลิต', whatEn: 'Producer', id: producer.id } });
    await changeProduct(tx, actor, id, change);
  });
  return getProduct(db, actor, id);
}

/** A product's fields and ratings changed at the version read, inside the caller's transaction (the form and the import). */
export async function changeProduct(tx: Tx, actor: Actor, id: number, body: z.infer<typeof productChange>) {
  const before = (await ratingsOf(tx, [id])).get(id) ?? [];
  const ratings = ratingsByYear(body.ratings);
  const changed = await updateRecord(tx, actor, products, PRODUCT, id, body.version, columnsOf(body), {
    before: { ratings: before },
    after: { ratings },
  });
  await setRatings(tx, id, ratings);
  return changed;
}

/** A photo for a product the actor may see (outside the scope: not found). */
export async function addProductAttachment(db: Db, actor: Actor, id: number, upload: Upload): Promise<Attachment> {
  requirePermission(actor, 'pipeline.write');
  const product = await findVisible(db, actor, products, id, PRODUCT.notFound);
  return addAttachment(db, actor, { type: 'product', id: product.id, orgUnitCode: product.orgUnitCode }, upload);
}
