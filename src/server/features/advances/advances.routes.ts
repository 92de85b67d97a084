import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  advanceListQuery,
  advanceListResponse,
  advanceRuleSchema,
  advanceSchema,
  createAdvanceBody,
  repaymentBody,
} from '#shared/advances';
import { approveBody, rejectBody } from '#shared/delegations';
import { localUnitCodeSchema } from '#shared/fields';
import { idParams } from '#shared/paging';
import { labelsOf } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import {
  approveAdvance,
  contractOf,
  createAdvance,
  getAdvance,
  listAdvanceRules,
  listAdvances,
  listBorrowers,
  rejectAdvance,
  repayAdvance,
} from './advances.service';
import { advanceContractPdf } from './contract.documents';

export const advanceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['advances'];
  app.get(
    '/api/advances',
    {
      schema: {
        tags,
        summary: 'Cash advances of your scope (status=overdue for the overdue list)',
        querystring: advanceListQuery,
        response: { 200: advanceListResponse },
      },
    },
    (req) => listAdvances(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/advances',
    name: 'advances',
    title: { th: 'ทะเบียนเงินยืม', en: 'Cash advances' },
    tags: tags,
    query: advanceListQuery,
    read: (req, query) => listAdvances(app.db, req.actor!, query),
    columns: [
      { key: 'contractNo', th: 'เลขที่สัญญา', en: 'Contract no.', kind: 'text' },
      { key: 'borrowerName', th: 'ผู้ยืม', en: 'Borrower', kind: 'text' },
      { key: 'borrowerPosition', th: 'ตำแหน่ง', en: 'Position', kind: 'text' },
      { key: 'itemName', th: 'รายการงบประมาณ', en: 'Budget item', kind: 'text' },
      { key: 'purpose', th: 'วัตถุประสงค์', en: 'Purpose', kind: 'text' },
      { key: 'amountSatang', th: 'จำนวนเงินยืม (บาท)', en: 'Amount (baht)', kind: 'money' },
      { key: 'repaidSatang', th: 'ส่งใช้แล้ว (บาท)', en: 'Repaid (baht)', kind: 'money' },
      { key: 'balanceSatang', th: 'คงค้าง (บาท)', en: 'Balance (baht)', kind: 'money' },
      { key: 'receivedOn', th: 'วันที่รับเงิน', en: 'Received on', kind: 'date' },
      { key: 'dueOn', th: 'กำหนดส่งใช้', en: 'Due on', kind: 'date' },
      { key: 'status', th: 'สถานะ', en: 'Status', kind: 'code', labels: labelsOf('advances.statuses') },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.get(
    '/api/advances/rules',
    { schema: { tags, summary: 'Repayment rules (days and from when)', response: { 200: z.array(advanceRuleSchema) } } },
    (req) => listAdvanceRules(app.db, req.actor!),
  );
  app.get(
    '/api/advances/borrowers',
    {
      schema: {
        tags,
        summary: 'Officials of the unit who may borrow its cash (not committee members or viewers)',
        querystring: z.strictObject({ unit: localUnitCodeSchema }),
        response: {
          200: z.array(z.object({ id: z.number(), displayName: z.string(), position: z.string(), role: z.string() })),
        },
      },
    },
    (req) => listBorrowers(app.db, req.actor!, req.query.unit),
  );
  app.get(
    '/api/advances/:id',
    { schema: { tags, summary: 'One cash advance with its repayments', params: idParams, response: { 200: advanceSchema } } },
    (req) => getAdvance(app.db, req.actor!, req.params.id),
  );
  app.get(
    '/api/advances/:id/contract.pdf',
    {
      schema: {
        tags,
        summary: 'The advance contract (สัญญาการยืมเงิน) as PDF',
        params: idParams,
        querystring: z.strictObject({ digits: z.enum(['thai', 'arabic']).default('arabic') }),
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const contract = await contractOf(app.db, req.actor!, req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="advance-${contract.id}.pdf"`)
        .send(await advanceContractPdf(contract, req.query.digits));
    },
  );
  app.post(
    '/api/advances',
    {
      schema: {
        tags,
        summary: 'Ask for a cash advance on an activity (waits for approval; no second one while one is outstanding)',
        body: createAdvanceBody,
        response: { 201: advanceSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createAdvance(app.db, req.actor!, req.body)),
  );
  app.post(
    '/api/advances/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve an advance under a delegation order in force (never your own request or loan)',
        params: idParams,
        body: approveBody,
        response: { 200: advanceSchema },
      },
    },
    (req) => approveAdvance(app.db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/advances/:id/reject',
    {
      schema: {
        tags,
        summary: 'Refuse an advance (by whoever could approve it), freeing its hold on the balance',
        params: idParams,
        body: rejectBody,
        response: { 200: advanceSchema },
      },
    },
    (req) => rejectAdvance(app.db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/advances/:id/repayments',
    {
      schema: {
        tags,
        summary: 'Repay an approved advance in cash or with receipts (each receipt becomes a payment of the activity)',
        params: idParams,
        body: repaymentBody,
        response: { 201: advanceSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await repayAdvance(app.db, req.actor!, req.params.id, req.body)),
  );
};
