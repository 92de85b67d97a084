import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { workplanQuery, workplanSchema } from '#shared/workplan';
import { workplanOf } from './workplan.service';

export const workplanRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/workplan',
    {
      schema: {
        tags: ['workplan'],
        summary: "A unit's work plan for today: what is done and due this quarter, this month and soon",
        querystring: workplanQuery,
        response: { 200: workplanSchema },
      },
    },
    (req) => workplanOf(app.db, req.actor!, req.query),
  );
};
