/**
 * The data key is checked against the fingerprint the database keeps: a wrong or missing key refuses to start with a
 * clear Thai and English message instead of running on a new key; rotation keeps every citizen ID readable.
 */
import { execFile } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { prepareDatabase, targetFor } from './db/setup';
import { readSettings } from './env';
import { AppError, problemFor } from './errors';
import { checkDataKey, dataKeyFor, decryptCitizenId, keyFilePath, keyFingerprint, rotateDataKey } from './personal-data';
import { api } from './test/factories';
import { createScratchDatabase, createTestContext, TEST_DATA_KEY } from './test/harness';
import { tempFolders } from './test/temp';

const run = promisify(execFile);
const cleanups: (() => Promise<void>)[] = [];
const tempFolder = tempFolders('thanrak-key-');
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const KEY_B = Buffer.alloc(32, 9);

/** A fresh, empty database of the engine under test, as settings a process would read. */
async function freshSettings() {
  const scratch = await createScratchDatabase();
  cleanups.push(scratch.drop);
  return { ...readSettings({}), databaseUrl: scratch.url, dataDir: join(tempFolder(), 'data') };
}

async function startError(settings: Awaited<ReturnType<typeof freshSettings>>): Promise<AppError> {
  try {
    const key = dataKeyFor(settings);
    const database = await prepareDatabase(targetFor(settings), { dataKey: key });
    await database.close();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the database started');
}

async function start(settings: Awaited<ReturnType<typeof freshSettings>>) {
  const database = await prepareDatabase(targetFor(settings), { dataKey: dataKeyFor(settings) });
  await database.close();
}

describe('the data key fingerprint', () => {
  it('refuses to start with a wrong or missing key, saying so in Thai and English, and makes no new key', async () => {
    const settings = await freshSettings();
    if (settings.databaseUrl) {
      await start({ ...settings, dataKey: TEST_DATA_KEY });
      const error = await startError({ ...settings, dataKey: KEY_B });
      expect(error.code).toBe('config.data_key_mismatch');
      const problem = problemFor(error.code, error.params);
      expect(problem.th).toContain('กุญแจข้อมูล (THANRAK_DATA_KEY) ไม่ตรงกับ');
      expect(problem.en).toContain(`fingerprint ${keyFingerprint(TEST_DATA_KEY).slice(0, 16)}`);
      // The right key still starts.
      await start({ ...settings, dataKey: TEST_DATA_KEY });
      return;
    }
    // PGlite: the first start writes the key file beside the folder.
    const keyFile = keyFilePath(settings.dataDir);
    await start(settings);
    expect(existsSync(keyFile)).toBe(true);
    // A restored folder without its key file: no silent new key.
    rmSync(keyFile);
    const missing = await startError(settings);
    expect(missing.code).toBe('config.data_key_file_missing');
    expect(problemFor(missing.code, missing.params).th).toContain(`ไม่พบไฟล์กุญแจข้อมูล ${keyFile}`);
    expect(existsSync(keyFile)).toBe(false);
    // Another key file: refused too.
    writeFileSync(keyFile, KEY_B.toString('base64'));
    expect((await startError(settings)).code).toBe('config.data_key_mismatch');
  });

  it('stops the server process with the message on stderr', async () => {
    const settings = await freshSettings();
    await start({ ...settings, dataKey: settings.databaseUrl ? TEST_DATA_KEY : undefined });
    if (!settings.databaseUrl) rmSync(keyFilePath(settings.dataDir));
    const env = {
      ...process.env,
      PORT: '0',
      LOG: 'false',
      ...(settings.databaseUrl
        ? { DATABASE_URL: settings.databaseUrl, THANRAK_DATA_KEY: KEY_B.toString('base64') }
        : { DATA_DIR: settings.dataDir, DEMO_DATA: 'false', THANRAK_DATA_KEY: '' }),
    };
    const result = await run(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env }).then(
      () => ({ code: 0, stderr: '' }),
      (e) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(settings.databaseUrl ? /config\.data_key_mismatch/ : /config\.data_key_file_missing/);
    expect(result.stderr).toContain('กุญแจ');
  });
});

describe('npm run key:rotate (rotateDataKey)', () => {
  it('keeps every citizen ID readable with the new key, and duplicates are still found', async () => {
    const t = await createTestContext();
    cleanups.push(() => t.close());
    const district = api(t, await t.login('demo-district'));
    await district.person({ citizenId: '1101700203450' });
    await district.person({ citizenId: '3100100234562' });
    const before = await t.rows(`select id, citizen_id_encrypted as sealed from people where citizen_id_encrypted is not null`);
    const plain = new Map(before.map((r) => [r.id, decryptCitizenId(TEST_DATA_KEY, r.sealed)]));
    expect(plain.size).toBeGreaterThanOrEqual(2);

    expect(await rotateDataKey(t.database.db, TEST_DATA_KEY, KEY_B)).toBe(plain.size);

    const after = await t.rows(`select id, citizen_id_encrypted as sealed from people where citizen_id_encrypted is not null`);
    expect(new Map(after.map((r) => [r.id, decryptCitizenId(KEY_B, r.sealed)]))).toEqual(plain);
    await expect(checkDataKey(t.database.db, TEST_DATA_KEY)).rejects.toMatchObject({ code: 'config.data_key_mismatch' });
    await checkDataKey(t.database.db, KEY_B);

    // The app on the new key: reads and the duplicate check work.
    const app = await buildApp(t.database, { ...readSettings({}), loginRateLimitPerMinute: 1000, dataKey: KEY_B });
    try {
      // Sessions live in the database: the cookie from the first app works on this one.
      const cookie = await t.login('demo-district');
      const [id] = [...plain.entries()].find(([, citizenId]) => citizenId === '1101700203450')!;
      const read = await app.inject({ method: 'GET', url: `/api/people/${id}/citizen-id`, headers: { cookie } });
      expect(read.json().citizenId).toBe('1101700203450');
      const duplicate = await app.inject({
        method: 'POST',
        url: '/api/people',
        headers: { cookie },
        payload: { orgUnitCode: '3401', title: 'นาย', firstName: 'ซ้ำ', lastName: 'คน', citizenId: '3100100234562' },
      });
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json().code).toBe('person.duplicate_citizen_id');
    } finally {
      await app.close();
    }
    const [audit] = await t.rows(`select action from audit_log where action = 'data_key.rotate'`);
    expect(audit).toBeTruthy();
  });

  it('refuses to rotate from a key that is not the database key, changing nothing', async () => {
    const t = await createTestContext();
    cleanups.push(() => t.close());
    const before = await t.rows(`select id, citizen_id_hash from people order by id`);
    await expect(rotateDataKey(t.database.db, KEY_B, Buffer.alloc(32, 3))).rejects.toMatchObject({
      code: 'config.data_key_mismatch',
    });
    expect(await t.rows(`select id, citizen_id_hash from people order by id`)).toEqual(before);
  });
});
