import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Pipeline, type pipelineQuery, STAGES, type Stage } from '#shared/groups';
import { fiscalRange, fiscalYearOf } from '#shared/thai/index';
import { type Actor, requireInScope, requirePermission } from '../../access';
import { thaiToday } from '../../clock';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { orgUnits, summaryCounts } from '../../db/schema';
import { STANDING, summaryRowsUnder } from '../../db/summaries';
import { AppError } from '../../errors';

type Counts = Record<Stage, number>;
type StageRow = Record<string, number>;
const countsOf = (row: StageRow | undefined, wisdom: number): Counts =>
  Object.fromEntries(STAGES.map((s) => [s, s === 'wisdom_surveyed' ? wisdom : (row?.[s] ?? 0)])) as Counts;

/**
 * Counts per stage for a unit (district, province or nation), conversion between stages, how many moved
 * into each stage in the fiscal year, and, unless `breakdown` is false (the dashboard shows none), the same counts
 * per unit one level down.
 */
export async function pipelineOf(
  db: Db,
  actor: Actor,
  query: z.infer<typeof pipelineQuery>,
  { breakdown = true } = {},
): Promise<Pipeline> {
  requirePermission(actor, 'pipeline.read');
  const unit = query.unit ?? actor.orgUnitCode;
  // A unit outside the scope is refused, not silently emptied, so a wrong code is noticed.
  requireInScope(actor, unit);
  const [unitRow] = await db.select().from(orgUnits).where(eq(orgUnits.code, unit));
  if (!unitRow) throw new AppError('org_unit.not_found', { params: { code: unit } });
  const fiscalYear = query.fiscalYear ?? fiscalYearOf(thaiToday()).fiscalYear;
  const { start, end } = fiscalRange(fiscalYear);
  // Without the breakdown everything sums to the unit's own totals in the database.
  const childLength = !breakdown ? 0 : unitRow.level === 'national' ? 2 : unitRow.level === 'province' ? 4 : 0;
  // Read from the summary kept by triggers (migration 0018), per unit one level down: each group stage the groups' evidence
  // proves and `both_<i>` (stage i and the next proven together), live wisdom items, groups moved into a stage in
  // the fiscal year (each group once), wisdom items surveyed in it. The last two are shown as totals only, so they
  // are summed to the unit: the nation reads back a row per province and funnel key, not one per province for the
  // moves as well.
  const figures = await rowsOf<{ figure: string; key: string; child: string; n: number }>(
    db,
    sql`select figure, dim as key, case when figure in ('groups', 'wisdom_items') then left(org_unit_code, ${sql.raw(String(childLength))}) else '' end as child,
        sum(n)::int as n
      from summary_counts
      where ((figure in ('groups', 'wisdom_items') and period = ${STANDING})
          or (figure = 'stage_moves' and period = ${start})
          or (figure = 'wisdom' and period between ${start} and ${end}))
        and ${summaryRowsUnder(summaryCounts.orgUnitCode, unit)}
      group by 1, 2, 3`,
  );

  const perChild = new Map<string, StageRow>();
  const total: StageRow = {};
  const wisdomPerChild = new Map<string, number>();
  const movedByStage = new Map<string, number>();
  let wisdomTotal = 0;
  let wisdomMoved = 0;
  for (const { figure, key, child, n } of figures) {
    if (figure === 'groups') {
      if (!perChild.has(child)) perChild.set(child, {});
      perChild.get(child)![key] = (perChild.get(child)![key] ?? 0) + n;
      total[key] = (total[key] ?? 0) + n;
    } else if (figure === 'wisdom_items') {
      wisdomPerChild.set(child, (wisdomPerChild.get(child) ?? 0) + n);
      wisdomTotal += n;
    } else if (figure === 'stage_moves') movedByStage.set(key, (movedByStage.get(key) ?? 0) + n);
    else wisdomMoved += n;
  }
  const counts = countsOf(total, wisdomTotal);

  const children = childLength
    ? await db
        .select()
        .from(orgUnits)
        .where(and(eq(orgUnits.parentCode, unit), eq(orgUnits.covered, true)))
        .orderBy(orgUnits.code)
    : [];
  return {
    unit,
    fiscalYear,
    stages: STAGES.map((stage) => ({
      stage,
      count: counts[stage],
      movedInPeriod: stage === 'wisdom_surveyed' ? wisdomMoved : (movedByStage.get(stage) ?? 0),
    })),
    // Of the groups proving a stage, the share that also proves the next (wisdom items: groups per item).
    conversions: STAGES.slice(1).map((to, i) => {
      const from = STAGES[i];
      const reached = i === 0 ? counts[to] : (total[`both_${i - 1}`] ?? 0);
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
