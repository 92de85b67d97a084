/**
 * Delegated authority (DOMAIN.md §budget; the seed's provincial order ที่ ๗/๒๕๖๓): money of a unit is approved by
 * whoever an order in force gives the power to, never by the one who asked. Every approval names its order.
 */
import { and, arrayContains, eq, gte, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DelegatedPower } from '#shared/delegations';
import type { Db, Tx } from '../db/client';
import { delegationOrders } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from './actor';
import { inScope, requirePermission } from './index';

/**
 * SQL over `delegation_orders`: the orders giving the actor `power` over a unit's money on a day: in force that day,
 * covering the unit, and naming either the actor's position in that very unit (the district's own chief) or the
 * actor by name (an officer acting for the chief, inside the actor's scope). The unit is a code, or a column of an
 * outer query (the unit of each waiting record, for a count in one query).
 */
export function authorityFilter(actor: Actor, unit: string | AnyPgColumn, power: DelegatedPower, on: string): SQL {
  const scopePrefix = actor.orgUnitCode === 'TH' ? '' : actor.orgUnitCode;
  const delegate =
    typeof unit === 'string'
      ? actor.orgUnitCode === unit
        ? or(eq(delegationOrders.delegateRole, actor.role as never), eq(delegationOrders.delegateUserId, actor.userId))
        : inScope(actor, unit)
          ? eq(delegationOrders.delegateUserId, actor.userId)
          : sql`false`
      : or(
          and(eq(delegationOrders.delegateRole, actor.role as never), sql`${unit} = ${actor.orgUnitCode}`),
          and(eq(delegationOrders.delegateUserId, actor.userId), sql`${unit} like ${`${scopePrefix}%`}`),
        );
  return and(
    arrayContains(delegationOrders.powers, [power]),
    sql`${unit} like ${delegationOrders.scopeUnitCode} || '%'`,
    lte(delegationOrders.orderDate, on),
    lte(delegationOrders.effectiveFrom, on),
    or(isNull(delegationOrders.effectiveUntil), gte(delegationOrders.effectiveUntil, on)),
    or(isNull(delegationOrders.revokedOn), sql`${delegationOrders.revokedOn} > ${on}`),
    delegate,
  ) as SQL;
}

/** SQL: the actor holds `power` over the unit in `column` today (for counting waiting records in one query). */
export function holdsAuthorityOver(actor: Actor, column: AnyPgColumn, power: DelegatedPower, on: string): SQL {
  return sql`exists (select 1 from ${delegationOrders} where ${authorityFilter(actor, column, power, on)})`;
}

/**
 * SQL over `delegation_orders`: the orders the actor may read: those given for units inside the actor's scope, and
 * those covering the actor's own unit from above (a district reads its province's order to its chiefs).
 */
export function delegationOrderScope(actor: Actor): SQL | undefined {
  if (actor.orgUnitCode === 'TH') return undefined;
  return or(
    sql`${delegationOrders.scopeUnitCode} like ${`${actor.orgUnitCode}%`}`,
    sql`${actor.orgUnitCode} like ${delegationOrders.scopeUnitCode} || '%'`,
  );
}

/** The orders the actor could cite to approve the unit's `power` on a day (for the approval form). */
export async function authoritiesOf(db: Db | Tx, actor: Actor, unitCode: string, power: DelegatedPower, on: string) {
  if (actor.role === 'national_admin') return [];
  return db
    .select()
    .from(delegationOrders)
    .where(authorityFilter(actor, unitCode, power, on))
    .orderBy(delegationOrders.orderDate, delegationOrders.id);
}

/**
 * Refuses an approval unless the cited order gives the actor the power over the unit on that day, and the actor is
 * neither the one who asked nor the one who receives the money. Returns the order relied on.
 */
export async function requireDelegatedAuthority(
  db: Db | Tx,
  actor: Actor,
  approval: {
    orderId: number;
    unitCode: string;
    power: DelegatedPower;
    on: string;
    requestedBy: number | null;
    payeeId?: number;
  },
) {
  requirePermission(actor, 'budget.approve');
  if (actor.userId === approval.requestedBy || actor.userId === approval.payeeId) throw new AppError('approval.own_request');
  const [order] = await db
    .select()
    .from(delegationOrders)
    .where(
      and(eq(delegationOrders.id, approval.orderId), authorityFilter(actor, approval.unitCode, approval.power, approval.on)),
    );
  if (!order) throw new AppError('approval.no_authority');
  return order;
}

/**
 * For a refusal: someone who could approve that day may refuse, citing nothing in particular; the first order in
 * force giving the actor the power is kept with the decision. The requester and the payee may not refuse either.
 */
export async function requireAnyAuthority(
  db: Db | Tx,
  actor: Actor,
  refusal: { unitCode: string; power: DelegatedPower; on: string; requestedBy: number | null; payeeId?: number },
) {
  const [order] = await authoritiesOf(db, actor, refusal.unitCode, refusal.power, refusal.on);
  // No order: id 0 matches none, so the check below answers `own_request` or `no_authority` in its usual order.
  return requireDelegatedAuthority(db, actor, { ...refusal, orderId: order?.id ?? 0 });
}
