import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { lockDataDir } from './lock';

describe('PGlite data folder lock', () => {
  it('makes a second process on the same folder fail at once with a clear message', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'thanrak-lock-')), 'data');
    const other = spawn('sleep', ['30']); // stands in for another live Thanrak process
    try {
      writeFileSync(`${dir}.lock`, String(other.pid));
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
    const dir = join(mkdtempSync(join(tmpdir(), 'thanrak-lock-')), 'data');
    writeFileSync(`${dir}.lock`, '999999');
    const release = lockDataDir(dir);
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });
});
