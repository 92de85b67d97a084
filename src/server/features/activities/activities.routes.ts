import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  activityBudgetItemSchema,
  activityBudgetItemsQuery,
  activityDetailSchema,
  activityListQuery,
  activityListResponse,
  createActivityBody,
  saveEventSalesBody,
  updateActivityBody,
} from '#shared/activities';
import { idParams, versionBody } from '#shared/paging';
import { labelsOf } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import { createActivity, deleteActivity, getActivity, listActivities, updateActivity } from './activities.service';
import { activityBudgetItems, saveEventSales } from './event-sales.service';

export const activityRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['activities'];
  app.get(
    '/api/activities',
    {
      schema: {
        tags,
        summary: 'Trainings, market events, study visits and strengthening activities of your scope, newest first',
        querystring: activityListQuery,
        response: { 200: activityListResponse },
      },
    },
    (req) => listActivities(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/activities',
    name: 'activities',
    title: { th: 'กิจกรรม', en: 'Activities' },
    tags: tags,
    query: activityListQuery,
    read: (req, query) => listActivities(app.db, req.actor!, query),
    columns: [
      { key: 'title', th: 'ชื่อกิจกรรม', en: 'Title', kind: 'text' },
      { key: 'kind', th: 'ประเภท', en: 'Kind', kind: 'code', labels: labelsOf('activities.kinds') },
      { key: 'marketKind', th: 'ประเภทตลาด', en: 'Market kind', kind: 'code', labels: labelsOf('activities.marketKinds') },
      { key: 'startsOn', th: 'วันที่เริ่ม', en: 'Starts on', kind: 'date' },
      { key: 'endsOn', th: 'วันที่สิ้นสุด', en: 'Ends on', kind: 'date' },
      { key: 'place', th: 'สถานที่', en: 'Place', kind: 'text' },
      { key: 'budgetItem', th: 'รายการงบประมาณ', en: 'Budget item', kind: 'text', value: (r) => r.budgetItem?.name },
      { key: 'budgetUsedSatang', th: 'งบประมาณที่ใช้ (บาท)', en: 'Budget used (baht)', kind: 'money' },
      {
        key: 'attended',
        th: 'ผู้เข้าร่วม (คน)',
        en: 'Attended',
        kind: 'integer',
        value: (r) => r.people.filter((p) => p.attended).length,
      },
      { key: 'groups', th: 'กลุ่ม', en: 'Groups', kind: 'text', value: (r) => r.groups.map((x) => x.name) },
      { key: 'salesTotalSatang', th: 'ยอดขาย (บาท)', en: 'Sales (baht)', kind: 'money' },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.get(
    '/api/activities/budget-items',
    {
      schema: {
        tags,
        summary:
          "Budget activities allocated to a district in a fiscal year, with what its activities used (the form's budget link)",
        querystring: activityBudgetItemsQuery,
        response: { 200: z.array(activityBudgetItemSchema) },
      },
    },
    (req) => activityBudgetItems(app.db, req.actor!, req.query),
  );
  app.get(
    '/api/activities/:id',
    {
      schema: {
        tags,
        summary: "One activity, with a market event's sales per group per day and their totals",
        params: idParams,
        response: { 200: activityDetailSchema },
      },
    },
    (req) => getActivity(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/activities',
    {
      schema: {
        tags,
        summary: 'Record an activity that took place (officers and committee members)',
        body: createActivityBody,
        response: { 201: activityDetailSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createActivity(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/activities/:id',
    {
      schema: {
        tags,
        summary: 'Change an activity, its participants and attendance (a committee member only their own records)',
        params: idParams,
        body: updateActivityBody,
        response: { 200: activityDetailSchema },
      },
    },
    (req) => updateActivity(app.db, req.actor!, req.params.id, req.body),
  );
  app.delete(
    '/api/activities/:id',
    {
      schema: {
        tags,
        summary: 'Remove an activity (soft delete)',
        params: idParams,
        body: versionBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteActivity(app.db, req.actor!, req.params.id, req.body.version);
      return reply.code(204).send(null);
    },
  );
  app.put(
    '/api/activities/:id/sales',
    {
      schema: {
        tags,
        summary: "Replace a market event's sales: one row per group taking part per day of the event",
        params: idParams,
        body: saveEventSalesBody,
        response: { 200: activityDetailSchema },
      },
    },
    (req) => saveEventSales(app.db, req.actor!, req.params.id, req.body),
  );
};
