import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { approveBody, rejectBody } from '#shared/delegations';
import { localUnitCodeSchema } from '#shared/fields';
import { idParams } from '#shared/paging';
import { createDisbursementBody, spendingResponse } from '#shared/spending';
import { labelsOf } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import { approvePayment, disburse, rejectPayment, spendingOf } from './spending.service';

export const spendingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['spending'];
  const unitQuery = z.strictObject({ unit: localUnitCodeSchema });
  app.get(
    '/api/budget/items/:id/spending',
    {
      schema: {
        tags,
        summary:
          "A unit's payments against its allocation (approved, pending, rejected), running balance and spent share by quarter",
        params: idParams,
        querystring: unitQuery,
        response: { 200: spendingResponse },
      },
    },
    (req) => spendingOf(app.db, req.actor!, req.params.id, req.query.unit),
  );
  exportRoutes(app, {
    path: '/api/budget/items/:id/spending',
    params: idParams,
    name: 'spending',
    title: { th: 'การเบิกจ่าย', en: 'Payments' },
    tags,
    query: unitQuery,
    read: async (req, query, params) => (await spendingOf(app.db, req.actor!, params.id, query.unit)).items,
    columns: [
      { key: 'paidOn', th: 'วันที่จ่าย', en: 'Paid on', kind: 'date' },
      { key: 'description', th: 'รายการ', en: 'Description', kind: 'text' },
      { key: 'category', th: 'หมวดรายจ่าย', en: 'Category', kind: 'code', labels: labelsOf('budget.categories') },
      { key: 'procurementMethod', th: 'วิธีจัดซื้อจัดจ้าง', en: 'Procurement', kind: 'code', labels: labelsOf('spending.methods') },
      { key: 'vendor', th: 'ผู้ขาย/ผู้รับจ้าง', en: 'Vendor', kind: 'text' },
      { key: 'documentNo', th: 'เลขที่เอกสาร', en: 'Document no.', kind: 'text' },
      { key: 'amountSatang', th: 'จำนวนเงิน (บาท)', en: 'Amount (baht)', kind: 'money' },
      { key: 'status', th: 'สถานะ', en: 'Status', kind: 'code', labels: labelsOf('spending.statuses') },
      { key: 'balanceAfterSatang', th: 'คงเหลือหลังจ่าย (บาท)', en: 'Balance after (baht)', kind: 'money' },
      { key: 'requestedByName', th: 'ขอเบิกโดย', en: 'Requested by', kind: 'text' },
      { key: 'decidedBy', th: 'ผู้อนุมัติ', en: 'Decided by', kind: 'text', value: (p) => p.approval?.approverName },
      { key: 'decidedOn', th: 'วันที่อนุมัติ', en: 'Decided on', kind: 'date', value: (p) => p.approval?.approvedOn },
      { key: 'orderNo', th: 'ตามคำสั่งที่', en: 'Under order no.', kind: 'text', value: (p) => p.approval?.orderNo },
      { key: 'decisionNote', th: 'บันทึกประกอบ', en: 'Note', kind: 'text' },
      { key: 'outsideQuarterReason', th: 'เหตุผลที่เบิกจ่ายนอกไตรมาส', en: 'Reason outside the quarter', kind: 'text' },
    ],
  });
  app.post(
    '/api/disbursements',
    {
      schema: {
        tags,
        summary: 'Ask for a payment: held from the balance (never past it) until the holder of delegated authority decides',
        body: createDisbursementBody,
        response: { 201: spendingResponse },
      },
    },
    async (req, reply) => reply.code(201).send(await disburse(app.db, req.actor!, req.body)),
  );
  app.post(
    '/api/disbursements/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a pending payment, citing the delegation order that gives the approver the spending power',
        params: idParams,
        body: approveBody,
        response: { 200: spendingResponse },
      },
    },
    (req) => approvePayment(app.db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/disbursements/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject a pending payment with a reason: its amount goes back to the balance',
        params: idParams,
        body: rejectBody,
        response: { 200: spendingResponse },
      },
    },
    (req) => rejectPayment(app.db, req.actor!, req.params.id, req.body),
  );
};
