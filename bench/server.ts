/**
 * The server as a user runs it, in its own process: start (timed until /api/health answers), stop, and its memory
 * read from /proc (VmRSS now, VmHWM the peak since start).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export interface ServerOptions {
  port: number;
  /** DATABASE_URL or DATA_DIR, and whatever else the run needs; PORT and LOG are set here. */
  env: Record<string, string>;
  /** `npm-start`: `node scripts/start.mjs` exactly as `npm start` (web build when stale, then the server). */
  via?: 'server' | 'npm-start';
}

export interface Server {
  url: string;
  /** The server process itself (under `npm start`, the child of start.mjs). */
  pid: number;
  /** Milliseconds from spawn until /api/health answered 200. */
  startMs: number;
  stop(): Promise<void>;
}

/** `npm start`'s server: the compiled one when it has been built, else TypeScript through tsx. */
export const serverCommand = (): string[] =>
  existsSync('dist/server/main.js') ? ['dist/server/main.js'] : ['--import', 'tsx', 'src/server/main.ts'];

export async function startServer(options: ServerOptions): Promise<Server> {
  const url = `http://127.0.0.1:${options.port}`;
  const started = performance.now();
  const args = options.via === 'npm-start' ? ['scripts/start.mjs'] : serverCommand();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...options.env, PORT: String(options.port), LOG: 'false' },
    stdio: ['ignore', 'ignore', 'pipe'],
    // Its own process group: start.mjs runs the server as a child, and both stop together.
    detached: true,
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
  });
  const stop = () => stopGroup(child);
  try {
    for (;;) {
      try {
        if ((await fetch(`${url}/api/health`)).ok) break;
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${errors}`);
      if (performance.now() - started > 600_000) throw new Error('server did not start in 600 s');
      await new Promise((r) => setTimeout(r, 25));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const startMs = performance.now() - started;
  const pid = options.via === 'npm-start' ? (childrenOf(child.pid!)[0] ?? child.pid!) : child.pid!;
  return { url, pid, startMs, stop };
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid!, 'SIGTERM');
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** VmRSS and VmHWM of a process, in MiB. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** Samples a process's RSS every `everyMs` until stopped; returns the highest seen, in MiB. */
export function sampleRss(pid: number, everyMs = 50): { stop(): number } {
  let highest = memoryOf(pid).rssMb;
  const timer = setInterval(() => {
    try {
      highest = Math.max(highest, memoryOf(pid).rssMb);
    } catch {
      // the process ended; the figure so far stands
    }
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return highest;
    },
  };
}
