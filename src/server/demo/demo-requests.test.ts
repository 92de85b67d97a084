import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearOf } from '#shared/thai/index';
import { thaiToday } from '../clock';
import { createTestContext, TEST_DATA_KEY, type TestContext } from '../test/harness';
import { seedDemoCurrentYear } from './demo-current-year';
import { seedDemoPipeline } from './demo-pipeline';
import { seedDemoRequests } from './demo-requests';
import { seedDemoServices } from './demo-services';

let t: TestContext;
let cookie: string;
beforeAll(async () => {
  t = await createTestContext();
  await t.database.db.transaction(async (tx) => {
    await seedDemoPipeline(tx as any, TEST_DATA_KEY);
    await seedDemoCurrentYear(tx as any);
    await seedDemoServices(tx as any);
    await seedDemoRequests(tx as any);
  });
  cookie = await t.login('demo-district');
});
afterAll(() => t.close());

const get = async (url: string) => (await t.as(cookie, { method: 'GET', url })).json();

describe('demo requests and referrals', () => {
  it('has dozens of requests per district over two fiscal years, across channels and statuses, some answered by services', async () => {
    const province = await t.login('demo-province');
    const year = fiscalYearOf(thaiToday()).fiscalYear;
    for (const [unit, least] of [
      ['3401', 40],
      ['3415', 28],
    ] as const) {
      const { items, total } = (await t.as(province, { method: 'GET', url: `/api/requests?unit=${unit}&pageSize=200` })).json();
      expect(total, unit).toBeGreaterThanOrEqual(least);
      expect(new Set(items.map((r: any) => r.channel))).toEqual(new Set(['walk_in', 'phone', 'letter']));
      expect(new Set(items.map((r: any) => r.status))).toEqual(
        new Set(['new', 'in_progress', 'done', 'referred', 'declined', 'accepted']),
      );
      expect(new Set(items.map((r: any) => r.referenceCode.slice(5, 9)))).toEqual(new Set([String(year - 1), String(year)]));
      expect(items.filter((r: any) => r.service).length, unit).toBeGreaterThanOrEqual(3);
      for (const r of items) expect(r.receivedOn <= thaiToday()).toBe(true);
    }
  });

  it('has referrals to the province, the department and BAAC for groups at market access, most with results', async () => {
    const province = await t.login('demo-province');
    const { items } = (await t.as(province, { method: 'GET', url: '/api/referrals?pageSize=200' })).json();
    expect(new Set(items.map((r: any) => r.targetLevel))).toEqual(new Set(['province', 'national', 'partner']));
    const baac = items.filter((r: any) => r.partner?.name.startsWith('ธนาคารเพื่อการเกษตร'));
    expect(baac.length).toBeGreaterThan(0);
    for (const unit of ['3401', '3415']) {
      const url = `/api/groups?unit=${unit}&stage=market_access&pageSize=200`;
      for (const g of (await t.as(province, { method: 'GET', url })).json().items)
        expect(
          baac.map((r: any) => r.group.id),
          g.name,
        ).toContain(g.id);
    }
    expect(items.filter((r: any) => r.status === 'completed').length).toBeGreaterThan(0);
    const tasks = await get('/api/tasks');
    expect(tasks.map((x: any) => x.kind)).toEqual(expect.arrayContaining(['requests_waiting', 'referrals_without_result']));
  });
});
