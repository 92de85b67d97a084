import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditListResponse, auditQuery } from '#shared/audit';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '#shared/audit-labels';
// The page's own wording of a record's name and a time, so the export reads like the page (pure functions; the
// export columns take the web app's labels the same way).
import { describeSubject } from '../../../web/features/audit/describe';
import { formatDateTime } from '../../../web/format';
import { labelsOfPairs } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import { listAudit } from './audit.service';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Browse the change log of your scope',
        querystring: auditQuery,
        response: { 200: auditListResponse },
      },
    },
    (req) => listAudit(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/audit',
    name: 'audit',
    title: { th: 'ประวัติการแก้ไข', en: 'Audit log' },
    tags: ['audit'],
    query: auditQuery,
    read: (req, query) => listAudit(app.db, req.actor!, query),
    columns: [
      // The time to the minute in Bangkok time, as the page shows it (a date cell would drop the time).
      { key: 'at', th: 'เวลา', en: 'Time', kind: 'text', value: (r, lang) => formatDateTime(r.at, lang) },
      { key: 'actorUsername', th: 'ผู้ใช้', en: 'User', kind: 'text' },
      { key: 'action', th: 'การกระทำ', en: 'Action', kind: 'code', labels: labelsOfPairs(AUDIT_ACTIONS) },
      { key: 'entity', th: 'ประเภทข้อมูล', en: 'Record type', kind: 'code', labels: labelsOfPairs(AUDIT_ENTITIES) },
      { key: 'entityId', th: 'รหัสข้อมูล', en: 'Record id', kind: 'text' },
      { key: 'subject', th: 'ข้อมูล', en: 'Record', kind: 'text', value: (r, lang) => describeSubject(r, lang) },
      { key: 'clientAddress', th: 'ที่อยู่ไอพี', en: 'Address', kind: 'text' },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
};
