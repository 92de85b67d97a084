import { PGlite, type Transaction } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { date, integer, interval, numeric, pgTable, timestamp } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { forDrizzle, openPglite } from './pglite';

// What the app reads: every type drizzle passes a parser for, its arrays, and a few it leaves to PGlite.
const EVERY_KIND = sql`select timestamp '2026-11-28 07:30:00' as ts, timestamptz '2026-11-28 07:30:00+07' as tstz,
  date '2569-01-31' as d, interval '1 day 02:00' as i, array[1.50, 2]::numeric[] as nums,
  array[timestamp '2026-01-01 00:00'] as tss, array[timestamptz '2026-01-01 00:00+00'] as tstzs,
  array[interval '1 hour'] as intervals, array[date '2026-01-01', null] as dates,
  12.50::numeric as num, 7 as n, 9007199254740993::int8 as big, true as yes, '{"a":1}'::jsonb as json,
  array['ก', 'b'] as texts`;

const moments = pgTable('moments', {
  id: integer('id').primaryKey(),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
  day: date('day').notNull(),
  length: interval('length').notNull(),
  amount: numeric('amount').notNull(),
});

// PGlite's own client: the PostgreSQL run of the suite has nothing to add.
const onPglite = inject('testDatabase').kind === 'pglite';
let plain: PGlite;
let lite: PGlite;
beforeAll(async () => {
  if (!onPglite) return;
  [plain, lite] = await Promise.all([PGlite.create(), openPglite()]);
  for (const instance of [plain, lite])
    await instance.exec(`create table moments (id int primary key, at timestamptz not null, day date not null,
      length interval not null, amount numeric not null);
      insert into moments values (1, '2026-11-28 07:30+07', '2026-11-28', '3 days', 41100.00)`);
});
afterAll(() => Promise.all([plain?.close(), lite?.close()]));

describe.runIf(onPglite)('PGlite as drizzle reads it', () => {
  it('gives the same values as drizzle with its own per-query parsers, in and out of a transaction', async () => {
    const expected = drizzle(plain);
    const fast = drizzle(forDrizzle(lite));
    const raw = (await expected.execute(EVERY_KIND)).rows;
    expect(raw[0]).toMatchObject({ ts: '2026-11-28 07:30:00', d: '2569-01-31', i: '1 day 02:00:00', nums: '{1.50,2}' });
    expect((await fast.execute(EVERY_KIND)).rows).toEqual(raw);
    expect(await fast.transaction((tx) => tx.execute(EVERY_KIND).then((r) => r.rows))).toEqual(raw);

    const built = await expected.select().from(moments);
    expect(built[0]).toMatchObject({ day: '2026-11-28', length: '3 days', amount: '41100.00' });
    expect(await fast.select().from(moments)).toEqual(built);
    expect(await fast.transaction((tx) => tx.select().from(moments))).toEqual(built);
  });

  it('leaves parsers it does not already have to the query that asks for them', async () => {
    const client = forDrizzle(lite);
    const query = 'select 7 as n, $1::timestamp as ts';
    const custom = { parsers: { 1114: (v: string) => `ts ${v}`, 23: (v: string) => `int ${v}` } };
    expect((await client.query(query, ['2026-01-01'], custom)).rows[0]).toEqual({ n: 'int 7', ts: 'ts 2026-01-01 00:00:00' });
    // A type the instance reads as text, parsed otherwise by the query.
    const asDate = { parsers: { 1114: (v: string) => new Date(`${v}Z`) } };
    expect((await client.query(query, ['2026-01-01'], asDate)).rows[0]).toEqual({ n: 7, ts: new Date('2026-01-01T00:00:00Z') });
  });

  it('passes everything else to the instance itself', async () => {
    const client = forDrizzle(lite);
    expect(client.closed).toBe(false);
    expect((await client.dumpDataDir('none')).size).toBeGreaterThan(1_000_000);
  });

  it("sends each query in one call and gives what PGlite's own query gives, for every kind of value and result", async () => {
    const client = forDrizzle(lite);
    await lite.exec(`create table values_kept (id serial primary key, doc jsonb, ids int[], bytes bytea, yes boolean,
      day date, note text unique)`);
    const insert = `insert into values_kept (doc, ids, bytes, yes, day, note) values ($1, $2, $3, $4, $5, $6)
      returning id, doc, ids, encode(bytes, 'hex') as hex, yes, day, note`;
    const values = [{ a: [1, 'ก'] }, [3, 1, 2], Buffer.from([0, 255]), false, '2569-01-31', null];
    const ours = await client.query(insert, values);
    const theirs = await lite.query(insert, [...values.slice(0, 5), 'second']);
    expect(ours.rows).toEqual([{ ...(theirs.rows[0] as object), id: 1, note: null }]);
    expect(ours).toMatchObject({ affectedRows: 1, fields: theirs.fields });
    const asArrays = await client.query('select id, ids from values_kept where id = any($1) order by id', [[1, 2]], {
      rowMode: 'array',
    });
    expect(asArrays.rows).toEqual(
      (await lite.query('select id, ids from values_kept order by id', [], { rowMode: 'array' })).rows,
    );
    expect((await client.query('update values_kept set yes = not yes')).affectedRows).toBe(2);

    // PostgreSQL's error, with its code, and the transaction it broke is rolled back whole.
    await expect(client.query(insert, [...values.slice(0, 5), 'second'])).rejects.toMatchObject({ code: '23505' });
    await expect(
      client.transaction(async (tx) => {
        await tx.query(insert, [...values.slice(0, 5), 'third']);
        await tx.query(insert, [...values.slice(0, 5), 'second']);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect((await client.query('select count(*)::int as n from values_kept')).rows).toEqual([{ n: 2 }]);
  });

  it('keeps a query outside a transaction waiting until the transaction ends', async () => {
    const client = forDrizzle(lite);
    await lite.exec('create table waits (n int)');
    let release!: () => void;
    let inserted!: () => void;
    const firstInserted = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const open = client.transaction(async (tx) => {
      await tx.query('insert into waits values ($1)', [1]);
      inserted();
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      await tx.query('insert into waits values ($1)', [2]);
    });
    await firstInserted;
    const outside = client.query<{ n: number }>('select count(*)::int as n from waits');
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await open;
    expect((await outside).rows).toEqual([{ n: 2 }]);
  });

  it('refuses a query on a transaction that has ended, and on a closed instance, as PGlite does', async () => {
    const client = forDrizzle(lite);
    let kept!: Transaction;
    await client.transaction(async (tx) => {
      kept = tx;
    });
    await expect(kept.query('select 1')).rejects.toThrow('Transaction is closed');

    const closing = await openPglite();
    const closed = forDrizzle(closing);
    await closing.close();
    await expect(closed.query('select 1')).rejects.toThrow(/closed/i);
  });

  it('describes a text again after the schema changes the types of its parameters, and honours given types', async () => {
    const client = forDrizzle(lite);
    await lite.exec('create table shifting (v text)');
    const insert = 'insert into shifting (v) values ($1) returning v';
    expect((await client.query(insert, [{ a: 1 }])).rows).toEqual([{ v: '[object Object]' }]);
    await client.query('alter table shifting alter column v type jsonb using to_jsonb(v)');
    expect((await client.query(insert, [{ a: 1 }])).rows).toEqual([{ v: { a: 1 } }]);
    // Given types are the parse's, as PGlite passes them: 25 (text) for a value an untyped $1 would leave unknown.
    expect((await client.query('select $1 as t', ['ก'], { paramTypes: [25] })).rows).toEqual([{ t: 'ก' }]);
  });
});
