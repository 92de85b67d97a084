import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  centerIndicatorsQuery,
  centerIndicatorsSchema,
  indicatorRecordsQuery,
  indicatorRecordsSchema,
  indicatorSummaryQuery,
  indicatorSummarySchema,
  matrixQuery,
  matrixSchema,
} from '#shared/indicators';
import { recordsOf } from './indicators.records';
import { centerIndicatorsOf, indicatorSummary, matrixOf } from './indicators.service';

export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/indicators',
    {
      schema: {
        tags: ['indicators'],
        summary: "One center's indicators (met, missing, not yet due) and results for a fiscal year or quarter",
        querystring: centerIndicatorsQuery,
        response: { 200: centerIndicatorsSchema },
      },
    },
    (req) => centerIndicatorsOf(app.db, req.actor!, req.query),
  );
  app.get(
    '/api/indicators/summary',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Centers meeting each indicator and summed results: per province of the nation, per district of a province',
        querystring: indicatorSummaryQuery,
        response: { 200: indicatorSummarySchema },
      },
    },
    (req) => indicatorSummary(app.readDb, req.actor!, req.query),
  );
  app.get(
    '/api/indicators/matrix',
    {
      schema: {
        tags: ['indicators'],
        summary: "The completeness matrix: a province's districts by month and quarter; the nation's provinces by share",
        querystring: matrixQuery,
        response: { 200: matrixSchema },
      },
    },
    (req) => matrixOf(app.readDb, req.actor!, req.query),
  );
  app.get(
    '/api/indicators/records',
    {
      schema: {
        tags: ['indicators'],
        summary: "The records behind a matrix cell: a district's meetings, activities, posts, plans, lessons or committee",
        querystring: indicatorRecordsQuery,
        response: { 200: indicatorRecordsSchema },
      },
    },
    (req) => recordsOf(app.readDb, req.actor!, req.query),
  );
};
