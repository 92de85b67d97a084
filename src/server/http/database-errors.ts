import type { ErrorCode } from '#shared/errors';

/** Driver-level signs that the database is unreachable rather than that the request was wrong. */
const UNREACHABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
const UNREACHABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Connection ended|Client has encountered a connection error|database is unavailable/i;

/** The error and its causes (drizzle wraps the driver's error in its own). */
function* causes(error: unknown): Generator<{ code?: unknown; message?: unknown }> {
  for (let e = error as any, depth = 0; e && depth < 5; e = e.cause, depth++) yield e;
}

/**
 * What a database error means for the client, by SQLSTATE: input the schema let through but the database
 * refused (400/409/422), or an outage (503). Undefined for anything else, which stays a 500.
 */
export function databaseErrorCode(error: unknown): ErrorCode | undefined {
  for (const e of causes(error)) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNREACHABLE_NODE_CODES.has(code)) return 'database.unavailable';
    // Raised by the trigger refuse_in_locked_quarter (migration 0016).
    if (code === 'TQ001') return 'quarter.locked';
    if (code === '23503') return 'record.reference_missing';
    if (code === '23505' || code === '40001' || code === '40P01') return 'record.conflict';
    if (code === '23514' || code === '23502' || code === '23P01') return 'record.rule_violated';
    // Class 22: data exceptions (out-of-range numbers, impossible dates, bad encodings).
    if (code.startsWith('22')) return 'request.invalid';
    // Class 08: connection; 57P0x: server shutting down or starting; 53300: too many connections;
    // 57014: a statement cut off by statement_timeout (a stuck database).
    if (code.startsWith('08') || code.startsWith('57P0') || code === '53300' || code === '57014') return 'database.unavailable';
    if (typeof e.message === 'string' && UNREACHABLE_MESSAGES.test(e.message)) return 'database.unavailable';
  }
  return undefined;
}
