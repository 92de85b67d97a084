CREATE TABLE "search_tokens" (
	"kind" text NOT NULL,
	"token" text NOT NULL,
	"record_id" integer NOT NULL,
	"org_unit_code" text NOT NULL,
	"sort_key" text NOT NULL,
	CONSTRAINT "search_tokens_kind_record_id_token_pk" PRIMARY KEY("kind","record_id","token")
);
--> statement-breakpoint
CREATE INDEX "search_tokens_scope_idx" ON "search_tokens" USING btree ("kind","token","org_unit_code");--> statement-breakpoint
-- ==== Hand-written: search tokens kept by triggers (issue 13; docs/decisions/033-search-at-scale.md) ====
-- A record's words are its search_text split at white space: the lowered text's own words and the Intl.Segmenter
-- tokens searchTextOf appended (so "ผ้าไหมมัดหมี่" gives ผ้า, ไหม, มัด, หมี่); a person's are the words of the name.
-- Words over 64 letters (a long run of Thai without spaces) are left out: nobody types one whole, and its
-- Segmenter tokens are there. Statement triggers with transition tables, so a bulk load or COPY writes the tokens
-- in one statement per batch; an update rewrites only the rows whose words, name, unit or deletion changed.
CREATE FUNCTION search_words(words text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
  SELECT DISTINCT w FROM regexp_split_to_table(words, '\s+') w WHERE w <> '' AND length(w) <= 64
$$;
--> statement-breakpoint
CREATE FUNCTION search_tokens_products() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO search_tokens (kind, token, record_id, org_unit_code, sort_key)
      SELECT 'product', w, n.id, n.org_unit_code, n.name FROM new_rows n, search_words(n.search_text) w
      WHERE n.deleted_at IS NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    DELETE FROM search_tokens s USING old_rows o JOIN new_rows n ON n.id = o.id
      WHERE s.kind = 'product' AND s.record_id = o.id AND (o.search_text IS DISTINCT FROM n.search_text OR o.name IS DISTINCT FROM n.name OR o.org_unit_code IS DISTINCT FROM n.org_unit_code OR o.deleted_at IS DISTINCT FROM n.deleted_at);
    INSERT INTO search_tokens (kind, token, record_id, org_unit_code, sort_key)
      SELECT 'product', w, n.id, n.org_unit_code, n.name FROM new_rows n JOIN old_rows o ON o.id = n.id, search_words(n.search_text) w
      WHERE n.deleted_at IS NULL AND (o.search_text IS DISTINCT FROM n.search_text OR o.name IS DISTINCT FROM n.name OR o.org_unit_code IS DISTINCT FROM n.org_unit_code OR o.deleted_at IS DISTINCT FROM n.deleted_at);
  ELSE
    DELETE FROM search_tokens s USING old_rows o WHERE s.kind = 'product' AND s.record_id = o.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER products_search_insert AFTER INSERT ON products REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_tokens_products();
--> statement-breakpoint
CREATE TRIGGER products_search_update AFTER UPDATE ON products REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_tokens_products();
--> statement-breakpoint
CREATE TRIGGER products_search_delete AFTER DELETE ON products REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_tokens_products();
--> statement-breakpoint
-- Backfill: the records already there.
INSERT INTO search_tokens (kind, token, record_id, org_unit_code, sort_key)
      SELECT 'product', w, n.id, n.org_unit_code, n.name FROM products n, search_words(n.search_text) w
      WHERE n.deleted_at IS NULL;
--> statement-breakpoint
CREATE FUNCTION search_tokens_occupational_groups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO search_tokens (kind, token, record_id, org_unit_code, sort_key)
      SELECT 'group', w, n.id, n.org_unit_code, n.name FROM new_rows n, search_words(n.search_text) w
      WHERE n.deleted_at IS NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    DELETE FROM search_tokens s USING old_rows o JOIN new_rows n ON n.id = o.id
      WHERE s.kind = 'group' AND s.record_id = o.id AND (o.search_text IS DISTINCT FROM n.search_text OR o.name IS DISTINCT FROM n.name OR o.org_unit_code IS DISTINCT FROM n.org_unit_code OR o.deleted_at IS DISTINCT FROM n.deleted_at);
    INSERT INTO search_tokens (kind, token, record_id, org_unit_code, sort_key)
      SELECT 'group', w, n.id, n.org_unit_code, n.name FROM new_rows n JOIN old_rows o ON o.id = n.id, search_words(n.search_text) w
      WHERE n.deleted_at IS NULL AND (o.search_text IS DISTINCT FROM n.search_text OR o.name IS DISTINCT FROM n.name OR o.org_unit_code IS DISTINCT FROM n.org_unit_code OR o.deleted_at IS DISTINCT FROM n.deleted_at);
  ELSE
    DELETE FROM search_tokens s USING old_rows o WHERE s.kind = 'group' AND s.record_id = o.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER occupational_groups_search_insert AFTER INSERT ON occupational_groups REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_tokens_occupational_groups();
--> statement-breakpoint
CREATE TRIGGER occupational_groups_search_update AFTER UPDATE ON occupational_groups REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_tokens_occupational_groups();
--> statement-breakpoint
CREATE TRIGGER occupational_groups_search_delete AFTER DELETE ON occupational_groups REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_tokens_occupational_groups();
--> statement-breakpoint
-- Backfill: the records already there.
INSERT INTO search_tokens (kind, token, record_id, org_unit_code, sort_key)
      SELECT 'group', w, n.id, n.org_unit_code, n.name FROM occupational_groups n, search_words(n.search_text) w
      WHERE n.deleted_at IS NULL;
--> statement-breakpoint
CREATE FUNCTION search_tokens_wisdom_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO search_tokens (kind, token, record_id, org_unit_code, sort_key)
      SELECT 'wisdom', w, n.id, n.org_unit_code, n.title FROM new_rows n, search_words(n.search_text) w
      WHERE n.deleted_at IS NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    DELETE FROM search_tokens s USING old_rows o JOIN new_rows n ON n.id = o.id
      WHERE s.kind = 'wisdom' AND s.record_id = o.id AND (o.search_text IS DISTINCT FROM n.search_text OR o.title IS DISTINCT FROM n.title OR o.org_unit_code IS DISTINCT FROM n.org_unit_code OR o.deleted_at IS DISTINCT FROM n.deleted_at);
    INSERT INTO search_tokens (kind, token, record_id, org_unit_code, sort_key)
      SELECT 'wisdom', w, n.id, n.org_unit_code, n.title FROM new_rows n JOIN old_rows o ON o.id = n.id, search_words(n.search_text) w
      WHERE n.deleted_at IS NULL AND (o.search_text IS DISTINCT FROM n.search_text OR o.title IS DISTINCT FROM n.title OR o.org_unit_code IS DISTINCT FROM n.org_unit_code OR o.deleted_at IS DISTINCT FROM n.deleted_at);
  ELSE
    DELETE FROM search_tokens s USING old_rows o WHERE s.kind = 'wisdom' AND s.record_id = o.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER wisdom_items_search_insert AFTER INSERT ON wisdom_items REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_tokens_wisdom_items();
--> statement-breakpoint
CREATE TRIGGER wisdom_items_search_update AFTER UPDATE ON wisdom_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_tokens_wisdom_items();
--> statement-breakpoint
CREATE TRIGGER wisdom_items_search_delete AFTER DELETE ON wisdom_items REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_tokens_wisdom_items();
--> statement-breakpoint
-- Backfill: the records already there.
INSERT INTO search_tokens (kind, token, record_id, org_unit_code, sort_key)
      SELECT 'wisdom', w, n.id, n.org_unit_code, n.title FROM wisdom_items n, search_words(n.search_text) w
      WHERE n.deleted_at IS NULL;
--> statement-breakpoint
CREATE FUNCTION search_tokens_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO search_tokens (kind, token, record_id, org_unit_code, sort_key)
      SELECT 'person', w, n.id, n.org_unit_code, n.first_name || ' ' || n.last_name FROM new_rows n, search_words(lower(n.first_name || ' ' || n.last_name)) w
      WHERE n.deleted_at IS NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    DELETE FROM search_tokens s USING old_rows o JOIN new_rows n ON n.id = o.id
      WHERE s.kind = 'person' AND s.record_id = o.id AND (o.first_name IS DISTINCT FROM n.first_name OR o.last_name IS DISTINCT FROM n.last_name OR o.org_unit_code IS DISTINCT FROM n.org_unit_code OR o.deleted_at IS DISTINCT FROM n.deleted_at);
    INSERT INTO search_tokens (kind, token, record_id, org_unit_code, sort_key)
      SELECT 'person', w, n.id, n.org_unit_code, n.first_name || ' ' || n.last_name FROM new_rows n JOIN old_rows o ON o.id = n.id, search_words(lower(n.first_name || ' ' || n.last_name)) w
      WHERE n.deleted_at IS NULL AND (o.first_name IS DISTINCT FROM n.first_name OR o.last_name IS DISTINCT FROM n.last_name OR o.org_unit_code IS DISTINCT FROM n.org_unit_code OR o.deleted_at IS DISTINCT FROM n.deleted_at);
  ELSE
    DELETE FROM search_tokens s USING old_rows o WHERE s.kind = 'person' AND s.record_id = o.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER people_search_insert AFTER INSERT ON people REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_tokens_people();
--> statement-breakpoint
CREATE TRIGGER people_search_update AFTER UPDATE ON people REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_tokens_people();
--> statement-breakpoint
CREATE TRIGGER people_search_delete AFTER DELETE ON people REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_tokens_people();
--> statement-breakpoint
-- Backfill: the records already there.
INSERT INTO search_tokens (kind, token, record_id, org_unit_code, sort_key)
      SELECT 'person', w, n.id, n.org_unit_code, n.first_name || ' ' || n.last_name FROM people n, search_words(lower(n.first_name || ' ' || n.last_name)) w
      WHERE n.deleted_at IS NULL;
--> statement-breakpoint
-- The list order inside one word, made after the backfill: a national first page reads 51 entries of it in order.
ALTER TABLE search_tokens ALTER COLUMN sort_key TYPE text COLLATE thai;
--> statement-breakpoint
CREATE INDEX search_tokens_order_idx ON search_tokens (kind, token, sort_key, record_id, org_unit_code);
--> statement-breakpoint
ANALYZE search_tokens;
