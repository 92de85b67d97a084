import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The compiled server's identity: its bundle (dist/server/main.js) and the migrations it applies. Code lists seeded
 * by the same build are not re-seeded. From the TypeScript sources (`npm run dev`) there is none: everything is
 * checked and the demo built as before.
 */
export function buildIdOf(bundle: string): string | undefined {
  if (!bundle.endsWith('.js')) return undefined;
  const hash = createHash('sha256').update(readFileSync(bundle));
  const migrations = fileURLToPath(new URL('../../migrations/', import.meta.url));
  for (const name of readdirSync(migrations, { recursive: true }).map(String).sort())
    if (name.endsWith('.sql') || name.endsWith('.json')) hash.update(name).update(readFileSync(join(migrations, name)));
  return hash.digest('hex').slice(0, 16);
}
