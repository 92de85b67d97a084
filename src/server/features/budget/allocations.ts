/**
 * THE one place money balances of an activity are worked out. The register, the spending view, the expense
 * plan, the roll-up and the over-allocation / over-spending checks all read these figures, so they cannot disagree.
 */
import { and, eq, ne, sql, sum } from 'drizzle-orm';
import { isDistrict } from '#shared/fields';
import { fiscalYearOf } from '#shared/thai/index';
import { idIn } from '../../db/bulk';
import type { Db, Tx } from '../../db/client';
import { advanceRepayments, allocations, budgetItems, cashAdvances, disbursements } from '../../db/schema';
import { AppError } from '../../errors';

export interface AllocationBalance {
  unitCode: string;
  /** From the level above, net of reversals (the nation: the item's budget). */
  received: bigint;
  /** Handed down to the units below (a province's own share not included). */
  passedDown: bigint;
  /** What a province allocated to itself for its own spending. */
  ownShare: bigint;
  /** Received but not yet allocated: `received − passedDown − ownShare` (the register's remainder). */
  unallocated: bigint;
  /** What the unit may spend itself: a district everything it received, a province its own share. */
  spendable: bigint;
  /** Approved payments. */
  spent: bigint;
  /** Payments asked for and not yet approved or rejected: held from the balance. */
  pending: bigint;
  /** Cash advances drawn on this allocation (requested or open) not yet cleared by receipts or cash: held too. */
  advanced: bigint;
  /** `spendable − spent − pending − advanced`: what new payments, advances and expense plans may still use. */
  balance: bigint;
}

/**
 * Serialises writers of one unit's money for one activity (a transaction-scoped advisory lock keyed by item and
 * unit), so two districts pay at once while one district's two payments wait for each other. The database triggers
 * of migration 0012 take the same lock. A writer touching two units (an allocation) locks the giver first.
 */
export async function lockUnitBudget(tx: Tx, itemId: number, unitCode: string): Promise<void> {
  await tx.execute(sql`select lock_unit_budget(${itemId}::integer, ${unitCode}::text)`);
}

/**
 * The balances of some units for one activity, in one query. Call it inside the transaction that took
 * `lockUnitBudget` when the figures decide a write (allocating, paying, advancing), so parallel writers see each other.
 */
export async function allocationBalances(
  db: Db | Tx,
  itemId: number,
  unitCodes: string[],
): Promise<Map<string, AllocationBalance>> {
  const balances = new Map<string, AllocationBalance>();
  const codes = [...new Set(unitCodes)];
  if (!codes.length) return balances;
  const units = sql.join(
    codes.map((code) => sql`(${code}::text)`),
    sql`, `,
  );
  const sum = (where: ReturnType<typeof sql>) =>
    sql`(select coalesce(sum(${allocations.amountSatang}), 0) from ${allocations} where ${allocations.itemId} = ${itemId} and ${where})`;
  const result = (await db.execute(sql`
    select u.code as "unitCode",
      (case when u.code = 'TH'
        then (select ${budgetItems.budgetSatang} from ${budgetItems} where ${budgetItems.id} = ${itemId})
        else ${sum(sql`${allocations.toUnitCode} = u.code and ${allocations.fromUnitCode} <> u.code`)} end)::text as "received",
      ${sum(sql`${allocations.fromUnitCode} = u.code and ${allocations.toUnitCode} <> u.code`)}::text as "passedDown",
      ${sum(sql`${allocations.fromUnitCode} = u.code and ${allocations.toUnitCode} = u.code`)}::text as "ownShare",
      (select coalesce(sum(${disbursements.amountSatang}), 0) from ${disbursements}
        where ${disbursements.itemId} = ${itemId} and ${disbursements.orgUnitCode} = u.code
          and ${disbursements.status} = 'approved')::text as "spent",
      (select coalesce(sum(${disbursements.amountSatang}), 0) from ${disbursements}
        where ${disbursements.itemId} = ${itemId} and ${disbursements.orgUnitCode} = u.code
          and ${disbursements.status} = 'pending')::text as "pending",
      (select coalesce(sum(${cashAdvances.amountSatang} - coalesce((select sum(${advanceRepayments.amountSatang})
          from ${advanceRepayments} where ${advanceRepayments.advanceId} = ${cashAdvances.id}), 0)), 0)
        from ${cashAdvances}
        where ${cashAdvances.itemId} = ${itemId} and ${cashAdvances.orgUnitCode} = u.code
          and ${cashAdvances.status} in ('requested', 'open'))::text as "advanced"
    from (values ${units}) as u(code)
  `)) as unknown as {
    rows: {
      unitCode: string;
      received: string | null;
      passedDown: string;
      ownShare: string;
      spent: string;
      pending: string;
      advanced: string;
    }[];
  };
  for (const row of result.rows) {
    const received = BigInt(row.received ?? 0);
    const passedDown = BigInt(row.passedDown);
    const ownShare = BigInt(row.ownShare);
    const spent = BigInt(row.spent);
    const pending = BigInt(row.pending);
    const advanced = BigInt(row.advanced);
    const spendable = isDistrict(row.unitCode) ? received : ownShare;
    balances.set(row.unitCode, {
      unitCode: row.unitCode,
      received,
      passedDown,
      ownShare,
      unallocated: received - passedDown - ownShare,
      spendable,
      spent,
      pending,
      advanced,
      balance: spendable - spent - pending - advanced,
    });
  }
  return balances;
}

/** The balance of one unit for one activity. */
export async function allocationBalance(db: Db | Tx, itemId: number, unitCode: string): Promise<AllocationBalance> {
  return (await allocationBalances(db, itemId, [unitCode])).get(unitCode)!;
}

/** What one unit received from the level above for each of some items, net of reversals (items with none left out). */
export async function receivedByItem(db: Db | Tx, unitCode: string, itemIds: number[]): Promise<Map<number, bigint>> {
  if (!itemIds.length) return new Map();
  const rows = await db
    .select({ itemId: allocations.itemId, received: sum(allocations.amountSatang) })
    .from(allocations)
    .where(and(idIn(allocations.itemId, itemIds), eq(allocations.toUnitCode, unitCode), ne(allocations.fromUnitCode, unitCode)))
    .groupBy(allocations.itemId);
  return new Map(rows.map((r) => [r.itemId, BigInt(r.received ?? 0)]));
}

/** The quarters of the item's fiscal year in which a unit received money for it (net of reversals), e.g. [3]. */
export async function allocatedQuarters(db: Db | Tx, itemId: number, unitCode: string): Promise<number[]> {
  const rows = await db
    .select({ quarter: allocations.quarter })
    .from(allocations)
    .where(and(eq(allocations.itemId, itemId), eq(allocations.toUnitCode, unitCode)))
    .groupBy(allocations.quarter)
    .having(sql`sum(${allocations.amountSatang}) > 0`)
    .orderBy(allocations.quarter);
  return rows.map((r) => r.quarter);
}

/**
 * The seed's rule "disburse and procure within the quarter": a day outside the item's fiscal year or outside the
 * quarters the unit was allocated money in is refused unless a reason is given (min. 10 characters). `what` names
 * the record in the error ("payment", "action plan month").
 */
export async function requireInAllocatedQuarter(
  db: Db | Tx,
  check: { itemId: number; unitCode: string; day: string; reason: string },
): Promise<void> {
  const [item] = await db
    .select({ fiscalYear: budgetItems.fiscalYear })
    .from(budgetItems)
    .where(eq(budgetItems.id, check.itemId));
  if (!item) return;
  const quarters = await allocatedQuarters(db, check.itemId, check.unitCode);
  const { fiscalYear, quarter } = fiscalYearOf(check.day);
  const inside = fiscalYear === item.fiscalYear && quarters.includes(quarter);
  if (!inside && check.reason.trim().length < 10)
    throw new AppError('spending.outside_quarter', {
      params: { quarters: quarters.join(', ') || '-', fiscalYear: String(item.fiscalYear) },
    });
}
