/**
 * The roll-up of a fiscal year's money under a unit: one row per unit one level down and the unit's own share.
 * The figures follow `allocationBalances` (budget/allocations.ts) exactly: allocated = what the units may spend
 * themselves (a district what it received, a province or the nation its own share), spent = approved payments,
 * pending = payments awaiting approval. Every figure is one query grouped by the child's code prefix, so the nation
 * (878 districts) costs the same five queries as a district. Dashboards and work plans read their budget figures here.
 */
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { levelOf } from '#shared/fields';
import type { Rollup, rollupQuery } from '#shared/spending';
import { fiscalRange, fiscalYearOf } from '#shared/thai/index';
import { type Actor, inScope, requirePermission } from '../../access';
import { thaiToday } from '../../clock';
import type { Db } from '../../db/client';
import { underUnit } from '../../db/filters';
import { rowsOf } from '../../db/rows';
import { budgetItems, orgUnits } from '../../db/schema';
import { AppError } from '../../errors';

type Quarter = 1 | 2 | 3 | 4;

export interface RollupFigures {
  /** The row's unit (a unit one level down, or the unit asked about: its own share). */
  unitCode: string;
  /** What the row's unit itself received from the level above, net of reversals (the nation: the activities' budget). */
  received: bigint;
  /** Spendable money of the row's unit and every unit under it. */
  allocated: bigint;
  /** Approved payments. */
  spent: bigint;
  /** Payments awaiting approval. */
  pending: bigint;
  /** Approved payments by the fiscal quarter they were paid in (earlier days count in Q1, later ones in Q4). */
  spentByQuarter: [bigint, bigint, bigint, bigint];
  /** Expense plans submitted late, or not submitted with the province's deadline passed. */
  lateExpensePlans: number;
  openAdvances: number;
  /** What the open advances still owe: amount − repayments. */
  openAdvancesSatang: bigint;
  /** Open advances due before today. */
  overdueAdvances: number;
}

const empty = (unitCode: string): RollupFigures => ({
  unitCode,
  received: 0n,
  allocated: 0n,
  spent: 0n,
  pending: 0n,
  spentByQuarter: [0n, 0n, 0n, 0n],
  lateExpensePlans: 0,
  openAdvances: 0,
  openAdvancesSatang: 0n,
  overdueAdvances: 0,
});

/**
 * The figures of the fiscal year (or of one of its activities) under `unitCode`, keyed by the row's unit: each unit
 * one level down that has any, and `unitCode` itself for its own share. The caller has checked the scope.
 * `followUps: false` leaves out late expense plans and open advances (zero), for views that show only the money.
 */
export async function rollupFigures(
  db: Db,
  unitCode: string,
  options: { fiscalYear: number; itemId?: number; today: string; followUps?: boolean },
): Promise<Map<string, RollupFigures>> {
  const { fiscalYear, itemId, today, followUps = true } = options;
  const year = fiscalRange(fiscalYear);
  // The row a unit's record counts in: its code cut to the length of the level below (a literal, grouped by 1).
  const width = sql.raw(String(levelOf(unitCode) === 'national' ? 2 : 4));
  const key = (column: SQL) => sql`left(${column}, ${width})`;
  const under = (column: SQL) => underUnit(column, unitCode);
  const items = sql`(select ${budgetItems.id} from ${budgetItems} where ${budgetItems.fiscalYear} = ${fiscalYear}
    ${itemId ? sql`and ${budgetItems.id} = ${itemId}` : sql``})`;
  // A district spends what it received, a province (or the nation) what it allocated to itself: allocationBalance.
  const spendable = sql`(length(a.to_unit_code) = 4 and a.from_unit_code <> a.to_unit_code)
    or (length(a.to_unit_code) <> 4 and a.from_unit_code = a.to_unit_code)`;
  const quarterPaid = sql`case when d.paid_on < ${year.start} then 1 when d.paid_on > ${year.end} then 4
    else (extract(month from d.paid_on)::int + 2) % 12 / 3 + 1 end`;
  const approvedIn = (q: number) =>
    sql`coalesce(sum(d.amount_satang) filter (where d.status = 'approved' and ${quarterPaid} = ${q}), 0)::text`;

  const [money, payments, late, advances, budget] = await Promise.all([
    rowsOf<{ key: string; allocated: string; received: string }>(
      db,
      sql`select ${key(sql`a.to_unit_code`)} as key,
          coalesce(sum(a.amount_satang) filter (where ${spendable}), 0)::text as allocated,
          coalesce(sum(a.amount_satang) filter (where a.to_unit_code = ${key(sql`a.to_unit_code`)}
            and a.from_unit_code <> a.to_unit_code), 0)::text as received
        from allocations a
        where a.item_id in ${items} and ${under(sql`a.to_unit_code`)}
        group by 1`,
    ),
    rowsOf<{ key: string; spent: string; pending: string; q1: string; q2: string; q3: string; q4: string }>(
      db,
      sql`select ${key(sql`d.org_unit_code`)} as key,
          coalesce(sum(d.amount_satang) filter (where d.status = 'approved'), 0)::text as spent,
          coalesce(sum(d.amount_satang) filter (where d.status = 'pending'), 0)::text as pending,
          ${approvedIn(1)} as q1, ${approvedIn(2)} as q2, ${approvedIn(3)} as q3, ${approvedIn(4)} as q4
        from disbursements d
        where d.item_id in ${items} and ${under(sql`d.org_unit_code`)}
        group by 1`,
    ),
    // The districts that received money for an activity, each late if its plan went in late, or if it has sent
    // none (or only a draft) and the province's deadline has passed: the province's submissions list, counted.
    !followUps
      ? []
      : rowsOf<{ key: string; late: number }>(
          db,
          sql`select ${key(sql`r.unit`)} as key, count(*)::int as late
        from (
          select a.item_id, a.to_unit_code as unit from allocations a
          where a.item_id in ${items} and ${under(sql`a.to_unit_code`)}
            and length(a.to_unit_code) = 4 and a.from_unit_code <> a.to_unit_code
          group by a.item_id, a.to_unit_code
          having sum(a.amount_satang) > 0
        ) r
        left join expense_plans p on p.item_id = r.item_id and p.org_unit_code = r.unit
        left join expense_deadlines dl on dl.item_id = r.item_id and dl.province_code = left(r.unit, 2)
        where p.days_late > 0 or ((p.id is null or p.status = 'draft') and dl.deadline < ${today})
        group by 1`,
        ),
    // Advances made before they named an activity count in the year they were received (whole-year view only).
    !followUps
      ? []
      : rowsOf<{ key: string; open: number; owed: string; overdue: number }>(
          db,
          sql`select ${key(sql`c.org_unit_code`)} as key, count(*)::int as open,
          coalesce(sum(c.amount_satang - coalesce((select sum(r.amount_satang) from advance_repayments r
            where r.advance_id = c.id), 0)), 0)::text as owed,
          (count(*) filter (where c.due_on < ${today}))::int as overdue
        from cash_advances c
        where c.status = 'open' and ${under(sql`c.org_unit_code`)}
          and (c.item_id in ${items}
            ${itemId ? sql`` : sql`or (c.item_id is null and c.received_on between ${year.start} and ${year.end})`})
        group by 1`,
        ),
    unitCode === 'TH'
      ? db
          .select({ satang: sql<string>`coalesce(sum(${budgetItems.budgetSatang}), 0)::text` })
          .from(budgetItems)
          .where(
            and(
              eq(budgetItems.fiscalYear, fiscalYear),
              eq(budgetItems.level, 'activity'),
              itemId ? eq(budgetItems.id, itemId) : undefined,
            ),
          )
      : Promise.resolve([]),
  ]);

  const figures = new Map<string, RollupFigures>();
  const row = (code: string) => {
    if (!figures.has(code)) figures.set(code, empty(code));
    return figures.get(code)!;
  };
  for (const r of money) Object.assign(row(r.key), { allocated: BigInt(r.allocated), received: BigInt(r.received) });
  for (const r of payments)
    Object.assign(row(r.key), {
      spent: BigInt(r.spent),
      pending: BigInt(r.pending),
      spentByQuarter: [BigInt(r.q1), BigInt(r.q2), BigInt(r.q3), BigInt(r.q4)],
    });
  for (const r of late) row(r.key).lateExpensePlans = r.late;
  for (const r of advances)
    Object.assign(row(r.key), { openAdvances: r.open, openAdvancesSatang: BigInt(r.owed), overdueAdvances: r.overdue });
  if (budget.length) row('TH').received = BigInt(budget[0].satang);
  return figures;
}

/** The sum of some rows' figures. */
export function sumFigures(unitCode: string, rows: Iterable<RollupFigures>): RollupFigures {
  const total = empty(unitCode);
  for (const r of rows) {
    total.received += r.received;
    total.allocated += r.allocated;
    total.spent += r.spent;
    total.pending += r.pending;
    total.spentByQuarter = total.spentByQuarter.map((s, i) => s + r.spentByQuarter[i]) as RollupFigures['spentByQuarter'];
    total.lateExpensePlans += r.lateExpensePlans;
    total.openAdvances += r.openAdvances;
    total.openAdvancesSatang += r.openAdvancesSatang;
    total.overdueAdvances += r.overdueAdvances;
  }
  return total;
}

/** The quarter a year's "spent by quarter end" is measured at: today's for the current year, the last for a past one. */
export function measuredQuarter(fiscalYear: number, today: string): Quarter {
  const now = fiscalYearOf(today);
  if (fiscalYear < now.fiscalYear) return 4;
  return fiscalYear === now.fiscalYear ? now.quarter : 1;
}

/** Share of `allocated` paid by the end of `quarter`, to four decimals (0 when nothing was allocated). */
const shareBy = (f: RollupFigures, quarter: Quarter) => {
  if (!f.allocated) return 0;
  const paid = f.spentByQuarter.slice(0, quarter).reduce((sum, s) => sum + s, 0n);
  return Number((paid * 20_000n + f.allocated) / (2n * f.allocated)) / 10_000;
};

const money = (f: RollupFigures, quarter: Quarter) => ({
  allocatedSatang: String(f.allocated),
  spentSatang: String(f.spent),
  pendingSatang: String(f.pending),
  remainingSatang: String(f.allocated - f.spent),
  spentShareByQuarterEnd: shareBy(f, quarter),
  lateExpensePlans: f.lateExpensePlans,
  openAdvances: f.openAdvances,
  openAdvancesSatang: String(f.openAdvancesSatang),
  overdueAdvances: f.overdueAdvances,
});

/** GET /api/spending/rollup: a district its own row; a province a row per district and its own share; the nation per province. */
export async function rollupOf(db: Db, actor: Actor, query: z.infer<typeof rollupQuery>): Promise<Rollup> {
  requirePermission(actor, 'budget.read');
  // Another unit's roll-up looks like no unit at all, as its records and dashboard do.
  if (!inScope(actor, query.unit)) throw new AppError('org_unit.not_found', { params: { code: query.unit } });
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.code, query.unit));
  if (!unit) throw new AppError('org_unit.not_found', { params: { code: query.unit } });
  if (query.itemId) {
    const [item] = await db
      .select({ id: budgetItems.id })
      .from(budgetItems)
      .where(and(eq(budgetItems.id, query.itemId), eq(budgetItems.fiscalYear, query.fiscalYear)));
    if (!item) throw new AppError('budget.item_not_found');
  }
  const today = thaiToday();
  const quarter = measuredQuarter(query.fiscalYear, today);
  const figures = await rollupFigures(db, unit.code, { fiscalYear: query.fiscalYear, itemId: query.itemId, today });
  // Every covered unit one level down has a row, and any other that has money of the year.
  const children =
    unit.level === 'district'
      ? []
      : await db
          .select()
          .from(orgUnits)
          .where(
            and(
              eq(orgUnits.parentCode, unit.code),
              or(eq(orgUnits.covered, true), inArray(orgUnits.code, [...figures.keys(), ''])),
              underUnit(orgUnits.code, unit.code),
            ),
          )
          .orderBy(orgUnits.code);
  const rows = [...children.map((c) => ({ unit: c, ownShare: false })), { unit, ownShare: unit.level !== 'district' }].map(
    ({ unit: u, ownShare }) => ({
      unitCode: u.code,
      nameTh: u.nameTh,
      nameEn: u.nameEn,
      ownShare,
      ...money(figures.get(u.code) ?? empty(u.code), quarter),
    }),
  );
  return {
    unit: { code: unit.code, nameTh: unit.nameTh, nameEn: unit.nameEn },
    fiscalYear: query.fiscalYear,
    quarter,
    rows,
    total: money(
      sumFigures(
        unit.code,
        rows.map((r) => figures.get(r.unitCode) ?? empty(r.unitCode)),
      ),
      quarter,
    ),
  };
}
