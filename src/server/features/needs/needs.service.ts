import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type createNeedsBody, type NeedsAnalysis, needsChange, type needsListQuery, type updateNeedsBody } from '#shared/needs';
import { type Actor, requirePermission, scopeFilter } from '../../access';
import { createRecord, deleteRecord, updateRecord } from '../../audit/writes';
import { thaiToday } from '../../clock';
import { idIn } from '../../db/bulk';
import type { Db, Tx } from '../../db/client';
import { underUnit } from '../../db/filters';
import { oneWithLocked, type Unlocked, withLocked } from '../../db/locked-quarters';
import { type OrderKey, readPage } from '../../db/paging';
import { findVisible } from '../../db/records';
import { groups, needItems, needsAnalyses } from '../../db/schema';
import { AppError } from '../../errors';
import { applyPatch } from '../../http/patch';
import { GROUP, refreshGroupStage } from '../groups/stages';

const NEEDS = { entity: 'needs_analysis', notFound: 'needs.not_found' } as const;
type AnalysisInput = z.infer<typeof createNeedsBody> | z.infer<typeof needsChange>;
type Row = typeof needsAnalyses.$inferSelect & { groupName: string };

/** The items of each analysis, highest priority first. */
async function itemsOf(db: Db | Tx, ids: number[]) {
  const byAnalysis = new Map(ids.map((id) => [id, [] as NeedsAnalysis['items']]));
  if (!ids.length) return byAnalysis;
  const rows = await db
    .select()
    .from(needItems)
    .where(idIn(needItems.analysisId, ids))
    .orderBy(asc(needItems.priority), asc(needItems.id));
  for (const r of rows)
    byAnalysis.get(r.analysisId)!.push({ id: r.id, area: r.area, problem: r.problem, need: r.need, priority: r.priority });
  return byAnalysis;
}

/** An analysis counts in the quarter of its date (the lock trigger's column). */
const datedBy = (a: Unlocked<NeedsAnalysis>) => ({ unit: a.orgUnitCode, day: a.analysedOn });

const toAnalysis = (a: Row, items: NeedsAnalysis['items']): Unlocked<NeedsAnalysis> => ({
  id: a.id,
  orgUnitCode: a.orgUnitCode,
  groupId: a.groupId,
  groupName: a.groupName,
  analysedOn: a.analysedOn,
  summary: a.summary,
  items,
  createdBy: a.createdBy,
  version: a.version,
});

const hasItem = (condition: ReturnType<typeof eq>) =>
  sql`exists (select 1 from ${needItems} where ${needItems.analysisId} = ${needsAnalyses.id} and ${condition})`;

/** Analyses of the scope, newest first, by group, area or priority of a need. */
export async function listNeeds(db: Db, actor: Actor, query: z.infer<typeof needsListQuery>) {
  requirePermission(actor, 'pipeline.read');
  const where = and(
    isNull(needsAnalyses.deletedAt),
    scopeFilter(actor, needsAnalyses.orgUnitCode),
    query.unit ? underUnit(needsAnalyses.orgUnitCode, query.unit) : undefined,
    query.groupId ? eq(needsAnalyses.groupId, query.groupId) : undefined,
    query.area ? hasItem(eq(needItems.area, query.area)) : undefined,
    query.priority ? hasItem(eq(needItems.priority, query.priority)) : undefined,
  );
  const rows = db
    .select({ analysis: needsAnalyses, groupName: groups.name })
    .from(needsAnalyses)
    .innerJoin(groups, eq(groups.id, needsAnalyses.groupId))
    .$dynamic();
  type Row = Awaited<typeof rows>[number];
  const order: OrderKey<Row>[] = [
    { by: needsAnalyses.analysedOn, kind: 'date', of: (r: Row) => r.analysis.analysedOn, desc: true },
    { by: needsAnalyses.id, kind: 'int', of: (r: Row) => r.analysis.id, desc: true },
  ];
  const page = await readPage(db, { rows, table: needsAnalyses, where, order }, query);
  const items = await itemsOf(
    db,
    page.items.map((r) => r.analysis.id),
  );
  return {
    ...page,
    items: await withLocked(
      db,
      page.items.map((r) => toAnalysis({ ...r.analysis, groupName: r.groupName }, items.get(r.analysis.id)!)),
      datedBy,
    ),
  };
}

export async function getNeeds(db: Db | Tx, actor: Actor, id: number): Promise<NeedsAnalysis> {
  requirePermission(actor, 'pipeline.read');
  const row = await findVisible(db, actor, needsAnalyses, id, NEEDS.notFound);
  const [group] = await db.select({ name: groups.name }).from(groups).where(eq(groups.id, row.groupId));
  return oneWithLocked(db, toAnalysis({ ...row, groupName: group.name }, (await itemsOf(db, [id])).get(id)!), datedBy);
}

/** The items as the audit log keeps them: what a reader needs to see the analysis change. */
const auditItems = (items: Pick<NeedsAnalysis['items'][number], 'area' | 'problem' | 'need' | 'priority'>[]) => ({
  needItems: items.map(({ area, problem, need, priority }) => ({ area, problem, need, priority })),
});

async function replaceItems(tx: Tx, analysisId: number, items: AnalysisInput['items']) {
  await tx.delete(needItems).where(eq(needItems.analysisId, analysisId));
  await tx.insert(needItems).values(items.map((i) => ({ analysisId, ...i })));
}

function checkDate(body: AnalysisInput, group: typeof groups.$inferSelect) {
  if (body.analysedOn > thaiToday()) throw new AppError('needs.date_in_future');
  if (body.analysedOn < group.foundedOn) throw new AppError('needs.before_group', { params: { foundedOn: group.foundedOn } });
}

/** Records a group's needs analysis; the group is then "needs analysed" (unless it is further already). */
export async function createNeeds(db: Db, actor: Actor, body: z.infer<typeof createNeedsBody>): Promise<NeedsAnalysis> {
  requirePermission(actor, 'pipeline.write');
  const id = await db.transaction(async (tx) => {
    const group = await findVisible(tx, actor, groups, body.groupId, GROUP.notFound);
    checkDate(body, group);
    const created = await createRecord(
      tx,
      actor,
      needsAnalyses,
      NEEDS.entity,
      {
        orgUnitCode: group.orgUnitCode,
        groupId: group.id,
        analysedOn: body.analysedOn,
        summary: body.summary,
        createdBy: actor.userId,
      },
      { after: auditItems(body.items) },
    );
    await replaceItems(tx, created.id, body.items);
    await refreshGroupStage(tx, actor, group.id, body.analysedOn);
    return created.id;
  });
  return getNeeds(db, actor, id);
}

/** Changes the date, summary or items (replaced whole when sent) at the version read. */
export async function updateNeeds(db: Db, actor: Actor, id: number, body: z.infer<typeof updateNeedsBody>) {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    const existing = await findVisible(tx, actor, needsAnalyses, id, NEEDS.notFound);
    const [group] = await tx.select().from(groups).where(eq(groups.id, existing.groupId));
    const before = (await itemsOf(tx, [id])).get(id)!;
    const stored = { analysedOn: existing.analysedOn, summary: existing.summary, items: auditItems(before).needItems };
    const change = applyPatch(needsChange, stored, body);
    checkDate(change, group);
    await updateRecord(
      tx,
      actor,
      needsAnalyses,
      NEEDS,
      id,
      change.version,
      { analysedOn: change.analysedOn, summary: change.summary },
      { before: auditItems(before), after: auditItems(change.items) },
    );
    // Items not sent stay as they are, ids and all.
    if (body.items) await replaceItems(tx, id, change.items);
  });
  return getNeeds(db, actor, id);
}

/** Removes an analysis (soft); the group's stage falls back unless other evidence holds it. */
export async function deleteNeeds(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  requirePermission(actor, 'pipeline.write');
  await db.transaction(async (tx) => {
    const removed = await deleteRecord(tx, actor, needsAnalyses, NEEDS, id, version);
    await refreshGroupStage(tx, actor, removed.groupId);
  });
}
