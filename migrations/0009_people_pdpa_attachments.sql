CREATE TABLE "retention_settings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "retention_settings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"record_type" text NOT NULL,
	"retain_years" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retention_settings_record_type_unique" UNIQUE("record_type")
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
-- Issue 8 (#6): one active person per citizen ID in a district. Existing duplicates must be merged first.
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM people WHERE deleted_at IS NULL AND citizen_id_hash IS NOT NULL
             GROUP BY org_unit_code, citizen_id_hash HAVING count(*) > 1) THEN
    RAISE EXCEPTION 'Duplicate active people with the same citizen ID exist; merge them before upgrading: SELECT org_unit_code, array_agg(id) FROM people WHERE deleted_at IS NULL AND citizen_id_hash IS NOT NULL GROUP BY org_unit_code, citizen_id_hash HAVING count(*) > 1';
  END IF;
END $$;--> statement-breakpoint
CREATE UNIQUE INDEX "people_citizen_hash_active_uq" ON "people" USING btree ("org_unit_code","citizen_id_hash") WHERE "people"."deleted_at" is null and "people"."citizen_id_hash" is not null;--> statement-breakpoint
-- Issue 8 (#9): files are JPEG or PDF, already compressed: store them without trying to compress again.
ALTER TABLE "attachments" ALTER COLUMN "data" SET STORAGE EXTERNAL;
