import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '#shared/paging';
import {
  createReferralBody,
  createRequestBody,
  moveRequestBody,
  referralListQuery,
  referralListResponse,
  referralSchema,
  requestDetailSchema,
  requestListQuery,
  requestListResponse,
  updateReferralBody,
  updateRequestBody,
} from '#shared/requests';
import { createReferral, getReferral, listReferrals, updateReferral } from './referrals.service';
import { createRequest, getRequest, listRequests, moveRequest, updateRequest } from './requests.service';

export const requestRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['requests'];
  app.get(
    '/api/requests',
    {
      schema: {
        tags,
        summary: 'Service requests of your scope, newest first (by status, channel, subject, month, client, words)',
        querystring: requestListQuery,
        response: { 200: requestListResponse },
      },
    },
    (req) => listRequests(app.db, req.actor!, req.query),
  );
  app.get(
    '/api/requests/:id',
    {
      schema: {
        tags,
        summary: 'One service request with its status history',
        params: idParams,
        response: { 200: requestDetailSchema },
      },
    },
    (req) => getRequest(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/requests',
    {
      schema: {
        tags,
        summary: 'Record a service request (walk-in, phone, letter); it gets its reference code',
        body: createRequestBody,
        response: { 201: requestDetailSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createRequest(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/requests/:id',
    {
      schema: {
        tags,
        summary: 'Change a service request',
        params: idParams,
        body: updateRequestBody,
        response: { 200: requestDetailSchema },
      },
    },
    (req) => updateRequest(app.db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/requests/:id/status',
    {
      schema: {
        tags,
        summary: 'Move a request: accept, start, finish (optionally answered by a service), or decline with a reason',
        params: idParams,
        body: moveRequestBody,
        response: { 200: requestDetailSchema },
      },
    },
    (req) => moveRequest(app.db, req.actor!, req.params.id, req.body),
  );
  app.get(
    '/api/referrals',
    {
      schema: {
        tags,
        summary: 'Referrals of your scope, newest first (by status, target, client, request, service, partner)',
        querystring: referralListQuery,
        response: { 200: referralListResponse },
      },
    },
    (req) => listReferrals(app.db, req.actor!, req.query),
  );
  app.get(
    '/api/referrals/:id',
    { schema: { tags, summary: 'One referral', params: idParams, response: { 200: referralSchema } } },
    (req) => getReferral(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/referrals',
    {
      schema: {
        tags,
        summary: 'Refer a request or a service to the province, the department or a partner (a request becomes referred)',
        body: createReferralBody,
        response: { 201: referralSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createReferral(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/referrals/:id',
    {
      schema: {
        tags,
        summary: 'Record what came of a referral (status, result, result date)',
        params: idParams,
        body: updateReferralBody,
        response: { 200: referralSchema },
      },
    },
    (req) => updateReferral(app.db, req.actor!, req.params.id, req.body),
  );
};
