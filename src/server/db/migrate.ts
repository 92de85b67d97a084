import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './client';

const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

/** Applies the committed SQL migrations; already-applied ones are skipped. */
export async function migrateDatabase({ db, kind }: Database): Promise<void> {
  if (kind === 'pglite') await migratePglite(db as any, { migrationsFolder });
  else await migratePg(db as any, { migrationsFolder });
}
