import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  certificationListQuery,
  certificationListResponse,
  certificationSchema,
  createCertificationBody,
  EXPIRING_DAYS,
  updateCertificationBody,
} from '#shared/certifications';
import { idParams } from '#shared/paging';
import { labelsOf } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import { createCertification, getCertification, listCertifications, updateCertification } from './certifications.service';

export const certificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['certifications'];
  app.get(
    '/api/certifications',
    {
      schema: {
        tags,
        summary: `Certificates of your scope; status=expiring lists those expiring within ${EXPIRING_DAYS} days`,
        querystring: certificationListQuery,
        response: { 200: certificationListResponse },
      },
    },
    (req) => listCertifications(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/certifications',
    name: 'certifications',
    title: { th: 'มาตรฐานผลิตภัณฑ์', en: 'Certifications' },
    tags: tags,
    query: certificationListQuery,
    read: (req, query) => listCertifications(app.db, req.actor!, query),
    columns: [
      { key: 'subject', th: 'ผลิตภัณฑ์/ผู้ผลิต', en: 'Subject', kind: 'text' },
      { key: 'standardCode', th: 'มาตรฐาน', en: 'Standard', kind: 'code', codeList: 'standard' },
      { key: 'certificateNo', th: 'เลขที่ใบรับรอง', en: 'Certificate no.', kind: 'text' },
      { key: 'issuer', th: 'ผู้ออกใบรับรอง', en: 'Issuer', kind: 'text' },
      { key: 'issuedOn', th: 'วันที่ออก', en: 'Issued on', kind: 'date' },
      { key: 'expiresOn', th: 'วันหมดอายุ', en: 'Expires on', kind: 'date' },
      { key: 'status', th: 'สถานะ', en: 'Status', kind: 'code', labels: labelsOf('certStatuses') },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.get(
    '/api/certifications/:id',
    { schema: { tags, summary: 'One certificate', params: idParams, response: { 200: certificationSchema } } },
    (req) => getCertification(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/certifications',
    {
      schema: {
        tags,
        summary: 'Record a certificate of a product or producer',
        body: createCertificationBody,
        response: { 201: certificationSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createCertification(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/certifications/:id',
    {
      schema: {
        tags,
        summary: 'Change a certificate',
        params: idParams,
        body: updateCertificationBody,
        response: { 200: certificationSchema },
      },
    },
    (req) => updateCertification(app.db, req.actor!, req.params.id, req.body),
  );
};
