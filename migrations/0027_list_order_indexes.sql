DROP INDEX "people_unit_idx";--> statement-breakpoint
DROP INDEX "products_unit_idx";--> statement-breakpoint
DROP INDEX "wisdom_unit_idx";--> statement-breakpoint
DROP INDEX "services_unit_date_idx";--> statement-breakpoint
CREATE INDEX "groups_unit_name_idx" ON "occupational_groups" USING btree ("org_unit_code",("name" collate thai),"id") WHERE "occupational_groups"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "people_unit_name_idx" ON "people" USING btree ("org_unit_code",("first_name" collate thai),("last_name" collate thai),"id");--> statement-breakpoint
CREATE INDEX "products_unit_name_idx" ON "products" USING btree ("org_unit_code",("name" collate thai),"id");--> statement-breakpoint
CREATE INDEX "wisdom_unit_title_idx" ON "wisdom_items" USING btree ("org_unit_code",("title" collate thai),"id");--> statement-breakpoint
CREATE INDEX "services_unit_date_idx" ON "services" USING btree ("org_unit_code","service_date","id");