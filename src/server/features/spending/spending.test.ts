import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

// PGlite runs one transaction at a time, so a race can only be lost (and the lock proven) on PostgreSQL.
const onPostgres = inject('testDatabase').kind === 'postgresql';
let t: TestContext;
let province: ReturnType<typeof api>;
let district: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
let itemId: number;
beforeAll(async () => {
  t = await createTestContext();
  province = api(t, await t.login('demo-province'));
  district = api(t, await t.login('demo-district'));
  district2 = api(t, await t.login('demo-district-2'));
  itemId = (await province.call('GET', '/api/budget/items?fiscalYear=2563')).body.find((i: any) => i.level === 'activity').id;
});
afterAll(() => t.close());

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

describe('spending against an allocation', () => {
  it('keeps a running balance and the spent share by quarter end', async () => {
    const first = await district.call('POST', '/api/disbursements', payment());
    expect(first.status).toBe(201);
    const second = await district.call(
      'POST',
      '/api/disbursements',
      payment({ amountSatang: '50000', paidOn: '2020-07-02', documentNo: 'บจ 20/2563' }),
    );
    expect(second.body).toMatchObject({ allocatedSatang: '150000', spentSatang: '150000', balanceSatang: '0' });
    expect(second.body.items.map((i: any) => i.balanceAfterSatang)).toEqual(['50000', '0']);
    expect(second.body.byQuarter.map((q: any) => q.cumulativeShare)).toEqual([0, 0, 0.6667, 1]);
  });

  it('never spends past the allocation, saving nothing', async () => {
    const res = await district2.call('POST', '/api/disbursements', payment({ orgUnitCode: '3415', amountSatang: '150001' }));
    expect(res.status).toBe(422);
    expect(res.body.th).toBe('เบิกจ่ายเกินงบที่ได้รับจัดสรร: คงเหลือ 1,500.00 บาท');
    expect((await district2.call('GET', `/api/budget/items/${itemId}/spending?unit=3415`)).body.items).toEqual([]);
  });

  it('lets a province spend only its own share, and nobody spend for another unit', async () => {
    const own = await province.call(
      'POST',
      '/api/disbursements',
      payment({ orgUnitCode: '34', category: 'services', amountSatang: '360000', description: 'ค่าติดตามและสนับสนุนการดำเนินงาน' }),
    );
    expect(own.body).toMatchObject({ allocatedSatang: '360000', balanceSatang: '0' });
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

describe('payments at the same moment', () => {
  it.runIf(onPostgres)('never spend past the allocation together (PostgreSQL: real concurrency)', async () => {
    const nation = api(t, await t.login('demo-admin'));
    const item = await nation.call('POST', '/api/budget/items', {
      fiscalYear: 2570,
      level: 'activity',
      name: 'กิจกรรมทดสอบการเบิกจ่ายพร้อมกัน',
      responsibleUnitCode: 'TH',
      budgetSatang: '100000',
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
