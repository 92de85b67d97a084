import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, versionBody } from '#shared/paging';
import { createPartnerBody, partnerListQuery, partnerListResponse, partnerSchema, updatePartnerBody } from '#shared/partners';
import { labelsOf } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import { createPartner, deletePartner, getPartner, listPartners, updatePartner } from './partners.service';

export const partnerRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['partners'];
  app.get(
    '/api/partners',
    {
      schema: {
        tags,
        summary: 'Partner agencies of your scope (Thai word search)',
        querystring: partnerListQuery,
        response: { 200: partnerListResponse },
      },
    },
    (req) => listPartners(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/partners',
    name: 'partners',
    title: { th: 'ภาคีเครือข่าย', en: 'Partners' },
    tags: tags,
    query: partnerListQuery,
    read: (req, query) => listPartners(app.db, req.actor!, query),
    columns: [
      { key: 'name', th: 'ชื่อหน่วยงาน', en: 'Name', kind: 'text' },
      { key: 'kind', th: 'ประเภท', en: 'Kind', kind: 'code', labels: labelsOf('partners.kinds') },
      { key: 'contactPerson', th: 'ผู้ประสานงาน', en: 'Contact', kind: 'text' },
      { key: 'phone', th: 'โทรศัพท์', en: 'Phone', kind: 'text' },
      { key: 'email', th: 'อีเมล', en: 'Email', kind: 'text' },
      { key: 'address', th: 'ที่อยู่', en: 'Address', kind: 'text' },
      { key: 'note', th: 'หมายเหตุ', en: 'Note', kind: 'text' },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.get(
    '/api/partners/:id',
    { schema: { tags, summary: 'One partner agency', params: idParams, response: { 200: partnerSchema } } },
    (req) => getPartner(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/partners',
    {
      schema: {
        tags,
        summary: 'Add a partner agency of the district',
        body: createPartnerBody,
        response: { 201: partnerSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createPartner(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/partners/:id',
    {
      schema: {
        tags,
        summary: 'Change a partner agency',
        params: idParams,
        body: updatePartnerBody,
        response: { 200: partnerSchema },
      },
    },
    (req) => updatePartner(app.db, req.actor!, req.params.id, req.body),
  );
  app.delete(
    '/api/partners/:id',
    {
      schema: {
        tags,
        summary: 'Remove a partner agency (soft delete; services that named it keep the link)',
        params: idParams,
        body: versionBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deletePartner(app.db, req.actor!, req.params.id, req.body.version);
      return reply.code(204).send(null);
    },
  );
};
