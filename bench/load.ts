/**
 * Load generation: autocannon against one URL at a fixed number of connections, every response time kept so the
 * percentiles are exact (autocannon's own histogram has no p95), and a closed loop for timing raw SQL.
 */
import type { EventEmitter } from 'node:events';
import { cpus } from 'node:os';
import autocannon from 'autocannon';

export interface Figures {
  p50: number;
  p95: number;
  p99: number;
  /** Responses per second over the whole measurement (2xx and others). */
  rps: number;
  requests: number;
  /** Responses other than 2xx plus connection errors and timeouts: a figure with errors is not a clean one. */
  errors: number;
  /** The errors by HTTP status ('error' for a connection error or timeout). */
  failures?: Record<string, number>;
}

export interface Request {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

/** Nearest-rank percentile of ascending values (p in 0..100); 0 for no values. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarise(times: number[], seconds: number, failures: Record<string, number> = {}): Figures {
  const sorted = [...times].sort((a, b) => a - b);
  const errors = Object.values(failures).reduce((sum, n) => sum + n, 0);
  return {
    ...(errors ? { failures } : {}),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    rps: seconds > 0 ? times.length / seconds : 0,
    requests: times.length,
    errors,
  };
}

/**
 * `connections` clients each sending the request again as soon as the last answered, for `seconds`. A request
 * that would take more than a third of that with every client waiting its turn on the server's cores (an export),
 * or one that left fewer answers than clients, is sent a fixed number of times instead (each client twice, at
 * least 3 in all): every figure has samples and none is cut off by the end of the measurement.
 */
export async function hammer(request: Request, connections: number, seconds: number): Promise<Figures> {
  const single = await timeOnce(request);
  const queued = (single * connections) / Math.min(connections, cpus().length);
  const fixed = () => closedLoop(request, connections, Math.max(3, 2 * connections));
  if (queued > (seconds * 1000) / 3) return fixed();
  const times: number[] = [];
  const failures: Record<string, number> = {};
  const started = performance.now();
  const instance = autocannon({
    url: request.url,
    method: request.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...request.headers },
    body: request.body,
    connections,
    duration: seconds,
    timeout: 300,
  }) as unknown as EventEmitter & Promise<autocannon.Result>;
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) times.push(ms);
    else failures[status] = (failures[status] ?? 0) + 1;
  });
  instance.on('reqError', () => {
    failures.error = (failures.error ?? 0) + 1;
  });
  await instance;
  const answered = times.length + Object.values(failures).reduce((sum, n) => sum + n, 0);
  if (answered < connections) return fixed();
  return summarise(times, (performance.now() - started) / 1000, failures);
}

/** `connections` callers sharing `total` requests, each sending its next when the last answered. */
async function closedLoop(request: Request, connections: number, total: number): Promise<Figures> {
  const times: number[] = [];
  const failures: Record<string, number> = {};
  let left = total;
  const started = performance.now();
  const caller = async () => {
    while (left-- > 0) {
      try {
        times.push(await timeOnce(request));
      } catch (error) {
        const status = /: (\d{3}) /.exec(String(error))?.[1] ?? 'error';
        failures[status] = (failures[status] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, caller));
  return summarise(times, (performance.now() - started) / 1000, failures);
}

/** One request, its body read, in milliseconds; throws on a non-2xx answer so a broken row is noticed early. */
export async function timeOnce(request: Request): Promise<number> {
  const started = performance.now();
  const res = await fetch(request.url, {
    method: request.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...request.headers },
    body: request.body,
  });
  const body = await res.arrayBuffer();
  if (!res.ok)
    throw new Error(`${request.method ?? 'GET'} ${request.url}: ${res.status} ${Buffer.from(body).toString().slice(0, 300)}`);
  return performance.now() - started;
}

/** Runs `task` back to back for `seconds` (at least 3 times); the percentiles of one caller. */
export async function loop(task: () => Promise<unknown>, seconds: number): Promise<Figures> {
  const times: number[] = [];
  const started = performance.now();
  while (times.length < 3 || performance.now() - started < seconds * 1000) {
    const t = performance.now();
    await task();
    times.push(performance.now() - t);
  }
  return summarise(times, (performance.now() - started) / 1000);
}
