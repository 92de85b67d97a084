import type { PGlite, QueryOptions, Results } from '@electric-sql/pglite';

/**
 * Queries on PGlite in one call into its WebAssembly each.
 *
 * PGlite's own `query` sends parse, describe, bind, describe, execute and sync as six calls: the first describe
 * tells it the parameters' types, which decide how it serialises values (JSON, arrays, bytes). Here those types are
 * asked for once per query text and kept, and each execution sends all five messages in one call, so PostgreSQL
 * reads them in one go: 170 µs instead of 315 µs for a row by id on a busy machine. The statement stays unnamed,
 * so PostgreSQL parses and plans it for each execution's values, as before: a list's filters run from one district
 * to the whole country, and a generic plan would fit one end badly (decision 040).
 */

/** The PGlite members this uses: public methods, and the mutexes its own `query` runs under. */
interface Engine {
  _checkReady(): Promise<void>;
  execProtocolStream: PGlite['execProtocolStream'];
  syncToFs(): Promise<void>;
  serializers: Record<number, (value: unknown) => string>;
  parsers: Record<number, (value: string, type: number) => unknown>;
  _runExclusiveQuery<T>(run: () => Promise<T>): Promise<T>;
  _runExclusiveTransaction<T>(run: () => Promise<T>): Promise<T>;
}

type Message = { name: string } & Record<string, unknown>;
type Row = Record<string, unknown> | unknown[];

/** Query texts whose parameter types are kept; past this the oldest is forgotten (the app has a few hundred). */
const KEPT = 2_000;
const SCHEMA_CHANGES = new Set(['CREATE', 'ALTER', 'DROP']);

export function oneCallQueries(lite: PGlite) {
  const engine = lite as unknown as Engine;
  const parameterTypes = new Map<string, number[]>();

  /** The types PostgreSQL gives the parameters: what PGlite describes on every call, described once per text. */
  async function typesOf(text: string, options?: QueryOptions): Promise<number[]> {
    const key = options?.paramTypes?.length ? `${options.paramTypes}\0${text}` : text;
    const known = parameterTypes.get(key);
    if (known) return known;
    const messages = (await engine.execProtocolStream(concat([parse(text, options?.paramTypes), DESCRIBE_STATEMENT, SYNC]), {
      syncToFs: false,
    })) as Message[];
    const types = (messages.find((m) => m.name === 'parameterDescription')?.dataTypeIDs as number[] | undefined) ?? [];
    if (parameterTypes.size >= KEPT) parameterTypes.delete(parameterTypes.keys().next().value!);
    parameterTypes.set(key, types);
    return types;
  }

  async function run(text: string, params: unknown[], options?: QueryOptions): Promise<Results> {
    const types = params.length ? await typesOf(text, options) : [];
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serialize = options?.serializers?.[types[i]] ?? engine.serializers[types[i]];
      return serialize ? serialize(value) : String(value);
    });
    const messages = (await engine.execProtocolStream(
      concat([parse(text, options?.paramTypes), bind(values), DESCRIBE_PORTAL, EXECUTE, SYNC]),
      { syncToFs: false },
    )) as Message[];
    const result = resultOf(messages, options?.parsers ? { ...engine.parsers, ...options.parsers } : engine.parsers, options);
    // A changed table or type may change what a kept text's parameters are: describe them all again.
    if (SCHEMA_CHANGES.has(result.command ?? '')) parameterTypes.clear();
    return result;
  }

  return {
    /** As `lite.query`: waits for any open transaction, and writes through to the folder afterwards. */
    query: async (text: string, params: unknown[] = [], options?: QueryOptions) => {
      // A closing or closed instance says so, as PGlite's own query does.
      await engine._checkReady();
      return engine._runExclusiveTransaction(async () => {
        const result = await engine._runExclusiveQuery(() => run(text, params, options));
        await engine.syncToFs();
        return result;
      });
    },
    /** As a transaction's `query`: the transaction already holds the instance. */
    queryInTransaction: (text: string, params: unknown[] = [], options?: QueryOptions) =>
      engine._runExclusiveQuery(() => run(text, params, options)),
  };
}

/** The result as PGlite's `query` gives it: rows as objects or arrays, and the count of rows changed. */
function resultOf(
  messages: Message[],
  parsers: Record<number, (value: string, type: number) => unknown>,
  options?: QueryOptions,
): Results & { command?: string } {
  let fields: { name: string; dataTypeID: number }[] = [];
  const rows: Row[] = [];
  const result: Results & { command?: string; rowCount?: number } = { rows, fields, affectedRows: 0 };
  for (const message of messages) {
    if (message.name === 'rowDescription') {
      fields = (message.fields as typeof fields).map((f) => ({ name: f.name, dataTypeID: f.dataTypeID }));
      result.fields = fields;
    } else if (message.name === 'dataRow') {
      const values = (message.fields as (string | null)[]).map((value, i) => {
        const type = fields[i].dataTypeID;
        return value === null ? null : parsers[type] ? parsers[type](value, type) : value;
      });
      rows.push(options?.rowMode === 'array' ? values : Object.fromEntries(fields.map((f, i) => [f.name, values[i]])));
    } else if (message.name === 'commandComplete') {
      // "SELECT 2", "UPDATE 3", "INSERT 0 5"; other tags end in a word ("CREATE TABLE").
      const parts = String(message.text).split(' ');
      const count = Number.parseInt(parts[parts.length - 1], 10);
      result.command = parts[0];
      if (['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE'].includes(parts[0])) result.affectedRows = count;
      if (!Number.isNaN(count)) result.rowCount = count;
    }
  }
  return result;
}

// The frontend messages of PostgreSQL's extended query protocol (version 3), for the unnamed statement and portal.
const encoder = new TextEncoder();

function message(type: string, parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(5 + parts.reduce((n, p) => n + p.length, 0));
  out[0] = type.charCodeAt(0);
  new DataView(out.buffer).setInt32(1, out.length - 1);
  let at = 5;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function concat(messages: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(messages.reduce((n, m) => n + m.length, 0));
  let at = 0;
  for (const m of messages) {
    out.set(m, at);
    at += m.length;
  }
  return out;
}

const cString = (s: string) => encoder.encode(`${s}\0`);
const int16 = (n: number) => new Uint8Array([(n >> 8) & 0xff, n & 0xff]);
const int32 = (n: number) => {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setInt32(0, n);
  return out;
};

const parse = (query: string, types: number[] = []) =>
  message('P', [cString(''), cString(query), int16(types.length), ...types.map(int32)]);

/** Every value as text (null as length -1), every column back as text. */
function bind(values: (string | null)[]): Uint8Array {
  const parts = [cString(''), cString(''), int16(0), int16(values.length)];
  for (const value of values) {
    if (value === null) parts.push(int32(-1));
    else {
      const bytes = encoder.encode(value);
      parts.push(int32(bytes.length), bytes);
    }
  }
  parts.push(int16(0));
  return message('B', parts);
}

const DESCRIBE_STATEMENT = message('D', [cString('S').subarray(0, 1), cString('')]);
const DESCRIBE_PORTAL = message('D', [cString('P').subarray(0, 1), cString('')]);
const EXECUTE = message('E', [cString(''), int32(0)]);
const SYNC = message('S', []);
