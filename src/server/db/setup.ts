import { eq, sql } from 'drizzle-orm';
import { ensureDataKey } from '../personal-data';
import { type Database, type DatabaseTarget, type DatabaseTimeouts, type Db, openDatabase } from './client';
import { migrateDatabase } from './migrate';
import { orgUnits, systemSettings } from './schema';
import { seedAdvanceRules, seedCodeLists } from './seed/code-lists';
import { seedReferenceData } from './seed/reference';

/** What `npm start` reports while the database gets ready (the first start takes a while). */
export type StartStep = 'open' | 'migrate' | 'reference';

/** Marks which server build last seeded the code lists, so a restart of the same build checks one row. */
const SEEDED_BY = 'reference_seeded_by';

/**
 * Opens, migrates and (when empty) loads reference data. `seed` then adds data from above the database layer
 * (the demo data of src/server/demo/, made through the services), so db/ never imports features.
 * With `dataKey`, the key is checked against the database's fingerprint first (a wrong key stops the start).
 * With `build` (the compiled server's identity), code lists and rules already seeded by that build are not re-seeded.
 */
export async function prepareDatabase(
  target: DatabaseTarget,
  options: {
    seed?: (db: Db) => Promise<void>;
    dataKey?: Buffer;
    onStep?: (step: StartStep) => void;
    build?: string;
  } = {},
): Promise<Database> {
  const step = options.onStep ?? (() => {});
  step('open');
  const database = await openDatabase(target);
  try {
    step('migrate');
    if ('url' in target) {
      // A migration may rewrite a national table (a backfill, an index) for longer than a request may take.
      const timeouts = { connectMs: 5_000, statementMs: 0, idleInTransactionMs: 0 };
      const migrating = await openDatabase({ url: target.url, timeouts });
      await migrateDatabase(migrating).finally(() => migrating.close());
    } else await migrateDatabase(database);
    // Before anything is encrypted: a wrong or missing data key stops here (see personal-data.ts).
    if (options.dataKey) await ensureDataKey(database.db, options.dataKey);
    const state = await referenceState(database.db);
    if (!state.orgUnits) {
      step('reference');
      await seedReferenceData(database.db);
    }
    // New codes and rules reach existing databases; what is there is kept.
    if (!options.build || state.seededBy !== options.build) {
      await seedCodeLists(database.db);
      await seedAdvanceRules(database.db);
      if (options.build) await markSeeded(database.db, options.build);
    }
    if (options.seed) await options.seed(database.db);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function referenceState(db: Db): Promise<{ orgUnits: boolean; seededBy: string | null }> {
  const [row] = await db
    .select({
      orgUnits: sql<boolean>`exists (select 1 from ${orgUnits})`,
      seededBy: sql<
        string | null
      >`(select ${systemSettings.value} from ${systemSettings} where ${eq(systemSettings.name, SEEDED_BY)})`,
    })
    .from(sql`(select 1) as one`);
  return row;
}

const markSeeded = (db: Db, build: string) =>
  db
    .insert(systemSettings)
    .values({ name: SEEDED_BY, value: build })
    .onConflictDoUpdate({ target: systemSettings.name, set: { value: build, updatedAt: sql`now()` } });

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
