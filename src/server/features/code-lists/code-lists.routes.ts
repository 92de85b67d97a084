import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { codeListItem, codeListName } from '#shared/code-lists';
import { listCodes } from './code-lists.service';

export const codeListRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/code-lists/:list',
    {
      schema: {
        tags: ['reference'],
        summary: 'A configurable code list (wisdom branches, standards)',
        params: z.strictObject({ list: codeListName }),
        response: { 200: z.array(codeListItem) },
      },
    },
    (req) => listCodes(app.db, req.actor!, req.params.list),
  );
};
