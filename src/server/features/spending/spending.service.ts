import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { approveBody, rejectBody } from '#shared/delegations';
import type { createDisbursementBody, Spending } from '#shared/spending';
import { fiscalYearOf, formatBaht } from '#shared/thai/index';
import {
  type Actor,
  can,
  holdsAuthorityOver,
  requireActingFor,
  requireAnyAuthority,
  requireDelegatedAuthority,
  requireInScope,
  requirePermission,
  scopeFilter,
} from '../../access';
import { insertAudited, updateAudited } from '../../audit/writes';
import { thaiToday } from '../../clock';
import type { Db, Tx } from '../../db/client';
import { budgetItems, delegationOrders, disbursements, users } from '../../db/schema';
import { AppError } from '../../errors';
import { allocatedQuarters, allocationBalance, lockUnitBudget, requireInAllocatedQuarter } from '../budget/allocations';

type PaymentRow = typeof disbursements.$inferSelect;
const approver = alias(users, 'approver');
const requester = alias(users, 'requester');

/**
 * A payment changes once, when it is decided: its version is 1 while pending and 2 after (no column needed, the
 * status says it), so an approver who read a pending payment cannot overwrite a decision taken meanwhile.
 */
const versionOf = (row: Pick<PaymentRow, 'status'>) => (row.status === 'pending' ? 1 : 2);

export async function spendingOf(db: Db | Tx, actor: Actor, itemId: number, unitCode: string): Promise<Spending> {
  requirePermission(actor, 'budget.read');
  requireInScope(actor, unitCode);
  const [item] = await db.select({ id: budgetItems.id }).from(budgetItems).where(eq(budgetItems.id, itemId));
  if (!item) throw new AppError('budget.item_not_found');
  // A district spends what it received; a province only its own share (the rest is for its districts).
  const balance = await allocationBalance(db, itemId, unitCode);
  const quarters = await allocatedQuarters(db, itemId, unitCode);
  const rows = await db
    .select({
      payment: disbursements,
      approverName: approver.displayName,
      approverPosition: approver.position,
      requestedByName: requester.displayName,
      order: delegationOrders,
    })
    .from(disbursements)
    .leftJoin(approver, eq(approver.id, disbursements.approverId))
    .leftJoin(requester, eq(requester.id, disbursements.createdBy))
    .leftJoin(delegationOrders, eq(delegationOrders.id, disbursements.delegationOrderId))
    .where(and(eq(disbursements.itemId, itemId), eq(disbursements.orgUnitCode, unitCode)))
    .orderBy(asc(disbursements.paidOn), asc(disbursements.id));
  // The running balance moves with approved payments only: pending ones are held, rejected ones never counted.
  let running = balance.spendable;
  const items = rows.map(({ payment: p, approverName, approverPosition, requestedByName, order }) => {
    if (p.status === 'approved') running -= p.amountSatang;
    return {
      id: p.id,
      paidOn: p.paidOn,
      description: p.description,
      category: p.category,
      amountSatang: String(p.amountSatang),
      procurementMethod: p.procurementMethod,
      vendor: p.vendor,
      documentNo: p.documentNo,
      outsideQuarterReason: p.outsideQuarterReason,
      status: p.status,
      approval:
        p.approverId && p.approvedOn && order
          ? {
              approverId: p.approverId,
              approverName: approverName ?? '',
              approverPosition: approverPosition ?? '',
              approvedOn: p.approvedOn,
              orderId: order.id,
              orderNo: order.orderNo,
              orderDate: order.orderDate,
              delegator: order.delegator,
              note: p.decisionNote,
            }
          : null,
      decisionNote: p.decisionNote,
      advanceId: p.advanceId,
      requestedByName: requestedByName ?? '',
      version: versionOf(p),
      balanceAfterSatang: String(running),
    };
  });
  const allocated = balance.spendable;
  let cumulative = 0n;
  const byQuarter = [1, 2, 3, 4].map((quarter) => {
    const inQuarter = rows
      .filter(({ payment: p }) => p.status === 'approved' && fiscalYearOf(p.paidOn).quarter === quarter)
      .reduce((sum, { payment: p }) => sum + p.amountSatang, 0n);
    cumulative += inQuarter;
    return {
      quarter,
      spentSatang: String(inQuarter),
      cumulativeShare: allocated > 0n ? Number((cumulative * 20_000n + allocated) / (2n * allocated)) / 10_000 : 0,
    };
  });
  return {
    allocatedSatang: String(allocated),
    spentSatang: String(balance.spent),
    pendingSatang: String(balance.pending),
    advancedSatang: String(balance.advanced),
    balanceSatang: String(balance.balance),
    quarters,
    byQuarter,
    items,
  };
}

/**
 * Records a payment awaiting approval: its amount is held from the balance at once. Only the unit's own money is
 * locked (`lockUnitBudget`), so districts pay at the same moment while one district's payments wait for each other.
 */
export async function disburse(db: Db, actor: Actor, body: z.infer<typeof createDisbursementBody>): Promise<Spending> {
  requirePermission(actor, 'spending.write');
  requireActingFor(actor, body.orgUnitCode);
  // Every purchase names who was paid; only a payment that is no purchase (allowances, compensation) may not.
  if (body.procurementMethod !== 'none' && !body.vendor)
    throw new AppError('spending.vendor_required', {
      fields: [{ path: 'vendor', code: 'required', th: 'จำเป็นต้องกรอก', en: 'Required' }],
    });
  const amount = BigInt(body.amountSatang);
  await db.transaction(async (tx) => {
    const [item] = await tx.select({ id: budgetItems.id }).from(budgetItems).where(eq(budgetItems.id, body.itemId));
    if (!item) throw new AppError('budget.item_not_found');
    await lockUnitBudget(tx, body.itemId, body.orgUnitCode);
    await requireInAllocatedQuarter(tx, {
      itemId: body.itemId,
      unitCode: body.orgUnitCode,
      day: body.paidOn,
      reason: body.outsideQuarterReason,
    });
    const { balance } = await allocationBalance(tx, body.itemId, body.orgUnitCode);
    if (amount > balance) throw new AppError('spending.over_allocation', { params: { balance: formatBaht(balance) } });
    await insertAudited(
      tx,
      actor,
      disbursements,
      'disbursement',
      { ...body, amountSatang: amount, status: 'pending', createdBy: actor.userId || null },
      { action: 'disburse', after: { balanceAfter: String(balance - amount) } },
    );
  });
  return spendingOf(db, actor, body.itemId, body.orgUnitCode);
}

/** A pending payment in the actor's scope, locked for its decision (outside the scope: not found). */
async function lockPending(tx: Tx, actor: Actor, id: number, version: number): Promise<PaymentRow> {
  const [row] = await tx
    .select()
    .from(disbursements)
    .where(and(eq(disbursements.id, id), scopeFilter(actor, disbursements.orgUnitCode)))
    .for('update');
  if (!row) throw new AppError('spending.not_found');
  if (row.status !== 'pending') throw new AppError('spending.not_pending');
  if (versionOf(row) !== version) throw new AppError('record.stale');
  return row;
}

/**
 * Approves a pending payment under a delegation order that gives the actor the spending power over the unit on the
 * day of approval (never the one who asked for it). The day may be earlier than today (paper approvals entered
 * later) but never in the future.
 */
export async function approvePayment(db: Db, actor: Actor, id: number, body: z.infer<typeof approveBody>): Promise<Spending> {
  requirePermission(actor, 'budget.approve');
  const approvedOn = body.approvedOn ?? thaiToday();
  if (approvedOn > thaiToday()) throw new AppError('spending.approval_in_future');
  const row = await db.transaction(async (tx) => {
    const row = await lockPending(tx, actor, id, body.version);
    const order = await requireDelegatedAuthority(tx, actor, {
      orderId: body.delegationOrderId,
      unitCode: row.orgUnitCode,
      power: 'spending',
      on: approvedOn,
      requestedBy: row.createdBy,
    });
    await updateAudited(
      tx,
      actor,
      disbursements,
      'disbursement',
      id,
      { status: 'approved', approverId: actor.userId, approvedOn, delegationOrderId: order.id, decisionNote: body.note },
      { action: 'approve', after: { delegationOrder: order.orderNo } },
    );
    return row;
  });
  return spendingOf(db, actor, row.itemId, row.orgUnitCode);
}

/**
 * Rejects a pending payment, which frees its amount. Only someone who could approve it today may refuse it (an
 * order in force giving the power), and never the one who asked; the order relied on is kept with the decision.
 */
export async function rejectPayment(db: Db, actor: Actor, id: number, body: z.infer<typeof rejectBody>): Promise<Spending> {
  requirePermission(actor, 'budget.approve');
  const today = thaiToday();
  const row = await db.transaction(async (tx) => {
    const row = await lockPending(tx, actor, id, body.version);
    const order = await requireAnyAuthority(tx, actor, {
      unitCode: row.orgUnitCode,
      power: 'spending',
      on: today,
      requestedBy: row.createdBy,
    });
    await updateAudited(
      tx,
      actor,
      disbursements,
      'disbursement',
      id,
      { status: 'rejected', approverId: actor.userId, approvedOn: today, delegationOrderId: order.id, decisionNote: body.reason },
      { action: 'reject', after: { delegationOrder: order.orderNo } },
    );
    return row;
  });
  return spendingOf(db, actor, row.itemId, row.orgUnitCode);
}

/** How many payments of the actor's scope wait for a decision the actor could make today (someone else's request). */
export async function paymentsToApprove(db: Db, actor: Actor): Promise<number> {
  if (!can(actor, 'budget.approve')) return 0;
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(disbursements)
    .where(
      and(
        eq(disbursements.status, 'pending'),
        scopeFilter(actor, disbursements.orgUnitCode),
        ne(disbursements.createdBy, actor.userId),
        holdsAuthorityOver(actor, disbursements.orgUnitCode, 'spending', thaiToday()),
      ),
    );
  return Number(n);
}
