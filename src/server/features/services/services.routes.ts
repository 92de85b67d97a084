import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, versionBody } from '#shared/paging';
import {
  createServiceBody,
  createTripBody,
  serviceListQuery,
  serviceListResponse,
  serviceSchema,
  tripListQuery,
  tripListResponse,
  tripSchema,
  updateServiceBody,
  updateTripBody,
} from '#shared/services';
import { createService, deleteService, getService, listServices, updateService } from './services.service';
import { createTrip, getTrip, listTrips, updateTrip } from './trips.service';

export const serviceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['services'];
  app.get(
    '/api/services',
    {
      schema: {
        tags,
        summary: 'Services given in your scope, newest first (by month, mode, type, staff, client, trip)',
        querystring: serviceListQuery,
        response: { 200: serviceListResponse },
      },
    },
    (req) => listServices(app.db, req.actor!, req.query),
  );
  app.get(
    '/api/services/:id',
    { schema: { tags, summary: 'One service', params: idParams, response: { 200: serviceSchema } } },
    (req) => getService(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/services',
    {
      schema: {
        tags,
        summary: 'Record a service (a committee member records only services they gave)',
        body: createServiceBody,
        response: { 201: serviceSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createService(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/services/:id',
    {
      schema: {
        tags,
        summary: 'Change a service (a committee member only their own records)',
        params: idParams,
        body: updateServiceBody,
        response: { 200: serviceSchema },
      },
    },
    (req) => updateService(app.db, req.actor!, req.params.id, req.body),
  );
  app.delete(
    '/api/services/:id',
    {
      schema: {
        tags,
        summary: 'Remove a service (soft delete)',
        params: idParams,
        body: versionBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteService(app.db, req.actor!, req.params.id, req.body.version);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/outreach-trips',
    {
      schema: {
        tags,
        summary: 'Mobile outreach trips of your scope, newest first',
        querystring: tripListQuery,
        response: { 200: tripListResponse },
      },
    },
    (req) => listTrips(app.db, req.actor!, req.query),
  );
  app.get(
    '/api/outreach-trips/:id',
    { schema: { tags, summary: 'One outreach trip', params: idParams, response: { 200: tripSchema } } },
    (req) => getTrip(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/outreach-trips',
    { schema: { tags, summary: 'Record an outreach trip', body: createTripBody, response: { 201: tripSchema } } },
    async (req, reply) => reply.code(201).send(await createTrip(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/outreach-trips/:id',
    {
      schema: { tags, summary: 'Change an outreach trip', params: idParams, body: updateTripBody, response: { 200: tripSchema } },
    },
    (req) => updateTrip(app.db, req.actor!, req.params.id, req.body),
  );
};
