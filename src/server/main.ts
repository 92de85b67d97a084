import { buildApp } from './app';
import { readBackupSettings, scheduleBackups } from './backup/backup';
import { prepareDatabase, targetFor } from './db/setup';
import { demoSeed } from './demo/demo';
import { readSettings } from './env';
import { AppError, problemFor } from './errors';
import { dataKeyFor } from './personal-data';

/**
 * The process: embedded PGlite in DATA_DIR with demo data by default; PostgreSQL when DATABASE_URL is set
 * (demo data there only through `npm run db:seed -- --demo`).
 */
const startedAt = performance.now();
const settings = readSettings();
try {
  settings.dataKey = dataKeyFor(settings);
  const demo = !settings.databaseUrl && process.env.DEMO_DATA !== 'false';
  const database = await prepareDatabase(targetFor(settings), {
    seed: demo ? demoSeed(settings.dataKey) : undefined,
    dataKey: settings.dataKey,
  });
  const app = await buildApp(database, settings, { logger: process.env.LOG !== 'false' });
  await app.listen({ port: settings.port, host: settings.host });
  const ms = Math.round(performance.now() - startedAt);
  console.log(`Thanrak ready on http://localhost:${settings.port} (${database.kind}, ${ms} ms)`);
  // Scheduled backups (BACKUP_DIR, BACKUP_EVERY_HOURS, BACKUP_KEEP), and one on SIGUSR2 (npm run db:backup).
  const backups = readBackupSettings(process.env, settings);
  const stopBackups = scheduleBackups(database, settings, backups);
  const shutdown = async () => {
    stopBackups();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  if (error instanceof AppError) {
    const problem = problemFor(error.code, error.params);
    console.error(`${problem.th}\n${problem.en}\n(${error.code})`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
