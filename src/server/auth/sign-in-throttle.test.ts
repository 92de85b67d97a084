import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { setClock } from '../clock';
import { readSettings } from '../env';
import { createTestContext, TEST_DATA_KEY, type TestContext } from '../test/harness';
import { FREE_ATTEMPTS, MAX_DELAY_SECONDS } from './sign-in-throttle';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
afterEach(() => setClock(null));

let clock = new Date('2026-11-26T09:00:00Z').getTime();
const advance = (seconds: number) => {
  clock += seconds * 1000;
  setClock(new Date(clock));
};

const login = (username: string, password: string, app: FastifyInstance = t.app) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: '192.0.2.44' });

const failFreeAttempts = async (username: string) => {
  for (let i = 0; i < FREE_ATTEMPTS; i++) expect((await login(username, `wrong-guess-${i}`)).statusCode).toBe(401);
};

describe('sign-in: progressive delay per username', () => {
  it('after five wrong passwords answers 429 with Retry-After without checking the password, then lets the owner in', async () => {
    advance(0);
    await failFreeAttempts('demo-committee');
    const early = await login('demo-committee', 'thanrak-demo');
    expect(early.statusCode).toBe(429);
    expect(early.headers['retry-after']).toBe('2');
    expect(early.json()).toMatchObject({
      code: 'auth.throttled',
      th: 'ใส่รหัสผ่านผิดหลายครั้ง กรุณารอ 2 วินาทีแล้วลองใหม่',
      en: 'Too many wrong passwords; wait 2 seconds and try again',
    });
    advance(2);
    expect((await login('demo-committee', 'thanrak-demo')).statusCode).toBe(200);
    // A success starts the count again: the free attempts are back.
    await failFreeAttempts('demo-committee');
    advance(2);
    expect((await login('demo-committee', 'thanrak-demo')).statusCode).toBe(200);
  });

  it('doubles the wait after each further failure, up to a cap, and never locks the account', async () => {
    advance(0);
    await failFreeAttempts('demo-district-2');
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const refused = await login('demo-district-2', 'wrong-again');
      expect(refused.statusCode).toBe(429);
      const wait = Number(refused.headers['retry-after']);
      waits.push(wait);
      advance(wait);
      expect((await login('demo-district-2', 'wrong-again')).statusCode).toBe(401);
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 512, 600, 600, 600]);
    expect(Math.max(...waits)).toBe(MAX_DELAY_SECONDS);
    advance(MAX_DELAY_SECONDS);
    expect((await login('demo-district-2', 'thanrak-demo')).statusCode).toBe(200);
  });

  it('forgets the failures after a quiet day: the free attempts come back', async () => {
    advance(0);
    await failFreeAttempts('forgotten-name');
    expect((await login('forgotten-name', 'again')).statusCode).toBe(429);
    advance(25 * 3600);
    await failFreeAttempts('forgotten-name');
    expect((await login('forgotten-name', 'again')).statusCode).toBe(429);
  });

  it('answers an unknown username exactly as an existing one, so nobody learns which accounts exist', async () => {
    advance(0);
    const answers = async (username: string) => {
      const seen: { status: number; body: unknown; retryAfter?: string }[] = [];
      for (let i = 0; i < FREE_ATTEMPTS + 1; i++) {
        const res = await login(username, 'not-the-password');
        const { instance: _, ...body } = res.json();
        seen.push({ status: res.statusCode, body, retryAfter: res.headers['retry-after'] as string | undefined });
      }
      return seen;
    };
    const known = await answers('demo-province');
    const unknown = await answers('nobody-by-this-name');
    expect(unknown).toEqual(known);
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429]);
    advance(MAX_DELAY_SECONDS);
  });

  it('counts parallel guesses in the database: no more than the free attempts get their password checked', async () => {
    advance(0);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => login('demo-district', `parallel-${i}`)));
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(FREE_ATTEMPTS);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - FREE_ATTEMPTS);
    advance(MAX_DELAY_SECONDS);
    expect((await login('demo-district', 'thanrak-demo')).statusCode).toBe(200);
  });

  it('shares the count between app nodes on one database', async () => {
    advance(0);
    const other = await buildApp(t.database, { ...readSettings({}), loginRateLimitPerMinute: 1000, dataKey: TEST_DATA_KEY });
    try {
      for (let i = 0; i < FREE_ATTEMPTS; i++)
        expect((await login('demo-admin', `node-guess-${i}`, i % 2 ? other : t.app)).statusCode).toBe(401);
      expect((await login('demo-admin', 'thanrak-demo', other)).statusCode).toBe(429);
      expect((await login('demo-admin', 'thanrak-demo', t.app)).statusCode).toBe(429);
      advance(2);
      expect((await login('demo-admin', 'thanrak-demo', other)).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('records each failed sign-in with the name tried and the address, never the password', async () => {
    advance(MAX_DELAY_SECONDS);
    await login('demo-district', 'secret-guess-123');
    await login('no-such-user', 'secret-guess-456');
    const rows = await t.rows(
      `select actor_username, org_unit_code, entity_id, changes, client_address from audit_log
        where action = 'login_failed' order by id desc limit 2`,
    );
    expect(rows).toMatchObject([
      { actor_username: 'anonymous', org_unit_code: 'TH', entity_id: '-', client_address: '192.0.2.44' },
      { actor_username: 'anonymous', org_unit_code: '3401', client_address: '192.0.2.44' },
    ]);
    expect(rows[0].changes.username.after).toBe('no-such-user');
    expect(rows[1].changes.username.after).toBe('demo-district');
    expect(JSON.stringify(rows)).not.toContain('secret-guess');
  });
});

describe('one count per account', () => {
  it('looks the account up by the name it counts: another spelling (a capital İ) is another name, which reaches no account', async () => {
    advance(MAX_DELAY_SECONDS);
    await failFreeAttempts('demo-committee');
    expect((await login('demo-committee', 'thanrak-demo')).statusCode).toBe(429);
    // JavaScript lowers İ to i and a combining dot, PostgreSQL to a plain i: the right password must not get in.
    expect((await login('demo-commİttee', 'thanrak-demo')).statusCode).toBe(401);
    expect((await login(' DEMO-COMMITTEE ', 'thanrak-demo')).statusCode).toBe(429);
    advance(2);
    expect((await login('DEMO-Committee', 'thanrak-demo')).statusCode).toBe(200);
  });

  it('counts wrong current passwords when changing one’s own on the sign-in count: a session left open is no way to guess', async () => {
    advance(MAX_DELAY_SECONDS);
    const session = (await login('demo-chief', 'thanrak-demo')).headers['set-cookie'] as string;
    const cookie = session.split(';')[0];
    const change = (currentPassword: string) =>
      t.as(cookie, {
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword, newPassword: 'Mango-Tiger-Rice-2027' },
      });
    for (let i = 0; i < FREE_ATTEMPTS; i++) expect((await change(`guess-${i}`)).json().code).toBe('auth.wrong_current_password');
    const refused = await change('thanrak-demo');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('2');
    expect((await login('demo-chief', 'thanrak-demo')).statusCode).toBe(429);
    advance(2);
    expect((await change('thanrak-demo')).statusCode).toBe(204);
    // The right password started the count again.
    await failFreeAttempts('demo-chief');
  });
});
