import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client';

/** What dates a record for the quarter lock: its district and the day the report counts it on (null: not dated). */
export type LockDate = { unit: string; day: string | null };

/**
 * The records with `locked`: true when dated in a quarter the province locked, so the district cannot change them
 * until it is unlocked. The rule is the database's own (`quarter_is_locked`, the function the triggers of migration
 * 0016 call), asked once for the whole page, so the client is told exactly what the server would refuse.
 */
export async function withLocked<T>(
  db: Db | Tx,
  records: T[],
  dateOf: (record: T) => LockDate,
): Promise<(T & { locked: boolean })[]> {
  const dated = records.map((record, i) => ({ i, ...dateOf(record) })).filter((d) => d.day !== null);
  const locked = new Set<number>();
  if (dated.length) {
    // One JSON parameter, not a row of parameters per record: one statement text whatever the page's length.
    const result = (await db.execute(
      sql`select i from json_to_recordset(${JSON.stringify(dated)}::json) as r(i int, unit text, day date)
        where quarter_is_locked(unit, day)`,
    )) as unknown as { rows: { i: number }[] };
    for (const row of result.rows) locked.add(Number(row.i));
  }
  return records.map((record, i) => ({ ...record, locked: locked.has(i) }));
}

/** One record with `locked` (see withLocked). */
export async function oneWithLocked<T>(db: Db | Tx, record: T, dateOf: (record: T) => LockDate) {
  const [withLock] = await withLocked(db, [record], dateOf);
  return withLock;
}

/** A record as read from its table, before withLocked says whether its quarter is locked. */
export type Unlocked<T> = Omit<T, 'locked'>;
