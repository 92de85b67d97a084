import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { AppError } from '../errors';

/**
 * PGlite does not lock its data folder: a second process on the same folder silently loses writes
 * (electric-sql/pglite#1106). This lock file beside the folder makes the second process fail at once.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = `${dataDir.replace(/\/+$/, '')}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error: any) {
      if (error.code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockPath, 'utf8'));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new AppError('database.locked', { params: { dataDir, pid: owner, lockPath } });
      }
      rmSync(lockPath, { force: true }); // stale lock of a process that is gone
    }
  }
  throw new AppError('database.locked', { params: { dataDir, pid: 0, lockPath } });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error: any) {
    return error.code === 'EPERM';
  }
}
