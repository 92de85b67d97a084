/**
 * The demo database, built once per day and server build and then copied into each new data folder, so a new folder
 * is ready in a second or two instead of the minute the demo takes through the services (docs/decisions/027).
 *
 * The snapshot is a closed PGlite data folder under dist/demo/<day>-<build>/. The demo is made relative to today
 * (this quarter's payments, overdue advances, meetings up to today), so a snapshot from another day, or from another
 * build of the server or migrations, is never used: the first new folder of the day builds a fresh one.
 *
 * Its citizen IDs are sealed under SNAPSHOT_KEY, a key fixed in this file and therefore public: it protects only the
 * demo's invented IDs, and only until a folder is copied. `adopt` then re-seals them under the new folder's own key
 * (its key file, or THANRAK_DATA_KEY) before anything else reads them, so no installation runs on a shared key.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isNotNull, sql } from 'drizzle-orm';
import { thaiToday } from '../clock';
import type { Db } from '../db/client';
import { people, systemSettings } from '../db/schema';
import { prepareDatabase, type StartingPoint } from '../db/setup';
import { citizenIdHash, databaseKeyFingerprint, decryptCitizenId, encryptCitizenId, keyFingerprint } from '../personal-data';
import { type DemoOptions, demoSeed } from './demo';

/** Public by design (see above): derived from a fixed label, never used by a data folder after its first start. */
export const SNAPSHOT_KEY = createHash('sha256').update('thanrak demo snapshot key: public, seals invented IDs only').digest();

export interface SnapshotOptions {
  /** Folder holding the snapshots (dist/demo). */
  dir: string;
  /** The compiled server's identity: a snapshot is only used by the build that made it. */
  build: string;
  /** The new folder's data key, and where to keep it when it was just made for this folder (else THANRAK_DATA_KEY). */
  dataKey: Buffer;
  keyFile?: string;
  demo: DemoOptions;
}

export function demoSnapshot(options: SnapshotOptions): StartingPoint {
  return {
    folder: () => snapshotFolder(options),
    adopt: (db) => adoptSnapshot(db, options),
  };
}

/** Today's snapshot for this build, built now when there is none. */
async function snapshotFolder(options: SnapshotOptions): Promise<string> {
  const name = `${thaiToday()}-${options.build}`;
  const folder = join(options.dir, name);
  if (existsSync(join(folder, 'PG_VERSION'))) return folder;
  mkdirSync(options.dir, { recursive: true });
  const building = join(options.dir, `.building-${process.pid}`);
  rmSync(building, { recursive: true, force: true });
  const database = await prepareDatabase(
    { dataDir: building },
    { seed: demoSeed(SNAPSHOT_KEY, options.demo), dataKey: SNAPSHOT_KEY, build: options.build },
  );
  await database.close();
  // Another server may have finished the same snapshot meanwhile: keep one, drop the rest (older days and builds).
  if (existsSync(folder)) rmSync(building, { recursive: true, force: true });
  else renameSync(building, folder);
  for (const entry of readdirSync(options.dir)) {
    const builder = /^\.building-(\d+)/.exec(entry)?.[1];
    if (entry !== name && !(builder && isAlive(Number(builder))))
      rmSync(join(options.dir, entry), { recursive: true, force: true });
  }
  return folder;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A folder still sealed under SNAPSHOT_KEY (just copied, or a first start that stopped midway) gets its own key:
 * the key file is written first, then every citizen ID is re-sealed and the fingerprint replaced in one transaction.
 * Nothing is audited: to its users the folder never had another key. Costs one query on every other start.
 */
async function adoptSnapshot(db: Db, { dataKey, keyFile }: SnapshotOptions): Promise<void> {
  if ((await databaseKeyFingerprint(db)) !== keyFingerprint(SNAPSHOT_KEY)) return;
  if (keyFile && !existsSync(keyFile)) writeFileSync(keyFile, dataKey.toString('base64'), { mode: 0o600, flag: 'wx' });
  await db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: people.id, sealed: people.citizenIdEncrypted })
      .from(people)
      .where(isNotNull(people.citizenIdEncrypted));
    for (let i = 0; i < rows.length; i += 500) {
      const values = rows.slice(i, i + 500).map(({ id, sealed }) => {
        const citizenId = decryptCitizenId(SNAPSHOT_KEY, sealed!);
        return sql`(${id}::integer, ${encryptCitizenId(dataKey, citizenId)}::text, ${citizenIdHash(dataKey, citizenId)}::text)`;
      });
      await tx.execute(sql`
        update ${people} set citizen_id_encrypted = v.sealed, citizen_id_hash = v.hash
        from (values ${sql.join(values, sql`, `)}) as v(id, sealed, hash) where ${people.id} = v.id`);
    }
    // personal-data.ts keeps the fingerprint under this name.
    await tx.execute(sql`update ${systemSettings} set value = ${keyFingerprint(dataKey)} where name = 'data_key_fingerprint'`);
  });
}
