import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type createProjectBody,
  type PlanProject,
  type PlanProjectDetail,
  type ProjectProgress,
  projectChange,
  type projectListQuery,
  type projectUpdateBody,
  type updateProjectBody,
} from '#shared/plans';
import { fiscalRange } from '#shared/thai/index';
import { type Actor, requirePermission, scopeFilter } from '../../access';
import { createRecord, deleteRecord, insertAudited, updateRecord } from '../../audit/writes';
import { thaiToday } from '../../clock';
import { idIn } from '../../db/bulk';
import type { Db, Tx } from '../../db/client';
import { underUnit } from '../../db/filters';
import { type OrderKey, readPage } from '../../db/paging';
import { findVisible, requireOfDistrict } from '../../db/records';
import {
  developmentPlans,
  groups,
  partners,
  planProjectGroups,
  planProjectPartners,
  planProjects,
  projectUpdates,
  users,
} from '../../db/schema';
import { AppError } from '../../errors';
import { applyPatch } from '../../http/patch';
import { requirePartnersOfDistrict } from '../partners/partners.service';

const PROJECT = { entity: 'plan_project', notFound: 'plan_project.not_found' } as const;
type ProjectInput = z.infer<typeof createProjectBody> | z.infer<typeof projectChange>;
type Named = { id: number; name: string };

/** Only projects of plans still on record. */
const planLive = sql`exists (select 1 from ${developmentPlans} where ${developmentPlans.id} = ${planProjects.planId} and ${developmentPlans.deletedAt} is null)`;

/** Updates of each project, newest first. */
async function updatesOf(db: Db | Tx, ids: number[]) {
  const byProject = new Map(ids.map((id) => [id, [] as ProjectProgress[]]));
  if (!ids.length) return byProject;
  const rows = await db
    .select({ update: projectUpdates, by: users.displayName })
    .from(projectUpdates)
    .innerJoin(users, eq(users.id, projectUpdates.createdBy))
    .where(idIn(projectUpdates.projectId, ids))
    .orderBy(desc(projectUpdates.updatedOn), desc(projectUpdates.id));
  for (const { update: u, by } of rows)
    byProject.get(u.projectId)!.push({
      id: u.id,
      updatedOn: u.updatedOn,
      progressPercent: u.progressPercent,
      note: u.note,
      createdByName: by,
    });
  return byProject;
}

/** Projects matching `where`, with their plan's title, target groups, partners and latest progress. */
const selectProjects = (db: Db | Tx) =>
  db
    .select({ project: planProjects, planTitle: developmentPlans.title })
    .from(planProjects)
    .innerJoin(developmentPlans, eq(developmentPlans.id, planProjects.planId))
    .$dynamic();
type ProjectRow = Awaited<ReturnType<typeof selectProjects>>[number];

export async function projectsOf(db: Db | Tx, where: SQL | undefined) {
  return withLinks(db, await selectProjects(db).where(and(where, planLive)).orderBy(planProjects.startsOn, planProjects.id));
}

async function withLinks(db: Db | Tx, rows: ProjectRow[]) {
  const ids = rows.map((r) => r.project.id);
  const byProject = new Map(ids.map((id) => [id, { groups: [] as Named[], partners: [] as Named[] }]));
  const [targeted, with_, updates] = ids.length
    ? await Promise.all([
        db
          .select({ projectId: planProjectGroups.projectId, id: groups.id, name: groups.name })
          .from(planProjectGroups)
          .innerJoin(groups, eq(groups.id, planProjectGroups.groupId))
          .where(idIn(planProjectGroups.projectId, ids))
          .orderBy(groups.name),
        db
          .select({ projectId: planProjectPartners.projectId, id: partners.id, name: partners.name })
          .from(planProjectPartners)
          .innerJoin(partners, eq(partners.id, planProjectPartners.partnerId))
          .where(idIn(planProjectPartners.projectId, ids))
          .orderBy(partners.name),
        updatesOf(db, ids),
      ])
    : [[], [], new Map<number, ProjectProgress[]>()];
  for (const r of targeted) byProject.get(r.projectId)!.groups.push({ id: r.id, name: r.name });
  for (const r of with_) byProject.get(r.projectId)!.partners.push({ id: r.id, name: r.name });
  return rows.map(
    ({ project: p, planTitle }): PlanProject => ({
      id: p.id,
      orgUnitCode: p.orgUnitCode,
      planId: p.planId,
      planTitle,
      title: p.title,
      objectives: p.objectives,
      targetDescription: p.targetDescription,
      targetGroups: byProject.get(p.id)!.groups,
      partners: byProject.get(p.id)!.partners,
      budgetSatang: String(p.budgetSatang),
      indicators: p.indicators,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      progress: updates.get(p.id)?.[0] ?? null,
      version: p.version,
    }),
  );
}

/** Projects of the scope, by plan or by a group they target. */
export async function listProjects(db: Db, actor: Actor, query: z.infer<typeof projectListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const where = and(
    isNull(planProjects.deletedAt),
    planLive,
    scopeFilter(actor, planProjects.orgUnitCode),
    query.unit ? underUnit(planProjects.orgUnitCode, query.unit) : undefined,
    query.planId ? eq(planProjects.planId, query.planId) : undefined,
    query.groupId
      ? sql`exists (select 1 from ${planProjectGroups} where ${planProjectGroups.projectId} = ${planProjects.id} and ${planProjectGroups.groupId} = ${query.groupId})`
      : undefined,
  );
  const order: OrderKey<ProjectRow>[] = [
    { by: planProjects.startsOn, kind: 'date', of: (r) => r.project.startsOn },
    { by: planProjects.id, kind: 'int', of: (r) => r.project.id },
  ];
  const rows = selectProjects(db);
  const page = await readPage(db, { rows, table: selectProjects(db), where: and(where, planLive), order }, query);
  return { ...page, items: await withLinks(db, page.items) };
}

/** A live project of the scope whose plan is live too (a removed plan takes its projects with it). */
async function liveProject(db: Db | Tx, actor: Actor, id: number) {
  const project = await findVisible(db, actor, planProjects, id, PROJECT.notFound);
  const [plan] = await db
    .select()
    .from(developmentPlans)
    .where(and(eq(developmentPlans.id, project.planId), isNull(developmentPlans.deletedAt)));
  if (!plan) throw new AppError(PROJECT.notFound);
  return { project, plan };
}

export async function getProject(db: Db | Tx, actor: Actor, id: number): Promise<PlanProjectDetail> {
  requirePermission(actor, 'pipeline.read');
  await liveProject(db, actor, id);
  const [project] = await projectsOf(db, eq(planProjects.id, id));
  return { ...project, updates: (await updatesOf(db, [id])).get(id)! };
}

/** A project lies within its plan's fiscal years, and targets groups and partners of the plan's district. */
async function checkProject(tx: Tx, plan: typeof developmentPlans.$inferSelect, body: ProjectInput) {
  const from = fiscalRange(plan.firstYear).start;
  const until = fiscalRange(plan.lastYear).end;
  if (body.startsOn < from || body.endsOn > until) throw new AppError('plan_project.outside_plan', { params: { from, until } });
  await requireOfDistrict(tx, groups, plan.orgUnitCode, unique(body.targetGroupIds), { th: 'กลุ่มอาชีพ', en: 'Occupational group' });
  await requirePartnersOfDistrict(tx, plan.orgUnitCode, unique(body.partnerIds));
}

const unique = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);
const auditLinks = (b: Pick<ProjectInput, 'targetGroupIds' | 'partnerIds'>) => ({
  targetGroupIds: unique(b.targetGroupIds),
  partnerIds: unique(b.partnerIds),
});

async function setLinks(tx: Tx, projectId: number, body: ProjectInput) {
  const links = auditLinks(body);
  await tx.delete(planProjectGroups).where(eq(planProjectGroups.projectId, projectId));
  await tx.delete(planProjectPartners).where(eq(planProjectPartners.projectId, projectId));
  if (links.targetGroupIds.length)
    await tx.insert(planProjectGroups).values(links.targetGroupIds.map((groupId) => ({ projectId, groupId })));
  if (links.partnerIds.length)
    await tx.insert(planProjectPartners).values(links.partnerIds.map((partnerId) => ({ projectId, partnerId })));
}

const columnsOf = (body: ProjectInput) => ({
  title: body.title,
  objectives: body.objectives,
  targetDescription: body.targetDescription,
  budgetSatang: BigInt(body.budgetSatang),
  indicators: body.indicators,
  startsOn: body.startsOn,
  endsOn: body.endsOn,
});

export async function createProject(
  db: Db,
  actor: Actor,
  planId: number,
  body: z.infer<typeof createProjectBody>,
): Promise<PlanProjectDetail> {
  requirePermission(actor, 'pipeline.write');
  const id = await db.transaction((tx) => insertProject(tx, actor, planId, body));
  return getProject(db, actor, id);
}

/** A plan's new project with its links, inside the caller's transaction (the form and the demo); its id. */
export async function insertProject(tx: Tx, actor: Actor, planId: number, body: z.infer<typeof createProjectBody>) {
  const plan = await findVisible(tx, actor, developmentPlans, planId, 'plan.not_found');
  await checkProject(tx, plan, body);
  const created = await createRecord(
    tx,
    actor,
    planProjects,
    PROJECT.entity,
    { orgUnitCode: plan.orgUnitCode, planId, ...columnsOf(body) },
    { after: auditLinks(body) },
  );
  await setLinks(tx, created.id, body);
  return created.id;
}

export async function updateProject(
  db: Db,
  actor: Actor,
  id: number,
  patch: z.infer<typeof updateProjectBody>,
): Promise<PlanProjectDetail> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    const { plan } = await liveProject(tx, actor, id);
    const [before] = await projectsOf(tx, eq(planProjects.id, id));
    const stored = {
      title: before.title,
      objectives: before.objectives,
      targetDescription: before.targetDescription,
      targetGroupIds: before.targetGroups.map((g) => g.id),
      partnerIds: before.partners.map((p) => p.id),
      budgetSatang: before.budgetSatang,
      indicators: before.indicators,
      startsOn: before.startsOn,
      endsOn: before.endsOn,
    };
    const body = applyPatch(projectChange, stored, patch);
    await checkProject(tx, plan, body);
    await updateRecord(tx, actor, planProjects, PROJECT, id, body.version, columnsOf(body), {
      before: auditLinks({
        targetGroupIds: before.targetGroups.map((g) => g.id),
        partnerIds: before.partners.map((p) => p.id),
      }),
      after: auditLinks(body),
    });
    await setLinks(tx, id, body);
  });
  return getProject(db, actor, id);
}

export async function deleteProject(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    await liveProject(tx, actor, id);
    await deleteRecord(tx, actor, planProjects, PROJECT, id, version);
  });
}

/** Appends a dated progress update (never changed afterwards, so the plan's history reads as it happened). */
export async function addProjectUpdate(
  db: Db,
  actor: Actor,
  projectId: number,
  body: z.infer<typeof projectUpdateBody>,
): Promise<PlanProjectDetail> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction((tx) => recordProjectUpdate(tx, actor, projectId, body));
  return getProject(db, actor, projectId);
}

/** A project's progress on a day, inside the caller's transaction (the form and the demo). */
export async function recordProjectUpdate(tx: Tx, actor: Actor, projectId: number, body: z.infer<typeof projectUpdateBody>) {
  const { project } = await liveProject(tx, actor, projectId);
  if (body.updatedOn > thaiToday()) throw new AppError('project_update.date_in_future');
  if (body.updatedOn < project.startsOn)
    throw new AppError('project_update.before_start', { params: { startsOn: project.startsOn } });
  await insertAudited(tx, actor, projectUpdates, 'project_update', {
    projectId,
    orgUnitCode: project.orgUnitCode,
    updatedOn: body.updatedOn,
    progressPercent: body.progressPercent,
    note: body.note,
    createdBy: actor.userId,
  });
}
