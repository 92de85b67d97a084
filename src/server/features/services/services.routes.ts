import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, versionBody } from '#shared/paging';
import {
  createServiceBody,
  createTripBody,
  serviceListQuery,
  serviceListResponse,
  serviceSchema,
  tripListQuery,
  tripListResponse,
  tripSchema,
  updateServiceBody,
  updateTripBody,
} from '#shared/services';
import { labelsOf } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import { createService, deleteService, getService, listServices, updateService } from './services.service';
import { createTrip, getTrip, listTrips, updateTrip } from './trips.service';

export const serviceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['services'];
  app.get(
    '/api/services',
    {
      schema: {
        tags,
        summary: 'Services given in your scope, newest first (by month, mode, type, staff, client, trip)',
        querystring: serviceListQuery,
        response: { 200: serviceListResponse },
      },
    },
    (req) => listServices(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/services',
    name: 'services',
    title: { th: 'การให้บริการ', en: 'Services' },
    tags: tags,
    query: serviceListQuery,
    read: (req, query) => listServices(app.db, req.actor!, query),
    columns: [
      { key: 'serviceDate', th: 'วันที่ให้บริการ', en: 'Date', kind: 'date' },
      { key: 'mode', th: 'รูปแบบ', en: 'Mode', kind: 'code', labels: labelsOf('services.modes') },
      { key: 'outreachKind', th: 'ประเภทเชิงรุก', en: 'Outreach kind', kind: 'code', labels: labelsOf('services.outreachKinds') },
      { key: 'people', th: 'ผู้รับบริการ', en: 'People', kind: 'text', value: (r) => r.people.map((x) => x.name) },
      { key: 'groups', th: 'กลุ่ม', en: 'Groups', kind: 'text', value: (r) => r.groups.map((x) => x.name) },
      { key: 'typeCodes', th: 'ประเภทบริการ', en: 'Service types', kind: 'code', codeList: 'service_type' },
      { key: 'description', th: 'รายละเอียด', en: 'Description', kind: 'text' },
      { key: 'staff', th: 'เจ้าหน้าที่', en: 'Staff', kind: 'text', value: (r) => r.staff.map((x) => x.name) },
      { key: 'partners', th: 'ภาคีเครือข่าย', en: 'Partners', kind: 'text', value: (r) => r.partners.map((x) => x.name) },
      { key: 'durationMinutes', th: 'ระยะเวลา (นาที)', en: 'Minutes', kind: 'integer' },
      { key: 'outcome', th: 'ผลการให้บริการ', en: 'Outcome', kind: 'text' },
      { key: 'followUpOn', th: 'วันที่ติดตามผล', en: 'Follow-up on', kind: 'date' },
      { key: 'followUpStatus', th: 'การติดตามผล', en: 'Follow-up', kind: 'code', labels: labelsOf('services.followUpStatuses') },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.get(
    '/api/services/:id',
    { schema: { tags, summary: 'One service', params: idParams, response: { 200: serviceSchema } } },
    (req) => getService(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/services',
    {
      schema: {
        tags,
        summary: 'Record a service (a committee member records only services they gave)',
        body: createServiceBody,
        response: { 201: serviceSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createService(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/services/:id',
    {
      schema: {
        tags,
        summary: 'Change a service (a committee member only their own records)',
        params: idParams,
        body: updateServiceBody,
        response: { 200: serviceSchema },
      },
    },
    (req) => updateService(app.db, req.actor!, req.params.id, req.body),
  );
  app.delete(
    '/api/services/:id',
    {
      schema: {
        tags,
        summary: 'Remove a service (soft delete)',
        params: idParams,
        body: versionBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteService(app.db, req.actor!, req.params.id, req.body.version);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/outreach-trips',
    {
      schema: {
        tags,
        summary: 'Mobile outreach trips of your scope, newest first',
        querystring: tripListQuery,
        response: { 200: tripListResponse },
      },
    },
    (req) => listTrips(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/outreach-trips',
    name: 'outreach-trips',
    title: { th: 'การออกหน่วยเชิงรุก', en: 'Outreach trips' },
    tags: tags,
    query: tripListQuery,
    read: (req, query) => listTrips(app.db, req.actor!, query),
    columns: [
      { key: 'tripDate', th: 'วันที่ออกหน่วย', en: 'Date', kind: 'date' },
      { key: 'places', th: 'พื้นที่', en: 'Places', kind: 'text' },
      { key: 'staff', th: 'เจ้าหน้าที่', en: 'Staff', kind: 'text', value: (r) => r.staff.map((x) => x.name) },
      { key: 'serviceCount', th: 'จำนวนบริการ', en: 'Services', kind: 'integer' },
      { key: 'note', th: 'หมายเหตุ', en: 'Note', kind: 'text' },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.get(
    '/api/outreach-trips/:id',
    { schema: { tags, summary: 'One outreach trip', params: idParams, response: { 200: tripSchema } } },
    (req) => getTrip(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/outreach-trips',
    { schema: { tags, summary: 'Record an outreach trip', body: createTripBody, response: { 201: tripSchema } } },
    async (req, reply) => reply.code(201).send(await createTrip(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/outreach-trips/:id',
    {
      schema: { tags, summary: 'Change an outreach trip', params: idParams, body: updateTripBody, response: { 200: tripSchema } },
    },
    (req) => updateTrip(app.db, req.actor!, req.params.id, req.body),
  );
};
