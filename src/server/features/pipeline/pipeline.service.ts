import { and, count, eq, gte, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Pipeline, type pipelineQuery, STAGES, type Stage } from '#shared/groups';
import { fiscalRange, fiscalYearOf } from '#shared/thai/index';
import { type Actor, requireInScope, requirePermission } from '../../access';
import { thaiToday } from '../../clock';
import type { Db } from '../../db/client';
import { underUnit } from '../../db/filters';
import { groupStageHistory, groups, orgUnits, wisdomItems } from '../../db/schema';
import { AppError } from '../../errors';

type Counts = Record<Stage, number>;
const GROUP_STAGES = STAGES.slice(1);
const has = (stage: Stage) => sql`${stage} = any(${groups.evidence})`;
const countWhere = (condition: SQL) => sql<number>`(count(*) filter (where ${condition}))::int`;

/**
 * Per stage, the groups whose records prove it (DOMAIN.md §3): not cumulative, since a community-market sale
 * proves market access without an OTOP registration. `both_<i>` counts groups proving stage i and the next.
 */
const stageColumns = () => ({
  ...Object.fromEntries(GROUP_STAGES.map((stage) => [stage, countWhere(has(stage))])),
  ...Object.fromEntries(
    GROUP_STAGES.slice(0, -1).map((stage, i) => [`both_${i}`, countWhere(sql`${has(stage)} and ${has(GROUP_STAGES[i + 1])}`)]),
  ),
});
type StageRow = Record<string, number>;
const countsOf = (row: StageRow | undefined, wisdom: number): Counts =>
  Object.fromEntries(STAGES.map((s) => [s, s === 'wisdom_surveyed' ? wisdom : (row?.[s] ?? 0)])) as Counts;

/**
 * Counts per stage for a unit (district, province or nation), conversion between stages, how many moved
 * into each stage in the fiscal year, and the same counts per unit one level down.
 */
export async function pipelineOf(db: Db, actor: Actor, query: z.infer<typeof pipelineQuery>): Promise<Pipeline> {
  requirePermission(actor, 'pipeline.read');
  const unit = query.unit ?? actor.orgUnitCode;
  // A unit outside the scope is refused, not silently emptied, so a wrong code is noticed.
  requireInScope(actor, unit);
  const [unitRow] = await db.select().from(orgUnits).where(eq(orgUnits.code, unit));
  if (!unitRow) throw new AppError('org_unit.not_found', { params: { code: unit } });
  const fiscalYear = query.fiscalYear ?? fiscalYearOf(thaiToday()).fiscalYear;
  const { start, end } = fiscalRange(fiscalYear);
  const childLength = unitRow.level === 'national' ? 2 : unitRow.level === 'province' ? 4 : 0;
  // A literal, not a parameter: GROUP BY must see the same expression as SELECT.
  const childCode = sql<string>`left(${groups.orgUnitCode}, ${sql.raw(String(childLength))})`;
  const wisdomChildCode = sql<string>`left(${wisdomItems.orgUnitCode}, ${sql.raw(String(childLength))})`;

  const liveGroups = and(isNull(groups.deletedAt), underUnit(groups.orgUnitCode, unit));
  const liveWisdom = and(isNull(wisdomItems.deletedAt), underUnit(wisdomItems.orgUnitCode, unit));
  const [byChild, wisdomByChild, moved, wisdomMoved] = await Promise.all([
    db
      .select({ child: childCode, ...stageColumns() })
      .from(groups)
      .where(liveGroups)
      .groupBy(childCode),
    db.select({ child: wisdomChildCode, n: count() }).from(wisdomItems).where(liveWisdom).groupBy(wisdomChildCode),
    db
      .select({ stage: groupStageHistory.toStage, n: sql<number>`count(distinct ${groupStageHistory.groupId})::int` })
      .from(groupStageHistory)
      .innerJoin(groups, eq(groups.id, groupStageHistory.groupId))
      .where(and(liveGroups, gte(groupStageHistory.changedOn, start), lte(groupStageHistory.changedOn, end)))
      .groupBy(groupStageHistory.toStage),
    db
      .select({ n: count() })
      .from(wisdomItems)
      .where(and(liveWisdom, gte(wisdomItems.surveyedOn, start), lte(wisdomItems.surveyedOn, end))),
  ]);

  const rows = byChild as unknown as ({ child: string } & StageRow)[];
  const total: StageRow = {};
  for (const { child, ...row } of rows) for (const [key, n] of Object.entries(row)) total[key] = (total[key] ?? 0) + n;
  const perChild = new Map(rows.map((r) => [r.child, r]));
  const wisdomTotal = wisdomByChild.reduce((sum, r) => sum + r.n, 0);
  const counts = countsOf(total, wisdomTotal);
  const movedByStage = new Map(moved.map((m) => [m.stage, m.n]));

  const children = childLength
    ? await db
        .select()
        .from(orgUnits)
        .where(and(eq(orgUnits.parentCode, unit), eq(orgUnits.covered, true)))
        .orderBy(orgUnits.code)
    : [];
  const wisdomPerChild = new Map(wisdomByChild.map((r) => [r.child, r.n]));
  return {
    unit,
    fiscalYear,
    stages: STAGES.map((stage) => ({
      stage,
      count: counts[stage],
      movedInPeriod: stage === 'wisdom_surveyed' ? wisdomMoved[0].n : (movedByStage.get(stage) ?? 0),
    })),
    // Of the groups proving a stage, the share that also proves the next (wisdom items: groups per item).
    conversions: STAGES.slice(1).map((to, i) => {
      const from = STAGES[i];
      const reached = i === 0 ? counts[to] : total[`both_${i - 1}`];
      return { from, to, rate: counts[from] ? Math.round((reached / counts[from]) * 1000) / 1000 : null };
    }),
    breakdown: children.map((c) => ({
      code: c.code,
      nameTh: c.nameTh,
      nameEn: c.nameEn,
      counts: countsOf(perChild.get(c.code), wisdomPerChild.get(c.code) ?? 0),
    })),
  };
}
