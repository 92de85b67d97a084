import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createFundingBody,
  fundingDecisionBody,
  fundingListQuery,
  fundingListResponse,
  fundingSchema,
  updateFundingBody,
} from '#shared/funding';
import { idParams, versionBody } from '#shared/paging';
import { createFunding, decideFunding, deleteFunding, getFunding, listFunding, updateFunding } from './funding.service';

export const fundingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['funding'];
  app.get(
    '/api/funding',
    {
      schema: {
        tags,
        summary: 'Funding applications of groups in your scope, newest first (by group, status, source)',
        querystring: fundingListQuery,
        response: { 200: fundingListResponse },
      },
    },
    (req) => listFunding(app.db, req.actor!, req.query),
  );
  app.get(
    '/api/funding/:id',
    { schema: { tags, summary: 'One funding application', params: idParams, response: { 200: fundingSchema } } },
    (req) => getFunding(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/funding',
    {
      schema: {
        tags,
        summary: "Record a group's application to a funding source (status applied)",
        body: createFundingBody,
        response: { 201: fundingSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createFunding(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/funding/:id',
    {
      schema: {
        tags,
        summary: 'Change an application (its decision is recorded separately)',
        params: idParams,
        body: updateFundingBody,
        response: { 200: fundingSchema },
      },
    },
    (req) => updateFunding(app.db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/funding/:id/decision',
    {
      schema: {
        tags,
        summary: 'Record the decision: approved, rejected, withdrawn, or back to applied',
        params: idParams,
        body: fundingDecisionBody,
        response: { 200: fundingSchema },
      },
    },
    (req) => decideFunding(app.db, req.actor!, req.params.id, req.body),
  );
  app.delete(
    '/api/funding/:id',
    {
      schema: {
        tags,
        summary: 'Remove an application (soft delete)',
        params: idParams,
        body: versionBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteFunding(app.db, req.actor!, req.params.id, req.body.version);
      return reply.code(204).send(null);
    },
  );
};
