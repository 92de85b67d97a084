import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { constants as zlib } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authPlugin } from './auth/auth.plugin';
import { authRoutes } from './auth/auth.routes';
import type { Database, DatabaseKind, Db } from './db/client';
import { watchDatabase } from './db/watchdog';
import type { Settings } from './env';
import { problemFor } from './errors';
import { activityRoutes } from './features/activities/activities.routes';
import { advanceRoutes } from './features/advances/advances.routes';
import { attachmentRoutes } from './features/attachments/attachments.routes';
import { auditRoutes } from './features/audit/audit.routes';
import { budgetRoutes } from './features/budget/budget.routes';
import { centerProfileRoutes } from './features/center-profiles/center-profiles.routes';
import { certificationRoutes } from './features/certifications/certifications.routes';
import { codeListRoutes } from './features/code-lists/code-lists.routes';
import { committeeRoutes } from './features/committees/committees.routes';
import { dashboardRoutes } from './features/dashboards/dashboards.routes';
import { delegationRoutes } from './features/delegations/delegations.routes';
import { expenseRoutes } from './features/expenses/expenses.routes';
import { fundingRoutes } from './features/funding/funding.routes';
import { groupRoutes } from './features/groups/groups.routes';
import { importRoutes } from './features/imports/imports.routes';
import { indicatorRoutes } from './features/indicators/indicators.routes';
import { lessonRoutes } from './features/lessons/lessons.routes';
import { meetingRoutes } from './features/meetings/meetings.routes';
import { needsRoutes } from './features/needs/needs.routes';
import { orgUnitRoutes } from './features/org-units/org-units.routes';
import { outcomeRoutes } from './features/outcomes/outcomes.routes';
import { outgoingDocumentRoutes } from './features/outgoing-documents/outgoing-documents.routes';
import { partnerRoutes } from './features/partners/partners.routes';
import { peopleRoutes } from './features/people/people.routes';
import { pipelineRoutes } from './features/pipeline/pipeline.routes';
import { planRoutes } from './features/plans/plans.routes';
import { portalCatalogRoutes } from './features/portal/catalog.routes';
import { portalRoutes, sendNotFound } from './features/portal/portal.routes';
import { postRoutes } from './features/posts/posts.routes';
import { producerRoutes } from './features/producers/producers.routes';
import { productRoutes } from './features/products/products.routes';
import { reportRoutes } from './features/reports/reports.routes';
import { requestRoutes } from './features/requests/requests.routes';
import { salesRoutes } from './features/sales/sales.routes';
import { serviceRoutes } from './features/services/services.routes';
import { rollupRoutes } from './features/spending/rollup.routes';
import { spendingRoutes } from './features/spending/spending.routes';
import { taskRoutes } from './features/tasks/tasks.routes';
import { tokenRoutes } from './features/tokens/tokens.routes';
import { userRoutes } from './features/users/users.routes';
import { wisdomRoutes } from './features/wisdom/wisdom.routes';
import { worklogRoutes } from './features/worklog/worklog.routes';
import { workplanRoutes } from './features/workplan/workplan.routes';
import { registerDeprecationHeaders } from './http/deprecation';
import { registerRequestGuards } from './http/guards';
import { loggerOptions } from './http/log';
import { openapiOptions } from './http/openapi';
import { registerProblemHandlers } from './http/problems';
import { registerSecurityHeaders } from './http/security-headers';
import { type JobHandlers, startJobRunner } from './jobs/jobs';
import { jobRoutes } from './jobs/jobs.routes';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    /** The read replica for dashboards and reports (the primary when there is none): see db/client.ts. */
    readDb: Db;
    databaseKind: DatabaseKind;
    settings: Settings;
    /** Every route registered, for checking that the OpenAPI document lists them all. */
    routeTable: { method: string; url: string }[];
    /** What runs each kind of background job of this app (jobs/jobs.ts). */
    jobHandlers: JobHandlers;
  }
}

export const VERSION = '0.1.0';
const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

export async function buildApp(
  database: Database,
  settings: Settings,
  /** `jobs`: run background jobs in this process (the server does; tests run them by hand). */
  options: { logger?: boolean; jobs?: boolean } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(options.logger ?? false),
    bodyLimit: 1_048_576,
    // Only the configured proxies may say who the client is (X-Forwarded-For feeds the rate limits).
    trustProxy: settings.trustProxy.length ? settings.trustProxy : false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', database.db);
  app.decorate('readDb', database.readDb);
  app.decorate('databaseKind', database.kind);
  app.decorate('settings', settings);
  app.decorate('routeTable', [] as { method: string; url: string }[]);
  app.decorate('jobHandlers', new Map() as JobHandlers);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) app.routeTable.push({ method, url: route.url });
  });
  registerProblemHandlers(app);
  registerDeprecationHeaders(app);
  // PGlite lives in this process and can't be unreachable; a PostgreSQL server can be down or frozen.
  const watch = database.ping ? watchDatabase(database.ping) : undefined;
  if (watch) app.addHook('onClose', async () => watch.stop());
  registerRequestGuards(app, watch);
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    // Quality 4 compresses almost as well as the default 11 at a fraction of the CPU.
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });

  registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({ ...problemFor('request.rate_limited'), statusCode: ctx.statusCode }),
  });
  await app.register(fastifySwagger, openapiOptions(VERSION));
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  await app.register(authPlugin);

  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness, and the database as of the last 2-second ping (503 while it is down)',
        security: [],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']), version: z.string() }) },
      },
    },
    // No query of its own: the watchdog pings PostgreSQL every 2 s and the request guards answer 503 while it is
    // down, and PGlite runs in this process. So a health check costs what the framework costs (decision 029).
    () => ({ status: 'ok' as const, database: app.databaseKind, version: VERSION }),
  );
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
  await app.register(authRoutes);
  await app.register(orgUnitRoutes);
  await app.register(userRoutes);
  await app.register(tokenRoutes);
  await app.register(auditRoutes);
  await app.register(fastifyMultipart);
  for (const routes of [
    codeListRoutes,
    peopleRoutes,
    wisdomRoutes,
    budgetRoutes,
    advanceRoutes,
    delegationRoutes,
    expenseRoutes,
    spendingRoutes,
    rollupRoutes,
    taskRoutes,
    groupRoutes,
    producerRoutes,
    productRoutes,
    certificationRoutes,
    partnerRoutes,
    serviceRoutes,
    worklogRoutes,
    activityRoutes,
    needsRoutes,
    planRoutes,
    lessonRoutes,
    salesRoutes,
    fundingRoutes,
    outcomeRoutes,
    requestRoutes,
    meetingRoutes,
    postRoutes,
    reportRoutes,
    workplanRoutes,
    pipelineRoutes,
    dashboardRoutes,
    attachmentRoutes,
    outgoingDocumentRoutes,
    committeeRoutes,
    centerProfileRoutes,
    indicatorRoutes,
    importRoutes,
    jobRoutes,
    portalRoutes,
    portalCatalogRoutes,
  ]) {
    await app.register(routes);
  }

  if (existsSync(webRoot)) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      // The build writes .br and .gz beside each file (vite.config.ts): sent as they are, never compressed per request.
      preCompressed: true,
      // File names under assets/ carry a content hash; index.html must always be fresh.
      setHeaders: (reply, path) =>
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // A portal address that names no page gets the portal's own 404 page, never the staff app.
    if (request.url === '/portal' || request.url.startsWith('/portal/') || request.url.startsWith('/portal?'))
      return sendNotFound(request, reply);
    // The web app routes on the client: any non-API GET gets its index page.
    if ((request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/') && existsSync(webRoot)) {
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).type('application/problem+json').send(problemFor('request.not_found'));
  });
  if (options.jobs) {
    const stopJobs = startJobRunner(database.db, app.jobHandlers);
    app.addHook('onClose', stopJobs);
  }
  await app.ready();
  return app;
}
