// Run by the server's build (scripts/build-server.mjs) as dist/server/make-template.js: the new-database template
// of db/template.ts, beside the server it was made for.
import { fileURLToPath } from 'node:url';
import { buildIdOf } from './build-id';
import { saveTemplate } from './db/template';

const server = new URL('./main.js', import.meta.url).href;
await saveTemplate(server, buildIdOf(fileURLToPath(server)));
