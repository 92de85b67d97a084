import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  committeeDetailSchema,
  committeeListQuery,
  committeeListResponse,
  createCommitteeBody,
  createExceptionBody,
  exceptionListQuery,
  exceptionListResponse,
  exceptionSchema,
  updateCommitteeBody,
} from '#shared/committees';
import { idParams, versionBody } from '#shared/paging';
import { exportRoutes } from '../../exports/route';
import {
  appointingOrder,
  createCommittee,
  deleteCommittee,
  getCommittee,
  listCommittees,
  updateCommittee,
} from './committees.service';
import { createException, listExceptions, revokeException } from './exceptions.service';

export const committeeRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['committees'];
  app.get(
    '/api/committees',
    {
      schema: {
        tags,
        summary: "Committee terms of your scope with each term's composition check",
        querystring: committeeListQuery,
        response: { 200: committeeListResponse },
      },
    },
    (req) => listCommittees(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/committees',
    name: 'committees',
    title: { th: 'คณะกรรมการศูนย์', en: 'Center committees' },
    tags: tags,
    query: committeeListQuery,
    read: (req, query) => listCommittees(app.db, req.actor!, query),
    columns: [
      { key: 'orderNumber', th: 'เลขที่คำสั่ง', en: 'Order no.', kind: 'text' },
      { key: 'orderDate', th: 'วันที่สั่ง', en: 'Order date', kind: 'date' },
      { key: 'signedBy', th: 'ผู้ลงนาม', en: 'Signed by', kind: 'text' },
      { key: 'termStart', th: 'วันเริ่มวาระ', en: 'Term start', kind: 'date' },
      { key: 'termEnd', th: 'วันสิ้นวาระ', en: 'Term end', kind: 'date' },
      { key: 'memberCount', th: 'จำนวนกรรมการ', en: 'Members', kind: 'integer' },
      { key: 'note', th: 'หมายเหตุ', en: 'Note', kind: 'text' },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.get(
    '/api/committees/:id',
    {
      schema: {
        tags,
        summary: 'One committee term with its members and composition check',
        params: idParams,
        response: { 200: committeeDetailSchema },
      },
    },
    (req) => getCommittee(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/committees',
    {
      schema: {
        tags,
        summary: 'Record a committee term appointed by a district order (saved even when its composition warns)',
        body: createCommitteeBody,
        response: { 201: committeeDetailSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createCommittee(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/committees/:id',
    {
      schema: {
        tags,
        summary: 'Change a term; members keep their id (new ones have none, missing ones are removed)',
        params: idParams,
        body: updateCommitteeBody,
        response: { 200: committeeDetailSchema },
      },
    },
    (req) => updateCommittee(app.db, req.actor!, req.params.id, req.body),
  );
  app.delete(
    '/api/committees/:id',
    {
      schema: {
        tags,
        summary: 'Delete a term (soft delete; refused while it has meetings)',
        params: idParams,
        body: versionBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteCommittee(app.db, req.actor!, req.params.id, req.body.version);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/committees/:id/order.pdf',
    {
      schema: { tags, summary: 'The appointing order (คำสั่งอำเภอ) as PDF', params: idParams, produces: ['application/pdf'] },
    },
    async (req, reply) => {
      const { term, pdf } = await appointingOrder(app.db, req.actor!, req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="committee-order-${term.id}.pdf"`)
        .send(pdf);
    },
  );
  app.get(
    '/api/committee-exceptions',
    {
      schema: {
        tags,
        summary: 'Legacy-mechanism exceptions in force in your scope',
        querystring: exceptionListQuery,
        response: { 200: exceptionListResponse },
      },
    },
    (req) => listExceptions(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/committee-exceptions',
    name: 'committee-exceptions',
    title: { th: 'การยกเว้นองค์ประกอบคณะกรรมการ', en: 'Committee exceptions' },
    tags: tags,
    query: exceptionListQuery,
    read: (req, query) => listExceptions(app.db, req.actor!, query),
    columns: [
      { key: 'unitName', th: 'หน่วยงาน', en: 'Unit', kind: 'text' },
      { key: 'letterNumber', th: 'เลขที่หนังสือ', en: 'Letter no.', kind: 'text' },
      { key: 'letterDate', th: 'วันที่หนังสือ', en: 'Letter date', kind: 'date' },
      { key: 'reason', th: 'เหตุผล', en: 'Reason', kind: 'text' },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.post(
    '/api/committee-exceptions',
    {
      schema: {
        tags,
        summary: "Record the department's approval for a district to keep its older mechanism (composition not checked)",
        body: createExceptionBody,
        response: { 201: exceptionSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createException(app.db, req.actor!, req.body)),
  );
  app.delete(
    '/api/committee-exceptions/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an exception (soft delete): the composition is checked again',
        params: idParams,
        body: versionBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await revokeException(app.db, req.actor!, req.params.id, req.body.version);
      return reply.code(204).send(null);
    },
  );
};
