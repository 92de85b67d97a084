-- Allocations are money records: never changed or removed, only reversed by a new row.
CREATE FUNCTION allocations_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'allocations are append-only; record a reversal instead';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER allocations_append_only BEFORE UPDATE OR DELETE ON allocations
  FOR EACH ROW EXECUTE FUNCTION allocations_refuse_change();
