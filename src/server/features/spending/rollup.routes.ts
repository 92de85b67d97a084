import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { rollupQuery, rollupResponse } from '#shared/spending';
import { rollupOf } from './rollup.service';

export const rollupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/spending/rollup',
    {
      schema: {
        tags: ['spending'],
        summary:
          "A fiscal year's money under a unit, per unit one level down and the unit's own share: allocated, spent, pending, remaining, spent share by quarter end, late expense plans, open and overdue advances",
        querystring: rollupQuery,
        response: { 200: rollupResponse },
      },
    },
    (req) => rollupOf(app.db, req.actor!, req.query),
  );
};
