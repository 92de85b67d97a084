CREATE TABLE "activities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "activities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"kind" text NOT NULL,
	"topic_code" text,
	"market_kind" text,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"place" text NOT NULL,
	"budget_item_id" integer,
	"budget_used_satang" bigint DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	CONSTRAINT "activities_dates" CHECK ("activities"."ends_on" >= "activities"."starts_on"),
	CONSTRAINT "activities_budget_used" CHECK ("activities"."budget_used_satang" >= 0),
	CONSTRAINT "activities_training_topic" CHECK (("activities"."kind" = 'training') = ("activities"."topic_code" is not null)),
	CONSTRAINT "activities_market_kind" CHECK (("activities"."kind" = 'market_event') = ("activities"."market_kind" is not null))
);
--> statement-breakpoint
CREATE TABLE "activity_groups" (
	"activity_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	CONSTRAINT "activity_groups_activity_id_group_id_pk" PRIMARY KEY("activity_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "activity_partners" (
	"activity_id" integer NOT NULL,
	"partner_id" integer NOT NULL,
	CONSTRAINT "activity_partners_activity_id_partner_id_pk" PRIMARY KEY("activity_id","partner_id")
);
--> statement-breakpoint
CREATE TABLE "activity_people" (
	"activity_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"attended" boolean DEFAULT true NOT NULL,
	CONSTRAINT "activity_people_activity_id_person_id_pk" PRIMARY KEY("activity_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "event_sales" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "event_sales_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"activity_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	"sale_date" date NOT NULL,
	"quantity" integer,
	"amount_satang" bigint NOT NULL,
	CONSTRAINT "event_sales_amount" CHECK ("event_sales"."amount_satang" >= 0),
	CONSTRAINT "event_sales_quantity" CHECK ("event_sales"."quantity" is null or "event_sales"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "funding_applications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "funding_applications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"group_id" integer NOT NULL,
	"source_code" text NOT NULL,
	"referral_id" integer,
	"purpose" text NOT NULL,
	"asked_satang" bigint NOT NULL,
	"applied_on" date NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"approved_satang" bigint,
	"approved_reason" text,
	"decided_on" date,
	"received_on" date,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer NOT NULL,
	CONSTRAINT "funding_asked" CHECK ("funding_applications"."asked_satang" > 0),
	CONSTRAINT "funding_approved_amount" CHECK (("funding_applications"."status" = 'approved') = ("funding_applications"."approved_satang" is not null)),
	CONSTRAINT "funding_approved_positive" CHECK ("funding_applications"."approved_satang" is null or "funding_applications"."approved_satang" > 0),
	CONSTRAINT "funding_approved_within_asked" CHECK ("funding_applications"."approved_satang" is null or "funding_applications"."approved_satang" <= "funding_applications"."asked_satang" or coalesce("funding_applications"."approved_reason", '') <> ''),
	CONSTRAINT "funding_decided" CHECK (("funding_applications"."status" in ('approved', 'rejected')) = ("funding_applications"."decided_on" is not null)),
	CONSTRAINT "funding_decided_after" CHECK ("funding_applications"."decided_on" is null or "funding_applications"."decided_on" >= "funding_applications"."applied_on"),
	CONSTRAINT "funding_received_approved" CHECK ("funding_applications"."received_on" is null or ("funding_applications"."status" = 'approved' and "funding_applications"."received_on" >= "funding_applications"."decided_on"))
);
--> statement-breakpoint
CREATE TABLE "outcomes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outcomes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"group_id" integer NOT NULL,
	"kind" text NOT NULL,
	"happened_on" date NOT NULL,
	"reported_on" date NOT NULL,
	"description" text NOT NULL,
	"product_id" integer,
	"certification_id" integer,
	"funding_application_id" integer,
	"channel_code" text,
	"jobs_count" integer,
	"income_before_satang" bigint,
	"income_after_satang" bigint,
	"income_before_from" date,
	"income_before_to" date,
	"income_after_from" date,
	"income_after_to" date,
	"recorded_by" integer NOT NULL,
	"verified_by" integer,
	"verified_at" timestamp with time zone,
	CONSTRAINT "outcomes_verifier_not_recorder" CHECK ("outcomes"."verified_by" is null or "outcomes"."verified_by" <> "outcomes"."recorded_by"),
	CONSTRAINT "outcomes_verified_together" CHECK (("outcomes"."verified_by" is null) = ("outcomes"."verified_at" is null)),
	CONSTRAINT "outcomes_reported_after" CHECK ("outcomes"."reported_on" >= "outcomes"."happened_on"),
	CONSTRAINT "outcomes_jobs" CHECK ("outcomes"."jobs_count" is null or "outcomes"."jobs_count" > 0),
	CONSTRAINT "outcomes_income" CHECK ("outcomes"."income_before_satang" is null or "outcomes"."income_before_satang" >= 0),
	CONSTRAINT "outcomes_income_after" CHECK ("outcomes"."income_after_satang" is null or "outcomes"."income_after_satang" >= 0),
	CONSTRAINT "outcomes_income_periods" CHECK (("outcomes"."income_before_satang" is null) = ("outcomes"."income_after_to" is null)
        and ("outcomes"."income_after_to" is null or ("outcomes"."income_before_from" <= "outcomes"."income_before_to"
          and "outcomes"."income_before_to" < "outcomes"."income_after_from" and "outcomes"."income_after_from" <= "outcomes"."income_after_to")))
);
--> statement-breakpoint
CREATE TABLE "development_plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "development_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"title" text NOT NULL,
	"term" text NOT NULL,
	"first_year" integer NOT NULL,
	"last_year" integer NOT NULL,
	"goal" text DEFAULT '' NOT NULL,
	"created_by" integer NOT NULL,
	CONSTRAINT "development_plans_years" CHECK ("development_plans"."last_year" >= "development_plans"."first_year"),
	CONSTRAINT "development_plans_short_is_one_year" CHECK ("development_plans"."term" = 'long' or "development_plans"."last_year" = "development_plans"."first_year")
);
--> statement-breakpoint
CREATE TABLE "lessons" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lessons_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"fiscal_year" integer NOT NULL,
	"quarter" integer,
	"plan_id" integer,
	"what_worked" text NOT NULL,
	"problems" text NOT NULL,
	"changes" text NOT NULL,
	"created_by" integer NOT NULL,
	CONSTRAINT "lessons_quarter" CHECK ("lessons"."quarter" is null or "lessons"."quarter" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "need_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "need_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"analysis_id" integer NOT NULL,
	"area" text NOT NULL,
	"problem" text NOT NULL,
	"need" text NOT NULL,
	"priority" integer NOT NULL,
	CONSTRAINT "need_items_priority" CHECK ("need_items"."priority" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "needs_analyses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "needs_analyses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"group_id" integer NOT NULL,
	"analysed_on" date NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"created_by" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_lessons" (
	"plan_id" integer NOT NULL,
	"lesson_id" integer NOT NULL,
	CONSTRAINT "plan_lessons_plan_id_lesson_id_pk" PRIMARY KEY("plan_id","lesson_id")
);
--> statement-breakpoint
CREATE TABLE "plan_project_groups" (
	"project_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	CONSTRAINT "plan_project_groups_project_id_group_id_pk" PRIMARY KEY("project_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "plan_project_partners" (
	"project_id" integer NOT NULL,
	"partner_id" integer NOT NULL,
	CONSTRAINT "plan_project_partners_project_id_partner_id_pk" PRIMARY KEY("project_id","partner_id")
);
--> statement-breakpoint
CREATE TABLE "plan_projects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_projects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"plan_id" integer NOT NULL,
	"title" text NOT NULL,
	"objectives" text NOT NULL,
	"target_description" text DEFAULT '' NOT NULL,
	"budget_satang" bigint DEFAULT 0 NOT NULL,
	"indicators" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	CONSTRAINT "plan_projects_budget" CHECK ("plan_projects"."budget_satang" >= 0),
	CONSTRAINT "plan_projects_timeline" CHECK ("plan_projects"."ends_on" >= "plan_projects"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "project_updates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_updates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"org_unit_code" text NOT NULL,
	"updated_on" date NOT NULL,
	"progress_percent" integer NOT NULL,
	"note" text NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_updates_percent" CHECK ("project_updates"."progress_percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "referrals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"request_id" integer,
	"service_id" integer,
	"person_id" integer,
	"group_id" integer,
	"target_level" text NOT NULL,
	"partner_id" integer,
	"target_name" text DEFAULT '' NOT NULL,
	"reason" text NOT NULL,
	"referred_on" date NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"result" text DEFAULT '' NOT NULL,
	"result_on" date,
	"created_by" integer NOT NULL,
	CONSTRAINT "referrals_partner_target" CHECK (("referrals"."target_level" = 'partner') = ("referrals"."partner_id" is not null)),
	CONSTRAINT "referrals_named_target" CHECK ("referrals"."target_level" = 'partner' or "referrals"."target_name" <> ''),
	CONSTRAINT "referrals_has_client" CHECK ("referrals"."person_id" is not null or "referrals"."group_id" is not null),
	CONSTRAINT "referrals_result_after" CHECK ("referrals"."result_on" is null or "referrals"."result_on" >= "referrals"."referred_on")
);
--> statement-breakpoint
CREATE TABLE "service_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "service_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"reference_code" text NOT NULL,
	"channel" text NOT NULL,
	"received_on" date NOT NULL,
	"person_id" integer,
	"group_id" integer,
	"client_name" text DEFAULT '' NOT NULL,
	"client_phone" text,
	"subject_code" text NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"decline_reason" text,
	"service_id" integer,
	"created_by" integer,
	"search_text" text DEFAULT '' NOT NULL,
	CONSTRAINT "service_requests_has_client" CHECK ("service_requests"."person_id" is not null or "service_requests"."group_id" is not null or "service_requests"."client_name" <> ''),
	CONSTRAINT "service_requests_decline_reason" CHECK (("service_requests"."status" = 'declined') = ("service_requests"."decline_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "sales" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sales_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"group_id" integer,
	"product_id" integer,
	"channel_code" text NOT NULL,
	"month" date NOT NULL,
	"quantity" integer,
	"amount_satang" bigint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer NOT NULL,
	CONSTRAINT "sales_one_seller" CHECK (("sales"."group_id" is null) <> ("sales"."product_id" is null)),
	CONSTRAINT "sales_month_start" CHECK (extract(day from "sales"."month") = 1),
	CONSTRAINT "sales_amount" CHECK ("sales"."amount_satang" >= 0),
	CONSTRAINT "sales_quantity" CHECK ("sales"."quantity" is null or "sales"."quantity" >= 0)
);
--> statement-breakpoint
ALTER TABLE "group_stage_history" ADD COLUMN "evidence_kind" text;--> statement-breakpoint
ALTER TABLE "occupational_groups" ADD COLUMN "evidence" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_budget_item_id_budget_items_id_fk" FOREIGN KEY ("budget_item_id") REFERENCES "public"."budget_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_groups" ADD CONSTRAINT "activity_groups_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_groups" ADD CONSTRAINT "activity_groups_group_id_occupational_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."occupational_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_partners" ADD CONSTRAINT "activity_partners_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_partners" ADD CONSTRAINT "activity_partners_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_people" ADD CONSTRAINT "activity_people_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_people" ADD CONSTRAINT "activity_people_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sales" ADD CONSTRAINT "event_sales_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sales" ADD CONSTRAINT "event_sales_group_id_occupational_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."occupational_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_group_id_occupational_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."occupational_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_group_id_occupational_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."occupational_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_certification_id_certifications_id_fk" FOREIGN KEY ("certification_id") REFERENCES "public"."certifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_funding_application_id_funding_applications_id_fk" FOREIGN KEY ("funding_application_id") REFERENCES "public"."funding_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plans" ADD CONSTRAINT "development_plans_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plans" ADD CONSTRAINT "development_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_plan_id_development_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."development_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_items" ADD CONSTRAINT "need_items_analysis_id_needs_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."needs_analyses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs_analyses" ADD CONSTRAINT "needs_analyses_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs_analyses" ADD CONSTRAINT "needs_analyses_group_id_occupational_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."occupational_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs_analyses" ADD CONSTRAINT "needs_analyses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_lessons" ADD CONSTRAINT "plan_lessons_plan_id_development_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."development_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_lessons" ADD CONSTRAINT "plan_lessons_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_project_groups" ADD CONSTRAINT "plan_project_groups_project_id_plan_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."plan_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_project_groups" ADD CONSTRAINT "plan_project_groups_group_id_occupational_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."occupational_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_project_partners" ADD CONSTRAINT "plan_project_partners_project_id_plan_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."plan_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_project_partners" ADD CONSTRAINT "plan_project_partners_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_projects" ADD CONSTRAINT "plan_projects_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_projects" ADD CONSTRAINT "plan_projects_plan_id_development_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."development_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_updates" ADD CONSTRAINT "project_updates_project_id_plan_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."plan_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_updates" ADD CONSTRAINT "project_updates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_group_id_occupational_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."occupational_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_group_id_occupational_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."occupational_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_group_id_occupational_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."occupational_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_unit_date_idx" ON "activities" USING btree ("org_unit_code","starts_on");--> statement-breakpoint
CREATE INDEX "activities_search_trgm" ON "activities" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "activity_groups_group_idx" ON "activity_groups" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "activity_partners_partner_idx" ON "activity_partners" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "activity_people_person_idx" ON "activity_people" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_sales_day_uq" ON "event_sales" USING btree ("activity_id","group_id","sale_date");--> statement-breakpoint
CREATE INDEX "event_sales_group_idx" ON "event_sales" USING btree ("group_id","sale_date");--> statement-breakpoint
CREATE INDEX "funding_unit_date_idx" ON "funding_applications" USING btree ("org_unit_code","applied_on");--> statement-breakpoint
CREATE INDEX "funding_group_idx" ON "funding_applications" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "funding_referral_idx" ON "funding_applications" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "outcomes_unit_date_idx" ON "outcomes" USING btree ("org_unit_code","reported_on");--> statement-breakpoint
CREATE INDEX "outcomes_group_idx" ON "outcomes" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "development_plans_unit_idx" ON "development_plans" USING btree ("org_unit_code","first_year");--> statement-breakpoint
CREATE INDEX "lessons_unit_year_idx" ON "lessons" USING btree ("org_unit_code","fiscal_year");--> statement-breakpoint
CREATE INDEX "need_items_analysis_idx" ON "need_items" USING btree ("analysis_id");--> statement-breakpoint
CREATE INDEX "needs_analyses_group_idx" ON "needs_analyses" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "needs_analyses_unit_idx" ON "needs_analyses" USING btree ("org_unit_code");--> statement-breakpoint
CREATE INDEX "plan_lessons_lesson_idx" ON "plan_lessons" USING btree ("lesson_id");--> statement-breakpoint
CREATE INDEX "plan_project_groups_group_idx" ON "plan_project_groups" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "plan_projects_plan_idx" ON "plan_projects" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "project_updates_project_idx" ON "project_updates" USING btree ("project_id","updated_on");--> statement-breakpoint
CREATE INDEX "referrals_unit_date_idx" ON "referrals" USING btree ("org_unit_code","referred_on");--> statement-breakpoint
CREATE INDEX "referrals_group_idx" ON "referrals" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "referrals_service_idx" ON "referrals" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "referrals_request_idx" ON "referrals" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_requests_reference_uq" ON "service_requests" USING btree ("reference_code");--> statement-breakpoint
CREATE INDEX "service_requests_unit_status_idx" ON "service_requests" USING btree ("org_unit_code","status");--> statement-breakpoint
CREATE INDEX "service_requests_search_trgm" ON "service_requests" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "sales_unit_month_idx" ON "sales" USING btree ("org_unit_code","month");--> statement-breakpoint
CREATE INDEX "sales_group_idx" ON "sales" USING btree ("group_id","month");--> statement-breakpoint
CREATE INDEX "sales_product_idx" ON "sales" USING btree ("product_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_one_per_month_uq" ON "sales" USING btree (coalesce("group_id", 0),coalesce("product_id", 0),"channel_code","month") WHERE "sales"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "groups_evidence_gin" ON "occupational_groups" USING gin ("evidence");--> statement-breakpoint
ALTER TABLE "occupational_groups" DROP COLUMN "target_type";--> statement-breakpoint
-- The pipeline's "certified" stage became "strengthened" (a certificate is one kind of strengthening).
UPDATE "occupational_groups" SET "stage" = 'strengthened' WHERE "stage" = 'certified';--> statement-breakpoint
UPDATE "group_stage_history" SET "to_stage" = 'strengthened' WHERE "to_stage" = 'certified';--> statement-breakpoint
UPDATE "group_stage_history" SET "from_stage" = 'strengthened' WHERE "from_stage" = 'certified';--> statement-breakpoint
-- What existing records prove; features/groups/stages.ts keeps it current from here on.
UPDATE "occupational_groups" g SET "evidence" = ARRAY(SELECT DISTINCT s FROM unnest(ARRAY[
  'group_formed',
  CASE WHEN EXISTS (SELECT 1 FROM "producers" p WHERE p."group_id" = g."id" AND p."status" = 'registered' AND p."deleted_at" IS NULL) THEN 'otop_registered' END,
  CASE WHEN EXISTS (
    SELECT 1 FROM "certifications" c JOIN "producers" p ON p."id" = c."producer_id" OR p."id" = (SELECT pr."producer_id" FROM "products" pr WHERE pr."id" = c."product_id")
    WHERE p."group_id" = g."id" AND c."deleted_at" IS NULL) THEN 'strengthened' END
] || ARRAY(SELECT DISTINCT h."to_stage" FROM "group_stage_history" h WHERE h."group_id" = g."id" AND NOT h."automatic")) s WHERE s IS NOT NULL);
