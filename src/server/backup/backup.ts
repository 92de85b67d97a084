/**
 * Backups of both engines, taken by `npm run db:backup` and on a schedule by the server; restored by
 * `npm run db:restore`. Why this design: docs/decisions/016-backup-and-restore.md.
 *
 * - PGlite: the running server owns the data folder (locked), so the server itself dumps it with PGlite's
 *   `dumpDataDir()` between transactions (a consistent snapshot); `db:backup` asks the running server by SIGUSR2,
 *   or opens the folder itself when no server runs. File: `thanrak-<UTC time>.tar.gz`.
 * - PostgreSQL: `pg_dump -Fc` (file `thanrak-<UTC time>.dump`), restored with `pg_restore --clean`.
 * A restore first checks the backup's data key fingerprint against the key the system will run with.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import { now } from '../clock';
import { type Database, openDatabase, openPglite } from '../db/client';
import { lockDataDir } from '../db/lock';
import { migrateDatabase } from '../db/migrate';
import { AppError } from '../errors';
import { checkDataKey, keyFingerprint } from '../personal-data';

const run = promisify(execFile);

export interface BackupSettings {
  /** Folder of backup files (BACKUP_DIR); default `<DATA_DIR>-backups`, or `./backups` on PostgreSQL. */
  dir: string;
  /** Hours between scheduled backups by the server (BACKUP_EVERY_HOURS); 0 turns them off. Default 24. */
  everyHours: number;
  /** How many backup files to keep (BACKUP_KEEP); older ones are deleted after each backup. Default 14. */
  keep: number;
}

export function readBackupSettings(env: NodeJS.ProcessEnv, settings: { databaseUrl?: string; dataDir: string }): BackupSettings {
  const number = (value: string | undefined, fallback: number) => {
    const n = Number(value ?? fallback);
    return Number.isFinite(n) && n >= 0 ? n : fallback;
  };
  return {
    dir: env.BACKUP_DIR || (settings.databaseUrl ? './backups' : `${settings.dataDir.replace(/\/+$/, '')}-backups`),
    everyHours: number(env.BACKUP_EVERY_HOURS, 24),
    keep: Math.max(1, Math.floor(number(env.BACKUP_KEEP, 14))),
  };
}

const BACKUP_FILE = /^thanrak-\d{8}T\d{6}(\d{3})?Z\.(tar\.gz|dump)$/;
const stamp = () => now().toISOString().replace(/[-:]/g, '').replace('.', '');

/** The PostgreSQL client programs (pg_dump, pg_restore): PG_BIN, else the newest Debian postgresql-client, else PATH. */
export function pgProgram(name: 'pg_dump' | 'pg_restore'): string {
  if (process.env.PG_BIN) return join(process.env.PG_BIN, name);
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions.length ? join(root, versions[0], 'bin', name) : name;
}

/** The PGlite instance under a Database opened on the embedded engine. */
export function pgliteOf(database: Database): PGlite {
  return (database.db as unknown as { $client: PGlite }).$client;
}

/** Writes to a temporary name first, so a backup file that exists is always complete. */
function publish(dir: string, name: string, write: (path: string) => Promise<void> | void) {
  return (async () => {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, name);
    const partial = `${path}.partial`;
    try {
      await write(partial);
      renameSync(partial, path);
    } finally {
      rmSync(partial, { force: true });
    }
    return path;
  })();
}

/**
 * A consistent dump of an open PGlite: taken while no transaction and no query runs (PGlite serialises both in
 * the process), so it holds exactly the committed state.
 */
export async function dumpPglite(client: PGlite): Promise<Blob> {
  const exclusive = (client as unknown as { _runExclusiveTransaction?: (fn: () => Promise<Blob>) => Promise<Blob> })
    ._runExclusiveTransaction;
  const dump = () => client.dumpDataDir('gzip');
  return exclusive ? exclusive.call(client, dump) : dump();
}

/** One backup of the open database into `dir`; returns the file's path. */
export async function takeBackup(database: Database, target: { databaseUrl?: string }, dir: string): Promise<string> {
  if (database.kind === 'pglite') {
    const blob = await dumpPglite(pgliteOf(database));
    return publish(dir, `thanrak-${stamp()}.tar.gz`, async (path) =>
      writeFileSync(path, Buffer.from(await blob.arrayBuffer()), { mode: 0o600 }),
    );
  }
  if (!target.databaseUrl) throw new Error('a PostgreSQL backup needs DATABASE_URL');
  return backupPostgres(target.databaseUrl, dir);
}

export async function backupPostgres(url: string, dir: string): Promise<string> {
  return publish(dir, `thanrak-${stamp()}.dump`, async (path) => {
    await run(pgProgram('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--file=${path}`, `--dbname=${url}`]);
  });
}

/** Backup files in `dir`, newest first. */
export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => BACKUP_FILE.test(name))
    .sort()
    .reverse()
    .map((name) => join(dir, name));
}

/** Keeps the newest `keep` backups; deletes the rest. Returns the deleted paths. */
export function pruneBackups(dir: string, keep: number): string[] {
  const old = listBackups(dir).slice(keep);
  for (const path of old) rmSync(path, { force: true });
  return old;
}

/**
 * Scheduled backups run by the server (every `everyHours`, keeping `keep`), and one on demand when the process
 * receives SIGUSR2 (what `npm run db:backup` sends to a running PGlite server). Returns a stop function.
 */
export function scheduleBackups(
  database: Database,
  target: { databaseUrl?: string },
  backup: BackupSettings,
  log: (message: string) => void = console.log,
): () => void {
  let running: Promise<unknown> = Promise.resolve();
  const once = () => {
    running = running.then(async () => {
      try {
        const path = await takeBackup(database, target, backup.dir);
        pruneBackups(backup.dir, backup.keep);
        log(`Backup written: ${path}`);
      } catch (error) {
        console.error(`Backup failed: ${(error as Error).message}`);
      }
    });
    return running;
  };
  const timer = backup.everyHours > 0 ? setInterval(once, backup.everyHours * 3_600_000) : undefined;
  timer?.unref();
  const onSignal = () => void once();
  process.on('SIGUSR2', onSignal);
  return () => {
    if (timer) clearInterval(timer);
    process.off('SIGUSR2', onSignal);
  };
}

/** The PID of a live server holding the PGlite folder, if any. */
export function serverHolding(dataDir: string): number | null {
  const lockPath = `${dataDir.replace(/\/+$/, '')}.lock`;
  if (!existsSync(lockPath)) return null;
  try {
    const text = readFileSync(lockPath, 'utf8').trim();
    const pid = /^\d+$/.test(text) ? Number(text) : JSON.parse(text).pid;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** Asks the running server (by SIGUSR2) for a backup and waits for the new file. */
export async function requestServerBackup(pid: number, dir: string, timeoutMs = 300_000): Promise<string> {
  const before = new Set(listBackups(dir));
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const fresh = listBackups(dir).find((path) => !before.has(path));
    if (fresh) return fresh;
  }
  throw new Error(`the server (PID ${pid}) wrote no backup into ${dir} within ${timeoutMs / 1000} s; see its log`);
}

/** The data key fingerprint a PostgreSQL custom-format dump holds, read without restoring it. */
async function dumpFingerprint(file: string): Promise<string | null> {
  const { stdout } = await run(pgProgram('pg_restore'), ['--data-only', '--table=system_settings', '--file=-', file], {
    maxBuffer: 1 << 20,
  });
  const line = stdout.split('\n').find((l) => l.startsWith('data_key_fingerprint\t'));
  return line ? line.split('\t')[1] : null;
}

/** Refuses a backup made under another data key than the one the system will run with. */
function requireSameKey(fingerprint: string | null, key: Buffer, keySource: string) {
  if (fingerprint && fingerprint !== keyFingerprint(key))
    throw new AppError('config.data_key_mismatch', {
      params: { keySource, expected: fingerprint.slice(0, 16), actual: keyFingerprint(key).slice(0, 16) },
    });
}

/**
 * Replaces the PostgreSQL database at `url` with the dump (in one transaction), after checking its key fingerprint.
 */
export async function restorePostgres(file: string, url: string, key: Buffer): Promise<void> {
  requireSameKey(await dumpFingerprint(file), key, 'THANRAK_DATA_KEY');
  await run(pgProgram('pg_restore'), [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    '--exit-on-error',
    `--dbname=${url}`,
    file,
  ]);
  // A dump from before fingerprints: the restored data must still open with this key.
  const database = await openDatabase({ url });
  try {
    await migrateDatabase(database);
    await checkDataKey(database.db, key);
  } finally {
    await database.close();
  }
}

/**
 * Replaces the PGlite folder with the backup, after checking the backup against the key. The server must be stopped
 * (the folder's lock says so); the folder being replaced is kept as `<DATA_DIR>.before-restore-<time>`.
 * Returns where the previous folder went, if there was one.
 */
export async function restorePglite(file: string, dataDir: string, key: Buffer): Promise<string | null> {
  const blob = new Blob([readFileSync(file)]);
  const probe = await openPglite(undefined, blob);
  const database = await openDatabase({ pglite: probe });
  try {
    await checkDataKey(database.db, key);
  } finally {
    await database.close();
  }
  const folder = dataDir.replace(/\/+$/, '');
  const unlock = lockDataDir(folder);
  try {
    let previous: string | null = null;
    if (existsSync(folder) && readdirSync(folder).length) {
      previous = `${folder}.before-restore-${stamp()}`;
      renameSync(folder, previous);
    }
    mkdirSync(folder, { recursive: true });
    const restored = await openPglite(folder, blob);
    await restored.close();
    return previous;
  } finally {
    unlock();
  }
}

/** True for a file that looks like one of our PGlite backups (not a pg_dump file). */
export const isPgliteBackup = (file: string) => file.endsWith('.tar.gz') || file.endsWith('.tar');

export const fileSize = (path: string) => statSync(path).size;
