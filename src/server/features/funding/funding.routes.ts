import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createFundingBody,
  fundingDecisionBody,
  fundingListQuery,
  fundingListResponse,
  fundingSchema,
  updateFundingBody,
} from '#shared/funding';
import { idParams, versionBody } from '#shared/paging';
import { labelsOf } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import { createFunding, decideFunding, deleteFunding, getFunding, listFunding, updateFunding } from './funding.service';

export const fundingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['funding'];
  app.get(
    '/api/funding',
    {
      schema: {
        tags,
        summary: 'Funding applications of groups in your scope, newest first (by group, status, source)',
        querystring: fundingListQuery,
        response: { 200: fundingListResponse },
      },
    },
    (req) => listFunding(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/funding',
    name: 'funding',
    title: { th: 'แหล่งทุน', en: 'Funding' },
    tags: tags,
    query: fundingListQuery,
    read: (req, query) => listFunding(app.db, req.actor!, query),
    columns: [
      { key: 'group', th: 'กลุ่ม', en: 'Group', kind: 'text', value: (r) => r.group.name },
      { key: 'sourceCode', th: 'แหล่งทุน', en: 'Source', kind: 'code', codeList: 'funding_source' },
      { key: 'purpose', th: 'วัตถุประสงค์', en: 'Purpose', kind: 'text' },
      { key: 'askedSatang', th: 'วงเงินที่ขอ (บาท)', en: 'Asked (baht)', kind: 'money' },
      { key: 'appliedOn', th: 'วันที่ยื่น', en: 'Applied on', kind: 'date' },
      { key: 'status', th: 'สถานะ', en: 'Status', kind: 'code', labels: labelsOf('funding.statuses') },
      { key: 'approvedSatang', th: 'วงเงินที่อนุมัติ (บาท)', en: 'Approved (baht)', kind: 'money' },
      { key: 'decidedOn', th: 'วันที่พิจารณา', en: 'Decided on', kind: 'date' },
      { key: 'receivedOn', th: 'วันที่ได้รับ', en: 'Received on', kind: 'date' },
      { key: 'note', th: 'หมายเหตุ', en: 'Note', kind: 'text' },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.get(
    '/api/funding/:id',
    { schema: { tags, summary: 'One funding application', params: idParams, response: { 200: fundingSchema } } },
    (req) => getFunding(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/funding',
    {
      schema: {
        tags,
        summary: "Record a group's application to a funding source (status applied)",
        body: createFundingBody,
        response: { 201: fundingSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createFunding(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/funding/:id',
    {
      schema: {
        tags,
        summary: 'Change an application (its decision is recorded separately)',
        params: idParams,
        body: updateFundingBody,
        response: { 200: fundingSchema },
      },
    },
    (req) => updateFunding(app.db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/funding/:id/decision',
    {
      schema: {
        tags,
        summary: 'Record the decision: approved, rejected, withdrawn, or back to applied',
        params: idParams,
        body: fundingDecisionBody,
        response: { 200: fundingSchema },
      },
    },
    (req) => decideFunding(app.db, req.actor!, req.params.id, req.body),
  );
  app.delete(
    '/api/funding/:id',
    {
      schema: {
        tags,
        summary: 'Remove an application (soft delete)',
        params: idParams,
        body: versionBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteFunding(app.db, req.actor!, req.params.id, req.body.version);
      return reply.code(204).send(null);
    },
  );
};
