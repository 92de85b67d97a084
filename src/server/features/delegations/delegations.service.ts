/**
 * Delegation orders (คำสั่งมอบอำนาจ): a province records its governor's orders giving the district chiefs the approval
 * of their districts' spending and cash advances; a chief records an order naming an officer to act for him.
 * Approvals cite these orders (access/authority.ts decides who holds the power on a day).
 */
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { codeInScope, OFFICIAL_ROLES, ROLE_LEVELS } from '#shared/access';
import type {
  authoritiesQuery,
  createDelegationOrderBody,
  DelegationOrder,
  delegationOrderListQuery,
  revokeDelegationOrderBody,
} from '#shared/delegations';
import { levelOf } from '#shared/fields';
import { type Actor, authoritiesOf, delegationOrderScope, requireActingFor, requirePermission } from '../../access';
import { insertAudited, updateAudited } from '../../audit/writes';
import { thaiToday } from '../../clock';
import { idIn } from '../../db/bulk';
import type { Db, Tx } from '../../db/client';
import { key, type OrderKey, readPage } from '../../db/paging';
import { delegationOrders, orgUnits, users } from '../../db/schema';
import { AppError } from '../../errors';

const ENTITY = 'delegation_order';
/** Few orders exist per province; the list is bounded all the same. */

const issuingUnit = alias(orgUnits, 'issuing_unit');
const scopeUnit = alias(orgUnits, 'scope_unit');
const delegate = alias(users, 'delegate');

const inForceOn = (o: typeof delegationOrders.$inferSelect, day: string) =>
  o.effectiveFrom <= day && (!o.effectiveUntil || o.effectiveUntil >= day) && (!o.revokedOn || o.revokedOn > day);

/** Orders with the names people read them by (units, the named officer), newest order first. */
const orderRows = (db: Db | Tx) =>
  db
    .select({
      order: delegationOrders,
      issuing: issuingUnit,
      scope: scopeUnit,
      delegateName: delegate.displayName,
      delegatePosition: delegate.position,
    })
    .from(delegationOrders)
    .innerJoin(issuingUnit, eq(issuingUnit.code, delegationOrders.issuingUnitCode))
    .innerJoin(scopeUnit, eq(scopeUnit.code, delegationOrders.scopeUnitCode))
    .leftJoin(delegate, eq(delegate.id, delegationOrders.delegateUserId))
    .$dynamic();
type OrderRow = Awaited<ReturnType<typeof orderRows>>[number];

/** Newest order first. */
const ORDER: OrderKey<OrderRow>[] = [
  key<OrderRow>(delegationOrders.orderDate, 'date', (r) => r.order.orderDate, { desc: true }),
  key<OrderRow>(delegationOrders.id, 'int', (r) => r.order.id, { desc: true }),
];

/** A few orders by id (one, or those an approval may cite). */
async function readOrders(db: Db | Tx, where: SQL | undefined): Promise<DelegationOrder[]> {
  return toOrders(await orderRows(db).where(where).orderBy(desc(delegationOrders.orderDate), desc(delegationOrders.id)));
}

function toOrders(rows: OrderRow[]): DelegationOrder[] {
  const today = thaiToday();
  return rows.map(({ order: o, issuing, scope, delegateName, delegatePosition }) => ({
    id: o.id,
    issuingUnitCode: o.issuingUnitCode,
    issuingUnitNameTh: issuing.nameTh,
    issuingUnitNameEn: issuing.nameEn,
    orderNo: o.orderNo,
    orderDate: o.orderDate,
    delegator: o.delegator,
    delegateRole: o.delegateRole,
    delegateUserId: o.delegateUserId,
    delegateName: delegateName ?? '',
    delegatePosition: delegatePosition ?? '',
    scopeUnitCode: o.scopeUnitCode,
    scopeUnitNameTh: scope.nameTh,
    scopeUnitNameEn: scope.nameEn,
    powers: o.powers as DelegationOrder['powers'],
    subject: o.subject,
    effectiveFrom: o.effectiveFrom,
    effectiveUntil: o.effectiveUntil,
    revokedOn: o.revokedOn,
    revokedReason: o.revokedReason,
    inForce: inForceOn(o, today),
    version: o.version,
  }));
}

/**
 * Orders the actor may read, relevant to a unit (default: all of them): given for the unit or units under it, or
 * covering it from above.
 */
export async function listDelegationOrders(db: Db, actor: Actor, query: z.infer<typeof delegationOrderListQuery>) {
  requirePermission(actor, 'budget.read');
  const unit = query.unit && query.unit !== 'TH' ? query.unit : undefined;
  const relevant = unit
    ? sql`(${delegationOrders.scopeUnitCode} like ${`${unit}%`} or ${unit} like ${delegationOrders.scopeUnitCode} || '%')`
    : undefined;
  const page = await readPage(
    db,
    { rows: orderRows(db), table: delegationOrders, where: and(delegationOrderScope(actor), relevant), order: ORDER },
    query,
  );
  return { ...page, items: toOrders(page.items) };
}

export async function getDelegationOrder(db: Db | Tx, actor: Actor, id: number): Promise<DelegationOrder> {
  requirePermission(actor, 'budget.read');
  const [order] = await readOrders(db, and(eq(delegationOrders.id, id), delegationOrderScope(actor)));
  if (!order) throw new AppError('delegation.not_found');
  return order;
}

/** The orders the actor could cite to approve the unit's advances or payments on a day (the approve dialog). */
export async function listAuthorities(db: Db, actor: Actor, query: z.infer<typeof authoritiesQuery>) {
  requirePermission(actor, 'budget.approve');
  const orders = await authoritiesOf(db, actor, query.unit, query.power, query.on ?? thaiToday());
  if (!orders.length) return [];
  return readOrders(
    db,
    idIn(
      delegationOrders.id,
      orders.map((o) => o.id),
    ),
  );
}

const isUniqueViolation = (error: any) => (error?.cause?.code ?? error?.code) === '23505';

/** A named delegate: an active official (never a committee member or viewer) of a unit the order covers. */
async function requireDelegate(db: Db, body: z.infer<typeof createDelegationOrderBody>) {
  if (body.delegateUserId) {
    const [person] = await db.select().from(users).where(eq(users.id, body.delegateUserId));
    if (!person?.active || !OFFICIAL_ROLES.includes(person.role) || !codeInScope(body.scopeUnitCode, person.orgUnitCode))
      throw new AppError('delegation.delegate_not_allowed');
  }
  // A position is held in each covered unit: a district scope has no province officer.
  if (
    body.delegateRole &&
    !ROLE_LEVELS[body.delegateRole].some((level) => level === 'district' || level === levelOf(body.scopeUnitCode))
  )
    throw new AppError('delegation.role_outside_scope');
}

export async function createDelegationOrder(
  db: Db,
  actor: Actor,
  body: z.infer<typeof createDelegationOrderBody>,
): Promise<DelegationOrder> {
  requirePermission(actor, 'delegations.manage');
  // A province records its own governor's orders; a district its own acting orders; the nation any.
  requireActingFor(actor, body.issuingUnitCode);
  // An acting order names one officer: a chief's order to a position would hand the approvals to every officer.
  if (levelOf(body.issuingUnitCode) === 'district' && body.delegateRole)
    throw new AppError('delegation.district_names_an_officer');
  if (!codeInScope(body.issuingUnitCode, body.scopeUnitCode)) throw new AppError('delegation.scope_outside_issuer');
  const effectiveFrom = body.effectiveFrom ?? body.orderDate;
  if (effectiveFrom < body.orderDate || (body.effectiveUntil && body.effectiveUntil < effectiveFrom))
    throw new AppError('delegation.effective_before_order');
  const units = await db
    .select({ code: orgUnits.code })
    .from(orgUnits)
    .where(inArray(orgUnits.code, [body.issuingUnitCode, body.scopeUnitCode]));
  for (const code of [body.issuingUnitCode, body.scopeUnitCode])
    if (!units.some((u) => u.code === code)) throw new AppError('org_unit.not_found', { params: { code } });
  await requireDelegate(db, body);
  const duplicate = () => new AppError('delegation.duplicate_number', { params: { orderNo: body.orderNo } });
  const id = await db
    .transaction(async (tx) => {
      const [taken] = await tx
        .select({ id: delegationOrders.id })
        .from(delegationOrders)
        .where(and(eq(delegationOrders.issuingUnitCode, body.issuingUnitCode), eq(delegationOrders.orderNo, body.orderNo)));
      if (taken) throw duplicate();
      const created = await insertAudited(
        tx,
        actor,
        delegationOrders,
        ENTITY,
        {
          issuingUnitCode: body.issuingUnitCode,
          orderNo: body.orderNo,
          orderDate: body.orderDate,
          delegator: body.delegator,
          delegateRole: body.delegateRole ?? null,
          delegateUserId: body.delegateUserId ?? null,
          scopeUnitCode: body.scopeUnitCode,
          powers: [...new Set(body.powers)],
          subject: body.subject,
          effectiveFrom,
          effectiveUntil: body.effectiveUntil ?? null,
          recordedBy: actor.userId || null,
        },
        { orgUnitCode: body.issuingUnitCode },
      );
      return created.id;
    })
    .catch((error) => {
      // The same number recorded twice at once: the unique index stops the second.
      throw isUniqueViolation(error) ? duplicate() : error;
    });
  return getDelegationOrder(db, actor, id);
}

/**
 * Revokes an order from a day on. Approvals made before that day stay valid: authority is judged on the day of
 * the approval.
 */
export async function revokeDelegationOrder(
  db: Db,
  actor: Actor,
  id: number,
  body: z.infer<typeof revokeDelegationOrderBody>,
): Promise<DelegationOrder> {
  requirePermission(actor, 'delegations.manage');
  await db.transaction(async (tx) => {
    const [order] = await tx
      .select()
      .from(delegationOrders)
      .where(and(eq(delegationOrders.id, id), delegationOrderScope(actor)))
      .for('update');
    if (!order) throw new AppError('delegation.not_found');
    requireActingFor(actor, order.issuingUnitCode);
    if (order.version !== body.version) throw new AppError('record.stale');
    if (order.revokedOn) throw new AppError('delegation.already_revoked');
    if (body.revokedOn < order.orderDate) throw new AppError('delegation.revoked_before_order');
    await updateAudited(
      tx,
      actor,
      delegationOrders,
      ENTITY,
      id,
      { revokedOn: body.revokedOn, revokedReason: body.reason },
      { action: 'revoke', orgUnitCode: order.issuingUnitCode },
    );
  });
  return getDelegationOrder(db, actor, id);
}
