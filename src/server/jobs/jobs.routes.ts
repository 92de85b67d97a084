import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { jobSchema } from '#shared/jobs';
import { idParams } from '#shared/paging';
import { getJob } from './jobs';

export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/jobs/:id',
    { schema: { tags: ['jobs'], summary: 'A background job and its progress', params: idParams, response: { 200: jobSchema } } },
    (req) => getJob(app.db, req.actor!, req.params.id),
  );
};
