/**
 * npm run bench: measures what a newcomer waits for.
 *  - cold start: `npm start` path on a new data folder (initdb, migrations, reference + demo data) until /api/health answers
 *  - restart: the same folder again
 * Prints figures and their ratio to the targets (15 s cold, 3 s restart); it never fails on timing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = 3871;

async function timeStart(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(PORT), LOG: 'false' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${PORT}/api/health`);
        if (res.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      if (performance.now() - started > 120_000) throw new Error('server did not start in 120 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const dir = join(mkdtempSync(join(tmpdir(), 'thanrak-bench-')), 'data');
try {
  const cold = await timeStart(dir);
  const restarts = [await timeStart(dir), await timeStart(dir), await timeStart(dir)].sort((a, b) => a - b);
  const restart = restarts[1];
  const row = (name: string, ms: number, target: number) =>
    console.log(
      `${name.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(6)} s   target ${target} s   ratio ${(ms / 1000 / target).toFixed(2)}`,
    );
  console.log('Startup (process spawn until /api/health answers, embedded PGlite, demo data)');
  row('cold start on a new data folder', cold, 15);
  row('restart on existing folder (median of 3)', restart, 3);
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}.lock`, { force: true });
}
