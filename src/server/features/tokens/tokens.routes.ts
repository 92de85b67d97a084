import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '#shared/paging';
import {
  apiTokenListQuery,
  apiTokenListResponse,
  apiTokenSchema,
  createApiTokenBody,
  createdApiTokenSchema,
  revokeApiTokenBody,
} from '#shared/tokens';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.service';

export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['tokens'];
  app.get(
    '/api/tokens',
    {
      schema: {
        tags,
        summary: 'API tokens of your scope, newest first (never their secrets)',
        querystring: apiTokenListQuery,
        response: { 200: apiTokenListResponse },
      },
    },
    (req) => listApiTokens(app.db, req.actor!, req.query),
  );
  app.post(
    '/api/tokens',
    {
      schema: {
        tags,
        summary: 'Make an API token for a unit of your scope (its secret is in this answer only)',
        description:
          'The token acts as its own service account: it reads the unit and the units below it, and a `read_write` ' +
          "token also records what an officer of the unit's level records. Send it as `Authorization: Bearer <secret>`.",
        body: createApiTokenBody,
        response: { 201: createdApiTokenSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createApiToken(app.db, req.actor!, req.body)),
  );
  app.post(
    '/api/tokens/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke an API token: from its next request on it answers 401 token.revoked',
        params: idParams,
        body: revokeApiTokenBody,
        response: { 200: apiTokenSchema },
      },
    },
    (req) => revokeApiToken(app.db, req.actor!, req.params.id, req.body.version),
  );
};
