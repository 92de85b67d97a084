/**
 * npm run bench [-- --quick] [-- --only pg|pglite|start|import|export] [-- --seconds N] [-- --match TEXT]
 * (BENCH_DATABASE_URL / BENCH_PGLITE_DIR: databases loaded before, kept between runs)
 *
 * 1. Start: `npm start` on a new PGlite data folder with demo data (what a newcomer waits for), a restart, the
 *    first load of the sign-in page (Lighthouse) and of the portal's catalog on a throttled phone (bench/portal.ts).
 * 2. PostgreSQL at national scale (BENCH_DATABASE_URL, or a throwaway cluster) and PGlite at province scale
 *    (--quick: district scale for both): the server started as its own process as `npm start` runs it, every
 *    endpoint of endpoints.ts at 1 and 50 connections (PGlite 1 and 5), beside its raw SQL and /api/health.
 * 3. Import (#14): 50,000 producers uploaded by a district to PostgreSQL (a throwaway cluster with district-scale
 *    data, so the kept national database is not changed), dry run and commit timed.
 * 4. Export (#14): every product of the nation (250,000) as CSV and XLSX from a throwaway PostgreSQL holding only
 *    the national data's products, producers, groups and owners; run alone with --only export (the PostgreSQL pass
 *    measures the same exports on the full national data).
 * Prints Markdown tables with every figure beside its target, writes bench/results/<date>-<commit>.json. It never
 * fails on timing; it fails only when something could not run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
// @ts-expect-error: a plain ES module of the start script, without types
import { buildWhenStale } from '../scripts/fresh-build.mjs';
import { openPglite } from '../src/server/db/client';
import { loadBenchData } from './data/load';
import { benchWritesRemoval, type Endpoint, endpoints, type Fixtures, findFixtures, type Query, type Sql } from './endpoints';
import { EXPORT_50K_TARGET, measureExports } from './export';
import { measureImport } from './import';
import { firstLoad } from './lighthouse';
import { type Figures, hammer, loop, type Request, timeOnce } from './load';
import { portalLoad } from './portal';
import { startCluster } from './postgres';
import { memoryOf, type Server, sampleRss, startServer } from './server';
import {
  type EndpointResult,
  type EngineResult,
  judge,
  type RunResult,
  renderMarkdown,
  type StartResult,
  targetFor,
} from './table';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
// --match TEXT: only the endpoints whose name holds TEXT (a quick look at one page; the file is named for it).
const match = args.includes('--match') ? args[args.indexOf('--match') + 1] : undefined;
const endpointsToRun = () => endpoints().filter((e) => !match || e.name.includes(match));
const seconds = args.includes('--seconds') ? Number(args[args.indexOf('--seconds') + 1]) : quick ? 2 : 10;
const HTTP_PORT = Number(process.env.BENCH_PORT ?? 3900);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 5462);
// One key for the loaded data and the server (a loader reading THANRAK_DATA_KEY encrypts with it).
process.env.THANRAK_DATA_KEY ??= Buffer.alloc(32, 7).toString('base64');
const say = (text: string) => console.error(`  ${text}`);

/** What to stop if the run is interrupted (Ctrl-C): servers and the throwaway cluster, newest first. */
const cleanups: (() => unknown)[] = [];
const cleanUp = <T>(stop: () => T) => {
  cleanups.unshift(stop);
  return stop;
};
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, async () => {
    for (const stop of cleanups) await Promise.resolve(stop()).catch(() => {});
    process.exit(130);
  });

/** Today in Bangkok, as the server's clock sees it. */
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

async function signIn(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'thanrak-demo' }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('thanrak_session='));
  if (!res.ok || !cookie) throw new Error(`sign-in as ${username}: ${res.status} ${await res.text()}`);
  return cookie.split(';')[0];
}

/** Times the raw SQL of every endpoint, one caller, statements in sequence: p50 by endpoint name. */
async function timeRaw(query: Query, list: Endpoint[], fixtures: Fixtures): Promise<Map<string, number>> {
  const p50 = new Map<string, number>();
  for (const endpoint of list) {
    if (!endpoint.raw) continue;
    const statements = endpoint.raw(fixtures);
    const run = async () => {
      for (const s of statements) await query(s);
    };
    try {
      p50.set(endpoint.name, (await loop(run, Math.min(seconds, 3))).p50);
    } catch (error) {
      say(`raw SQL of "${endpoint.name}" failed: ${(error as Error).message}`);
    }
  }
  return p50;
}

/** Every endpoint over HTTP at each concurrency, with the server's memory sampled; writes come last in the list. */
async function measureEndpoints(
  server: Server,
  engine: EngineResult['engine'],
  list: Endpoint[],
  fixtures: Fixtures,
  connections: number[],
  raw: Map<string, number>,
): Promise<{ results: EndpointResult[]; idleMb: number }> {
  const cookies = new Map<string, string>();
  for (const account of new Set(list.map((e) => e.account))) cookies.set(account, await signIn(server.url, account));
  const idleMb = memoryOf(server.pid).rssMb;
  const results: EndpointResult[] = [];
  let healthP50: number | undefined;
  for (const endpoint of list) {
    const { path: wanted, method, body } = endpoint.request(fixtures);
    let path = wanted;
    let note = endpoint.note;
    const request = (p: string): Request => ({
      url: `${server.url}${p}`,
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: endpoint.kind === 'signin' ? {} : { cookie: cookies.get(endpoint.account) ?? '' },
    });
    const result: EndpointResult = {
      name: endpoint.name,
      kind: endpoint.kind,
      path,
      at: {},
      target: targetFor(engine, endpoint.kind, endpoint.target),
    };
    say(`${engine}: ${endpoint.name}`);
    try {
      try {
        await timeOnce(request(path));
      } catch (error) {
        // A server without keyset paging refuses `cursor`: the same rows by offset, and the row says so.
        if (!path.includes('cursor=') || !String(error).includes(': 400')) throw error;
        const deep = Object.values(fixtures.deep).find((d) => path.includes(d.cursor))!;
        path = path.replace(/cursor=[^&]+/, `page=${deep.page}`);
        note = `offset page ${deep.page} (row ${deep.row.toLocaleString('en')}): this server refused the keyset cursor`;
        await timeOnce(request(path));
      }
      for (const c of endpoint.onlyAtOne ? connections.slice(0, 1) : connections) {
        const sampler = sampleRss(server.pid);
        const figures: Figures = await hammer(request(path), c, seconds);
        result.at[c] = { ...figures, extraMb: Math.max(0, sampler.stop() - idleMb) };
      }
    } catch (error) {
      result.error = (error as Error).message;
    }
    result.path = path;
    if (note) result.note = note;
    const one = result.at[connections[0]];
    if (one && endpoint.kind === 'health') healthP50 = one.p50;
    const rawP50 = raw.get(endpoint.name);
    if (rawP50 !== undefined) result.rawP50 = rawP50;
    if (one && rawP50) result.rawRatio = one.p50 / rawP50;
    if (one && healthP50) result.healthRatio = one.p50 / healthP50;
    result.judgement = judge(result, result.target);
    results.push(result);
  }
  return { results, idleMb };
}

/** Every endpoint at each concurrency on a started server, with what was loaded and the server's memory. */
async function measureEngine(
  server: Server,
  m: {
    engine: 'postgresql' | 'pglite';
    scale: string;
    loaded: { rows: Record<string, number>; seconds: number };
    list: ReturnType<typeof endpoints>;
    fixtures: Fixtures;
    connections: number[];
    raw: Map<string, number>;
    rawNote: string;
  },
): Promise<EngineResult> {
  const { results, idleMb } = await measureEndpoints(server, m.engine, m.list, m.fixtures, m.connections, m.raw);
  // Exports last: every product of the nation (PostgreSQL) or of the province (PGlite), as CSV and XLSX.
  const [account, scope] = m.engine === 'postgresql' ? ['demo-admin', 'national'] : ['demo-province', 'province'];
  say(`${m.engine}: export of all products, ${scope}`);
  const cookie = await signIn(server.url, account);
  const exports = await measureExports(server, `products ${scope}`, cookie);
  // Issue 13's XLSX of 50,000 rows: one category of the nation's products (57,700 food products in the bench data).
  if (m.engine === 'postgresql')
    exports.push(...(await measureExports(server, 'products national, food', cookie, '?category=food', EXPORT_50K_TARGET)));
  return {
    exports,
    engine: m.engine,
    scale: m.scale,
    rows: m.loaded.rows,
    loadSeconds: m.loaded.seconds,
    connections: m.connections,
    serverStartMs: server.startMs,
    idleMb,
    peakMb: memoryOf(server.pid).peakMb,
    rawNote: m.rawNote,
    endpoints: results,
  };
}

const SERVER_ENV = { DEMO_DATA: 'false', LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' };

async function postgresPass(scale: 'national' | 'district'): Promise<{ result: EngineResult; version: string }> {
  const cluster = process.env.BENCH_DATABASE_URL ? undefined : await startCluster(PG_PORT);
  if (cluster) cleanUp(() => cluster.stop());
  const url = process.env.BENCH_DATABASE_URL ?? cluster!.url;
  say(`PostgreSQL: ${cluster ? 'throwaway cluster' : 'BENCH_DATABASE_URL'}; loading ${scale} data`);
  // The app's session settings (db/client.ts), so raw SQL and the app are compared like for like.
  const pool = new pg.Pool({ connectionString: url, max: 2, options: '-c jit=off -c max_parallel_workers_per_gather=0' });
  let server: Server | undefined;
  try {
    const loaded = await loadBenchData({ databaseUrl: url, scale, onProgress: say });
    const client = await pool.connect();
    const query: Query = async (s: Sql) => (await client.query(s.text, s.values)).rows;
    try {
      const version = String((await query({ text: 'show server_version' }))[0].server_version);
      const fixtures = await findFixtures(query, today());
      const list = endpointsToRun();
      say('PostgreSQL: raw SQL');
      const raw = await timeRaw(query, list, fixtures);
      server = await startServer({ port: HTTP_PORT, env: { ...SERVER_ENV, DATABASE_URL: url } });
      cleanUp(server.stop);
      const connections = [1, 50];
      const rawNote = 'Raw SQL through `pg` on one connection, measured just before the server started.';
      const measured = { engine: 'postgresql', scale, loaded, list, fixtures, connections, raw, rawNote } as const;
      const result = await measureEngine(server, measured);
      for (const s of benchWritesRemoval()) await query(s);
      return { version, result };
    } finally {
      client.release();
    }
  } finally {
    await server?.stop();
    await pool.end();
    cluster?.stop();
  }
}

async function pglitePass(scale: 'province' | 'district'): Promise<EngineResult> {
  // BENCH_PGLITE_DIR: a data folder kept between runs (loaded once by `npm run bench:data`), else a throwaway one.
  const kept = process.env.BENCH_PGLITE_DIR;
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'thanrak-bench-lite-'));
  if (!kept) cleanUp(() => rmSync(dir, { recursive: true, force: true }));
  const dataDir = kept ?? join(dir, 'data');
  let server: Server | undefined;
  try {
    say(`PGlite: loading ${scale} data`);
    const loaded = await loadBenchData({ dataDir, scale, onProgress: say });
    const list = endpointsToRun();
    // The server holds the data folder alone, so the raw SQL runs first, in this process, with no server up.
    const lite = await openPglite(dataDir);
    let fixtures: Fixtures;
    let raw: Map<string, number>;
    try {
      const query: Query = async (s: Sql) => (await lite.query<Record<string, unknown>>(s.text, s.values)).rows;
      fixtures = await findFixtures(query, today());
      say('PGlite: raw SQL');
      raw = await timeRaw(query, list, fixtures);
    } finally {
      await lite.close();
    }
    server = await startServer({ port: HTTP_PORT + 1, env: { ...SERVER_ENV, DATA_DIR: dataDir } });
    cleanUp(server.stop);
    const connections = [1, 5];
    const rawNote =
      'Raw SQL in a separate pass before the server started (PGlite opens a data folder in one process only), ' +
      'in the bench process itself: no network and no second process.';
    const result = await measureEngine(server, { engine: 'pglite', scale, loaded, list, fixtures, connections, raw, rawNote });
    await server.stop();
    if (kept) {
      const lite = await openPglite(dataDir);
      for (const s of benchWritesRemoval()) await lite.query(s.text);
      await lite.close();
    }
    return result;
  } finally {
    await server?.stop();
    if (!kept) rmSync(dir, { recursive: true, force: true });
  }
}

/** A district imports 50,000 producers on its own throwaway PostgreSQL (the national data stays as it was). */
async function importPass(): Promise<RunResult['imports']> {
  const cluster = await startCluster(PG_PORT + 10);
  cleanUp(() => cluster.stop());
  let server: Server | undefined;
  try {
    say('import: loading district data');
    await loadBenchData({ databaseUrl: cluster.url, scale: 'district', onProgress: say });
    server = await startServer({ port: HTTP_PORT + 3, env: { ...SERVER_ENV, DATABASE_URL: cluster.url } });
    cleanUp(server.stop);
    say('import: 50,000 producers, dry run and commit');
    return await measureImport(server, await signIn(server.url, 'demo-district'));
  } finally {
    await server?.stop();
    cluster.stop();
  }
}

/** The national admin exports every product of the nation, on a throwaway PostgreSQL with the products only. */
async function exportPass(): Promise<RunResult['nationalExport']> {
  const cluster = await startCluster(PG_PORT + 20);
  cleanUp(() => cluster.stop());
  let server: Server | undefined;
  try {
    say('export: loading the national products, producers, groups and owners');
    const loaded = await loadBenchData({ databaseUrl: cluster.url, scale: 'national', only: 'products', onProgress: say });
    server = await startServer({ port: HTTP_PORT + 4, env: { ...SERVER_ENV, DATABASE_URL: cluster.url } });
    cleanUp(server.stop);
    const cookie = await signIn(server.url, 'demo-admin');
    const idleMb = memoryOf(server.pid).rssMb;
    say('export: every product of the nation, CSV and XLSX');
    const results = await measureExports(server, 'products national', cookie);
    return { rows: loaded.rows, loadSeconds: loaded.seconds, serverStartMs: server.startMs, idleMb, results };
  } finally {
    await server?.stop();
    cluster.stop();
  }
}

/** `npm start` on a new folder (demo data), then restarts; the last one stays up for the first-load audit. */
async function startPass(): Promise<{
  start: StartResult;
  firstLoad?: RunResult['firstLoad'];
  portalLoad?: RunResult['portalLoad'];
}> {
  const dir = mkdtempSync(join(tmpdir(), 'thanrak-bench-start-'));
  const builtAt = () => (existsSync('dist/web/index.html') ? statSync('dist/web/index.html').mtimeMs : 0);
  const before = builtAt();
  // What a newcomer has: no database URL, no key, demo data on.
  const env = { DATA_DIR: join(dir, 'data'), DATABASE_URL: '', THANRAK_DATA_KEY: '', DEMO_DATA: '' };
  const port = HTTP_PORT + 2;
  try {
    say('start: npm start on a new data folder');
    const cold = await startServer({ port, env, via: 'npm-start' });
    cleanUp(cold.stop);
    await cold.stop();
    const webBuilt = builtAt() !== before;
    const restarts: number[] = [];
    let last: Server | undefined;
    for (let i = 0; i < 3; i++) {
      last = await startServer({ port, env, via: 'npm-start' });
      cleanUp(last.stop);
      restarts.push(last.startMs);
      if (i < 2) await last.stop();
    }
    let load: RunResult['firstLoad'];
    let portal: RunResult['portalLoad'];
    try {
      say('start: Lighthouse on /login');
      load = await firstLoad(last!.url);
    } catch (error) {
      say(`Lighthouse did not run: ${(error as Error).message}`);
    }
    try {
      say('start: the portal catalog on a throttled phone');
      portal = await portalLoad(last!.url);
    } catch (error) {
      say(`The portal catalog was not measured: ${(error as Error).message}`);
    } finally {
      await last!.stop();
    }
    const start = { coldMs: cold.startMs, restartMs: restarts.sort((a, b) => a - b)[1], webBuilt };
    return { start, firstLoad: load, portalLoad: portal };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function commitOf(): string {
  const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no']).toString().trim();
  return dirty ? `${sha}-dirty` : sha;
}

const pgliteVersion = () => String(JSON.parse(readFileSync('node_modules/@electric-sql/pglite/package.json', 'utf8')).version);

const result: RunResult = {
  date: new Date().toISOString(),
  commit: commitOf(),
  quick,
  seconds,
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: totalmem() / 1024 ** 3,
    node: process.version,
    pglite: pgliteVersion(),
    loadAverage: [loadavg()[0]],
  },
  engines: [],
};
// The server passes run dist/server/main.js: built first when the sources are newer, as `npm start` does.
if (only !== 'start') await buildWhenStale();
if (!only || only === 'start') Object.assign(result, await startPass());
if (!only || only === 'pg') {
  const { result: engine, version } = await postgresPass(quick ? 'district' : 'national');
  result.machine.postgres = version;
  result.engines.push(engine);
}
if (!only || only === 'pglite') result.engines.push(await pglitePass(quick ? 'district' : 'province'));
if ((!only && !quick) || only === 'import') result.imports = await importPass();
// The full run measures the exports on the national data already (PostgreSQL pass); alone, on the products only.
if (only === 'export') result.nationalExport = await exportPass();

result.machine.loadAverage?.push(loadavg()[0]);
mkdirSync('bench/results', { recursive: true });
// A part run alone (`--only import`) is named for it, so parts run one after another keep their own files.
const file = `bench/results/${result.date.slice(0, 10)}-${result.commit}${only ? `-${only}` : ''}${match ? '-match' : ''}.json`;
// Two decimals are plenty for milliseconds and MiB; formatted as the repository's Biome check wants it.
const rounded = (_key: string, value: unknown) => (typeof value === 'number' ? Math.round(value * 100) / 100 : value);
writeFileSync(file, `${JSON.stringify(result, rounded, 2)}\n`);
execFileSync('npx', ['biome', 'format', '--write', file], { stdio: 'ignore' });
console.log(renderMarkdown(result));
console.log(`\nSaved ${file}; \`npx tsx bench/report.ts --readme\` puts the latest run in the README.`);
