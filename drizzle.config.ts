import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` is used; migrations are applied by the app at start (see src/server/db/migrate.ts).
export default defineConfig({ dialect: 'postgresql', schema: './src/server/db/schema/index.ts', out: './migrations' });
