import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { tasksResponse } from '#shared/tasks';
import { tasksOf } from './tasks.service';

export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/tasks',
    {
      schema: {
        tags: ['tasks'],
        summary: 'My tasks: overdue advances, plans to fix or review, certificates expiring soon',
        response: { 200: tasksResponse },
      },
    },
    (req) => tasksOf(app.db, req.actor!),
  );
};
