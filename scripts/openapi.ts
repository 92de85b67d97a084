/**
 * Writes the OpenAPI document to a file without a running server (run: npm run api:document [file]): the app is built
 * on an empty in-memory PGlite, since the document comes from the routes and not from the data, and asked for
 * /api/openapi.json. `npm run api:lint` lints what it writes with Redocly (redocly.yaml; docs/api.md).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildApp } from '../src/server/app';
import { openDatabase, openPglite } from '../src/server/db/client';
import { readSettings } from '../src/server/env';

const file = process.argv[2] ?? '.tmp/openapi.json';
const database = await openDatabase({ pglite: await openPglite() });
const app = await buildApp(database, readSettings({}));
try {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`GET /api/openapi.json answered ${res.statusCode}: ${res.body}`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(res.json(), null, 2)}\n`);
  console.log(`OpenAPI document written to ${file}`);
} finally {
  await app.close();
  await database.close();
}
