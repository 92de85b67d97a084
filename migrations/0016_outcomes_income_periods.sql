ALTER TABLE "outcomes" ADD COLUMN "income_before_from" date;--> statement-breakpoint
ALTER TABLE "outcomes" ADD COLUMN "income_before_to" date;--> statement-breakpoint
ALTER TABLE "outcomes" ADD COLUMN "income_after_from" date;--> statement-breakpoint
ALTER TABLE "outcomes" ADD COLUMN "income_after_to" date;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_income_periods" CHECK (("outcomes"."income_before_satang" is null) = ("outcomes"."income_after_to" is null)
        and ("outcomes"."income_after_to" is null or ("outcomes"."income_before_from" <= "outcomes"."income_before_to"
          and "outcomes"."income_before_to" < "outcomes"."income_after_from" and "outcomes"."income_after_from" <= "outcomes"."income_after_to")));