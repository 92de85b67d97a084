import { and, count, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type createReferralBody,
  REFERABLE,
  REFERRAL_MOVES,
  REFERRAL_RESULT_DAYS,
  type Referral,
  type ReferralStatus,
  referralChange,
  type referralListQuery,
  type updateReferralBody,
} from '#shared/requests';
import { addDays } from '#shared/thai/index';
import { type Actor, requireInScope, requirePermission, requireServiceRecorder, scopeFilter } from '../../access';
import { createRecord, updateRecord } from '../../audit/writes';
import { thaiToday } from '../../clock';
import type { Db, Tx } from '../../db/client';
import { underUnit } from '../../db/filters';
import { type OrderKey, readPage } from '../../db/paging';
import { findVisible } from '../../db/records';
import { groups, partners, people, referrals, serviceGroups, servicePeople, serviceRequests, services } from '../../db/schema';
import { AppError } from '../../errors';
import { applyPatch } from '../../http/patch';
import { requirePartnersOfDistrict } from '../partners/partners.service';
import { fullName } from '../people/people.service';
import { markReferred, REQUEST, REQUEST_STATUS_NAMES } from './requests.service';

const REFERRAL = { entity: 'referral', notFound: 'referral.not_found' } as const;

const STATUS_NAMES: Record<ReferralStatus, [string, string]> = {
  sent: ['ส่งต่อแล้ว', 'sent'],
  accepted: ['หน่วยงานรับเรื่องแล้ว', 'accepted'],
  completed: ['ได้รับความช่วยเหลือแล้ว', 'completed'],
  not_accepted: ['หน่วยงานไม่รับเรื่อง', 'not accepted'],
};

const selectReferral = (db: Db | Tx) =>
  db
    .select({
      r: referrals,
      person: people,
      groupName: groups.name,
      partnerName: partners.name,
      referenceCode: serviceRequests.referenceCode,
    })
    .from(referrals)
    .leftJoin(people, eq(people.id, referrals.personId))
    .leftJoin(groups, eq(groups.id, referrals.groupId))
    .leftJoin(partners, eq(partners.id, referrals.partnerId))
    .leftJoin(serviceRequests, eq(serviceRequests.id, referrals.requestId));

type Selected = Awaited<ReturnType<typeof selectReferral>>[number];
const toReferral = ({ r, person, groupName, partnerName, referenceCode }: Selected): Referral => ({
  id: r.id,
  orgUnitCode: r.orgUnitCode,
  request: r.requestId && referenceCode ? { id: r.requestId, referenceCode } : null,
  serviceId: r.serviceId,
  person: person ? { id: person.id, name: fullName(person) } : null,
  group: r.groupId && groupName ? { id: r.groupId, name: groupName } : null,
  targetLevel: r.targetLevel,
  partner: r.partnerId && partnerName ? { id: r.partnerId, name: partnerName } : null,
  targetName: r.targetName,
  reason: r.reason,
  referredOn: r.referredOn,
  status: r.status,
  result: r.result,
  resultOn: r.resultOn,
  createdBy: r.createdBy,
  version: r.version,
});

/** Sent or accepted, and referred at least REFERRAL_RESULT_DAYS days before `today`: the result is awaited. */
const resultOverdue = (today: string) =>
  and(inArray(referrals.status, ['sent', 'accepted']), lte(referrals.referredOn, addDays(today, -REFERRAL_RESULT_DAYS)));

/** Referrals of the scope, newest first, by status, target level, client, request, service or partner. */
export async function listReferrals(db: Db, actor: Actor, query: z.infer<typeof referralListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const where = and(
    isNull(referrals.deletedAt),
    scopeFilter(actor, referrals.orgUnitCode),
    query.unit ? underUnit(referrals.orgUnitCode, query.unit) : undefined,
    query.status ? eq(referrals.status, query.status) : undefined,
    query.target ? eq(referrals.targetLevel, query.target) : undefined,
    query.groupId ? eq(referrals.groupId, query.groupId) : undefined,
    query.personId ? eq(referrals.personId, query.personId) : undefined,
    query.requestId ? eq(referrals.requestId, query.requestId) : undefined,
    query.serviceId ? eq(referrals.serviceId, query.serviceId) : undefined,
    query.partnerId ? eq(referrals.partnerId, query.partnerId) : undefined,
    query.result === 'overdue' ? resultOverdue(thaiToday()) : undefined,
  );
  const rows = selectReferral(db).$dynamic();
  type Row = Awaited<typeof rows>[number];
  const order: OrderKey<Row>[] = [
    { by: referrals.referredOn, kind: 'date', of: (r: Row) => r.r.referredOn, desc: true },
    { by: referrals.id, kind: 'int', of: (r: Row) => r.r.id, desc: true },
  ];
  const page = await readPage(db, { rows, table: referrals, where, order }, query);
  return { ...page, items: page.items.map(toReferral) };
}

async function readReferral(db: Db | Tx, id: number): Promise<Referral> {
  const [row] = await selectReferral(db).where(eq(referrals.id, id));
  return toReferral(row);
}

export async function getReferral(db: Db, actor: Actor, id: number): Promise<Referral> {
  requirePermission(actor, 'pipeline.read');
  await findVisible(db, actor, referrals, id, REFERRAL.notFound);
  return readReferral(db, id);
}

type Client = { personId: number | null; groupId: number | null };

/** The request being referred: visible, accepted and not closed; its client, and the date the referral must follow. */
async function fromRequest(tx: Tx, actor: Actor, requestId: number, body: z.infer<typeof createReferralBody>) {
  const request = await findVisible(tx, actor, serviceRequests, requestId, REQUEST.notFound);
  if (!REFERABLE.includes(request.status))
    throw new AppError('referral.request_not_referable', {
      params: { statusTh: REQUEST_STATUS_NAMES[request.status][0], status: REQUEST_STATUS_NAMES[request.status][1] },
    });
  if (body.serviceId && body.serviceId !== request.serviceId) throw new AppError('referral.service_mismatch');
  if ((body.personId && body.personId !== request.personId) || (body.groupId && body.groupId !== request.groupId))
    throw new AppError('referral.not_client');
  if (!request.personId && !request.groupId) throw new AppError('referral.client_required');
  const client: Client = { personId: request.personId, groupId: request.groupId };
  return { request, orgUnitCode: request.orgUnitCode, client, since: request.receivedOn };
}

/** The service being referred: visible, and the person or group named must be among its clients. */
async function fromService(tx: Tx, actor: Actor, serviceId: number, body: z.infer<typeof createReferralBody>) {
  const service = await findVisible(tx, actor, services, serviceId, 'service.not_found');
  if (!body.personId && !body.groupId) throw new AppError('referral.client_required');
  const [person] = body.personId
    ? await tx
        .select()
        .from(servicePeople)
        .where(and(eq(servicePeople.serviceId, serviceId), eq(servicePeople.personId, body.personId)))
    : [true];
  const [group] = body.groupId
    ? await tx
        .select()
        .from(serviceGroups)
        .where(and(eq(serviceGroups.serviceId, serviceId), eq(serviceGroups.groupId, body.groupId)))
    : [true];
  if (!person || !group) throw new AppError('referral.not_client');
  const client: Client = { personId: body.personId ?? null, groupId: body.groupId ?? null };
  return { request: undefined, orgUnitCode: service.orgUnitCode, client, since: service.serviceDate };
}

/**
 * Refers a request or a service beyond the center: to the province, the department or a partner of the district.
 * Referring a request sets it to `referred`, in the same transaction.
 */
export async function createReferral(db: Db, actor: Actor, body: z.infer<typeof createReferralBody>): Promise<Referral> {
  requireServiceRecorder(actor);
  const id = await db.transaction(async (tx) => {
    // From a request (and the service that answered it), or from a service alone.
    const source = body.requestId
      ? await fromRequest(tx, actor, body.requestId, body)
      : await fromService(tx, actor, body.serviceId!, body);
    const { orgUnitCode, client } = source;
    requireInScope(actor, orgUnitCode);
    if (body.referredOn > thaiToday()) throw new AppError('referral.date_in_future');
    if (body.referredOn < source.since) throw new AppError('referral.before_source');
    if (body.partnerId) await requirePartnersOfDistrict(tx, orgUnitCode, [body.partnerId]);
    const created = await createRecord(tx, actor, referrals, REFERRAL.entity, {
      orgUnitCode,
      requestId: body.requestId ?? null,
      serviceId: body.serviceId ?? null,
      personId: client.personId,
      groupId: client.groupId,
      targetLevel: body.targetLevel,
      partnerId: body.targetLevel === 'partner' ? body.partnerId : null,
      targetName: body.targetLevel === 'partner' ? '' : body.targetName,
      reason: body.reason,
      referredOn: body.referredOn,
      createdBy: actor.userId,
    });
    if (source.request) await markReferred(tx, actor, source.request);
    return created.id;
  });
  return readReferral(db, id);
}

/** Records what came of a referral: sent → accepted → completed or not accepted, with the result and its date. */
export async function updateReferral(
  db: Db,
  actor: Actor,
  id: number,
  body: z.infer<typeof updateReferralBody>,
): Promise<Referral> {
  requireServiceRecorder(actor);
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, referrals, id, REFERRAL.notFound);
    const stored = { status: existing.status, result: existing.result, resultOn: existing.resultOn ?? undefined };
    const change = applyPatch(referralChange, stored, body);
    if (change.status !== existing.status && !REFERRAL_MOVES[existing.status].includes(change.status))
      throw new AppError('referral.status_move', {
        params: {
          fromTh: STATUS_NAMES[existing.status][0],
          toTh: STATUS_NAMES[change.status][0],
          from: STATUS_NAMES[existing.status][1],
          to: STATUS_NAMES[change.status][1],
        },
      });
    if ((change.status === 'completed' || change.status === 'not_accepted') && !change.resultOn)
      throw new AppError('referral.result_date_required');
    if (change.resultOn && change.resultOn > thaiToday()) throw new AppError('referral.result_in_future');
    if (change.resultOn && change.resultOn < existing.referredOn) throw new AppError('referral.result_before_referral');
    await updateRecord(tx, actor, referrals, REFERRAL, id, change.version, {
      status: change.status,
      result: change.result,
      resultOn: change.resultOn ?? null,
    });
  });
  return readReferral(db, id);
}

/** Referrals of the scope still without a result REFERRAL_RESULT_DAYS days after they were sent (for "my tasks"). */
export async function referralsWithoutResult(db: Db, actor: Actor, today: string) {
  const [row] = await db
    .select({ n: count(), dueOn: sql<string | null>`min(${referrals.referredOn})` })
    .from(referrals)
    .where(and(isNull(referrals.deletedAt), resultOverdue(today), scopeFilter(actor, referrals.orgUnitCode)));
  return row;
}
