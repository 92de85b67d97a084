import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { thaiToday } from '../../clock';
import { createTestContext, type TestContext } from '../../test/harness';
import { insertCommittee } from '../meetings/committee-fixture';

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

  it("names each entry's record and units so people need no codes", async () => {
    const [created] = (await audit(admin, '?actor=demo-district&entity=user')).items;
    expect(created.subject).toBe('ก');
    expect(created.units['3401']).toEqual({ th: 'เมืองอุบลราชธานี', en: 'Mueang Ubon Ratchathani' });
    const [signIn] = (await audit(admin, '?entity=session&action=login')).items;
    expect(signIn.subject).toBeNull();
  });

  it('shows a district only its own entries', async () => {
    const mine = await audit(await t.login('demo-district-2'));
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((e: any) => e.orgUnitCode === '3415')).toBe(true);
  });

  it('shows failed sign-ins, sign-ins and sign-outs with the client address of each entry', async () => {
    const fromAddress = (remoteAddress: string, url: string, payload?: object, cookie?: string) =>
      t.app.inject({ method: 'POST', url, payload, remoteAddress, headers: cookie ? { cookie } : {} });
    await fromAddress('198.51.100.7', '/api/auth/login', { username: 'demo-district', password: 'not-my-password' });
    const signedIn = await fromAddress('198.51.100.8', '/api/auth/login', {
      username: 'demo-district',
      password: 'thanrak-demo',
    });
    const cookie = `thanrak_session=${signedIn.cookies.find((c) => c.name === 'thanrak_session')!.value}`;
    await fromAddress('198.51.100.9', '/api/auth/logout', undefined, cookie);
    const failed = await audit(admin, '?action=login_failed');
    expect(failed.items[0]).toMatchObject({
      actorUsername: 'anonymous',
      orgUnitCode: '3401',
      entity: 'session',
      clientAddress: '198.51.100.7',
      changes: { username: { before: null, after: 'demo-district' } },
    });
    expect(JSON.stringify(failed.items)).not.toContain('not-my-password');
    // The district sees attempts on its own accounts.
    expect((await audit(await t.login('demo-district-2'), '?action=login_failed')).total).toBe(0);
    const trail = await audit(admin, '?actor=demo-district&entity=session');
    expect(trail.items.slice(0, 2).map((e: any) => [e.action, e.clientAddress])).toEqual([
      ['logout', '198.51.100.9'],
      ['login', '198.51.100.8'],
    ]);
    // Every write a request makes carries its address (here a user created from this test's default address).
    const created = await audit(admin, '?entity=user&action=create');
    expect(created.items[0].clientAddress).toBe('127.0.0.1');
  });

  it('takes the client address from X-Forwarded-For only when it comes through the configured proxy', async () => {
    const viaProxy = await createTestContext({ trustProxy: ['127.0.0.1'] });
    try {
      const forwarded = { 'x-forwarded-for': '203.0.113.5' };
      await viaProxy.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: forwarded,
        payload: { username: 'demo-committee', password: 'thanrak-demo' },
      });
      const [trusted] = await viaProxy.rows(
        `select client_address from audit_log where action = 'login' order by id desc limit 1`,
      );
      expect(trusted.client_address).toBe('203.0.113.5');
    } finally {
      await viaProxy.close();
    }
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-for': '203.0.113.5' },
      payload: { username: 'demo-committee', password: 'thanrak-demo' },
    });
    const [direct] = await t.rows(`select client_address from audit_log where action = 'login' order by id desc limit 1`);
    expect(direct.client_address).toBe('127.0.0.1');
  });

  it('is append-only in the database itself', async () => {
    const error: any = await t.rows('delete from audit_log').catch((e) => e);
    expect(String(error.cause?.message ?? error.message)).toContain('append-only');
    const [{ n }] = await t.rows('select count(*)::int as n from audit_log');
    expect(n).toBeGreaterThan(0);
  });
});

describe('audit export', () => {
  it('writes times and the dates in record names as the page shows them: Buddhist Era in Thai, never ISO', async () => {
    await insertCommittee((query) => t.rows(query), '3401');
    const meeting = await t.as(await t.login('demo-district'), {
      method: 'POST',
      url: '/api/meetings',
      payload: {
        orgUnitCode: '3401',
        heldOn: thaiToday(),
        startsAt: '09:30',
        place: 'ห้องประชุมอำเภอ',
        agenda: [{ kind: 'announcement', title: 'เรื่องแจ้ง' }],
      },
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const [entry] = (await audit(admin, '?entity=meeting')).items;
    expect(entry.subject).toMatch(/\(\d{4}-\d{2}-\d{2}\)$/);
    const csv = async (lang: string) =>
      (await t.as(admin, { method: 'GET', url: `/api/audit/export.csv?entity=meeting&lang=${lang}` })).body;
    const thai = await csv('th');
    expect(thai).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const heldOn = entry.subject.match(/\((\d{4})-\d{2}-\d{2}\)$/)[1];
    expect(thai).toContain(`${Number(heldOn) + 543})`);
    const english = await csv('en');
    expect(english).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(english).toMatch(new RegExp(`[A-Z][a-z]{2} ${heldOn}\\)`));
  });
});
