import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { centerProfileSchema, saveCenterProfileBody } from '#shared/center-profiles';
import { districtCodeSchema } from '#shared/fields';
import { getCenterProfile, saveCenterProfile } from './center-profiles.service';

const params = z.strictObject({ unitCode: districtCodeSchema });

export const centerProfileRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['center-profiles'];
  app.get(
    '/api/center-profiles/:unitCode',
    {
      schema: {
        tags,
        summary: "The district center's address, hours, contacts, staff and learning media (404 until recorded)",
        params,
        response: { 200: centerProfileSchema },
      },
    },
    (req) => getCenterProfile(app.db, req.actor!, req.params.unitCode),
  );
  app.put(
    '/api/center-profiles/:unitCode',
    {
      schema: {
        tags,
        summary: "Record (version 0) or change the district center's profile",
        params,
        body: saveCenterProfileBody,
        response: { 200: centerProfileSchema },
      },
    },
    (req) => saveCenterProfile(app.db, req.actor!, req.params.unitCode, req.body),
  );
};
