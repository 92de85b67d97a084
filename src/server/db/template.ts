import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A new embedded database as the compiled server sets one up (schema, reference data, code lists), made by the
 * server's build and kept beside it (dist/server). A new data folder starts as a copy of it, about a second,
 * instead of PGlite's initdb, every migration and the reference data (3–5 s of the first start). Migrations and
 * seeding still run after the copy, so a folder made from an older template is brought up to date as any folder
 * is. Run from the TypeScript sources there is no template beside this module, and a folder starts from initdb.
 */
export const TEMPLATE_FILE = 'pglite-template.tar.gz';

/** The template's place beside a module of the compiled server. */
export const templateBeside = (moduleUrl: string) => join(dirname(fileURLToPath(moduleUrl)), TEMPLATE_FILE);

/** The template, for a folder PostgreSQL has not been set up in yet. */
export function templateFor(dataDir: string): Blob | undefined {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return undefined;
  const file = templateBeside(import.meta.url);
  return existsSync(file) ? new Blob([readFileSync(file)], { type: 'application/gzip' }) : undefined;
}
