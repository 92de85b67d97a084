-- Extensions and collations both engines need (PGlite loads pg_trgm from its contrib bundle).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE COLLATION IF NOT EXISTS thai (provider = icu, locale = 'th-TH');
