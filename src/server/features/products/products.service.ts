import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createProductBody, Product, ProductDetail, productListQuery, updateProductBody } from '#shared/products';
import { searchTextOf } from '#shared/thai/index';
import { type Actor, requirePermission, scopeFilter } from '../../access';
import { recordAudit } from '../../audit/audit';
import type { Db, Tx } from '../../db/client';
import { underUnit } from '../../db/filters';
import { readPage } from '../../db/paging';
import { findVisible, updateAtVersion } from '../../db/records';
import { groups, people, producers, productRatings, products } from '../../db/schema';
import { AppError } from '../../errors';
import { attachmentsOf } from '../attachments/attachments.service';
import { matchesWords } from '../wisdom/wisdom.service';

type ProductInput = z.infer<typeof createProductBody> | z.infer<typeof updateProductBody>;
type ProductRow = typeof products.$inferSelect;

const producerName = sql<string>`coalesce(${groups.name}, ${people.title} || ${people.firstName} || ' ' || ${people.lastName})`;

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

async function ratingsOf(db: Db | Tx, ids: number[]) {
  const rows = ids.length
    ? await db.select().from(productRatings).where(inArray(productRatings.productId, ids)).orderBy(desc(productRatings.year))
    : [];
  const byProduct = new Map<number, { year: number; stars: number }[]>();
  for (const r of rows) byProduct.set(r.productId, [...(byProduct.get(r.productId) ?? []), { year: r.year, stars: r.stars }]);
  return byProduct;
}

/** Thai word search: every word of the query must appear, inside compounds too; names sort in Thai order. */
export async function listProducts(db: Db, actor: Actor, query: z.infer<typeof productListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const where = and(
    isNull(products.deletedAt),
    scopeFilter(actor, products.orgUnitCode),
    query.unit ? underUnit(products.orgUnitCode, query.unit) : undefined,
    query.category ? eq(products.category, query.category) : undefined,
    matchesWords(products.searchText, query.q),
  );
  const order = query.sort === 'recent' ? desc(products.id) : sql`${products.name} collate thai`;
  const page = await readPage(db, withProducer(db).where(where).orderBy(order).$dynamic(), products, where, query);
  const ratings = await ratingsOf(
    db,
    page.items.map((r) => r.product.id),
  );
  return { ...page, items: page.items.map((r) => toProduct(r.product, r.owner, ratings.get(r.product.id) ?? [])) };
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

async function setRatings(tx: Tx, productId: number, ratings: ProductInput['ratings']) {
  await tx.delete(productRatings).where(eq(productRatings.productId, productId));
  const byYear = new Map(ratings.map((r) => [r.year, r.stars]));
  if (byYear.size) await tx.insert(productRatings).values([...byYear].map(([year, stars]) => ({ productId, year, stars })));
}

/** A product belongs to the producer's district; the producer must be one the actor may see. */
export async function createProduct(db: Db, actor: Actor, body: z.infer<typeof createProductBody>): Promise<ProductDetail> {
  requirePermission(actor, 'pipeline.write');
  const producer = await findVisible(db, actor, producers, body.producerId, 'producer.not_found');
  const id = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(products)
      .values({ orgUnitCode: producer.orgUnitCode, ...columnsOf(body) })
      .returning();
    await setRatings(tx, created.id, body.ratings);
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'product',
      entityId: created.id,
      orgUnitCode: created.orgUnitCode,
      after: { ...toProduct(created, '', body.ratings), searchText: undefined },
    });
    return created.id;
  });
  return getProduct(db, actor, id);
}

export async function updateProduct(
  db: Db,
  actor: Actor,
  id: number,
  body: z.infer<typeof updateProductBody>,
): Promise<ProductDetail> {
  requirePermission(actor, 'pipeline.write');
  const existing = await findVisible(db, actor, products, id, 'product.not_found');
  const producer = await findVisible(db, actor, producers, body.producerId, 'producer.not_found');
  // A product stays in its district: it may move only to another producer of the same district.
  if (producer.orgUnitCode !== existing.orgUnitCode)
    throw new AppError('record.other_district', { params: { what: 'ผู้ผลิต', whatEn: 'Producer', id: producer.id } });
  await db.transaction(async (tx) => {
    const updated = await updateAtVersion(tx, products, id, body.version, columnsOf(body));
    await setRatings(tx, id, body.ratings);
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'product',
      entityId: id,
      orgUnitCode: existing.orgUnitCode,
      before: toProduct(existing, '', []),
      after: toProduct(updated, '', body.ratings),
    });
  });
  return getProduct(db, actor, id);
}
