/**
 * npm run db:backup [-- --dir FOLDER]
 * PostgreSQL (DATABASE_URL): pg_dump custom format. PGlite: asks the running server for a backup (SIGUSR2; it
 * writes into its BACKUP_DIR), or, with no server running, opens the data folder and dumps it.
 * Old backups beyond BACKUP_KEEP are deleted. See README, "Backup and restore".
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client';
import { readSettings } from '../env';
import { AppError, problemFor } from '../errors';
import { backupPostgres, pruneBackups, readBackupSettings, requestServerBackup, serverHolding, takeBackup } from './backup';

const { values } = parseArgs({ options: { dir: { type: 'string' } } });
const settings = readSettings();
const backup = readBackupSettings(process.env, settings);
const dir = values.dir ?? backup.dir;
try {
  let path: string;
  if (settings.databaseUrl) path = await backupPostgres(settings.databaseUrl, dir);
  else {
    const pid = serverHolding(settings.dataDir);
    if (pid) {
      console.log(`The server (PID ${pid}) holds ${settings.dataDir}; asking it for a backup into ${dir}`);
      path = await requestServerBackup(pid, dir);
    } else {
      const database = await openDatabase({ dataDir: settings.dataDir });
      try {
        path = await takeBackup(database, settings, dir);
      } finally {
        await database.close();
      }
    }
  }
  const removed = pruneBackups(dir, backup.keep);
  console.log(`Backup written: ${path}`);
  if (removed.length) console.log(`Removed ${removed.length} old backup(s) beyond BACKUP_KEEP=${backup.keep}`);
} catch (error) {
  if (error instanceof AppError) {
    const problem = problemFor(error.code, error.params);
    console.error(`${problem.th}\n${problem.en}\n(${error.code})`);
  } else console.error(`Backup failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
