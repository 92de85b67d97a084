/**
 * Builds the golden test database once per run: migrated, with reference and demo data.
 * PGlite: a data-dir dump each test file loads. PostgreSQL (TEST_DATABASE_URL): a template database
 * each test file copies with CREATE DATABASE … TEMPLATE.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../db/client';
import { prepareDatabase } from '../db/setup';
import { demoSeed } from '../demo/demo';

/** A fixed key for tests only; real deployments set THANRAK_DATA_KEY or use the data folder's key file. */
export const TEST_DATA_KEY = Buffer.alloc(32, 7);

export const TEMPLATE_DB = 'thanrak_test_template';

export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await dropTestDatabases(admin);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    const database = await prepareDatabase(
      { url: withDatabase(adminUrl, TEMPLATE_DB) },
      { seed: demoSeed(TEST_DATA_KEY, { pipeline: false }), dataKey: TEST_DATA_KEY },
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
  const database = await prepareDatabase(
    { pglite: lite },
    { seed: demoSeed(TEST_DATA_KEY, { pipeline: false }), dataKey: TEST_DATA_KEY },
  );
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
