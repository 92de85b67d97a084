import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { type createLessonBody, type Lesson, lessonChange, type lessonListQuery, type updateLessonBody } from '#shared/lessons';
import { fiscalRange } from '#shared/thai/index';
import { type Actor, requireInScope, requirePermission, scopeFilter } from '../../access';
import { createRecord, deleteRecord, updateRecord } from '../../audit/writes';
import { thaiToday } from '../../clock';
import { idIn } from '../../db/bulk';
import type { Db, Tx } from '../../db/client';
import { underUnit } from '../../db/filters';
import { readPage } from '../../db/paging';
import { findVisible, requireOfDistrict } from '../../db/records';
import { developmentPlans, lessons, planLessons } from '../../db/schema';
import { AppError } from '../../errors';
import { applyPatch } from '../../http/patch';

const LESSON = { entity: 'lesson', notFound: 'lesson.not_found' } as const;
type LessonInput = z.infer<typeof createLessonBody> | z.infer<typeof lessonChange>;
type PlanRef = { id: number; title: string; firstYear: number; lastYear: number };
const planRef = {
  id: developmentPlans.id,
  title: developmentPlans.title,
  firstYear: developmentPlans.firstYear,
  lastYear: developmentPlans.lastYear,
};

/** The plan each lesson looks back on and the plans answering it, read for a page of lessons at once. */
async function plansOf(db: Db | Tx, rows: (typeof lessons.$inferSelect)[]) {
  const ids = rows.map((l) => l.id);
  const planIds = [...new Set(rows.flatMap((l) => (l.planId ? [l.planId] : [])))];
  const [looked, answering] = await Promise.all([
    planIds.length
      ? db
          .select(planRef)
          .from(developmentPlans)
          .where(and(idIn(developmentPlans.id, planIds), isNull(developmentPlans.deletedAt)))
      : [],
    ids.length
      ? db
          .select({ lessonId: planLessons.lessonId, ...planRef })
          .from(planLessons)
          .innerJoin(developmentPlans, eq(developmentPlans.id, planLessons.planId))
          .where(and(idIn(planLessons.lessonId, ids), isNull(developmentPlans.deletedAt)))
          .orderBy(developmentPlans.firstYear, developmentPlans.id)
      : [],
  ]);
  const answeredBy = new Map<number, PlanRef[]>(ids.map((id) => [id, []]));
  for (const { lessonId, ...plan } of answering) answeredBy.get(lessonId)!.push(plan);
  return { plan: new Map(looked.map((p) => [p.id, p])), answeredBy };
}

async function toLessons(db: Db | Tx, rows: (typeof lessons.$inferSelect)[]): Promise<Lesson[]> {
  const { plan, answeredBy } = await plansOf(db, rows);
  return rows.map((l) => ({
    id: l.id,
    orgUnitCode: l.orgUnitCode,
    fiscalYear: l.fiscalYear,
    quarter: l.quarter,
    plan: (l.planId && plan.get(l.planId)) || null,
    whatWorked: l.whatWorked,
    problems: l.problems,
    changes: l.changes,
    answeredBy: answeredBy.get(l.id)!,
    createdBy: l.createdBy,
    version: l.version,
  }));
}

/** Lessons of the scope, latest year first and, within a year, the whole year before its quarters. */
export async function listLessons(db: Db, actor: Actor, query: z.infer<typeof lessonListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const where = and(
    isNull(lessons.deletedAt),
    scopeFilter(actor, lessons.orgUnitCode),
    query.unit ? underUnit(lessons.orgUnitCode, query.unit) : undefined,
    query.fiscalYear ? eq(lessons.fiscalYear, query.fiscalYear) : undefined,
    query.quarter ? eq(lessons.quarter, query.quarter) : undefined,
    query.planId ? eq(lessons.planId, query.planId) : undefined,
  );
  const page = await readPage(
    db,
    {
      rows: db.select().from(lessons).$dynamic(),
      table: lessons,
      where,
      order: [
        { by: lessons.fiscalYear, kind: 'int', of: (l) => l.fiscalYear, desc: true },
        { by: lessons.quarter, kind: 'int', of: (l) => l.quarter, nullable: true },
        { by: lessons.id, kind: 'int', of: (l) => l.id, desc: true },
      ],
    },
    query,
  );
  return { ...page, items: await toLessons(db, page.items) };
}

export async function getLesson(db: Db | Tx, actor: Actor, id: number): Promise<Lesson> {
  requirePermission(actor, 'pipeline.read');
  const [lesson] = await toLessons(db, [await findVisible(db, actor, lessons, id, LESSON.notFound)]);
  return lesson;
}

/** Lessons are learned from a year (or quarter) that has begun, and look back on a plan of the district for that year. */
async function checkLesson(tx: Tx, orgUnitCode: string, body: LessonInput) {
  const quarter = body.quarter as 1 | 2 | 3 | 4 | undefined;
  if (fiscalRange(body.fiscalYear, quarter).start > thaiToday()) throw new AppError('lesson.period_not_started');
  if (!body.planId) return;
  await requireOfDistrict(tx, developmentPlans, orgUnitCode, [body.planId], { th: 'แผนพัฒนา', en: 'Development plan' });
  const [plan] = await tx.select().from(developmentPlans).where(eq(developmentPlans.id, body.planId));
  if (body.fiscalYear < plan.firstYear || body.fiscalYear > plan.lastYear) throw new AppError('lesson.plan_other_year');
}

const columnsOf = (body: LessonInput) => ({
  fiscalYear: body.fiscalYear,
  quarter: body.quarter ?? null,
  planId: body.planId ?? null,
  whatWorked: body.whatWorked,
  problems: body.problems,
  changes: body.changes,
});

export async function createLesson(db: Db, actor: Actor, body: z.infer<typeof createLessonBody>): Promise<Lesson> {
  requirePermission(actor, 'pipeline.write');
  requireInScope(actor, body.orgUnitCode);
  const created = await db.transaction(async (tx) => {
    await checkLesson(tx, body.orgUnitCode, body);
    return createRecord(tx, actor, lessons, LESSON.entity, {
      orgUnitCode: body.orgUnitCode,
      createdBy: actor.userId,
      ...columnsOf(body),
    });
  });
  return getLesson(db, actor, created.id);
}

export async function updateLesson(db: Db, actor: Actor, id: number, patch: z.infer<typeof updateLessonBody>): Promise<Lesson> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    const existing = await getLesson(tx, actor, id);
    // As read: a plan since removed is no longer looked back on.
    const stored = {
      fiscalYear: existing.fiscalYear,
      quarter: existing.quarter ?? undefined,
      planId: existing.plan?.id,
      whatWorked: existing.whatWorked,
      problems: existing.problems,
      changes: existing.changes,
    };
    const body = applyPatch(lessonChange, stored, patch);
    await checkLesson(tx, existing.orgUnitCode, body);
    await updateRecord(tx, actor, lessons, LESSON, id, body.version, columnsOf(body));
  });
  return getLesson(db, actor, id);
}

export async function deleteLesson(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction((tx) => deleteRecord(tx, actor, lessons, LESSON, id, version));
}
