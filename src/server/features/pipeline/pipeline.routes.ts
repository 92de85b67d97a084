import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pipelineQuery, pipelineResponse } from '#shared/groups';
import { pipelineOf } from './pipeline.service';

export const pipelineRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/pipeline',
    {
      schema: {
        tags: ['pipeline'],
        summary: 'Counts per pipeline stage, conversion rates and moves in the fiscal year',
        querystring: pipelineQuery,
        response: { 200: pipelineResponse },
      },
    },
    (req) => pipelineOf(app.readDb, req.actor!, req.query),
  );
};
