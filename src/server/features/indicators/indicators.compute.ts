/**
 * The center indicators, computed from the records for many districts at once: one set-based query per
 * indicator over every requested district (grouped by org_unit_code, on the (org_unit_code, date) indexes),
 * then the month and quarter logic in TypeScript. Never a query per center: the department asks for 878.
 */
import { type SQL, sql } from 'drizzle-orm';
import { CENTER_INDICATORS, type CellStatus, type CenterIndicator, type ResultFigures } from '#shared/indicators';
import { fiscalRange } from '#shared/thai/index';
import { thaiToday } from '../../clock';
import type { Db, Tx } from '../../db/client';
import { codeArray } from '../../db/filters';
import { rowsOf } from '../../db/rows';

export type Quarter = 1 | 2 | 3 | 4;

/** One center's indicators with the month and quarter cells behind them (the matrix reads these). */
export interface CenterDetail {
  unitCode: string;
  indicators: Record<CenterIndicator, CellStatus>;
  /** Per month of the fiscal year (October first); per quarter (Q1 first). */
  activityMonths: CellStatus[];
  meetingQuarters: CellStatus[];
  publicityQuarters: CellStatus[];
}

/** The twelve months of a fiscal year as { month: 'YYYY-MM', start, end }, October first. */
export function fiscalMonths(fiscalYear: number): { month: string; start: string; end: string }[] {
  const endCe = fiscalYear - 543;
  return Array.from({ length: 12 }, (_, i) => {
    const year = i < 3 ? endCe - 1 : endCe;
    const m = ((i + 9) % 12) + 1;
    const month = `${year}-${String(m).padStart(2, '0')}`;
    const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
    return { month, start: `${month}-01`, end: `${month}-${String(last).padStart(2, '0')}` };
  });
}

/** A held meeting is quorate when strictly more than its quorum share of the term's members attended. */
export const QUORATE = sql`(select count(*) from meeting_attendees a where a.meeting_id = m.id and a.attended) * 100
  > (select count(*) from committee_members cm where cm.committee_id = m.committee_id) * m.quorum_percent`;

/** The composition counts of a term `c` (DOMAIN.md §5). */
export const COMPOSITION = sql`(select count(*) from committee_members cm where cm.committee_id = c.id)::int as total,
  (select count(*) from committee_members cm where cm.committee_id = c.id and cm.category = 'chair')::int as chair,
  (select count(*) from committee_members cm where cm.committee_id = c.id and cm.category = 'secretary')::int as secretary,
  (select count(*) from committee_members cm where cm.committee_id = c.id and cm.category = 'agency')::int as agency,
  (select count(*) from committee_members cm where cm.committee_id = c.id and cm.category = 'network')::int as network`;

export interface Composition {
  total: number;
  chair: number;
  secretary: number;
  agency: number;
  network: number;
}

/** What breaks the rule: 11–15 members, one chair, one secretary, five agency, four to eight network. */
export function compositionProblems(c: Composition) {
  const problems: { problem: 'member_count' | 'chair' | 'secretary' | 'agency' | 'network'; found: number }[] = [];
  if (c.total < 11 || c.total > 15) problems.push({ problem: 'member_count', found: c.total });
  if (c.chair !== 1) problems.push({ problem: 'chair', found: c.chair });
  if (c.secretary !== 1) problems.push({ problem: 'secretary', found: c.secretary });
  if (c.agency !== 5) problems.push({ problem: 'agency', found: c.agency });
  if (c.network < 4 || c.network > 8) problems.push({ problem: 'network', found: c.network });
  return problems;
}

/** The day a committee is judged on: the period's end, or today while the period runs. */
export const judgedOn = (end: string, today: string) => (end < today ? end : today);

/**
 * A month or quarter: not begun → not_due; ended → met or missing; running → met if done, else not yet due.
 */
export function partStatus(start: string, end: string, today: string, done: boolean): CellStatus {
  if (start > today) return 'not_due';
  if (done) return 'met';
  return end < today ? 'missing' : 'not_due';
}

/** The period's cell from its parts: missing if any ended part is missing, met if any is met, else not yet due. */
export function periodStatus(parts: CellStatus[]): CellStatus {
  if (parts.includes('missing')) return 'missing';
  return parts.includes('met') ? 'met' : 'not_due';
}

/**
 * Per district, the months ('YYYY-MM') with a record that counts: one query over all districts, a row per district
 * with its months as an array (the nation's 878 rows, not one per district and month).
 */
async function monthsByUnit(db: Db | Tx, query: SQL): Promise<Map<string, Set<string>>> {
  const rows = await rowsOf<{ org_unit_code: string; months: string[] }>(db, query);
  return new Map(rows.map((r) => [r.org_unit_code, new Set(r.months)]));
}

/** The result figure each summary figure (`summary_counts`, kept by triggers) adds to. */
const FIGURES = {
  wisdom: 'wisdomItems',
  groups_formed: 'groupsFormed',
  registrations: 'otopRegistrations',
  certificates: 'certificates',
  services: 'services',
  activities: 'activities',
  attendees: 'attendees',
  outcomes_verified: 'outcomesVerified',
  sales: 'salesSatang',
  event_sales: 'salesSatang',
  funding_approved: 'fundingApprovedSatang',
} as const satisfies Record<string, keyof ResultFigures>;

/**
 * The result figures of each unit (districts, or provinces for the nation) for a fiscal year or one quarter of it:
 * one query over the summary kept per unit and month (decision 026), where sales add the market-event takings of the
 * district's activities. A province's row holds all its districts' records.
 */
export async function resultsOf(
  db: Db | Tx,
  unitCodes: string[],
  fiscalYear: number,
  quarter: Quarter | null,
): Promise<Map<string, ResultFigures>> {
  if (!unitCodes.length) return new Map();
  const { start: from, end: to } = quarter ? fiscalRange(fiscalYear, quarter) : fiscalRange(fiscalYear);
  const figures = sql.join(
    Object.keys(FIGURES).map((f) => sql`${f}`),
    sql`, `,
  );
  const rows = await rowsOf<{ figure: keyof typeof FIGURES; org_unit_code: string; n: string; satang: string }>(
    db,
    sql`select figure, org_unit_code, sum(n)::text as n, sum(satang)::text as satang from summary_counts
      where figure in (${figures}) and period between ${from} and ${to} and org_unit_code = any(${codeArray(unitCodes)})
      group by figure, org_unit_code`,
  );
  const byUnit = new Map<string, ResultFigures>();
  for (const r of rows) {
    const figures = byUnit.get(r.org_unit_code) ?? emptyFigures();
    const key = FIGURES[r.figure];
    if (key === 'salesSatang' || key === 'fundingApprovedSatang') figures[key] = String(BigInt(figures[key]) + BigInt(r.satang));
    else figures[key] += Number(r.n);
    byUnit.set(r.org_unit_code, figures);
  }
  return byUnit;
}

export const emptyFigures = (): ResultFigures => ({
  wisdomItems: 0,
  groupsFormed: 0,
  otopRegistrations: 0,
  certificates: 0,
  services: 0,
  activities: 0,
  attendees: 0,
  outcomesVerified: 0,
  salesSatang: '0',
  fundingApprovedSatang: '0',
});

/** The committee in force on `day` of each district passes the rule, or the district has the exception. */
async function validCommittees(db: Db | Tx, units: SQL, day: string): Promise<Set<string>> {
  // Set-based for many districts at once: each district's newest term in force, its members counted by category
  // in one grouped pass (a lateral per district cost 14 ms for the nation's 878 on PGlite).
  const [terms, excepted] = await Promise.all([
    rowsOf<Composition & { org_unit_code: string }>(
      db,
      sql`with term as (
          select distinct on (c.org_unit_code) c.id, c.org_unit_code from committees c
          where c.org_unit_code = any(${units}) and c.deleted_at is null and c.term_start <= ${day} and c.term_end >= ${day}
          order by c.org_unit_code, c.term_start desc, c.id desc
        )
        select t.org_unit_code, count(cm.committee_id)::int as total,
          (count(*) filter (where cm.category = 'chair'))::int as chair,
          (count(*) filter (where cm.category = 'secretary'))::int as secretary,
          (count(*) filter (where cm.category = 'agency'))::int as agency,
          (count(*) filter (where cm.category = 'network'))::int as network
        from term t left join committee_members cm on cm.committee_id = t.id
        group by t.org_unit_code`,
    ),
    rowsOf<{ org_unit_code: string }>(
      db,
      sql`select distinct org_unit_code from committee_exceptions where org_unit_code = any(${units}) and deleted_at is null`,
    ),
  ]);
  return new Set([
    ...excepted.map((r) => r.org_unit_code),
    ...terms.filter((r) => compositionProblems(r).length === 0).map((r) => r.org_unit_code),
  ]);
}

/**
 * The indicators of each district for a fiscal year, or one quarter of it (their results: `resultsOf`). No access
 * check: the caller has checked the scope.
 */
export async function computeCenters(
  db: Db | Tx,
  unitCodes: string[],
  fiscalYear: number,
  quarter: Quarter | null,
): Promise<CenterDetail[]> {
  if (!unitCodes.length) return [];
  const today = thaiToday();
  const year = fiscalRange(fiscalYear);
  const period = quarter ? fiscalRange(fiscalYear, quarter) : year;
  const units = codeArray(unitCodes);
  const inYear = (column: string) => sql`${sql.raw(column)} between ${year.start} and ${year.end}`;
  const monthsOf = (column: string) => sql`array_agg(distinct to_char(${sql.raw(column)}, 'YYYY-MM')) as months`;

  const [meetingMonths, activityMonths, postMonths, plans, lessons, committees] = await Promise.all([
    monthsByUnit(
      db,
      sql`select m.org_unit_code, ${monthsOf('m.held_on')} from meetings m
        where m.org_unit_code = any(${units}) and ${inYear('m.held_on')} and m.deleted_at is null
          and m.status = 'held' and ${QUORATE}
        group by m.org_unit_code`,
    ),
    monthsByUnit(
      db,
      sql`select w.org_unit_code, ${monthsOf('w.starts_on')} from activities w
        where w.org_unit_code = any(${units}) and ${inYear('w.starts_on')} and w.deleted_at is null
          and w.kind in ('training', 'strengthening', 'study_visit', 'market_event')
          and exists (select 1 from activity_partners ap where ap.activity_id = w.id)
        group by w.org_unit_code`,
    ),
    monthsByUnit(
      db,
      sql`select p.org_unit_code, ${monthsOf('p.published_on')} from posts p
        where p.org_unit_code = any(${units}) and ${inYear('p.published_on')} and p.deleted_at is null
        group by p.org_unit_code`,
    ),
    rowsOf<{ org_unit_code: string }>(
      db,
      sql`select org_unit_code from development_plans
        where org_unit_code = any(${units}) and deleted_at is null and first_year <= ${fiscalYear} and last_year >= ${fiscalYear}
        group by org_unit_code having bool_or(term = 'short') and bool_or(term = 'long')`,
    ),
    rowsOf<{ org_unit_code: string }>(
      db,
      sql`select distinct org_unit_code from lessons
        where org_unit_code = any(${units}) and deleted_at is null and fiscal_year = ${fiscalYear}`,
    ),
    validCommittees(db, units, judgedOn(period.end, today)),
  ]);

  const planned = new Set(plans.map((r) => r.org_unit_code));
  const learned = new Set(lessons.map((r) => r.org_unit_code));
  const months = fiscalMonths(fiscalYear);
  const quarters = ([1, 2, 3, 4] as const).map((q) => fiscalRange(fiscalYear, q));
  const inPeriod = (start: string) => start >= period.start && start <= period.end;
  const begun = period.start <= today;
  const q4Begun = quarters[3].start <= today;
  const firstQuarterEnded = quarters[0].end < today;

  return unitCodes.map((unitCode) => {
    const held = meetingMonths.get(unitCode) ?? new Set<string>();
    const active = activityMonths.get(unitCode) ?? new Set<string>();
    const posted = postMonths.get(unitCode) ?? new Set<string>();
    const quarterHas = (set: Set<string>, qi: number) => months.slice(qi * 3, qi * 3 + 3).some((m) => set.has(m.month));
    const activityCells = months.map((m) => partStatus(m.start, m.end, today, active.has(m.month)));
    const meetingCells = quarters.map((q, i) => partStatus(q.start, q.end, today, quarterHas(held, i)));
    const publicityCells = quarters.map((q, i) => partStatus(q.start, q.end, today, quarterHas(posted, i)));
    const ofPeriod = (cells: CellStatus[], parts: { start: string }[]) => cells.filter((_, i) => inPeriod(parts[i].start));

    const committeeValid: CellStatus = !begun ? 'not_due' : committees.has(unitCode) ? 'met' : 'missing';
    const plansPresent: CellStatus = planned.has(unitCode) ? 'met' : begun ? 'missing' : 'not_due';
    const lessonsRecorded: CellStatus = learned.has(unitCode) ? 'met' : q4Begun ? 'missing' : 'not_due';
    // "A meeting this year": a quorate held meeting from the fiscal year's start to the period's end.
    const metThisYear = months.some((m) => m.start <= period.end && held.has(m.month));
    let guidelines: CellStatus = 'missing';
    if (committeeValid === 'met' && plansPresent === 'met' && metThisYear) guidelines = 'met';
    else if (!begun || (committeeValid === 'met' && plansPresent === 'met' && !firstQuarterEnded)) guidelines = 'not_due';

    const indicators: Record<CenterIndicator, CellStatus> = {
      committee_valid: committeeValid,
      meeting_each_quarter: periodStatus(ofPeriod(meetingCells, quarters)),
      activity_each_month: periodStatus(ofPeriod(activityCells, months)),
      plans_present: plansPresent,
      publicity_each_quarter: periodStatus(ofPeriod(publicityCells, quarters)),
      lessons_recorded: lessonsRecorded,
      operating_guidelines: guidelines,
    };
    return {
      unitCode,
      indicators: Object.fromEntries(CENTER_INDICATORS.map((i) => [i, indicators[i]])) as Record<CenterIndicator, CellStatus>,
      activityMonths: activityCells,
      meetingQuarters: meetingCells,
      publicityQuarters: publicityCells,
    };
  });
}
