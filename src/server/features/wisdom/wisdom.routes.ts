import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, versionBody } from '#shared/paging';
import {
  attachmentSchema,
  createWisdomBody,
  updateWisdomBody,
  wisdomListQuery,
  wisdomListResponse,
  wisdomSchema,
} from '#shared/wisdom';
import { labelsOf } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import { readUpload } from '../attachments/upload';
import { addWisdomAttachment, createWisdom, deleteWisdom, getWisdom, listWisdom, updateWisdom } from './wisdom.service';

export const wisdomRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['wisdom'];
  app.get(
    '/api/wisdom',
    {
      schema: {
        tags,
        summary: 'The local-wisdom repository of your scope (Thai word search)',
        querystring: wisdomListQuery,
        response: { 200: wisdomListResponse },
      },
    },
    (req) => listWisdom(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/wisdom',
    name: 'wisdom',
    title: { th: 'ภูมิปัญญาท้องถิ่น', en: 'Local wisdom' },
    tags: tags,
    query: wisdomListQuery,
    read: (req, query) => listWisdom(app.db, req.actor!, query),
    columns: [
      { key: 'title', th: 'ชื่อภูมิปัญญา', en: 'Title', kind: 'text' },
      { key: 'branchCode', th: 'สาขา', en: 'Branch', kind: 'code', codeList: 'wisdom_branch' },
      { key: 'subdistrict', th: 'ตำบล', en: 'Subdistrict', kind: 'text' },
      { key: 'villageNo', th: 'หมู่ที่', en: 'Village no.', kind: 'integer' },
      { key: 'productPotential', th: 'ศักยภาพผลิตภัณฑ์', en: 'Product potential', kind: 'text' },
      { key: 'status', th: 'สถานะ', en: 'Status', kind: 'code', labels: labelsOf('wisdomStatuses') },
      { key: 'accessLevel', th: 'การเข้าถึง', en: 'Access', kind: 'code', labels: labelsOf('accessLevels') },
      { key: 'consentDate', th: 'วันที่ให้ความยินยอม', en: 'Consent date', kind: 'date' },
      { key: 'surveyedOn', th: 'วันที่สำรวจ', en: 'Surveyed on', kind: 'date' },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.get(
    '/api/wisdom/:id',
    {
      schema: {
        tags,
        summary: 'One wisdom item with holders and attachments',
        params: idParams,
        response: { 200: wisdomSchema },
      },
    },
    (req) => getWisdom(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/wisdom',
    { schema: { tags, summary: 'Record a surveyed wisdom item', body: createWisdomBody, response: { 201: wisdomSchema } } },
    async (req, reply) => reply.code(201).send(await createWisdom(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/wisdom/:id',
    {
      schema: {
        tags,
        summary: 'Change a wisdom item',
        params: idParams,
        body: updateWisdomBody,
        response: { 200: wisdomSchema },
      },
    },
    (req) => updateWisdom(app.db, req.actor!, req.params.id, req.body),
  );
  app.delete(
    '/api/wisdom/:id',
    {
      schema: {
        tags,
        summary: 'Remove a wisdom item (soft delete)',
        params: idParams,
        body: versionBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteWisdom(app.db, req.actor!, req.params.id, req.body.version);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/wisdom/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Upload a photo (JPEG, PNG, WebP) or PDF, as multipart field "file"',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: attachmentSchema },
      },
    },
    async (req, reply) => {
      const upload = await readUpload(req);
      try {
        return reply.code(201).send(await addWisdomAttachment(app.db, req.actor!, req.params.id, upload));
      } finally {
        await upload.dispose();
      }
    },
  );
};
