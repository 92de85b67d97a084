import { count } from 'drizzle-orm';
import { ensureDataKey } from '../personal-data';
import { type Database, type DatabaseTarget, type DatabaseTimeouts, openDatabase } from './client';
import { migrateDatabase } from './migrate';
import { orgUnits } from './schema';
import { seedAdvanceRules, seedCodeLists } from './seed/code-lists';
import { seedDemoData } from './seed/demo';
import { seedReferenceData } from './seed/reference';

/** Opens, migrates and (when empty) loads reference data; demo data only when asked. */
export async function prepareDatabase(
  target: DatabaseTarget,
  options: { demo: boolean; dataKey?: Buffer; demoPipeline?: boolean },
): Promise<Database> {
  const database = await openDatabase(target);
  try {
    await migrateDatabase(database);
    // Before anything is encrypted: a wrong or missing data key stops here (see personal-data.ts).
    if (options.dataKey) await ensureDataKey(database.db, options.dataKey);
    const [{ n }] = await database.db.select({ n: count() }).from(orgUnits);
    if (n === 0) await seedReferenceData(database.db);
    // New codes and rules reach existing databases; what is there is kept.
    await seedCodeLists(database.db);
    await seedAdvanceRules(database.db);
    if (options.demo) {
      if (!options.dataKey) throw new Error('demo data needs the data key');
      await seedDemoData(database.db, options.dataKey, { pipeline: options.demoPipeline ?? true });
    }
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

export function targetFor(settings: {
  databaseUrl?: string;
  dataDir: string;
  databaseTimeouts?: DatabaseTimeouts;
}): DatabaseTarget {
  return settings.databaseUrl
    ? { url: settings.databaseUrl, timeouts: settings.databaseTimeouts }
    : { dataDir: settings.dataDir };
}
