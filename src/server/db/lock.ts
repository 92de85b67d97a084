import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { AppError } from '../errors';

/** Who holds a lock: a PID alone can be reused after a restart, so the process's start and the boot are kept too. */
interface LockOwner {
  pid: number;
  /** Start time of the process in clock ticks since boot (/proc/PID/stat field 22); null off Linux. */
  startTime: string | null;
  bootId: string | null;
}

const readOr = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
};

function startTimeOf(pid: number): string | null {
  const stat = readOr(`/proc/${pid}/stat`);
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
  return stat ? (stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null) : null;
}

export function currentOwner(pid = process.pid): LockOwner {
  return { pid, startTime: startTimeOf(pid), bootId: readOr('/proc/sys/kernel/random/boot_id') };
}

function parseOwner(text: string): LockOwner | null {
  if (/^\d+$/.test(text)) return { pid: Number(text), startTime: null, bootId: null }; // older lock files
  try {
    const owner = JSON.parse(text);
    return typeof owner?.pid === 'number' ? owner : null;
  } catch {
    return null;
  }
}

/** The lock's owner is still running: same boot, a live process with that PID, started when the lock says. */
function stillRunning(owner: LockOwner): boolean {
  if (owner.pid === process.pid || !isAlive(owner.pid)) return false;
  const now = currentOwner(owner.pid);
  if (owner.bootId && now.bootId && owner.bootId !== now.bootId) return false;
  if (owner.startTime && now.startTime && owner.startTime !== now.startTime) return false;
  return true;
}

/**
 * PGlite does not lock its data folder: a second process on the same folder silently loses writes
 * (electric-sql/pglite#1106). This lock file beside the folder makes the second process fail at once.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = `${dataDir.replace(/\/+$/, '')}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify(currentOwner()));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error: any) {
      if (error.code !== 'EEXIST') throw error;
      const owner = parseOwner(readOr(lockPath) ?? '');
      if (owner && stillRunning(owner)) {
        throw new AppError('database.locked', { params: { dataDir, pid: owner.pid, lockPath } });
      }
      rmSync(lockPath, { force: true }); // stale: its process is gone, or the PID now belongs to another one
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
