import { defineConfig } from 'vitest/config';

// Two app nodes behind nginx with a node killed under load: its own config, so a plain `vitest run` never
// starts PostgreSQL, nginx and a minute of load. Run through `npm run test:cluster` (scripts/test-cluster.sh).
export default defineConfig({
  test: {
    name: 'cluster',
    root: `${import.meta.dirname}/..`,
    include: ['cluster/**/*.test.ts'],
    testTimeout: 150_000,
    hookTimeout: 150_000,
    fileParallelism: false,
  },
});
