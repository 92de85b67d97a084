CREATE TABLE "expense_deadlines" (
	"item_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"deadline" date NOT NULL,
	"set_by" integer,
	CONSTRAINT "expense_deadlines_item_id_province_code_pk" PRIMARY KEY("item_id","province_code")
);
--> statement-breakpoint
CREATE TABLE "expense_plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "expense_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_id" integer NOT NULL,
	"org_unit_code" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"actions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"total_satang" bigint DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"days_late" integer,
	"review_comment" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "expense_deadlines" ADD CONSTRAINT "expense_deadlines_item_id_budget_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."budget_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_deadlines" ADD CONSTRAINT "expense_deadlines_province_code_org_units_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_plans" ADD CONSTRAINT "expense_plans_item_id_budget_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."budget_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_plans" ADD CONSTRAINT "expense_plans_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "expense_plans_item_unit_key" ON "expense_plans" USING btree ("item_id","org_unit_code");--> statement-breakpoint
CREATE INDEX "expense_plans_unit_idx" ON "expense_plans" USING btree ("org_unit_code");