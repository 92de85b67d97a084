CREATE TABLE "center_profiles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "center_profiles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"office_address" text NOT NULL,
	"service_area" text DEFAULT '' NOT NULL,
	"opening_hours" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"staff_on_duty" text DEFAULT '' NOT NULL,
	"learning_media" text DEFAULT '' NOT NULL,
	"latitude" text,
	"longitude" text
);
--> statement-breakpoint
CREATE TABLE "committee_exceptions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "committee_exceptions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"letter_number" text NOT NULL,
	"letter_date" date NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_by" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committee_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "committee_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"committee_id" integer NOT NULL,
	"person_id" integer,
	"name" text DEFAULT '' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"position_code" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "committee_members_named" CHECK ("committee_members"."person_id" is not null or "committee_members"."name" <> '')
);
--> statement-breakpoint
CREATE TABLE "committees" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "committees_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"order_number" text NOT NULL,
	"order_date" date NOT NULL,
	"signed_by" text NOT NULL,
	"term_start" date NOT NULL,
	"term_end" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer NOT NULL,
	CONSTRAINT "committees_term" CHECK ("committees"."term_end" >= "committees"."term_start")
);
--> statement-breakpoint
CREATE TABLE "meeting_agenda_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meeting_agenda_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	CONSTRAINT "meeting_agenda_items_seq" CHECK ("meeting_agenda_items"."seq" >= 1)
);
--> statement-breakpoint
CREATE TABLE "meeting_attendees" (
	"meeting_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"attended" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "meeting_attendees_meeting_id_member_id_pk" PRIMARY KEY("meeting_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_resolutions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meeting_resolutions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"meeting_id" integer NOT NULL,
	"agenda_seq" integer,
	"text" text NOT NULL,
	"owner_member_id" integer,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"follow_up" text DEFAULT '' NOT NULL,
	"done_on" date,
	CONSTRAINT "meeting_resolutions_done" CHECK (("meeting_resolutions"."status" = 'done') = ("meeting_resolutions"."done_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meetings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"committee_id" integer NOT NULL,
	"number" integer NOT NULL,
	"fiscal_year" integer NOT NULL,
	"held_on" date NOT NULL,
	"starts_at" text DEFAULT '09:30' NOT NULL,
	"place" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"quorum_percent" integer DEFAULT 50 NOT NULL,
	"guests" text DEFAULT '' NOT NULL,
	"opened_at" text,
	"closed_at" text,
	"minutes_by" text DEFAULT '' NOT NULL,
	"minutes_checked_by" text DEFAULT '' NOT NULL,
	"created_by" integer NOT NULL,
	CONSTRAINT "meetings_quorum" CHECK ("meetings"."quorum_percent" between 1 and 99)
);
--> statement-breakpoint
CREATE TABLE "posts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "posts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"published_on" date,
	"is_public" boolean DEFAULT false NOT NULL,
	"created_by" integer NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	CONSTRAINT "posts_published_channels" CHECK ("posts"."published_on" is null or cardinality("posts"."channels") >= 1),
	CONSTRAINT "posts_public_published" CHECK (not "posts"."is_public" or "posts"."published_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "quarter_locks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quarter_locks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"locked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_by" integer NOT NULL,
	"unlocked_at" timestamp with time zone,
	"unlocked_by" integer,
	"unlock_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "quarter_locks_quarter" CHECK ("quarter_locks"."quarter" between 1 and 4),
	CONSTRAINT "quarter_locks_unlock" CHECK (("quarter_locks"."unlocked_at" is null) = ("quarter_locks"."unlocked_by" is null) and ("quarter_locks"."unlocked_at" is null) = ("quarter_locks"."unlock_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "quarterly_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quarterly_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"fiscal_year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"figures" jsonb,
	"narrative" text DEFAULT '' NOT NULL,
	"problems" text DEFAULT '' NOT NULL,
	"support_needed" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" integer,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" integer,
	"review_comment" text DEFAULT '' NOT NULL,
	"created_by" integer NOT NULL,
	CONSTRAINT "quarterly_reports_quarter" CHECK ("quarterly_reports"."quarter" between 1 and 4),
	CONSTRAINT "quarterly_reports_submitted" CHECK ("quarterly_reports"."status" = 'draft' or "quarterly_reports"."submitted_at" is not null),
	CONSTRAINT "quarterly_reports_reviewer" CHECK ("quarterly_reports"."reviewed_by" is null or "quarterly_reports"."reviewed_by" <> "quarterly_reports"."submitted_by")
);
--> statement-breakpoint
ALTER TABLE "center_profiles" ADD CONSTRAINT "center_profiles_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_exceptions" ADD CONSTRAINT "committee_exceptions_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_exceptions" ADD CONSTRAINT "committee_exceptions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committees" ADD CONSTRAINT "committees_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committees" ADD CONSTRAINT "committees_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_member_id_committee_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."committee_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_resolutions" ADD CONSTRAINT "meeting_resolutions_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_resolutions" ADD CONSTRAINT "meeting_resolutions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_resolutions" ADD CONSTRAINT "meeting_resolutions_owner_member_id_committee_members_id_fk" FOREIGN KEY ("owner_member_id") REFERENCES "public"."committee_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarter_locks" ADD CONSTRAINT "quarter_locks_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarter_locks" ADD CONSTRAINT "quarter_locks_locked_by_users_id_fk" FOREIGN KEY ("locked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarter_locks" ADD CONSTRAINT "quarter_locks_unlocked_by_users_id_fk" FOREIGN KEY ("unlocked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarterly_reports" ADD CONSTRAINT "quarterly_reports_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarterly_reports" ADD CONSTRAINT "quarterly_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarterly_reports" ADD CONSTRAINT "quarterly_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarterly_reports" ADD CONSTRAINT "quarterly_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "center_profiles_unit_uq" ON "center_profiles" USING btree ("org_unit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "committee_exceptions_unit_uq" ON "committee_exceptions" USING btree ("org_unit_code") WHERE "committee_exceptions"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "committee_members_committee_idx" ON "committee_members" USING btree ("committee_id","sort");--> statement-breakpoint
CREATE INDEX "committee_members_person_idx" ON "committee_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "committees_unit_term_idx" ON "committees" USING btree ("org_unit_code","term_start");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_agenda_items_seq_uq" ON "meeting_agenda_items" USING btree ("meeting_id","seq");--> statement-breakpoint
CREATE INDEX "meeting_attendees_member_idx" ON "meeting_attendees" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "meeting_resolutions_meeting_idx" ON "meeting_resolutions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_resolutions_unit_due_idx" ON "meeting_resolutions" USING btree ("org_unit_code","due_on");--> statement-breakpoint
CREATE INDEX "meetings_unit_date_idx" ON "meetings" USING btree ("org_unit_code","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_number_uq" ON "meetings" USING btree ("org_unit_code","fiscal_year","number") WHERE "meetings"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "posts_unit_date_idx" ON "posts" USING btree ("org_unit_code","published_on");--> statement-breakpoint
CREATE INDEX "posts_search_trgm" ON "posts" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "quarter_locks_active_uq" ON "quarter_locks" USING btree ("org_unit_code","fiscal_year","quarter") WHERE "quarter_locks"."unlocked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "quarterly_reports_quarter_uq" ON "quarterly_reports" USING btree ("org_unit_code","fiscal_year","quarter") WHERE "quarterly_reports"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "quarterly_reports_year_idx" ON "quarterly_reports" USING btree ("fiscal_year","quarter","status");--> statement-breakpoint
-- A quarter locked by the province after approving the district's report (quarter_locks) freezes the district's
-- records dated in it: no insert, update (soft deletes included) or delete until a province officer unlocks it.
-- Thai fiscal quarters: FY = BE year in which September falls; Q1 = Oct–Dec, Q2 = Jan–Mar, Q3 = Apr–Jun, Q4 = Jul–Sep.
CREATE FUNCTION quarter_is_locked(p_unit text, p_day date) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM quarter_locks
    WHERE org_unit_code = p_unit AND unlocked_at IS NULL
      AND fiscal_year = extract(year FROM p_day)::int + 543 + CASE WHEN extract(month FROM p_day) >= 10 THEN 1 ELSE 0 END
      AND quarter = (extract(month FROM p_day)::int + 2) % 12 / 3 + 1)
$$;
--> statement-breakpoint
-- TG_ARGV[0] names the column that dates the record. SQLSTATE TQ001 maps to the error quarter.locked.
CREATE FUNCTION refuse_in_locked_quarter() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_day date;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    v_day := (to_jsonb(OLD) ->> TG_ARGV[0])::date;
    IF v_day IS NOT NULL AND quarter_is_locked(OLD.org_unit_code, v_day) THEN
      RAISE EXCEPTION 'quarter_locked' USING ERRCODE = 'TQ001', DETAIL = TG_TABLE_NAME || ' ' || v_day;
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    v_day := (to_jsonb(NEW) ->> TG_ARGV[0])::date;
    IF v_day IS NOT NULL AND quarter_is_locked(NEW.org_unit_code, v_day) THEN
      RAISE EXCEPTION 'quarter_locked' USING ERRCODE = 'TQ001', DETAIL = TG_TABLE_NAME || ' ' || v_day;
    END IF;
  END IF;
  RETURN coalesce(NEW, OLD);
END;
$$;
--> statement-breakpoint
CREATE TRIGGER services_locked_quarter BEFORE INSERT OR UPDATE OR DELETE ON services
  FOR EACH ROW EXECUTE FUNCTION refuse_in_locked_quarter('service_date');
--> statement-breakpoint
CREATE TRIGGER outreach_trips_locked_quarter BEFORE INSERT OR UPDATE OR DELETE ON outreach_trips
  FOR EACH ROW EXECUTE FUNCTION refuse_in_locked_quarter('trip_date');
--> statement-breakpoint
CREATE TRIGGER service_requests_locked_quarter BEFORE INSERT OR UPDATE OR DELETE ON service_requests
  FOR EACH ROW EXECUTE FUNCTION refuse_in_locked_quarter('received_on');
--> statement-breakpoint
CREATE TRIGGER activities_locked_quarter BEFORE INSERT OR UPDATE OR DELETE ON activities
  FOR EACH ROW EXECUTE FUNCTION refuse_in_locked_quarter('starts_on');
--> statement-breakpoint
CREATE TRIGGER sales_locked_quarter BEFORE INSERT OR UPDATE OR DELETE ON sales
  FOR EACH ROW EXECUTE FUNCTION refuse_in_locked_quarter('month');
--> statement-breakpoint
-- A funding application is dated by its decision: one decided in a locked quarter is frozen, and no decision can
-- be recorded into a locked quarter; an undecided one stays open whatever its application date.
CREATE TRIGGER funding_applications_locked_quarter BEFORE INSERT OR UPDATE OR DELETE ON funding_applications
  FOR EACH ROW EXECUTE FUNCTION refuse_in_locked_quarter('decided_on');
--> statement-breakpoint
CREATE TRIGGER needs_analyses_locked_quarter BEFORE INSERT OR UPDATE OR DELETE ON needs_analyses
  FOR EACH ROW EXECUTE FUNCTION refuse_in_locked_quarter('analysed_on');
--> statement-breakpoint
CREATE TRIGGER meetings_locked_quarter BEFORE INSERT OR UPDATE OR DELETE ON meetings
  FOR EACH ROW EXECUTE FUNCTION refuse_in_locked_quarter('held_on');
--> statement-breakpoint
CREATE TRIGGER posts_locked_quarter BEFORE INSERT OR UPDATE OR DELETE ON posts
  FOR EACH ROW EXECUTE FUNCTION refuse_in_locked_quarter('published_on');
