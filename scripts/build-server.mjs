// Compiles the server to JavaScript for `npm start`: dist/server/main.js (+ source map), one file per worker
// entry (src/server/**/*-worker.ts → dist/server/<name>.js). Packages stay in node_modules (not bundled); the project's
// own TypeScript, `#shared/*`/`#server/*` imports and JSON are bundled. `npm run dev`, vitest and the e2e journeys
// keep running the sources through tsx.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { build, stop } from 'esbuild';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const OUT_DIR = join(ROOT, 'dist/server');

const workerEntries = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return workerEntries(path);
    return entry.name.endsWith('-worker.ts') ? [path] : [];
  });

/**
 * Files the sources read beside themselves (`new URL('./common-passwords.txt', import.meta.url)`, the migrations
 * folder, the built web app) stay where they are: each such URL is rewritten to point from dist/server to the same
 * file. URLs of modules (.js/.ts) are left alone: those name entries this build emits beside the bundle.
 */
const assetUrls = {
  name: 'asset-urls',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source.replace(/new URL\((['"])([^'"]+)\1,\s*import\.meta\.url\)/g, (whole, _quote, path) => {
        if (/\.[cm]?[jt]s$/.test(path)) return whole;
        const target = relative(OUT_DIR, resolve(dirname(args.path), path)) + (path.endsWith('/') ? '/' : '');
        return `new URL(${JSON.stringify(target)}, import.meta.url)`;
      });
      return { contents, loader: 'ts' };
    });
  },
};

export async function buildServer() {
  rmSync(OUT_DIR, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/server/main.ts', 'src/server/make-template.ts', ...workerEntries(join(ROOT, 'src/server'))],
    outdir: OUT_DIR,
    entryNames: '[name]',
    // Code a route loads on first use (`await import('./xlsx')`: the import readers) becomes a chunk of its own, so
    // its packages load then, not at start. Chunks sit beside the entries: asset URLs are relative to this folder.
    splitting: true,
    chunkNames: '[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [assetUrls],
  });
  // esbuild's service process would otherwise stay beside the server that npm start runs next.
  stop();
  // The database a new data folder starts from (src/server/db/template.ts), made by the server just compiled.
  const template = spawnSync(process.execPath, [join(OUT_DIR, 'make-template.js')], { stdio: 'inherit' });
  if (template.status !== 0) throw new Error(`making the database template failed (${template.status})`);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildServer();
