import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ResultFigures } from '#shared/indicators';
import type { ReportSummary, ReportSummaryRow, reportSummaryQuery } from '#shared/reports';
import { type Actor, requireInScope, requirePermission } from '../../access';
import type { Db } from '../../db/client';

const COUNTS = [
  'wisdomItems',
  'groupsFormed',
  'otopRegistrations',
  'certificates',
  'services',
  'activities',
  'attendees',
  'outcomesVerified',
] as const;
const MONEY = ['salesSatang', 'fundingApprovedSatang'] as const;

type Row = Omit<ReportSummaryRow, 'results'> & Record<(typeof COUNTS)[number] | (typeof MONEY)[number], string | number>;

const resultsOf = (row: Row): ResultFigures => ({
  ...(Object.fromEntries(COUNTS.map((k) => [k, Number(row[k])])) as Record<(typeof COUNTS)[number], number>),
  salesSatang: String(row.salesSatang),
  fundingApprovedSatang: String(row.fundingApprovedSatang),
});

/**
 * The reports of a quarter under a unit, one row per child unit (provinces of the nation, districts of a province,
 * the district itself): covered districts, reports by status, and the sums of the approved reports' results.
 */
export async function reportSummary(db: Db, actor: Actor, query: z.infer<typeof reportSummaryQuery>): Promise<ReportSummary> {
  requirePermission(actor, 'pipeline.read');
  const unit = query.unit ?? actor.orgUnitCode;
  requireInScope(actor, unit);
  const children =
    unit.length === 4
      ? sql`select code, name_th, name_en from org_units where code = ${unit}`
      : sql`select code, name_th, name_en from org_units where parent_code = ${unit} and covered`;
  const approved = sql`r.status = 'approved'`;
  const sums = [
    ...COUNTS.map(
      (k) => sql`coalesce(sum((r.figures->'results'->>${k})::bigint) filter (where ${approved}), 0)::int as ${sql.identifier(k)}`,
    ),
    ...MONEY.map(
      (k) =>
        sql`coalesce(sum((r.figures->'results'->>${k})::bigint) filter (where ${approved}), 0)::text as ${sql.identifier(k)}`,
    ),
  ];
  const result = (await db.execute(sql`
    select c.code, c.name_th as "nameTh", c.name_en as "nameEn",
      count(d.code)::int as districts,
      count(r.id) filter (where r.status = 'submitted')::int as submitted,
      count(r.id) filter (where r.status = 'returned')::int as returned,
      count(r.id) filter (where ${approved})::int as approved,
      (count(d.code) - count(r.id) filter (where r.status <> 'draft'))::int as missing,
      ${sql.join(sums, sql`, `)}
    from (${children}) c
    left join org_units d on d.level = 'district' and d.covered and d.code like c.code || '%'
    left join quarterly_reports r on r.org_unit_code = d.code and r.fiscal_year = ${query.fiscalYear}
      and r.quarter = ${query.quarter} and r.deleted_at is null
    group by c.code, c.name_th, c.name_en
    order by c.code
  `)) as unknown as { rows: Row[] };
  const rows = result.rows.map((row) => ({ ...row, results: resultsOf(row) }));
  const [unitRow] = (
    (await db.execute(sql`select name_th as "nameTh", name_en as "nameEn" from org_units where code = ${unit}`)) as unknown as {
      rows: { nameTh: string; nameEn: string }[];
    }
  ).rows;
  const add = (key: keyof ResultFigures) => rows.reduce((sum, r) => sum + BigInt(r.results[key]), 0n);
  const total: ReportSummaryRow = {
    code: unit,
    ...unitRow,
    districts: rows.reduce((n, r) => n + r.districts, 0),
    submitted: rows.reduce((n, r) => n + r.submitted, 0),
    returned: rows.reduce((n, r) => n + r.returned, 0),
    approved: rows.reduce((n, r) => n + r.approved, 0),
    missing: rows.reduce((n, r) => n + r.missing, 0),
    results: {
      ...(Object.fromEntries(COUNTS.map((k) => [k, Number(add(k))])) as Record<(typeof COUNTS)[number], number>),
      salesSatang: String(add('salesSatang')),
      fundingApprovedSatang: String(add('fundingApprovedSatang')),
    },
  };
  return {
    unit,
    fiscalYear: query.fiscalYear,
    quarter: query.quarter,
    rows: rows.map(({ code, nameTh, nameEn, districts, submitted, returned, approved, missing, results }) => ({
      code,
      nameTh,
      nameEn,
      districts,
      submitted,
      returned,
      approved,
      missing,
      results,
    })),
    total,
  };
}
