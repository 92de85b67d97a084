/**
 * A read replica (issue 13, build 4): a primary and a streaming replica made with `pg_basebackup -R` on loopback,
 * the app on both (DATABASE_URL + DATABASE_REPLICA_URL). With the replica's replay paused, the dashboard and the
 * funnel still show what the replica has while a write lands on the primary; after catch-up they show it. With the
 * replica stopped, they are read from the primary. Run with `npm run test:cluster` (scripts/test-cluster.sh).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { buildApp } from '../src/server/app';
import type { Database } from '../src/server/db/client';
import { prepareDatabase } from '../src/server/db/setup';
import { DEMO_PASSWORD, demoSeed } from '../src/server/demo/demo';
import { readSettings } from '../src/server/env';
import { freePort } from './cluster';

const KEY = Buffer.alloc(32, 9);
const isRoot = process.getuid?.() === 0;
const bin =
  process.env.PG_BIN ??
  (existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(a) - Number(b))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
        .at(-1)
    : undefined);
const missing = !bin || !existsSync(`${bin}/pg_basebackup`) ? 'PostgreSQL server binaries (initdb, pg_basebackup) not found' : '';
if (missing) console.warn(`replica.test.ts skipped: ${missing} (apt-get install postgresql)`);

const asPostgres = (command: string, args: string[]) =>
  execFileSync(isRoot ? 'runuser' : command, isRoot ? ['-u', 'postgres', '--', command, ...args] : args, { stdio: 'pipe' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let dir = '';
let primary: { port: number; data: string };
let replica: { port: number; data: string };
let database: Database | undefined;
let app: FastifyInstance | undefined;
let cookie = '';
const clients: pg.Client[] = [];

function start(server: { port: number; data: string }, name: string) {
  asPostgres(`${bin}/pg_ctl`, [
    '-D',
    server.data,
    '-l',
    path.join(dir, `${name}.log`),
    '-w',
    '-o',
    `-p ${server.port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c wal_level=replica`,
    'start',
  ]);
}
function stop(server: { data: string }) {
  try {
    asPostgres(`${bin}/pg_ctl`, ['-D', server.data, '-m', 'fast', '-w', 'stop']);
  } catch {
    // not running
  }
}
async function connect(port: number) {
  const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  // The replica's connection ends when the test stops it.
  client.on('error', () => {});
  await client.connect();
  clients.push(client);
  return client;
}
const url = (port: number) => `postgres://postgres@127.0.0.1:${port}/postgres`;

describe.skipIf(!!missing)('a streaming read replica', () => {
  let onPrimary: pg.Client;
  let onReplica: pg.Client;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'thanrak-replica-'));
    // scripts/test-cluster.sh stops the two servers from here should this process die first.
    if (process.env.CLUSTER_DIR) writeFileSync(path.join(process.env.CLUSTER_DIR, 'replica-dir'), dir);
    if (isRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'])), Number(execFileSync('id', ['-g', 'postgres'])));
    primary = { port: await freePort(), data: path.join(dir, 'primary') };
    replica = { port: await freePort(), data: path.join(dir, 'replica') };
    // initdb's pg_hba.conf already lets 127.0.0.1 replicate with --auth=trust.
    asPostgres(`${bin}/initdb`, ['-D', primary.data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
    start(primary, 'primary');
    asPostgres(`${bin}/pg_basebackup`, [
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-D',
      replica.data,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
    ]);
    start(replica, 'replica');
    onPrimary = await connect(primary.port);
    onReplica = await connect(replica.port);
    expect((await onReplica.query('select pg_is_in_recovery() as standby')).rows[0].standby).toBe(true);

    // Migrated and seeded on the primary only: the replica gets all of it by streaming.
    database = await prepareDatabase(
      { url: url(primary.port), replicaUrl: url(replica.port) },
      { seed: demoSeed(KEY, { pipeline: false }), dataKey: KEY },
    );
    app = await buildApp(database, { ...readSettings({}), dataKey: KEY, loginRateLimitPerMinute: 1000 });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'demo-district', password: DEMO_PASSWORD },
    });
    expect(login.statusCode, login.body).toBe(200);
    cookie = `thanrak_session=${login.cookies.find((c) => c.name === 'thanrak_session')!.value}`;
    await caughtUp();
  }, 90_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await Promise.all(clients.map((client) => client.end().catch(() => {})));
    if (dir) {
      if (replica) stop(replica);
      if (primary) stop(primary);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  /** Waits until the replica has replayed everything the primary has written so far. */
  async function caughtUp() {
    const { lsn } = (await onPrimary.query('select pg_current_wal_lsn()::text as lsn')).rows[0];
    for (let i = 0; i < 200; i++) {
      const { behind } = (
        await onReplica.query('select pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn()) > 0 as behind', [lsn])
      ).rows[0];
      if (!behind) return;
      await sleep(50);
    }
    throw new Error('the replica did not catch up within 10 s');
  }
  const get = async (target: string) => {
    const res = await app!.inject({ method: 'GET', url: target, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const groupsCounted = async () => {
    const pipeline = await get('/api/pipeline?unit=3401');
    const dashboard = await get('/api/dashboards?unit=3401');
    const sum = (stages: { count: number }[]) => stages.reduce((total, s) => total + s.count, 0);
    return { pipeline: sum(pipeline.stages), dashboard: sum(dashboard.funnel) };
  };
  const newGroup = async (name: string) => {
    const res = await app!.inject({
      method: 'POST',
      url: '/api/groups',
      headers: { cookie },
      payload: { orgUnitCode: '3401', name, foundedOn: '2025-12-01' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };

  test('the dashboard and the funnel read the replica; a write goes to the primary and reaches them after catch-up', async () => {
    const before = await groupsCounted();
    await onReplica.query('select pg_wal_replay_pause()');
    try {
      for (let i = 0; i < 100; i++) {
        const { state } = (await onReplica.query('select pg_get_wal_replay_pause_state() as state')).rows[0];
        if (state === 'paused') break;
        await sleep(50);
      }
      const id = await newGroup('กลุ่มทอผ้าบ้านสำเนา 1');
      // The write is on the primary, and the group's own page (read on the primary) shows it at once…
      expect((await onPrimary.query('select count(*)::int as n from occupational_groups where id = $1', [id])).rows[0].n).toBe(1);
      expect((await get(`/api/groups/${id}`)).id).toBe(id);
      // …while the replica, replay paused, has not seen it: and that is what the dashboard and the funnel show.
      expect((await onReplica.query('select count(*)::int as n from occupational_groups where id = $1', [id])).rows[0].n).toBe(0);
      expect(await groupsCounted()).toEqual(before);
    } finally {
      await onReplica.query('select pg_wal_replay_resume()');
    }
    await caughtUp();
    expect(await groupsCounted()).toEqual({ pipeline: before.pipeline + 1, dashboard: before.dashboard + 1 });
  });

  test('with the replica down, the dashboard and the funnel are read from the primary and the outage is logged once', async () => {
    const before = await groupsCounted();
    const logged = vi.spyOn(console, 'error');
    try {
      stop(replica);
      await newGroup('กลุ่มทอผ้าบ้านสำเนา 2');
      expect(await groupsCounted()).toEqual({ pipeline: before.pipeline + 1, dashboard: before.dashboard + 1 });
      expect(await groupsCounted()).toEqual({ pipeline: before.pipeline + 1, dashboard: before.dashboard + 1 });
      const outages = logged.mock.calls.filter(([text]) => String(text).startsWith('Read replica unavailable'));
      expect(outages).toHaveLength(1);
    } finally {
      logged.mockRestore();
    }
  });
});
