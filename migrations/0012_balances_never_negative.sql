-- Balances can never go negative, whatever writes the row (the services check first; this is the last line).
-- Per budget item and unit, the same figures as allocationBalances() in src/server/features/budget/allocations.ts:
--   received   = the item's budget for TH; else what other units allocated to the unit
--   passedDown = what the unit allocated to other units;  ownShare = what it allocated to itself
--   spendable  = received for a district (4 digits), else ownShare;  spent = its disbursements
-- and a unit must keep received >= passedDown + ownShare and spendable >= spent (every figure >= 0).
CREATE FUNCTION allocation_balance_check(p_item_id integer, p_unit text) RETURNS void LANGUAGE plpgsql AS $$
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
    WHERE item_id = p_item_id AND org_unit_code = p_unit;
  v_spendable := CASE WHEN length(p_unit) = 4 THEN v_received ELSE v_own END;
  IF v_received < 0 OR v_passed < 0 OR v_own < 0 OR v_received - v_passed - v_own < 0 OR v_spendable - v_spent < 0 THEN
    RAISE EXCEPTION 'balance of unit % on budget item % would be negative (received %, passed down %, own share %, spent %)',
      p_unit, p_item_id, v_received, v_passed, v_own, v_spent
      USING ERRCODE = 'check_violation', CONSTRAINT = 'allocation_balance_not_negative';
  END IF;
END;
$$;
--> statement-breakpoint
-- One writer per item at a time (a transaction-scoped advisory lock, so no deadlock with foreign-key row locks);
-- the checks below then see every committed row.
CREATE FUNCTION allocations_check_balances() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1886221, NEW.item_id);
  PERFORM allocation_balance_check(NEW.item_id, NEW.from_unit_code);
  IF NEW.to_unit_code <> NEW.from_unit_code THEN
    PERFORM allocation_balance_check(NEW.item_id, NEW.to_unit_code);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER allocations_balances_not_negative AFTER INSERT ON allocations
  FOR EACH ROW EXECUTE FUNCTION allocations_check_balances();
--> statement-breakpoint
CREATE FUNCTION disbursements_check_balance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1886221, NEW.item_id);
  PERFORM allocation_balance_check(NEW.item_id, NEW.org_unit_code);
  IF TG_OP = 'UPDATE' AND (OLD.item_id, OLD.org_unit_code) IS DISTINCT FROM (NEW.item_id, NEW.org_unit_code) THEN
    PERFORM allocation_balance_check(OLD.item_id, OLD.org_unit_code);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER disbursements_balance_not_negative AFTER INSERT OR UPDATE OF item_id, org_unit_code, amount_satang
  ON disbursements FOR EACH ROW EXECUTE FUNCTION disbursements_check_balance();
--> statement-breakpoint
-- Lowering an item's budget below what the nation has already allocated would leave TH negative.
CREATE FUNCTION budget_items_check_balance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1886221, NEW.id);
  PERFORM allocation_balance_check(NEW.id, 'TH');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER budget_items_balance_not_negative AFTER UPDATE OF budget_satang ON budget_items
  FOR EACH ROW WHEN (NEW.budget_satang < OLD.budget_satang) EXECUTE FUNCTION budget_items_check_balance();
