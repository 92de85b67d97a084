import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGES } from '#shared/groups';
import { fiscalYearOf } from '#shared/thai/index';
import { thaiToday } from '../clock';
import { createTestContext, TEST_DATA_KEY, type TestContext } from '../test/harness';
import { seedDemoCurrentYear } from './demo-current-year';
import { seedDemoPipeline } from './demo-pipeline';
import { seedDemoPlans } from './demo-plans';
import { seedDemoServices } from './demo-services';

let t: TestContext;
let cookies: Record<string, string>;
beforeAll(async () => {
  t = await createTestContext();
  await t.database.db.transaction(async (tx) => {
    await seedDemoPipeline(tx as any, TEST_DATA_KEY);
    await seedDemoCurrentYear(tx as any);
    await seedDemoServices(tx as any);
    await seedDemoPlans(tx as any);
  });
  cookies = { '3401': await t.login('demo-district'), '3415': await t.login('demo-district-2') };
});
afterAll(() => t.close());

const get = async (unit: string, url: string) => (await t.as(cookies[unit], { method: 'GET', url })).json();

describe('demo needs, plans and lessons', () => {
  for (const unit of ['3401', '3415']) {
    it(`gives every group of ${unit} at "needs analysed" or beyond an analysis, and none dated in the future`, async () => {
      const { items: groups } = await get(unit, '/api/groups?pageSize=200');
      const { items: analyses } = await get(unit, '/api/needs?pageSize=200');
      const analysed = new Set(analyses.map((a: any) => a.groupId));
      const beyond = groups.filter((g: any) => STAGES.indexOf(g.stage) >= STAGES.indexOf('needs_analysed'));
      expect(beyond.length).toBeGreaterThan(0);
      for (const g of beyond) expect(analysed.has(g.id), g.name).toBe(true);
      expect(analyses.every((a: any) => a.analysedOn <= thaiToday() && a.items.length >= 3)).toBe(true);
    });

    it(`has in ${unit} a short-term plan for each of two years and a long-term plan, with projects, progress and answered lessons`, async () => {
      const year = fiscalYearOf(thaiToday()).fiscalYear;
      const { items: plans } = await get(unit, '/api/plans?pageSize=50');
      expect(plans.map((p: any) => [p.term, p.firstYear, p.lastYear]).sort()).toEqual(
        [
          ['long', year - 1, year + 2],
          ['short', year - 1, year - 1],
          ['short', year, year],
        ].sort(),
      );
      for (const p of plans) expect(p.projectCount).toBeGreaterThanOrEqual(3);
      const thisYear = plans.find((p: any) => p.term === 'short' && p.firstYear === year);
      expect(thisYear.lessons.length).toBeGreaterThan(0);
      expect(thisYear.lessons.every((l: any) => l.fiscalYear === year - 1)).toBe(true);
      const lastYear = await get(unit, `/api/plans/${plans.find((p: any) => p.firstYear === year - 1 && p.term === 'short').id}`);
      expect(lastYear.projects.every((x: any) => x.progress && x.targetGroups.length && BigInt(x.budgetSatang) > 0n)).toBe(true);
      expect(lastYear.lookedBackOn.length).toBeGreaterThan(0);
      const { items: lessons } = await get(unit, '/api/lessons?pageSize=50');
      expect(lessons.some((l: any) => l.fiscalYear === year - 1 && l.answeredBy.some((a: any) => a.id === thisYear.id))).toBe(
        true,
      );
      expect(lessons.some((l: any) => l.fiscalYear === year)).toBe(true);
    });
  }
});
