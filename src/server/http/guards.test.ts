/**
 * What a hostile or broken request meets before any route: another site's form, NUL characters, impossible
 * dates, unknown referenced ids, a spoofed client address, and a database that is down or frozen.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { openDatabase } from '../db/client';
import { readSettings } from '../env';
import { createScratchDatabase, createTestContext, TEST_DATA_KEY, type TestContext } from '../test/harness';

let t: TestContext;
let district: string;
beforeAll(async () => {
  t = await createTestContext();
  district = await t.login('demo-district');
});
afterAll(() => t.close());

const wisdomBody = (title: string, surveyedOn = '2026-01-15') => ({
  orgUnitCode: '3401',
  title,
  branchCode: 'agriculture',
  description: 'ทดสอบ',
  productPotential: '',
  status: 'surveyed',
  accessLevel: 'community',
  surveyedOn,
  holderIds: [],
});

const wisdomCount = async () => (await t.rows('select count(*)::int as n from wisdom_items'))[0].n as number;

describe('request guards', () => {
  it('refuses a NUL character in a body or a query string with a clear 400, writing nothing', async () => {
    const before = await wisdomCount();
    const body = await t.as(district, { method: 'POST', url: '/api/wisdom', payload: wisdomBody('ผ้า\u0000ไหม') });
    expect(body.statusCode).toBe(400);
    expect(body.json()).toMatchObject({ code: 'request.nul_character', th: expect.stringContaining('NUL') });
    const query = await t.as(district, { method: 'GET', url: '/api/wisdom?q=a%00b' });
    expect(query.statusCode).toBe(400);
    expect(await wisdomCount()).toBe(before);
  });

  it('refuses impossible dates in bodies and queries as field errors', async () => {
    for (const date of ['2026-02-30', '0000-00-00', '2026-13-01']) {
      const res = await t.as(district, { method: 'POST', url: '/api/wisdom', payload: wisdomBody('ผ้าไหม', date) });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toContain('surveyedOn');
    }
    const admin = await t.login('demo-admin');
    const audit = await t.as(admin, { method: 'GET', url: '/api/audit?from=2026-13-01' });
    expect(audit.statusCode).toBe(400);
    expect(audit.json().errors[0].th).toBe('ไม่มีวันที่นี้ในปฏิทิน');
  });

  it('answers an unknown referenced id with 404 or 422, never 500', async () => {
    const [me] = await t.rows("select id from users where username = 'demo-district'");
    const res = await t.as(district, {
      method: 'POST',
      url: '/api/advances',
      payload: {
        orgUnitCode: '3401',
        borrowerId: me.id,
        itemId: 999_999,
        purpose: 'จัดอบรม',
        ruleCode: 'activity',
        amountSatang: '100000',
        receivedOn: '2026-01-15',
      },
    });
    expect([404, 422]).toContain(res.statusCode);
  });

  it('refuses a state-changing request from another site, and accepts one from this site', async () => {
    const evil = await t.as(district, {
      method: 'POST',
      url: '/api/wisdom',
      headers: { origin: 'https://evil.example' },
      payload: wisdomBody('ผ้าไหม'),
    });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().code).toBe('request.cross_origin');
    const fetchSite = await t.as(district, {
      method: 'POST',
      url: '/api/auth/logout',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(fetchSite.statusCode).toBe(403);
    const nullOrigin = await t.as(district, { method: 'DELETE', url: '/api/wisdom/1', headers: { origin: 'null' } });
    expect(nullOrigin.statusCode).toBe(403);
    const same = await t.as(district, {
      method: 'POST',
      url: '/api/wisdom',
      headers: { origin: 'https://thanrak.example.go.th', host: 'thanrak.example.go.th:443', 'sec-fetch-site': 'same-origin' },
      payload: wisdomBody('ผ้าไหมจากหน้าเว็บ'),
    });
    expect(same.statusCode).toBe(201);
    // Reading is never refused: links from other sites may open pages.
    const read = await t.as(district, { method: 'GET', url: '/api/wisdom', headers: { origin: 'https://evil.example' } });
    expect(read.statusCode).toBe(200);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY names the proxy, so the login limit cannot be dodged', async () => {
    const limited = await createTestContext({ loginRateLimitPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'x-forwarded-for': `10.0.0.${i}` },
          payload: { username: 'nobody', password: 'wrong-password' },
        });
        codes.push(res.statusCode);
      }
      expect(codes.slice(3)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('compresses large responses for clients that accept it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers['content-encoding']).toBe('br');
  });

  it('listens on loopback and sends cookies only over HTTPS in production, unless told otherwise', () => {
    expect(readSettings({}).host).toBe('127.0.0.1');
    expect(readSettings({}).secureCookies).toBe(false);
    expect(readSettings({ NODE_ENV: 'production' }).secureCookies).toBe(true);
    expect(readSettings({ NODE_ENV: 'production', SECURE_COOKIES: 'false' }).secureCookies).toBe(false);
    expect(readSettings({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(readSettings({ TRUST_PROXY: '127.0.0.1, ::1' }).trustProxy).toEqual(['127.0.0.1', '::1']);
  });
});

/** A TCP relay in front of PostgreSQL that the test can cut (server down) or stall (server frozen). */
function relayTo(port: number) {
  const sockets = new Set<net.Socket>();
  let frozen = false;
  const stalled: (() => void)[] = [];
  const server = net.createServer((client) => {
    const upstream = net.connect(port, '127.0.0.1');
    sockets.add(client).add(upstream);
    const pipe = (from: net.Socket, to: net.Socket) =>
      from.on('data', (chunk) => (frozen ? stalled.push(() => to.write(chunk)) : to.write(chunk)));
    pipe(client, upstream);
    pipe(upstream, client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  return {
    listen: () =>
      new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port))),
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
      for (const write of stalled.splice(0)) write();
    },
    cut: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL unreachable (PostgreSQL only)', () => {
  it('answers 503 with Retry-After while the server is frozen or down, and recovers when it thaws', async () => {
    // An empty scratch database: only reachability matters here (the template must stay free for copying).
    const scratch = await createScratchDatabase();
    const url = new URL(scratch.url!);
    const relay = relayTo(Number(url.port));
    url.port = String(await relay.listen());
    const timeouts = { connectMs: 1_000, statementMs: 2_000, idleInTransactionMs: 5_000 };
    const database = await openDatabase({ url: url.toString(), timeouts });
    const app = await buildApp(database, { ...readSettings({}), dataKey: TEST_DATA_KEY, databaseTimeouts: timeouts });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);

      relay.freeze();
      // The watchdog pings every 2 s with a 1.5 s limit: within a few seconds requests fail fast.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      const started = Date.now();
      const frozen = await app.inject({ method: 'GET', url: '/api/health' });
      expect(frozen.statusCode).toBe(503);
      expect(frozen.headers['retry-after']).toBe('5');
      expect(frozen.json().code).toBe('database.unavailable');
      expect(Date.now() - started).toBeLessThan(1_000);

      relay.thaw();
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);

      await relay.cut();
      // The next ping (within 2 s) finds it gone.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      const down = await app.inject({ method: 'GET', url: '/api/health' });
      expect(down.statusCode).toBe(503);
      expect(down.headers['content-type']).toContain('application/problem+json');
    } finally {
      await app.close();
      await database.close().catch(() => {});
      await scratch.drop();
    }
  }, 30_000);
});

describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL busy (PostgreSQL only)', () => {
  it('is not taken for down while every pooled connection runs a slow query', async () => {
    const scratch = await createScratchDatabase();
    const database = await openDatabase({ url: scratch.url! });
    const app = await buildApp(database, { ...readSettings({}), dataKey: TEST_DATA_KEY });
    try {
      // Ten slow queries hold the whole pool for 5 s, longer than a ping may wait (1.5 s), across two pings.
      const slow = Promise.all(Array.from({ length: 10 }, () => database.db.execute('select pg_sleep(5)')));
      await new Promise((resolve) => setTimeout(resolve, 4_500));
      const busy = await app.inject({ method: 'GET', url: '/api/health' });
      expect(busy.statusCode).toBe(200);
      await slow;
    } finally {
      await app.close();
      await database.close().catch(() => {});
      await scratch.drop();
    }
  });
});
