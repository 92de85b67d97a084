/**
 * The bench data at district scale, loaded into a fresh copy of the test database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL), then read back through the app itself: lists, a citizen ID, money balances, the funnel and
 * every group's stage. Loading again is a no-op; two loads with one seed give the same rows.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { thaiToday } from '../../src/server/clock';
import { type Database, openDatabase, openPglite } from '../../src/server/db/client';
import { DEMO_PASSWORD } from '../../src/server/demo/demo';
import { readSettings } from '../../src/server/env';
import { allocationBalance } from '../../src/server/features/budget/allocations';
import { provenStage } from '../../src/server/features/groups/stages';
import { TEMPLATE_DB, TEST_DATA_KEY, withDatabase } from '../../src/server/test/global-setup';
import { fiscalYearOf, isValidCitizenId } from '../../src/shared/thai/index';
import { BenchDataError, loadBenchData } from './load';

const SEED = 7;
const folders: string[] = [];
const drops: string[] = [];

/** A fresh copy of the golden test database (migrated, demo accounts): a PostgreSQL URL or a PGlite folder. */
async function freshTarget(): Promise<{ databaseUrl?: string; dataDir?: string }> {
  const target = inject('testDatabase');
  if (target.kind === 'postgresql') {
    const name = `thanrak_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: target.adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
    await admin.end();
    drops.push(name);
    return { databaseUrl: withDatabase(target.adminUrl, name) };
  }
  const dataDir = join(mkdtempSync(join(tmpdir(), 'bench-data-')), 'db');
  folders.push(dataDir);
  const lite = await openPglite(dataDir, new Blob([readFileSync(target.dumpPath)]));
  await lite.close();
  return { dataDir };
}

const openTarget = (t: { databaseUrl?: string; dataDir?: string }) =>
  openDatabase(t.databaseUrl ? { url: t.databaseUrl } : { dataDir: t.dataDir! });

async function checksums(database: Database) {
  const { rows } = (await database.db.execute(sql`
    select
      (select md5(string_agg(concat_ws('|', id, org_unit_code, name, category, price_satang, search_text), ';' order by id)) from products) as products,
      (select md5(string_agg(concat_ws('|', id, service_date, mode, description, created_by), ';' order by id)) from services) as services,
      (select md5(string_agg(concat_ws('|', id, name, founded_on, stage, evidence::text), ';' order by id)) from occupational_groups) as groups,
      (select md5(string_agg(concat_ws('|', id, first_name, last_name, citizen_id_hash), ';' order by id)) from people) as people,
      (select md5(string_agg(concat_ws('|', item_id, to_unit_code, amount_satang), ';' order by id)) from allocations) as allocations
  `)) as unknown as { rows: Record<string, string>[] };
  return rows[0];
}

describe('bench data, district scale', () => {
  const saved = process.env.THANRAK_DATA_KEY;
  let first: { databaseUrl?: string; dataDir?: string };
  let result: Awaited<ReturnType<typeof loadBenchData>>;
  let database: Database;
  let app: FastifyInstance;
  let cookie: string;

  beforeAll(async () => {
    // The key the server runs with: the loader seals citizen IDs under it, as the people service does.
    process.env.THANRAK_DATA_KEY = TEST_DATA_KEY.toString('base64');
    first = await freshTarget();
    result = await loadBenchData({ ...first, scale: 'district', seed: SEED });
    database = await openTarget(first);
    app = await buildApp(database, { ...readSettings({}), loginRateLimitPerMinute: 1000, dataKey: TEST_DATA_KEY });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'demo-district', password: DEMO_PASSWORD },
    });
    cookie = `thanrak_session=${login.cookies.find((c) => c.name === 'thanrak_session')!.value}`;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
    if (saved === undefined) delete process.env.THANRAK_DATA_KEY;
    else process.env.THANRAK_DATA_KEY = saved;
    for (const dir of folders) rmSync(dir.replace(/\/db$/, ''), { recursive: true, force: true });
    const target = inject('testDatabase');
    if (target.kind === 'postgresql' && drops.length) {
      const admin = new pg.Client({ connectionString: target.adminUrl });
      await admin.connect();
      for (const name of drops) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const rows = async <T>(query: ReturnType<typeof sql>) => ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

  it('loads one center only, with its records in every part of the app', async () => {
    expect(result.scale).toBe('district');
    expect(result.rows.occupational_groups).toBeGreaterThan(40);
    expect(result.rows.services).toBeGreaterThan(500);
    const units = await rows<{ code: string }>(sql`select distinct org_unit_code as code from services`);
    expect(units).toEqual([{ code: '3401' }]);
    const [meta] = await rows<{ scale: string; seed: number }>(sql`select scale, seed from bench_meta`);
    expect(meta).toEqual({ scale: 'district', seed: SEED });
  });

  it('lists the products of 3401 through the app', async () => {
    const page = await get('/api/products?unit=3401');
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items[0].orgUnitCode).toBe('3401');
    const search = await get(`/api/products?unit=3401&q=${encodeURIComponent(page.items[0].name.split(' ')[0])}`);
    expect(search.items.length).toBeGreaterThan(0);
  });

  it('seals citizen IDs so the app opens them, and they pass the checksum', async () => {
    const [person] = await rows<{ id: number }>(
      sql`select id from people where citizen_id_encrypted is not null order by id limit 1`,
    );
    const { citizenId } = await get(`/api/people/${person.id}/citizen-id`);
    expect(isValidCitizenId(citizenId)).toBe(true);
    expect(citizenId.slice(1, 5)).toBe('3401');
  });

  it('keeps every money balance non-negative as the app computes it', async () => {
    const items = await rows<{ item_id: number; unit: string }>(
      sql`select distinct item_id, to_unit_code as unit from allocations where to_unit_code in ('34', '3401')`,
    );
    expect(items.length).toBeGreaterThan(10);
    for (const { item_id, unit } of items) {
      const balance = await allocationBalance(database.db, item_id, unit);
      expect(balance.balance >= 0n && balance.unallocated >= 0n, `${unit} item ${item_id}`).toBe(true);
    }
    const paid = await rows<{ n: number }>(sql`select count(*)::int as n from disbursements where org_unit_code = '3401'`);
    expect(paid[0].n).toBeGreaterThan(0);
  });

  it('shows a funnel for 3401, every group at the stage its records prove', async () => {
    const funnel = await get('/api/pipeline?unit=3401');
    const counts = Object.fromEntries(funnel.stages.map((s: { stage: string; count: number }) => [s.stage, s.count]));
    expect(counts.group_formed).toBe(result.rows.occupational_groups);
    expect(counts.otop_registered).toBeGreaterThan(0);
    expect(counts.market_access).toBeGreaterThan(0);
    const groups = await rows<{ id: number; stage: string }>(sql`select id, stage from occupational_groups order by id`);
    for (const group of groups)
      expect(await database.db.transaction((tx) => provenStage(tx, group.id)), `group ${group.id}`).toBe(group.stage);
  });

  it('fills the completeness matrix and the quarterly reports', async () => {
    const lastYear = fiscalYearOf(thaiToday()).fiscalYear - 1;
    const matrix = await get(`/api/indicators/matrix?unit=3401&fiscalYear=${lastYear}`);
    expect(matrix.rows[0].activities).toContain('met');
    const reports = await rows<{ n: number }>(sql`select count(*)::int as n from quarterly_reports where figures is not null`);
    expect(reports[0].n).toBeGreaterThan(0);
  });

  it('returns at once when loaded again with the same seed, and refuses another seed', async () => {
    await app.close();
    await database.close();
    const again = await loadBenchData({ ...first, scale: 'district', seed: SEED });
    expect(again.rows).toEqual(result.rows);
    await expect(loadBenchData({ ...first, scale: 'district', seed: SEED + 1 })).rejects.toThrow(BenchDataError);
    await expect(loadBenchData({ ...first, scale: 'province', seed: SEED })).rejects.toThrow(/new database/);
    database = await openTarget(first);
    app = await buildApp(database, { ...readSettings({}), dataKey: TEST_DATA_KEY });
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from occupational_groups`);
    expect(n).toBe(result.rows.occupational_groups);
  });

  it('gives the same rows from the same seed in another database', async () => {
    const second = await freshTarget();
    const other = await loadBenchData({ ...second, scale: 'district', seed: SEED });
    expect(other.rows).toEqual(result.rows);
    const otherDb = await openTarget(second);
    try {
      expect(await checksums(otherDb)).toEqual(await checksums(database));
    } finally {
      await otherDb.close();
    }
  });

  it('loads only the products with their producers, groups and owners, the same products as the full load', async () => {
    const target = await freshTarget();
    const loaded = await loadBenchData({ ...target, scale: 'district', seed: SEED, only: 'products' });
    expect(loaded.rows.products).toBe(result.rows.products);
    expect(loaded.rows.services).toBeUndefined();
    const productsOnly = await openTarget(target);
    try {
      const [mine, full] = [await checksums(productsOnly), await checksums(database)];
      expect(mine.products).toBe(full.products);
      expect(mine.services).toBeNull();
      // Groups at the stage their registrations and certificates prove, as the app would have moved them.
      const { rows: unproven } = (await productsOnly.db.execute(sql`
        select g.id from occupational_groups g where g.stage <> 'group_formed' and not exists
          (select 1 from group_stage_history h where h.group_id = g.id and h.to_stage = g.stage)`)) as unknown as {
        rows: unknown[];
      };
      expect(unproven).toEqual([]);
    } finally {
      await productsOnly.close();
    }
  });
});
