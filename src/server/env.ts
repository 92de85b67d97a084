import { parseDataKey } from './personal-data';

/** Process settings from the environment, read once. */
export interface Settings {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** A streaming replica of DATABASE_URL that dashboards and reports read from (DATABASE_REPLICA_URL). */
  databaseReplicaUrl?: string;
  /** Minutes without a request after which a session ends. */
  sessionIdleMinutes: number;
  /** Hours after sign-in after which a session ends however active it is. */
  sessionAbsoluteHours: number;
  /** Cookies only over HTTPS: on by default in production (NODE_ENV=production), SECURE_COOKIES overrides. */
  secureCookies: boolean;
  /**
   * Addresses of the reverse proxies whose X-Forwarded-For is believed (TRUST_PROXY, e.g. `127.0.0.1` or a
   * comma-separated list); none by default, so no client can pick its own address for the rate limits.
   */
  trustProxy: string[];
  /** Milliseconds: waiting for a PostgreSQL connection, one statement, and an idle open transaction. */
  databaseTimeouts: { connectMs: number; statementMs: number; idleInTransactionMs: number };
  loginRateLimitPerMinute: number;
  /** 32-byte key protecting citizen IDs; see personal-data.ts. */
  dataKey?: Buffer;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  return {
    port: Number(env.PORT ?? 3000),
    // Loopback unless opened on purpose: the demo accounts' password is public.
    host: env.HOST ?? '127.0.0.1',
    dataDir: env.DATA_DIR ?? './data',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReplicaUrl: env.DATABASE_REPLICA_URL || undefined,
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 120),
    sessionAbsoluteHours: Number(env.SESSION_ABSOLUTE_HOURS ?? 12),
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : env.NODE_ENV === 'production',
    trustProxy: (env.TRUST_PROXY ?? '')
      .split(',')
      .map((address) => address.trim())
      .filter(Boolean),
    databaseTimeouts: {
      connectMs: Number(env.DATABASE_CONNECT_TIMEOUT_MS ?? 5_000),
      statementMs: Number(env.DATABASE_STATEMENT_TIMEOUT_MS ?? 30_000),
      idleInTransactionMs: Number(env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS ?? 60_000),
    },
    loginRateLimitPerMinute: Number(env.LOGIN_RATE_LIMIT_PER_MINUTE ?? 10),
    dataKey: env.THANRAK_DATA_KEY ? parseDataKey(env.THANRAK_DATA_KEY) : undefined,
  };
}
