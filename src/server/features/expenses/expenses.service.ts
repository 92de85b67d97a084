import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  completeExpensePlan,
  type deadlineBody,
  type ExpensePlan,
  type expensePlanDraftBody,
  monthsOfQuarters,
  type returnBody,
  type reviewBody,
  type SubmissionOverview,
} from '#shared/expenses';
import { bahtText, formatBaht } from '#shared/thai/index';
import { type Actor, requireInScope, requirePermission, scopeFilter } from '../../access';
import { auditEvent } from '../../audit/audit';
import { createRecord, updateRecord, type WriteTarget } from '../../audit/writes';
import { now, thaiToday } from '../../clock';
import type { Db, Tx } from '../../db/client';
import { allocations, budgetItems, expenseDeadlines, expensePlans, orgUnits } from '../../db/schema';
import { AppError } from '../../errors';
import { fieldErrorsOf } from '../../http/field-errors';
import { allocatedQuarters, allocationBalance } from '../budget/allocations';

type PlanRow = typeof expensePlans.$inferSelect;
const STATUS_TH = { draft: 'ฉบับร่าง', submitted: 'ส่งแล้ว', returned: 'ส่งกลับแก้ไข', approved: 'อนุมัติแล้ว' } as const;
const PLAN: WriteTarget = { entity: 'expense_plan', notFound: 'expense.not_found' };

async function toPlan(db: Db | Tx, plan: PlanRow): Promise<ExpensePlan> {
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.code, plan.orgUnitCode));
  const [item] = await db.select({ fiscalYear: budgetItems.fiscalYear }).from(budgetItems).where(eq(budgetItems.id, plan.itemId));
  return {
    id: plan.id,
    itemId: plan.itemId,
    orgUnitCode: plan.orgUnitCode,
    unitNameTh: unit.nameTh,
    status: plan.status,
    lines: plan.lines,
    actions: plan.actions,
    outsideQuarterReason: plan.outsideQuarterReason,
    allocatedQuarters: await allocatedQuarters(db, plan.itemId, plan.orgUnitCode),
    fiscalYear: item.fiscalYear,
    totalSatang: String(plan.totalSatang),
    totalText: bahtText(plan.totalSatang),
    allocatedSatang: String((await allocationBalance(db, plan.itemId, plan.orgUnitCode)).spendable),
    submittedAt: plan.submittedAt?.toISOString() ?? null,
    daysLate: plan.daysLate,
    reviewComment: plan.reviewComment,
    version: plan.version,
  };
}

async function findPlan(db: Db | Tx, actor: Actor, id: number) {
  const [plan] = await db
    .select()
    .from(expensePlans)
    .where(and(eq(expensePlans.id, id), scopeFilter(actor, expensePlans.orgUnitCode)));
  if (!plan) throw new AppError('expense.not_found');
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

/**
 * Saves the district's draft (or its returned plan) as it is, incomplete rows included; totals are computed
 * here, never trusted from the client. Submitting checks that everything is filled in.
 */
export async function savePlan(db: Db, actor: Actor, body: z.infer<typeof expensePlanDraftBody>): Promise<ExpensePlan> {
  requirePermission(actor, 'expenses.write');
  requireInScope(actor, body.orgUnitCode);
  // A draft may hold rows without a price yet: they count as zero until filled in.
  const lines = body.lines.map((l) => ({ ...l, totalSatang: String(BigInt(l.unitPriceSatang || 0) * BigInt(l.quantity)) }));
  const total = lines.reduce((sum, l) => sum + BigInt(l.totalSatang), 0n);
  const id = await db.transaction(async (tx) => {
    const { spendable } = await allocationBalance(tx, body.itemId, body.orgUnitCode);
    if (total > spendable)
      throw new AppError('expense.over_allocation', { params: { total: formatBaht(total), allocated: formatBaht(spendable) } });
    const [existing] = await tx
      .select()
      .from(expensePlans)
      .where(and(eq(expensePlans.itemId, body.itemId), eq(expensePlans.orgUnitCode, body.orgUnitCode)))
      .for('update');
    const values = { lines, actions: body.actions, outsideQuarterReason: body.outsideQuarterReason, totalSatang: total };
    if (!existing) {
      const created = await createRecord(tx, actor, expensePlans, PLAN.entity, {
        ...values,
        itemId: body.itemId,
        orgUnitCode: body.orgUnitCode,
      });
      return created.id;
    }
    if (existing.status !== 'draft' && existing.status !== 'returned')
      throw new AppError('expense.locked', { params: { status: STATUS_TH[existing.status] } });
    await updateRecord(tx, actor, expensePlans, PLAN, existing.id, body.version ?? 0, values);
    return existing.id;
  });
  return getPlan(db, actor, id);
}

/**
 * Changes status only from the status the caller checked, at the version the user saw: the row is locked and
 * the version compared under the lock, so a lost race is a 409 and the status cannot have moved meanwhile.
 */
async function transition(
  tx: Tx,
  actor: Actor,
  plan: PlanRow,
  version: number,
  action: string,
  values: Partial<typeof expensePlans.$inferInsert>,
) {
  await updateRecord(tx, actor, expensePlans, PLAN, plan.id, version, values, { action });
}

export async function submitPlan(db: Db, actor: Actor, id: number, version: number): Promise<ExpensePlan> {
  requirePermission(actor, 'expenses.write');
  const plan = await findPlan(db, actor, id);
  if (plan.status !== 'draft' && plan.status !== 'returned')
    throw new AppError('expense.locked', { params: { status: STATUS_TH[plan.status] } });
  const complete = completeExpensePlan.safeParse({
    lines: plan.lines.map(({ totalSatang, ...line }) => line),
    actions: plan.actions,
  });
  if (!complete.success) throw new AppError('expense.incomplete', { fields: fieldErrorsOf(complete.error) });
  await requireMonthsInQuarters(db, plan);
  await db.transaction(async (tx) => {
    const [deadline] = await tx
      .select()
      .from(expenseDeadlines)
      .where(and(eq(expenseDeadlines.itemId, plan.itemId), eq(expenseDeadlines.provinceCode, plan.orgUnitCode.slice(0, 2))));
    const today = thaiToday();
    const daysLate =
      deadline && today > deadline.deadline ? Math.round((Date.parse(today) - Date.parse(deadline.deadline)) / 86_400_000) : 0;
    await transition(tx, actor, plan, version, 'submit', {
      status: 'submitted',
      submittedAt: now(),
      daysLate,
      reviewComment: '',
    });
  });
  return getPlan(db, actor, id);
}

/**
 * The seed's "disburse and procure within the quarter" for the action plan: every month falls in a quarter the
 * district was allocated money for (in the activity's fiscal year), unless the plan states why not.
 */
async function requireMonthsInQuarters(db: Db, plan: PlanRow) {
  if (plan.outsideQuarterReason.trim().length >= 10) return;
  const [item] = await db.select({ fiscalYear: budgetItems.fiscalYear }).from(budgetItems).where(eq(budgetItems.id, plan.itemId));
  const quarters = await allocatedQuarters(db, plan.itemId, plan.orgUnitCode);
  const allowed = new Set(monthsOfQuarters(item.fiscalYear, quarters));
  const outside = plan.actions.flatMap((a, i) => (allowed.has(a.month) ? [] : [i]));
  if (!outside.length) return;
  const params = { quarters: quarters.join(', ') || '-', fiscalYear: String(item.fiscalYear) };
  throw new AppError('expense.month_outside_quarter', {
    params,
    fields: outside.map((i) => ({
      path: `actions/${i}/month`,
      code: 'outside_quarter',
      th: `อยู่นอกไตรมาส ${params.quarters}`,
      en: `Outside quarter ${params.quarters}`,
    })),
  });
}

async function review(db: Db, actor: Actor, id: number, body: z.infer<typeof reviewBody>, status: 'returned' | 'approved') {
  requirePermission(actor, 'expenses.review');
  const plan = await findPlan(db, actor, id);
  if (plan.status !== 'submitted') throw new AppError('expense.not_submitted');
  await db.transaction(async (tx) => {
    await transition(tx, actor, plan, body.version, status === 'approved' ? 'approve' : 'return', {
      status,
      reviewComment: body.comment,
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
    const [before] = await tx
      .select({ deadline: expenseDeadlines.deadline })
      .from(expenseDeadlines)
      .where(and(eq(expenseDeadlines.itemId, itemId), eq(expenseDeadlines.provinceCode, body.provinceCode)))
      .for('update');
    await tx
      .insert(expenseDeadlines)
      .values({ itemId, provinceCode: body.provinceCode, deadline: body.deadline, setBy: actor.userId || null })
      .onConflictDoUpdate({
        target: [expenseDeadlines.itemId, expenseDeadlines.provinceCode],
        set: { deadline: body.deadline, setBy: actor.userId || null },
      });
    // The deadline row has no id of its own: the change is an event on the activity, with the old date kept.
    await auditEvent(tx, actor, {
      action: 'set_deadline',
      entity: 'budget_item',
      entityId: itemId,
      orgUnitCode: body.provinceCode,
      after: { deadline: body.deadline, ...(before ? { previousDeadline: before.deadline } : {}) },
    });
  });
}

/** The deadline a province set for its districts' expense details of an activity (null if none). */
export async function expenseDeadline(db: Db, actor: Actor, itemId: number, provinceCode: string): Promise<string | null> {
  requirePermission(actor, 'budget.read');
  requireInScope(actor, provinceCode);
  const [row] = await db
    .select({ deadline: expenseDeadlines.deadline })
    .from(expenseDeadlines)
    .where(and(eq(expenseDeadlines.itemId, itemId), eq(expenseDeadlines.provinceCode, provinceCode)));
  return row?.deadline ?? null;
}

/** Who has sent their expense details, late or not, and who has not: the province's follow-up list. */
export async function submissions(db: Db, actor: Actor, itemId: number, provinceCode: string): Promise<SubmissionOverview> {
  const deadline = await expenseDeadline(db, actor, itemId, provinceCode);
  // The districts the province allocated to, each with its plan for the item if any: one query, in scope.
  const rows = await db
    .selectDistinct({
      code: orgUnits.code,
      nameTh: orgUnits.nameTh,
      nameEn: orgUnits.nameEn,
      planId: expensePlans.id,
      planStatus: expensePlans.status,
      daysLate: expensePlans.daysLate,
    })
    .from(allocations)
    .innerJoin(orgUnits, eq(orgUnits.code, allocations.toUnitCode))
    .leftJoin(expensePlans, and(eq(expensePlans.itemId, allocations.itemId), eq(expensePlans.orgUnitCode, orgUnits.code)))
    .where(
      and(
        eq(allocations.itemId, itemId),
        eq(allocations.fromUnitCode, provinceCode),
        eq(orgUnits.level, 'district'),
        scopeFilter(actor, orgUnits.code),
      ),
    )
    .orderBy(orgUnits.code);
  return {
    deadline,
    districts: rows.map(({ planStatus, planId, daysLate, ...unit }) => ({
      ...unit,
      planId,
      status: !planStatus || planStatus === 'draft' ? 'not_submitted' : planStatus,
      daysLate,
    })),
  };
}
