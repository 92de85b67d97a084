import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  deadlineBody,
  ExpensePlan,
  returnBody,
  reviewBody,
  SubmissionOverview,
  saveExpensePlanBody,
} from '#shared/expenses';
import { bahtText, formatBaht } from '#shared/thai/index';
import { type Actor, inScope, requireInScope, requirePermission } from '../../access';
import { recordAudit } from '../../audit/audit';
import { thaiToday } from '../../clock';
import type { Db, Tx } from '../../db/client';
import { allocations, expenseDeadlines, expensePlans, orgUnits } from '../../db/schema';
import { AppError } from '../../errors';

type PlanRow = typeof expensePlans.$inferSelect;
const STATUS_TH = { draft: 'ฉบับร่าง', submitted: 'ส่งแล้ว', returned: 'ส่งกลับแก้ไข', approved: 'อนุมัติแล้ว' } as const;

async function allocatedTo(db: Db | Tx, itemId: number, unitCode: string): Promise<bigint> {
  const [{ total }] = await db
    .select({ total: sql<string>`coalesce(sum(${allocations.amountSatang}), 0)::text` })
    .from(allocations)
    .where(and(eq(allocations.itemId, itemId), eq(allocations.toUnitCode, unitCode)));
  return BigInt(total);
}

async function toPlan(db: Db | Tx, plan: PlanRow): Promise<ExpensePlan> {
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.code, plan.orgUnitCode));
  return {
    id: plan.id,
    itemId: plan.itemId,
    orgUnitCode: plan.orgUnitCode,
    unitNameTh: unit.nameTh,
    status: plan.status,
    lines: plan.lines,
    actions: plan.actions,
    totalSatang: String(plan.totalSatang),
    totalText: bahtText(plan.totalSatang),
    allocatedSatang: String(await allocatedTo(db, plan.itemId, plan.orgUnitCode)),
    submittedAt: plan.submittedAt?.toISOString() ?? null,
    daysLate: plan.daysLate,
    reviewComment: plan.reviewComment,
    version: plan.version,
  };
}

async function findPlan(db: Db | Tx, actor: Actor, id: number) {
  const [plan] = await db.select().from(expensePlans).where(eq(expensePlans.id, id));
  if (!plan || !inScope(actor, plan.orgUnitCode)) throw new AppError('expense.not_found');
  return plan;
}

export async function getPlan(db: Db, actor: Actor, id: number): Promise<ExpensePlan> {
  requirePermission(actor, 'budget.read');
  return toPlan(db, await findPlan(db, actor, id));
}

export async function planOf(db: Db, actor: Actor, itemId: number, unitCode: string): Promise<ExpensePlan | null> {
  requirePermission(actor, 'budget.read');
  requireInScope(actor, unitCode);
  const [plan] = await db
    .select()
    .from(expensePlans)
    .where(and(eq(expensePlans.itemId, itemId), eq(expensePlans.orgUnitCode, unitCode)));
  return plan ? toPlan(db, plan) : null;
}

/** Saves the district's draft (or its returned plan); totals are computed here, never trusted from the client. */
export async function savePlan(db: Db, actor: Actor, body: z.infer<typeof saveExpensePlanBody>): Promise<ExpensePlan> {
  requirePermission(actor, 'expenses.write');
  requireInScope(actor, body.orgUnitCode);
  const lines = body.lines.map((l) => ({ ...l, totalSatang: String(BigInt(l.unitPriceSatang) * BigInt(l.quantity)) }));
  const total = lines.reduce((sum, l) => sum + BigInt(l.totalSatang), 0n);
  const id = await db.transaction(async (tx) => {
    const allocated = await allocatedTo(tx, body.itemId, body.orgUnitCode);
    if (total > allocated)
      throw new AppError('expense.over_allocation', { params: { total: formatBaht(total), allocated: formatBaht(allocated) } });
    const [existing] = await tx
      .select()
      .from(expensePlans)
      .where(and(eq(expensePlans.itemId, body.itemId), eq(expensePlans.orgUnitCode, body.orgUnitCode)))
      .for('update');
    if (!existing) {
      const [created] = await tx
        .insert(expensePlans)
        .values({ itemId: body.itemId, orgUnitCode: body.orgUnitCode, lines, actions: body.actions, totalSatang: total })
        .returning();
      await recordAudit(tx, actor, {
        action: 'create',
        entity: 'expense_plan',
        entityId: created.id,
        orgUnitCode: body.orgUnitCode,
        after: { total: String(total), lines: lines.length },
      });
      return created.id;
    }
    if (existing.status !== 'draft' && existing.status !== 'returned')
      throw new AppError('expense.locked', { params: { status: STATUS_TH[existing.status] } });
    if (body.version !== existing.version) throw new AppError('record.stale');
    await tx
      .update(expensePlans)
      .set({ lines, actions: body.actions, totalSatang: total, version: sql`${expensePlans.version} + 1`, updatedAt: new Date() })
      .where(eq(expensePlans.id, existing.id));
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'expense_plan',
      entityId: existing.id,
      orgUnitCode: body.orgUnitCode,
      before: { total: String(existing.totalSatang) },
      after: { total: String(total) },
    });
    return existing.id;
  });
  return getPlan(db, actor, id);
}

/** Changes status only from the expected one, at the version the user saw (a lost race is a 409). */
async function transition(tx: Tx, plan: PlanRow, version: number, values: Partial<typeof expensePlans.$inferInsert>) {
  const [updated] = await tx
    .update(expensePlans)
    .set({ ...values, version: sql`${expensePlans.version} + 1`, updatedAt: new Date() })
    .where(and(eq(expensePlans.id, plan.id), eq(expensePlans.version, version), eq(expensePlans.status, plan.status)))
    .returning();
  if (!updated) throw new AppError('record.stale');
  return updated;
}

export async function submitPlan(db: Db, actor: Actor, id: number, version: number): Promise<ExpensePlan> {
  requirePermission(actor, 'expenses.write');
  const plan = await findPlan(db, actor, id);
  if (plan.status !== 'draft' && plan.status !== 'returned')
    throw new AppError('expense.locked', { params: { status: STATUS_TH[plan.status] } });
  await db.transaction(async (tx) => {
    const [deadline] = await tx
      .select()
      .from(expenseDeadlines)
      .where(and(eq(expenseDeadlines.itemId, plan.itemId), eq(expenseDeadlines.provinceCode, plan.orgUnitCode.slice(0, 2))));
    const today = thaiToday();
    const daysLate =
      deadline && today > deadline.deadline ? Math.round((Date.parse(today) - Date.parse(deadline.deadline)) / 86_400_000) : 0;
    await transition(tx, plan, version, { status: 'submitted', submittedAt: new Date(), daysLate, reviewComment: '' });
    await recordAudit(tx, actor, {
      action: 'submit',
      entity: 'expense_plan',
      entityId: id,
      orgUnitCode: plan.orgUnitCode,
      before: { status: plan.status },
      after: { status: 'submitted', daysLate },
    });
  });
  return getPlan(db, actor, id);
}

async function review(db: Db, actor: Actor, id: number, body: z.infer<typeof reviewBody>, status: 'returned' | 'approved') {
  requirePermission(actor, 'expenses.review');
  const plan = await findPlan(db, actor, id);
  if (plan.status !== 'submitted') throw new AppError('expense.not_submitted');
  await db.transaction(async (tx) => {
    await transition(tx, plan, body.version, { status, reviewComment: body.comment });
    await recordAudit(tx, actor, {
      action: status === 'approved' ? 'approve' : 'return',
      entity: 'expense_plan',
      entityId: id,
      orgUnitCode: plan.orgUnitCode,
      before: { status: plan.status },
      after: { status, comment: body.comment },
    });
  });
  return getPlan(db, actor, id);
}

export const returnPlan = (db: Db, actor: Actor, id: number, body: z.infer<typeof returnBody>) =>
  review(db, actor, id, body, 'returned');
export const approvePlan = (db: Db, actor: Actor, id: number, body: z.infer<typeof reviewBody>) =>
  review(db, actor, id, body, 'approved');

export async function setDeadline(db: Db, actor: Actor, itemId: number, body: z.infer<typeof deadlineBody>): Promise<void> {
  requirePermission(actor, 'expenses.review');
  requireInScope(actor, body.provinceCode);
  await db.transaction(async (tx) => {
    await tx
      .insert(expenseDeadlines)
      .values({ itemId, provinceCode: body.provinceCode, deadline: body.deadline, setBy: actor.userId || null })
      .onConflictDoUpdate({
        target: [expenseDeadlines.itemId, expenseDeadlines.provinceCode],
        set: { deadline: body.deadline, setBy: actor.userId || null },
      });
    await recordAudit(tx, actor, {
      action: 'set_deadline',
      entity: 'budget_item',
      entityId: itemId,
      orgUnitCode: body.provinceCode,
      after: { deadline: body.deadline },
    });
  });
}

/** Who has sent their expense details, late or not, and who has not: the province's follow-up list. */
export async function submissions(db: Db, actor: Actor, itemId: number, provinceCode: string): Promise<SubmissionOverview> {
  requirePermission(actor, 'budget.read');
  requireInScope(actor, provinceCode);
  const [deadline] = await db
    .select()
    .from(expenseDeadlines)
    .where(and(eq(expenseDeadlines.itemId, itemId), eq(expenseDeadlines.provinceCode, provinceCode)));
  const receiving = await db
    .selectDistinct({ code: orgUnits.code, nameTh: orgUnits.nameTh, nameEn: orgUnits.nameEn })
    .from(allocations)
    .innerJoin(orgUnits, eq(orgUnits.code, allocations.toUnitCode))
    .where(and(eq(allocations.itemId, itemId), eq(allocations.fromUnitCode, provinceCode), eq(orgUnits.level, 'district')))
    .orderBy(orgUnits.code);
  const plans = await db.select().from(expensePlans).where(eq(expensePlans.itemId, itemId));
  return {
    deadline: deadline?.deadline ?? null,
    districts: receiving.map((d) => {
      const plan = plans.find((p) => p.orgUnitCode === d.code);
      const status = !plan || plan.status === 'draft' ? 'not_submitted' : plan.status;
      return { ...d, planId: plan?.id ?? null, status, daysLate: plan?.daysLate ?? null };
    }),
  };
}
