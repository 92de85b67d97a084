CREATE TABLE "outreach_trip_team" (
	"trip_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	CONSTRAINT "outreach_trip_team_trip_id_user_id_pk" PRIMARY KEY("trip_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "outreach_trips" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outreach_trips_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"trip_date" date NOT NULL,
	"places" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "partners_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"contact_person" text DEFAULT '' NOT NULL,
	"phone" text,
	"email" text,
	"address" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"search_text" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_groups" (
	"service_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	CONSTRAINT "service_groups_service_id_group_id_pk" PRIMARY KEY("service_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "service_partners" (
	"service_id" integer NOT NULL,
	"partner_id" integer NOT NULL,
	CONSTRAINT "service_partners_service_id_partner_id_pk" PRIMARY KEY("service_id","partner_id")
);
--> statement-breakpoint
CREATE TABLE "service_people" (
	"service_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	CONSTRAINT "service_people_service_id_person_id_pk" PRIMARY KEY("service_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "service_staff" (
	"service_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	CONSTRAINT "service_staff_service_id_user_id_pk" PRIMARY KEY("service_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "service_type_codes" (
	"service_id" integer NOT NULL,
	"type_code" text NOT NULL,
	CONSTRAINT "service_type_codes_service_id_type_code_pk" PRIMARY KEY("service_id","type_code")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "services_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"service_date" date NOT NULL,
	"mode" text NOT NULL,
	"outreach_kind" text,
	"trip_id" integer,
	"description" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"follow_up_on" date,
	"follow_up_status" text,
	"created_by" integer NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	CONSTRAINT "services_duration_positive" CHECK ("services"."duration_minutes" > 0),
	CONSTRAINT "services_outreach_kind" CHECK (("services"."mode" = 'outreach') = ("services"."outreach_kind" is not null)),
	CONSTRAINT "services_follow_up_after" CHECK ("services"."follow_up_on" is null or "services"."follow_up_on" > "services"."service_date"),
	CONSTRAINT "services_follow_up_status" CHECK (("services"."follow_up_on" is null) = ("services"."follow_up_status" is null)),
	CONSTRAINT "services_trip_is_outreach" CHECK ("services"."trip_id" is null or "services"."mode" = 'outreach')
);
--> statement-breakpoint
ALTER TABLE "outreach_trip_team" ADD CONSTRAINT "outreach_trip_team_trip_id_outreach_trips_id_fk" FOREIGN KEY ("trip_id") REFERENCES "public"."outreach_trips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_trip_team" ADD CONSTRAINT "outreach_trip_team_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_trips" ADD CONSTRAINT "outreach_trips_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_groups" ADD CONSTRAINT "service_groups_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_groups" ADD CONSTRAINT "service_groups_group_id_occupational_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."occupational_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_partners" ADD CONSTRAINT "service_partners_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_partners" ADD CONSTRAINT "service_partners_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_people" ADD CONSTRAINT "service_people_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_people" ADD CONSTRAINT "service_people_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_staff" ADD CONSTRAINT "service_staff_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_staff" ADD CONSTRAINT "service_staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_type_codes" ADD CONSTRAINT "service_type_codes_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_trip_id_outreach_trips_id_fk" FOREIGN KEY ("trip_id") REFERENCES "public"."outreach_trips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outreach_trips_unit_date_idx" ON "outreach_trips" USING btree ("org_unit_code","trip_date");--> statement-breakpoint
CREATE INDEX "partners_unit_idx" ON "partners" USING btree ("org_unit_code");--> statement-breakpoint
CREATE INDEX "partners_search_trgm" ON "partners" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "service_groups_group_idx" ON "service_groups" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "service_partners_partner_idx" ON "service_partners" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "service_people_person_idx" ON "service_people" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "service_staff_user_idx" ON "service_staff" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "service_type_codes_code_idx" ON "service_type_codes" USING btree ("type_code");--> statement-breakpoint
CREATE INDEX "services_unit_date_idx" ON "services" USING btree ("org_unit_code","service_date");--> statement-breakpoint
CREATE INDEX "services_trip_idx" ON "services" USING btree ("trip_id");--> statement-breakpoint
CREATE INDEX "services_search_trgm" ON "services" USING gin ("search_text" gin_trgm_ops);