CREATE TABLE "delegation_orders" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "delegation_orders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"issuing_unit_code" text NOT NULL,
	"order_no" text NOT NULL,
	"order_date" date NOT NULL,
	"delegator" text NOT NULL,
	"delegate_role" text,
	"delegate_user_id" integer,
	"scope_unit_code" text NOT NULL,
	"powers" text[] NOT NULL,
	"subject" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_until" date,
	"revoked_on" date,
	"revoked_reason" text DEFAULT '' NOT NULL,
	"recorded_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delegation_orders_one_delegate" CHECK (("delegation_orders"."delegate_role" is null) <> ("delegation_orders"."delegate_user_id" is null)),
	CONSTRAINT "delegation_orders_powers" CHECK (cardinality("delegation_orders"."powers") > 0 and "delegation_orders"."powers" <@ array['advances', 'spending']),
	CONSTRAINT "delegation_orders_dates" CHECK ("delegation_orders"."effective_until" is null or "delegation_orders"."effective_until" >= "delegation_orders"."effective_from")
);
--> statement-breakpoint
DROP INDEX "cash_advances_one_open_per_borrower";--> statement-breakpoint
ALTER TABLE "cash_advances" ALTER COLUMN "approver_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cash_advances" ALTER COLUMN "status" SET DEFAULT 'requested';--> statement-breakpoint
ALTER TABLE "budget_items" ALTER COLUMN "budget_satang" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cash_advances" ADD COLUMN "approved_on" date;--> statement-breakpoint
ALTER TABLE "cash_advances" ADD COLUMN "delegation_order_id" integer;--> statement-breakpoint
ALTER TABLE "cash_advances" ADD COLUMN "decision_note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "cash_advances" ADD COLUMN "borrower_position" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "cash_advances" ADD COLUMN "borrower_office" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "expense_plans" ADD COLUMN "outside_quarter_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "disbursements" ADD COLUMN "outside_quarter_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "disbursements" ADD COLUMN "status" text DEFAULT 'approved' NOT NULL;--> statement-breakpoint
ALTER TABLE "disbursements" ADD COLUMN "approver_id" integer;--> statement-breakpoint
ALTER TABLE "disbursements" ADD COLUMN "approved_on" date;--> statement-breakpoint
ALTER TABLE "disbursements" ADD COLUMN "delegation_order_id" integer;--> statement-breakpoint
ALTER TABLE "disbursements" ADD COLUMN "decision_note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "disbursements" ADD COLUMN "advance_id" integer;--> statement-breakpoint
ALTER TABLE "disbursements" ADD COLUMN "repayment_id" integer;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "position" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Advances approved before this migration keep their approver; the day of approval was not recorded, so the day the
-- money was received stands in for it.
UPDATE "cash_advances" SET "approved_on" = "received_on" WHERE "approver_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "delegation_orders" ADD CONSTRAINT "delegation_orders_issuing_unit_code_org_units_code_fk" FOREIGN KEY ("issuing_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation_orders" ADD CONSTRAINT "delegation_orders_delegate_user_id_users_id_fk" FOREIGN KEY ("delegate_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation_orders" ADD CONSTRAINT "delegation_orders_scope_unit_code_org_units_code_fk" FOREIGN KEY ("scope_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delegation_orders_scope_idx" ON "delegation_orders" USING btree ("scope_unit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "delegation_orders_number_key" ON "delegation_orders" USING btree ("issuing_unit_code","order_no");--> statement-breakpoint
ALTER TABLE "cash_advances" ADD CONSTRAINT "cash_advances_delegation_order_id_delegation_orders_id_fk" FOREIGN KEY ("delegation_order_id") REFERENCES "public"."delegation_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_approver_id_users_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_delegation_order_id_delegation_orders_id_fk" FOREIGN KEY ("delegation_order_id") REFERENCES "public"."delegation_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_advance_id_cash_advances_id_fk" FOREIGN KEY ("advance_id") REFERENCES "public"."cash_advances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_repayment_id_advance_repayments_id_fk" FOREIGN KEY ("repayment_id") REFERENCES "public"."advance_repayments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cash_advances_item_unit_idx" ON "cash_advances" USING btree ("item_id","org_unit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "cash_advances_one_open_per_borrower" ON "cash_advances" USING btree ("borrower_id") WHERE "cash_advances"."status" in ('requested', 'open');--> statement-breakpoint
ALTER TABLE "cash_advances" ADD CONSTRAINT "cash_advances_approved" CHECK ("cash_advances"."status" in ('requested', 'rejected') or ("cash_advances"."approver_id" is not null and "cash_advances"."approved_on" is not null));--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_approver" CHECK ("disbursements"."approver_id" <> "disbursements"."created_by" or "disbursements"."advance_id" is not null);--> statement-breakpoint
-- Writers of one unit's money for one activity wait for each other; other units do not (decision record 024).
-- The key is the item id in the high 32 bits and the unit code (TH = 0, else its digits) in the low ones.
CREATE FUNCTION lock_unit_budget(p_item_id integer, p_unit text) RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock((p_item_id::bigint << 32) | (CASE WHEN p_unit = 'TH' THEN 0 ELSE p_unit::bigint END));
$$;
--> statement-breakpoint
-- Same figures as before, except that a rejected payment no longer counts (pending and approved ones do).
CREATE OR REPLACE FUNCTION allocation_balance_check(p_item_id integer, p_unit text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_received bigint;
  v_passed bigint;
  v_own bigint;
  v_spent bigint;
  v_spendable bigint;
BEGIN
  IF p_unit = 'TH' THEN
    SELECT budget_satang INTO v_received FROM budget_items WHERE id = p_item_id;
  ELSE
    SELECT coalesce(sum(amount_satang), 0) INTO v_received FROM allocations
      WHERE item_id = p_item_id AND to_unit_code = p_unit AND from_unit_code <> p_unit;
  END IF;
  v_received := coalesce(v_received, 0);
  SELECT coalesce(sum(amount_satang) FILTER (WHERE to_unit_code <> p_unit), 0),
         coalesce(sum(amount_satang) FILTER (WHERE to_unit_code = p_unit), 0)
    INTO v_passed, v_own FROM allocations WHERE item_id = p_item_id AND from_unit_code = p_unit;
  SELECT coalesce(sum(amount_satang), 0) INTO v_spent FROM disbursements
    WHERE item_id = p_item_id AND org_unit_code = p_unit AND status <> 'rejected';
  v_spendable := CASE WHEN length(p_unit) = 4 THEN v_received ELSE v_own END;
  IF v_received < 0 OR v_passed < 0 OR v_own < 0 OR v_received - v_passed - v_own < 0 OR v_spendable - v_spent < 0 THEN
    RAISE EXCEPTION 'balance of unit % on budget item % would be negative (received %, passed down %, own share %, spent %)',
      p_unit, p_item_id, v_received, v_passed, v_own, v_spent
      USING ERRCODE = 'check_violation', CONSTRAINT = 'allocation_balance_not_negative';
  END IF;
END;
$$;
--> statement-breakpoint
-- An allocation changes the giver's and the receiver's figures: lock the giver first (it is always the level above,
-- or the same unit), so two writers never wait on each other in opposite orders.
CREATE OR REPLACE FUNCTION allocations_check_balances() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lock_unit_budget(NEW.item_id, NEW.from_unit_code);
  PERFORM lock_unit_budget(NEW.item_id, NEW.to_unit_code);
  PERFORM allocation_balance_check(NEW.item_id, NEW.from_unit_code);
  IF NEW.to_unit_code <> NEW.from_unit_code THEN
    PERFORM allocation_balance_check(NEW.item_id, NEW.to_unit_code);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION disbursements_check_balance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lock_unit_budget(NEW.item_id, NEW.org_unit_code);
  PERFORM allocation_balance_check(NEW.item_id, NEW.org_unit_code);
  IF TG_OP = 'UPDATE' AND (OLD.item_id, OLD.org_unit_code) IS DISTINCT FROM (NEW.item_id, NEW.org_unit_code) THEN
    PERFORM lock_unit_budget(OLD.item_id, OLD.org_unit_code);
    PERFORM allocation_balance_check(OLD.item_id, OLD.org_unit_code);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A rejected payment becoming pending again would spend money unchecked: the status change is checked too.
DROP TRIGGER disbursements_balance_not_negative ON disbursements;
--> statement-breakpoint
CREATE TRIGGER disbursements_balance_not_negative AFTER INSERT OR UPDATE OF item_id, org_unit_code, amount_satang, status
  ON disbursements FOR EACH ROW EXECUTE FUNCTION disbursements_check_balance();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION budget_items_check_balance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lock_unit_budget(NEW.id, 'TH');
  PERFORM allocation_balance_check(NEW.id, 'TH');
  RETURN NULL;
END;
$$;
