import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgUnitCodeSchema, orgUnitDetailResponse, orgUnitListQuery, orgUnitListResponse } from '#shared/org-units';
import { getOrgUnit, listOrgUnits } from './org-units.service';

export const orgUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/org-units',
    {
      schema: {
        tags: ['org-units'],
        summary: 'List provinces and districts (DOPA codes, Thai and English names)',
        querystring: orgUnitListQuery,
        response: { 200: orgUnitListResponse },
      },
    },
    (req) => listOrgUnits(app.db, req.actor!, req.query),
  );
  app.get(
    '/api/org-units/:code',
    {
      schema: {
        tags: ['org-units'],
        summary: 'One org unit with its parent, children and service center',
        params: z.strictObject({ code: orgUnitCodeSchema }),
        response: { 200: orgUnitDetailResponse },
      },
    },
    (req) => getOrgUnit(app.db, req.actor!, req.params.code),
  );
};
