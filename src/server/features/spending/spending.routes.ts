import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { localUnitCodeSchema } from '#shared/fields';
import { idParams } from '#shared/paging';
import { createDisbursementBody, spendingResponse } from '#shared/spending';
import { disburse, spendingOf } from './spending.service';

export const spendingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['spending'];
  app.get(
    '/api/budget/items/:id/spending',
    {
      schema: {
        tags,
        summary: "A unit's payments against its allocation, running balance and spent share by quarter",
        params: idParams,
        querystring: z.strictObject({ unit: localUnitCodeSchema }),
        response: { 200: spendingResponse },
      },
    },
    (req) => spendingOf(app.db, req.actor!, req.params.id, req.query.unit),
  );
  app.post(
    '/api/disbursements',
    {
      schema: {
        tags,
        summary: 'Record a payment (never past the allocation)',
        body: createDisbursementBody,
        response: { 201: spendingResponse },
      },
    },
    async (req, reply) => reply.code(201).send(await disburse(app.db, req.actor!, req.body)),
  );
};
