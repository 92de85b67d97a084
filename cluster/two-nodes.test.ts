/**
 * Two app nodes behind nginx on one PostgreSQL (issue 8, item 18): sessions work on either node, and a
 * 60-second mixed load with one node killed (kill -9) half-way loses no write that was acknowledged.
 * Run with `npm run test:cluster` (scripts/test-cluster.sh); part of `npm test`.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Answer, type Cluster, request, sessionCookie, startCluster } from './cluster';

const LOAD_SECONDS = Number(process.env.CLUSTER_LOAD_SECONDS ?? 60);
const WRITERS = 4;
const READERS = 4;
/** Per worker: bounds the load whatever the machine's speed. */
const MAX_REQUESTS_PER_WORKER = 1_500;
const PAUSE_MS = 30;
const PASSWORD = 'thanrak-demo';

let cluster: Cluster;
const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  cluster = await startCluster();
}, 150_000);

afterAll(async () => {
  agent.destroy();
  await cluster?.stop();
}, 30_000);

const viaNginx = (method: string, url: string, options: { cookie?: string; body?: unknown } = {}) =>
  request(agent, cluster.port, method, url, options);

async function signIn(username: string): Promise<string> {
  const answer = await viaNginx('POST', '/api/auth/login', { body: { username, password: PASSWORD } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return sessionCookie(answer);
}

describe('two app nodes behind nginx on one PostgreSQL', () => {
  test('a session made through nginx is accepted by both nodes, and signing out through nginx ends it on both', async () => {
    const [a, b] = cluster.nodes;
    const cookie = await signIn('demo-district');
    for (const node of [a, b]) {
      const me = await request(agent, node.port, 'GET', '/api/auth/me', { cookie });
      expect(me.status, node.name).toBe(200);
      expect(me.body.user.username).toBe('demo-district');
    }
    // Round robin: consecutive requests through nginx land on both nodes, all signed in.
    const answered = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const me = await viaNginx('GET', '/api/auth/me', { cookie });
      expect(me.status).toBe(200);
      answered.add(cluster.nodeOf(me)?.name ?? '?');
    }
    expect([...answered].sort()).toEqual(['node-a', 'node-b']);
    // A record written on one node is read on the other at once (one database, no node-local state).
    const branch = await branchCode(cookie);
    const created = await viaNginx('POST', '/api/wisdom', {
      cookie,
      body: wisdomBody(`cluster-session-${randomBytes(4).toString('hex')}`, branch),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    for (const node of [a, b]) {
      expect((await request(agent, node.port, 'GET', `/api/wisdom/${created.body.id}`, { cookie })).status, node.name).toBe(200);
    }
    expect((await viaNginx('POST', '/api/auth/logout', { cookie })).status).toBe(204);
    for (const node of [a, b]) {
      expect((await request(agent, node.port, 'GET', '/api/auth/me', { cookie })).status, node.name).toBe(401);
    }
  });

  test(
    'a mixed load with one node killed half-way loses no acknowledged write, reports every failed one, and the surviving node keeps serving',
    async () => {
      const [victim, survivor] = cluster.nodes;
      const run = randomBytes(4).toString('hex');
      const prefix = `cluster-${run}-`;
      const writerCookies = await Promise.all(Array.from({ length: WRITERS }, () => signIn('demo-district')));
      const readerCookie = await signIn('demo-district');
      const branch = await branchCode(readerCookie);

      interface Attempt {
        kind: 'wisdom' | 'person' | 'read';
        key?: string;
        startedAt: number;
        status: number;
        node?: string;
        id?: number;
      }
      const attempts: Attempt[] = [];
      const acknowledged: number[] = []; // wisdom ids readers fetch back
      const start = Date.now();
      const deadline = start + LOAD_SECONDS * 1000;
      const killAt = start + (LOAD_SECONDS * 1000) / 2;
      let killedAt = 0;
      const record = (attempt: Omit<Attempt, 'status' | 'node'>, answer: Answer): Attempt => {
        const done = { ...attempt, status: answer.status, node: cluster.nodeOf(answer)?.name };
        attempts.push(done);
        return done;
      };

      const writer = async (index: number) => {
        const cookie = writerCookies[index];
        for (let n = 0; n < MAX_REQUESTS_PER_WORKER && Date.now() < deadline; n++) {
          const key = `${prefix}w${index}-${n}`;
          const startedAt = Date.now();
          if (n % 2 === 0) {
            const answer = await viaNginx('POST', '/api/wisdom', { cookie, body: wisdomBody(key, branch) });
            const done = record({ kind: 'wisdom', key, startedAt }, answer);
            if (answer.status === 201) {
              done.id = answer.body.id;
              acknowledged.push(answer.body.id);
            }
          } else {
            const body = { orgUnitCode: '3401', title: 'นาย', firstName: 'ทดสอบคลัสเตอร์', lastName: key, subdistrict: 'ในเมือง' };
            const answer = await viaNginx('POST', '/api/people', { cookie, body });
            const done = record({ kind: 'person', key, startedAt }, answer);
            if (answer.status === 201) done.id = answer.body.id;
          }
          await sleep(PAUSE_MS);
        }
      };
      const reader = async (index: number) => {
        for (let n = 0; n < MAX_REQUESTS_PER_WORKER && Date.now() < deadline; n++) {
          const startedAt = Date.now();
          const choice = (n + index) % 3;
          const url =
            choice === 0
              ? '/api/wisdom?unit=3401&pageSize=20'
              : choice === 1
                ? '/api/people?unit=3401&pageSize=20'
                : acknowledged.length
                  ? `/api/wisdom/${acknowledged[Math.floor(Math.random() * acknowledged.length)]}`
                  : '/api/auth/me';
          record({ kind: 'read', startedAt }, await viaNginx('GET', url, { cookie: readerCookie }));
          await sleep(PAUSE_MS);
        }
      };
      const killer = async () => {
        await sleep(killAt - Date.now());
        cluster.kill(victim, 'SIGKILL');
        killedAt = Date.now();
      };

      await Promise.all([
        killer(),
        ...Array.from({ length: WRITERS }, (_, i) => writer(i)),
        ...Array.from({ length: READERS }, (_, i) => reader(i)),
      ]);
      const seconds = (Date.now() - start) / 1000;

      // What the database holds, by the unique titles / last names.
      const wisdomRows = await cluster.query<{ id: number; title: string }>(
        'SELECT id, title FROM wisdom_items WHERE title LIKE $1 AND deleted_at IS NULL',
        [`${prefix}%`],
      );
      const personRows = await cluster.query<{ id: number; last_name: string }>(
        'SELECT id, last_name FROM people WHERE last_name LIKE $1 AND deleted_at IS NULL',
        [`${prefix}%`],
      );
      // nginx must never send a write twice (a POST retried on the other node would make a second row).
      const keys = [...wisdomRows.map((r) => r.title), ...personRows.map((r) => r.last_name)];
      const seen = new Set<string>();
      const duplicates = keys.filter((key) => seen.has(key) || !seen.add(key));
      const stored = new Map<string, number>([
        ...wisdomRows.map((r) => [r.title, r.id] as const),
        ...personRows.map((r) => [r.last_name, r.id] as const),
      ]);

      const writes = attempts.filter((a) => a.kind !== 'read');
      const reads = attempts.filter((a) => a.kind === 'read');
      const ok = (a: Attempt) => a.status >= 200 && a.status < 300;
      const acked = writes.filter(ok);
      const lost = acked.filter((a) => stored.get(a.key!) !== a.id);
      const failedWrites = writes.filter((a) => !ok(a));
      // A write whose answer was lost with the killed node may still have committed: the client saw a failure.
      const failedButStored = failedWrites.filter((a) => stored.has(a.key!));
      const unexpected = [...stored.keys()].filter((key) => !writes.some((a) => a.key === key));
      const failedReads = reads.filter((a) => !ok(a));
      const afterKill = attempts.filter((a) => a.startedAt >= killedAt);
      const servedBySurvivor = afterKill.filter((a) => ok(a) && a.node === survivor.name);
      // Requests sent once nginx had seen the node go (a second after the kill) must all succeed.
      const settled = afterKill.filter((a) => a.startedAt >= killedAt + 1_000);
      const failedAfterFailover = settled.filter((a) => !ok(a));
      const byStatus = (list: Attempt[]) =>
        Object.entries(
          list.reduce<Record<string, number>>((acc, a) => {
            acc[a.status || 'no answer'] = (acc[a.status || 'no answer'] ?? 0) + 1;
            return acc;
          }, {}),
        )
          .map(([status, count]) => `${status}×${count}`)
          .join(', ') || 'none';

      const health = await viaNginx('GET', '/api/health');
      const summary = [
        `Cluster load: ${attempts.length} requests in ${seconds.toFixed(1)} s through nginx (${WRITERS} writers, ${READERS} readers), ${victim.name} killed (SIGKILL) at ${((killedAt - start) / 1000).toFixed(1)} s`,
        `  writes: ${writes.length} sent, ${acked.length} acknowledged (${acked.filter((a) => a.startedAt >= killedAt).length} after the kill), ${failedWrites.length} failed [${byStatus(failedWrites)}], ${failedButStored.length} of the failed ones committed anyway`,
        `  lost acknowledged writes: ${lost.length}${lost.length ? ` (${lost.map((a) => a.key).join(', ')})` : ''}; rows nobody asked for: ${unexpected.length}; written twice: ${duplicates.length}`,
        `  reads: ${reads.length}, failed ${failedReads.length} [${byStatus(failedReads)}]`,
        `  errors during failover (requests sent before the kill or within 1 s of it): ${attempts.filter((a) => !ok(a) && a.startedAt < killedAt + 1_000).length} [${byStatus(attempts.filter((a) => !ok(a) && a.startedAt < killedAt + 1_000))}]; after that: ${failedAfterFailover.length}`,
        `  ${survivor.name} answered ${servedBySurvivor.length} requests after the kill; /api/health through nginx: ${health.status} from ${cluster.nodeOf(health)?.name}`,
      ].join('\n');
      console.log(summary);

      expect(killedAt, 'the node was killed during the load').toBeGreaterThan(0);
      expect(cluster.running(victim)).toBe(false);
      expect(acked.length, 'enough acknowledged writes to mean something').toBeGreaterThan(50);
      expect(acked.filter((a) => a.startedAt >= killedAt).length).toBeGreaterThan(10);
      expect(lost.map((a) => a.key)).toEqual([]);
      expect(unexpected).toEqual([]);
      expect(duplicates).toEqual([]);
      // Every failure was seen by the client as one (non-2xx or no answer) and is counted above; none hides in a 2xx.
      expect(writes.length).toBe(acked.length + failedWrites.length);
      expect(failedAfterFailover.map((a) => `${a.kind} ${a.status}`)).toEqual([]);
      expect(servedBySurvivor.length).toBeGreaterThan(100);
      expect(health.status).toBe(200);
      expect(cluster.nodeOf(health)?.name).toBe(survivor.name);
    },
    LOAD_SECONDS * 1000 + 60_000,
  );
});

async function branchCode(cookie: string): Promise<string> {
  const answer = await viaNginx('GET', '/api/code-lists/wisdom_branch', { cookie });
  expect(answer.status).toBe(200);
  return answer.body.find((item: { deprecated: boolean }) => !item.deprecated).code;
}

function wisdomBody(title: string, branchCode: string) {
  return { orgUnitCode: '3401', title, branchCode, surveyedOn: '2026-01-15', description: 'ทดสอบสองโหนด' };
}
