import { parseDataKey } from './personal-data';

/** Process settings from the environment, read once. */
export interface Settings {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** Minutes without a request after which a session ends. */
  sessionIdleMinutes: number;
  /** Hours after sign-in after which a session ends however active it is. */
  sessionAbsoluteHours: number;
  secureCookies: boolean;
  loginRateLimitPerMinute: number;
  /** 32-byte key protecting citizen IDs; see personal-data.ts. */
  dataKey?: Buffer;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: env.DATA_DIR ?? './data',
    databaseUrl: env.DATABASE_URL || undefined,
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 120),
    sessionAbsoluteHours: Number(env.SESSION_ABSOLUTE_HOURS ?? 12),
    secureCookies: env.SECURE_COOKIES === 'true',
    loginRateLimitPerMinute: Number(env.LOGIN_RATE_LIMIT_PER_MINUTE ?? 10),
    dataKey: env.THANRAK_DATA_KEY ? parseDataKey(env.THANRAK_DATA_KEY) : undefined,
  };
}
