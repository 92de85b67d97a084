/**
 * Center indicators per period (DOMAIN.md §5, operating rules 6.3): one center's, a summary per child unit, the
 * province's completeness matrix and the records behind a cell. Computed in `indicators.compute.ts`.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  CENTER_INDICATORS,
  type CenterIndicators,
  type centerIndicatorsQuery,
  type IndicatorSummary,
  type IndicatorSummaryRow,
  type indicatorSummaryQuery,
  type Matrix,
  type matrixQuery,
  type ResultFigures,
} from '#shared/indicators';
import { fiscalYearOf } from '#shared/thai/index';
import { type Actor, inScope, requirePermission } from '../../access';
import { thaiToday } from '../../clock';
import type { Db, Tx } from '../../db/client';
import { underUnit } from '../../db/filters';
import { AppError } from '../../errors';
import { type CenterDetail, computeCenters, emptyFigures, fiscalMonths, type Quarter, resultsOf } from './indicators.compute';

/**
 * The indicators and results of each center (district code) for a fiscal year, or one quarter of it, in the
 * order given. No access check: callers check the scope.
 */
export async function indicatorsOfCenters(
  db: Db | Tx,
  unitCodes: string[],
  fiscalYear: number,
  quarter: Quarter | null,
): Promise<CenterIndicators[]> {
  const [details, results] = await Promise.all([
    computeCenters(db, unitCodes, fiscalYear, quarter),
    resultsOf(db, unitCodes, fiscalYear, quarter),
  ]);
  return details.map((d) => ({
    unitCode: d.unitCode,
    fiscalYear,
    quarter,
    indicators: d.indicators,
    results: results.get(d.unitCode) ?? emptyFigures(),
  }));
}

interface Unit {
  code: string;
  nameTh: string;
  nameEn: string;
  level: 'national' | 'province' | 'district';
}

/** The unit asked for, in the actor's scope and readable by it; anything else is "not found". */
export async function unitInView(db: Db | Tx, actor: Actor, code: string | undefined): Promise<Unit> {
  requirePermission(actor, 'pipeline.read');
  const unit = code ?? actor.orgUnitCode;
  const rows = (await db.execute(
    sql`select code, name_th as "nameTh", name_en as "nameEn", level from org_units where code = ${unit}`,
  )) as unknown as { rows: Unit[] };
  if (!rows.rows[0] || !inScope(actor, unit)) throw new AppError('org_unit.not_found', { params: { code: unit } });
  return rows.rows[0];
}

/** The districts with a center under a unit, with their names, in code order. */
async function centersUnder(db: Db | Tx, unit: string): Promise<Unit[]> {
  const rows = (await db.execute(
    sql`select u.code, u.name_th as "nameTh", u.name_en as "nameEn", u.level from centers c
      join org_units u on u.code = c.org_unit_code where u.level = 'district' and ${underUnit(sql`u.code`, unit)} order by u.code`,
  )) as unknown as { rows: Unit[] };
  return rows.rows;
}

export const currentFiscalYear = () => fiscalYearOf(thaiToday()).fiscalYear;

/** One center's indicators (`GET /api/indicators`). */
export async function centerIndicatorsOf(
  db: Db,
  actor: Actor,
  query: z.infer<typeof centerIndicatorsQuery>,
): Promise<CenterIndicators> {
  const unit = await unitInView(db, actor, query.unit);
  if (unit.level !== 'district') throw new AppError('org_unit.not_found', { params: { code: unit.code } });
  const [row] = await indicatorsOfCenters(
    db,
    [unit.code],
    query.fiscalYear ?? currentFiscalYear(),
    (query.quarter as Quarter | undefined) ?? null,
  );
  return row;
}

const addSatang = (a: string, b: string) => (BigInt(a) + BigInt(b)).toString();

function addResults(sum: ResultFigures, more: ResultFigures): ResultFigures {
  const sums = { ...sum } as unknown as Record<string, number | string>;
  for (const [key, value] of Object.entries(more))
    sums[key] = typeof value === 'string' ? addSatang(String(sums[key]), value) : Number(sums[key]) + value;
  return sums as unknown as ResultFigures;
}

function summed(unit: Omit<Unit, 'level'>, centers: CenterDetail[], results: ResultFigures): IndicatorSummaryRow {
  const met = Object.fromEntries(CENTER_INDICATORS.map((i) => [i, 0])) as IndicatorSummaryRow['met'];
  for (const c of centers) for (const i of CENTER_INDICATORS) if (c.indicators[i] === 'met') met[i] += 1;
  return { code: unit.code, nameTh: unit.nameTh, nameEn: unit.nameEn, centers: centers.length, met, results };
}

/** The child units of a unit that have centers: provinces of the nation, districts of a province, or itself. */
async function childUnits(db: Db | Tx, unit: Unit, centers: Unit[]): Promise<Unit[]> {
  if (unit.level === 'district') return [unit];
  if (unit.level === 'province') return centers;
  const codes = [...new Set(centers.map((c) => c.code.slice(0, 2)))];
  if (!codes.length) return [];
  const rows = (await db.execute(
    sql`select code, name_th as "nameTh", name_en as "nameEn", level from org_units
      where code = any(${`{${codes.join(',')}}`}::text[]) order by code`,
  )) as unknown as { rows: Unit[] };
  return rows.rows;
}

async function summaryOf(db: Db | Tx, unit: Unit, fiscalYear: number, quarter: Quarter | null): Promise<IndicatorSummary> {
  const centers = unit.level === 'district' ? [unit] : await centersUnder(db, unit.code);
  const children = await childUnits(db, unit, centers);
  // Results per child from its own summary rows: the nation reads 77 province rows, not 878 districts' months.
  const [all, results] = await Promise.all([
    computeCenters(
      db,
      centers.map((c) => c.code),
      fiscalYear,
      quarter,
    ),
    resultsOf(
      db,
      children.map((c) => c.code),
      fiscalYear,
      quarter,
    ),
  ]);
  const keyLength = unit.level === 'national' ? 2 : 4;
  const byChild = new Map<string, CenterDetail[]>();
  for (const c of all) {
    const key = c.unitCode.slice(0, keyLength);
    byChild.set(key, [...(byChild.get(key) ?? []), c]);
  }
  const rows = children.map((child) => summed(child, byChild.get(child.code) ?? [], results.get(child.code) ?? emptyFigures()));
  return {
    unit: unit.code,
    fiscalYear,
    quarter,
    rows,
    total: summed(unit, all, rows.map((r) => r.results).reduce(addResults, emptyFigures())),
  };
}

/**
 * `GET /api/indicators/summary`: the nation → a row per province, a province → a row per district, a district →
 * its own row; each with its centers, how many meet each indicator, and the summed results.
 */
export async function indicatorSummary(
  db: Db | Tx,
  actor: Actor,
  query: z.infer<typeof indicatorSummaryQuery>,
): Promise<IndicatorSummary> {
  const unit = await unitInView(db, actor, query.unit);
  return summaryOf(db, unit, query.fiscalYear ?? currentFiscalYear(), (query.quarter as Quarter | undefined) ?? null);
}

/** `GET /api/indicators/matrix`: districts × months / quarters / yearly indicators; the nation gets the summary. */
export async function matrixOf(db: Db, actor: Actor, query: z.infer<typeof matrixQuery>): Promise<Matrix> {
  const unit = await unitInView(db, actor, query.unit);
  const fiscalYear = query.fiscalYear ?? currentFiscalYear();
  const months = fiscalMonths(fiscalYear).map((m) => m.month);
  if (unit.level === 'national') {
    const summary = await summaryOf(db, unit, fiscalYear, null);
    return { unit: unit.code, level: unit.level, fiscalYear, months, rows: [], provinces: summary.rows };
  }
  const centers = unit.level === 'district' ? [unit] : await centersUnder(db, unit.code);
  const details = await computeCenters(
    db,
    centers.map((c) => c.code),
    fiscalYear,
    null,
  );
  const byCode = new Map<string, CenterDetail>(details.map((d) => [d.unitCode, d]));
  return {
    unit: unit.code,
    level: unit.level,
    fiscalYear,
    months,
    provinces: [],
    rows: centers.map((c) => {
      const d = byCode.get(c.code)!;
      return {
        code: c.code,
        nameTh: c.nameTh,
        nameEn: c.nameEn,
        activities: d.activityMonths,
        meetings: d.meetingQuarters,
        publicity: d.publicityQuarters,
        yearly: {
          committee_valid: d.indicators.committee_valid,
          plans_present: d.indicators.plans_present,
          lessons_recorded: d.indicators.lessons_recorded,
          operating_guidelines: d.indicators.operating_guidelines,
        },
      };
    }),
  };
}
