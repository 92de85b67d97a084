import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/shared/**/*.test.ts', 'src/web/**/*.test.ts', 'src/server/**/*.lint.test.ts', 'bench/*.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/server/**/*.test.ts', 'bench/data/**/*.test.ts'],
          exclude: ['src/server/**/*.lint.test.ts', '**/node_modules/**'],
          globalSetup: ['src/server/test/global-setup.ts'],
          setupFiles: ['src/server/test/per-file.ts'],
          // Files of a worker share its modules: importing the app anew for each file cost ~5 s of CPU a file.
          // Each file still gets its own database and app (test/harness.ts); per-file.ts resets module state.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // PGlite runs in the test process; two workers keep both cores busy without thrashing.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
