CREATE TABLE "code_lists" (
	"list" text NOT NULL,
	"code" text NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"deprecated" boolean DEFAULT false NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "code_lists_list_code_pk" PRIMARY KEY("list","code")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" integer NOT NULL,
	"kind" text NOT NULL,
	"filename" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"width" integer,
	"height" integer,
	"data" "bytea" NOT NULL,
	"thumbnail" "bytea",
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "certifications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "certifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"product_id" integer,
	"producer_id" integer,
	"standard_code" text NOT NULL,
	"certificate_no" text NOT NULL,
	"issuer" text NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date,
	CONSTRAINT "certifications_one_subject" CHECK (("certifications"."product_id" is null) <> ("certifications"."producer_id" is null)),
	CONSTRAINT "certifications_dates" CHECK ("certifications"."expires_on" is null or "certifications"."expires_on" >= "certifications"."issued_on")
);
--> statement-breakpoint
CREATE TABLE "group_members" (
	"group_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "group_members_group_id_person_id_pk" PRIMARY KEY("group_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "group_stage_history" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "group_stage_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"group_id" integer NOT NULL,
	"org_unit_code" text NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"changed_on" date NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" integer,
	"reason" text NOT NULL,
	"automatic" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_wisdom" (
	"group_id" integer NOT NULL,
	"wisdom_id" integer NOT NULL,
	CONSTRAINT "group_wisdom_group_id_wisdom_id_pk" PRIMARY KEY("group_id","wisdom_id")
);
--> statement-breakpoint
CREATE TABLE "occupational_groups" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "occupational_groups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"name" text NOT NULL,
	"founded_on" date NOT NULL,
	"target_type" integer NOT NULL,
	"contact_phone" text,
	"address" text DEFAULT '' NOT NULL,
	"subdistrict" text,
	"enterprise_reg_no" text,
	"stage" text DEFAULT 'group_formed' NOT NULL,
	"grown_as" text,
	"search_text" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "people_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"title" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"citizen_id_hash" text,
	"citizen_id_last4" text,
	"citizen_id_encrypted" text,
	"phone" text,
	"house_no" text,
	"village_no" integer,
	"subdistrict" text,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"merged_into_id" integer
);
--> statement-breakpoint
CREATE TABLE "producers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "producers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"group_id" integer,
	"person_id" integer,
	"producer_type" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"registration_no" text NOT NULL,
	"registered_on" date NOT NULL,
	"status" text DEFAULT 'registered' NOT NULL,
	"community_link" boolean NOT NULL,
	"site_in_district" boolean NOT NULL,
	"thai_nationality" boolean NOT NULL,
	"documents_received" boolean NOT NULL,
	CONSTRAINT "producers_one_owner" CHECK (("producers"."group_id" is null) <> ("producers"."person_id" is null))
);
--> statement-breakpoint
CREATE TABLE "product_ratings" (
	"product_id" integer NOT NULL,
	"year" integer NOT NULL,
	"stars" integer NOT NULL,
	CONSTRAINT "product_ratings_product_id_year_pk" PRIMARY KEY("product_id","year"),
	CONSTRAINT "rating_stars" CHECK ("product_ratings"."stars" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "products_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"producer_id" integer NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"story" text DEFAULT '' NOT NULL,
	"price_satang" bigint,
	"unit" text,
	"quadrant" text,
	"search_text" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wisdom_holders" (
	"wisdom_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	CONSTRAINT "wisdom_holders_wisdom_id_person_id_pk" PRIMARY KEY("wisdom_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "wisdom_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "wisdom_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"title" text NOT NULL,
	"branch_code" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"subdistrict" text,
	"village_no" integer,
	"product_potential" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'surveyed' NOT NULL,
	"access_level" text DEFAULT 'community' NOT NULL,
	"consent_date" date,
	"consent_recorded_by" integer,
	"surveyed_on" date NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	CONSTRAINT "wisdom_public_needs_consent" CHECK ("wisdom_items"."access_level" <> 'public' or "wisdom_items"."consent_date" is not null)
);
--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_producer_id_producers_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."producers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_group_id_occupational_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."occupational_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_stage_history" ADD CONSTRAINT "group_stage_history_group_id_occupational_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."occupational_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_wisdom" ADD CONSTRAINT "group_wisdom_group_id_occupational_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."occupational_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_wisdom" ADD CONSTRAINT "group_wisdom_wisdom_id_wisdom_items_id_fk" FOREIGN KEY ("wisdom_id") REFERENCES "public"."wisdom_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupational_groups" ADD CONSTRAINT "occupational_groups_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "producers" ADD CONSTRAINT "producers_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "producers" ADD CONSTRAINT "producers_group_id_occupational_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."occupational_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "producers" ADD CONSTRAINT "producers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_ratings" ADD CONSTRAINT "product_ratings_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_producer_id_producers_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."producers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wisdom_holders" ADD CONSTRAINT "wisdom_holders_wisdom_id_wisdom_items_id_fk" FOREIGN KEY ("wisdom_id") REFERENCES "public"."wisdom_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wisdom_holders" ADD CONSTRAINT "wisdom_holders_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wisdom_items" ADD CONSTRAINT "wisdom_items_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wisdom_items" ADD CONSTRAINT "wisdom_items_consent_recorded_by_users_id_fk" FOREIGN KEY ("consent_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "certifications_unit_expiry_idx" ON "certifications" USING btree ("org_unit_code","expires_on");--> statement-breakpoint
CREATE INDEX "group_members_person_idx" ON "group_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "stage_history_group_idx" ON "group_stage_history" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "stage_history_unit_date_idx" ON "group_stage_history" USING btree ("org_unit_code","changed_on");--> statement-breakpoint
CREATE INDEX "groups_unit_stage_idx" ON "occupational_groups" USING btree ("org_unit_code","stage");--> statement-breakpoint
CREATE INDEX "groups_search_trgm" ON "occupational_groups" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_unit_idx" ON "people" USING btree ("org_unit_code");--> statement-breakpoint
CREATE INDEX "people_citizen_hash_idx" ON "people" USING btree ("citizen_id_hash");--> statement-breakpoint
CREATE INDEX "people_name_trgm" ON "people" USING gin (("first_name" || ' ' || "last_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "producers_unit_idx" ON "producers" USING btree ("org_unit_code");--> statement-breakpoint
CREATE INDEX "products_unit_idx" ON "products" USING btree ("org_unit_code");--> statement-breakpoint
CREATE INDEX "products_producer_idx" ON "products" USING btree ("producer_id");--> statement-breakpoint
CREATE INDEX "products_search_trgm" ON "products" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "wisdom_holders_person_idx" ON "wisdom_holders" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "wisdom_unit_idx" ON "wisdom_items" USING btree ("org_unit_code");--> statement-breakpoint
CREATE INDEX "wisdom_search_trgm" ON "wisdom_items" USING gin ("search_text" gin_trgm_ops);