import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '#shared/paging';
import {
  createProducerBody,
  producerListQuery,
  producerListResponse,
  producerSchema,
  updateProducerBody,
} from '#shared/producers';
import { labelsOf } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import { createProducer, getProducer, listProducers, updateProducer, withOwnerDetails } from './producers.service';

export const producerRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['producers'];
  app.get(
    '/api/producers',
    {
      schema: {
        tags,
        summary: 'OTOP registrations of your scope',
        querystring: producerListQuery,
        response: { 200: producerListResponse },
      },
    },
    (req) => listProducers(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/producers',
    name: 'producers',
    title: { th: 'ผู้ผลิต ผู้ประกอบการ OTOP', en: 'OTOP producers' },
    tags: tags,
    query: producerListQuery,
    // The list's own rows, with what the producers import needs to name each owner again: the file imports back.
    read: async (req, query) => {
      const page = await listProducers(app.db, req.actor!, query);
      return { ...page, items: await withOwnerDetails(app.db, page.items) };
    },
    columns: [
      { key: 'registrationNo', th: 'เลขทะเบียน', en: 'Registration no.', kind: 'text' },
      { key: 'ownerName', th: 'ผู้ผลิต', en: 'Producer', kind: 'text' },
      { key: 'producerType', th: 'ประเภทผู้ผลิต', en: 'Producer type', kind: 'code', labels: labelsOf('producerTypes') },
      { key: 'fiscalYear', th: 'ปีงบประมาณ', en: 'Fiscal year', kind: 'integer' },
      { key: 'registeredOn', th: 'วันที่ลงทะเบียน', en: 'Registered on', kind: 'date' },
      { key: 'status', th: 'สถานะ', en: 'Status', kind: 'code', labels: labelsOf('producerStatuses') },
      { key: 'targetType', th: 'ประเภทเป้าหมาย', en: 'Target type', kind: 'code', labels: labelsOf('targetTypes') },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
      // The columns of the producers import (same headers), so the file can be imported back.
      {
        key: 'district',
        th: 'อำเภอ',
        en: 'District',
        kind: 'text',
        value: (r, lang) => (lang === 'th' ? r.unitNameTh : r.unitNameEn),
      },
      { key: 'ownerKind', th: 'ประเภทเจ้าของ', en: 'Owner type', kind: 'code', labels: labelsOf('producerOwnerKinds') },
      { key: 'groupName', th: 'ชื่อกลุ่ม', en: 'Group name', kind: 'text' },
      { key: 'ownerTitle', th: 'คำนำหน้า', en: 'Title', kind: 'text' },
      { key: 'ownerFirstName', th: 'ชื่อ', en: 'First name', kind: 'text' },
      { key: 'ownerLastName', th: 'นามสกุล', en: 'Last name', kind: 'text' },
      { key: 'ownerSubdistrict', th: 'ตำบล', en: 'Subdistrict', kind: 'text' },
      { key: 'communityLink', th: 'เชื่อมโยงชุมชน', en: 'Linked to the community', kind: 'boolean' },
      { key: 'siteInDistrict', th: 'สถานที่ผลิตในอำเภอ', en: 'Production site in the district', kind: 'boolean' },
      { key: 'thaiNationality', th: 'สัญชาติไทย', en: 'Thai nationality', kind: 'boolean' },
      { key: 'documentsReceived', th: 'เอกสารครบ', en: 'Documents received', kind: 'boolean' },
      { key: 'publicContact', th: 'ช่องทางติดต่อสาธารณะ', en: 'Public contact', kind: 'text' },
    ],
  });
  app.get(
    '/api/producers/:id',
    { schema: { tags, summary: 'One OTOP registration', params: idParams, response: { 200: producerSchema } } },
    (req) => getProducer(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/producers',
    {
      schema: {
        tags,
        summary: 'Register a group or person as an OTOP producer',
        body: createProducerBody,
        response: { 201: producerSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createProducer(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/producers/:id',
    {
      schema: {
        tags,
        summary: 'Change a registration',
        params: idParams,
        body: updateProducerBody,
        response: { 200: producerSchema },
      },
    },
    (req) => updateProducer(app.db, req.actor!, req.params.id, req.body),
  );
};
