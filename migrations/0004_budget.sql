CREATE TABLE "allocations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "allocations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_id" integer NOT NULL,
	"from_unit_code" text NOT NULL,
	"to_unit_code" text NOT NULL,
	"quarter" integer NOT NULL,
	"category" text NOT NULL,
	"amount_satang" bigint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"reverses_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allocations_quarter" CHECK ("allocations"."quarter" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "budget_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "budget_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"fiscal_year" integer NOT NULL,
	"level" text NOT NULL,
	"parent_id" integer,
	"name" text NOT NULL,
	"objectives" text DEFAULT '' NOT NULL,
	"indicators" text DEFAULT '' NOT NULL,
	"responsible_unit_code" text NOT NULL,
	"quarters" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"budget_satang" bigint NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_items_positive" CHECK ("budget_items"."budget_satang" >= 0)
);
--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_item_id_budget_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."budget_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_from_unit_code_org_units_code_fk" FOREIGN KEY ("from_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_to_unit_code_org_units_code_fk" FOREIGN KEY ("to_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_items" ADD CONSTRAINT "budget_items_parent_id_budget_items_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."budget_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_items" ADD CONSTRAINT "budget_items_responsible_unit_code_org_units_code_fk" FOREIGN KEY ("responsible_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocations_item_from_idx" ON "allocations" USING btree ("item_id","from_unit_code");--> statement-breakpoint
CREATE INDEX "allocations_item_to_idx" ON "allocations" USING btree ("item_id","to_unit_code");--> statement-breakpoint
CREATE INDEX "budget_items_year_idx" ON "budget_items" USING btree ("fiscal_year");