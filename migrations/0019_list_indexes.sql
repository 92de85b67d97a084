CREATE INDEX "activities_date_idx" ON "activities" USING btree ("starts_on","id") WHERE "activities"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "certifications_expiry_idx" ON "certifications" USING btree ("expires_on","id") WHERE "certifications"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "groups_name_idx" ON "occupational_groups" USING btree (("name" collate thai),"id") WHERE "occupational_groups"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "people_name_idx" ON "people" USING btree (("first_name" collate thai),("last_name" collate thai),"id") WHERE "people"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "products_name_idx" ON "products" USING btree (("name" collate thai),"id") WHERE "products"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "wisdom_title_idx" ON "wisdom_items" USING btree (("title" collate thai),"id") WHERE "wisdom_items"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "sales_month_idx" ON "sales" USING btree ("month","id") WHERE "sales"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "services_date_idx" ON "services" USING btree ("service_date","id") WHERE "services"."deleted_at" is null;