import { and, eq, gte, isNull, like, lt, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { SERVICE_RECORDERS } from '#shared/access';
import {
  type createRequestBody,
  type moveRequestBody,
  REQUEST_MOVES,
  type RequestStatus,
  requestChange,
  type requestListQuery,
  type ServiceRequest,
  type ServiceRequestDetail,
  type updateRequestBody,
} from '#shared/requests';
import { fiscalYearOf, searchTextOf } from '#shared/thai/index';
import { type Actor, requireInScope, requirePermission, requireServiceRecorder, scopeFilter } from '../../access';
import { ANONYMOUS } from '../../audit/audit';
import { createRecord, insertAudited, updateRecord } from '../../audit/writes';
import { thaiToday } from '../../clock';
import type { Db, Tx } from '../../db/client';
import { matchesWords, underUnit } from '../../db/filters';
import { oneWithLocked, type Unlocked, withLocked } from '../../db/locked-quarters';
import { type OrderKey, readPage } from '../../db/paging';
import { findVisible, requireOfDistrict } from '../../db/records';
import { auditLog, groups, people, serviceRequests, services, users } from '../../db/schema';
import { AppError } from '../../errors';
import { applyPatch } from '../../http/patch';
import { requireCode } from '../code-lists/code-lists.service';
import { fullName, maskPhone, requirePeopleOfDistrict } from '../people/people.service';
import { monthRange } from '../services/trips.service';
import { followTokenHash, newFollowToken, sameFollowToken } from './follow-token';

export const REQUEST = { entity: 'service_request', notFound: 'service_request.not_found' } as const;
type RequestInput = z.infer<typeof createRequestBody> | z.infer<typeof requestChange>;
type RequestRow = typeof serviceRequests.$inferSelect;

/** Status names for error messages, Thai and English. */
export const REQUEST_STATUS_NAMES: Record<RequestStatus, [string, string]> = {
  new: ['ใหม่', 'new'],
  accepted: ['รับเรื่องแล้ว', 'accepted'],
  in_progress: ['กำลังดำเนินการ', 'in progress'],
  done: ['เสร็จสิ้น', 'done'],
  referred: ['ส่งต่อแล้ว', 'referred'],
  declined: ['ไม่รับคำขอ', 'declined'],
};

const selectRequest = (db: Db | Tx) =>
  db
    .select({ r: serviceRequests, person: people, groupName: groups.name, serviceDate: services.serviceDate })
    .from(serviceRequests)
    .leftJoin(people, eq(people.id, serviceRequests.personId))
    .leftJoin(groups, eq(groups.id, serviceRequests.groupId))
    .leftJoin(services, and(eq(services.id, serviceRequests.serviceId), isNull(services.deletedAt)));

/**
 * Who calls the requester back sees their phone in full: the district's officers and committee members who answer
 * requests, and the national admin (PDPA requests). The province and the department read the last four digits.
 */
const seesRequesterPhone = (actor: Actor) => SERVICE_RECORDERS.includes(actor.role) || actor.role === 'national_admin';

type Selected = Awaited<ReturnType<typeof selectRequest>>[number];
/** A request counts in the quarter it was received in (the lock trigger's column). */
const datedBy = (r: Unlocked<ServiceRequest>) => ({ unit: r.orgUnitCode, day: r.receivedOn });

const toRequest = (actor: Actor, { r, person, groupName, serviceDate }: Selected): Unlocked<ServiceRequest> => ({
  id: r.id,
  orgUnitCode: r.orgUnitCode,
  referenceCode: r.referenceCode,
  channel: r.channel,
  receivedOn: r.receivedOn,
  person: person ? { id: person.id, name: fullName(person) } : null,
  group: r.groupId && groupName ? { id: r.groupId, name: groupName } : null,
  clientName: r.clientName,
  clientPhone: seesRequesterPhone(actor) ? r.clientPhone : maskPhone(r.clientPhone),
  subjectCode: r.subjectCode,
  description: r.description,
  status: r.status,
  declineReason: r.declineReason,
  service: r.serviceId && serviceDate ? { id: r.serviceId, serviceDate } : null,
  createdBy: r.createdBy,
  version: r.version,
});

/** Requests of the scope, newest first, by status, channel, subject, month received, client or words. */
export async function listRequests(db: Db, actor: Actor, query: z.infer<typeof requestListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const month = query.month ? monthRange(query.month) : undefined;
  const where = and(
    isNull(serviceRequests.deletedAt),
    scopeFilter(actor, serviceRequests.orgUnitCode),
    query.unit ? underUnit(serviceRequests.orgUnitCode, query.unit) : undefined,
    query.status ? eq(serviceRequests.status, query.status) : undefined,
    query.channel ? eq(serviceRequests.channel, query.channel) : undefined,
    query.subject ? eq(serviceRequests.subjectCode, query.subject) : undefined,
    month ? and(gte(serviceRequests.receivedOn, month.from), lt(serviceRequests.receivedOn, month.until)) : undefined,
    query.groupId ? eq(serviceRequests.groupId, query.groupId) : undefined,
    query.personId ? eq(serviceRequests.personId, query.personId) : undefined,
    query.q ? or(eq(serviceRequests.referenceCode, query.q), matchesWords(serviceRequests.searchText, query.q)) : undefined,
  );
  const rows = selectRequest(db).$dynamic();
  type Row = Awaited<typeof rows>[number];
  const order: OrderKey<Row>[] = [
    { by: serviceRequests.receivedOn, kind: 'date', of: (r: Row) => r.r.receivedOn, desc: true },
    { by: serviceRequests.id, kind: 'int', of: (r: Row) => r.r.id, desc: true },
  ];
  const page = await readPage(db, { rows, table: serviceRequests, where, order }, query);
  return {
    ...page,
    items: await withLocked(
      db,
      page.items.map((row) => toRequest(actor, row)),
      datedBy,
    ),
  };
}

async function readRequest(db: Db | Tx, actor: Actor, id: number): Promise<ServiceRequestDetail> {
  const [row] = await selectRequest(db).where(eq(serviceRequests.id, id));
  return oneWithLocked(db, { ...toRequest(actor, row), history: await historyOf(db, id) }, datedBy);
}

/**
 * The request's status over time, read from its audit entries (who moved it, when). A portal request's first entry
 * has no user: `by` is null, the requester themselves.
 */
async function historyOf(db: Db | Tx, id: number): Promise<ServiceRequestDetail['history']> {
  const entries = await db
    .select({
      at: auditLog.at,
      changes: auditLog.changes,
      userId: auditLog.actorUserId,
      username: auditLog.actorUsername,
      name: users.displayName,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.entity, REQUEST.entity), eq(auditLog.entityId, String(id)), sql`${auditLog.changes} ? 'status'`))
    .orderBy(auditLog.id);
  return entries.map((e) => ({
    status: e.changes.status.after as RequestStatus,
    at: e.at.toISOString(),
    by: e.name ?? (e.userId === null && e.username === ANONYMOUS ? null : e.username),
  }));
}

export async function getRequest(db: Db, actor: Actor, id: number): Promise<ServiceRequestDetail> {
  requirePermission(actor, 'pipeline.read');
  await findVisible(db, actor, serviceRequests, id, REQUEST.notFound);
  return readRequest(db, actor, id);
}

/** Every rule a request's content must meet in its district; throws before anything is written. */
async function checkRequest(tx: Tx, orgUnitCode: string, body: RequestInput) {
  if (body.receivedOn > thaiToday()) throw new AppError('service_request.date_in_future');
  if (!body.personId && !body.groupId && !body.clientName) throw new AppError('service_request.client_required');
  if (body.personId) await requirePeopleOfDistrict(tx, orgUnitCode, [body.personId]);
  if (body.groupId) await requireOfDistrict(tx, groups, orgUnitCode, [body.groupId], { th: 'กลุ่มอาชีพ', en: 'Occupational group' });
  await requireCode(tx, 'service_type', body.subjectCode);
}

const columnsOf = (body: RequestInput) => ({
  channel: body.channel,
  receivedOn: body.receivedOn,
  personId: body.personId ?? null,
  groupId: body.groupId ?? null,
  clientName: body.clientName,
  clientPhone: body.clientPhone ?? null,
  subjectCode: body.subjectCode,
  description: body.description,
});

/**
 * The next reference code of the district's fiscal year: `3401-2570-0007`. A transaction-scoped advisory lock on the
 * district and year makes concurrent creates wait for each other; each then reads the codes committed before it.
 */
async function nextReferenceCode(tx: Tx, orgUnitCode: string, receivedOn: string): Promise<string> {
  const prefix = `${orgUnitCode}-${fiscalYearOf(receivedOn).fiscalYear}-`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`service_request:${prefix}`}))`);
  const [{ last }] = await tx
    .select({ last: sql<number>`coalesce(max(split_part(${serviceRequests.referenceCode}, '-', 3)::int), 0)::int` })
    .from(serviceRequests)
    .where(like(serviceRequests.referenceCode, `${prefix}%`));
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}

const searchOf = (referenceCode: string, body: RequestInput) => searchTextOf(referenceCode, body.clientName, body.description);

export async function createRequest(
  db: Db,
  actor: Actor,
  body: z.infer<typeof createRequestBody>,
): Promise<ServiceRequestDetail> {
  requireServiceRecorder(actor);
  requireInScope(actor, body.orgUnitCode);
  const { id } = await db.transaction((tx) => insertRequest(tx, actor, body));
  return readRequest(db, actor, id);
}

/** A new request with its reference code, inside the caller's transaction (the form and the demo). */
export async function insertRequest(tx: Tx, actor: Actor, body: z.infer<typeof createRequestBody>) {
  await checkRequest(tx, body.orgUnitCode, body);
  const referenceCode = await nextReferenceCode(tx, body.orgUnitCode, body.receivedOn);
  return createRecord(tx, actor, serviceRequests, REQUEST.entity, {
    orgUnitCode: body.orgUnitCode,
    referenceCode,
    status: 'new',
    createdBy: actor.userId,
    ...columnsOf(body),
    searchText: searchOf(referenceCode, body),
  });
}

/** A request's fields as stored, in the shape of the body that would write them. */
const storedRequest = (r: RequestRow) => ({
  channel: r.channel,
  receivedOn: r.receivedOn,
  personId: r.personId ?? undefined,
  groupId: r.groupId ?? undefined,
  clientName: r.clientName,
  clientPhone: r.clientPhone ?? undefined,
  subjectCode: r.subjectCode,
  description: r.description,
});

export async function updateRequest(
  db: Db,
  actor: Actor,
  id: number,
  body: z.infer<typeof updateRequestBody>,
): Promise<ServiceRequestDetail> {
  requireServiceRecorder(actor);
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, serviceRequests, id, REQUEST.notFound);
    const change = applyPatch(requestChange, storedRequest(existing), body);
    if ((existing.channel === 'portal') !== (change.channel === 'portal')) throw new AppError('service_request.portal_channel');
    await checkRequest(tx, existing.orgUnitCode, change);
    await updateRecord(tx, actor, serviceRequests, REQUEST, id, change.version, {
      ...columnsOf(change),
      searchText: searchOf(existing.referenceCode, change),
    });
  });
  return readRequest(db, actor, id);
}

export function requireMove(from: RequestStatus, to: RequestStatus) {
  if (!REQUEST_MOVES[from].includes(to))
    throw new AppError('service_request.status_move', {
      params: {
        fromTh: REQUEST_STATUS_NAMES[from][0],
        toTh: REQUEST_STATUS_NAMES[to][0],
        from: REQUEST_STATUS_NAMES[from][1],
        to: REQUEST_STATUS_NAMES[to][1],
      },
    });
}

/**
 * Moves a request along its allowed statuses (accept, start, finish, decline with a reason). A service of the same
 * district given on or after the request may be linked as it goes in progress or done: the request is answered by it.
 */
export async function moveRequest(
  db: Db,
  actor: Actor,
  id: number,
  body: z.infer<typeof moveRequestBody>,
): Promise<ServiceRequestDetail> {
  requireServiceRecorder(actor);
  await db.transaction((tx) => changeRequestStatus(tx, actor, id, body));
  return readRequest(db, actor, id);
}

/** The request moved to its next status inside the caller's transaction (the form and the demo); its new version. */
export async function changeRequestStatus(
  tx: Tx,
  actor: Actor,
  id: number,
  body: z.infer<typeof moveRequestBody>,
): Promise<number> {
  const existing = await findVisible(tx, actor, serviceRequests, id, REQUEST.notFound);
  requireMove(existing.status, body.status);
  if (body.status === 'declined' && !body.declineReason) throw new AppError('service_request.decline_reason_required');
  if (body.serviceId) await requireAnsweringService(tx, existing, body.serviceId, body.status);
  const { after } = await updateRecord(
    tx,
    actor,
    serviceRequests,
    REQUEST,
    id,
    body.version,
    {
      status: body.status,
      declineReason: body.status === 'declined' ? body.declineReason : null,
      ...(body.serviceId ? { serviceId: body.serviceId } : {}),
    },
    { action: 'change_status' },
  );
  return after.version;
}

async function requireAnsweringService(tx: Tx, request: RequestRow, serviceId: number, status: RequestStatus) {
  if (status !== 'in_progress' && status !== 'done') throw new AppError('service_request.service_needs_work');
  await requireOfDistrict(tx, services, request.orgUnitCode, [serviceId], { th: 'การให้บริการ', en: 'Service' });
  const [service] = await tx.select({ serviceDate: services.serviceDate }).from(services).where(eq(services.id, serviceId));
  if (service.serviceDate < request.receivedOn) throw new AppError('service_request.service_before_request');
}

/** Referring a request sets it to `referred` (a system move, audited, with no client version). */
export async function markReferred(tx: Tx, actor: Actor, request: RequestRow) {
  if (request.status === 'referred') return;
  await updateRecord(
    tx,
    actor,
    serviceRequests,
    REQUEST,
    request.id,
    request.version,
    { status: 'referred' },
    { action: 'change_status' },
  );
}

/**
 * New requests of the scope waiting to be accepted or declined, and the oldest date, for "my tasks": those recorded at
 * the center, and apart those citizens sent from the public portal (nobody at the center has seen them yet).
 */
export async function newRequestsWaiting(db: Db, actor: Actor) {
  const fromPortal = sql`${serviceRequests.channel} = 'portal'`;
  const [row] = await db
    .select({
      recorded: sql<number>`(count(*) filter (where not ${fromPortal}))::int`,
      recordedDueOn: sql<string | null>`min(${serviceRequests.receivedOn}) filter (where not ${fromPortal})`,
      portal: sql<number>`(count(*) filter (where ${fromPortal}))::int`,
      portalDueOn: sql<string | null>`min(${serviceRequests.receivedOn}) filter (where ${fromPortal})`,
    })
    .from(serviceRequests)
    .where(
      and(isNull(serviceRequests.deletedAt), eq(serviceRequests.status, 'new'), scopeFilter(actor, serviceRequests.orgUnitCode)),
    );
  return {
    recorded: { n: row.recorded, dueOn: row.recordedDueOn },
    portal: { n: row.portal, dueOn: row.portalDueOn },
  };
}

/** What a citizen gives on the portal's request form, checked there (a district with a center, a live subject). */
export interface PortalRequestInput {
  orgUnitCode: string;
  clientName: string;
  clientPhone: string;
  subjectCode: string;
  description: string;
}

/**
 * A request a citizen sent from the public portal: received today, new, made by no user (`createdBy` null and an audit
 * entry without one). Returns its reference code and the follow link's secret, which is not kept: only its hash is.
 */
export async function createPortalRequest(db: Db, input: PortalRequestInput) {
  const followToken = newFollowToken();
  const receivedOn = thaiToday();
  const referenceCode = await db.transaction(async (tx) => {
    await requireCode(tx, 'service_type', input.subjectCode);
    const code = await nextReferenceCode(tx, input.orgUnitCode, receivedOn);
    await insertAudited(tx, null, serviceRequests, REQUEST.entity, {
      ...input,
      referenceCode: code,
      channel: 'portal',
      receivedOn,
      status: 'new',
      createdBy: null,
      searchText: searchTextOf(code, input.clientName, input.description),
      followTokenHash: followTokenHash(followToken),
    });
    return code;
  });
  return { referenceCode, followToken };
}

/**
 * A portal request as its follow link shows it, or nothing when the code or the secret is wrong (the same answer for
 * both). Nothing of the requester: not the name, the phone or the words, since a link can be forwarded; the history
 * has dates and statuses, not who moved them.
 */
export async function followPortalRequest(db: Db, referenceCode: string, token: string) {
  const [row] = await db
    .select({
      id: serviceRequests.id,
      referenceCode: serviceRequests.referenceCode,
      orgUnitCode: serviceRequests.orgUnitCode,
      subjectCode: serviceRequests.subjectCode,
      receivedOn: serviceRequests.receivedOn,
      status: serviceRequests.status,
      followTokenHash: serviceRequests.followTokenHash,
      serviceDate: services.serviceDate,
    })
    .from(serviceRequests)
    .leftJoin(services, and(eq(services.id, serviceRequests.serviceId), isNull(services.deletedAt)))
    .where(
      and(
        eq(serviceRequests.referenceCode, referenceCode),
        eq(serviceRequests.channel, 'portal'),
        isNull(serviceRequests.deletedAt),
      ),
    );
  if (!sameFollowToken(token, row?.followTokenHash ?? null)) return undefined;
  const { id, followTokenHash: _, ...shown } = row;
  return { ...shown, history: (await historyOf(db, id)).map(({ status, at }) => ({ status, at })) };
}
