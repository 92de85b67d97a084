import { and, count, desc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type createPlanBody,
  type LessonRef,
  type Plan,
  type PlanDetail,
  planChange,
  type planListQuery,
  type updatePlanBody,
} from '#shared/plans';
import { fiscalRange } from '#shared/thai/index';
import { type Actor, requireInScope, requirePermission, scopeFilter } from '../../access';
import { createRecord, deleteRecord, updateRecord } from '../../audit/writes';
import { idIn } from '../../db/bulk';
import type { Db, Tx } from '../../db/client';
import { underUnit } from '../../db/filters';
import { readPage } from '../../db/paging';
import { findVisible, requireOfDistrict } from '../../db/records';
import { developmentPlans, lessons, planLessons, planProjects } from '../../db/schema';
import { AppError } from '../../errors';
import { applyPatch } from '../../http/patch';
import { projectsOf } from './projects.service';

export const PLAN = { entity: 'development_plan', notFound: 'plan.not_found' } as const;
type PlanInput = z.infer<typeof createPlanBody> | z.infer<typeof planChange>;
type PlanRow = typeof developmentPlans.$inferSelect;

const toLessonRef = (l: typeof lessons.$inferSelect): LessonRef => ({
  id: l.id,
  fiscalYear: l.fiscalYear,
  quarter: l.quarter,
  changes: l.changes,
});

/** The project count, budget and answered lessons of each plan, read for a page of plans at once. */
async function extrasOf(db: Db | Tx, ids: number[]) {
  const byPlan = new Map(ids.map((id) => [id, { projectCount: 0, budgetSatang: '0', lessons: [] as LessonRef[] }]));
  if (!ids.length) return byPlan;
  const [totals, answered] = await Promise.all([
    db
      .select({
        planId: planProjects.planId,
        n: count(),
        budget: sql<string>`coalesce(sum(${planProjects.budgetSatang}), 0)::text`,
      })
      .from(planProjects)
      .where(and(idIn(planProjects.planId, ids), isNull(planProjects.deletedAt)))
      .groupBy(planProjects.planId),
    db
      .select({ planId: planLessons.planId, lesson: lessons })
      .from(planLessons)
      .innerJoin(lessons, eq(lessons.id, planLessons.lessonId))
      .where(and(idIn(planLessons.planId, ids), isNull(lessons.deletedAt)))
      .orderBy(desc(lessons.fiscalYear), lessons.quarter, lessons.id),
  ]);
  for (const r of totals) Object.assign(byPlan.get(r.planId)!, { projectCount: r.n, budgetSatang: r.budget });
  for (const r of answered) byPlan.get(r.planId)!.lessons.push(toLessonRef(r.lesson));
  return byPlan;
}

const toPlan = (p: PlanRow, extras: { projectCount: number; budgetSatang: string; lessons: LessonRef[] }): Plan => ({
  id: p.id,
  orgUnitCode: p.orgUnitCode,
  title: p.title,
  term: p.term,
  firstYear: p.firstYear,
  lastYear: p.lastYear,
  goal: p.goal,
  ...extras,
  createdBy: p.createdBy,
  version: p.version,
});

/** Plans of the scope, latest years first; `fiscalYear` keeps those covering that year. */
export async function listPlans(db: Db, actor: Actor, query: z.infer<typeof planListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const where = and(
    isNull(developmentPlans.deletedAt),
    scopeFilter(actor, developmentPlans.orgUnitCode),
    query.unit ? underUnit(developmentPlans.orgUnitCode, query.unit) : undefined,
    query.fiscalYear
      ? and(lte(developmentPlans.firstYear, query.fiscalYear), gte(developmentPlans.lastYear, query.fiscalYear))
      : undefined,
    query.term ? eq(developmentPlans.term, query.term) : undefined,
  );
  const page = await readPage(
    db,
    {
      rows: db.select().from(developmentPlans).$dynamic(),
      table: developmentPlans,
      where,
      order: [
        { by: developmentPlans.firstYear, kind: 'int', of: (p) => p.firstYear, desc: true },
        { by: developmentPlans.term, kind: 'text', of: (p) => p.term },
        { by: developmentPlans.id, kind: 'int', of: (p) => p.id, desc: true },
      ],
    },
    query,
  );
  const extras = await extrasOf(
    db,
    page.items.map((p) => p.id),
  );
  return { ...page, items: page.items.map((p) => toPlan(p, extras.get(p.id)!)) };
}

/** A plan with its projects (and their latest progress), the lessons it answers and those looking back on it. */
export async function getPlan(db: Db | Tx, actor: Actor, id: number): Promise<PlanDetail> {
  requirePermission(actor, 'pipeline.read');
  const plan = await findVisible(db, actor, developmentPlans, id, PLAN.notFound);
  const [extras, projects, lookedBackOn] = await Promise.all([
    extrasOf(db, [id]),
    projectsOf(db, and(eq(planProjects.planId, id), isNull(planProjects.deletedAt))),
    db
      .select()
      .from(lessons)
      .where(and(eq(lessons.planId, id), isNull(lessons.deletedAt)))
      .orderBy(desc(lessons.fiscalYear), lessons.quarter, lessons.id),
  ]);
  return { ...toPlan(plan, extras.get(id)!), projects, lookedBackOn: lookedBackOn.map(toLessonRef) };
}

/** A plan answers lessons of its own district from fiscal years before its first. */
async function checkPlan(tx: Tx, orgUnitCode: string, body: PlanInput) {
  const lessonIds = [...new Set(body.lessonIds)];
  await requireOfDistrict(tx, lessons, orgUnitCode, lessonIds, { th: 'บทเรียนที่ได้รับ', en: 'Lesson' });
  if (!lessonIds.length) return;
  const [later] = await tx
    .select({ id: lessons.id })
    .from(lessons)
    .where(and(idIn(lessons.id, lessonIds), gte(lessons.fiscalYear, body.firstYear)))
    .limit(1);
  if (later) throw new AppError('plan.lesson_not_earlier');
}

const sortedIds = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);

async function setLessons(tx: Tx, planId: number, lessonIds: number[]) {
  await tx.delete(planLessons).where(eq(planLessons.planId, planId));
  if (lessonIds.length) await tx.insert(planLessons).values(sortedIds(lessonIds).map((lessonId) => ({ planId, lessonId })));
}

const columnsOf = (body: PlanInput) => ({
  title: body.title,
  term: body.term,
  firstYear: body.firstYear,
  lastYear: body.term === 'short' ? body.firstYear : body.lastYear,
  goal: body.goal,
});

export async function createPlan(db: Db, actor: Actor, body: z.infer<typeof createPlanBody>): Promise<PlanDetail> {
  requirePermission(actor, 'pipeline.write');
  requireInScope(actor, body.orgUnitCode);
  const id = await db.transaction(async (tx) => {
    await checkPlan(tx, body.orgUnitCode, body);
    const created = await createRecord(
      tx,
      actor,
      developmentPlans,
      PLAN.entity,
      { orgUnitCode: body.orgUnitCode, createdBy: actor.userId, ...columnsOf(body) },
      { after: { lessonIds: sortedIds(body.lessonIds) } },
    );
    await setLessons(tx, created.id, body.lessonIds);
    return created.id;
  });
  return getPlan(db, actor, id);
}

export async function updatePlan(db: Db, actor: Actor, id: number, patch: z.infer<typeof updatePlanBody>): Promise<PlanDetail> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, developmentPlans, id, PLAN.notFound);
    const { lessons: answered } = (await extrasOf(tx, [id])).get(id)!;
    const stored = {
      title: existing.title,
      term: existing.term,
      firstYear: existing.firstYear,
      lastYear: existing.lastYear,
      goal: existing.goal,
      lessonIds: answered.map((l) => l.id),
    };
    const body = applyPatch(planChange, stored, patch);
    await checkPlan(tx, existing.orgUnitCode, body);
    // The projects must stay inside the plan's years.
    const { start } = fiscalRange(body.firstYear);
    const { end } = fiscalRange(columnsOf(body).lastYear);
    const [{ outside }] = await tx
      .select({ outside: count() })
      .from(planProjects)
      .where(
        and(
          eq(planProjects.planId, id),
          isNull(planProjects.deletedAt),
          or(sql`${planProjects.startsOn} < ${start}`, sql`${planProjects.endsOn} > ${end}`),
        ),
      );
    if (outside) throw new AppError('plan.projects_outside', { params: { count: outside } });
    const before = await tx.select().from(planLessons).where(eq(planLessons.planId, id));
    await updateRecord(tx, actor, developmentPlans, PLAN, id, body.version, columnsOf(body), {
      before: { lessonIds: sortedIds(before.map((l) => l.lessonId)) },
      after: { lessonIds: sortedIds(body.lessonIds) },
    });
    await setLessons(tx, id, body.lessonIds);
  });
  return getPlan(db, actor, id);
}

export async function deletePlan(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction((tx) => deleteRecord(tx, actor, developmentPlans, PLAN, id, version));
}
