import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { type Database, openDatabase } from '../db/client';
import { readSettings } from '../env';
import { createScratchDatabase } from '../test/harness';
import { tempFolders } from '../test/temp';

const run = promisify(execFile);
const tempFolder = tempFolders('thanrak-cli-');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** Runs `npm run user:create` against a database of the engine under test. */
async function createUserCli(args: string[], password: string) {
  const scratch = await createScratchDatabase();
  cleanups.push(scratch.drop);
  const dataDir = join(tempFolder(), 'data');
  const env = {
    ...process.env,
    THANRAK_PASSWORD: password,
    ...(scratch.url ? { DATABASE_URL: scratch.url } : { DATA_DIR: dataDir }),
  };
  const result = await run(process.execPath, ['--import', 'tsx', 'src/server/auth/create-user.cli.ts', ...args], { env }).catch(
    (e) => e,
  );
  const open = (): Promise<Database> => openDatabase(scratch.url ? { url: scratch.url } : { dataDir });
  return { result, open };
}

describe('npm run user:create', () => {
  it('creates the first national administrator, who can then sign in', async () => {
    const { result, open } = await createUserCli(
      ['--username', 'first-admin', '--role', 'national_admin', '--unit', 'TH', '--name', 'ผู้ดูแลระบบ'],
      'a-strong-passphrase',
    );
    expect(result.stdout).toContain('Created first-admin (national_admin) at TH');
    const database = await open();
    const app = await buildApp(database, readSettings({}));
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'first-admin', password: 'a-strong-passphrase' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().role).toBe('national_admin');
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('refuses a role that does not fit the unit, creating nothing', async () => {
    const { result } = await createUserCli(
      ['--username', 'wrong', '--role', 'province_officer', '--unit', '3401'],
      'a-strong-passphrase',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('user.role_unit_mismatch');
  });

  it('refuses a short password before touching the database', async () => {
    const { result } = await createUserCli(['--username', 'shorty', '--role', 'viewer', '--unit', 'TH'], 'short');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('password');
  });
});
