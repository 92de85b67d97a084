import { PGlite, type QueryOptions, type Transaction, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { oneCallQueries } from './pglite-queries';

/**
 * The types drizzle reads as text from PGlite, as node-postgres gives them: dates, timestamps, intervals, numeric
 * arrays and arrays of dates, timestamps and intervals. drizzle's PGlite driver passes these nine parsers with every
 * query, and PGlite merges them into a copy of its ~320 type parsers each time: about 100 µs a query, as much as a
 * short query itself, and about 4 s of building the demo data at start.
 */
const AS_TEXT = (value: string) => value;
const TEXT_TYPES: Record<number, (value: string) => string> = {
  [types.TIMESTAMP]: AS_TEXT,
  [types.TIMESTAMPTZ]: AS_TEXT,
  [types.INTERVAL]: AS_TEXT,
  [types.DATE]: AS_TEXT,
  1231: AS_TEXT, // numeric[]
  1115: AS_TEXT, // timestamp[]
  1185: AS_TEXT, // timestamptz[]
  1187: AS_TEXT, // interval[]
  1182: AS_TEXT, // date[]
};

/** Opens PGlite with pg_trgm, reading the types above as text once for the instance instead of once a query. */
export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<PGlite> {
  const lite = await PGlite.create({ dataDir, loadDataDir, extensions: { pg_trgm } });
  // After create: it sets the array types' parsers from the database's catalogue and would overwrite ours.
  Object.assign(lite.parsers, TEXT_TYPES);
  return lite;
}

/**
 * The options without drizzle's per-query parsers when the instance already parses those types the same way: each
 * of them one of the types above, giving back the text it is given.
 */
const PROBE = '2026-11-28 07:30:00+07';
function withoutKnownParsers(options?: QueryOptions): QueryOptions | undefined {
  if (!options?.parsers) return options;
  for (const [oid, parse] of Object.entries(options.parsers))
    if (!(Number(oid) in TEXT_TYPES) || parse(PROBE, Number(oid)) !== PROBE) return options;
  return { ...options, parsers: undefined };
}

/**
 * The instance as drizzle should see it: queries, in and out of transactions, go without the parsers it already
 * has. Anything else (dumps, closing) reaches the instance itself.
 */
export function forDrizzle(lite: PGlite): PGlite {
  const statements = oneCallQueries(lite);
  const withoutParsers = (run: Transaction['query']) => (text: string, params?: unknown[], options?: QueryOptions) =>
    run(text, params, withoutKnownParsers(options));
  const replaced: Record<string, unknown> = {
    query: withoutParsers(statements.query as Transaction['query']),
    transaction: <T>(callback: (tx: Transaction) => Promise<T>) =>
      lite.transaction((tx) => {
        // As PGlite's own: a query on a transaction that has ended is refused, not run outside it.
        const query = withoutParsers(statements.queryInTransaction as Transaction['query']);
        const open = (async (...args: Parameters<Transaction['query']>) => {
          if (tx.closed) throw new Error('Transaction is closed');
          return query(...args);
        }) as Transaction['query'];
        return callback(Object.create(tx, { query: { value: open } }));
      }),
  };
  return new Proxy(lite, {
    get(target, key) {
      if (typeof key === 'string' && Object.hasOwn(replaced, key)) return replaced[key];
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
