import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  batchListQuery,
  batchListResponse,
  commitBody,
  commitResponse,
  importBatchDetailSchema,
  importBatchSchema,
  kindParams,
  rollbackBody,
  uploadQuery,
} from '#shared/imports';
import { idParams } from '#shared/paging';
import { AppError } from '../../errors';
import { MAX_IMPORT_BYTES } from '../../imports/read';
import { contentDisposition } from '../attachments/attachments.routes';
import { readUpload } from '../attachments/upload';
import {
  COMMIT_JOB,
  commitBatch,
  dryRun,
  getBatch,
  importTemplateFile,
  listBatches,
  rejectedRowsFile,
  rollbackBatch,
  runCommitJob,
} from './imports.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// The reader's limit, not the attachments' 10 MB: a province's register may be much bigger than a scanned letter.
const IMPORT_LIMIT = {
  bytes: MAX_IMPORT_BYTES,
  tooLarge: () => new AppError('import.too_large', { params: { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 } }),
};

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['imports'];
  const key = () => app.settings.dataKey!;
  app.jobHandlers.set(COMMIT_JOB, (db, job, progress) => runCommitJob(db, key(), job, progress));

  app.get(
    '/api/imports/:kind/template',
    {
      schema: {
        tags,
        summary: 'The XLSX template of an import, with an instructions sheet',
        params: kindParams,
        produces: [XLSX],
      },
    },
    async (req, reply) =>
      reply
        .type(XLSX)
        .header('content-disposition', contentDisposition('attachment', `template-${req.params.kind}.xlsx`))
        .send(await importTemplateFile(req.actor!, req.params.kind)),
  );
  app.post(
    '/api/imports/:kind',
    {
      schema: {
        tags,
        summary: 'Upload a file (multipart field "file") and get the dry run: what each row would do, every problem',
        params: kindParams,
        querystring: uploadQuery,
        consumes: ['multipart/form-data'],
        response: { 201: importBatchDetailSchema },
      },
    },
    async (req, reply) => {
      const upload = await readUpload(req, IMPORT_LIMIT);
      try {
        const file = { bytes: await readFile(upload.path), filename: upload.filename };
        return reply.code(201).send(await dryRun(app.db, key(), req.actor!, req.params.kind, file, req.query));
      } finally {
        await upload.dispose();
      }
    },
  );
  app.get(
    '/api/imports/batches',
    {
      schema: {
        tags,
        summary: 'Import batches of your scope, newest first',
        querystring: batchListQuery,
        response: { 200: batchListResponse },
      },
    },
    (req) => listBatches(app.db, req.actor!, req.query),
  );
  app.get(
    '/api/imports/batches/:id',
    {
      schema: {
        tags,
        summary: 'One import batch with its row-by-row report',
        params: idParams,
        response: { 200: importBatchDetailSchema },
      },
    },
    (req) => getBatch(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/imports/batches/:id/commit',
    {
      schema: {
        tags,
        summary: 'Confirm place suggestions and duplicate choices, and start the commit job',
        params: idParams,
        body: commitBody,
        response: { 202: commitResponse },
      },
    },
    async (req, reply) => reply.code(202).send(await commitBatch(app.db, req.actor!, req.params.id, req.body)),
  );
  app.post(
    '/api/imports/batches/:id/rollback',
    {
      schema: {
        tags,
        summary: 'Undo a committed import (refused when later work depends on it)',
        params: idParams,
        body: rollbackBody,
        response: { 200: importBatchSchema },
      },
    },
    (req) => rollbackBatch(app.db, key(), req.actor!, req.params.id, req.body.version),
  );
  app.get(
    '/api/imports/batches/:id/rejected.xlsx',
    {
      schema: {
        tags,
        summary: 'The rows not imported, with the reason, to fix and upload again',
        params: idParams,
        produces: [XLSX],
        response: { 200: z.any() },
      },
    },
    async (req, reply) => {
      const file = await rejectedRowsFile(app.db, req.actor!, req.params.id);
      return reply.type(XLSX).header('content-disposition', contentDisposition('attachment', file.filename)).send(file.data);
    },
  );
};
