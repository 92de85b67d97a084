import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { fiscalYearOf } from '#shared/thai/index';
import { setClock, thaiToday } from '../../clock';
import { seedOrder } from '../../test/delegation-orders';
import { api, daysFromToday } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { pdfText, squeeze } from '../../test/poppler';

// PGlite runs one transaction at a time, so a race can only be lost (and the lock proven) on PostgreSQL.
const onPostgres = inject('testDatabase').kind === 'postgresql';
let t: TestContext;
let admin: ReturnType<typeof api>;
let province: ReturnType<typeof api>;
let district: ReturnType<typeof api>;
let staff: ReturnType<typeof api>;
let chief: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
let ids: Record<string, number>;
/** The governor's standing order 7/2563: the district chiefs of Ubon approve their districts' advances. */
let standingOrder: number;
beforeAll(async () => {
  t = await createTestContext();
  admin = api(t, await t.login('demo-admin'));
  province = api(t, await t.login('demo-province'));
  district = api(t, await t.login('demo-district'));
  staff = api(t, await t.login('demo-staff'));
  chief = api(t, await t.login('demo-chief'));
  district2 = api(t, await t.login('demo-district-2'));
  const rows = await t.rows(`select id, username from users`);
  ids = Object.fromEntries(rows.map((r: any) => [r.username, r.id]));
  standingOrder = await order({ delegateRole: 'district_chief' }, '7/2563');
});
afterAll(() => t.close());
afterEach(async () => {
  setClock(null);
  // Each test starts with every borrower free: what a failed test left asked for or open is set aside.
  await t.rows(`update cash_advances set status = 'rejected' where status in ('requested', 'open')`);
});

let serial = 0;
/** A delegation order of Ubon's governor over advances of the province's districts, recorded by demo-province. */
async function order(delegate: { delegateRole?: string; delegateUserId?: number }, orderNo = `${++serial}/2569`) {
  const made = await province.call(
    'POST',
    '/api/delegation-orders',
    seedOrder({ orderNo, delegateRole: undefined, ...delegate }),
  );
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return made.body.id as number;
}

/** A fresh activity of the fiscal year of today (the clock's), with `satang` allocated to the unit this quarter. */
async function fundedActivity(unit: string, satang: string): Promise<number> {
  const { fiscalYear, quarter } = fiscalYearOf(thaiToday());
  const item = await admin.call('POST', '/api/budget/items', {
    fiscalYear,
    level: 'activity',
    name: `กิจกรรมส่งเสริมกลุ่มอาชีพ ${++serial}`,
    responsibleUnitCode: 'TH',
    budgetSatang: satang,
    quarters: [quarter],
  });
  expect(item.status, JSON.stringify(item.body)).toBe(201);
  const allocation = { itemId: item.body.id, quarter, category: 'materials', amountSatang: satang, note: '' };
  const down = await admin.call('POST', '/api/budget/allocations', { ...allocation, fromUnitCode: 'TH', toUnitCode: '34' });
  expect(down.status, JSON.stringify(down.body)).toBe(201);
  const on = await province.call('POST', '/api/budget/allocations', { ...allocation, fromUnitCode: '34', toUnitCode: unit });
  expect(on.status, JSON.stringify(on.body)).toBe(201);
  return item.body.id;
}

const advance = (itemId: number, over: object = {}) => ({
  orgUnitCode: '3401',
  borrowerId: ids['demo-staff'],
  itemId,
  purpose: 'ค่าวัสดุจัดประชุมคณะกรรมการศูนย์ฯ',
  ruleCode: 'activity',
  amountSatang: '500000',
  receivedOn: daysFromToday(0),
  ...over,
});

/** Requested by demo-district, approved by demo-chief under the standing order. */
async function approvedAdvance(itemId: number, over: object = {}) {
  const asked = await district.call('POST', '/api/advances', advance(itemId, over));
  expect(asked.status, JSON.stringify(asked.body)).toBe(201);
  const approved = await chief.call('POST', `/api/advances/${asked.body.id}/approve`, {
    delegationOrderId: standingOrder,
    version: asked.body.version,
  });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return approved.body;
}

const receipt = (over: object = {}) => ({
  paidOn: daysFromToday(0),
  description: 'ค่าวัสดุจัดประชุม',
  category: 'materials',
  amountSatang: '300000',
  procurementMethod: 'e_market',
  vendor: 'ร้านสมบูรณ์การค้า',
  documentNo: `บจ ${++serial}/2570`,
  ...over,
});

const balanceOf = async (itemId: number, unit = '3401') =>
  (await district.call('GET', `/api/budget/items/${itemId}/spending?unit=${unit}`)).body;

describe('who may borrow', () => {
  it('offers and accepts only active officials of the unit: a committee member or another unit’s officer is refused', async () => {
    const itemId = await fundedActivity('3401', '1000000');
    const offered = (await district.call('GET', '/api/advances/borrowers?unit=3401')).body.map((u: any) => u.id);
    expect(offered).toEqual(expect.arrayContaining([ids['demo-district'], ids['demo-staff'], ids['demo-chief']]));
    expect(offered).not.toContain(ids['demo-committee']);
    expect(offered).not.toContain(ids['demo-district-2']);
    for (const username of ['demo-committee', 'demo-district-2', 'demo-province']) {
      const refused = await district.call('POST', '/api/advances', advance(itemId, { borrowerId: ids[username] }));
      expect(refused.status, username).toBe(422);
      expect(refused.body.code).toBe('advance.borrower_not_official');
      expect(refused.body.th).toContain('กรรมการศูนย์');
    }
  });

  it('states the borrower’s position and office and the activity on the request, which waits for approval', async () => {
    const itemId = await fundedActivity('3401', '1000000');
    const asked = await district.call('POST', '/api/advances', advance(itemId, { borrowerId: ids['demo-district'] }));
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      status: 'requested',
      approval: null,
      borrowerPosition: 'พัฒนาการอำเภอเมืองอุบลราชธานี',
      borrowerOffice: 'สำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี',
      itemId,
      itemName: expect.stringContaining('กิจกรรมส่งเสริมกลุ่มอาชีพ'),
      requestedBy: ids['demo-district'],
    });
    // A requested advance is not a contract yet, and cannot be repaid.
    const pdf = await district.call('GET', `/api/advances/${asked.body.id}/contract.pdf`);
    expect(pdf.status).toBe(409);
    expect(pdf.body.code).toBe('advance.no_contract');
    const repay = await district.call('POST', `/api/advances/${asked.body.id}/repayments`, {
      kind: 'cash',
      amountSatang: '100',
      repaidOn: daysFromToday(0),
    });
    expect(repay.body.code).toBe('advance.not_approved');
    await chief.call('POST', `/api/advances/${asked.body.id}/reject`, { reason: 'ทดสอบ', version: asked.body.version });
  });

  it('refuses an advance not drawn on an activity the unit received money for', async () => {
    const elsewhere = await fundedActivity('3415', '100000');
    const res = await district.call('POST', '/api/advances', advance(elsewhere, { amountSatang: '100' }));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('advance.not_funded');
  });
});

describe('approval by delegated authority', () => {
  it('refuses an officer with no order and the requester even with an order naming him; the chief approves citing the order', async () => {
    const itemId = await fundedActivity('3401', '1000000');
    const asked = (await staff.call('POST', '/api/advances', advance(itemId))).body;
    expect(asked.status).toBe('requested');
    // demo-district holds budget.approve but no order gives it to a district officer.
    const noOrder = await district.call('POST', `/api/advances/${asked.id}/approve`, {
      delegationOrderId: standingOrder,
      version: asked.version,
    });
    expect(noOrder.status).toBe(403);
    expect(noOrder.body.code).toBe('approval.no_authority');
    // An order naming demo-district (acting for the chief) still never lets him approve his own request.
    const acting = await order({ delegateUserId: ids['demo-district'] });
    const own = (
      await district.call('POST', '/api/advances', advance(itemId, { borrowerId: ids['demo-district'], amountSatang: '1000' }))
    ).body;
    const refused = await district.call('POST', `/api/advances/${own.id}/approve`, {
      delegationOrderId: acting,
      version: own.version,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('approval.own_request');
    // Acting for the chief, he approves a colleague's request that the chief may not: the chief is its borrower.
    const colleague = (
      await staff.call('POST', '/api/advances', advance(itemId, { borrowerId: ids['demo-chief'], amountSatang: '1000' }))
    ).body;
    const borrower = await chief.call('POST', `/api/advances/${colleague.id}/approve`, {
      delegationOrderId: standingOrder,
      version: colleague.version,
    });
    expect(borrower.body.code).toBe('approval.own_request');
    const byActing = await district.call('POST', `/api/advances/${colleague.id}/approve`, {
      delegationOrderId: acting,
      version: colleague.version,
    });
    expect(byActing.body).toMatchObject({ status: 'open', approval: { approverId: ids['demo-district'], orderId: acting } });
    await district.call('POST', `/api/advances/${colleague.id}/repayments`, {
      kind: 'cash',
      amountSatang: '1000',
      repaidOn: daysFromToday(0),
    });
    const revoked = await province.call('POST', `/api/delegation-orders/${acting}/revoke`, {
      revokedOn: thaiToday(),
      reason: 'พ้นจากการรักษาราชการแทน',
      version: 1,
    });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    await chief.call('POST', `/api/advances/${own.id}/reject`, { reason: 'ยกเลิกกิจกรรม', version: own.version });
    // Not in the future.
    const future = await chief.call('POST', `/api/advances/${asked.id}/approve`, {
      delegationOrderId: standingOrder,
      approvedOn: daysFromToday(1),
      version: asked.version,
    });
    expect(future.body.code).toBe('advance.approval_date');

    const approved = await chief.call('POST', `/api/advances/${asked.id}/approve`, {
      delegationOrderId: standingOrder,
      note: 'อนุมัติตามคำสั่งมอบอำนาจ',
      version: asked.version,
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'open',
      approval: {
        approverId: ids['demo-chief'],
        approverPosition: 'นายอำเภอเมืองอุบลราชธานี',
        approvedOn: thaiToday(),
        orderId: standingOrder,
        orderNo: '7/2563',
        orderDate: '2020-01-02',
        delegator: 'ผู้ว่าราชการจังหวัดอุบลราชธานี',
        note: 'อนุมัติตามคำสั่งมอบอำนาจ',
      },
    });
    const again = await chief.call('POST', `/api/advances/${asked.id}/approve`, {
      delegationOrderId: standingOrder,
      version: approved.body.version,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('advance.already_decided');
    await district.call('POST', `/api/advances/${asked.id}/repayments`, {
      kind: 'cash',
      amountSatang: '500000',
      repaidOn: daysFromToday(0),
    });
  });

  it('shows the waiting advance in the tasks of whoever could approve it, not of the requester', async () => {
    const itemId = await fundedActivity('3401', '100000');
    const asked = (
      await district.call('POST', '/api/advances', advance(itemId, { borrowerId: ids['demo-district'], amountSatang: '100' }))
    ).body;
    const kinds = async (who: ReturnType<typeof api>) => (await who.call('GET', '/api/tasks')).body;
    expect(await kinds(chief)).toContainEqual({ kind: 'advances_to_approve', count: 1, dueOn: null });
    expect((await kinds(district)).map((k: any) => k.kind)).not.toContain('advances_to_approve');
    expect((await kinds(district2)).map((k: any) => k.kind)).not.toContain('advances_to_approve');
    await chief.call('POST', `/api/advances/${asked.id}/reject`, { reason: 'ไม่จำเป็น', version: asked.version });
    expect((await kinds(chief)).map((k: any) => k.kind)).not.toContain('advances_to_approve');
  });

  it('prints the contract with the borrower’s position and office, the activity and the approval with its order', async () => {
    const itemId = await fundedActivity('3401', '1000000');
    const open = await approvedAdvance(itemId);
    const res = await t.as(await t.login('demo-district'), { method: 'GET', url: `/api/advances/${open.id}/contract.pdf` });
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = squeeze(pdfText(res.rawPayload));
    expect(text).toContain('สัญญาการยืมเงิน');
    expect(text).toContain('ห้าพันบาทถ้วน');
    expect(text).toContain(squeeze('ตำแหน่ง นักพัฒนาชุมชนชำนาญการ สังกัดสำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี'));
    expect(text).toContain(squeeze(`ตามกิจกรรม${open.itemName}`));
    expect(text).toContain(
      squeeze('นายอำเภอเมืองอุบลราชธานี ปฏิบัติราชการแทนผู้ว่าราชการจังหวัดอุบลราชธานี ตามคำสั่งจังหวัดอุบลราชธานี ที่ 7/2563 ลงวันที่ 2 มกราคม 2563'),
    );
    await district.call('POST', `/api/advances/${open.id}/repayments`, {
      kind: 'cash',
      amountSatang: '500000',
      repaidOn: daysFromToday(0),
    });
  });
});

describe('advances belong to an activity', () => {
  it('never exceeds the unspent allocation, and a second advance sees the first one’s hold', async () => {
    const itemId = await fundedActivity('3401', '1000000');
    const over = await district.call('POST', '/api/advances', advance(itemId, { amountSatang: '1000001' }));
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('advance.over_allocation');
    expect(over.body.th).toContain('10,000.00');
    const first = (await district.call('POST', '/api/advances', advance(itemId, { amountSatang: '600000' }))).body;
    expect((await balanceOf(itemId)).advancedSatang).toBe('600000');
    const second = await district.call(
      'POST',
      '/api/advances',
      advance(itemId, { borrowerId: ids['demo-district'], amountSatang: '500000' }),
    );
    expect(second.status).toBe(422);
    expect(second.body.th).toContain('4,000.00');
    // A rejection frees the hold and the borrower.
    const rejected = await chief.call('POST', `/api/advances/${first.id}/reject`, {
      reason: 'ยังไม่ถึงกำหนดจัดกิจกรรม',
      version: first.version,
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionNote: 'ยังไม่ถึงกำหนดจัดกิจกรรม' });
    expect((await balanceOf(itemId)).balanceSatang).toBe('1000000');
    const pdf = await district.call('GET', `/api/advances/${first.id}/contract.pdf`);
    expect(pdf.status).toBe(409);
    const again = await district.call('POST', '/api/advances', advance(itemId, { amountSatang: '1000000' }));
    expect(again.status).toBe(201);
    await chief.call('POST', `/api/advances/${again.body.id}/reject`, { reason: 'ทดสอบ', version: again.body.version });
  });

  it('turns receipts into approved payments of the activity with their document numbers; cash goes back to the balance', async () => {
    const itemId = await fundedActivity('3401', '1000000');
    const open = await approvedAdvance(itemId);
    const first = receipt({ amountSatang: '200000' });
    const second = receipt({ amountSatang: '150000', procurementMethod: 'none', vendor: '', category: 'compensation' });
    const receipts = await district.call('POST', `/api/advances/${open.id}/repayments`, {
      kind: 'receipts',
      repaidOn: daysFromToday(0),
      receipts: [first, second],
    });
    expect(receipts.status, JSON.stringify(receipts.body)).toBe(201);
    expect(receipts.body).toMatchObject({ status: 'open', balanceSatang: '150000' });
    expect(receipts.body.repayments[0]).toMatchObject({
      kind: 'receipts',
      amountSatang: '350000',
      receipts: [
        { documentNo: first.documentNo, amountSatang: '200000', description: first.description },
        { documentNo: second.documentNo, amountSatang: '150000' },
      ],
    });
    const spending = await balanceOf(itemId);
    expect(spending).toMatchObject({ spentSatang: '350000', advancedSatang: '150000', balanceSatang: '500000' });
    expect(spending.items.map((i: any) => [i.documentNo, i.status, i.advanceId, i.approval?.orderNo])).toEqual([
      [first.documentNo, 'approved', open.id, '7/2563'],
      [second.documentNo, 'approved', open.id, '7/2563'],
    ]);
    const over = await district.call('POST', `/api/advances/${open.id}/repayments`, {
      kind: 'cash',
      amountSatang: '150001',
      repaidOn: daysFromToday(0),
    });
    expect(over.body.code).toBe('advance.over_balance');
    const cash = await district.call('POST', `/api/advances/${open.id}/repayments`, {
      kind: 'cash',
      amountSatang: '150000',
      repaidOn: daysFromToday(0),
    });
    expect(cash.body).toMatchObject({ status: 'repaid', balanceSatang: '0' });
    // The cash returned is the unit's to spend again: only the receipts stay spent.
    expect(await balanceOf(itemId)).toMatchObject({ spentSatang: '350000', advancedSatang: '0', balanceSatang: '650000' });
  });

  it('refuses a receipt without a vendor, or dated outside the quarter without a reason, saving nothing', async () => {
    const itemId = await fundedActivity('3401', '1000000');
    const open = await approvedAdvance(itemId);
    const noVendor = await district.call('POST', `/api/advances/${open.id}/repayments`, {
      kind: 'receipts',
      repaidOn: daysFromToday(0),
      receipts: [receipt({ vendor: '' })],
    });
    expect(noVendor.status).toBe(400);
    const late = receipt({ paidOn: daysFromToday(400), amountSatang: '100000' });
    const outside = await district.call('POST', `/api/advances/${open.id}/repayments`, {
      kind: 'receipts',
      repaidOn: daysFromToday(0),
      receipts: [receipt(), late],
    });
    expect(outside.status).toBe(422);
    expect(outside.body.code).toBe('spending.outside_quarter');
    expect((await balanceOf(itemId)).spentSatang).toBe('0');
    const reasoned = await district.call('POST', `/api/advances/${open.id}/repayments`, {
      kind: 'receipts',
      repaidOn: daysFromToday(0),
      receipts: [{ ...late, amountSatang: '500000', outsideQuarterReason: 'ผู้ขายส่งของล่าช้ากว่ากำหนดในสัญญา' }],
    });
    expect(reasoned.body).toMatchObject({ status: 'repaid' });
  });

  it('hides another district’s advances: not found to read, approve, reject or repay', async () => {
    const itemId = await fundedActivity('3401', '100000');
    const mine = (await district.call('POST', '/api/advances', advance(itemId, { amountSatang: '100' }))).body;
    expect((await district2.call('GET', `/api/advances/${mine.id}`)).status).toBe(404);
    expect((await district2.call('GET', `/api/advances/${mine.id}/contract.pdf`)).status).toBe(404);
    const body = { delegationOrderId: standingOrder, version: mine.version };
    expect((await district2.call('POST', `/api/advances/${mine.id}/approve`, body)).status).toBe(404);
    expect((await district2.call('POST', `/api/advances/${mine.id}/reject`, { reason: 'ไม่ใช่', version: 1 })).status).toBe(404);
    const repay = { kind: 'cash', amountSatang: '1', repaidOn: daysFromToday(0) };
    expect((await district2.call('POST', `/api/advances/${mine.id}/repayments`, repay)).status).toBe(404);
    expect((await district2.call('GET', '/api/advances/borrowers?unit=3401')).status).toBe(403);
    await chief.call('POST', `/api/advances/${mine.id}/reject`, { reason: 'ทดสอบ', version: mine.version });
  });
});

describe('due dates and one advance at a time', () => {
  it('sets the due date by rule: 30 days after receipt, or 15 days after return for travel', async () => {
    const itemId = await fundedActivity('3401', '1000000');
    const noReturn = await district.call('POST', '/api/advances', advance(itemId, { ruleCode: 'travel' }));
    expect(noReturn.body.code).toBe('advance.rule_needs_return');
    const travel = await district.call(
      'POST',
      '/api/advances',
      advance(itemId, { ruleCode: 'travel', receivedOn: daysFromToday(0), returnedOn: daysFromToday(3) }),
    );
    expect(travel.body).toMatchObject({ dueOn: daysFromToday(18), status: 'requested' });
    await chief.call('POST', `/api/advances/${travel.body.id}/reject`, { reason: 'ทดสอบ', version: travel.body.version });
  });

  it('turns overdue the day after its due date (clock fixed in FY2569)', async () => {
    setClock('2026-03-02');
    const itemId = await fundedActivity('3401', '1000000');
    const created = await approvedAdvance(itemId, { receivedOn: '2026-03-02' });
    expect(created).toMatchObject({ dueOn: '2026-04-01', status: 'open' });
    setClock('2026-04-01');
    expect((await district.call('GET', `/api/advances/${created.id}`)).body.status).toBe('open');
    setClock('2026-04-02');
    expect((await district.call('GET', `/api/advances/${created.id}`)).body.status).toBe('overdue');
    const overdue = (await district.call('GET', '/api/advances?status=overdue&unit=3401')).body.items;
    expect(overdue.map((a: any) => a.id)).toContain(created.id);
    expect(overdue.every((a: any) => a.status === 'overdue' && a.orgUnitCode === '3401')).toBe(true);
    await district.call('POST', `/api/advances/${created.id}/repayments`, {
      kind: 'cash',
      amountSatang: '500000',
      repaidOn: '2026-04-02',
    });
  });

  it('refuses a second advance while one is asked for or open, then allows it once repaid in full', async () => {
    const itemId = await fundedActivity('3401', '1000000');
    const first = await approvedAdvance(itemId);
    const second = await district.call('POST', '/api/advances', advance(itemId, { amountSatang: '100000' }));
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'advance.outstanding' });
    expect(second.body.th).toContain('ห้ามยืมซ้ำซ้อน');
    expect(second.body.th).toContain('5,000.00');
    // People know an advance by its contract number, never by the database id.
    expect(first.contractNo).toMatch(/^\d+\/25\d\d$/);
    expect(second.body.th).toContain(`สัญญาเลขที่ ${first.contractNo} `);
    await district.call('POST', `/api/advances/${first.id}/repayments`, {
      kind: 'cash',
      amountSatang: '500000',
      repaidOn: daysFromToday(0),
    });
    const next = await district.call('POST', '/api/advances', advance(itemId, { amountSatang: '100000' }));
    expect(next.status).toBe(201);
    const [seq, year] = first.contractNo.split('/');
    expect(Number(next.body.contractNo.split('/')[0])).toBeGreaterThan(Number(seq));
    expect(next.body.contractNo.split('/')[1]).toBe(year);
    await chief.call('POST', `/api/advances/${next.body.id}/reject`, { reason: 'ทดสอบ', version: next.body.version });
  });

  it.runIf(onPostgres)('never lets officers repaying at the same moment overpay (PostgreSQL: real concurrency)', async () => {
    const itemId = await fundedActivity('3415', '1000000');
    const named = await order({ delegateUserId: ids['demo-province'] });
    const asked = await district2.call(
      'POST',
      '/api/advances',
      advance(itemId, { orgUnitCode: '3415', borrowerId: ids['demo-district-2'] }),
    );
    expect(asked.status).toBe(201);
    const approved = await province.call('POST', `/api/advances/${asked.body.id}/approve`, {
      delegationOrderId: named,
      version: asked.body.version,
    });
    expect(approved.status).toBe(200);
    const pay = () =>
      district2.call('POST', `/api/advances/${asked.body.id}/repayments`, {
        kind: 'receipts',
        repaidOn: daysFromToday(0),
        receipts: [receipt({ amountSatang: '200000' })],
      });
    const results = await Promise.all([pay(), pay(), pay(), pay()]);
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    expect(results.filter((r) => r.status === 422).map((r) => r.body.code)).toEqual([
      'advance.over_balance',
      'advance.over_balance',
    ]);
    const [{ repaid, paid }] = await t.rows(`
      select (select sum(amount_satang) from advance_repayments where advance_id = ${asked.body.id})::text as repaid,
        (select sum(amount_satang) from disbursements where advance_id = ${asked.body.id})::text as paid`);
    expect({ repaid, paid }).toEqual({ repaid: '400000', paid: '400000' });
  });
});
