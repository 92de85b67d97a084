/**
 * npm run bench (third part): Lighthouse's mobile performance audit of the sign-in page, the first thing a district
 * officer loads on a phone. Lighthouse's default mobile profile: a mid-range phone, slow 4G, simulated throttling.
 * Prints the score, the bytes on the wire and the main timings against the targets; it never fails on them.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const PORT = 3872;
const TARGET_SCORE = 90;
const TARGET_KB = 350;

async function waitForHealth(child: ReturnType<typeof spawn>) {
  const started = performance.now();
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (performance.now() - started > 180_000) throw new Error('server did not start in 180 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const dir = join(mkdtempSync(join(tmpdir(), 'thanrak-lighthouse-')), 'data');
// `npm start`'s own script: it builds the web app first when its sources changed, as a user's start would.
const server = spawn(process.execPath, ['scripts/start.mjs'], {
  env: { ...process.env, DATA_DIR: dir, PORT: String(PORT), LOG: 'false' },
  stdio: 'ignore',
  // Its own process group: start.mjs runs the server as a child, and both must stop at the end.
  detached: true,
});
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
try {
  await waitForHealth(server);
  const result = await lighthouse(`http://127.0.0.1:${PORT}/login`, {
    port: chrome.port,
    onlyCategories: ['performance'],
    logLevel: 'error',
  });
  if (!result) throw new Error('Lighthouse returned no result');
  const { lhr } = result;
  const score = Math.round((lhr.categories.performance.score ?? 0) * 100);
  const kb = Math.round((lhr.audits['total-byte-weight'].numericValue ?? 0) / 1024);
  const ms = (id: string) => Math.round(lhr.audits[id].numericValue ?? 0);
  console.log('sign-in page, Lighthouse mobile (simulated slow 4G, mid-range phone):');
  console.log(`  performance score      ${score}   (target ${TARGET_SCORE}, ratio ${(score / TARGET_SCORE).toFixed(2)})`);
  console.log(`  bytes on the wire      ${kb} KB (target ${TARGET_KB} KB, ratio ${(kb / TARGET_KB).toFixed(2)})`);
  console.log(`  first contentful paint ${ms('first-contentful-paint')} ms`);
  console.log(`  largest contentful     ${ms('largest-contentful-paint')} ms`);
  console.log(`  total blocking time    ${ms('total-blocking-time')} ms`);
} finally {
  chrome.kill();
  process.kill(-server.pid!, 'SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(join(dir, '..'), { recursive: true, force: true });
}
