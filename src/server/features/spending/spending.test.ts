import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedOrder } from '../../test/delegation-orders';
import { api } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

let t: TestContext;
let province: ReturnType<typeof api>;
let district: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
let chief: ReturnType<typeof api>;
/** A second officer of 3401, so demo-district has someone else's payment to (try to) approve. */
let colleague: ReturnType<typeof api>;
let itemId: number;
/** The province's standing order (as the seed's ที่ ๗/๒๕๖๓): the district chiefs approve their districts' spending. */
let standingOrder: number;
beforeAll(async () => {
  t = await createTestContext();
  province = api(t, await t.login('demo-province'));
  district = api(t, await t.login('demo-district'));
  district2 = api(t, await t.login('demo-district-2'));
  chief = api(t, await t.login('demo-chief'));
  itemId = (await province.call('GET', '/api/budget/items?fiscalYear=2563')).body.find((i: any) => i.level === 'activity').id;
  const admin = api(t, await t.login('demo-admin'));
  const made = await admin.call('POST', '/api/users', {
    username: 'spending-colleague',
    displayName: 'นางสาวมาลี ขยันงาน',
    role: 'district_officer',
    orgUnitCode: '3401',
    password: 'spending-long-passphrase',
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  colleague = api(t, await t.login('spending-colleague', 'spending-long-passphrase'));
  standingOrder = await order(province, seedOrder());
});
afterAll(() => t.close());

/** A delegation order recorded through its API by whoever signs for the issuing office. */
async function order(by: ReturnType<typeof api>, o: object) {
  const made = await by.call('POST', '/api/delegation-orders', {
    orderDate: '2020-01-02',
    powers: ['advances', 'spending'],
    ...o,
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return made.body.id as number;
}

const payment = (over: object = {}) => ({
  itemId,
  orgUnitCode: '3401',
  paidOn: '2020-05-15',
  description: 'ค่าวัสดุสำนักงานศูนย์ฯ',
  category: 'materials',
  amountSatang: '100000',
  procurementMethod: 'specific',
  vendor: 'ร้านสมบูรณ์การค้า',
  documentNo: 'บจ 12/2563',
  ...over,
});
const spending = async (unit = '3401') => (await district.call('GET', `/api/budget/items/${itemId}/spending?unit=${unit}`)).body;
const pendingOf = (s: any, documentNo: string) => s.items.find((i: any) => i.documentNo === documentNo && i.status === 'pending');

describe('asking for a payment', () => {
  it('holds a pending payment from the balance, so a second payment sees it', async () => {
    const first = await district.call('POST', '/api/disbursements', payment());
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      allocatedSatang: '150000',
      spentSatang: '0',
      pendingSatang: '100000',
      advancedSatang: '0',
      balanceSatang: '50000',
      quarters: [3],
    });
    expect(first.body.items[0]).toMatchObject({
      status: 'pending',
      approval: null,
      requestedByName: expect.stringContaining('สมชาย'),
    });
    const over = await district.call('POST', '/api/disbursements', payment({ amountSatang: '50001', documentNo: 'บจ 13/2563' }));
    expect(over.status).toBe(422);
    expect(over.body.th).toBe('เบิกจ่ายเกินงบที่ได้รับจัดสรร: คงเหลือ 500.00 บาท');
  });

  it('refuses a payment dated outside the allocated quarter without a reason, and takes it with one', async () => {
    const outside = payment({ amountSatang: '20000', paidOn: '2020-07-02', documentNo: 'บจ 20/2563' });
    const refused = await district.call('POST', '/api/disbursements', outside);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'spending.outside_quarter' });
    expect(refused.body.th).toContain('ไตรมาส 3 ปีงบประมาณ 2563');
    expect((await spending()).items.some((i: any) => i.documentNo === 'บจ 20/2563')).toBe(false);
    const tooShort = await district.call('POST', '/api/disbursements', { ...outside, outsideQuarterReason: 'ล่าช้า' });
    expect(tooShort.status).toBe(422);
    const reason = 'ผู้ขายส่งของล่าช้าเพราะน้ำท่วมเส้นทางขนส่ง';
    const taken = await district.call('POST', '/api/disbursements', { ...outside, outsideQuarterReason: reason });
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    expect(pendingOf(taken.body, 'บจ 20/2563')).toMatchObject({ outsideQuarterReason: reason });
    // Outside the item's fiscal year altogether is outside its quarters too.
    const nextYear = await district.call('POST', '/api/disbursements', payment({ amountSatang: '100', paidOn: '2021-05-03' }));
    expect(nextYear.body.code).toBe('spending.outside_quarter');
  });

  it('needs the vendor for every method but "none", and takes e-market', async () => {
    const noVendor = await district.call('POST', '/api/disbursements', payment({ amountSatang: '100', vendor: '' }));
    expect(noVendor.status).toBe(422);
    expect(noVendor.body).toMatchObject({ code: 'spending.vendor_required' });
    expect(noVendor.body.errors.map((e: any) => e.path)).toEqual(['vendor']);
    const allowance = await district.call(
      'POST',
      '/api/disbursements',
      payment({ amountSatang: '100', vendor: '', procurementMethod: 'none', category: 'compensation', documentNo: 'บค 1/2563' }),
    );
    expect(allowance.status, JSON.stringify(allowance.body)).toBe(201);
    const market = await district.call(
      'POST',
      '/api/disbursements',
      payment({ amountSatang: '100', procurementMethod: 'e_market', documentNo: 'e-GP 6305' }),
    );
    expect(market.status, JSON.stringify(market.body)).toBe(201);
    expect(pendingOf(market.body, 'e-GP 6305').procurementMethod).toBe('e_market');
  });

  it('lets a province spend only its own share, and nobody spend for another unit', async () => {
    const own = await province.call(
      'POST',
      '/api/disbursements',
      payment({ orgUnitCode: '34', category: 'services', amountSatang: '360000', description: 'ค่าติดตามและสนับสนุนการดำเนินงาน' }),
    );
    expect(own.body).toMatchObject({ allocatedSatang: '360000', pendingSatang: '360000', balanceSatang: '0' });
    expect((await province.call('POST', '/api/disbursements', payment({ orgUnitCode: '3420' }))).status).toBe(403);
    expect((await district2.call('POST', '/api/disbursements', payment())).status).toBe(403);
    expect((await district2.call('GET', `/api/budget/items/${itemId}/spending?unit=3401`)).status).toBe(403);
  });

  it('refuses zero or negative payments', async () => {
    for (const amountSatang of ['0', '-5'])
      expect((await district2.call('POST', '/api/disbursements', payment({ orgUnitCode: '3415', amountSatang }))).status).toBe(
        400,
      );
  });
});

describe('approving a payment rests on delegated authority', () => {
  it('refuses a district officer without an order, and the requester even when an acting order names him', async () => {
    const asked = await colleague.call('POST', '/api/disbursements', payment({ amountSatang: '1000', documentNo: 'บจ 30/2563' }));
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const theirs = pendingOf(asked.body, 'บจ 30/2563');
    const mine = pendingOf(await spending(), 'บจ 12/2563');
    const noOrder = await district.call('POST', `/api/disbursements/${theirs.id}/approve`, {
      delegationOrderId: standingOrder,
      version: theirs.version,
    });
    expect(noOrder.status).toBe(403);
    expect(noOrder.body.code).toBe('approval.no_authority');

    // The chief's acting order names demo-district: he may now approve his colleague's payment, never his own.
    const [me] = await t.rows(`select id from users where username = 'demo-district'`);
    const acting = await order(chief, {
      issuingUnitCode: '3401',
      orderNo: 'อำเภอ 15/2563',
      orderDate: '2020-03-02',
      delegator: 'นายอำเภอเมืองอุบลราชธานี',
      delegateUserId: me.id,
      scopeUnitCode: '3401',
      powers: ['spending'],
      subject: 'ให้ปฏิบัติราชการแทนนายอำเภอในการอนุมัติการเบิกจ่าย',
    });
    const own = await district.call('POST', `/api/disbursements/${mine.id}/approve`, {
      delegationOrderId: acting,
      version: mine.version,
    });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('approval.own_request');
    const colleagues = await district.call('POST', `/api/disbursements/${theirs.id}/approve`, {
      delegationOrderId: acting,
      approvedOn: '2020-05-20',
      version: theirs.version,
    });
    expect(colleagues.status, JSON.stringify(colleagues.body)).toBe(200);
    expect(colleagues.body.items.find((i: any) => i.id === theirs.id).approval).toMatchObject({ orderNo: 'อำเภอ 15/2563' });
    const [row] = await t.rows(`select status, approver_id as "approverId" from disbursements where id = ${mine.id}`);
    expect(row).toEqual({ status: 'pending', approverId: null });
  });

  it('lets the district chief approve citing the order, shown with the approval', async () => {
    const mine = pendingOf(await spending(), 'บจ 12/2563');
    // My tasks: the chief, who holds the order, is asked to decide the district's waiting payments; the officer
    // who asked for them is not.
    const waitingFor = async (who: typeof chief) =>
      ((await who.call('GET', '/api/tasks')).body as any[]).find((task) => task.kind === 'payments_to_approve')?.count ?? 0;
    const pending = (await spending()).items.filter((i: any) => i.status === 'pending').length;
    expect(await waitingFor(chief)).toBe(pending);
    expect(await waitingFor(district)).toBe(0);
    expect(
      (
        await chief.call('POST', `/api/disbursements/${mine.id}/approve`, {
          delegationOrderId: standingOrder,
          approvedOn: '2099-01-01',
          version: 1,
        })
      ).body.code,
    ).toBe('spending.approval_in_future');
    const approved = await chief.call('POST', `/api/disbursements/${mine.id}/approve`, {
      delegationOrderId: standingOrder,
      approvedOn: '2020-05-14',
      note: 'ตรวจสอบหลักฐานครบถ้วน',
      version: mine.version,
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(await waitingFor(chief)).toBe(pending - 1);
    const item = approved.body.items.find((i: any) => i.id === mine.id);
    expect(item).toMatchObject({
      status: 'approved',
      version: 2,
      balanceAfterSatang: '50000',
      approval: {
        approverName: expect.stringContaining('ประเสริฐ'),
        approverPosition: 'นายอำเภอเมืองอุบลราชธานี',
        approvedOn: '2020-05-14',
        orderNo: '7/2563',
        orderDate: '2020-01-02',
        delegator: 'ผู้ว่าราชการจังหวัดอุบลราชธานี',
        note: 'ตรวจสอบหลักฐานครบถ้วน',
      },
    });
    expect(approved.body.spentSatang).toBe('101000');
    expect(approved.body.byQuarter.map((q: any) => q.cumulativeShare)).toEqual([0, 0, 0.6733, 0.6733]);
    // Decided once: a second decision finds it no longer pending, changing nothing.
    const again = await chief.call('POST', `/api/disbursements/${mine.id}/reject`, { reason: 'ซ้ำ', version: mine.version });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('spending.not_pending');
    const trail = await t.rows(
      `select action, changes from audit_log where entity = 'disbursement' and entity_id = '${mine.id}' order by id`,
    );
    expect(trail.map((e: any) => e.action)).toEqual(['disburse', 'approve']);
    expect(trail[1].changes.status).toEqual({ before: 'pending', after: 'approved' });
    expect(trail[1].changes.delegationOrder).toMatchObject({ after: '7/2563' });
  });

  it('keeps the chief to his own district: another district’s payment is not found', async () => {
    const asked = await district2.call('POST', '/api/disbursements', payment({ orgUnitCode: '3415', documentNo: 'บจ 2/2563' }));
    const theirs = pendingOf(asked.body, 'บจ 2/2563');
    const res = await chief.call('POST', `/api/disbursements/${theirs.id}/approve`, {
      delegationOrderId: standingOrder,
      version: theirs.version,
    });
    expect(res.status).toBe(404);
    expect((await chief.call('POST', `/api/disbursements/${theirs.id}/reject`, { reason: 'ไม่มีอำนาจ', version: 1 })).status).toBe(
      404,
    );
  });

  it('rejects with a reason, which frees the balance for another payment', async () => {
    const before = await spending();
    const outside = pendingOf(before, 'บจ 20/2563');
    const refused = await district.call(
      'POST',
      '/api/disbursements',
      payment({ amountSatang: '30000', documentNo: 'บจ 40/2563' }),
    );
    expect(refused.body.code).toBe('spending.over_allocation');
    const rejected = await chief.call('POST', `/api/disbursements/${outside.id}/reject`, {
      reason: 'ไม่มีความจำเป็นต้องจัดซื้อนอกไตรมาส',
      version: outside.version,
    });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    const item = rejected.body.items.find((i: any) => i.id === outside.id);
    expect(item).toMatchObject({ status: 'rejected', decisionNote: 'ไม่มีความจำเป็นต้องจัดซื้อนอกไตรมาส' });
    expect(BigInt(rejected.body.balanceSatang)).toBe(BigInt(before.balanceSatang) + 20000n);
    expect(BigInt(rejected.body.pendingSatang)).toBe(BigInt(before.pendingSatang) - 20000n);
    const now = await district.call('POST', '/api/disbursements', payment({ amountSatang: '30000', documentNo: 'บจ 40/2563' }));
    expect(now.status, JSON.stringify(now.body)).toBe(201);
  });

  it('lets neither a committee member nor the requester decide', async () => {
    const pending = pendingOf(await spending(), 'บจ 40/2563');
    const committee = api(t, await t.login('demo-committee'));
    for (const who of [committee, district]) {
      const res = await who.call('POST', `/api/disbursements/${pending.id}/reject`, { reason: 'ไม่อนุมัติ', version: 1 });
      expect(res.status).toBe(403);
    }
    expect((await spending()).items.find((i: any) => i.id === pending.id).status).toBe('pending');
  });
});

// PGlite runs one transaction at a time, so waiting on a lock can only be observed on PostgreSQL.
const onPostgres = inject('testDatabase').kind === 'postgresql';

/** A promise with the moment it settled, so the order of events is read from the facts, not from sleeps. */
function tracked<T>(promise: Promise<T>) {
  const state = { settledAt: 0, result: undefined as unknown as Promise<T> };
  state.result = promise.finally(() => {
    state.settledAt = performance.now();
  });
  return state;
}

/** Polls a condition on the database until it holds (a state to reach, not an assertion), failing after `ms`. */
async function until(what: string, query: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if ((await t.rows(query))[0].ok) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms)),
  ]);

describe('payments at the same moment (PostgreSQL: real concurrency)', () => {
  it.runIf(onPostgres)(
    "lock one unit's money, not the activity: district B pays while district A's payment holds its lock, A's second waits",
    { timeout: 120_000 },
    async () => {
      const nation = api(t, await t.login('demo-admin'));
      const item = await nation.call('POST', '/api/budget/items', {
        fiscalYear: 2570,
        level: 'activity',
        name: 'กิจกรรมทดสอบการเบิกจ่ายพร้อมกันหลายอำเภอ',
        responsibleUnitCode: 'TH',
        budgetSatang: '300000',
        quarters: [1],
      });
      expect(item.status, JSON.stringify(item.body)).toBe(201);
      const allocation = (from: string, to: string, amountSatang: string) => ({
        itemId: item.body.id,
        fromUnitCode: from,
        toUnitCode: to,
        quarter: 1,
        category: 'materials',
        amountSatang,
      });
      expect((await nation.call('POST', '/api/budget/allocations', allocation('TH', '34', '300000'))).status).toBe(201);
      for (const unit of ['3401', '3415'])
        expect((await province.call('POST', '/api/budget/allocations', allocation('34', unit, '100000'))).status).toBe(201);
      const pay = (who: ReturnType<typeof api>, orgUnitCode: string, documentNo: string) =>
        who.call(
          'POST',
          '/api/disbursements',
          payment({ itemId: item.body.id, orgUnitCode, paidOn: '2026-11-02', amountSatang: '30000', documentNo }),
        );
      const here = `(select oid from pg_database where datname = current_database())`;

      // Stall district A's first payment after it took its lock: its insert must check the unit row, which we hold.
      let release!: () => void;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const holding = t.database.db.transaction(async (tx) => {
        await tx.execute(sql`select code from org_units where code = '3401' for update`);
        await gate;
      });
      try {
        const a1 = tracked(pay(district, '3401', 'ก 1/2570'));
        await until(
          "A's first payment to stall",
          `select count(*) = 1 as ok from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        );

        // District B, same activity: not held up by A (the old per-activity row lock would wait here until A ends).
        const b = await within(pay(district2, '3415', 'ข 1/2570'), 20_000, "B's payment while A holds its lock");
        expect(b.status, JSON.stringify(b.body)).toBe(201);
        expect(a1.settledAt).toBe(0);
        const [held] = await t.rows(
          `select count(*)::int as n from pg_locks where locktype = 'advisory' and granted and database = ${here}`,
        );
        expect(held.n, "A's stalled payment holds its unit lock").toBe(1);

        // A's second payment waits for A's first, on A's lock.
        const a2 = tracked(pay(district, '3401', 'ก 2/2570'));
        await until(
          "A's second payment waiting on A's lock",
          `select count(*) = 1 as ok from pg_locks where locktype = 'advisory' and not granted and database = ${here}`,
        );
        expect(a1.settledAt).toBe(0);
        expect(a2.settledAt).toBe(0);

        const releasedAt = performance.now();
        release();
        await holding;
        const [first, second] = await within(Promise.all([a1.result, a2.result]), 20_000, "A's payments after the release");
        expect([first.status, second.status]).toEqual([201, 201]);
        // Both answered only after A's lock was released. (Which answer arrives first is not the point: A's first
        // commits before A's second may take the lock, but it then still reads the spending view for its answer.)
        expect(a1.settledAt).toBeGreaterThanOrEqual(releasedAt);
        expect(a2.settledAt).toBeGreaterThanOrEqual(releasedAt);
        // Neither was lost: both of A's payments are held from A's balance.
        expect(second.body.pendingSatang).toBe('60000');
      } finally {
        release();
        await holding;
      }
      const rows = await t.rows(
        `select org_unit_code as unit, document_no as doc, status from disbursements where item_id = ${item.body.id} order by unit, doc`,
      );
      expect(rows).toEqual([
        { unit: '3401', doc: 'ก 1/2570', status: 'pending' },
        { unit: '3401', doc: 'ก 2/2570', status: 'pending' },
        { unit: '3415', doc: 'ข 1/2570', status: 'pending' },
      ]);
    },
  );

  it.runIf(onPostgres)('never spend past the allocation together', { timeout: 60_000 }, async () => {
    const nation = api(t, await t.login('demo-admin'));
    const item = await nation.call('POST', '/api/budget/items', {
      fiscalYear: 2570,
      level: 'activity',
      name: 'กิจกรรมทดสอบการเบิกจ่ายพร้อมกัน',
      responsibleUnitCode: 'TH',
      budgetSatang: '100000',
      quarters: [1],
    });
    const base = { itemId: item.body.id, quarter: 1, category: 'services', amountSatang: '100000' };
    expect((await nation.call('POST', '/api/budget/allocations', { ...base, fromUnitCode: 'TH', toUnitCode: '34' })).status).toBe(
      201,
    );
    expect(
      (await province.call('POST', '/api/budget/allocations', { ...base, fromUnitCode: '34', toUnitCode: '34' })).status,
    ).toBe(201);
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        province.call(
          'POST',
          '/api/disbursements',
          payment({
            itemId: item.body.id,
            orgUnitCode: '34',
            paidOn: '2026-11-02',
            category: 'services',
            amountSatang: '30000',
            documentNo: `บจ ${n}/2570`,
          }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 422).map((r) => r.body.code)).toEqual([
      'spending.over_allocation',
      'spending.over_allocation',
    ]);
    const [{ total }] = await t.rows(
      `select sum(amount_satang)::text as total from disbursements where item_id = ${item.body.id}`,
    );
    expect(total).toBe('90000');
  });
});
