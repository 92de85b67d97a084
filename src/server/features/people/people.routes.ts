import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '#shared/paging';
import {
  createPersonBody,
  erasePersonBody,
  eraseResultSchema,
  historyEntrySchema,
  mergePeopleBody,
  personalDataSchema,
  personDetailSchema,
  personListQuery,
  personListResponse,
  personSchema,
  retentionBody,
  retentionListSchema,
  retentionParams,
  updatePersonBody,
} from '#shared/people';
import { labelsOf } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import { erasePerson, listRetention, personalData, personalDataPdf, personHistory, setRetention } from './pdpa.service';
import { createPerson, getPerson, listPeople, mergePeople, revealCitizenId, updatePerson } from './people.service';

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['people'];
  const key = () => app.settings.dataKey!;
  app.get(
    '/api/people',
    {
      schema: {
        tags,
        summary: 'People of your scope (citizen IDs masked)',
        querystring: personListQuery,
        response: { 200: personListResponse },
      },
    },
    (req) => listPeople(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/people',
    name: 'people',
    title: { th: 'บุคคล', en: 'People' },
    tags: tags,
    query: personListQuery,
    read: (req, query) => listPeople(app.db, req.actor!, query),
    columns: [
      { key: 'title', th: 'คำนำหน้า', en: 'Title', kind: 'text' },
      { key: 'firstName', th: 'ชื่อ', en: 'First name', kind: 'text' },
      { key: 'lastName', th: 'นามสกุล', en: 'Last name', kind: 'text' },
      { key: 'citizenIdMasked', th: 'เลขประจำตัวประชาชน', en: 'Citizen ID', kind: 'text' },
      { key: 'phone', th: 'โทรศัพท์', en: 'Phone', kind: 'text' },
      { key: 'houseNo', th: 'บ้านเลขที่', en: 'House no.', kind: 'text' },
      { key: 'villageNo', th: 'หมู่ที่', en: 'Village no.', kind: 'integer' },
      { key: 'subdistrict', th: 'ตำบล', en: 'Subdistrict', kind: 'text' },
      { key: 'roles', th: 'บทบาท', en: 'Roles', kind: 'code', labels: labelsOf('personRoles') },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.get(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: 'One person, with the wisdom they hold, their groups and OTOP registrations',
        params: idParams,
        response: { 200: personDetailSchema },
      },
    },
    (req) => getPerson(app.db, req.actor!, req.params.id),
  );
  app.get(
    '/api/people/:id/citizen-id',
    {
      schema: {
        tags,
        summary: 'The full citizen ID (district officers only; the read is logged)',
        params: idParams,
        response: { 200: z.object({ citizenId: z.string().nullable() }) },
      },
    },
    async (req) => ({ citizenId: await revealCitizenId(app.db, key(), req.actor!, req.params.id) }),
  );
  app.post(
    '/api/people',
    {
      schema: {
        tags,
        summary: 'Record a person (warns of likely duplicates)',
        body: createPersonBody,
        response: { 201: personSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createPerson(app.db, key(), req.actor!, req.body)),
  );
  app.patch(
    '/api/people/:id',
    { schema: { tags, summary: 'Change a person', params: idParams, body: updatePersonBody, response: { 200: personSchema } } },
    (req) => updatePerson(app.db, key(), req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/people/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge this duplicate into the kept person, moving every link',
        params: idParams,
        body: mergePeopleBody,
        response: { 200: personSchema },
      },
    },
    (req) => mergePeople(app.db, req.actor!, req.params.id, req.body.keepId),
  );

  // PDPA: subject access, rectification history, erasure, retention (docs/pdpa.md).
  const pdpa = ['people', 'pdpa'];
  app.get(
    '/api/people/:id/personal-data',
    {
      schema: {
        tags: pdpa,
        summary: 'Everything held about a person, with the full citizen ID and phone (subject access; logged)',
        params: idParams,
        response: { 200: personalDataSchema },
      },
    },
    (req) => personalData(app.db, key(), req.actor!, req.params.id),
  );
  app.get(
    '/api/people/:id/personal-data.pdf',
    {
      schema: {
        tags: pdpa,
        summary: 'The subject-access export as a PDF for the person (logged)',
        params: idParams,
        produces: ['application/pdf'],
        response: { 200: z.any() },
      },
    },
    async (req, reply) => {
      const pdf = await personalDataPdf(await personalData(app.db, key(), req.actor!, req.params.id));
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="personal-data-${req.params.id}.pdf"`)
        .send(pdf);
    },
  );
  app.get(
    '/api/people/:id/history',
    {
      schema: {
        tags: pdpa,
        summary: "Every recorded change of a person's data (rectification history, from the audit log)",
        params: idParams,
        response: { 200: z.array(historyEntrySchema) },
      },
    },
    (req) => personHistory(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/people/:id/erase',
    {
      schema: {
        tags: pdpa,
        summary: "Erase a person's personal data (anonymised; also removed unless a record with legal retention needs it)",
        params: idParams,
        body: erasePersonBody,
        response: { 200: eraseResultSchema },
      },
    },
    (req) => erasePerson(app.db, req.actor!, req.params.id, req.body.version),
  );
  app.get(
    '/api/pdpa/retention',
    { schema: { tags: pdpa, summary: 'How long each type of record is kept', response: { 200: retentionListSchema } } },
    (req) => listRetention(app.db, req.actor!),
  );
  app.put(
    '/api/pdpa/retention/:recordType',
    {
      schema: {
        tags: pdpa,
        summary: 'Change how long a type of record is kept (national admin)',
        params: retentionParams,
        body: retentionBody,
        response: { 200: retentionListSchema },
      },
    },
    (req) => setRetention(app.db, req.actor!, req.params.recordType, req.body.retainYears),
  );
};
