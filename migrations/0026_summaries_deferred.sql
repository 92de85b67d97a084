-- Custom SQL migration file, put your code below! --
-- The summary triggers that read only their own row (OLD and NEW) run at commit (decision 026): a writer then
-- holds its district's and province's summary rows for the commit only, not from its insert to its commit, so
-- writers of one district and month no longer queue behind each other's whole transaction. The triggers of
-- activities, their attendance and takings, groups and stage history stay immediate: they read their parent or
-- children as they are at the moment of the change.
DROP TRIGGER services_summary ON services;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER services_summary AFTER INSERT OR UPDATE OR DELETE ON services
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION summary_services();
--> statement-breakpoint
DROP TRIGGER wisdom_items_summary ON wisdom_items;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER wisdom_items_summary AFTER INSERT OR UPDATE OR DELETE ON wisdom_items
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION summary_wisdom_items();
--> statement-breakpoint
DROP TRIGGER certifications_summary ON certifications;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER certifications_summary AFTER INSERT OR UPDATE OR DELETE ON certifications
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION summary_certifications();
--> statement-breakpoint
DROP TRIGGER outcomes_summary ON outcomes;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER outcomes_summary AFTER INSERT OR UPDATE OR DELETE ON outcomes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION summary_outcomes();
--> statement-breakpoint
DROP TRIGGER sales_summary ON sales;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER sales_summary AFTER INSERT OR UPDATE OR DELETE ON sales
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION summary_sales();
--> statement-breakpoint
DROP TRIGGER funding_applications_summary ON funding_applications;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER funding_applications_summary AFTER INSERT OR UPDATE OR DELETE ON funding_applications
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION summary_funding();
