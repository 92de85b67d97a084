import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '#shared/paging';
import {
  createProducerBody,
  producerListQuery,
  producerListResponse,
  producerSchema,
  updateProducerBody,
} from '#shared/producers';
import { createProducer, getProducer, listProducers, updateProducer } from './producers.service';

export const producerRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['producers'];
  app.get(
    '/api/producers',
    {
      schema: {
        tags,
        summary: 'OTOP registrations of your scope',
        querystring: producerListQuery,
        response: { 200: producerListResponse },
      },
    },
    (req) => listProducers(app.db, req.actor!, req.query),
  );
  app.get(
    '/api/producers/:id',
    { schema: { tags, summary: 'One OTOP registration', params: idParams, response: { 200: producerSchema } } },
    (req) => getProducer(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/producers',
    {
      schema: {
        tags,
        summary: 'Register a group or person as an OTOP producer',
        body: createProducerBody,
        response: { 201: producerSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createProducer(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/producers/:id',
    {
      schema: {
        tags,
        summary: 'Change a registration',
        params: idParams,
        body: updateProducerBody,
        response: { 200: producerSchema },
      },
    },
    (req) => updateProducer(app.db, req.actor!, req.params.id, req.body),
  );
};
