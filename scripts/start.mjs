// npm start: build the web app when its sources are newer than the build, then run the server
// (embedded PGlite in ./data with demo data, unless DATABASE_URL points at PostgreSQL).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const builtAt = existsSync('dist/web/index.html') ? statSync('dist/web/index.html').mtimeMs : 0;
const newestSource = (dir) =>
  Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newestSource(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
    ),
  );

if (Math.max(newestSource('src/web'), newestSource('src/shared')) > builtAt) {
  console.log('  สร้างเว็บแอป / building the web app (first start only)');
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { stdio: 'inherit' });
process.exit(server.status ?? 0);
