/**
 * The compiled server as `npm start` runs it: built by scripts/build-server.mjs, started with plain node on a new
 * data folder (no demo, to stay quick), made from the build's database template, it answers /api/health and serves
 * the web app from dist; a restart by the same build skips re-seeding the code lists (a row removed in between stays
 * removed).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPglite } from './db/client';
import { TEMPLATE_FILE } from './db/template';

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'thanrak-start-'));
const dataDir = join(dir, 'data');
const port = 3900 + (process.pid % 90);

beforeAll(async () => {
  // @ts-expect-error: a plain .mjs build script
  const { buildServer } = await import('../../scripts/build-server.mjs');
  await buildServer();
  if (!existsSync(join(root, 'dist/web/index.html'))) {
    const { build } = await import('vite');
    await build({ root: join(root, 'src/web'), configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  }
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function withServer<T>(use: (base: string) => Promise<T>): Promise<T> {
  const child = spawn(process.execPath, [join(root, 'dist/server/main.js')], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG: 'false', DEMO_DATA: 'false' },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      const ok = await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return await use(base);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function withFolder<T>(use: (lite: Awaited<ReturnType<typeof openPglite>>) => Promise<T>): Promise<T> {
  const lite = await openPglite(dataDir);
  try {
    return await use(lite);
  } finally {
    await lite.close();
  }
}

it('starts from dist, answers /api/health, serves the web app, and a restart skips seeding', async () => {
  await withServer(async (base) => {
    expect(await (await fetch(`${base}/api/health`)).json()).toMatchObject({ status: 'ok', database: 'pglite' });
    const page = await fetch(`${base}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<div id="root">');
  });
  // The new folder is a copy of the database the build made (PostgreSQL's system identifier is set by initdb).
  const template = await openPglite(undefined, new Blob([readFileSync(join(root, 'dist/server', TEMPLATE_FILE))]));
  const systemId = async (lite: Awaited<ReturnType<typeof openPglite>>) =>
    (await lite.query<{ id: string }>('select system_identifier::text as id from pg_control_system()')).rows[0].id;
  expect(await withFolder(systemId)).toBe(await systemId(template));
  await template.close();
  const marker = await withFolder(async (lite) => {
    await lite.query(`delete from code_lists where list = 'standard' and code = 'q_mark'`);
    return (await lite.query<{ value: string }>(`select value from system_settings where name = 'reference_seeded_by'`)).rows[0]
      ?.value;
  });
  expect(marker).toMatch(/^[0-9a-f]{16}$/);
  await withServer(async (base) => expect((await fetch(`${base}/api/health`)).ok).toBe(true));
  const left = await withFolder(
    async (lite) => (await lite.query(`select 1 from code_lists where list = 'standard' and code = 'q_mark'`)).rows.length,
  );
  expect(left).toBe(0);
}, 300_000);
