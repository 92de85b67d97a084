/**
 * Builds the golden test database once per run: migrated, with reference and demo data.
 * PGlite: a data-dir dump each test file loads. PostgreSQL (TEST_DATABASE_URL): a template database
 * each test file copies with CREATE DATABASE … TEMPLATE.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { hash } from '@node-rs/argon2';
import { inArray } from 'drizzle-orm';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import type { Db } from '../db/client';
import { openPglite } from '../db/client';
import { users } from '../db/schema';
import { prepareDatabase } from '../db/setup';
import { DEMO_PASSWORD, DEMO_USERS, demoSeed } from '../demo/demo';

/** A fixed key for tests only; real deployments set THANRAK_DATA_KEY or use the data folder's key file. */
export const TEST_DATA_KEY = Buffer.alloc(32, 7);

export const TEMPLATE_DB = 'thanrak_test_template';

/**
 * The demo data, with the demo accounts' password stored as an argon2id hash of the lowest cost: tests sign in
 * thousands of times (the API fuzz signs in once per operation and account) and each production-cost check takes
 * ~50 ms of CPU. The sign-in path is the same (argon2 reads its cost from the hash); passwords.test.ts pins the
 * production cost, and every account a test creates or whose password it changes gets it.
 */
async function seedTestData(db: Db) {
  await demoSeed(TEST_DATA_KEY, { pipeline: false })(db);
  const cheap = await hash(DEMO_PASSWORD, { memoryCost: 8, timeCost: 1, parallelism: 1 });
  const usernames = DEMO_USERS.map((u) => u.username);
  await db.update(users).set({ passwordHash: cheap }).where(inArray(users.username, usernames));
}

export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await dropTestDatabases(admin);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    const database = await prepareDatabase(
      { url: withDatabase(adminUrl, TEMPLATE_DB) },
      { seed: seedTestData, dataKey: TEST_DATA_KEY },
    );
    await database.close();
    await admin.end();
    project.provide('testDatabase', { kind: 'postgresql', adminUrl });
    return async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await dropTestDatabases(cleanup);
      await cleanup.end();
    };
  }
  const lite = await openPglite();
  const database = await prepareDatabase({ pglite: lite }, { seed: seedTestData, dataKey: TEST_DATA_KEY });
  const dump = await lite.dumpDataDir('none');
  await database.close();
  mkdirSync('.tmp', { recursive: true });
  const dumpPath = `${process.cwd()}/.tmp/pglite-template-${process.pid}.tar`;
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide('testDatabase', { kind: 'pglite', dumpPath });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function dropTestDatabases(admin: pg.Client) {
  const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'thanrak_test_%'`);
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: { kind: 'pglite'; dumpPath: string } | { kind: 'postgresql'; adminUrl: string };
  }
}
