/**
 * One copy of the allocation sums: the register, the spending view and the expense plan read the same
 * figures for the same unit and activity, before and after the money moves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

let t: TestContext;
let nation: ReturnType<typeof api>;
let province: ReturnType<typeof api>;
let district: ReturnType<typeof api>;
let itemId: number;
beforeAll(async () => {
  t = await createTestContext();
  nation = api(t, await t.login('demo-admin'));
  province = api(t, await t.login('demo-province'));
  district = api(t, await t.login('demo-district'));
  itemId = (await province.call('GET', '/api/budget/items?fiscalYear=2563')).body.find((i: any) => i.level === 'activity').id;
});
afterAll(() => t.close());

const register = async (unit: string) =>
  (await (unit === 'TH' ? nation : province).call('GET', `/api/budget/items/${itemId}/register?unit=${unit}`)).body;
const spending = async (unit: string) => (await province.call('GET', `/api/budget/items/${itemId}/spending?unit=${unit}`)).body;
const rowsFor = (reg: any, unit: string) =>
  reg.rows.filter((r: any) => r.unitCode === unit).reduce((sum: bigint, r: any) => sum + BigInt(r.amountSatang), 0n);
const planLine = (baht: number) => [{ item: 'กระดาษ A4', quantity: 1, unit: 'รีม', unitPriceSatang: String(baht * 100) }];

describe('the register, the spending view and the expense plan agree', () => {
  it('on what district 3401 received: 1,500 baht everywhere (seeded FY2563)', async () => {
    expect(rowsFor(await register('34'), '3401')).toBe(150_000n);
    expect((await spending('3401')).allocatedSatang).toBe('150000');
    const plan = await district.call('PUT', '/api/expense-plans', { itemId, orgUnitCode: '3401', lines: planLine(500) });
    expect(plan.status).toBe(200);
    expect(plan.body.allocatedSatang).toBe('150000');
  });

  it('on what the province received (41,100) and keeps for itself (3,600)', async () => {
    const ubon = await register('34');
    expect(rowsFor(await register('TH'), '34')).toBe(BigInt(ubon.receivedSatang));
    expect(ubon.receivedSatang).toBe('4110000');
    expect(rowsFor(ubon, '34')).toBe(360_000n);
    expect((await spending('34')).allocatedSatang).toBe('360000');
  });

  it('after a reversal: the district has nothing left, the province has it back to allocate', async () => {
    const made = (await province.call('GET', `/api/budget/items/${itemId}/allocations?unit=34`)).body.filter(
      (a: any) => a.toUnitCode === '3402',
    );
    expect(made).toHaveLength(1);
    expect(
      (await province.call('POST', `/api/budget/allocations/${made[0].id}/reverse`, { note: 'อำเภอไม่ดำเนินการ' })).status,
    ).toBe(201);
    const ubon = await register('34');
    expect(ubon.remainderSatang).toBe('150000');
    expect(rowsFor(ubon, '3402')).toBe(0n);
    expect((await spending('3402')).allocatedSatang).toBe('0');
    // Only the nation may make district officers (they hold permissions a province lacks).
    const officer = await nation.call('POST', '/api/users', {
      username: 'officer-3402',
      displayName: 'พัฒนาการอำเภอศรีเมืองใหม่',
      role: 'district_officer',
      orgUnitCode: '3402',
      password: 'long-enough-pass',
    });
    expect(officer.status).toBe(201);
    const district3402 = api(t, await t.login('officer-3402', 'long-enough-pass'));
    const refused = await district3402.call('PUT', '/api/expense-plans', { itemId, orgUnitCode: '3402', lines: planLine(1) });
    expect(refused.status).toBe(422);
    expect(refused.body.th).toBe('ยอดรวม 1.00 บาท เกินงบที่ได้รับจัดสรร 0.00 บาท');
    // The province keeps the money returned to it as its own share: spending and register move together.
    const own = await province.call('POST', '/api/budget/allocations', {
      itemId,
      fromUnitCode: '34',
      toUnitCode: '34',
      quarter: 3,
      category: 'services',
      amountSatang: '150000',
    });
    expect(own.status).toBe(201);
    expect(rowsFor(await register('34'), '34')).toBe(510_000n);
    expect((await spending('34')).allocatedSatang).toBe('510000');
    expect((await register('34')).remainderSatang).toBe('0');
  });

  it('after a payment (held until approved): the balance falls, what was allocated does not', async () => {
    const paid = await district.call('POST', '/api/disbursements', {
      itemId,
      orgUnitCode: '3401',
      paidOn: '2020-05-15',
      description: 'ค่าวัสดุสำนักงานศูนย์ฯ',
      category: 'materials',
      amountSatang: '100000',
      procurementMethod: 'specific',
      vendor: 'ร้านสมบูรณ์การค้า',
      documentNo: 'บจ 12/2563',
    });
    expect(paid.body).toMatchObject({
      allocatedSatang: '150000',
      spentSatang: '0',
      pendingSatang: '100000',
      balanceSatang: '50000',
    });
    expect(rowsFor(await register('34'), '3401')).toBe(150_000n);
    expect((await district.call('GET', `/api/budget/items/${itemId}/expense-plan?unit=3401`)).body.allocatedSatang).toBe(
      '150000',
    );
  });
});

describe('money writes are audited', () => {
  it('records allocations, reversals and payments with amounts as satang strings', async () => {
    const entries = await t.rows(
      `select entity, action, changes from audit_log where entity in ('allocation', 'disbursement') order by id desc limit 3`,
    );
    expect(entries.map((e: any) => `${e.entity}:${e.action}`)).toEqual([
      'disbursement:disburse',
      'allocation:allocate',
      'allocation:reverse',
    ]);
    expect(entries[0].changes).toMatchObject({ amountSatang: { after: '100000' }, balanceAfter: { after: '50000' } });
    expect(entries[2].changes).toMatchObject({ amountSatang: { after: '-150000' } });
  });

  it('records a budget item with its budget', async () => {
    const item = await nation.call('POST', '/api/budget/items', {
      fiscalYear: 2570,
      level: 'activity',
      name: 'กิจกรรมตรวจสอบประวัติ',
      responsibleUnitCode: 'TH',
      budgetSatang: '100000',
    });
    expect(item.status).toBe(201);
    const [entry] = await t.rows(
      `select action, changes from audit_log where entity = 'budget_item' and entity_id = '${item.body.id}'`,
    );
    expect(entry).toMatchObject({ action: 'create', changes: { budgetSatang: { before: null, after: '100000' } } });
  });
});
