import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DATA_KEY, type TestContext } from '../test/harness';
import { seedDemoCurrentYear } from './demo-current-year';
import { seedDemoMoney } from './demo-money';
import { seedDemoPipeline } from './demo-pipeline';
import { seedDemoServices } from './demo-services';

let t: TestContext;
const cookie: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestContext();
  await t.database.db.transaction(async (tx) => {
    await seedDemoPipeline(tx as any, TEST_DATA_KEY);
    await seedDemoCurrentYear(tx as any);
    await seedDemoServices(tx as any);
    await seedDemoMoney(tx as any);
  });
  for (const name of ['demo-district', 'demo-district-2', 'demo-province']) cookie[name] = await t.login(name);
}, 300_000);
afterAll(() => t.close());

const get = async (who: string, url: string) => (await t.as(cookie[who], { method: 'GET', url })).json();

describe('demo sales, funding and outcomes', () => {
  for (const [who, unit] of [
    ['demo-district', '3401'],
    ['demo-district-2', '3415'],
  ] as const)
    it(`gives ${unit} two fiscal years of sales in several channels, funding decided both ways and outcomes`, async () => {
      const sales = await get(who, '/api/sales?pageSize=1');
      expect(sales.total).toBeGreaterThan(40);
      const summary = await get(who, `/api/sales/summary?unit=${unit}`);
      expect(new Set(summary.points.map((p: any) => p.channelCode)).size).toBeGreaterThanOrEqual(3);
      expect(new Set(summary.points.map((p: any) => p.month)).size).toBe(12);
      const funding = (await get(who, '/api/funding?pageSize=200')).items;
      expect(new Set(funding.map((f: any) => f.status))).toEqual(new Set(['applied', 'approved', 'rejected', 'withdrawn']));
      const outcomes = (await get(who, '/api/outcomes?pageSize=200')).items;
      expect(outcomes.some((o: any) => o.verifiedBy)).toBe(true);
      expect(outcomes.some((o: any) => !o.verifiedBy)).toBe(true);
      for (const o of outcomes) expect(o.verifiedBy?.id).not.toBe(o.recordedBy.id);
      const income = outcomes.find((o: any) => o.kind === 'income_increase');
      expect(BigInt(income.income.after.amountSatang)).toBeGreaterThan(BigInt(income.income.before.amountSatang));
    });

  it('keeps stages and records consistent: sellers have market access, funded groups an approved application', async () => {
    for (const who of ['demo-district', 'demo-district-2']) {
      const groups = (await get(who, '/api/groups?pageSize=200')).items;
      const approved = (await get(who, '/api/funding?status=approved&pageSize=200')).items.map((f: any) => f.group.id);
      for (const g of groups) {
        const detail = await get(who, `/api/groups/${g.id}`);
        const sold = (await get(who, `/api/sales?groupId=${g.id}&pageSize=1`)).total > 0;
        expect(detail.evidence.includes('market_access'), g.name).toBe(sold);
        if (['funding_access', 'grown'].includes(detail.stage)) expect(approved, g.name).toContain(g.id);
        if (detail.stage === 'grown') {
          const verified = (await get(who, `/api/outcomes?groupId=${g.id}&verified=yes`)).items;
          expect(verified.some((o: any) => o.kind.startsWith('became_') && o.attachments.length)).toBe(true);
        }
      }
    }
  });

  it('shows the province its districts one level down', async () => {
    const summary = await get('demo-province', '/api/sales/summary?unit=34');
    expect(summary.units.map((u: any) => u.code)).toEqual(['3401', '3415']);
  });
});
