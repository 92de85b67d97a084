import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createDisbursementBody, Spending } from '#shared/spending';
import { fiscalYearOf, formatBaht } from '#shared/thai/index';
import { type Actor, requireActingFor, requireInScope, requirePermission } from '../../access';
import { insertAudited } from '../../audit/writes';
import type { Db } from '../../db/client';
import { budgetItems, disbursements } from '../../db/schema';
import { AppError } from '../../errors';
import { allocationBalance } from '../budget/allocations';

export async function spendingOf(db: Db, actor: Actor, itemId: number, unitCode: string): Promise<Spending> {
  requirePermission(actor, 'budget.read');
  requireInScope(actor, unitCode);
  const [item] = await db.select().from(budgetItems).where(eq(budgetItems.id, itemId));
  if (!item) throw new AppError('budget.item_not_found');
  // A district spends what it received; a province only its own share (the rest is for its districts).
  const { spendable: allocated } = await allocationBalance(db, itemId, unitCode);
  const rows = await db
    .select()
    .from(disbursements)
    .where(and(eq(disbursements.itemId, itemId), eq(disbursements.orgUnitCode, unitCode)))
    .orderBy(asc(disbursements.paidOn), asc(disbursements.id));
  let running = allocated;
  const items = rows.map((r) => {
    running -= r.amountSatang;
    return {
      id: r.id,
      paidOn: r.paidOn,
      description: r.description,
      category: r.category,
      amountSatang: String(r.amountSatang),
      procurementMethod: r.procurementMethod,
      vendor: r.vendor,
      documentNo: r.documentNo,
      balanceAfterSatang: String(running),
    };
  });
  const spent = allocated - running;
  let cumulative = 0n;
  const byQuarter = [1, 2, 3, 4].map((quarter) => {
    const inQuarter = rows.filter((r) => fiscalYearOf(r.paidOn).quarter === quarter).reduce((sum, r) => sum + r.amountSatang, 0n);
    cumulative += inQuarter;
    return {
      quarter,
      spentSatang: String(inQuarter),
      cumulativeShare: allocated ? Number((cumulative * 20_000n + allocated) / (2n * allocated)) / 10_000 : 0,
    };
  });
  return { allocatedSatang: String(allocated), spentSatang: String(spent), balanceSatang: String(running), byQuarter, items };
}

/** Records a payment; the activity row is locked so parallel payments can never spend past the allocation. */
export async function disburse(db: Db, actor: Actor, body: z.infer<typeof createDisbursementBody>): Promise<Spending> {
  requirePermission(actor, 'spending.write');
  requireActingFor(actor, body.orgUnitCode);
  const amount = BigInt(body.amountSatang);
  await db.transaction(async (tx) => {
    const [item] = await tx.select().from(budgetItems).where(eq(budgetItems.id, body.itemId)).for('update');
    if (!item) throw new AppError('budget.item_not_found');
    const { balance } = await allocationBalance(tx, body.itemId, body.orgUnitCode);
    if (amount > balance) throw new AppError('spending.over_allocation', { params: { balance: formatBaht(balance) } });
    await insertAudited(
      tx,
      actor,
      disbursements,
      'disbursement',
      { ...body, amountSatang: amount, createdBy: actor.userId || null },
      { action: 'disburse', after: { balanceAfter: String(balance - amount) } },
    );
  });
  return spendingOf(db, actor, body.itemId, body.orgUnitCode);
}
