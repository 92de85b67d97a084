CREATE TABLE "advance_repayments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "advance_repayments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"advance_id" integer NOT NULL,
	"kind" text NOT NULL,
	"amount_satang" bigint NOT NULL,
	"repaid_on" date NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advance_repayments_positive" CHECK ("advance_repayments"."amount_satang" > 0)
);
--> statement-breakpoint
CREATE TABLE "advance_rules" (
	"code" text PRIMARY KEY NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"days" integer NOT NULL,
	"counts_from" text NOT NULL,
	"reference" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cash_advances" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cash_advances_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"borrower_id" integer NOT NULL,
	"requested_by" integer NOT NULL,
	"approver_id" integer NOT NULL,
	"item_id" integer,
	"purpose" text NOT NULL,
	"rule_code" text NOT NULL,
	"amount_satang" bigint NOT NULL,
	"received_on" date NOT NULL,
	"returned_on" date,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cash_advances_positive" CHECK ("cash_advances"."amount_satang" > 0),
	CONSTRAINT "cash_advances_approver" CHECK ("cash_advances"."approver_id" <> "cash_advances"."requested_by" and "cash_advances"."approver_id" <> "cash_advances"."borrower_id")
);
--> statement-breakpoint
ALTER TABLE "advance_repayments" ADD CONSTRAINT "advance_repayments_advance_id_cash_advances_id_fk" FOREIGN KEY ("advance_id") REFERENCES "public"."cash_advances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_advances" ADD CONSTRAINT "cash_advances_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_advances" ADD CONSTRAINT "cash_advances_borrower_id_users_id_fk" FOREIGN KEY ("borrower_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_advances" ADD CONSTRAINT "cash_advances_approver_id_users_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_advances" ADD CONSTRAINT "cash_advances_item_id_budget_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."budget_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_advances" ADD CONSTRAINT "cash_advances_rule_code_advance_rules_code_fk" FOREIGN KEY ("rule_code") REFERENCES "public"."advance_rules"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advance_repayments_advance_idx" ON "advance_repayments" USING btree ("advance_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cash_advances_one_open_per_borrower" ON "cash_advances" USING btree ("borrower_id") WHERE "cash_advances"."status" = 'open';--> statement-breakpoint
CREATE INDEX "cash_advances_unit_idx" ON "cash_advances" USING btree ("org_unit_code","status");