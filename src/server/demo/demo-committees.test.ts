/** The demo committees on the golden database (accounts and centers, no pipeline): what the province sees. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness';
import { seedDemoCommittees } from './demo-committees';

let t: TestContext;
let cookie: string;
beforeAll(async () => {
  t = await createTestContext();
  await t.database.db.transaction((tx) => seedDemoCommittees(tx as any));
  cookie = await t.login('demo-province');
}, 300_000);
afterAll(() => t.close());

const get = async (url: string) => (await t.as(cookie, { method: 'GET', url })).json();

describe('demo committees', () => {
  it('gives every Ubon center a current term: most pass, 3401 and three others do not, one is excepted', async () => {
    const { items } = await get('/api/committees?unit=34&pageSize=200');
    const today = new Date().toISOString().slice(0, 10);
    const current = items.filter((c: any) => c.termStart <= today && c.termEnd >= today);
    expect(new Set(current.map((c: any) => c.orgUnitCode)).size).toBe(25);
    expect(current).toHaveLength(25);
    const of = (code: string) => current.find((c: any) => c.orgUnitCode === code);
    expect(of('3401')).toMatchObject({ memberCount: 12, composition: { valid: false, exception: null } });
    expect(of('3401').composition.problems).toEqual([expect.objectContaining({ code: 'agency_count', count: 4 })]);
    expect(of('3415').composition.valid).toBe(true);
    expect(current.filter((c: any) => !c.composition.valid)).toHaveLength(4);
    expect(current.filter((c: any) => c.composition.exception)).toHaveLength(1);
    // 3401 also has its earlier term, ended before the current one began.
    expect(items.filter((c: any) => c.orgUnitCode === '3401')).toHaveLength(2);
  });

  it('records a profile for every center', async () => {
    const profile = await get('/api/center-profiles/3415');
    expect(profile.openingHours).toBe('จันทร์–ศุกร์ 08.30–16.30 น.');
    expect(profile.officeAddress).toContain('ที่ว่าการอำเภอวารินชำราบ');
  });
});
