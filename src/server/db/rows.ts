import type { SQL } from 'drizzle-orm';
import type { Db, Tx } from './client';

/** The rows of a query written in SQL (`db.execute`): both drivers hand back `{ rows }`, which drizzle leaves untyped. */
export async function rowsOf<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
