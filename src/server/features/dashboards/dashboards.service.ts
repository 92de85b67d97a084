import { and, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { expiringUntil } from '#shared/certifications';
import type { Dashboard, DashboardChild, DashboardQuery } from '#shared/dashboards';
import { monthsBetween } from '#shared/sales';
import { fiscalRange, fiscalYearOf } from '#shared/thai/index';
import { type Actor, inScope, requirePermission } from '../../access';
import { thaiToday } from '../../clock';
import type { Db } from '../../db/client';
import { codeArray, underUnit } from '../../db/filters';
import { rowsOf } from '../../db/rows';
import { certifications, codeLists, orgUnits, summaryCounts } from '../../db/schema';
import { STANDING, summaryRowsUnder } from '../../db/summaries';
import { AppError } from '../../errors';
import { listCertifications } from '../certifications/certifications.service';
import { pipelineOf } from '../pipeline/pipeline.service';
import { type RollupFigures, rollupFigures, sumFigures } from '../spending/rollup.service';

/** How many of the certificates expiring soon the dashboard names. */
const NEXT_CERTIFICATES = 5;

type Level = Dashboard['level'];
const childLengthOf = (level: Level) => (level === 'national' ? 2 : level === 'province' ? 4 : 0);

/**
 * Everything the dashboard of a district, a province or the nation shows for a fiscal year or one quarter. The
 * counts and sums (services, activities, attendees, sales, funding, the funnel) come from the summary kept per
 * district and month (`summary_counts`), so the nation reads its provinces' summary rows, not its records; the
 * certificates expiring from today and the budget are read from their own tables.
 */
export async function dashboardOf(db: Db, actor: Actor, query: DashboardQuery): Promise<Dashboard> {
  requirePermission(actor, 'pipeline.read');
  const code = query.unit ?? actor.orgUnitCode;
  // Another unit's dashboard looks like no unit at all, as its records do.
  if (!inScope(actor, code)) throw new AppError('org_unit.not_found', { params: { code } });
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.code, code));
  if (!unit) throw new AppError('org_unit.not_found', { params: { code } });
  const today = thaiToday();
  const fiscalYear = query.fiscalYear ?? fiscalYearOf(today).fiscalYear;
  const quarter = (query.quarter ?? null) as 1 | 2 | 3 | 4 | null;
  const { start: from, end: to } = fiscalRange(fiscalYear, quarter ?? undefined);
  const level = unit.level as Level;
  const length = childLengthOf(level);

  const [figures, sources, certByChild, budget, pipeline, certificates] = await Promise.all([
    summaryFigures(db, code, length, from, to),
    // Every source the unit's live applications name, whether or not any fall in the period.
    db
      .select({ source: summaryCounts.dim })
      .from(summaryCounts)
      .where(
        and(
          eq(summaryCounts.figure, 'funding_sources'),
          eq(summaryCounts.period, STANDING),
          summaryRowsUnder(summaryCounts.orgUnitCode, code),
        ),
      )
      .groupBy(summaryCounts.dim)
      .having(sql`sum(${summaryCounts.n}) > 0`)
      .orderBy(sql`${summaryCounts.dim} collate "default"`),
    certificatesExpiringByChild(db, code, length, today),
    rollupFigures(db, code, { fiscalYear, today, followUps: false }),
    pipelineOf(db, actor, { unit: code, fiscalYear }, { breakdown: false }),
    listCertifications(db, actor, { unit: code, status: 'expiring', page: 1, pageSize: NEXT_CERTIFICATES }),
  ]);

  const months = monthsBetween(from.slice(0, 7), to.slice(0, 7));
  const ofMonths = (figure: string) => figures.byMonth.filter((r) => r.figure === figure);
  const ofChildren = (figure: string) => figures.byChild.filter((r) => r.figure === figure);
  const count = <T extends SummaryRow>(rows: T[], key: (r: T) => string) => sumBy(rows, key, (r) => r.n);
  const byMonth = (figure: string) => count(ofMonths(figure), (r) => r.month);
  const byChild = (figure: string) => count(ofChildren(figure), (r) => r.child);
  const servicesByMonth = byMonth('services');
  const activitiesByMonth = byMonth('activities');
  const attendeesByMonth = byMonth('attendees');
  // Takings as the sales summary counts them: monthly sales per channel and market-event takings per market kind.
  const isTaking = (r: SummaryRow) => r.figure === 'sales' || r.figure === 'event_sales';
  const salesByMonth = new Map<string, bigint>();
  const points = new Map<string, { n: number; satang: bigint }>();
  for (const r of figures.byMonth.filter(isTaking)) {
    salesByMonth.set(r.month, (salesByMonth.get(r.month) ?? 0n) + BigInt(r.satang));
    const point = points.get(`${r.month} ${r.dim}`) ?? { n: 0, satang: 0n };
    points.set(`${r.month} ${r.dim}`, { n: point.n + r.n, satang: point.satang + BigInt(r.satang) });
  }
  const salesByChild = new Map<string, bigint>();
  for (const r of figures.byChild.filter(isTaking))
    salesByChild.set(r.child, (salesByChild.get(r.child) ?? 0n) + BigInt(r.satang));
  const salesByChannel = [...points]
    .filter(([, p]) => p.n > 0)
    .map(([key, p]) => {
      const [month, channelCode] = key.split(' ');
      return { month, channelCode, amountSatang: String(p.satang) };
    })
    .sort((a, b) => a.month.localeCompare(b.month) || a.channelCode.localeCompare(b.channelCode));
  const funding = <T extends SummaryRow>(rows: T[], key: (r: T) => string) => {
    const sums = new Map<string, { n: number; satang: bigint }>();
    for (const r of rows) {
      const sum = sums.get(key(r)) ?? { n: 0, satang: 0n };
      sums.set(key(r), { n: sum.n + r.n, satang: sum.satang + BigInt(r.satang) });
    }
    return sums;
  };
  const appliedBySource = funding(ofMonths('funding_applied'), (r) => r.dim);
  const approvedBySource = funding(ofMonths('funding_approved'), (r) => r.dim);
  const approvedByChild = funding(ofChildren('funding_approved'), (r) => r.child);

  const children = length
    ? await db
        .select()
        .from(orgUnits)
        .where(and(eq(orgUnits.parentCode, code), eq(orgUnits.covered, true)))
        .orderBy(orgUnits.code)
    : [];
  const servicesByChild = byChild('services');
  const activitiesByChild = byChild('activities');
  const attendeesByChild = byChild('attendees');
  const certs = new Map(certByChild.map((r) => [r.child, r.n]));
  // The budget as the spending roll-up counts it: approved payments, in the quarter asked or the whole year.
  const spentIn = (f: RollupFigures | undefined) =>
    String(f ? (quarter ? f.spentByQuarter[quarter - 1] : f.spentByQuarter.reduce((sum, s) => sum + s, 0n)) : 0n);

  return {
    unit: code,
    nameTh: unit.nameTh,
    nameEn: unit.nameEn,
    level,
    fiscalYear,
    quarter,
    from,
    to,
    months: months.map((m) => ({
      month: m,
      services: servicesByMonth.get(m) ?? 0,
      activities: activitiesByMonth.get(m) ?? 0,
      attendees: attendeesByMonth.get(m) ?? 0,
      salesSatang: String(salesByMonth.get(m) ?? 0n),
    })),
    funnel: pipeline.stages,
    salesByChannel,
    funding: sources.map(({ source }) => ({
      sourceCode: source,
      applied: appliedBySource.get(source)?.n ?? 0,
      approved: approvedBySource.get(source)?.n ?? 0,
      approvedSatang: String(approvedBySource.get(source)?.satang ?? 0n),
    })),
    certificates: {
      expiring: certificates.total,
      next: certificates.items.map((c) => ({
        id: c.id,
        subject: c.subject,
        standardCode: c.standardCode,
        expiresOn: c.expiresOn!,
        orgUnitCode: c.orgUnitCode,
      })),
    },
    budget: {
      receivedSatang: String(budget.get(code)?.received ?? 0n),
      spentSatang: spentIn(sumFigures(code, budget.values())),
    },
    children: children.map(
      (c): DashboardChild => ({
        code: c.code,
        nameTh: c.nameTh,
        nameEn: c.nameEn,
        services: servicesByChild.get(c.code) ?? 0,
        activities: activitiesByChild.get(c.code) ?? 0,
        attendees: attendeesByChild.get(c.code) ?? 0,
        salesSatang: String(salesByChild.get(c.code) ?? 0n),
        fundingApproved: approvedByChild.get(c.code)?.n ?? 0,
        fundingApprovedSatang: String(approvedByChild.get(c.code)?.satang ?? 0n),
        certificatesExpiring: certs.get(c.code) ?? 0,
        budgetReceivedSatang: String(budget.get(c.code)?.received ?? 0n),
        budgetSpentSatang: spentIn(budget.get(c.code)),
      }),
    ),
  };
}

interface SummaryRow {
  figure: string;
  n: number;
  satang: string;
}
type MonthRow = SummaryRow & { dim: string; month: string };
type ChildRow = SummaryRow & { child: string };

/**
 * The dated figures of the unit's districts in [from, to] from `summary_counts` (kept by triggers, migration 0018),
 * summed in the database two ways in one pass: per figure, dimension and month, and per figure and unit one level
 * down (`length` characters of the code). The nation's year is then a few hundred rows for Node, not a row per
 * province, figure, dimension and month (18,000 by September). Market-event takings without a market kind are
 * left out: the dashboard counts takings by channel.
 */
async function summaryFigures(db: Db, code: string, length: number, from: string, to: string) {
  const rows = await rowsOf<MonthRow & ChildRow & { byMonth: boolean }>(
    db,
    sql`select figure, dim, month, child, sum(n)::int as n, sum(satang)::text as satang, grouping(child) = 1 as "byMonth"
      from (select figure, dim, to_char(period, 'YYYY-MM') as month, left(org_unit_code, ${sql.raw(String(length))}) as child, n, satang
        from summary_counts
        where figure = any(${codeArray(DASHBOARD_FIGURES)}) and period between ${from} and ${to} and ${summaryRowsUnder(summaryCounts.orgUnitCode, code)}
          and not (figure = 'event_sales' and dim = '')) s
      group by grouping sets ((figure, dim, month), (figure, child))`,
  );
  return {
    byMonth: rows.filter((r) => r.byMonth) as MonthRow[],
    byChild: rows.filter((r) => !r.byMonth) as ChildRow[],
  };
}

const DASHBOARD_FIGURES = ['services', 'activities', 'attendees', 'sales', 'event_sales', 'funding_applied', 'funding_approved'];

function sumBy<T>(rows: T[], key: (row: T) => string, value: (row: T) => number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + value(row));
  return sums;
}

async function certificatesExpiringByChild(db: Db, code: string, length: number, today: string) {
  if (!length) return [];
  const child = sql<string>`left(${certifications.orgUnitCode}, ${sql.raw(String(length))})`;
  return db
    .select({ child, n: sql<number>`count(*)::int` })
    .from(certifications)
    .where(
      and(
        isNull(certifications.deletedAt),
        underUnit(certifications.orgUnitCode, code),
        gte(certifications.expiresOn, today),
        lte(certifications.expiresOn, expiringUntil(today)),
      ),
    )
    .groupBy(child);
}

/** Thai names of the codes the dashboard's documents show, keyed `list:code`. */
export async function dashboardCodeNames(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .select()
    .from(codeLists)
    .where(inArray(codeLists.list, ['sales_channel', 'funding_source', 'standard']));
  return new Map(rows.map((r) => [`${r.list}:${r.code}`, r.nameTh]));
}
