import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { worklogQuery, worklogResponse } from '#shared/worklog';
import { worklogOf } from './worklog.service';

export const worklogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/worklog',
    {
      schema: {
        tags: ['worklog'],
        summary:
          "A month of the center's work in your scope: services, trips, requests, activities, plans, sales, funding, outcomes",
        querystring: worklogQuery,
        response: { 200: worklogResponse },
      },
    },
    (req) => worklogOf(app.db, req.actor!, req.query),
  );
};
