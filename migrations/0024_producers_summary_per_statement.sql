-- Hand-written (issue 14; docs/decisions/026-summary-tables.md, "Producers: per statement"): the producers' summary
-- figure ('registrations') kept by statement triggers with transition tables instead of a row trigger. A row trigger
-- bumps the same district and province row once per producer; in one transaction each bump adds a version of that
-- row which cannot be pruned before the commit, and the next bump walks past all of them, so an import of 50,000
-- producers spent most of its time (22 of 25 s of its inserts) there, growing with the square of the rows. Per
-- statement, a multi-row insert bumps each (district, month) once with the count of its rows.
DROP TRIGGER producers_summary ON producers;
--> statement-breakpoint
DROP FUNCTION summary_producers();
--> statement-breakpoint
-- The statement's change per district and month: +1 for each live new row, -1 for each live old row; an update that
-- moved nothing nets to zero and bumps nothing. In month, then unit order, so writers take the rows in one order.
CREATE FUNCTION summary_producers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM summary_bump(c.code, 'registrations', '', c.period, c.n, 0) FROM (
      SELECT org_unit_code AS code, summary_month(registered_on) AS period, count(*) AS n
        FROM new_rows WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 2, 1) c;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM summary_bump(c.code, 'registrations', '', c.period, c.n, 0) FROM (
      SELECT code, period, sum(n)::bigint AS n FROM (
          SELECT org_unit_code AS code, summary_month(registered_on) AS period, 1 AS n FROM new_rows WHERE deleted_at IS NULL
          UNION ALL
          SELECT org_unit_code, summary_month(registered_on), -1 FROM old_rows WHERE deleted_at IS NULL) d
        GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 2, 1) c;
  ELSE
    PERFORM summary_bump(c.code, 'registrations', '', c.period, -c.n, 0) FROM (
      SELECT org_unit_code AS code, summary_month(registered_on) AS period, count(*) AS n
        FROM old_rows WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 2, 1) c;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER producers_insert_summary AFTER INSERT ON producers REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION summary_producers();
--> statement-breakpoint
CREATE TRIGGER producers_update_summary AFTER UPDATE ON producers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION summary_producers();
--> statement-breakpoint
CREATE TRIGGER producers_delete_summary AFTER DELETE ON producers REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION summary_producers();
