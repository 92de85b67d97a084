// npm start: build the web app and compile the server when their sources are newer than the builds, then run the
// compiled server: embedded PGlite in ./data with demo data, unless DATABASE_URL points at PostgreSQL.
import { fileURLToPath } from 'node:url';
import { buildWhenStale } from './fresh-build.mjs';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
await buildWhenStale();
// The server in this process: one Node start fewer, and Ctrl-C reaches it directly.
await import('../dist/server/main.js');
