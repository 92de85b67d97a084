import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { thaiToday } from '../../clock';
import { createTestContext, type TestContext } from '../../test/harness';

let t: TestContext;
let admin: string;
beforeAll(async () => {
  t = await createTestContext();
  admin = await t.login('demo-admin');
  const district = await t.login('demo-district');
  const district2 = await t.login('demo-district-2');
  await t.as(district, {
    method: 'POST',
    url: '/api/users',
    payload: {
      username: 'audit-a',
      displayName: 'ก',
      role: 'committee_member',
      orgUnitCode: '3401',
      password: 'long-enough-pass',
    },
  });
  await t.as(district2, {
    method: 'POST',
    url: '/api/users',
    payload: {
      username: 'audit-b',
      displayName: 'ข',
      role: 'committee_member',
      orgUnitCode: '3415',
      password: 'long-enough-pass',
    },
  });
});
afterAll(() => t.close());

const audit = async (cookie: string, query = '') => (await t.as(cookie, { method: 'GET', url: `/api/audit${query}` })).json();

describe('audit log', () => {
  it('lets the nation browse and filter by actor, entity, unit and day', async () => {
    const byActor = await audit(admin, '?actor=demo-district&entity=user');
    expect(byActor.items).toHaveLength(1);
    expect(byActor.items[0]).toMatchObject({ action: 'create', changes: { username: { before: null, after: 'audit-a' } } });
    expect((await audit(admin, '?unit=3415&entity=user')).items.map((e: any) => e.changes.username.after)).toEqual(['audit-b']);
    const today = thaiToday();
    expect((await audit(admin, `?from=${today}&to=${today}`)).total).toBeGreaterThanOrEqual(2);
    expect((await audit(admin, '?to=2020-01-01')).total).toBe(0);
  });

  it('shows a district only its own entries', async () => {
    const mine = await audit(await t.login('demo-district-2'));
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((e: any) => e.orgUnitCode === '3415')).toBe(true);
  });

  it('is append-only in the database itself', async () => {
    const error: any = await t.rows('delete from audit_log').catch((e) => e);
    expect(String(error.cause?.message ?? error.message)).toContain('append-only');
    const [{ n }] = await t.rows('select count(*)::int as n from audit_log');
    expect(n).toBeGreaterThan(0);
  });
});
