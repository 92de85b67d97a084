import { defineConfig } from '@playwright/test';

// The app on a fresh embedded database with demo data, on a port of its own; Debian's Chromium.
const PORT = Number(process.env.E2E_PORT ?? 3999);
const DATA_DIR = `.tmp/e2e-data-${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  retries: 0,
  // Two workers for two cores: the journeys run one after another on one of them (they build on the shared demo
  // data step by step); the every-page walk, one test per account and pass, takes whichever worker is free.
  workers: 2,
  projects: [
    // The every-page walk goes first, on the demo data alone: journeys running beside it wrote records (a failed
    // sign-in, imports) at the top of the audit page while it read them, so what it saw depended on timing.
    { name: 'journeys', testIgnore: 'every-page.spec.ts', workers: 1, dependencies: ['every-page'] },
    { name: 'every-page', testMatch: 'every-page.spec.ts' },
  ],
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // Journeys sign in many times a minute from one address; the login rate limit has its own integration test.
  // The compiled server, as `npm start` runs it (scripts/start.mjs builds first when the sources are newer).
  webServer: {
    command: `rm -rf ${DATA_DIR} ${DATA_DIR}.lock && DATA_DIR=${DATA_DIR} PORT=${PORT} LOG=false LOGIN_RATE_LIMIT_PER_MINUTE=600 node scripts/start.mjs`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    // Building the demo data takes longer when other jobs share the two cores.
    timeout: 180_000,
    reuseExistingServer: false,
  },
});
