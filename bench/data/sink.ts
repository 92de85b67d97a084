/**
 * Where the rows go: COPY … FROM STDIN on PostgreSQL (pg-copy-streams), COPY … FROM '/dev/blob' on PGlite. Both take
 * PostgreSQL's text format, so one encoder serves both engines and the rows are the same on each.
 */
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type Value = unknown;

export interface Sink {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  copy(table: string, columns: readonly string[], rows: readonly Value[][]): Promise<void>;
}

const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

/** An element of a PostgreSQL array literal, quoted. */
const arrayElement = (v: unknown) => (v === null ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);

export function encodeValue(v: Value): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'string') return escapeText(v);
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)) return escapeText(JSON.stringify(v));
  if (v instanceof Date) return v.toISOString();
  // Arrays of objects are jsonb (expense lines); arrays of scalars are PostgreSQL arrays (text[], integer[]).
  if (Array.isArray(v) && v.some((e) => typeof e === 'object' && e !== null)) return escapeText(JSON.stringify(v));
  if (Array.isArray(v)) return escapeText(`{${v.map(arrayElement).join(',')}}`);
  return escapeText(JSON.stringify(v));
}

/** The rows as COPY text, in pieces of about a megabyte. */
function* encodeRows(rows: readonly Value[][]): Generator<string> {
  let piece = '';
  for (const row of rows) {
    piece += `${row.map(encodeValue).join('\t')}\n`;
    if (piece.length > 1_000_000) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}

const copySql = (table: string, columns: readonly string[], source: string) =>
  `COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM ${source}`;

export function postgresSink(client: pg.Client): Sink {
  return {
    async query(text, params) {
      return (await client.query(text, params as unknown[])).rows;
    },
    async copy(table, columns, rows) {
      if (!rows.length) return;
      const stream = client.query(copyFrom(copySql(table, columns, 'STDIN')));
      const done = new Promise<void>((resolve, reject) => {
        stream.on('finish', () => resolve());
        stream.on('error', reject);
      });
      for (const piece of encodeRows(rows)) {
        if (!stream.write(piece)) await new Promise((resolve) => stream.once('drain', resolve));
      }
      stream.end();
      await done;
    },
  };
}

export function pgliteSink(lite: PGlite): Sink {
  return {
    async query(text, params) {
      return (await lite.query(text, params as unknown[])).rows as never[];
    },
    async copy(table, columns, rows) {
      if (!rows.length) return;
      const blob = new Blob([...encodeRows(rows)]);
      await lite.query(copySql(table, columns, `'/dev/blob'`), [], { blob });
    },
  };
}
