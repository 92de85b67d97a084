ALTER TABLE "producers" ADD COLUMN "public_contact" text;--> statement-breakpoint
ALTER TABLE "wisdom_items" ADD COLUMN "public_credit" text;--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "follow_token_hash" text;