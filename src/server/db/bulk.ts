/**
 * Many rows into one table in one statement whose size does not grow with the rows: the rows travel as one JSON
 * parameter and `json_to_recordset` turns them into the table's column types inside the database. A multi-row
 * VALUES list has a parameter per cell (drizzle spent more time building 500-row inserts than PostgreSQL took to run
 * them, and PostgreSQL allows 65,535 parameters a statement). The same SQL runs on PGlite and PostgreSQL.
 */
import { type Column, getTableColumns, getTableName, is, SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './client';

type Row = Record<string, unknown>;

/** A value as the JSON document carries it: what the driver would be sent, in a form JSON can hold. */
function jsonValue(column: Column, value: unknown): unknown {
  if (value === null) return null;
  if (is(value, SQL)) throw new Error(`insertRows: ${column.name} is an SQL expression, which a row of data cannot carry`);
  // json/jsonb columns take the JSON value itself (a string would be stored as a JSON string).
  if (column.dataType === 'json') return value;
  const driver = column.mapToDriverValue(value);
  if (typeof driver === 'bigint') return String(driver);
  if (driver instanceof Uint8Array) return `\\x${Buffer.from(driver).toString('hex')}`;
  return driver;
}

/**
 * The value of a column the row leaves out, as drizzle's insert gives it: the column's `$defaultFn`, else its
 * `$onUpdateFn` when it has no default, else undefined (the database's default).
 */
function generated(column: Column): unknown {
  if (column.defaultFn) return column.defaultFn();
  if (column.default === undefined && column.onUpdateFn) return column.onUpdateFn();
  return undefined;
}

/**
 * Inserts `values` (in the table's insert shape) and, unless told not to, returns the rows as inserted, in the order
 * of `values` and mapped as drizzle's `.returning()` maps them. Rows that give different sets of columns go in
 * separate statements: a column a row leaves out takes its default, which a row of data cannot say.
 */
export async function insertRows<T extends PgTable>(
  tx: Db | Tx,
  table: T,
  values: T['$inferInsert'][],
  options: { returning?: boolean } = {},
): Promise<T['$inferSelect'][]> {
  const returning = options.returning ?? true;
  const columns = Object.entries(getTableColumns(table)) as [string, Column][];
  // Each row as the columns it gives, grouped by that set.
  const groups = new Map<string, { keys: string[]; rows: { index: number; data: Row }[] }>();
  values.forEach((value, index) => {
    const data: Row = {};
    const keys: string[] = [];
    for (const [key, column] of columns) {
      const given = (value as Row)[key];
      const v = given === undefined ? generated(column) : given;
      if (v === undefined) continue;
      keys.push(key);
      data[column.name] = jsonValue(column, v);
    }
    const signature = keys.join(',');
    const group = groups.get(signature) ?? { keys, rows: [] };
    group.rows.push({ index, data });
    groups.set(signature, group);
  });
  const byKey = new Map(columns);
  const out: Row[] = new Array(values.length);
  for (const { keys, rows } of groups.values()) {
    const cols = keys.map((k) => byKey.get(k)!);
    const names = sql.join(
      cols.map((c) => sql.identifier(c.name)),
      sql`, `,
    );
    const typed = sql.raw(cols.map((c) => `"${c.name}" ${c.getSQLType()}`).join(', '));
    const document = JSON.stringify(rows.map((r) => r.data));
    // WITH ORDINALITY and ORDER BY: rows go in, and RETURNING comes back, in the order of the document.
    const result = (await tx.execute(sql`
      insert into ${sql.identifier(getTableName(table))} (${names})
      select ${names} from rows from (json_to_recordset(${document}::text::json) as (${typed})) with ordinality as x
      order by x.ordinality
      ${returning ? sql`returning *` : sql``}`)) as unknown as { rows: Row[] };
    if (!returning) continue;
    if (result.rows.length !== rows.length) throw new Error(`insertRows: ${rows.length} rows sent, ${result.rows.length} back`);
    result.rows.forEach((raw, i) => {
      const row: Row = {};
      for (const [key, column] of columns) {
        const v = raw[column.name];
        row[key] = v === null || v === undefined ? null : column.mapFromDriverValue(v);
      }
      out[rows[i].index] = row;
    });
  }
  return (returning ? out : []) as T['$inferSelect'][];
}

/**
 * Updates many rows, each with its own values, in one statement: the values travel as one JSON parameter as in
 * `insertRows`, joined to the table by id. Every row gives the same columns; `set` adds what every row gets (the
 * next version, the time of the change). Returns the rows as updated, in the order given, mapped as drizzle maps them.
 */
export async function updateRows<T extends PgTable>(
  tx: Db | Tx,
  table: T,
  rows: { id: number; values: Partial<T['$inferInsert']> }[],
  set: Record<string, SQL> = {},
): Promise<T['$inferSelect'][]> {
  if (!rows.length) return [];
  const columns = getTableColumns(table) as Record<string, Column>;
  const keys = Object.keys(rows[0].values);
  const signature = keys.join(',');
  const data = rows.map(({ id, values }) => {
    if (Object.keys(values).join(',') !== signature) throw new Error('updateRows: every row must give the same columns');
    const doc: Row = { id };
    for (const key of keys) doc[columns[key].name] = jsonValue(columns[key], (values as Row)[key] ?? null);
    return doc;
  });
  const typed = sql.raw(['"id" integer', ...keys.map((k) => `"${columns[k].name}" ${columns[k].getSQLType()}`)].join(', '));
  const assignments = sql.join(
    [
      ...keys.map((k) => sql`${sql.identifier(columns[k].name)} = v.${sql.identifier(columns[k].name)}`),
      ...Object.entries(set).map(([k, value]) => sql`${sql.identifier(columns[k].name)} = ${value}`),
    ],
    sql`, `,
  );
  const result = (await tx.execute(sql`
    update ${sql.identifier(getTableName(table))} as t set ${assignments}
    from json_to_recordset(${JSON.stringify(data)}::text::json) as v(${typed})
    where t.id = v.id
    returning t.*`)) as unknown as { rows: Row[] };
  const byId = new Map<number, Row>();
  for (const raw of result.rows) {
    const row: Row = {};
    for (const [key, column] of Object.entries(columns)) {
      const v = raw[column.name];
      row[key] = v === null || v === undefined ? null : column.mapFromDriverValue(v);
    }
    byId.set(row.id as number, row);
  }
  if (byId.size !== rows.length) throw new Error(`updateRows: ${rows.length} rows sent, ${byId.size} back`);
  return rows.map((r) => byId.get(r.id)) as T['$inferSelect'][];
}

/**
 * Integer ids as one int[] parameter, sent as the text of an array literal (both engines read it so). Typed int[]
 * directly, not through text: PostgreSQL then plans with the array as a constant, which it can hash and probe an
 * index with; through a text cast it scanned the whole array for every row (70,000 ids: 24 s instead of 25 ms).
 */
export const idArray = (ids: readonly number[]) => sql`${`{${ids.map((id) => Math.trunc(id)).join(',')}}`}::int[]`;

/**
 * `column = any(ids)` with the ids as one parameter: how a list of ids is matched. `inArray` sends one parameter per
 * id, which drizzle builds one at a time (~2.5 µs each: 125 µs of CPU for a 50-row page's ids, on every lookup of
 * the page's details, against ~20 µs here), and a rollback's 50,000 records would pass PostgreSQL's 65,535
 * parameters a statement. `inArray` stays for text values and subqueries.
 */
export const idIn = (column: Column, ids: readonly number[]) => sql`${column} = any(${idArray(ids)})`;
