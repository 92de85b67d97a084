/**
 * Request and error logs without personal data: search terms (people's names) in query strings and the
 * SQL parameters drizzle attaches to a failed query never reach the log.
 */
import type { FastifyServerOptions } from 'fastify';

/** `/api/people?q=สมชาย&page=2` → `/api/people?q=…&page=…`: which filters were used, not their values. */
export function redactUrl(url: string): string {
  const [path, query] = url.split('?', 2);
  if (query === undefined) return path;
  const names = query
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=', 1)[0]}=…`);
  return `${path}?${names.join('&')}`;
}

/** What an error may tell the log: where and which rule, never the values (a PostgreSQL `detail` quotes them). */
const LOGGED_ERROR_FIELDS = ['code', 'statusCode', 'constraint', 'table', 'column', 'routine', 'severity'];

/** The error's type, code, message and stack frames, and its cause the same way; no query text or values. */
export function redactError(error: unknown, depth = 0): { type: string; message: string; stack: string; [key: string]: unknown } {
  if (!error || typeof error !== 'object') return { type: typeof error, message: String(error), stack: '' };
  const e = error as Error & Record<string, unknown>;
  // drizzle's message repeats the SQL and its parameters.
  const message = e.message?.startsWith('Failed query') ? 'Failed query (SQL and parameters not logged)' : String(e.message);
  const frames = (e.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  const kept: { type: string; message: string; stack: string; [key: string]: unknown } = {
    type: e.name,
    message,
    stack: [`${e.name}: ${message}`, ...frames].join('\n'),
  };
  for (const key of LOGGED_ERROR_FIELDS) if (e[key] !== undefined) kept[key] = e[key];
  if (e.cause && depth < 3) kept.cause = redactError(e.cause, depth + 1);
  return kept;
}

export function loggerOptions(enabled: boolean): FastifyServerOptions['logger'] {
  if (!enabled) return false;
  return {
    serializers: {
      req: (request) => ({ method: request.method, url: redactUrl(request.url), remoteAddress: request.ip }),
      err: (error) => redactError(error),
    },
  };
}
