CREATE INDEX "meetings_committee_idx" ON "meetings" USING btree ("committee_id");--> statement-breakpoint
CREATE INDEX "outcomes_product_idx" ON "outcomes" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "certifications_product_idx" ON "certifications" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "certifications_producer_idx" ON "certifications" USING btree ("producer_id");--> statement-breakpoint
CREATE INDEX "group_wisdom_wisdom_idx" ON "group_wisdom" USING btree ("wisdom_id");