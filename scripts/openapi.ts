/**
 * Writes the OpenAPI document to a file without a running server (run: npm run api:document [file]): the app is built
 * on an empty in-memory PGlite, since the document comes from the routes and not from the data, and asked for
 * /api/openapi.json. `npm run api:lint` lints what it writes with Redocly (redocly.yaml; docs/api.md).
 * With --types (npm run api:types, run first by npm run check and npm run dev) it also writes the document's
 * TypeScript types (src/server/http/openapi-types.ts) to src/web/api-schema.d.ts, which the web app's client is typed
 * with (src/web/api.ts); the file is generated, not committed.
 * With --publish (npm run api:publish) it also adds the operations not yet in src/server/http/published-operations.json,
 * whose ids openapi.test.ts then holds fixed; it never changes or removes a line there.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildApp } from '../src/server/app';
import { openDatabase, openPglite } from '../src/server/db/client';
import { readSettings } from '../src/server/env';
import { openapiTypes } from '../src/server/http/openapi-types';

const PUBLISHED = 'src/server/http/published-operations.json';
const TYPES = 'src/web/api-schema.d.ts';
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? '.tmp/openapi.json';

const database = await openDatabase({ pglite: await openPglite() });
const app = await buildApp(database, readSettings({}));
try {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`GET /api/openapi.json answered ${res.statusCode}: ${res.body}`);
  const doc = res.json();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  console.log(`OpenAPI document written to ${file}`);
  if (args.includes('--types')) {
    const types = await openapiTypes(doc);
    // Written only when it changed, so that its time stamp does not make npm start rebuild the web app.
    if (!existsSync(TYPES) || readFileSync(TYPES, 'utf8') !== types) writeFileSync(TYPES, types);
    console.log(`Its TypeScript types written to ${TYPES}`);
  }
  if (args.includes('--publish')) {
    const published: Record<string, string> = JSON.parse(readFileSync(PUBLISHED, 'utf8'));
    const added = Object.entries(doc.paths as Record<string, Record<string, { operationId: string }>>)
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op.operationId]),
      )
      .filter(([label]) => !(label in published));
    writeFileSync(PUBLISHED, `${JSON.stringify({ ...published, ...Object.fromEntries(added) }, null, 2)}\n`);
    console.log(`${added.length} operations added to ${PUBLISHED}`);
  }
} finally {
  await app.close();
  await database.close();
}
