/**
 * THE one place money balances of an activity are worked out. The register, the spending view, the expense
 * plan and the over-allocation / over-spending checks all read these figures, so they cannot disagree.
 */
import { and, eq, inArray, ne, sql, sum } from 'drizzle-orm';
import { isDistrict } from '#shared/fields';
import type { Db, Tx } from '../../db/client';
import { allocations, budgetItems, disbursements } from '../../db/schema';

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
  spent: bigint;
  /** `spendable − spent`: what payments and expense plans may still use. */
  balance: bigint;
}

/**
 * The balances of some units for one activity, in one query. Call it inside the transaction that locked the
 * item row when the figures decide a write (allocating, paying), so parallel writers see each other.
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
        where ${disbursements.itemId} = ${itemId} and ${disbursements.orgUnitCode} = u.code)::text as "spent"
    from (values ${units}) as u(code)
  `)) as unknown as {
    rows: { unitCode: string; received: string | null; passedDown: string; ownShare: string; spent: string }[];
  };
  for (const row of result.rows) {
    const received = BigInt(row.received ?? 0);
    const passedDown = BigInt(row.passedDown);
    const ownShare = BigInt(row.ownShare);
    const spent = BigInt(row.spent);
    const spendable = isDistrict(row.unitCode) ? received : ownShare;
    balances.set(row.unitCode, {
      unitCode: row.unitCode,
      received,
      passedDown,
      ownShare,
      unallocated: received - passedDown - ownShare,
      spendable,
      spent,
      balance: spendable - spent,
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
    .where(
      and(inArray(allocations.itemId, itemIds), eq(allocations.toUnitCode, unitCode), ne(allocations.fromUnitCode, unitCode)),
    )
    .groupBy(allocations.itemId);
  return new Map(rows.map((r) => [r.itemId, BigInt(r.received ?? 0)]));
}
