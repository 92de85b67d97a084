import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { tempFolders } from '../test/temp';
import { openDatabase } from './client';
import { currentOwner, lockDataDir } from './lock';

const tempFolder = tempFolders('thanrak-lock-');

describe('PGlite data folder lock', () => {
  it('makes a second process on the same folder fail at once with a clear message', async () => {
    const dir = join(tempFolder(), 'data');
    const other = spawn('sleep', ['30']); // stands in for another live Thanrak process
    try {
      writeFileSync(`${dir}.lock`, JSON.stringify(currentOwner(other.pid!)));
      let error: unknown;
      try {
        lockDataDir(dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('database.locked');
      expect((error as AppError).message).toContain(`in use by process ${other.pid}`);
    } finally {
      other.kill();
    }
  });

  it('takes over the lock of a process that is gone, and releases it', async () => {
    const dir = join(tempFolder(), 'data');
    writeFileSync(`${dir}.lock`, '999999');
    const release = lockDataDir(dir);
    expect(JSON.parse(readFileSync(`${dir}.lock`, 'utf8')).pid).toBe(process.pid);
    release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it('takes over a lock whose PID was reused by another process after a restart', async () => {
    const dir = join(tempFolder(), 'data');
    const unrelated = spawn('sleep', ['30']); // a live process that happens to have the recorded PID
    try {
      const recorded = { ...currentOwner(unrelated.pid!), startTime: '1' };
      writeFileSync(`${dir}.lock`, JSON.stringify(recorded));
      const release = lockDataDir(dir);
      expect(JSON.parse(readFileSync(`${dir}.lock`, 'utf8')).pid).toBe(process.pid);
      release();
      writeFileSync(`${dir}.lock`, JSON.stringify({ ...currentOwner(unrelated.pid!), bootId: 'another-boot' }));
      lockDataDir(dir)();
    } finally {
      unrelated.kill();
    }
  });

  it('opens a data folder given as a symbolic link, and locks the real folder', async () => {
    const root = tempFolder();
    mkdirSync(join(root, 'real'));
    symlinkSync(join(root, 'real'), join(root, 'data'));
    const database = await openDatabase({ dataDir: join(root, 'data') });
    try {
      const result = (await database.db.execute('select 1 as one')) as unknown as { rows: { one: number }[] };
      expect(result.rows[0].one).toBe(1);
      expect(existsSync(join(root, 'real.lock'))).toBe(true);
    } finally {
      await database.close();
    }
  });
});
