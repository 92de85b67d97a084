import { and, eq, gte, inArray, isNull, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { levelOf } from '#shared/fields';
import {
  addMonths,
  type createSaleBody,
  monthStart,
  type Sale,
  type SalesSummary,
  saleChange,
  type saleListQuery,
  type salesSummaryQuery,
  type updateSaleBody,
} from '#shared/sales';
import { type Actor, requireInScope, requirePermission, scopeFilter } from '../../access';
import { createRecord, deleteRecord, updateRecord } from '../../audit/writes';
import { thaiToday } from '../../clock';
import type { Db, Tx } from '../../db/client';
import { underUnit } from '../../db/filters';
import { oneWithLocked, type Unlocked, withLocked } from '../../db/locked-quarters';
import { type OrderKey, readPage } from '../../db/paging';
import { findVisible, requireOfDistrict } from '../../db/records';
import { activities, eventSales, groups, orgUnits, producers, products, sales } from '../../db/schema';
import { AppError } from '../../errors';
import { applyPatch } from '../../http/patch';
import { requireCode } from '../code-lists/code-lists.service';
import { refreshGroupStage } from '../groups/stages';

const SALE = { entity: 'sale', notFound: 'sale.not_found' } as const;
type SaleInput = z.infer<typeof createSaleBody> | z.infer<typeof saleChange>;

const currentMonth = () => thaiToday().slice(0, 7);

/** Live products of the group's producers (their sales count for the group). */
const productsOfGroup = (groupId: number) =>
  sql`(select p.id from ${products} p join ${producers} pr on pr.id = p.producer_id
       where pr.group_id = ${groupId} and p.deleted_at is null and pr.deleted_at is null)`;

const saleColumns = {
  sale: sales,
  groupName: groups.name,
  productName: products.name,
  producerGroupId: producers.groupId,
};

function salesQuery(db: Db | Tx, where: SQL | undefined) {
  return db
    .select(saleColumns)
    .from(sales)
    .leftJoin(groups, eq(groups.id, sales.groupId))
    .leftJoin(products, eq(products.id, sales.productId))
    .leftJoin(producers, eq(producers.id, products.producerId))
    .where(where);
}

type SaleRow = Awaited<ReturnType<typeof salesQuery>>[number];

/** A sale counts in the quarter of its month (the lock trigger's column). */
const datedBy = (s: Unlocked<Sale>) => ({ unit: s.orgUnitCode, day: `${s.month}-01` });

const toSale = ({ sale: s, groupName, productName, producerGroupId }: SaleRow): Unlocked<Sale> => ({
  id: s.id,
  orgUnitCode: s.orgUnitCode,
  group: s.groupId ? { id: s.groupId, name: groupName ?? '' } : null,
  product: s.productId ? { id: s.productId, name: productName ?? '' } : null,
  sellerGroupId: s.groupId ?? producerGroupId ?? null,
  channelCode: s.channelCode,
  month: s.month.slice(0, 7),
  quantity: s.quantity,
  amountSatang: String(s.amountSatang),
  note: s.note,
  createdBy: s.createdBy,
  version: s.version,
});

export async function listSales(db: Db, actor: Actor, query: z.infer<typeof saleListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const where = and(
    isNull(sales.deletedAt),
    scopeFilter(actor, sales.orgUnitCode),
    query.unit ? underUnit(sales.orgUnitCode, query.unit) : undefined,
    query.groupId
      ? or(eq(sales.groupId, query.groupId), sql`${sales.productId} in ${productsOfGroup(query.groupId)}`)
      : undefined,
    query.productId ? eq(sales.productId, query.productId) : undefined,
    query.channel ? eq(sales.channelCode, query.channel) : undefined,
    query.from ? gte(sales.month, monthStart(query.from)) : undefined,
    query.to ? lte(sales.month, monthStart(query.to)) : undefined,
  );
  const rows = salesQuery(db, where).$dynamic();
  type Row = Awaited<typeof rows>[number];
  const order: OrderKey<Row>[] = [
    { by: sales.month, kind: 'date', of: (r: Row) => r.sale.month, desc: true },
    { by: sales.id, kind: 'int', of: (r: Row) => r.sale.id, desc: true },
  ];
  const page = await readPage(db, { rows, table: sales, where, order }, query);
  return { ...page, items: await withLocked(db, page.items.map(toSale), datedBy) };
}

export async function getSale(db: Db | Tx, actor: Actor, id: number): Promise<Sale> {
  requirePermission(actor, 'pipeline.read');
  await findVisible(db, actor, sales, id, SALE.notFound);
  const [row] = await salesQuery(db, eq(sales.id, id));
  return oneWithLocked(db, toSale(row), datedBy);
}

/**
 * Every rule of a month's sales in its district; returns the group the sale counts for (the group, or the group
 * of the product's producer; none for a person's product). Throws before anything is written.
 */
async function checkSale(tx: Tx, orgUnitCode: string, body: SaleInput, self?: number): Promise<number | null> {
  if (body.month > currentMonth()) throw new AppError('sale.month_in_future');
  await requireCode(tx, 'sales_channel', body.channelCode);
  let sellerGroupId: number | null = body.groupId ?? null;
  if (body.groupId) await requireOfDistrict(tx, groups, orgUnitCode, [body.groupId], { th: 'กลุ่มอาชีพ', en: 'Occupational group' });
  if (body.productId) {
    const [product] = await tx
      .select({ groupId: producers.groupId })
      .from(products)
      .innerJoin(producers, eq(producers.id, products.producerId))
      .where(
        and(
          eq(products.id, body.productId),
          eq(products.orgUnitCode, orgUnitCode),
          eq(producers.orgUnitCode, orgUnitCode),
          isNull(products.deletedAt),
          isNull(producers.deletedAt),
        ),
      );
    if (!product)
      throw new AppError('record.other_district', { params: { what: 'ผลิตภัณฑ์', whatEn: 'Product', id: body.productId } });
    sellerGroupId = product.groupId;
  }
  const [twin] = await tx
    .select({ id: sales.id })
    .from(sales)
    .where(
      and(
        isNull(sales.deletedAt),
        body.groupId ? eq(sales.groupId, body.groupId) : eq(sales.productId, body.productId!),
        eq(sales.channelCode, body.channelCode),
        eq(sales.month, monthStart(body.month)),
        self ? ne(sales.id, self) : undefined,
      ),
    );
  if (twin) throw new AppError('sale.duplicate_month', { params: { id: twin.id } });
  return sellerGroupId;
}

const columnsOf = (body: SaleInput) => ({
  groupId: body.groupId ?? null,
  productId: body.productId ?? null,
  channelCode: body.channelCode,
  month: monthStart(body.month),
  quantity: body.quantity ?? null,
  amountSatang: BigInt(body.amountSatang),
  note: body.note,
});

/** The group a stored sale counts for. */
async function sellerGroupOf(tx: Tx, sale: typeof sales.$inferSelect): Promise<number | null> {
  if (sale.groupId) return sale.groupId;
  const [row] = await tx
    .select({ groupId: producers.groupId })
    .from(products)
    .innerJoin(producers, eq(producers.id, products.producerId))
    .where(eq(products.id, sale.productId!));
  return row?.groupId ?? null;
}

/** Market access follows the sales: refresh each group a write touched, dated by the sale's month. */
async function refreshGroups(tx: Tx, actor: Actor, groupIds: (number | null)[], month: string) {
  for (const groupId of new Set(groupIds)) if (groupId) await refreshGroupStage(tx, actor, groupId, month);
}

/** Writes a month's sales inside the caller's transaction (the form, and each row of an imported file). */
export async function insertSale(tx: Tx, actor: Actor, body: z.infer<typeof createSaleBody>) {
  const sellerGroupId = await checkSale(tx, body.orgUnitCode, body);
  const created = await createRecord(tx, actor, sales, SALE.entity, {
    orgUnitCode: body.orgUnitCode,
    createdBy: actor.userId,
    ...columnsOf(body),
  });
  await refreshGroups(tx, actor, [sellerGroupId], monthStart(body.month));
  return created;
}

/** A stored sale in the shape of the body that writes it (what a PATCH merges onto, what an import's undo restores). */
export const storedSale = (s: typeof sales.$inferSelect) => ({
  ...(s.groupId ? { groupId: s.groupId } : {}),
  ...(s.productId ? { productId: s.productId } : {}),
  channelCode: s.channelCode,
  month: s.month.slice(0, 7),
  ...(s.quantity !== null ? { quantity: s.quantity } : {}),
  amountSatang: String(s.amountSatang),
  note: s.note,
});

/** Rewrites a month's sales inside the caller's transaction, checked as the form's update is. */
export async function replaceSale(tx: Tx, actor: Actor, existing: typeof sales.$inferSelect, body: z.infer<typeof saleChange>) {
  const sellerGroupId = await checkSale(tx, existing.orgUnitCode, body, existing.id);
  const before = await sellerGroupOf(tx, existing);
  const { after } = await updateRecord(tx, actor, sales, SALE, existing.id, body.version, columnsOf(body));
  await refreshGroups(tx, actor, [before, sellerGroupId], monthStart(body.month));
  return after;
}

/** Soft-deletes a month's sales inside the caller's transaction. */
export async function removeSale(tx: Tx, actor: Actor, existing: typeof sales.$inferSelect, version: number) {
  await deleteRecord(tx, actor, sales, SALE, existing.id, version);
  await refreshGroups(tx, actor, [await sellerGroupOf(tx, existing)], thaiToday());
}

export async function createSale(db: Db, actor: Actor, body: z.infer<typeof createSaleBody>): Promise<Sale> {
  requirePermission(actor, 'pipeline.write');
  requireInScope(actor, body.orgUnitCode);
  const id = await db.transaction(async (tx) => (await insertSale(tx, actor, body)).id);
  return getSale(db, actor, id);
}

export async function updateSale(db: Db, actor: Actor, id: number, patch: z.infer<typeof updateSaleBody>): Promise<Sale> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, sales, id, SALE.notFound);
    await replaceSale(tx, actor, existing, applyPatch(saleChange, storedSale(existing), patch));
  });
  return getSale(db, actor, id);
}

export async function deleteSale(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, sales, id, SALE.notFound);
    await removeSale(tx, actor, existing, version);
  });
}

type Filters = { sales: SQL | undefined; events: SQL | undefined };

/** Takings per month and channel (and per unit code cut to `unitLength`) of the sales and market-event sales matched. */
async function takings(db: Db | Tx, filters: Filters, from: string, to: string, unitLength?: number) {
  const saleMonth = sql<string>`to_char(${sales.month}, 'YYYY-MM')`;
  // Cut to no characters when no unit breakdown is asked (a constant cannot be grouped by).
  const cut = sql.raw(String(unitLength ?? 0));
  const saleUnit = sql<string>`left(${sales.orgUnitCode}, ${cut})`;
  const eventMonth = sql<string>`to_char(${eventSales.saleDate}, 'YYYY-MM')`;
  const eventUnit = sql<string>`left(${activities.orgUnitCode}, ${cut})`;
  const [own, events] = await Promise.all([
    db
      .select({
        month: saleMonth,
        channel: sales.channelCode,
        unit: saleUnit,
        amount: sql<string>`sum(${sales.amountSatang})::text`,
      })
      .from(sales)
      .where(and(isNull(sales.deletedAt), gte(sales.month, monthStart(from)), lte(sales.month, monthStart(to)), filters.sales))
      .groupBy(saleMonth, sales.channelCode, saleUnit),
    db
      .select({
        month: eventMonth,
        channel: sql<string>`${activities.marketKind}`,
        unit: eventUnit,
        amount: sql<string>`sum(${eventSales.amountSatang})::text`,
      })
      .from(eventSales)
      .innerJoin(activities, eq(activities.id, eventSales.activityId))
      .where(
        and(
          isNull(activities.deletedAt),
          eq(activities.kind, 'market_event'),
          gte(eventSales.saleDate, monthStart(from)),
          sql`${eventSales.saleDate} < ${monthStart(addMonths(to, 1))}`,
          filters.events,
        ),
      )
      .groupBy(eventMonth, activities.marketKind, eventUnit),
  ]);
  return [...own, ...events];
}

/** A group's income over whole months `from`..`to`: its sales, its producers' products' and its market-event takings. */
export async function groupIncome(db: Db | Tx, groupId: number, from: string, to: string): Promise<bigint> {
  const rows = await takings(db, groupFilters(groupId), from, to);
  return rows.reduce((sum, r) => sum + BigInt(r.amount), 0n);
}

const groupFilters = (groupId: number): Filters => ({
  sales: or(eq(sales.groupId, groupId), sql`${sales.productId} in ${productsOfGroup(groupId)}`),
  events: eq(eventSales.groupId, groupId),
});

/**
 * The income trend of a group or a unit: takings per month and channel (market events under the channel of their
 * kind), and for a province or the nation the total of each unit one level down.
 */
export async function salesSummary(db: Db, actor: Actor, query: z.infer<typeof salesSummaryQuery>): Promise<SalesSummary> {
  requirePermission(actor, 'pipeline.read');
  const to = query.to ?? currentMonth();
  const from = query.from ?? addMonths(to, -11);
  if (from > to) return { from, to, points: [], units: [], totalSatang: '0' };
  let filters: Filters;
  let unitLength: number | undefined;
  if (query.groupId) {
    await findVisible(db, actor, groups, query.groupId, 'group.not_found');
    filters = groupFilters(query.groupId);
  } else {
    const unit = query.unit ?? actor.orgUnitCode;
    const level = levelOf(unit);
    unitLength = level === 'national' ? 2 : level === 'province' ? 4 : undefined;
    filters = {
      sales: and(scopeFilter(actor, sales.orgUnitCode), underUnit(sales.orgUnitCode, unit)),
      events: and(scopeFilter(actor, activities.orgUnitCode), underUnit(activities.orgUnitCode, unit)),
    };
  }
  const rows = await takings(db, filters, from, to, unitLength);
  const points = new Map<string, bigint>();
  const byUnit = new Map<string, bigint>();
  let total = 0n;
  for (const r of rows) {
    const amount = BigInt(r.amount);
    const key = `${r.month} ${r.channel}`;
    points.set(key, (points.get(key) ?? 0n) + amount);
    if (unitLength) byUnit.set(r.unit, (byUnit.get(r.unit) ?? 0n) + amount);
    total += amount;
  }
  const names = byUnit.size
    ? await db
        .select()
        .from(orgUnits)
        .where(inArray(orgUnits.code, [...byUnit.keys()]))
    : [];
  return {
    from,
    to,
    points: [...points]
      .map(([key, amount]) => {
        const [month, channelCode] = key.split(' ');
        return { month, channelCode, amountSatang: String(amount) };
      })
      .sort((a, b) => a.month.localeCompare(b.month) || a.channelCode.localeCompare(b.channelCode)),
    units: names
      .map((u) => ({ code: u.code, nameTh: u.nameTh, nameEn: u.nameEn, amountSatang: String(byUnit.get(u.code) ?? 0n) }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    totalSatang: String(total),
  };
}
