import { and, asc, eq, gte, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { expiringUntil } from '#shared/certifications';
import type { Dashboard, DashboardChild, DashboardQuery } from '#shared/dashboards';
import { monthsBetween } from '#shared/sales';
import { fiscalRange, fiscalYearOf } from '#shared/thai/index';
import { type Actor, inScope, requirePermission } from '../../access';
import { thaiToday } from '../../clock';
import type { Db } from '../../db/client';
import { underUnit } from '../../db/filters';
import { activities, activityPeople, certifications, codeLists, fundingApplications, orgUnits, services } from '../../db/schema';
import { AppError } from '../../errors';
import { listCertifications } from '../certifications/certifications.service';
import { pipelineOf } from '../pipeline/pipeline.service';
import { salesSummary } from '../sales/sales.service';
import { type RollupFigures, rollupFigures, sumFigures } from '../spending/rollup.service';

/** How many of the certificates expiring soon the dashboard names. */
const NEXT_CERTIFICATES = 5;

type Level = Dashboard['level'];
const childLengthOf = (level: Level) => (level === 'national' ? 2 : level === 'province' ? 4 : 0);

/**
 * Everything the dashboard of a district, a province or the nation shows for a fiscal year or one quarter. Each
 * block is one grouped query over the unit's records (per month and per unit one level down), so the nation costs
 * the same number of queries as a district.
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

  // A literal, not a parameter: GROUP BY must see the same expression as SELECT.
  const child = (column: AnyPgColumn) => sql<string>`left(${column}, ${sql.raw(String(length))})`;
  const month = (column: AnyPgColumn) => sql<string>`to_char(${column}, 'YYYY-MM')`;
  const counted = sql<number>`count(*)::int`;
  const inPeriod = (column: AnyPgColumn) => and(gte(column, from), lte(column, to));
  const live = (table: { orgUnitCode: AnyPgColumn; deletedAt: AnyPgColumn }): SQL =>
    and(isNull(table.deletedAt), underUnit(table.orgUnitCode, code))!;

  const [serviceRows, activityRows, attendeeRows, fundingRows, fundingByChild, certByChild, budget] = await Promise.all([
    db
      .select({ child: child(services.orgUnitCode), month: month(services.serviceDate), n: counted })
      .from(services)
      .where(and(live(services), inPeriod(services.serviceDate)))
      .groupBy(child(services.orgUnitCode), month(services.serviceDate)),
    db
      .select({ child: child(activities.orgUnitCode), month: month(activities.startsOn), n: counted })
      .from(activities)
      .where(and(live(activities), inPeriod(activities.startsOn)))
      .groupBy(child(activities.orgUnitCode), month(activities.startsOn)),
    db
      .select({ child: child(activities.orgUnitCode), month: month(activities.startsOn), n: counted })
      .from(activityPeople)
      .innerJoin(activities, eq(activities.id, activityPeople.activityId))
      .where(and(live(activities), inPeriod(activities.startsOn), eq(activityPeople.attended, true)))
      .groupBy(child(activities.orgUnitCode), month(activities.startsOn)),
    db
      .select({
        source: fundingApplications.sourceCode,
        applied: sql<number>`(count(*) filter (where ${inPeriod(fundingApplications.appliedOn)}))::int`,
        approved: sql<number>`(count(*) filter (where ${approvedIn(from, to)}))::int`,
        approvedSatang: sql<string>`coalesce(sum(${fundingApplications.approvedSatang}) filter (where ${approvedIn(from, to)}), 0)::text`,
      })
      .from(fundingApplications)
      .where(live(fundingApplications))
      .groupBy(fundingApplications.sourceCode)
      .orderBy(asc(fundingApplications.sourceCode)),
    db
      .select({
        child: child(fundingApplications.orgUnitCode),
        n: counted,
        satang: sql<string>`sum(${fundingApplications.approvedSatang})::text`,
      })
      .from(fundingApplications)
      .where(and(live(fundingApplications), approvedIn(from, to)))
      .groupBy(child(fundingApplications.orgUnitCode)),
    certificatesExpiringByChild(db, code, length, today),
    rollupFigures(db, code, { fiscalYear, today }),
  ]);
  const [sales, pipeline, certificates] = await Promise.all([
    salesSummary(db, actor, { unit: code, from: from.slice(0, 7), to: to.slice(0, 7) }),
    pipelineOf(db, actor, { unit: code, fiscalYear }),
    listCertifications(db, actor, { unit: code, status: 'expiring', page: 1, pageSize: NEXT_CERTIFICATES }),
  ]);

  const months = monthsBetween(from.slice(0, 7), to.slice(0, 7));
  const byMonth = (rows: { month: string; n: number }[]) =>
    sumBy(
      rows,
      (r) => r.month,
      (r) => r.n,
    );
  const servicesByMonth = byMonth(serviceRows);
  const activitiesByMonth = byMonth(activityRows);
  const attendeesByMonth = byMonth(attendeeRows);
  const salesByMonth = new Map<string, bigint>();
  for (const p of sales.points) salesByMonth.set(p.month, (salesByMonth.get(p.month) ?? 0n) + BigInt(p.amountSatang));

  const children = length
    ? await db
        .select()
        .from(orgUnits)
        .where(and(eq(orgUnits.parentCode, code), eq(orgUnits.covered, true)))
        .orderBy(orgUnits.code)
    : [];
  const byChild = (rows: { child: string; n: number }[]) =>
    sumBy(
      rows,
      (r) => r.child,
      (r) => r.n,
    );
  const servicesByChild = byChild(serviceRows);
  const activitiesByChild = byChild(activityRows);
  const attendeesByChild = byChild(attendeeRows);
  const salesByChild = new Map(sales.units.map((u) => [u.code, u.amountSatang]));
  const funding = new Map(fundingByChild.map((r) => [r.child, r]));
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
    salesByChannel: sales.points,
    funding: fundingRows.map((r) => ({
      sourceCode: r.source,
      applied: r.applied,
      approved: r.approved,
      approvedSatang: r.approvedSatang,
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
        salesSatang: salesByChild.get(c.code) ?? '0',
        fundingApproved: funding.get(c.code)?.n ?? 0,
        fundingApprovedSatang: funding.get(c.code)?.satang ?? '0',
        certificatesExpiring: certs.get(c.code) ?? 0,
        budgetReceivedSatang: String(budget.get(c.code)?.received ?? 0n),
        budgetSpentSatang: spentIn(budget.get(c.code)),
      }),
    ),
  };
}

const approvedIn = (from: string, to: string) =>
  and(
    eq(fundingApplications.status, 'approved'),
    gte(fundingApplications.decidedOn, from),
    lte(fundingApplications.decidedOn, to),
  );

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
