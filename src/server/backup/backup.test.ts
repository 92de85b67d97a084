/**
 * Backup and restore round trip on the engine under test: every table comes back identical (row count and a
 * checksum per table); a backup made under another data key is refused; old backups beyond the setting are pruned.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type Database, openDatabase, openPglite } from '../db/client';
import { TEMPLATE_DB, TEST_DATA_KEY, withDatabase } from '../test/global-setup';
import {
  backupPostgres,
  listBackups,
  pruneBackups,
  readBackupSettings,
  restorePglite,
  restorePostgres,
  scheduleBackups,
  takeBackup,
} from './backup';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});
const folder = mkdtempSync(join(tmpdir(), 'thanrak-backup-'));
cleanups.push(async () => rmSync(folder, { recursive: true, force: true }));

/** Row count and md5 of every row's text, per table of the app and of the migration log. */
async function checksums(database: Database): Promise<Record<string, string>> {
  const rows = async (query: string) => ((await database.db.execute(query)) as unknown as { rows: any[] }).rows;
  const tables = await rows(`
    select table_schema || '.' || table_name as name from information_schema.tables
    where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1`);
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await rows(
      `select count(*)::text || ' ' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from ${name} t`,
    );
    result[name] = row.sum;
  }
  return result;
}

const OTHER_KEY = Buffer.alloc(32, 5);
async function scribble(database: Database) {
  await database.db.execute(`insert into system_settings (name, value) values ('after_backup', 'x')`);
  await database.db.execute(`update users set display_name = display_name || ' (changed)'`);
  await database.db.execute(`delete from sessions`);
}

/** A database of the engine under test holding the demo data, opened as the server would open it. */
async function demoDatabase(label = 'data'): Promise<{ database: Database; url?: string; dataDir: string }> {
  const target = inject('testDatabase');
  const dataDir = join(folder, label);
  if (target.kind === 'pglite') {
    mkdirSync(dataDir);
    const seeded = await openPglite(dataDir, new Blob([readFileSync(target.dumpPath)]));
    await seeded.close();
    return { database: await openDatabase({ dataDir }), dataDir };
  }
  const name = `thanrak_test_backup_${label}_${process.pid}`;
  const admin = new pg.Client({ connectionString: target.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  const url = withDatabase(target.adminUrl, name);
  cleanups.push(async () => {
    const drop = new pg.Client({ connectionString: target.adminUrl });
    await drop.connect();
    await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await drop.end();
  });
  return { database: await openDatabase({ url }), url, dataDir };
}

describe('npm run db:backup and db:restore', () => {
  it('bring every table back identical, refuse a backup under another key, and keep BACKUP_KEEP files', async () => {
    const { database, url, dataDir } = await demoDatabase();
    const backupDir = join(folder, 'backups');
    const before = await checksums(database);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(before['public.system_settings']).not.toMatch(/^0 /);

    // Taken while the database is open and in use, as the server's schedule does.
    const file = url ? await backupPostgres(url, backupDir) : await takeBackup(database, {}, backupDir);
    await scribble(database);
    expect(await checksums(database)).not.toEqual(before);
    await database.close();

    // A backup made under another key than the system runs with: refused, nothing changed.
    const restore = (key: Buffer) => (url ? restorePostgres(file, url, key) : restorePglite(file, dataDir, key));
    await expect(restore(OTHER_KEY)).rejects.toMatchObject({ code: 'config.data_key_mismatch' });

    await restore(TEST_DATA_KEY);
    const restored = await openDatabase(url ? { url } : { dataDir });
    try {
      const after = await checksums(restored);
      expect(after).toEqual(before);
    } finally {
      await restored.close();
    }

    // Retention: only the newest BACKUP_KEEP files stay.
    for (const stamp of ['20250101T000000000Z', '20250102T000000000Z', '20250103T000000000Z'])
      writeFileSync(join(backupDir, `thanrak-${stamp}.${url ? 'dump' : 'tar.gz'}`), '');
    const keep = readBackupSettings({ BACKUP_KEEP: '2' }, { dataDir }).keep;
    expect(pruneBackups(backupDir, keep)).toHaveLength(2);
    expect(listBackups(backupDir)).toEqual([file, join(backupDir, `thanrak-20250103T000000000Z.${url ? 'dump' : 'tar.gz'}`)]);
  });

  it('are taken by the server on its schedule and on SIGUSR2, keeping the newest BACKUP_KEEP', async () => {
    const { database, url } = await demoDatabase('scheduled');
    const dir = join(folder, 'scheduled-backups');
    const logged: string[] = [];
    // A schedule of about a second, for the test; the setting is in hours.
    const stop = scheduleBackups(database, { databaseUrl: url }, { dir, everyHours: 0.0003, keep: 2 }, (m: string) =>
      logged.push(m),
    );
    try {
      const deadline = Date.now() + 60_000;
      while (logged.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(logged.length).toBeGreaterThanOrEqual(2);
      const before = logged.length;
      process.emit('SIGUSR2');
      while (logged.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(logged.length).toBeGreaterThan(before);
    } finally {
      stop();
      await new Promise((r) => setTimeout(r, 1500));
      await database.close();
    }
    expect(listBackups(dir)).toHaveLength(2);
  }, 150_000);
});
