import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { approveBody, rejectBody } from '#shared/delegations';
import { localUnitCodeSchema } from '#shared/fields';
import { idParams } from '#shared/paging';
import { createDisbursementBody, spendingResponse } from '#shared/spending';
import { approvePayment, disburse, rejectPayment, spendingOf } from './spending.service';

export const spendingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['spending'];
  app.get(
    '/api/budget/items/:id/spending',
    {
      schema: {
        tags,
        summary:
          "A unit's payments against its allocation (approved, pending, rejected), running balance and spent share by quarter",
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
        summary: 'Ask for a payment: held from the balance (never past it) until the holder of delegated authority decides',
        body: createDisbursementBody,
        response: { 201: spendingResponse },
      },
    },
    async (req, reply) => reply.code(201).send(await disburse(app.db, req.actor!, req.body)),
  );
  app.post(
    '/api/disbursements/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a pending payment, citing the delegation order that gives the approver the spending power',
        params: idParams,
        body: approveBody,
        response: { 200: spendingResponse },
      },
    },
    (req) => approvePayment(app.db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/disbursements/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject a pending payment with a reason: its amount goes back to the balance',
        params: idParams,
        body: rejectBody,
        response: { 200: spendingResponse },
      },
    },
    (req) => rejectPayment(app.db, req.actor!, req.params.id, req.body),
  );
};
