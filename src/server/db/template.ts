import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPglite } from './pglite';
import { prepareDatabase } from './setup';

/**
 * A new embedded database as the compiled server sets one up (schema, reference data, code lists), made by the
 * server's build and kept beside it (dist/server). A new data folder starts as a copy of it, about a second,
 * instead of PGlite's initdb, every migration and the reference data (3–5 s of the first start). Migrations and
 * seeding still run after the copy, so a folder made from an older template is brought up to date as any folder
 * is. Run from the TypeScript sources there is no template beside this module, and a folder starts from initdb.
 */
export const TEMPLATE_FILE = 'pglite-template.tar.gz';

const beside = (moduleUrl: string) => join(dirname(fileURLToPath(moduleUrl)), TEMPLATE_FILE);

/** The template, for a folder PostgreSQL has not been set up in yet. */
export function templateFor(dataDir: string): Blob | undefined {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return undefined;
  const file = beside(import.meta.url);
  return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}

/** Makes the template beside the compiled server (`build`: its identity, so the first start skips the code lists). */
export async function saveTemplate(serverUrl: string, build: string | undefined): Promise<void> {
  const lite = await openPglite();
  const database = await prepareDatabase({ pglite: lite }, { build });
  try {
    const dump = await lite.dumpDataDir('gzip');
    writeFileSync(beside(serverUrl), Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
}
