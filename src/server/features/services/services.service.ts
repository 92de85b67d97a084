import { and, count, eq, gte, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import {
  type createServiceBody,
  type Service,
  serviceChange,
  type serviceListQuery,
  type updateServiceBody,
} from '#shared/services';
import { searchTextOf } from '#shared/thai/index';
import {
  type Actor,
  requireInScope,
  requirePermission,
  requireServiceAuthor,
  requireServiceGiver,
  requireServiceRecorder,
  scopeFilter,
  serviceGiverFilter,
} from '../../access';
import { createRecord, deleteRecord, updateRecord } from '../../audit/writes';
import { thaiToday } from '../../clock';
import { idArray, idIn } from '../../db/bulk';
import type { Db, Tx } from '../../db/client';
import { matchesWords, underUnit } from '../../db/filters';
import { oneWithLocked, type Unlocked, withLocked } from '../../db/locked-quarters';
import { type OrderKey, readPage } from '../../db/paging';
import { findVisible, requireOfDistrict } from '../../db/records';
import {
  groups,
  outreachTrips,
  partners,
  people,
  serviceGroups,
  servicePartners,
  servicePeople,
  serviceStaff,
  services,
  serviceTypeCodes,
  users,
} from '../../db/schema';
import { AppError } from '../../errors';
import { applyPatch } from '../../http/patch';
import { requireCode } from '../code-lists/code-lists.service';
import { refreshGroupStage } from '../groups/stages';
import { requirePartnersOfDistrict } from '../partners/partners.service';
import { fullNameSql, requirePeopleOfDistrict } from '../people/people.service';
import { monthRange, requireUsersOfDistrict } from './trips.service';

const SERVICE = { entity: 'service', notFound: 'service.not_found' } as const;
type ServiceInput = z.infer<typeof createServiceBody> | z.infer<typeof serviceChange>;
type ServiceRow = typeof services.$inferSelect;
type Named = { id: number; name: string };

/**
 * The people, groups, staff, partners and service types of many services, in one statement (five would cost a
 * round trip and a statement's build each, on every page and every write's read-back).
 */
async function linksOf(db: Db | Tx, ids: number[]) {
  const none = {
    people: [] as Named[],
    groups: [] as Named[],
    staff: [] as Named[],
    partners: [] as Named[],
    types: [] as string[],
  };
  const byService = new Map(ids.map((id) => [id, structuredClone(none)]));
  if (!ids.length) return byService;
  const link = (kind: keyof typeof none, id: SQL | AnyPgColumn, name: SQL | AnyPgColumn) => ({
    kind: sql<keyof typeof none>`${kind}`.as('kind'),
    id: sql<number | null>`${id}`.as('id'),
    name: sql<string>`${name}`.as('name'),
  });
  const rows = await db
    .select({ serviceId: servicePeople.serviceId, ...link('people', people.id, fullNameSql) })
    .from(servicePeople)
    .innerJoin(people, eq(people.id, servicePeople.personId))
    .where(idIn(servicePeople.serviceId, ids))
    .unionAll(
      db
        .select({ serviceId: serviceGroups.serviceId, ...link('groups', groups.id, groups.name) })
        .from(serviceGroups)
        .innerJoin(groups, eq(groups.id, serviceGroups.groupId))
        .where(idIn(serviceGroups.serviceId, ids)),
    )
    .unionAll(
      db
        .select({ serviceId: serviceStaff.serviceId, ...link('staff', users.id, users.displayName) })
        .from(serviceStaff)
        .innerJoin(users, eq(users.id, serviceStaff.userId))
        .where(idIn(serviceStaff.serviceId, ids)),
    )
    .unionAll(
      db
        .select({ serviceId: servicePartners.serviceId, ...link('partners', partners.id, partners.name) })
        .from(servicePartners)
        .innerJoin(partners, eq(partners.id, servicePartners.partnerId))
        .where(idIn(servicePartners.serviceId, ids)),
    )
    .unionAll(
      db
        .select({ serviceId: serviceTypeCodes.serviceId, ...link('types', sql`null::int`, serviceTypeCodes.typeCode) })
        .from(serviceTypeCodes)
        .where(idIn(serviceTypeCodes.serviceId, ids)),
    );
  for (const r of rows) {
    const links = byService.get(r.serviceId)!;
    if (r.kind === 'types') links.types.push(r.name);
    else links[r.kind].push({ id: r.id!, name: r.name });
  }
  for (const links of byService.values()) links.types.sort();
  return byService;
}

const toService = (
  s: ServiceRow,
  links: Awaited<ReturnType<typeof linksOf>> extends Map<number, infer L> ? L : never,
): Unlocked<Service> => ({
  id: s.id,
  orgUnitCode: s.orgUnitCode,
  serviceDate: s.serviceDate,
  mode: s.mode,
  outreachKind: s.outreachKind,
  tripId: s.tripId,
  people: links.people,
  groups: links.groups,
  typeCodes: links.types,
  description: s.description,
  staff: links.staff,
  partners: links.partners,
  durationMinutes: s.durationMinutes,
  outcome: s.outcome,
  followUpOn: s.followUpOn,
  followUpStatus: s.followUpStatus,
  createdBy: s.createdBy,
  version: s.version,
});

/** A service counts in the quarter of its date (the lock trigger's column). */
const datedBy = (s: Unlocked<Service>) => ({ unit: s.orgUnitCode, day: s.serviceDate });

const linked = (table: typeof servicePeople | typeof serviceGroups | typeof serviceStaff | typeof serviceTypeCodes, on: SQL) =>
  sql`exists (select 1 from ${table} where ${table.serviceId} = ${services.id} and ${on})`;

/** A pending follow-up dated before today. */
export const followUpOverdue = (today: string) => and(eq(services.followUpStatus, 'pending'), lt(services.followUpOn, today));

/** Services of the scope, newest first, filtered by month, mode, type, staff, client or trip. */
export async function listServices(db: Db, actor: Actor, query: z.infer<typeof serviceListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const month = query.month ? monthRange(query.month) : undefined;
  const where = and(
    isNull(services.deletedAt),
    scopeFilter(actor, services.orgUnitCode),
    query.unit ? underUnit(services.orgUnitCode, query.unit) : undefined,
    month ? and(gte(services.serviceDate, month.from), lt(services.serviceDate, month.until)) : undefined,
    query.mode ? eq(services.mode, query.mode) : undefined,
    query.type ? linked(serviceTypeCodes, eq(serviceTypeCodes.typeCode, query.type)) : undefined,
    query.staffId ? linked(serviceStaff, eq(serviceStaff.userId, query.staffId)) : undefined,
    query.groupId ? linked(serviceGroups, eq(serviceGroups.groupId, query.groupId)) : undefined,
    query.personId ? linked(servicePeople, eq(servicePeople.personId, query.personId)) : undefined,
    query.tripId ? eq(services.tripId, query.tripId) : undefined,
    query.followUp === 'overdue' ? followUpOverdue(thaiToday()) : undefined,
    matchesWords(services.searchText, query.q),
  );
  const order: OrderKey<ServiceRow>[] = [
    { by: services.serviceDate, kind: 'date', of: (s: ServiceRow) => s.serviceDate, desc: true },
    { by: services.id, kind: 'int', of: (s: ServiceRow) => s.id, desc: true },
  ];
  const rows = db.select().from(services).$dynamic();
  const page = await readPage(db, { rows, table: services, where, order }, query);
  const links = await linksOf(
    db,
    page.items.map((s) => s.id),
  );
  const items = page.items.map((s) => toService(s, links.get(s.id)!));
  return { ...page, items: await withLocked(db, items, datedBy) };
}

export async function getService(db: Db | Tx, actor: Actor, id: number): Promise<Service> {
  requirePermission(actor, 'pipeline.read');
  const row = await findVisible(db, actor, services, id, SERVICE.notFound);
  return oneWithLocked(db, toService(row, (await linksOf(db, [id])).get(id)!), datedBy);
}

/** Every rule a service's content must meet in its district; throws before anything is written. */
async function checkService(tx: Tx, orgUnitCode: string, body: ServiceInput) {
  if (body.serviceDate > thaiToday()) throw new AppError('service.date_in_future');
  if (!body.personIds.length && !body.groupIds.length) throw new AppError('service.client_required');
  if (body.followUpOn && body.followUpOn <= body.serviceDate) throw new AppError('service.follow_up_before_service');
  await requirePeopleOfDistrict(tx, orgUnitCode, unique(body.personIds));
  await requireOfDistrict(tx, groups, orgUnitCode, unique(body.groupIds), { th: 'กลุ่มอาชีพ', en: 'Occupational group' });
  for (const code of unique(body.typeCodes)) await requireCode(tx, 'service_type', code);
  await requireUsersOfDistrict(tx, serviceGiverFilter(orgUnitCode), unique(body.staffIds), 'service.staff_not_of_district');
  await requirePartnersOfDistrict(tx, orgUnitCode, unique(body.partnerIds));
  if (body.tripId) {
    const [trip] = await tx
      .select()
      .from(outreachTrips)
      .where(and(eq(outreachTrips.id, body.tripId), isNull(outreachTrips.deletedAt)));
    if (!trip || trip.orgUnitCode !== orgUnitCode || trip.tripDate !== body.serviceDate)
      throw new AppError('service.trip_mismatch');
  }
}

const unique = <T extends number | string>(values: T[]) => [...new Set(values)];
const sorted = <T extends number | string>(values: T[]) =>
  unique(values).sort((a, b) => (typeof a === 'number' ? a - (b as number) : String(a).localeCompare(String(b))));

/** The links as the audit log shows them, in a stable order. */
const auditLinks = (b: Pick<ServiceInput, 'personIds' | 'groupIds' | 'typeCodes' | 'staffIds' | 'partnerIds'>) => ({
  personIds: sorted(b.personIds),
  groupIds: sorted(b.groupIds),
  typeCodes: sorted(b.typeCodes),
  staffIds: sorted(b.staffIds),
  partnerIds: sorted(b.partnerIds),
});

async function storedLinks(tx: Tx, id: number) {
  const links = (await linksOf(tx, [id])).get(id)!;
  const ids = (named: Named[]) => named.map((n) => n.id);
  return auditLinks({
    personIds: ids(links.people),
    groupIds: ids(links.groups),
    typeCodes: links.types,
    staffIds: ids(links.staff),
    partnerIds: ids(links.partners),
  });
}

/** Replaces a service's links with the body's. */
async function setLinks(tx: Tx, serviceId: number, body: ServiceInput) {
  for (const table of [servicePeople, serviceGroups, serviceTypeCodes, serviceStaff, servicePartners])
    await tx.delete(table).where(eq(table.serviceId, serviceId));
  await insertLinks(tx, serviceId, body);
}

/**
 * The links of a new service in one statement, each list one parameter (nothing to delete first). Five inserts sent
 * one by one were five round trips of a write that is otherwise a handful of statements.
 */
async function insertLinks(tx: Tx, serviceId: number, body: ServiceInput) {
  const links = auditLinks(body);
  const ids = (list: number[]) => sql`unnest(${idArray(list)})`;
  await tx.execute(sql`with
    p as (insert into ${servicePeople} (service_id, person_id) select ${serviceId}::int, ${ids(links.personIds)}),
    g as (insert into ${serviceGroups} (service_id, group_id) select ${serviceId}::int, ${ids(links.groupIds)}),
    s as (insert into ${serviceStaff} (service_id, user_id) select ${serviceId}::int, ${ids(links.staffIds)}),
    r as (insert into ${servicePartners} (service_id, partner_id) select ${serviceId}::int, ${ids(links.partnerIds)})
    insert into ${serviceTypeCodes} (service_id, type_code)
      select ${serviceId}::int, json_array_elements_text(${JSON.stringify(links.typeCodes)}::json)`);
}

/** A strengthening service is evidence for its groups' stage (DOMAIN.md §3 stage 5). */
async function refreshStages(tx: Tx, actor: Actor, groupIds: number[], serviceDate?: string) {
  for (const groupId of unique(groupIds)) await refreshGroupStage(tx, actor, groupId, serviceDate);
}

const columnsOf = (body: ServiceInput) => ({
  serviceDate: body.serviceDate,
  mode: body.mode,
  outreachKind: body.mode === 'outreach' ? (body.outreachKind ?? null) : null,
  tripId: body.tripId ?? null,
  description: body.description,
  durationMinutes: body.durationMinutes,
  outcome: body.outcome,
  followUpOn: body.followUpOn ?? null,
  followUpStatus: body.followUpOn ? (body.followUpStatus ?? 'pending') : null,
  searchText: searchTextOf(body.description, body.outcome),
});

/** A service as read, in the shape of the body that would write it again (a change's starting point, an import's rollback). */
export const storedService = (s: Service) => ({
  serviceDate: s.serviceDate,
  mode: s.mode,
  outreachKind: s.outreachKind ?? undefined,
  tripId: s.tripId ?? undefined,
  personIds: s.people.map((p) => p.id),
  groupIds: s.groups.map((g) => g.id),
  typeCodes: s.typeCodes,
  description: s.description,
  staffIds: s.staff.map((u) => u.id),
  partnerIds: s.partners.map((p) => p.id),
  durationMinutes: s.durationMinutes,
  outcome: s.outcome,
  followUpOn: s.followUpOn ?? undefined,
  followUpStatus: s.followUpStatus ?? undefined,
});

/** Writes a new service inside the caller's transaction (the form, and each row of an imported file). */
export async function insertService(tx: Tx, actor: Actor, body: z.infer<typeof createServiceBody>) {
  await checkService(tx, body.orgUnitCode, body);
  const created = await createRecord(
    tx,
    actor,
    services,
    SERVICE.entity,
    { orgUnitCode: body.orgUnitCode, createdBy: actor.userId, ...columnsOf(body) },
    { after: auditLinks(body) },
  );
  await insertLinks(tx, created.id, body);
  await refreshStages(tx, actor, body.groupIds, body.serviceDate);
  return created;
}

/** Rewrites a service (columns and links) inside the caller's transaction, checked as the form's update is. */
export async function replaceService(tx: Tx, actor: Actor, existing: ServiceRow, body: z.infer<typeof serviceChange>) {
  await checkService(tx, existing.orgUnitCode, body);
  const before = await storedLinks(tx, existing.id);
  const { after } = await updateRecord(tx, actor, services, SERVICE, existing.id, body.version, columnsOf(body), {
    before,
    after: auditLinks(body),
  });
  await setLinks(tx, existing.id, body);
  await refreshStages(tx, actor, [...before.groupIds, ...body.groupIds], body.serviceDate);
  return after;
}

/** Removes a service inside the caller's transaction; its groups' stages are worked out again. */
export async function removeService(tx: Tx, actor: Actor, id: number, version: number) {
  const { groupIds } = await storedLinks(tx, id);
  await deleteRecord(tx, actor, services, SERVICE, id, version);
  await refreshStages(tx, actor, groupIds);
}

export async function createService(db: Db, actor: Actor, body: z.infer<typeof createServiceBody>): Promise<Service> {
  requireServiceGiver(actor, body.staffIds);
  requireInScope(actor, body.orgUnitCode);
  const created = await db.transaction((tx) => insertService(tx, actor, body));
  // Answered from the row just written and its links' names, not read again. Its quarter is open: the database
  // refused a service dated in a locked one (migration 0016). A lock committed meanwhile shows on the next read.
  return { ...toService(created, (await linksOf(db, [created.id])).get(created.id)!), locked: false };
}

export async function updateService(db: Db, actor: Actor, id: number, body: z.infer<typeof updateServiceBody>): Promise<Service> {
  requireServiceRecorder(actor);
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, services, id, SERVICE.notFound);
    requireServiceAuthor(actor, existing);
    const change = applyPatch(serviceChange, storedService(await getService(tx, actor, id)), body);
    requireServiceGiver(actor, change.staffIds);
    await replaceService(tx, actor, existing, change);
  });
  return getService(db, actor, id);
}

export async function deleteService(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  requireServiceRecorder(actor);
  await db.transaction(async (tx) => {
    requireServiceAuthor(actor, await findVisible(tx, actor, services, id, SERVICE.notFound));
    await removeService(tx, actor, id, version);
  });
}

/** How many pending follow-ups of the scope are past due (for "my tasks"), and the oldest date. */
export async function overdueFollowUps(db: Db, actor: Actor, today: string, givenBy?: number) {
  const [row] = await db
    .select({ n: count(), dueOn: sql<string | null>`min(${services.followUpOn})` })
    .from(services)
    .where(
      and(
        isNull(services.deletedAt),
        followUpOverdue(today),
        scopeFilter(actor, services.orgUnitCode),
        givenBy ? linked(serviceStaff, eq(serviceStaff.userId, givenBy)) : undefined,
      ),
    );
  return row;
}
