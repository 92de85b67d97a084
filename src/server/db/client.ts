import { mkdirSync, realpathSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { lockDataDir } from './lock';
import { forDrizzle, openPglite } from './pglite';
import * as schema from './schema';
import { templateFor } from './template';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  db: Db;
  /**
   * For dashboards and reports: the streaming replica of DATABASE_REPLICA_URL, or `db` itself when there is none
   * (and on PGlite). It may lag the primary by a moment, so nothing that writes or must see its own write reads here.
   */
  readDb: Db;
  kind: DatabaseKind;
  /** PostgreSQL only: `select 1` over a connection of its own, for the watchdog (db/watchdog.ts). */
  ping?: () => Promise<void>;
  close(): Promise<void>;
}

/** Milliseconds before PostgreSQL work is given up: a stuck server must not hold requests forever. */
export interface DatabaseTimeouts {
  connectMs: number;
  statementMs: number;
  idleInTransactionMs: number;
}
const DEFAULT_TIMEOUTS: DatabaseTimeouts = { connectMs: 5_000, statementMs: 30_000, idleInTransactionMs: 60_000 };

export type DatabaseTarget =
  | { url: string; replicaUrl?: string; timeouts?: DatabaseTimeouts }
  | { dataDir: string }
  | { pglite: PGlite };

export { openPglite };

/** Opens PostgreSQL when given a URL, else the embedded PGlite folder (locked against a second process). */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) {
    const timeouts = target.timeouts ?? DEFAULT_TIMEOUTS;
    const pool = openPool(target.url, timeouts);
    await pool.query('select 1');
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    const pinger = new Pinger(target.url, timeouts);
    const ping = () => pinger.ping();
    if (!target.replicaUrl)
      return {
        db,
        readDb: db,
        kind: 'postgresql',
        ping,
        close: async () => void (await Promise.all([pinger.end(), pool.end()])),
      };
    // Not checked here: a replica that is down at start is read around until it answers (ReplicaPool).
    const replica = new ReplicaPool(openPool(target.replicaUrl, timeouts), pool);
    const readDb = drizzlePg(replica as unknown as pg.Pool, { schema }) as unknown as Db;
    return {
      db,
      readDb,
      kind: 'postgresql',
      ping,
      close: async () => void (await Promise.all([pinger.end(), replica.end(), pool.end()])),
    };
  }
  if ('pglite' in target) {
    const client = target.pglite;
    const db = drizzlePglite(forDrizzle(client), { schema }) as unknown as Db;
    return { db, readDb: db, kind: 'pglite', close: () => client.close() };
  }
  mkdirSync(target.dataDir, { recursive: true });
  // PGlite's file system layer cannot open a folder given as a symbolic link (errno 44): give it the real path.
  const dataDir = realpathSync(target.dataDir);
  const unlock = lockDataDir(dataDir);
  try {
    const client = await openPglite(dataDir, templateFor(dataDir));
    const db = drizzlePglite(forDrizzle(client), { schema }) as unknown as Db;
    return {
      db,
      readDb: db,
      kind: 'pglite',
      close: async () => {
        await client.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/**
 * A connection that runs its queries one after another, in the order they were asked. Services read several things
 * at once (`Promise.all`); in a transaction those reads share one connection, where node-postgres 8 queues them
 * itself but warns that version 9 will refuse.
 */
class OneQueryAtATime extends pg.Client {
  private previous: Promise<unknown> = Promise.resolve();

  // pg's query has a dozen overloads; this one only orders the calls and passes them on as they came.
  override query(...args: any[]): any {
    // Callbacks (the pool's own queries) and streams (cursors) keep node-postgres's handling.
    if (typeof args.at(-1) === 'function' || typeof args[0]?.submit === 'function')
      return (super.query as (...a: unknown[]) => unknown)(...args);
    const run = this.previous.then(() => (super.query as (...a: unknown[]) => Promise<unknown>)(...args));
    this.previous = run.catch(() => {});
    return run;
  }
}

function openPool(url: string, timeouts: DatabaseTimeouts): pg.Pool {
  const pool = new pg.Pool({
    Client: OneQueryAtATime,
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    // A frozen server never answers, so statement_timeout never fires: the client gives up a little later.
    // statementMs 0 (migrations) waits as long as the work takes.
    query_timeout: timeouts.statementMs ? timeouts.statementMs + timeouts.connectMs : undefined,
    // JIT compiling pays off for long analytic queries, not for ours: a list page whose plan merely *looks* costly
    // (a hashed subplan over a national table) spent 110 ms compiling to answer in a few. Parallel workers likewise:
    // a page's 50-row lookup planned with two workers took 16 ms to start them and 2 ms without, and under load
    // the other requests need the cores.
    options: '-c jit=off -c max_parallel_workers_per_gather=0',
  });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  // 57P01 (terminated by administrator) is the expected end of a dropped test database.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') console.error(`PostgreSQL connection error: ${error.message}`);
  });
  return pool;
}

/**
 * One connection outside the pool for liveness pings: when all pooled connections are busy with slow queries the
 * server is loaded, not down, and a ping waiting in the pool's queue would wrongly turn every request into a 503.
 * A connection that failed or timed out is dropped and the next ping opens a new one.
 */
class Pinger {
  private client?: pg.Client;

  constructor(
    private readonly url: string,
    private readonly timeouts: DatabaseTimeouts,
  ) {}

  async ping(): Promise<void> {
    try {
      if (!this.client) {
        const client = new pg.Client({
          connectionString: this.url,
          connectionTimeoutMillis: this.timeouts.connectMs,
          query_timeout: this.timeouts.connectMs,
        });
        client.on('error', () => this.drop(client));
        this.client = client;
        await client.connect();
      }
      await this.client.query('select 1');
    } catch (error) {
      if (this.client) this.drop(this.client);
      throw error;
    }
  }

  private drop(client: pg.Client): void {
    if (this.client === client) this.client = undefined;
    client.end().catch(() => {});
  }

  async end(): Promise<void> {
    if (this.client) await this.client.end().catch(() => {});
    this.client = undefined;
  }
}

/** Milliseconds a replica that failed is left alone before reads try it again. */
const REPLICA_RETRY_MS = 5_000;

/**
 * The replica's pool as drizzle sees it: a query the replica cannot answer because it is unreachable, shutting
 * down, still starting or cancelled by a recovery conflict is run on the primary instead, so a replica outage
 * slows dashboards at worst and never turns them into 503s. Read-only by construction: writes never come here.
 */
export class ReplicaPool {
  private downUntil = 0;
  constructor(
    private readonly replica: pg.Pool,
    private readonly primary: pg.Pool,
  ) {}

  query(...args: unknown[]): Promise<unknown> {
    return this.either((pool) => (pool.query as (...a: unknown[]) => Promise<unknown>)(...args));
  }

  connect(): Promise<pg.PoolClient> {
    return this.either((pool) => pool.connect());
  }

  end(): Promise<void> {
    return this.replica.end();
  }

  private async either<T>(run: (pool: pg.Pool) => Promise<T>): Promise<T> {
    if (Date.now() >= this.downUntil) {
      try {
        const result = await run(this.replica);
        if (this.downUntil) {
          this.downUntil = 0;
          console.error('Read replica answers again: dashboards and reports read from it');
        }
        return result;
      } catch (error) {
        if (!replicaUnavailable(error)) throw error;
        // Logged once per outage, not once per request.
        if (!this.downUntil) console.error(`Read replica unavailable, reading from the primary: ${(error as Error).message}`);
        this.downUntil = Date.now() + REPLICA_RETRY_MS;
      }
    }
    return run(this.primary);
  }
}

/**
 * Failures of the replica rather than of the query: no answer from the server at all (refused, reset, timed out),
 * class 08 (connection), 57P01–57P03 (shut down or still starting) and 40001 (cancelled by a conflict with recovery).
 */
function replicaUnavailable(error: unknown): boolean {
  if (!(error instanceof pg.DatabaseError)) return true;
  const code = error.code ?? '';
  return code.startsWith('08') || ['57P01', '57P02', '57P03', '40001'].includes(code);
}
