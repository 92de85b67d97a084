CREATE TABLE "summary_counts" (
	"figure" text NOT NULL,
	"period" date NOT NULL,
	"org_unit_code" text NOT NULL,
	"dim" text DEFAULT '' NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL,
	"satang" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "summary_counts_org_unit_code_figure_period_dim_pk" PRIMARY KEY("org_unit_code","figure","period","dim")
);
--> statement-breakpoint
CREATE INDEX "summary_counts_provinces_idx" ON "summary_counts" USING btree ("figure","period") WHERE length("summary_counts"."org_unit_code") = 2;
--> statement-breakpoint
-- ==== Hand-written: summary tables kept by triggers (issue 13; docs/decisions/026-summary-tables.md) ====
-- Every figure is a count (n) and a sum (satang) per district, figure, dimension and period, changed by row-level
-- AFTER triggers in the writer's transaction: an insert adds the new row's contribution, a delete takes the old
-- one away, an update does both (so a move between districts, dates, stages or a soft delete moves the count).
-- Each change is added to the district's row and to its province's row (a 2-digit code), so the nation reads ~77
-- rows per figure and month instead of 878. Standing counts (not dated) use the period '-infinity'; stage moves the
-- first day of the fiscal year. Codes compare bytewise (C): grouping is cheap and a prefix can use the index.
ALTER TABLE summary_counts ALTER COLUMN figure TYPE text COLLATE "C", ALTER COLUMN org_unit_code TYPE text COLLATE "C",
  ALTER COLUMN dim TYPE text COLLATE "C";
--> statement-breakpoint
CREATE FUNCTION summary_month(d date) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT date_trunc('month', d)::date $$;
--> statement-breakpoint
-- The first day of the fiscal year (October) that a day falls in.
CREATE FUNCTION summary_fiscal_start(d date) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT make_date(extract(year FROM d + interval '3 months')::int - 1, 10, 1) $$;
--> statement-breakpoint
-- The funnel keys a group's evidence counts in: each group stage it proves, and `both_<i>` for the i-th stage
-- (from 0, group_formed first) proven together with the next one (pipeline.service.ts reads them).
CREATE FUNCTION summary_group_keys(evidence text[]) RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH g(s, i) AS (
    SELECT * FROM unnest(ARRAY['group_formed', 'otop_registered', 'needs_analysed', 'strengthened', 'market_access',
      'funding_access', 'grown']) WITH ORDINALITY
  )
  SELECT s FROM g WHERE s = ANY(evidence)
  UNION ALL
  SELECT 'both_' || (a.i - 1) FROM g a JOIN g b ON b.i = a.i + 1 WHERE a.s = ANY(evidence) AND b.s = ANY(evidence)
$$;
--> statement-breakpoint
CREATE FUNCTION summary_bump(p_code text, p_figure text, p_dim text, p_period date, p_n bigint, p_satang bigint)
  RETURNS void LANGUAGE sql AS $$
  -- District first, then province: every writer takes the two row locks in the same order.
  INSERT INTO summary_counts AS s (figure, period, org_unit_code, dim, n, satang)
  VALUES (p_figure, p_period, p_code, p_dim, p_n, p_satang), (p_figure, p_period, left(p_code, 2), p_dim, p_n, p_satang)
  ON CONFLICT (figure, period, org_unit_code, dim) DO UPDATE SET n = s.n + excluded.n, satang = s.satang + excluded.satang
$$;
--> statement-breakpoint
-- Records that count once in a month of their own date: sign +1 for NEW, -1 for OLD, live rows only.
CREATE FUNCTION summary_services() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.org_unit_code, OLD.service_date, OLD.deleted_at IS NULL)
    IS NOT DISTINCT FROM (NEW.org_unit_code, NEW.service_date, NEW.deleted_at IS NULL) THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL THEN
    PERFORM summary_bump(OLD.org_unit_code, 'services', '', summary_month(OLD.service_date), -1, 0);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL THEN
    PERFORM summary_bump(NEW.org_unit_code, 'services', '', summary_month(NEW.service_date), 1, 0);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION summary_wisdom_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.org_unit_code, OLD.surveyed_on, OLD.deleted_at IS NULL)
    IS NOT DISTINCT FROM (NEW.org_unit_code, NEW.surveyed_on, NEW.deleted_at IS NULL) THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL THEN
    PERFORM summary_bump(OLD.org_unit_code, 'wisdom', '', summary_month(OLD.surveyed_on), -1, 0);
    PERFORM summary_bump(OLD.org_unit_code, 'wisdom_items', '', '-infinity', -1, 0);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL THEN
    PERFORM summary_bump(NEW.org_unit_code, 'wisdom', '', summary_month(NEW.surveyed_on), 1, 0);
    PERFORM summary_bump(NEW.org_unit_code, 'wisdom_items', '', '-infinity', 1, 0);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION summary_producers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.org_unit_code, OLD.registered_on, OLD.deleted_at IS NULL)
    IS NOT DISTINCT FROM (NEW.org_unit_code, NEW.registered_on, NEW.deleted_at IS NULL) THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL THEN
    PERFORM summary_bump(OLD.org_unit_code, 'registrations', '', summary_month(OLD.registered_on), -1, 0);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL THEN
    PERFORM summary_bump(NEW.org_unit_code, 'registrations', '', summary_month(NEW.registered_on), 1, 0);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION summary_certifications() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.org_unit_code, OLD.issued_on, OLD.deleted_at IS NULL)
    IS NOT DISTINCT FROM (NEW.org_unit_code, NEW.issued_on, NEW.deleted_at IS NULL) THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL THEN
    PERFORM summary_bump(OLD.org_unit_code, 'certificates', '', summary_month(OLD.issued_on), -1, 0);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL THEN
    PERFORM summary_bump(NEW.org_unit_code, 'certificates', '', summary_month(NEW.issued_on), 1, 0);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Outcomes count once verified, in the month they were reported.
CREATE FUNCTION summary_outcomes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.org_unit_code, OLD.reported_on, OLD.deleted_at IS NULL AND OLD.verified_at IS NOT NULL)
    IS NOT DISTINCT FROM (NEW.org_unit_code, NEW.reported_on, NEW.deleted_at IS NULL AND NEW.verified_at IS NOT NULL)
    THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL AND OLD.verified_at IS NOT NULL THEN
    PERFORM summary_bump(OLD.org_unit_code, 'outcomes_verified', '', summary_month(OLD.reported_on), -1, 0);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL AND NEW.verified_at IS NOT NULL THEN
    PERFORM summary_bump(NEW.org_unit_code, 'outcomes_verified', '', summary_month(NEW.reported_on), 1, 0);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A month's sales per channel: how many rows (a row of 0 baht still shows its channel) and their sum.
CREATE FUNCTION summary_sales() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.org_unit_code, OLD.month, OLD.channel_code, OLD.amount_satang, OLD.deleted_at IS NULL)
    IS NOT DISTINCT FROM (NEW.org_unit_code, NEW.month, NEW.channel_code, NEW.amount_satang, NEW.deleted_at IS NULL)
    THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL THEN
    PERFORM summary_bump(OLD.org_unit_code, 'sales', OLD.channel_code, summary_month(OLD.month), -1, -OLD.amount_satang);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL THEN
    PERFORM summary_bump(NEW.org_unit_code, 'sales', NEW.channel_code, summary_month(NEW.month), 1, NEW.amount_satang);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Funding per source: applications by the month applied, approvals (count and amount) by the month decided, and
-- the standing number of live applications (the dashboard lists every source a unit has applied to).
CREATE FUNCTION summary_funding_row(f funding_applications, sign int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM summary_bump(f.org_unit_code, 'funding_applied', f.source_code, summary_month(f.applied_on), sign, 0);
  PERFORM summary_bump(f.org_unit_code, 'funding_sources', f.source_code, '-infinity', sign, 0);
  IF f.status = 'approved' THEN
    PERFORM summary_bump(f.org_unit_code, 'funding_approved', f.source_code, summary_month(f.decided_on), sign,
      sign * f.approved_satang);
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION summary_funding() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.org_unit_code, OLD.source_code, OLD.applied_on, OLD.status, OLD.decided_on,
      OLD.approved_satang, OLD.deleted_at IS NULL)
    IS NOT DISTINCT FROM (NEW.org_unit_code, NEW.source_code, NEW.applied_on, NEW.status, NEW.decided_on,
      NEW.approved_satang, NEW.deleted_at IS NULL) THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL THEN PERFORM summary_funding_row(OLD, -1); END IF;
  IF TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL THEN PERFORM summary_funding_row(NEW, 1); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- An activity counts in the month it starts, with its attendees and its market-event takings (per market kind,
-- '' for an activity that is not a market event), so moving or deleting it moves them too.
CREATE FUNCTION summary_activity_row(a activities, sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_attended bigint;
  r record;
BEGIN
  PERFORM summary_bump(a.org_unit_code, 'activities', '', summary_month(a.starts_on), sign, 0);
  SELECT count(*) INTO v_attended FROM activity_people WHERE activity_id = a.id AND attended;
  IF v_attended > 0 THEN
    PERFORM summary_bump(a.org_unit_code, 'attendees', '', summary_month(a.starts_on), sign * v_attended, 0);
  END IF;
  FOR r IN SELECT summary_month(sale_date) AS month, count(*) AS n, sum(amount_satang) AS satang
      FROM event_sales WHERE activity_id = a.id GROUP BY 1 ORDER BY 1 LOOP
    PERFORM summary_bump(a.org_unit_code, 'event_sales', coalesce(a.market_kind, ''), r.month, sign * r.n,
      sign * r.satang::bigint);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE FUNCTION summary_activities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.org_unit_code, OLD.starts_on, OLD.market_kind, OLD.deleted_at IS NULL)
    IS NOT DISTINCT FROM (NEW.org_unit_code, NEW.starts_on, NEW.market_kind, NEW.deleted_at IS NULL)
    THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL THEN PERFORM summary_activity_row(OLD, -1); END IF;
  IF TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL THEN PERFORM summary_activity_row(NEW, 1); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A child row counts where its activity is. FOR SHARE waits for a concurrent move of the activity, so the move
-- (which counts the children it sees) and this row never both miss each other.
CREATE FUNCTION summary_activity_people() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE a record;
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.activity_id, OLD.attended) IS NOT DISTINCT FROM (NEW.activity_id, NEW.attended)
    THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' AND OLD.attended THEN
    SELECT org_unit_code, starts_on INTO a FROM activities WHERE id = OLD.activity_id AND deleted_at IS NULL FOR SHARE;
    IF FOUND THEN PERFORM summary_bump(a.org_unit_code, 'attendees', '', summary_month(a.starts_on), -1, 0); END IF;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.attended THEN
    SELECT org_unit_code, starts_on INTO a FROM activities WHERE id = NEW.activity_id AND deleted_at IS NULL FOR SHARE;
    IF FOUND THEN PERFORM summary_bump(a.org_unit_code, 'attendees', '', summary_month(a.starts_on), 1, 0); END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION summary_event_sales() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE a record;
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.activity_id, summary_month(OLD.sale_date), OLD.amount_satang)
    IS NOT DISTINCT FROM (NEW.activity_id, summary_month(NEW.sale_date), NEW.amount_satang) THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT org_unit_code, market_kind INTO a FROM activities WHERE id = OLD.activity_id AND deleted_at IS NULL FOR SHARE;
    IF FOUND THEN
      PERFORM summary_bump(a.org_unit_code, 'event_sales', coalesce(a.market_kind, ''), summary_month(OLD.sale_date), -1,
        -OLD.amount_satang);
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    SELECT org_unit_code, market_kind INTO a FROM activities WHERE id = NEW.activity_id AND deleted_at IS NULL FOR SHARE;
    IF FOUND THEN
      PERFORM summary_bump(a.org_unit_code, 'event_sales', coalesce(a.market_kind, ''), summary_month(NEW.sale_date), 1,
        NEW.amount_satang);
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A group: founded (dated), its funnel keys (standing), and, when it moves district or is deleted or restored, the
-- fiscal-year stage moves of its history with it.
CREATE FUNCTION summary_group_row(g occupational_groups, sign int, with_moves boolean) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  k text;
  r record;
BEGIN
  PERFORM summary_bump(g.org_unit_code, 'groups_formed', '', summary_month(g.founded_on), sign, 0);
  FOR k IN SELECT summary_group_keys(g.evidence) ORDER BY 1 LOOP
    PERFORM summary_bump(g.org_unit_code, 'groups', k, '-infinity', sign, 0);
  END LOOP;
  IF with_moves THEN
    FOR r IN SELECT DISTINCT to_stage, summary_fiscal_start(changed_on) AS fy FROM group_stage_history
        WHERE group_id = g.id ORDER BY 1, 2 LOOP
      PERFORM summary_bump(g.org_unit_code, 'stage_moves', r.to_stage, r.fy, sign, 0);
    END LOOP;
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION summary_groups() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE v_moves boolean;
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.org_unit_code, OLD.founded_on, OLD.evidence, OLD.deleted_at IS NULL)
    IS NOT DISTINCT FROM (NEW.org_unit_code, NEW.founded_on, NEW.evidence, NEW.deleted_at IS NULL)
    THEN RETURN NULL; END IF;
  -- A new group has no history yet, and a group's history must be gone before the group is.
  v_moves := TG_OP = 'UPDATE' AND (OLD.org_unit_code, OLD.deleted_at IS NULL)
    IS DISTINCT FROM (NEW.org_unit_code, NEW.deleted_at IS NULL);
  IF TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL THEN PERFORM summary_group_row(OLD, -1, v_moves); END IF;
  IF TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL THEN PERFORM summary_group_row(NEW, 1, v_moves); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Groups that moved into a stage in a fiscal year, each counted once however often it moved there: a history
-- row counts only when no other row of its group has the same stage and year. The group row is locked so two
-- writers of one group's history take turns (the app already updates the group in the same transaction).
CREATE FUNCTION summary_stage_move(p_group int, p_stage text, p_on date, p_except int, sign int)
  RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  g record;
  v_fy date := summary_fiscal_start(p_on);
BEGIN
  SELECT org_unit_code INTO g FROM occupational_groups WHERE id = p_group AND deleted_at IS NULL FOR NO KEY UPDATE;
  IF NOT FOUND THEN RETURN; END IF;
  IF EXISTS (SELECT 1 FROM group_stage_history WHERE group_id = p_group AND to_stage = p_stage AND id <> p_except
      AND changed_on >= v_fy AND changed_on < (v_fy + interval '1 year')::date) THEN RETURN; END IF;
  PERFORM summary_bump(g.org_unit_code, 'stage_moves', p_stage, v_fy, sign, 0);
END $$;
--> statement-breakpoint
CREATE FUNCTION summary_stage_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.group_id, OLD.to_stage, summary_fiscal_start(OLD.changed_on))
    IS NOT DISTINCT FROM (NEW.group_id, NEW.to_stage, summary_fiscal_start(NEW.changed_on)) THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM summary_stage_move(OLD.group_id, OLD.to_stage, OLD.changed_on, OLD.id, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM summary_stage_move(NEW.group_id, NEW.to_stage, NEW.changed_on, NEW.id, 1); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER services_summary AFTER INSERT OR UPDATE OR DELETE ON services
  FOR EACH ROW EXECUTE FUNCTION summary_services();
--> statement-breakpoint
CREATE TRIGGER wisdom_items_summary AFTER INSERT OR UPDATE OR DELETE ON wisdom_items
  FOR EACH ROW EXECUTE FUNCTION summary_wisdom_items();
--> statement-breakpoint
CREATE TRIGGER producers_summary AFTER INSERT OR UPDATE OR DELETE ON producers
  FOR EACH ROW EXECUTE FUNCTION summary_producers();
--> statement-breakpoint
CREATE TRIGGER certifications_summary AFTER INSERT OR UPDATE OR DELETE ON certifications
  FOR EACH ROW EXECUTE FUNCTION summary_certifications();
--> statement-breakpoint
CREATE TRIGGER outcomes_summary AFTER INSERT OR UPDATE OR DELETE ON outcomes
  FOR EACH ROW EXECUTE FUNCTION summary_outcomes();
--> statement-breakpoint
CREATE TRIGGER sales_summary AFTER INSERT OR UPDATE OR DELETE ON sales
  FOR EACH ROW EXECUTE FUNCTION summary_sales();
--> statement-breakpoint
CREATE TRIGGER funding_applications_summary AFTER INSERT OR UPDATE OR DELETE ON funding_applications
  FOR EACH ROW EXECUTE FUNCTION summary_funding();
--> statement-breakpoint
CREATE TRIGGER activities_summary AFTER INSERT OR UPDATE OR DELETE ON activities
  FOR EACH ROW EXECUTE FUNCTION summary_activities();
--> statement-breakpoint
CREATE TRIGGER activity_people_summary AFTER INSERT OR UPDATE OR DELETE ON activity_people
  FOR EACH ROW EXECUTE FUNCTION summary_activity_people();
--> statement-breakpoint
CREATE TRIGGER event_sales_summary AFTER INSERT OR UPDATE OR DELETE ON event_sales
  FOR EACH ROW EXECUTE FUNCTION summary_event_sales();
--> statement-breakpoint
CREATE TRIGGER occupational_groups_summary AFTER INSERT OR UPDATE OR DELETE ON occupational_groups
  FOR EACH ROW EXECUTE FUNCTION summary_groups();
--> statement-breakpoint
CREATE TRIGGER group_stage_history_summary AFTER INSERT OR UPDATE OR DELETE ON group_stage_history
  FOR EACH ROW EXECUTE FUNCTION summary_stage_history();
--> statement-breakpoint
-- The same figures computed from the base tables: the backfill below, the tests' reference, an operator's check.
CREATE VIEW summary_counts_recomputed AS
WITH districts AS (
  SELECT 'services'::text AS figure, summary_month(service_date) AS period, org_unit_code, ''::text AS dim,
      count(*)::bigint AS n, 0::bigint AS satang
    FROM services WHERE deleted_at IS NULL GROUP BY 2, 3
  UNION ALL SELECT 'wisdom', summary_month(surveyed_on), org_unit_code, '', count(*), 0
    FROM wisdom_items WHERE deleted_at IS NULL GROUP BY 2, 3
  UNION ALL SELECT 'wisdom_items', '-infinity', org_unit_code, '', count(*), 0
    FROM wisdom_items WHERE deleted_at IS NULL GROUP BY 3
  UNION ALL SELECT 'registrations', summary_month(registered_on), org_unit_code, '', count(*), 0
    FROM producers WHERE deleted_at IS NULL GROUP BY 2, 3
  UNION ALL SELECT 'certificates', summary_month(issued_on), org_unit_code, '', count(*), 0
    FROM certifications WHERE deleted_at IS NULL GROUP BY 2, 3
  UNION ALL SELECT 'outcomes_verified', summary_month(reported_on), org_unit_code, '', count(*), 0
    FROM outcomes WHERE deleted_at IS NULL AND verified_at IS NOT NULL GROUP BY 2, 3
  UNION ALL SELECT 'sales', summary_month(month), org_unit_code, channel_code, count(*), sum(amount_satang)::bigint
    FROM sales WHERE deleted_at IS NULL GROUP BY 2, 3, 4
  UNION ALL SELECT 'funding_applied', summary_month(applied_on), org_unit_code, source_code, count(*), 0
    FROM funding_applications WHERE deleted_at IS NULL GROUP BY 2, 3, 4
  UNION ALL SELECT 'funding_sources', '-infinity', org_unit_code, source_code, count(*), 0
    FROM funding_applications WHERE deleted_at IS NULL GROUP BY 3, 4
  UNION ALL SELECT 'funding_approved', summary_month(decided_on), org_unit_code, source_code, count(*),
      sum(approved_satang)::bigint
    FROM funding_applications WHERE deleted_at IS NULL AND status = 'approved' GROUP BY 2, 3, 4
  UNION ALL SELECT 'activities', summary_month(starts_on), org_unit_code, '', count(*), 0
    FROM activities WHERE deleted_at IS NULL GROUP BY 2, 3
  UNION ALL SELECT 'attendees', summary_month(a.starts_on), a.org_unit_code, '', count(*), 0
    FROM activities a JOIN activity_people p ON p.activity_id = a.id AND p.attended
    WHERE a.deleted_at IS NULL GROUP BY 2, 3
  UNION ALL SELECT 'event_sales', summary_month(e.sale_date), a.org_unit_code, coalesce(a.market_kind, ''), count(*),
      sum(e.amount_satang)::bigint
    FROM activities a JOIN event_sales e ON e.activity_id = a.id WHERE a.deleted_at IS NULL GROUP BY 2, 3, 4
  UNION ALL SELECT 'groups_formed', summary_month(founded_on), org_unit_code, '', count(*), 0
    FROM occupational_groups WHERE deleted_at IS NULL GROUP BY 2, 3
  UNION ALL SELECT 'groups', '-infinity', g.org_unit_code, k.key, count(*), 0
    FROM occupational_groups g CROSS JOIN LATERAL summary_group_keys(g.evidence) AS k(key)
    WHERE g.deleted_at IS NULL GROUP BY 3, 4
  UNION ALL SELECT 'stage_moves', summary_fiscal_start(h.changed_on), g.org_unit_code, h.to_stage,
      count(DISTINCT h.group_id), 0
    FROM group_stage_history h JOIN occupational_groups g ON g.id = h.group_id
    WHERE g.deleted_at IS NULL GROUP BY 2, 3, 4
)
SELECT figure COLLATE "C" AS figure, period, org_unit_code COLLATE "C" AS org_unit_code, dim COLLATE "C" AS dim, n, satang
  FROM districts
UNION ALL SELECT figure COLLATE "C", period, left(org_unit_code, 2) COLLATE "C", dim COLLATE "C", sum(n)::bigint,
    sum(satang)::bigint
  FROM districts GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
-- Where the kept figures and the recomputed ones differ (a row of zeros counts as no row): empty when all is well.
CREATE VIEW summary_counts_drift AS
  SELECT coalesce(k.figure, r.figure) AS figure, coalesce(k.period, r.period) AS period,
      coalesce(k.org_unit_code, r.org_unit_code) AS org_unit_code, coalesce(k.dim, r.dim) AS dim,
      coalesce(k.n, 0) AS kept_n, coalesce(r.n, 0) AS recomputed_n,
      coalesce(k.satang, 0) AS kept_satang, coalesce(r.satang, 0) AS recomputed_satang
    FROM (SELECT * FROM summary_counts WHERE n <> 0 OR satang <> 0) k
    FULL JOIN summary_counts_recomputed r
      ON r.figure = k.figure AND r.period = k.period AND r.org_unit_code = k.org_unit_code AND r.dim = k.dim
    WHERE coalesce(k.n, 0) <> coalesce(r.n, 0) OR coalesce(k.satang, 0) <> coalesce(r.satang, 0);
--> statement-breakpoint
-- Recomputes every figure from the records: the backfill below, an operator's repair after a drift, and the end of
-- a bulk load that ran with the `*_summary` triggers disabled (one pass instead of a trigger call per row).
CREATE FUNCTION summary_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM summary_counts;
  INSERT INTO summary_counts (figure, period, org_unit_code, dim, n, satang)
    SELECT figure, period, org_unit_code, dim, n, satang FROM summary_counts_recomputed;
$$;
--> statement-breakpoint
SELECT summary_rebuild();
-- ==== End of hand-written block ====
