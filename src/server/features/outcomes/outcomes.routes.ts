import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createOutcomeBody, outcomeListQuery, outcomeListResponse, outcomeSchema, updateOutcomeBody } from '#shared/outcomes';
import { idParams, versionBody } from '#shared/paging';
import { attachmentSchema } from '#shared/wisdom';
import { readUpload } from '../attachments/upload';
import {
  addOutcomeAttachment,
  createOutcome,
  deleteOutcome,
  getOutcome,
  listOutcomes,
  unverifyOutcome,
  updateOutcome,
  verifyOutcome,
} from './outcomes.service';

export const outcomeRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['outcomes'];
  app.get(
    '/api/outcomes',
    {
      schema: {
        tags,
        summary: 'Outcomes of groups in your scope, latest first (verified or waiting)',
        querystring: outcomeListQuery,
        response: { 200: outcomeListResponse },
      },
    },
    (req) => listOutcomes(app.db, req.actor!, req.query),
  );
  app.get(
    '/api/outcomes/:id',
    { schema: { tags, summary: 'One outcome with its evidence', params: idParams, response: { 200: outcomeSchema } } },
    (req) => getOutcome(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/outcomes',
    {
      schema: {
        tags,
        summary: "Record a group's outcome with its evidence (district officers and committee members)",
        body: createOutcomeBody,
        response: { 201: outcomeSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createOutcome(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/outcomes/:id',
    {
      schema: {
        tags,
        summary: 'Change an outcome not yet verified (its author becomes its recorder)',
        params: idParams,
        body: updateOutcomeBody,
        response: { 200: outcomeSchema },
      },
    },
    (req) => updateOutcome(app.db, req.actor!, req.params.id, req.body),
  );
  app.delete(
    '/api/outcomes/:id',
    {
      schema: {
        tags,
        summary: 'Remove an outcome not yet verified (soft delete)',
        params: idParams,
        body: versionBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteOutcome(app.db, req.actor!, req.params.id, req.body.version);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/outcomes/:id/verify',
    {
      schema: {
        tags,
        summary: 'Verify an outcome (a district officer of its district other than its recorder)',
        params: idParams,
        body: versionBody,
        response: { 200: outcomeSchema },
      },
    },
    (req) => verifyOutcome(app.db, req.actor!, req.params.id, req.body.version),
  );
  app.post(
    '/api/outcomes/:id/unverify',
    {
      schema: {
        tags,
        summary: 'Withdraw the verification of an outcome, so it can be corrected',
        params: idParams,
        body: versionBody,
        response: { 200: outcomeSchema },
      },
    },
    (req) => unverifyOutcome(app.db, req.actor!, req.params.id, req.body.version),
  );
  app.post(
    '/api/outcomes/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Upload evidence for an outcome not yet verified, as multipart field "file"',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: attachmentSchema },
      },
    },
    async (req, reply) => {
      const upload = await readUpload(req);
      try {
        return reply.code(201).send(await addOutcomeAttachment(app.db, req.actor!, req.params.id, upload));
      } finally {
        await upload.dispose();
      }
    },
  );
};
