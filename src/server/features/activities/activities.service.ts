import { and, eq, gte, isNull, lt, lte, ne, type SQL, sql, sum } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type Activity,
  type ActivityDetail,
  activityChange,
  type activityListQuery,
  type createActivityBody,
  type updateActivityBody,
} from '#shared/activities';
import { fiscalYearOf, formatBaht, searchTextOf } from '#shared/thai/index';
import {
  type Actor,
  can,
  requireInScope,
  requirePermission,
  requireServiceAuthor,
  requireServiceRecorder,
  scopeFilter,
} from '../../access';
import { createRecord, deleteRecord, updateRecord } from '../../audit/writes';
import { thaiToday } from '../../clock';
import { idIn } from '../../db/bulk';
import type { Db, Tx } from '../../db/client';
import { matchesWords, underUnit } from '../../db/filters';
import { oneWithLocked, type Unlocked, withLocked } from '../../db/locked-quarters';
import { readPage } from '../../db/paging';
import { findVisible, requireOfDistrict } from '../../db/records';
import {
  activities,
  activityGroups,
  activityPartners,
  activityPeople,
  budgetItems,
  eventSales,
  groups,
  partners,
  people,
} from '../../db/schema';
import { AppError } from '../../errors';
import { applyPatch } from '../../http/patch';
import { receivedByItem } from '../budget/allocations';
import { requireCode } from '../code-lists/code-lists.service';
import { refreshGroupStage } from '../groups/stages';
import { requirePartnersOfDistrict } from '../partners/partners.service';
import { fullName, personName, requirePeopleOfDistrict } from '../people/people.service';
import { monthRange } from '../services/trips.service';

export const ACTIVITY = { entity: 'activity', notFound: 'activity.not_found' } as const;
type ActivityInput = z.infer<typeof createActivityBody> | z.infer<typeof activityChange>;
type ActivityRow = typeof activities.$inferSelect;
type Named = { id: number; name: string };

const unique = <T>(values: T[]) => [...new Set(values)];
const sortedIds = (values: number[]) => unique(values).sort((a, b) => a - b);

/** The partners, people, groups, budget item and sales totals of some activities, read at once. */
async function linksOf(db: Db | Tx, rows: ActivityRow[]) {
  const ids = rows.map((r) => r.id);
  const byActivity = new Map(
    ids.map((id) => [
      id,
      {
        partners: [] as Named[],
        people: [] as (Named & { attended: boolean })[],
        groups: [] as Named[],
        salesByGroup: [] as Activity['salesByGroup'],
      },
    ]),
  );
  const itemIds = unique(rows.flatMap((r) => (r.budgetItemId ? [r.budgetItemId] : [])));
  if (!ids.length) return { byActivity, items: new Map<number, string>() };
  const [with_, who, which, sold, items] = await Promise.all([
    db
      .select({ activityId: activityPartners.activityId, id: partners.id, name: partners.name })
      .from(activityPartners)
      .innerJoin(partners, eq(partners.id, activityPartners.partnerId))
      .where(idIn(activityPartners.activityId, ids))
      .orderBy(partners.name),
    db
      .select({ activityId: activityPeople.activityId, attended: activityPeople.attended, person: personName })
      .from(activityPeople)
      .innerJoin(people, eq(people.id, activityPeople.personId))
      .where(idIn(activityPeople.activityId, ids))
      .orderBy(people.firstName, people.lastName),
    db
      .select({ activityId: activityGroups.activityId, id: groups.id, name: groups.name })
      .from(activityGroups)
      .innerJoin(groups, eq(groups.id, activityGroups.groupId))
      .where(idIn(activityGroups.activityId, ids))
      .orderBy(groups.name),
    db
      .select({
        activityId: eventSales.activityId,
        groupId: eventSales.groupId,
        name: groups.name,
        amount: sum(eventSales.amountSatang),
        quantity: sql<string>`coalesce(sum(${eventSales.quantity}), 0)`,
      })
      .from(eventSales)
      .innerJoin(groups, eq(groups.id, eventSales.groupId))
      .where(idIn(eventSales.activityId, ids))
      .groupBy(eventSales.activityId, eventSales.groupId, groups.name)
      .orderBy(groups.name),
    itemIds.length
      ? db.select({ id: budgetItems.id, name: budgetItems.name }).from(budgetItems).where(idIn(budgetItems.id, itemIds))
      : [],
  ]);
  for (const r of with_) byActivity.get(r.activityId)!.partners.push({ id: r.id, name: r.name });
  for (const r of who)
    byActivity.get(r.activityId)!.people.push({ id: r.person.id, name: fullName(r.person), attended: r.attended });
  for (const r of which) byActivity.get(r.activityId)!.groups.push({ id: r.id, name: r.name });
  for (const r of sold)
    byActivity.get(r.activityId)!.salesByGroup.push({
      groupId: r.groupId,
      name: r.name,
      amountSatang: String(r.amount ?? '0'),
      quantity: Number(r.quantity),
    });
  return { byActivity, items: new Map(items.map((i) => [i.id, i.name])) };
}

/** An activity counts in the quarter it starts in (the lock trigger's column). */
const datedBy = (a: Unlocked<Activity>) => ({ unit: a.orgUnitCode, day: a.startsOn });

function toActivity(a: ActivityRow, links: Awaited<ReturnType<typeof linksOf>>): Unlocked<Activity> {
  const l = links.byActivity.get(a.id)!;
  return {
    id: a.id,
    orgUnitCode: a.orgUnitCode,
    kind: a.kind,
    topicCode: a.topicCode,
    marketKind: a.marketKind,
    title: a.title,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    place: a.place,
    partners: l.partners,
    budgetItem: a.budgetItemId ? { id: a.budgetItemId, name: links.items.get(a.budgetItemId) ?? '' } : null,
    budgetUsedSatang: String(a.budgetUsedSatang),
    people: l.people,
    groups: l.groups,
    note: a.note,
    salesByGroup: l.salesByGroup,
    salesTotalSatang: String(l.salesByGroup.reduce((total, g) => total + BigInt(g.amountSatang), 0n)),
    createdBy: a.createdBy,
    version: a.version,
  };
}

const linked = (table: typeof activityGroups | typeof activityPeople | typeof activityPartners, on: SQL) =>
  sql`exists (select 1 from ${table} where ${table.activityId} = ${activities.id} and ${on})`;

/** Activities of the scope, newest first, by kind, topic, market kind, dates, group, person, partner or words. */
export async function listActivities(db: Db, actor: Actor, query: z.infer<typeof activityListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const month = query.month ? monthRange(query.month) : undefined;
  const where = and(
    isNull(activities.deletedAt),
    scopeFilter(actor, activities.orgUnitCode),
    query.unit ? underUnit(activities.orgUnitCode, query.unit) : undefined,
    query.kind ? eq(activities.kind, query.kind) : undefined,
    query.topic ? eq(activities.topicCode, query.topic) : undefined,
    query.marketKind ? eq(activities.marketKind, query.marketKind) : undefined,
    // An activity counts in every month and range it runs in.
    month ? and(lt(activities.startsOn, month.until), gte(activities.endsOn, month.from)) : undefined,
    query.from ? gte(activities.endsOn, query.from) : undefined,
    query.to ? lte(activities.startsOn, query.to) : undefined,
    query.groupId ? linked(activityGroups, eq(activityGroups.groupId, query.groupId)) : undefined,
    query.personId ? linked(activityPeople, eq(activityPeople.personId, query.personId)) : undefined,
    query.partnerId ? linked(activityPartners, eq(activityPartners.partnerId, query.partnerId)) : undefined,
    matchesWords(activities.searchText, query.q),
  );
  const page = await readPage(
    db,
    {
      rows: db.select().from(activities).$dynamic(),
      table: activities,
      where,
      order: [
        { by: activities.startsOn, kind: 'date', of: (a) => a.startsOn, desc: true },
        { by: activities.id, kind: 'int', of: (a) => a.id, desc: true },
      ],
    },
    query,
  );
  const links = await linksOf(db, page.items);
  return {
    ...page,
    items: await withLocked(
      db,
      page.items.map((a) => toActivity(a, links)),
      datedBy,
    ),
  };
}

/** One activity with its market-event sales: every day row, and the totals per group and per day. */
export async function getActivity(db: Db | Tx, actor: Actor, id: number): Promise<ActivityDetail> {
  requirePermission(actor, 'pipeline.read');
  const row = await findVisible(db, actor, activities, id, ACTIVITY.notFound);
  const sales = await salesOf(db, id);
  const byDay = new Map<string, { amount: bigint; quantity: number }>();
  for (const s of sales) {
    const day = byDay.get(s.saleDate) ?? { amount: 0n, quantity: 0 };
    byDay.set(s.saleDate, { amount: day.amount + BigInt(s.amountSatang), quantity: day.quantity + (s.quantity ?? 0) });
  }
  const detail = {
    ...toActivity(row, await linksOf(db, [row])),
    sales,
    salesByDay: [...byDay].map(([saleDate, d]) => ({ saleDate, amountSatang: String(d.amount), quantity: d.quantity })),
  };
  return oneWithLocked(db, detail, datedBy);
}

/** A market event's day rows, by day then group. */
export async function salesOf(db: Db | Tx, activityId: number) {
  const rows = await db
    .select()
    .from(eventSales)
    .where(eq(eventSales.activityId, activityId))
    .orderBy(eventSales.saleDate, eventSales.groupId);
  return rows.map((r) => ({
    groupId: r.groupId,
    saleDate: r.saleDate,
    quantity: r.quantity,
    amountSatang: String(r.amountSatang),
  }));
}

/**
 * The budget link: the item must be a budget activity allocated to the district in the activity's fiscal year, and
 * the district's activities paid from it never use more than it received. The item row is locked so two activities
 * saved at once cannot both take the last of it.
 */
async function checkBudget(tx: Tx, orgUnitCode: string, body: ActivityInput, exceptId?: number) {
  if (!body.budgetItemId) return;
  const [item] = await tx.select().from(budgetItems).where(eq(budgetItems.id, body.budgetItemId)).for('update');
  if (!item) throw new AppError('budget.item_not_found');
  const received = (await receivedByItem(tx, orgUnitCode, [item.id])).get(item.id) ?? 0n;
  if (item.level !== 'activity' || received <= 0n) throw new AppError('activity.budget_not_reached');
  const year = fiscalYearOf(body.startsOn).fiscalYear;
  if (item.fiscalYear !== year)
    throw new AppError('activity.budget_year_mismatch', { params: { itemYear: item.fiscalYear, year } });
  const [{ used }] = await tx
    .select({ used: sum(activities.budgetUsedSatang) })
    .from(activities)
    .where(
      and(
        eq(activities.budgetItemId, item.id),
        eq(activities.orgUnitCode, orgUnitCode),
        isNull(activities.deletedAt),
        exceptId ? ne(activities.id, exceptId) : undefined,
      ),
    );
  const others = BigInt(used ?? 0);
  if (others + BigInt(body.budgetUsedSatang) > received)
    throw new AppError('activity.budget_over_allocation', {
      params: { received: formatBaht(received), used: formatBaht(others) },
    });
}

/** Every rule an activity's content must meet in its district; throws before anything is written. */
async function checkActivity(tx: Tx, actor: Actor, orgUnitCode: string, body: ActivityInput, existing?: ActivityRow) {
  if (body.startsOn > thaiToday()) throw new AppError('activity.date_in_future');
  if (body.endsOn < body.startsOn) throw new AppError('activity.ends_before_start');
  if (body.kind === 'training' && body.topicCode) {
    if (!body.topicCode.startsWith('topic_')) throw new AppError('activity.not_a_topic', { params: { code: body.topicCode } });
    await requireCode(tx, 'service_type', body.topicCode, { allowDeprecated: existing?.topicCode === body.topicCode });
  }
  await requirePeopleOfDistrict(tx, orgUnitCode, unique(body.people.map((p) => p.personId)));
  await requireOfDistrict(tx, groups, orgUnitCode, unique(body.groupIds), { th: 'กลุ่มอาชีพ', en: 'Occupational group' });
  await requirePartnersOfDistrict(tx, orgUnitCode, unique(body.partnerIds));
  // The budget is not the committee's to see: only those who read it may set or change the link.
  if ((body.budgetItemId ?? null) !== (existing?.budgetItemId ?? null) && !can(actor, 'budget.read'))
    throw new AppError('activity.budget_link_forbidden');
  await checkBudget(tx, orgUnitCode, body, existing?.id);
  if (existing) await requireSalesStillFit(tx, existing.id, body);
}

/** A change must not strand a market event's recorded sales (another kind, a group gone, days outside the dates). */
async function requireSalesStillFit(tx: Tx, id: number, body: ActivityInput) {
  const sales = await salesOf(tx, id);
  if (!sales.length) return;
  const fail = (reason: string, reasonEn: string) => {
    throw new AppError('activity.has_sales', { params: { reason, reasonEn } });
  };
  if (body.kind !== 'market_event') fail('ไม่ใช่กิจกรรมตลาดแล้ว', 'it would no longer be a market event');
  if (sales.some((s) => !body.groupIds.includes(s.groupId)))
    fail('กลุ่มที่มียอดขายถูกนำออก', 'a group with sales would leave the event');
  if (sales.some((s) => s.saleDate < body.startsOn || s.saleDate > body.endsOn))
    fail('มียอดขายนอกช่วงวันใหม่', 'some sales days would fall outside the new dates');
}

/** The links as the audit log shows them, in a stable order. */
const auditLinks = (b: Pick<ActivityInput, 'partnerIds' | 'groupIds' | 'people'>) => ({
  partnerIds: sortedIds(b.partnerIds),
  participantIds: sortedIds(b.people.map((p) => p.personId)),
  attendedIds: sortedIds(b.people.filter((p) => p.attended).map((p) => p.personId)),
  participantGroupIds: sortedIds(b.groupIds),
});

async function storedLinks(tx: Tx, id: number) {
  const [with_, who, which] = await Promise.all([
    tx.select().from(activityPartners).where(eq(activityPartners.activityId, id)),
    tx.select().from(activityPeople).where(eq(activityPeople.activityId, id)),
    tx.select().from(activityGroups).where(eq(activityGroups.activityId, id)),
  ]);
  return auditLinks({
    partnerIds: with_.map((p) => p.partnerId),
    people: who.map((p) => ({ personId: p.personId, attended: p.attended })),
    groupIds: which.map((g) => g.groupId),
  });
}

async function setLinks(tx: Tx, activityId: number, body: ActivityInput) {
  for (const table of [activityPartners, activityPeople, activityGroups])
    await tx.delete(table).where(eq(table.activityId, activityId));
  const partnerIds = sortedIds(body.partnerIds);
  const groupIds = sortedIds(body.groupIds);
  if (partnerIds.length) await tx.insert(activityPartners).values(partnerIds.map((partnerId) => ({ activityId, partnerId })));
  if (body.people.length)
    await tx.insert(activityPeople).values(body.people.map((p) => ({ activityId, personId: p.personId, attended: p.attended })));
  if (groupIds.length) await tx.insert(activityGroups).values(groupIds.map((groupId) => ({ activityId, groupId })));
}

const columnsOf = (body: ActivityInput) => ({
  kind: body.kind,
  topicCode: body.kind === 'training' ? (body.topicCode ?? null) : null,
  marketKind: body.kind === 'market_event' ? (body.marketKind ?? null) : null,
  title: body.title,
  startsOn: body.startsOn,
  endsOn: body.endsOn,
  place: body.place,
  budgetItemId: body.budgetItemId ?? null,
  budgetUsedSatang: BigInt(body.budgetUsedSatang),
  note: body.note,
  searchText: searchTextOf(body.title, body.place, body.note),
});

/** Moves the stage of each group whose evidence a write may have added or removed, dated by the activity. */
export async function refreshStages(tx: Tx, actor: Actor, groupIds: number[], factDate: string) {
  for (const groupId of sortedIds(groupIds)) await refreshGroupStage(tx, actor, groupId, factDate);
}

/** An activity as read, in the shape of the body that would write it again (a change's starting point, an import's rollback). */
export const storedActivity = (a: Activity) => ({
  kind: a.kind,
  topicCode: a.topicCode ?? undefined,
  marketKind: a.marketKind ?? undefined,
  title: a.title,
  startsOn: a.startsOn,
  endsOn: a.endsOn,
  place: a.place,
  partnerIds: a.partners.map((p) => p.id),
  budgetItemId: a.budgetItem?.id,
  budgetUsedSatang: a.budgetUsedSatang,
  people: a.people.map((p) => ({ personId: p.id, attended: p.attended })),
  groupIds: a.groups.map((g) => g.id),
  note: a.note,
});

/** Writes a new activity inside the caller's transaction (the form, and each activity of an imported file). */
export async function insertActivity(tx: Tx, actor: Actor, body: z.infer<typeof createActivityBody>) {
  await checkActivity(tx, actor, body.orgUnitCode, body);
  const created = await createRecord(
    tx,
    actor,
    activities,
    ACTIVITY.entity,
    { orgUnitCode: body.orgUnitCode, createdBy: actor.userId, ...columnsOf(body) },
    { after: auditLinks(body) },
  );
  await setLinks(tx, created.id, body);
  await refreshStages(tx, actor, body.groupIds, body.startsOn);
  return created;
}

/** Rewrites an activity (columns and links) inside the caller's transaction, checked as the form's update is. */
export async function replaceActivity(tx: Tx, actor: Actor, existing: ActivityRow, body: z.infer<typeof activityChange>) {
  await checkActivity(tx, actor, existing.orgUnitCode, body, existing);
  const before = await storedLinks(tx, existing.id);
  const { after } = await updateRecord(tx, actor, activities, ACTIVITY, existing.id, body.version, columnsOf(body), {
    before,
    after: auditLinks(body),
  });
  await setLinks(tx, existing.id, body);
  await refreshStages(tx, actor, [...before.participantGroupIds, ...body.groupIds], body.startsOn);
  return after;
}

/** Soft-deletes an activity inside the caller's transaction; its groups lose the evidence it gave. */
export async function removeActivity(tx: Tx, actor: Actor, id: number, version: number) {
  await deleteRecord(tx, actor, activities, ACTIVITY, id, version);
  const { participantGroupIds } = await storedLinks(tx, id);
  const sold = (await salesOf(tx, id)).map((s) => s.groupId);
  await refreshStages(tx, actor, [...participantGroupIds, ...sold], thaiToday());
}

export async function createActivity(db: Db, actor: Actor, body: z.infer<typeof createActivityBody>): Promise<ActivityDetail> {
  requireServiceRecorder(actor);
  requireInScope(actor, body.orgUnitCode);
  const id = await db.transaction(async (tx) => (await insertActivity(tx, actor, body)).id);
  return getActivity(db, actor, id);
}

export async function updateActivity(
  db: Db,
  actor: Actor,
  id: number,
  body: z.infer<typeof updateActivityBody>,
): Promise<ActivityDetail> {
  requireServiceRecorder(actor);
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, activities, id, ACTIVITY.notFound);
    requireServiceAuthor(actor, existing);
    const change = applyPatch(activityChange, storedActivity(await getActivity(tx, actor, id)), body);
    await replaceActivity(tx, actor, existing, change);
  });
  return getActivity(db, actor, id);
}

/** Soft-deletes an activity; its groups lose the evidence it gave (a training, a market event's sales). */
export async function deleteActivity(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  requireServiceRecorder(actor);
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, activities, id, ACTIVITY.notFound);
    requireServiceAuthor(actor, existing);
    await removeActivity(tx, actor, id, version);
  });
}
