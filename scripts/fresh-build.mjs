// Builds the web app and compiles the server when their sources are newer than the builds (`npm run build` builds
// both). `npm start` and the bench call it, so neither runs an old build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const builtAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const newestSource = (dir) =>
  Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newestSource(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
    ),
  );

/** From the repository's root folder. */
export async function buildWhenStale() {
  const shared = newestSource('src/shared');
  if (Math.max(newestSource('src/web'), shared) > builtAt('dist/web/index.html')) {
    console.log('  สร้างเว็บแอป / building the web app (first start only)');
    const vite = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
      stdio: 'inherit',
    });
    if (vite.status !== 0) process.exit(vite.status ?? 1);
  }
  if (Math.max(newestSource('src/server'), shared) > builtAt('dist/server/main.js')) {
    console.log('  คอมไพล์เซิร์ฟเวอร์ / compiling the server (first start only)');
    const { buildServer } = await import('./build-server.mjs');
    await buildServer();
  }
}
