import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DATA_KEY, type TestContext } from '../test/harness';
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
  });
  cookie = await t.login('demo-province');
});
afterAll(() => t.close());

const get = async (url: string) => (await t.as(cookie, { method: 'GET', url })).json();

describe('demo pipeline for Ubon Ratchathani', () => {
  it('has cash advances open, overdue and repaid, none of them demo-district’s own', async () => {
    const { items } = await get('/api/advances');
    expect(new Set(items.map((a: any) => a.status))).toEqual(new Set(['open', 'overdue', 'repaid']));
    expect(items.find((a: any) => a.status === 'repaid').repayments.map((r: any) => r.kind)).toEqual(['receipts', 'cash']);
    expect(items.some((a: any) => a.borrowerName.includes('สมชาย'))).toBe(false);
  });

  it('has several wisdom items in every district, covering every current branch', async () => {
    const { items, total } = await get('/api/wisdom?pageSize=200');
    expect(total).toBe(75);
    expect(new Set(items.map((w: any) => w.orgUnitCode)).size).toBe(25);
    expect(new Set(items.map((w: any) => w.branchCode))).toEqual(
      new Set([
        'agriculture',
        'industry_handicraft',
        'thai_medicine',
        'natural_resources',
        'community_fund_business',
        'arts',
        'language_literature',
        'religion_tradition',
        'nutrition',
      ]),
    );
  });

  it('has a current-year activity with spending in two districts', async () => {
    const year = (await get('/api/pipeline')).fiscalYear;
    const [activity] = (await get(`/api/budget/items?fiscalYear=${year}`)).filter((i: any) => i.level === 'activity');
    const spending = await get(`/api/budget/items/${activity.id}/spending?unit=3415`);
    expect(spending).toMatchObject({ allocatedSatang: '2500000', spentSatang: '1200000', balanceSatang: '1300000' });
  });

  it('has groups at every stage and products of all five OTOP categories', async () => {
    const pipeline = await get('/api/pipeline?unit=34');
    for (const stage of pipeline.stages) expect(stage.count, stage.stage).toBeGreaterThan(0);
    const products = await get('/api/products?pageSize=200');
    expect(new Set(products.items.map((p: any) => p.category)).size).toBe(5);
  });

  it('has certificates that are valid, expiring soon and expired', async () => {
    for (const status of ['valid', 'expiring', 'expired'])
      expect((await get(`/api/certifications?status=${status}`)).total, status).toBeGreaterThan(0);
  });

  it('splits every demo name into its title, first name and last name', async () => {
    const { items } = await get('/api/people?pageSize=200');
    expect(items.length).toBeGreaterThan(100);
    for (const p of items) {
      expect(['นาย', 'นาง', 'นางสาว'], JSON.stringify(p)).toContain(p.title);
      expect(p.firstName.length, JSON.stringify(p)).toBeGreaterThan(2);
      expect(p.firstName.startsWith('นาง') || p.firstName.startsWith('นาย'), p.firstName).toBe(false);
    }
    expect(items.map((p: any) => `${p.title}${p.firstName} ${p.lastName}`)).toContain('นางสมศรี ศรีอุบล');
  });

  it('uses real Thai craft names, not placeholders', async () => {
    const { items } = await get('/api/products?pageSize=200');
    expect(items.map((p: any) => p.name)).toContain('ผ้ากาบบัวทอมือ');
    expect(items.some((p: any) => /test|ทดสอบ/i.test(p.name))).toBe(false);
  });

  it('has partners, a few dozen services of this fiscal year and an outreach trip in each demo district', async () => {
    const year = (await get('/api/pipeline')).fiscalYear;
    for (const [unit, least] of [
      ['3401', 20],
      ['3415', 12],
    ] as const) {
      expect((await get(`/api/partners?unit=${unit}`)).total, unit).toBeGreaterThanOrEqual(5);
      const services = await get(`/api/services?unit=${unit}&pageSize=200`);
      expect(services.total, unit).toBeGreaterThanOrEqual(least);
      for (const s of services.items) {
        const [y, m] = s.serviceDate.split('-').map(Number);
        expect((m >= 10 ? y + 1 : y) + 543, s.serviceDate).toBe(year);
        expect(s.groups.length + s.people.length).toBeGreaterThan(0);
      }
      expect(new Set(services.items.map((s: any) => s.mode))).toEqual(new Set(['center', 'outreach']));
      const trips = await get(`/api/outreach-trips?unit=${unit}`);
      expect(trips.total, unit).toBe(1);
      expect(trips.items[0].serviceCount).toBe(3);
    }
    const district = await t.login('demo-district');
    const tasks = (await t.as(district, { method: 'GET', url: '/api/tasks' })).json();
    expect(tasks.map((x: any) => x.kind)).toContain('service_follow_ups_overdue');
  });
});
