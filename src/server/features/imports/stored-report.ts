/**
 * A batch's report as the value of its `report` column, put together inside the database. The report of a
 * 50,000-row file is ~40 MB of JSON: sent as one parameter it was a 40 MB string in the process and two driver
 * buffers of about that size more, the largest thing the dry run and the commit held. Its rows go instead a thousand
 * at a time into a temporary table of the transaction, and the column's value is built from that table.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { ImportReport } from '#shared/imports';
import type { Tx } from '../../db/client';

const ROWS_PER_STATEMENT = 1000;

/** Stages the report's rows; returns the SQL value of the whole report, to be written in the same transaction. */
export async function storedReport(tx: Tx, report: ImportReport): Promise<SQL> {
  const { rows, ...rest } = report;
  await tx.execute(sql`drop table if exists pg_temp.import_report_rows`);
  await tx.execute(sql`create temp table import_report_rows (n integer primary key, row jsonb not null) on commit drop`);
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = JSON.stringify(rows.slice(i, i + ROWS_PER_STATEMENT));
    await tx.execute(sql`
      insert into import_report_rows (n, row)
      select ${i} + r.n, r.row::jsonb from json_array_elements(${chunk}::text::json) with ordinality as r(row, n)`);
  }
  return sql`(${JSON.stringify(rest)}::jsonb || jsonb_build_object('rows',
    (select coalesce(jsonb_agg(row order by n), '[]'::jsonb) from import_report_rows)))`;
}
