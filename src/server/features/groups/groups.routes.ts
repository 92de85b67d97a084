import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  changeStageBody,
  createGroupBody,
  groupDetailSchema,
  groupListQuery,
  groupListResponse,
  updateGroupBody,
} from '#shared/groups';
import { idParams } from '#shared/paging';
import { labelsOf } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import { changeStage, createGroup, getGroup, listGroups, updateGroup } from './groups.service';

export const groupRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['groups'];
  app.get(
    '/api/groups',
    {
      schema: {
        tags,
        summary: 'Occupational groups of your scope; filter by pipeline stage',
        querystring: groupListQuery,
        response: { 200: groupListResponse },
      },
    },
    (req) => listGroups(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/groups',
    name: 'groups',
    title: { th: 'กลุ่มอาชีพ', en: 'Occupational groups' },
    tags: tags,
    query: groupListQuery,
    read: (req, query) => listGroups(app.db, req.actor!, query),
    columns: [
      { key: 'name', th: 'ชื่อกลุ่ม', en: 'Group', kind: 'text' },
      { key: 'foundedOn', th: 'วันที่ก่อตั้ง', en: 'Founded on', kind: 'date' },
      { key: 'targetType', th: 'ประเภทเป้าหมาย', en: 'Target type', kind: 'code', labels: labelsOf('targetTypes') },
      { key: 'stage', th: 'ขั้นการพัฒนา', en: 'Stage', kind: 'code', labels: labelsOf('stages') },
      { key: 'grownAs', th: 'เติบโตเป็น', en: 'Grown as', kind: 'code', labels: labelsOf('grownAs') },
      { key: 'memberCount', th: 'จำนวนสมาชิก', en: 'Members', kind: 'integer' },
      { key: 'unitNameTh', th: 'หน่วยงาน', en: 'Unit', kind: 'text', value: (r) => r.unitNameTh },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.get(
    '/api/groups/:id',
    { schema: { tags, summary: 'Everything about one group', params: idParams, response: { 200: groupDetailSchema } } },
    (req) => getGroup(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/groups',
    {
      schema: {
        tags,
        summary: 'Form a group from wisdom items and members',
        body: createGroupBody,
        response: { 201: groupDetailSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createGroup(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/groups/:id',
    {
      schema: { tags, summary: 'Change a group', params: idParams, body: updateGroupBody, response: { 200: groupDetailSchema } },
    },
    (req) => updateGroup(app.db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/groups/:id/stage',
    {
      schema: {
        tags,
        summary: 'Set the pipeline stage with a reason',
        params: idParams,
        body: changeStageBody,
        response: { 200: groupDetailSchema },
      },
    },
    (req) => changeStage(app.db, req.actor!, req.params.id, req.body),
  );
};
