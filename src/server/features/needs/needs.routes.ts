import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createNeedsBody, needsAnalysisSchema, needsListQuery, needsListResponse, updateNeedsBody } from '#shared/needs';
import { idParams, versionBody } from '#shared/paging';
import { labelsOf } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import { createNeeds, deleteNeeds, getNeeds, listNeeds, updateNeeds } from './needs.service';

export const needsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['needs'];
  app.get(
    '/api/needs',
    {
      schema: {
        tags,
        summary: "Groups' needs analyses in your scope, newest first (by group, area, priority)",
        querystring: needsListQuery,
        response: { 200: needsListResponse },
      },
    },
    (req) => listNeeds(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/needs',
    name: 'needs',
    title: { th: 'การวิเคราะห์ความต้องการ', en: 'Needs analyses' },
    tags: tags,
    query: needsListQuery,
    read: (req, query) => listNeeds(app.db, req.actor!, query),
    columns: [
      { key: 'groupName', th: 'กลุ่ม', en: 'Group', kind: 'text' },
      { key: 'analysedOn', th: 'วันที่วิเคราะห์', en: 'Analysed on', kind: 'date' },
      { key: 'summary', th: 'สรุป', en: 'Summary', kind: 'text' },
      {
        key: 'areas',
        th: 'ด้านที่ต้องการ',
        en: 'Areas',
        kind: 'code',
        labels: labelsOf('needs.areas'),
        value: (r) => r.items.map((i) => i.area),
      },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.get(
    '/api/needs/:id',
    { schema: { tags, summary: 'One needs analysis', params: idParams, response: { 200: needsAnalysisSchema } } },
    (req) => getNeeds(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/needs',
    {
      schema: {
        tags,
        summary: "Record a group's needs analysis (the group becomes needs analysed)",
        body: createNeedsBody,
        response: { 201: needsAnalysisSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createNeeds(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/needs/:id',
    {
      schema: {
        tags,
        summary: 'Change a needs analysis (its items are replaced whole)',
        params: idParams,
        body: updateNeedsBody,
        response: { 200: needsAnalysisSchema },
      },
    },
    (req) => updateNeeds(app.db, req.actor!, req.params.id, req.body),
  );
  app.delete(
    '/api/needs/:id',
    {
      schema: {
        tags,
        summary: "Remove a needs analysis (soft delete; the group's stage follows its records)",
        params: idParams,
        body: versionBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteNeeds(app.db, req.actor!, req.params.id, req.body.version);
      return reply.code(204).send(null);
    },
  );
};
