import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  authoritiesQuery,
  createDelegationOrderBody,
  delegationOrderListQuery,
  delegationOrderSchema,
  revokeDelegationOrderBody,
} from '#shared/delegations';
import { idParams } from '#shared/paging';
import { createDelegationOrder, listAuthorities, listDelegationOrders, revokeDelegationOrder } from './delegations.service';

export const delegationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['delegations'];
  app.get(
    '/api/delegation-orders',
    {
      schema: {
        tags,
        summary: 'Delegation orders given inside your scope or covering your unit from above (newest first, at most 500)',
        querystring: delegationOrderListQuery,
        response: { 200: z.array(delegationOrderSchema) },
      },
    },
    (req) => listDelegationOrders(app.db, req.actor!, req.query),
  );
  app.get(
    '/api/delegation-orders/authorities',
    {
      schema: {
        tags,
        summary: 'The orders you could cite to approve the unit’s advances or payments on a day',
        querystring: authoritiesQuery,
        response: { 200: z.array(delegationOrderSchema) },
      },
    },
    (req) => listAuthorities(app.db, req.actor!, req.query),
  );
  app.post(
    '/api/delegation-orders',
    {
      schema: {
        tags,
        summary: 'Record a delegation order of your office (a governor’s order; a chief’s acting order)',
        body: createDelegationOrderBody,
        response: { 201: delegationOrderSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createDelegationOrder(app.db, req.actor!, req.body)),
  );
  app.post(
    '/api/delegation-orders/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke an order from a day on (approvals made before stay valid)',
        params: idParams,
        body: revokeDelegationOrderBody,
        response: { 200: delegationOrderSchema },
      },
    },
    (req) => revokeDelegationOrder(app.db, req.actor!, req.params.id, req.body),
  );
};
