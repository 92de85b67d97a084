import { count } from 'drizzle-orm';
import { ensureDataKey } from '../personal-data';
import { type Database, type DatabaseTarget, type DatabaseTimeouts, type Db, openDatabase } from './client';
import { migrateDatabase } from './migrate';
import { orgUnits } from './schema';
import { seedAdvanceRules, seedCodeLists } from './seed/code-lists';
import { seedReferenceData } from './seed/reference';

/** What `npm start` reports while the database gets ready (the first start takes a while). */
export type StartStep = 'open' | 'migrate' | 'reference';

/**
 * Opens, migrates and (when empty) loads reference data. `seed` then adds data from above the database layer
 * (the demo data of src/server/demo/, made through the services), so db/ never imports features.
 * With `dataKey`, the key is checked against the database's fingerprint first (a wrong key stops the start).
 */
export async function prepareDatabase(
  target: DatabaseTarget,
  options: { seed?: (db: Db) => Promise<void>; dataKey?: Buffer; onStep?: (step: StartStep) => void } = {},
): Promise<Database> {
  const step = options.onStep ?? (() => {});
  step('open');
  const database = await openDatabase(target);
  try {
    step('migrate');
    await migrateDatabase(database);
    // Before anything is encrypted: a wrong or missing data key stops here (see personal-data.ts).
    if (options.dataKey) await ensureDataKey(database.db, options.dataKey);
    const [{ n }] = await database.db.select({ n: count() }).from(orgUnits);
    if (n === 0) {
      step('reference');
      await seedReferenceData(database.db);
    }
    // New codes and rules reach existing databases; what is there is kept.
    await seedCodeLists(database.db);
    await seedAdvanceRules(database.db);
    if (options.seed) await options.seed(database.db);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

export function targetFor(settings: {
  databaseUrl?: string;
  databaseReplicaUrl?: string;
  dataDir: string;
  databaseTimeouts?: DatabaseTimeouts;
}): DatabaseTarget {
  return settings.databaseUrl
    ? { url: settings.databaseUrl, replicaUrl: settings.databaseReplicaUrl, timeouts: settings.databaseTimeouts }
    : { dataDir: settings.dataDir };
}
