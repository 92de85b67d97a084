import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './client';

const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

/** Applies the committed SQL migrations; already-applied ones are skipped. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (await upToDate(database)) return;
  if (database.kind === 'pglite') await migratePglite(database.db as any, { migrationsFolder });
  else await migratePg(database.db as any, { migrationsFolder });
}

/**
 * Drizzle's migrator reads and hashes every migration file and runs DDL before it finds nothing to do; it applies
 * the journal's entries newer than the last one recorded, so "the newest recorded is the journal's newest" is the
 * same answer from one small query.
 */
async function upToDate({ db }: Database): Promise<boolean> {
  const journal: { entries: { when: number }[] } = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8'));
  const newest = Math.max(...journal.entries.map((entry) => entry.when));
  try {
    const [{ recorded }] = await rows<{ recorded: string | null }>(
      db.execute(sql`select max(created_at)::text as recorded from drizzle.__drizzle_migrations`),
    );
    return recorded !== null && Number(recorded) >= newest;
  } catch (error) {
    // A new database: no drizzle schema (3F000) or table (42P01) yet.
    const code = (error as { cause?: { code?: string }; code?: string }).cause?.code ?? (error as { code?: string }).code;
    if (code === '42P01' || code === '3F000') return false;
    throw error;
  }
}

/** node-postgres answers `execute` with a result object, PGlite's drizzle driver too; both carry `rows`. */
const rows = async <T>(result: Promise<unknown>) => ((await result) as { rows: T[] }).rows;
