import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createLessonBody, lessonListQuery, lessonListResponse, lessonSchema, updateLessonBody } from '#shared/lessons';
import { idParams, versionBody } from '#shared/paging';
import { exportRoutes } from '../../exports/route';
import { createLesson, deleteLesson, getLesson, listLessons, updateLesson } from './lessons.service';

export const lessonRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['lessons'];
  app.get(
    '/api/lessons',
    {
      schema: {
        tags,
        summary: 'Lessons learned in your scope, by fiscal year and quarter, with the plans that answer them',
        querystring: lessonListQuery,
        response: { 200: lessonListResponse },
      },
    },
    (req) => listLessons(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/lessons',
    name: 'lessons',
    title: { th: 'บทเรียน', en: 'Lessons' },
    tags: tags,
    query: lessonListQuery,
    read: (req, query) => listLessons(app.db, req.actor!, query),
    columns: [
      { key: 'fiscalYear', th: 'ปีงบประมาณ', en: 'Fiscal year', kind: 'integer' },
      { key: 'quarter', th: 'ไตรมาส', en: 'Quarter', kind: 'integer' },
      { key: 'plan', th: 'แผน', en: 'Plan', kind: 'text', value: (r) => r.plan?.title },
      { key: 'whatWorked', th: 'สิ่งที่ได้ผล', en: 'What worked', kind: 'text' },
      { key: 'problems', th: 'ปัญหา', en: 'Problems', kind: 'text' },
      { key: 'changes', th: 'สิ่งที่จะปรับ', en: 'Changes', kind: 'text' },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.get(
    '/api/lessons/:id',
    { schema: { tags, summary: 'One lesson', params: idParams, response: { 200: lessonSchema } } },
    (req) => getLesson(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/lessons',
    {
      schema: {
        tags,
        summary: 'Record lessons learned for a fiscal year or quarter that has started',
        body: createLessonBody,
        response: { 201: lessonSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createLesson(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/lessons/:id',
    {
      schema: {
        tags,
        summary: 'Change lessons learned',
        params: idParams,
        body: updateLessonBody,
        response: { 200: lessonSchema },
      },
    },
    (req) => updateLesson(app.db, req.actor!, req.params.id, req.body),
  );
  app.delete(
    '/api/lessons/:id',
    {
      schema: {
        tags,
        summary: 'Remove lessons learned (soft delete)',
        params: idParams,
        body: versionBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteLesson(app.db, req.actor!, req.params.id, req.body.version);
      return reply.code(204).send(null);
    },
  );
};
