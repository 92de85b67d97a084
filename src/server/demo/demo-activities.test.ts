import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DATA_KEY, type TestContext } from '../test/harness';
import { seedDemoActivities } from './demo-activities';
import { seedDemoCurrentYear } from './demo-current-year';
import { seedDemoPipeline } from './demo-pipeline';
import { seedDemoServices } from './demo-services';

let t: TestContext;
let cookie: string;
beforeAll(async () => {
  t = await createTestContext();
  await t.database.db.transaction(async (tx) => {
    await seedDemoPipeline(tx as any, TEST_DATA_KEY);
    await seedDemoCurrentYear(tx as any);
    await seedDemoServices(tx as any);
    await seedDemoActivities(tx as any, TEST_DATA_KEY);
  });
  cookie = await t.login('demo-province');
}, 300_000);
afterAll(() => t.close());

const get = async (url: string) => (await t.as(cookie, { method: 'GET', url })).json();

describe('demo activities', () => {
  it('gives each demo district dozens of activities of every kind over two fiscal years, none in the future', async () => {
    const year = (await get('/api/pipeline')).fiscalYear;
    for (const unit of ['3401', '3415']) {
      const { items, total } = await get(`/api/activities?unit=${unit}&pageSize=200`);
      expect(total, unit).toBeGreaterThanOrEqual(24);
      expect(new Set(items.map((a: any) => a.kind))).toEqual(
        new Set(['training', 'market_event', 'study_visit', 'strengthening']),
      );
      expect(new Set(items.map((a: any) => a.topicCode).filter(Boolean)).size).toBe(5);
      expect(new Set(items.map((a: any) => a.marketKind).filter(Boolean)).size).toBe(6);
      const fiscalYears = new Set(
        items.map((a: any) => {
          const [y, m] = a.startsOn.split('-').map(Number);
          return (m >= 10 ? y + 1 : y) + 543;
        }),
      );
      expect(fiscalYears).toEqual(new Set([year - 1, year]));
      for (const a of items) {
        if (a.kind === 'training') expect(a.people.filter((p: any) => p.attended).length, a.title).toBeGreaterThanOrEqual(10);
        if (a.kind === 'market_event') {
          expect(a.groups.length).toBeGreaterThanOrEqual(3);
          expect(a.salesByGroup.length).toBe(a.groups.length);
        }
      }
      expect(items.some((a: any) => a.budgetItem)).toBe(true);
    }
  });

  it('moves the groups that trained and sold to the stages their records prove', async () => {
    const { items } = await get('/api/activities?unit=3401&kind=market_event&pageSize=1');
    const group = await get(`/api/groups/${items[0].groups[0].id}`);
    expect(group.evidence).toEqual(expect.arrayContaining(['strengthened', 'market_access']));
  });
});
