import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgUnitCodeSchema, orgUnitDetailResponse, orgUnitListQuery, orgUnitListResponse } from '#shared/org-units';
import { labelsOf } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import { getOrgUnit, listOrgUnits } from './org-units.service';

export const orgUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['org-units'];
  app.get(
    '/api/org-units',
    {
      schema: {
        tags,
        summary: 'List provinces and districts (DOPA codes, Thai and English names)',
        querystring: orgUnitListQuery,
        response: { 200: orgUnitListResponse },
      },
    },
    (req) => listOrgUnits(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/org-units',
    name: 'org-units',
    title: { th: 'หน่วยงาน', en: 'Org units' },
    tags,
    query: orgUnitListQuery,
    read: (req, query) => listOrgUnits(app.db, req.actor!, query),
    columns: [
      { key: 'code', th: 'รหัสหน่วยงาน', en: 'Code', kind: 'text' },
      { key: 'nameTh', th: 'ชื่อภาษาไทย', en: 'Thai name', kind: 'text' },
      { key: 'nameEn', th: 'ชื่อภาษาอังกฤษ', en: 'English name', kind: 'text' },
      { key: 'level', th: 'ระดับ', en: 'Level', kind: 'code', labels: labelsOf('levels') },
      { key: 'parentCode', th: 'รหัสหน่วยงานต้นสังกัด', en: 'Parent code', kind: 'text' },
      { key: 'covered', th: 'มีศูนย์บริการฯ', en: 'Has a service center', kind: 'boolean' },
    ],
  });
  app.get(
    '/api/org-units/:code',
    {
      schema: {
        tags,
        summary: 'One org unit with its parent, children and service center',
        params: z.strictObject({ code: orgUnitCodeSchema }),
        response: { 200: orgUnitDetailResponse },
      },
    },
    (req) => getOrgUnit(app.db, req.actor!, req.params.code),
  );
};
