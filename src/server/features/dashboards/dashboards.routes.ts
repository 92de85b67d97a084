import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dashboardQuery, dashboardSchema } from '#shared/dashboards';
import { dashboardPdf, dashboardXlsx } from './dashboards.documents';
import { dashboardCodeNames, dashboardOf } from './dashboards.service';

const tags = ['dashboards'];
const fileName = (d: { unit: string; fiscalYear: number; quarter: number | null }, ext: string) =>
  `dashboard-${d.unit}-${d.fiscalYear}${d.quarter ? `-q${d.quarter}` : ''}.${ext}`;

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/dashboards',
    {
      schema: {
        tags,
        summary: 'The dashboard of a district, a province or the nation for a fiscal year or a quarter',
        querystring: dashboardQuery,
        response: { 200: dashboardSchema },
      },
    },
    (req) => dashboardOf(app.readDb, req.actor!, req.query),
  );
  app.get(
    '/api/dashboards.xlsx',
    {
      schema: {
        tags,
        summary: 'The dashboard as XLSX: one sheet per block',
        querystring: dashboardQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (req, reply) => {
      const dashboard = await dashboardOf(app.readDb, req.actor!, req.query);
      const xlsx = await dashboardXlsx(dashboard, await dashboardCodeNames(app.readDb));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${fileName(dashboard, 'xlsx')}"`)
        .send(xlsx);
    },
  );
  app.get(
    '/api/dashboards.pdf',
    {
      schema: {
        tags,
        summary: 'The dashboard as PDF (Sarabun, Buddhist Era dates, the province map)',
        querystring: dashboardQuery,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const dashboard = await dashboardOf(app.readDb, req.actor!, req.query);
      const pdf = await dashboardPdf(dashboard, await dashboardCodeNames(app.readDb));
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName(dashboard, 'pdf')}"`)
        .send(pdf);
    },
  );
};
