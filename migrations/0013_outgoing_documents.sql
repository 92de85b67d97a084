CREATE TABLE "document_images" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "document_images_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"data" "bytea" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_images_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "office_letterheads" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "office_letterheads_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"prefix" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "office_letterheads_org_unit_code_unique" UNIQUE("org_unit_code")
);
--> statement-breakpoint
CREATE TABLE "outgoing_documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outgoing_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_code" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"running_number" integer NOT NULL,
	"number" text NOT NULL,
	"document_date" date NOT NULL,
	"subject" text NOT NULL,
	"addressee" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" integer NOT NULL,
	"issued_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outgoing_documents_running_key" UNIQUE("org_unit_code","fiscal_year","running_number"),
	CONSTRAINT "outgoing_documents_record_key" UNIQUE("org_unit_code","record_type","record_id")
);
--> statement-breakpoint
ALTER TABLE "office_letterheads" ADD CONSTRAINT "office_letterheads_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_documents" ADD CONSTRAINT "outgoing_documents_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_documents" ADD CONSTRAINT "outgoing_documents_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outgoing_documents_date_idx" ON "outgoing_documents" USING btree ("org_unit_code","document_date");--> statement-breakpoint
-- The outgoing-document register is a register: a number once issued is never changed or removed.
CREATE FUNCTION outgoing_documents_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'outgoing_documents are append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER outgoing_documents_append_only BEFORE UPDATE OR DELETE ON outgoing_documents
  FOR EACH ROW EXECUTE FUNCTION outgoing_documents_refuse_change();
