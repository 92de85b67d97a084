/**
 * The layering rules of docs/ARCHITECTURE.md, as a checker over source files (run by src/server/layering.lint.test.ts):
 * - a route file is thin: it never imports `db/` or another feature's service;
 * - the web app never imports server code;
 * - `db/` never imports a feature or the demo data (demo data sits above the features);
 * - shared infrastructure (access/, audit/, db/, http/) never imports a feature;
 * - only audit/ writes audit entries by hand: everyone else goes through audit/writes.ts or `auditEvent`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';

export interface SourceFile {
  /** Path from the repository root, with forward slashes: `src/server/features/wisdom/wisdom.routes.ts`. */
  path: string;
  source: string;
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The specifiers a file imports (static, re-exports, dynamic with a literal). */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(IMPORT)) found.push(match[1] ?? match[2]);
  return found;
}

/** Where an import points, from the repository root (`src/server/db/records`), or null for a package. */
export function resolveImport(fromPath: string, specifier: string): string | null {
  if (specifier.startsWith('#server/')) return `src/server/${specifier.slice('#server/'.length)}`;
  if (specifier.startsWith('#shared/')) return `src/shared/${specifier.slice('#shared/'.length)}`;
  if (!specifier.startsWith('.')) return null;
  return posix.normalize(posix.join(posix.dirname(fromPath), specifier)).replace(/\.(ts|tsx|js|mjs)$/, '');
}

const featureOf = (path: string) => /^src\/server\/features\/([^/]+)\//.exec(path)?.[1];
const under = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);
/** The low-level audit call (spelled in two parts so this file does not match itself). */
const HAND_AUDIT = new RegExp(`\\b${'record'}${'Audit'}\\b`);
const INFRASTRUCTURE = ['src/server/access', 'src/server/audit', 'src/server/db', 'src/server/http'];

/** Every broken layering rule, as `file → import: rule`. */
export function layeringViolations(files: SourceFile[]): string[] {
  const violations: string[] = [];
  for (const file of files) {
    if (under(file.path, 'src/server') && !under(file.path, 'src/server/audit') && HAND_AUDIT.test(file.source))
      violations.push(`${file.path}: audit entries are written by audit/writes.ts or auditEvent, not by hand`);
    for (const specifier of importsOf(file.source)) {
      const target = resolveImport(file.path, specifier);
      if (!target) continue;
      const broken = (rule: string) => violations.push(`${file.path} → ${specifier}: ${rule}`);
      if (file.path.endsWith('.routes.ts')) {
        if (under(target, 'src/server/db')) broken('a route file must not import db/ (put the query in its service)');
        const targetFeature = featureOf(`${target}.ts`);
        if (targetFeature && target.endsWith('.service') && targetFeature !== featureOf(file.path))
          broken("a route file must not call another feature's service (go through its own service)");
      }
      if (under(file.path, 'src/web') && under(target, 'src/server')) broken('web code must not import server code');
      if (under(file.path, 'src/server/db') && (under(target, 'src/server/features') || under(target, 'src/server/demo')))
        broken('db/ must not import features or demo data');
      if (INFRASTRUCTURE.some((folder) => under(file.path, folder)) && under(target, 'src/server/features'))
        broken('shared infrastructure must not import a feature');
    }
  }
  return violations;
}

/** Every TypeScript file under a folder, as the checker reads it. */
export function sourceTree(root: string): SourceFile[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|tsx)$/.test(name))
    .map((name) => {
      const path = posix.join(root, name.split('\\').join('/'));
      return { path, source: readFileSync(path, 'utf8') };
    });
}
