/** Balances never negative in the database itself: raw SQL that would break them fails (migration 0010). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t?.close());

/** The error text of a failed statement (drizzle wraps the driver's error as its cause), or null on success. */
async function failure(query: string): Promise<string | null> {
  try {
    await t.rows(query);
    return null;
  } catch (error) {
    const e = error as Error & { cause?: Error };
    return `${e.message} ${e.cause?.message ?? ''}`;
  }
}

/** A district holding money for an item: its province, and what it received and spent. */
async function districtWithMoney(): Promise<{
  itemId: number;
  province: string;
  district: string;
  received: bigint;
  spent: bigint;
}> {
  const [row] = await t.rows(`
    select a.item_id as "itemId", a.from_unit_code as "province", a.to_unit_code as "district",
      sum(a.amount_satang)::bigint as "received",
      (select coalesce(sum(d.amount_satang), 0) from disbursements d
        where d.item_id = a.item_id and d.org_unit_code = a.to_unit_code)::bigint as "spent"
    from allocations a where length(a.to_unit_code) = 4
    group by 1, 2, 3 having sum(a.amount_satang) > 0 order by 1, 3 limit 1`);
  expect(row, 'the demo data has a district holding money').toBeTruthy();
  return { ...row, received: BigInt(row.received), spent: BigInt(row.spent) };
}

const disbursement = (itemId: number, unit: string, amount: bigint) => `
  insert into disbursements (item_id, org_unit_code, paid_on, description, category, amount_satang, procurement_method, document_no)
  values (${itemId}, '${unit}', '2026-01-15', 'raw insert', 'materials', ${amount}, 'none', 'RAW-1')`;

const allocation = (itemId: number, from: string, to: string, amount: bigint) => `
  insert into allocations (item_id, from_unit_code, to_unit_code, quarter, category, amount_satang, note)
  values (${itemId}, '${from}', '${to}', 1, 'materials', ${amount}, 'raw insert')`;

describe('a balance can never go negative in the database', () => {
  it('refuses a payment of more than the district has left, and takes one that fits', async () => {
    const d = await districtWithMoney();
    const left = d.received - d.spent;
    expect(await failure(disbursement(d.itemId, d.district, left + 1n))).toContain('would be negative');
    expect(await failure(disbursement(d.itemId, d.district, left))).toBeNull();
    expect(await failure(disbursement(d.itemId, d.district, 1n))).toContain('would be negative');
  });

  it('refuses a reversal that takes back from a district more than it still holds', async () => {
    const d = await districtWithMoney();
    const left = d.received - d.spent;
    if (left > 0n) expect(await failure(disbursement(d.itemId, d.district, left))).toBeNull();
    // Everything is spent now: taking back even one satang would leave the district at −1.
    expect(await failure(allocation(d.itemId, d.province, d.district, -1n))).toContain('would be negative');
  });

  it('refuses an allocation of more than the allocating unit has not yet passed on', async () => {
    const [item] = await t.rows(`
      select b.id, b.budget_satang - coalesce((select sum(amount_satang) from allocations a
        where a.item_id = b.id and a.from_unit_code = 'TH'), 0) as "left"
      from budget_items b where b.level = 'activity' order by b.id limit 1`);
    const left = BigInt(item.left);
    expect(await failure(allocation(item.id, 'TH', '34', left + 1n))).toContain('would be negative');
    // Nor may the item's budget be lowered below what the nation already passed down.
    if (left > 0n) expect(await failure(allocation(item.id, 'TH', '34', left))).toBeNull();
    expect(await failure(`update budget_items set budget_satang = budget_satang - 1 where id = ${item.id}`)).toContain(
      'would be negative',
    );
  });

  it('refuses a province taking back from a district what the district never received', async () => {
    const [item] = await t.rows(`select id from budget_items where level = 'activity' order by id desc limit 1`);
    expect(await failure(allocation(item.id, '34', '3401', -100n))).toContain('would be negative');
  });
});
