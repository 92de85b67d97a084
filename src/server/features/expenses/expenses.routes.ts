import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  deadlineBody,
  expensePlanDraftBody,
  expensePlanSchema,
  returnBody,
  reviewBody,
  submissionOverview,
} from '#shared/expenses';
import { localUnitCodeSchema } from '#shared/fields';
import { idParams } from '#shared/paging';
import { labelsOf } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import { expensePlanPdf } from './expenses.documents';
import { approvePlan, getPlan, planOf, returnPlan, savePlan, setDeadline, submissions, submitPlan } from './expenses.service';

export const expenseRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['expenses'];
  const unitQuery = z.strictObject({ unit: localUnitCodeSchema });
  app.get(
    '/api/budget/items/:id/expense-plan',
    {
      schema: {
        tags,
        summary: "A district's expense details and action plan for an activity (null if none yet)",
        params: idParams,
        querystring: unitQuery,
        response: { 200: expensePlanSchema.nullable() },
      },
    },
    (req) => planOf(app.db, req.actor!, req.params.id, req.query.unit),
  );
  app.get(
    '/api/budget/items/:id/submissions',
    {
      schema: {
        tags,
        summary: 'Who has sent expense details (late or not) and who has not, for a province',
        params: idParams,
        querystring: unitQuery,
        response: { 200: submissionOverview },
      },
    },
    (req) => submissions(app.db, req.actor!, req.params.id, req.query.unit),
  );
  exportRoutes(app, {
    path: '/api/budget/items/:id/submissions',
    params: idParams,
    name: 'expense-submissions',
    title: { th: 'การส่งรายละเอียดค่าใช้จ่าย', en: 'Expense detail submissions' },
    tags,
    query: unitQuery,
    read: async (req, query, params) => {
      const overview = await submissions(app.db, req.actor!, params.id, query.unit);
      return overview.districts.map((d) => ({ ...d, deadline: overview.deadline }));
    },
    columns: [
      { key: 'name', th: 'อำเภอ', en: 'District', kind: 'text', value: (d, lang) => (lang === 'th' ? d.nameTh : d.nameEn) },
      { key: 'status', th: 'สถานะ', en: 'Status', kind: 'code', labels: labelsOf('expenses.statuses') },
      { key: 'deadline', th: 'กำหนดส่ง', en: 'Deadline', kind: 'date' },
      { key: 'daysLate', th: 'ส่งช้า (วัน)', en: 'Days late', kind: 'integer' },
      { key: 'code', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.put(
    '/api/budget/items/:id/deadline',
    {
      schema: {
        tags,
        summary: 'The province sets the deadline for expense details',
        params: idParams,
        body: deadlineBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await setDeadline(app.db, req.actor!, req.params.id, req.body);
      return reply.code(204).send(null);
    },
  );
  app.put(
    '/api/expense-plans',
    {
      schema: {
        tags,
        summary: 'Save the district draft (lines and action plan)',
        body: expensePlanDraftBody,
        response: { 200: expensePlanSchema },
      },
    },
    (req) => savePlan(app.db, req.actor!, req.body),
  );
  app.get(
    '/api/expense-plans/:id',
    { schema: { tags, summary: 'One expense plan', params: idParams, response: { 200: expensePlanSchema } } },
    (req) => getPlan(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/expense-plans/:id/submit',
    {
      schema: {
        tags,
        summary: 'Send to the province',
        params: idParams,
        body: reviewBody.pick({ version: true }),
        response: { 200: expensePlanSchema },
      },
    },
    (req) => submitPlan(app.db, req.actor!, req.params.id, req.body.version),
  );
  app.post(
    '/api/expense-plans/:id/return',
    {
      schema: {
        tags,
        summary: 'Return to the district with a comment',
        params: idParams,
        body: returnBody,
        response: { 200: expensePlanSchema },
      },
    },
    (req) => returnPlan(app.db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/expense-plans/:id/approve',
    { schema: { tags, summary: 'Approve', params: idParams, body: reviewBody, response: { 200: expensePlanSchema } } },
    (req) => approvePlan(app.db, req.actor!, req.params.id, req.body),
  );
  app.get(
    '/api/expense-plans/:id.pdf',
    {
      schema: {
        tags,
        summary: 'Expense details as PDF with the total in words',
        params: idParams,
        querystring: z.strictObject({ digits: z.enum(['thai', 'arabic']).default('arabic') }),
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const plan = await getPlan(app.db, req.actor!, req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="expense-plan-${plan.orgUnitCode}-${plan.id}.pdf"`)
        .send(await expensePlanPdf(app.db, plan, req.query.digits));
    },
  );
};
