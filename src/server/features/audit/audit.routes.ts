import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditListResponse, auditQuery } from '#shared/audit';
import { listAudit } from './audit.service';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Browse the change log of your scope',
        querystring: auditQuery,
        response: { 200: auditListResponse },
      },
    },
    (req) => listAudit(app.db, req.actor!, req.query),
  );
};
