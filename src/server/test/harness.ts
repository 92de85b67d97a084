/**
 * A fresh copy of the golden database and an app on it, for one test file.
 * Tests talk to the app over HTTP with `app.inject()`; nothing is mocked.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../app';
import { type Database, openDatabase, openPglite } from '../db/client';
import { DEMO_PASSWORD } from '../demo/demo';
import { readSettings, type Settings } from '../env';
import { TEMPLATE_DB, TEST_DATA_KEY, withDatabase } from './global-setup';

export { TEST_DATA_KEY };

/** The five demo accounts of the README, one per role and level. */
export const DEMO_ACCOUNTS = ['demo-admin', 'demo-province', 'demo-district', 'demo-committee', 'demo-district-2'] as const;

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  /** Signs in and returns the session cookie header. */
  login(username: string, password?: string): Promise<string>;
  /** An inject() call as the given session. */
  as(cookie: string, options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Rows of a raw SQL query, for checking what was (not) written. */
  rows(query: string): Promise<any[]>;
  close(): Promise<void>;
}

async function adminQuery(adminUrl: string, query: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(query);
  } finally {
    await admin.end();
  }
}

/**
 * An empty database of the engine under test, for code that opens its own connection (CLIs):
 * a PostgreSQL URL, or no URL on PGlite (the caller then uses a fresh data folder).
 */
export async function createScratchDatabase(): Promise<{ url?: string; drop: () => Promise<void> }> {
  const target = inject('testDatabase');
  if (target.kind === 'pglite') return { drop: async () => {} };
  const name = `thanrak_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(target.adminUrl, `CREATE DATABASE ${name}`);
  return {
    url: withDatabase(target.adminUrl, name),
    drop: () => adminQuery(target.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export async function openTestDatabase(): Promise<Database> {
  const target = inject('testDatabase');
  if (target.kind === 'pglite') {
    const lite = await openPglite(undefined, new Blob([readFileSync(target.dumpPath)]));
    return openDatabase({ pglite: lite });
  }
  const name = `thanrak_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(target.adminUrl, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  const database = await openDatabase({ url: withDatabase(target.adminUrl, name) });
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(target.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export async function createTestContext(overrides: Partial<Settings> = {}): Promise<TestContext> {
  const database = await openTestDatabase();
  const settings = { ...readSettings({}), loginRateLimitPerMinute: 1000, dataKey: TEST_DATA_KEY, ...overrides };
  const app = await buildApp(database, settings);
  return {
    app,
    database,
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'thanrak_session');
      return `thanrak_session=${cookie!.value}`;
    },
    as(cookie, options) {
      return app.inject({ ...options, headers: { ...options.headers, cookie } });
    },
    async rows(query) {
      const result = (await database.db.execute(query)) as unknown as { rows: any[] };
      return result.rows;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
