/**
 * `loadBenchData`: fills a database with the bench's synthetic data at national, province (Ubon Ratchathani, 34) or
 * district (3401) scale. The database is migrated first through the app's own `prepareDatabase`, the demo accounts
 * come from the demo's own `seedDemoData` (accounts only, no demo pipeline), and every row is one the app could have
 * written: constraints and rule triggers stay on (only the summary triggers pause, and summary_rebuild() fills what
 * they would have), rows go in parents first, allocations before the payments they allow, quarter locks after the
 * records they freeze. Same scale and seed on the same day → the same rows.
 */
import { mkdirSync, realpathSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { hashPassword } from '../../src/server/auth/passwords';
import { thaiToday } from '../../src/server/clock';
import { type Database, openPglite } from '../../src/server/db/client';
import { lockDataDir } from '../../src/server/db/lock';
import { prepareDatabase } from '../../src/server/db/setup';
import { DEMO_PASSWORD, seedDemoData } from '../../src/server/demo/demo';
import { readSettings } from '../../src/server/env';
import { indicatorsOfCenters } from '../../src/server/features/indicators/indicators.service';
import { dataKeyFor } from '../../src/server/personal-data';
import { fiscalRange, fiscalYearOf } from '../../src/shared/thai/index';
import { type DistrictContext, generateDistrict } from './district';
import { Batch, dayBetween, Ids, officeTime, plusDays } from './model';
import { buildNational, type Unit } from './national';
import { Random } from './random';
import { pgliteSink, postgresSink, type Sink } from './sink';

export type Scale = 'national' | 'province' | 'district';

export interface LoadOptions {
  databaseUrl?: string;
  dataDir?: string;
  scale: Scale;
  seed?: number;
  onProgress?: (text: string) => void;
  /**
   * `products`: only the products with their producers, groups and owners (the export measure's data, in a
   * fraction of the full load's time); each district's generation stops once its products are made.
   */
  only?: 'products';
}

/** The tables a products list and its export read, with the people and groups that own the producers. */
const PRODUCT_TABLES = ['people', 'occupational_groups', 'producers', 'products', 'product_ratings', 'group_stage_history'];

export interface LoadResult {
  scale: string;
  seed: number;
  seconds: number;
  rows: Record<string, number>;
}

/** Parents before children; allocations before the payments they allow. */
const TABLE_ORDER = [
  'users',
  'delegation_orders',
  'budget_items',
  'allocations',
  'partners',
  'people',
  'wisdom_items',
  'wisdom_holders',
  'occupational_groups',
  'group_members',
  'group_wisdom',
  'producers',
  'products',
  'product_ratings',
  'certifications',
  'outreach_trips',
  'outreach_trip_team',
  'services',
  'service_type_codes',
  'service_staff',
  'service_people',
  'service_groups',
  'service_partners',
  'service_requests',
  'referrals',
  'activities',
  'activity_people',
  'activity_partners',
  'activity_groups',
  'event_sales',
  'needs_analyses',
  'need_items',
  'sales',
  'funding_applications',
  'outcomes',
  'group_stage_history',
  'development_plans',
  'plan_projects',
  'plan_project_groups',
  'plan_project_partners',
  'project_updates',
  'lessons',
  'plan_lessons',
  'committees',
  'committee_members',
  'committee_exceptions',
  'meetings',
  'meeting_agenda_items',
  'meeting_attendees',
  'meeting_resolutions',
  'posts',
  'center_profiles',
  'expense_plans',
  'cash_advances',
  'advance_repayments',
  'disbursements',
  'quarterly_reports',
  'quarter_locks',
  'audit_log',
];

/** Districts generated and written together: one transaction per table per chunk. */
const CHUNK = 40;

/** Records created in the last days get the audit entries the app would have written for them. */
const AUDITED: Record<string, { entity: string; by: string }> = {
  people: { entity: 'person', by: '' },
  occupational_groups: { entity: 'group', by: '' },
  products: { entity: 'product', by: '' },
  services: { entity: 'service', by: 'created_by' },
  activities: { entity: 'activity', by: 'created_by' },
  sales: { entity: 'sale', by: 'created_by' },
  outcomes: { entity: 'outcome', by: 'recorded_by' },
};
const AUDIT_DAYS = 30;
const NOT_AUDITED = new Set([
  'search_text',
  'evidence',
  'created_at',
  'updated_at',
  'version',
  'citizen_id_hash',
  'citizen_id_encrypted',
]);
const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

class BenchDataError extends Error {}

export async function loadBenchData(options: LoadOptions): Promise<LoadResult> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const progress = options.onProgress ?? (() => {});
  const settings = readSettings(process.env);
  const dataDir = options.dataDir ?? './data-bench';
  const key = dataKeyFor({ dataKey: settings.dataKey, databaseUrl: options.databaseUrl, dataDir });
  const label = options.only ? `${options.scale} (${options.only})` : options.scale;
  const target = await open(options.databaseUrl, dataDir, key);
  const { sink, database } = target;
  try {
    // Trigram indexes take new rows in their pending list and merge it in large sorted runs, not row by row.
    await sink.query(`set gin_pending_list_limit = '512MB'`);
    await sink.query(`set work_mem = '256MB'`);
    await sink.query(
      'create table if not exists bench_meta (scale text not null, seed int not null, loaded_at timestamptz not null default now(), rows jsonb not null)',
    );
    const [meta] = await sink.query<{ scale: string; seed: number; rows: Record<string, number> }>(
      'select scale, seed, rows from bench_meta limit 1',
    );
    if (meta) {
      if (meta.scale === label && meta.seed === seed) {
        progress(`โหลดไว้แล้ว / already loaded: ${meta.scale}, seed ${meta.seed}`);
        return { scale: meta.scale, seed: meta.seed, seconds: (performance.now() - started) / 1000, rows: meta.rows };
      }
      throw new BenchDataError(
        `ฐานข้อมูลนี้มีข้อมูลทดสอบ ${meta.scale} seed ${meta.seed} อยู่แล้ว ใช้ฐานข้อมูลใหม่ / This database already holds bench data (${meta.scale}, seed ${meta.seed}); use a new database for ${label}, seed ${seed}.`,
      );
    }
    const [{ n }] = await sink.query<{ n: number }>('select count(*)::int as n from occupational_groups');
    if (n > 0)
      throw new BenchDataError(
        'ฐานข้อมูลนี้มีข้อมูลอยู่แล้ว ใช้ฐานข้อมูลใหม่ / This database already holds records (or a load that stopped half-way); use a new database.',
      );
    await seedDemoData(database.db, key, { pipeline: false });
    const rows = await load(sink, database, key, options.scale, seed, progress, options.only);
    await sink.query('insert into bench_meta (scale, seed, rows) values ($1, $2, $3)', [label, seed, JSON.stringify(rows)]);
    return { scale: options.scale, seed, seconds: (performance.now() - started) / 1000, rows };
  } finally {
    await target.close();
  }
}

async function open(databaseUrl: string | undefined, dataDir: string, key: Buffer) {
  if (databaseUrl) {
    const database = await prepareDatabase({ url: databaseUrl }, { dataKey: key });
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return {
      sink: postgresSink(client),
      database,
      close: async () => {
        await client.end();
        await database.close();
      },
    };
  }
  mkdirSync(dataDir, { recursive: true });
  const dir = realpathSync(dataDir);
  const unlock = lockDataDir(dir);
  let lite: PGlite | undefined;
  try {
    lite = await openPglite(dir);
    const database = await prepareDatabase({ pglite: lite }, { dataKey: key });
    return {
      sink: pgliteSink(lite),
      database,
      close: async () => {
        await database.close();
        unlock();
      },
    };
  } catch (error) {
    await lite?.close();
    unlock();
    throw error;
  }
}

async function load(
  sink: Sink,
  database: Database,
  key: Buffer,
  scale: Scale,
  seed: number,
  progress: (text: string) => void,
  only?: 'products',
) {
  const written = only ? TABLE_ORDER.filter((t) => PRODUCT_TABLES.includes(t)) : TABLE_ORDER;
  const today = thaiToday();
  const currentFy = fiscalYearOf(today).fiscalYear;
  const firstFy = currentFy - 4;
  const prefix = scale === 'national' ? '' : scale === 'province' ? '34' : '3401';
  const units = await sink.query<Unit & { level: string }>(
    `select code, name_th as "nameTh", level from org_units where covered and level in ('province', 'district') order by code`,
  );
  const allDistricts = units.filter((u) => u.level === 'district').map((u) => u.code);
  const districts = units.filter((u) => u.level === 'district' && u.code.startsWith(prefix));
  const provinces = units.filter((u) => u.level === 'province' && districts.some((d) => d.code.startsWith(u.code)));
  const idTables = await sink.query<{ table_name: string }>(
    `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'id' and table_name = any($1)`,
    [TABLE_ORDER],
  );
  const last = new Map<string, number>();
  for (const { table_name } of idTables) {
    const [{ max }] = await sink.query<{ max: number }>(`select coalesce(max(id), 0)::int as max from ${table_name}`);
    last.set(table_name, max);
  }
  const ids = new Ids(last);
  const [admin] = await sink.query<{ id: number }>(`select id from users where username = 'demo-admin'`);
  const timings = new Map<string, { rows: number; ms: number }>();
  const write = async (batch: Batch, tables = written) => {
    await sink.query('begin');
    try {
      for (const table of tables) {
        const rows = batch.rows(table);
        if (!rows.length) continue;
        const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
        const begun = performance.now();
        await sink.copy(
          table,
          columns,
          rows.map((row) => columns.map((c) => row[c])),
        );
        const t = timings.get(table) ?? { rows: 0, ms: 0 };
        timings.set(table, { rows: t.rows + rows.length, ms: t.ms + performance.now() - begun });
      }
      await sink.query('commit');
    } catch (error) {
      await sink.query('rollback');
      throw error;
    }
  };
  let generating = 0;

  progress(
    `ปีงบประมาณ / fiscal years ${firstFy}–${currentFy}; ${districts.length} ศูนย์ / centers in ${provinces.length} จังหวัด / provinces`,
  );
  let begun = performance.now();
  const nationalBatch = new Batch();
  const national = buildNational({
    seed,
    ids,
    batch: nationalBatch,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    adminId: admin.id,
    firstFy,
    currentFy,
    provinces,
    districts,
    allDistricts,
  });
  generating += performance.now() - begun;
  await write(nationalBatch, TABLE_ORDER);
  const usernames = new Map(nationalBatch.rows('users').map((u) => [u.id as number, String(u.username)]));
  progress(
    `ผู้ใช้ งบประมาณระดับชาติ / accounts and national budget: ${nationalBatch.rows('users').length} users, ${nationalBatch.rows('allocations').length} allocations`,
  );

  const ctxBase = { seed, key, ids, today, firstFy, currentFy, national };
  // The summary triggers (migration 0018) would update the same summary rows thousands of times per transaction;
  // they are off while the records go in and summary_rebuild() then computes exactly what they would have kept.
  const summaryTriggers = await sink.query<{ table: string; trigger: string }>(
    `select c.relname as "table", t.tgname as "trigger" from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where not t.tgisinternal and t.tgname like '%\\_summary'`,
  );
  for (const t of summaryTriggers) await sink.query(`alter table ${t.table} disable trigger ${t.trigger}`);
  for (let i = 0; i < districts.length; i += CHUNK) {
    const chunk = districts.slice(i, i + CHUNK);
    begun = performance.now();
    const batch = new Batch();
    const ctx: DistrictContext = { ...ctxBase, batch, through: only };
    for (const district of chunk) generateDistrict(ctx, district);
    if (!only) auditRecent(batch, today, national.districtUsers, usernames);
    generating += performance.now() - begun;
    await write(batch);
    progress(
      `ศูนย์ / centers ${i + chunk.length}/${districts.length} (${(performance.now() - begun) / 1000}s)`.replace(
        /(\.\d)\d+s/,
        '$1s',
      ),
    );
  }
  timings.set('(generate)', { rows: 0, ms: generating });

  begun = performance.now();
  for (const t of summaryTriggers) await sink.query(`alter table ${t.table} enable trigger ${t.trigger}`);
  await sink.query('select summary_rebuild()');
  timings.set('(summary tables)', { rows: 0, ms: performance.now() - begun });
  // Reports carry the figures of their quarter, read from the summaries: written once those are complete.
  if (!only) {
    for (let i = 0; i < districts.length; i += CHUNK)
      await quarterReports(database, ids, districts.slice(i, i + CHUNK), national, today, currentFy, seed, write);
    progress('รายงานรายไตรมาส / quarterly reports');
  }

  begun = performance.now();
  for (const { table_name } of idTables)
    await sink.query(
      `select setval(pg_get_serial_sequence('${table_name}', 'id'), coalesce(max(id), 0) + 1, false) from ${table_name}`,
    );
  await sink.query(
    `select gin_clean_pending_list(i.indexrelid::regclass) from pg_index i join pg_class c on c.oid = i.indexrelid
      join pg_am a on a.oid = c.relam where a.amname = 'gin'`,
  );
  await sink.query('analyze');
  timings.set('(indexes, analyze)', { rows: 0, ms: performance.now() - begun });
  const result: Record<string, number> = {};
  for (const table of TABLE_ORDER) if (timings.has(table)) result[table] = timings.get(table)!.rows;
  lastTimings = timings;
  return result;
}

/** Rows and milliseconds per table of the last load in this process, for the CLI's table. */
export let lastTimings = new Map<string, { rows: number; ms: number }>();

/** The audit entries of records created in the last days, as `insertAudited` writes them (action create). */
function auditRecent(
  batch: Batch,
  today: string,
  districtUsers: Map<string, { officer: number }>,
  usernames: Map<number, string>,
) {
  const since = plusDays(today, -AUDIT_DAYS);
  for (const [table, { entity, by }] of Object.entries(AUDITED)) {
    for (const row of batch.rows(table)) {
      const at = String(row.created_at);
      if (at.slice(0, 10) < since) continue;
      const actor = (by ? row[by] : districtUsers.get(String(row.org_unit_code))?.officer) as number;
      const changes: Record<string, { before: null; after: unknown }> = {};
      for (const [column, value] of Object.entries(row))
        if (!NOT_AUDITED.has(column) && value !== null && value !== undefined)
          changes[camel(column)] = { before: null, after: value };
      batch.add('audit_log', {
        at,
        actor_user_id: actor,
        actor_username: usernames.get(actor),
        org_unit_code: row.org_unit_code,
        action: 'create',
        entity,
        entity_id: String(row.id),
        changes,
        client_address: '127.0.0.1',
      });
    }
  }
}

/**
 * The districts' quarterly reports of the last two fiscal years, with the figures the indicators count from the
 * records (as `submitReport` takes them), approved by the province for all but the latest quarter, and the approved
 * quarters locked. Written after the records, since a lock freezes what is dated in its quarter.
 */
async function quarterReports(
  database: Database,
  ids: Ids,
  chunk: Unit[],
  national: ReturnType<typeof buildNational>,
  today: string,
  currentFy: number,
  seed: number,
  write: (batch: Batch) => Promise<void>,
) {
  const batch = new Batch();
  const quarters = [currentFy - 1, currentFy].flatMap((fy) =>
    ([1, 2, 3, 4] as const).map((q) => ({ fy, q, range: fiscalRange(fy, q) })),
  );
  const ended = quarters.filter((x) => x.range.end < today);
  const codes = chunk.map((d) => d.code);
  for (const [i, { fy, q, range }] of ended.entries()) {
    const latest = i === ended.length - 1;
    const figures = await indicatorsOfCenters(database.db, codes, fy, q);
    for (const center of figures) {
      const r = Random.for(seed, `report:${center.unitCode}:${fy}:${q}`);
      const users = national.districtUsers.get(center.unitCode)!;
      const reviewer = national.provinceOfficer.get(center.unitCode.slice(0, 2))!;
      const status = latest
        ? r.pick(['draft', 'submitted', 'submitted', 'approved', 'returned'])
        : r.chance(0.95)
          ? 'approved'
          : 'submitted';
      const submittedOn = dayBetween(r, plusDays(range.end, 3), plusDays(range.end, 20));
      const reviewedOn = plusDays(submittedOn, r.int(2, 10));
      const submitted = status !== 'draft' && submittedOn <= today;
      const reviewed = submitted && (status === 'approved' || status === 'returned') && reviewedOn <= today;
      const finalStatus = submitted ? (reviewed ? status : 'submitted') : 'draft';
      const { unitCode: _, ...kept } = center;
      const created = officeTime(r, minDay(plusDays(range.end, 1), today));
      batch.add('quarterly_reports', {
        id: ids.next('quarterly_reports'),
        org_unit_code: center.unitCode,
        version: 1 + (submitted ? 1 : 0) + (reviewed ? 1 : 0),
        created_at: created,
        updated_at: reviewed ? officeTime(r, reviewedOn) : submitted ? officeTime(r, submittedOn) : created,
        fiscal_year: fy,
        quarter: q,
        status: finalStatus,
        figures: submitted ? kept : null,
        narrative: 'ศูนย์ดำเนินงานตามแผน ให้บริการทั้งเชิงรับและเชิงรุก และติดตามกลุ่มอาชีพอย่างต่อเนื่อง',
        problems: r.chance(0.5) ? 'งบประมาณได้รับล่าช้า' : '',
        support_needed: r.chance(0.3) ? 'ขอสนับสนุนวิทยากรด้านการตลาดออนไลน์' : '',
        submitted_at: submitted ? officeTime(r, submittedOn) : null,
        submitted_by: submitted ? users.officer : null,
        reviewed_at: reviewed ? officeTime(r, reviewedOn) : null,
        reviewed_by: reviewed ? reviewer : null,
        review_comment: reviewed && finalStatus === 'returned' ? 'ขอให้เพิ่มรายละเอียดผลลัพธ์ของกลุ่มอาชีพ' : '',
        created_by: users.officer,
      });
      if (reviewed && finalStatus === 'approved')
        batch.add('quarter_locks', {
          id: ids.next('quarter_locks'),
          org_unit_code: center.unitCode,
          fiscal_year: fy,
          quarter: q,
          locked_at: officeTime(r, reviewedOn),
          locked_by: reviewer,
        });
    }
  }
  await write(batch);
}

const minDay = (a: string, b: string) => (a < b ? a : b);

export { BenchDataError };
