// Run by the server's build (scripts/build-server.mjs) as dist/server/make-template.js: the new-database template
// of db/template.ts (schema, reference data, code lists marked as seeded by this build), beside the server.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildIdOf } from './build-id';
import { openPglite } from './db/pglite';
import { prepareDatabase } from './db/setup';
import { templateBeside } from './db/template';

const server = new URL('./main.js', import.meta.url).href;
const lite = await openPglite();
const database = await prepareDatabase({ pglite: lite }, { build: buildIdOf(fileURLToPath(server)) });
try {
  const dump = await lite.dumpDataDir('gzip');
  writeFileSync(templateBeside(server), Buffer.from(await dump.arrayBuffer()));
} finally {
  await database.close();
}
