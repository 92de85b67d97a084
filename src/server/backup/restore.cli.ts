/**
 * npm run db:restore -- FILE
 * Replaces the database with a backup made by `npm run db:backup` (or the server's schedule), after checking that
 * the backup was made under the data key this system runs with (THANRAK_DATA_KEY, or the PGlite key file).
 * Stop the server(s) first. PGlite: the replaced folder is kept as `<DATA_DIR>.before-restore-<time>`.
 */
import { parseArgs } from 'node:util';
import { readSettings } from '../env';
import { AppError, problemFor } from '../errors';
import { dataKeyFor } from '../personal-data';
import { restorePglite, restorePostgres, serverHolding } from './backup';

const { positionals } = parseArgs({ allowPositionals: true });
const file = positionals[0];
if (!file) {
  console.error('Usage: npm run db:restore -- <backup file>');
  process.exit(2);
}
const settings = readSettings();
try {
  const key = dataKeyFor(settings);
  if (settings.databaseUrl) {
    await restorePostgres(file, settings.databaseUrl, key);
    console.log(`Restored ${file} into PostgreSQL`);
  } else {
    const pid = serverHolding(settings.dataDir);
    if (pid) throw new Error(`the server (PID ${pid}) is running on ${settings.dataDir}; stop it first`);
    const previous = await restorePglite(file, settings.dataDir, key);
    console.log(`Restored ${file} into ${settings.dataDir}${previous ? `; the previous folder is kept as ${previous}` : ''}`);
  }
} catch (error) {
  if (error instanceof AppError) {
    const problem = problemFor(error.code, error.params);
    console.error(`${problem.th}\n${problem.en}\n(${error.code})`);
  } else console.error(`Restore failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
