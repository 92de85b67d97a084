import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  documentSettingsResponse,
  letterheadSchema,
  MAX_EMBLEM_KB,
  outgoingDocumentListQuery,
  outgoingDocumentListResponse,
  saveLetterheadBody,
  unitCodeParams,
} from '#shared/outgoing-documents';
import { requirePermission } from '../../access';
import { exportRoutes } from '../../exports/route';
import { readUpload } from '../attachments/upload';
import { emblemImage, emblemStatus, saveEmblem } from './emblem.service';
import { getLetterhead, listOutgoingDocuments, saveLetterhead } from './outgoing-documents.service';

export const outgoingDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['documents'];
  app.get(
    '/api/outgoing-documents',
    {
      schema: {
        tags,
        summary: 'The outgoing-document register of an office (ทะเบียนหนังสือส่ง), newest first',
        querystring: outgoingDocumentListQuery,
        response: { 200: outgoingDocumentListResponse },
      },
    },
    (req) => listOutgoingDocuments(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/outgoing-documents',
    name: 'outgoing-documents',
    title: { th: 'ทะเบียนหนังสือส่ง', en: 'Outgoing documents' },
    tags,
    query: outgoingDocumentListQuery,
    read: (req, query) => listOutgoingDocuments(app.db, req.actor!, query),
    columns: [
      { key: 'number', th: 'เลขที่', en: 'Number', kind: 'text' },
      { key: 'documentDate', th: 'ลงวันที่', en: 'Date', kind: 'date' },
      { key: 'subject', th: 'เรื่อง', en: 'Subject', kind: 'text' },
      { key: 'addressee', th: 'เรียน', en: 'To', kind: 'text' },
      { key: 'issuedByName', th: 'ผู้ออกเลข', en: 'Issued by', kind: 'text' },
      { key: 'fiscalYear', th: 'ปีงบประมาณ', en: 'Fiscal year', kind: 'integer' },
      { key: 'runningNumber', th: 'ลำดับที่', en: 'Running number', kind: 'integer' },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.get(
    '/api/offices/:code/letterhead',
    {
      schema: {
        tags,
        summary: 'An office’s document number prefix, phone and e-mail',
        params: unitCodeParams,
        response: { 200: letterheadSchema },
      },
    },
    (req) => getLetterhead(app.db, req.actor!, req.params.code),
  );
  app.put(
    '/api/offices/:code/letterhead',
    {
      schema: {
        tags,
        summary: 'Set an office’s document number prefix, phone and e-mail (its own officers or the department)',
        params: unitCodeParams,
        body: saveLetterheadBody,
        response: { 200: letterheadSchema },
      },
    },
    (req) => saveLetterhead(app.db, req.actor!, req.params.code, req.body),
  );
  app.get(
    '/api/settings/documents',
    {
      schema: {
        tags,
        summary: 'Document settings of the department: whether the emblem is uploaded, and when',
        response: { 200: documentSettingsResponse },
      },
    },
    (req) => emblemStatus(app.db, req.actor!),
  );
  app.get(
    '/api/settings/emblem',
    { schema: { tags, summary: 'The Garuda emblem printed on letters', produces: ['image/png', 'image/jpeg'] } },
    async (req, reply) => {
      const image = await emblemImage(app.db, req.actor!);
      return reply.type(image.mime).header('cache-control', 'private, no-cache').send(image.data);
    },
  );
  app.put(
    '/api/settings/emblem',
    {
      schema: {
        tags,
        summary: `Upload the Garuda emblem (PNG or JPEG, at most ${MAX_EMBLEM_KB} KB) as multipart field "file" (department)`,
        consumes: ['multipart/form-data'],
        response: { 200: z.object({ mime: z.string(), width: z.number(), height: z.number() }) },
      },
    },
    async (req) => {
      // Refused before the upload is read.
      requirePermission(req.actor!, 'documents.emblem');
      const upload = await readUpload(req);
      try {
        return await saveEmblem(app.db, req.actor!, await readFile(upload.path));
      } finally {
        await upload.dispose();
      }
    },
  );
};
