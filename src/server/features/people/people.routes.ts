import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '#shared/paging';
import {
  createPersonBody,
  mergePeopleBody,
  personListQuery,
  personListResponse,
  personSchema,
  updatePersonBody,
} from '#shared/people';
import { createPerson, getPerson, listPeople, mergePeople, revealCitizenId, updatePerson } from './people.service';

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['people'];
  const key = () => app.settings.dataKey!;
  app.get(
    '/api/people',
    {
      schema: {
        tags,
        summary: 'People of your scope (citizen IDs masked)',
        querystring: personListQuery,
        response: { 200: personListResponse },
      },
    },
    (req) => listPeople(app.db, req.actor!, req.query),
  );
  app.get(
    '/api/people/:id',
    { schema: { tags, summary: 'One person', params: idParams, response: { 200: personSchema } } },
    (req) => getPerson(app.db, req.actor!, req.params.id),
  );
  app.get(
    '/api/people/:id/citizen-id',
    {
      schema: {
        tags,
        summary: 'The full citizen ID (district officers only; the read is logged)',
        params: idParams,
        response: { 200: z.object({ citizenId: z.string().nullable() }) },
      },
    },
    async (req) => ({ citizenId: await revealCitizenId(app.db, key(), req.actor!, req.params.id) }),
  );
  app.post(
    '/api/people',
    {
      schema: {
        tags,
        summary: 'Record a person (warns of likely duplicates)',
        body: createPersonBody,
        response: { 201: personSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createPerson(app.db, key(), req.actor!, req.body)),
  );
  app.patch(
    '/api/people/:id',
    { schema: { tags, summary: 'Change a person', params: idParams, body: updatePersonBody, response: { 200: personSchema } } },
    (req) => updatePerson(app.db, key(), req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/people/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge this duplicate into the kept person, moving every link',
        params: idParams,
        body: mergePeopleBody,
        response: { 200: personSchema },
      },
    },
    (req) => mergePeople(app.db, req.actor!, req.params.id, req.body.keepId),
  );
};
