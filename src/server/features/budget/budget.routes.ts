import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  allocationListQuery,
  allocationSchema,
  budgetItemListQuery,
  budgetItemSchema,
  createAllocationBody,
  createBudgetItemBody,
  registerQuery,
  registerResponse,
  reverseAllocationBody,
} from '#shared/budget';
import { issueLetterBody, letterInfoQuery, letterInfoResponse } from '#shared/outgoing-documents';
import { idParams } from '#shared/paging';
import { labelsOf } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import {
  allocate,
  allocationLetter,
  allocationLetterInfo,
  allocationRegister,
  createBudgetItem,
  listAllocations,
  listBudgetItems,
  reverseAllocation,
} from './budget.service';
import { registerPdf, registerXlsx } from './register.documents';

export const budgetRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['budget'];
  app.get(
    '/api/budget/items',
    {
      schema: {
        tags,
        summary: 'The budget structure of a fiscal year',
        querystring: budgetItemListQuery,
        response: { 200: z.array(budgetItemSchema) },
      },
    },
    (req) => listBudgetItems(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/budget/items',
    name: 'budget-items',
    title: { th: 'รายการงบประมาณ', en: 'Budget items' },
    tags: tags,
    query: budgetItemListQuery,
    read: (req, query) => listBudgetItems(app.db, req.actor!, query),
    columns: [
      { key: 'fiscalYear', th: 'ปีงบประมาณ', en: 'Fiscal year', kind: 'integer' },
      { key: 'level', th: 'ระดับ', en: 'Level', kind: 'code', labels: labelsOf('budget.levels') },
      { key: 'name', th: 'รายการ', en: 'Item', kind: 'text' },
      { key: 'objectives', th: 'วัตถุประสงค์', en: 'Objectives', kind: 'text' },
      { key: 'indicators', th: 'ตัวชี้วัด', en: 'Indicators', kind: 'text' },
      { key: 'responsibleUnitCode', th: 'หน่วยงานรับผิดชอบ', en: 'Responsible unit', kind: 'text' },
      { key: 'quarters', th: 'ไตรมาส', en: 'Quarters', kind: 'text' },
      { key: 'budgetSatang', th: 'งบประมาณ (บาท)', en: 'Budget (baht)', kind: 'money' },
      { key: 'receivedSatang', th: 'ได้รับจัดสรร (บาท)', en: 'Received (baht)', kind: 'money' },
      { key: 'notes', th: 'หมายเหตุ', en: 'Notes', kind: 'text' },
    ],
  });
  app.post(
    '/api/budget/items',
    {
      schema: {
        tags,
        summary: 'Add a plan, project or activity (department)',
        body: createBudgetItemBody,
        response: { 201: budgetItemSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createBudgetItem(app.db, req.actor!, req.body)),
  );
  app.get(
    '/api/budget/items/:id/allocations',
    {
      schema: {
        tags,
        summary: 'Allocations a unit made or received for an activity',
        params: idParams,
        querystring: allocationListQuery,
        response: { 200: z.array(allocationSchema) },
      },
    },
    (req) => listAllocations(app.db, req.actor!, req.params.id, req.query),
  );
  exportRoutes(app, {
    path: '/api/budget/items/:id/allocations',
    params: idParams,
    name: 'allocations',
    title: { th: 'การจัดสรรงบประมาณ', en: 'Allocations' },
    tags,
    query: allocationListQuery,
    read: (req, query, params) => listAllocations(app.db, req.actor!, params.id, query),
    columns: [
      { key: 'createdAt', th: 'วันที่บันทึก', en: 'Recorded on', kind: 'datetime' },
      { key: 'fromUnitCode', th: 'หน่วยงานที่จัดสรร', en: 'Allocated by', kind: 'text' },
      {
        key: 'toUnit',
        th: 'จัดสรรให้',
        en: 'Allocated to',
        kind: 'text',
        value: (a, lang) => (lang === 'th' ? a.toUnitNameTh : a.toUnitNameEn),
      },
      { key: 'category', th: 'หมวดรายจ่าย', en: 'Category', kind: 'code', labels: labelsOf('budget.categories') },
      { key: 'quarter', th: 'ไตรมาส', en: 'Quarter', kind: 'integer' },
      { key: 'amountSatang', th: 'จำนวนเงิน (บาท)', en: 'Amount (baht)', kind: 'money' },
      { key: 'note', th: 'หมายเหตุ', en: 'Note', kind: 'text' },
      { key: 'reversesId', th: 'กลับรายการของรายการที่', en: 'Reverses allocation no.', kind: 'integer' },
      { key: 'id', th: 'เลขที่รายการ', en: 'Allocation no.', kind: 'integer' },
      { key: 'toUnitCode', th: 'รหัสหน่วยงานที่ได้รับ', en: 'Allocated to (code)', kind: 'text' },
    ],
  });
  app.post(
    '/api/budget/allocations',
    {
      schema: {
        tags,
        summary: 'Allocate down one level (never above what was received)',
        body: createAllocationBody,
        response: { 201: allocationSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await allocate(app.db, req.actor!, req.body)),
  );
  app.post(
    '/api/budget/allocations/:id/reverse',
    {
      schema: {
        tags,
        summary: 'Reverse an allocation (money records are never deleted)',
        params: idParams,
        body: reverseAllocationBody,
        response: { 201: allocationSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await reverseAllocation(app.db, req.actor!, req.params.id, req.body.note)),
  );
  app.get(
    '/api/budget/items/:id/register',
    {
      schema: {
        tags,
        summary: 'The allocation register of a unit for an activity',
        params: idParams,
        querystring: registerQuery,
        response: { 200: registerResponse },
      },
    },
    (req) => allocationRegister(app.db, req.actor!, req.params.id, req.query.unit),
  );
  app.get(
    '/api/budget/items/:id/register.pdf',
    {
      schema: {
        tags,
        summary: 'The allocation register as PDF (Sarabun; digits=thai for Thai digits)',
        params: idParams,
        querystring: registerQuery.extend({ digits: z.enum(['thai', 'arabic']).default('arabic') }),
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const register = await allocationRegister(app.db, req.actor!, req.params.id, req.query.unit);
      const pdf = await registerPdf(register, req.query.digits);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="register-${register.item.fiscalYear}-${register.unit.code}.pdf"`)
        .send(pdf);
    },
  );
  app.get(
    '/api/budget/items/:id/letter',
    {
      schema: {
        tags,
        summary: 'The allocation letter’s number and date if issued, else the defaults for a new one',
        params: idParams,
        querystring: letterInfoQuery,
        response: { 200: letterInfoResponse },
      },
    },
    (req) => allocationLetterInfo(app.db, req.actor!, req.params.id, req.query.unit),
  );
  app.post(
    '/api/budget/items/:id/letter.pdf',
    {
      schema: {
        tags,
        summary:
          'The allocation letter (external-letter layout, register enclosed); the first call issues its number in the unit’s outgoing-document register, later calls reuse it',
        params: idParams,
        body: issueLetterBody,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const { register, document, pdf } = await allocationLetter(app.db, req.actor!, req.params.id, req.body);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="letter-${register.item.fiscalYear}-${register.unit.code}.pdf"`)
        .header('x-document-number', encodeURIComponent(document.number))
        .send(pdf);
    },
  );
  app.get(
    '/api/budget/items/:id/register.xlsx',
    {
      schema: {
        tags,
        summary: 'The allocation register as XLSX (amounts are numbers)',
        params: idParams,
        querystring: registerQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (req, reply) => {
      const register = await allocationRegister(app.db, req.actor!, req.params.id, req.query.unit);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="register-${register.item.fiscalYear}-${register.unit.code}.xlsx"`)
        .send(await registerXlsx(register));
    },
  );
};
