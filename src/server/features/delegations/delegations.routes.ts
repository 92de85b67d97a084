import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  authoritiesQuery,
  createDelegationOrderBody,
  delegationOrderListQuery,
  delegationOrderListResponse,
  delegationOrderSchema,
  orderStatusOn,
  revokeDelegationOrderBody,
} from '#shared/delegations';
import { idParams } from '#shared/paging';
import { thaiToday } from '../../clock';
import { labelsOf } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import { createDelegationOrder, listAuthorities, listDelegationOrders, revokeDelegationOrder } from './delegations.service';

export const delegationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['delegations'];
  app.get(
    '/api/delegation-orders',
    {
      schema: {
        tags,
        summary: 'Delegation orders given inside your scope or covering your unit from above (newest first, at most 500)',
        querystring: delegationOrderListQuery,
        response: { 200: delegationOrderListResponse },
      },
    },
    (req) => listDelegationOrders(app.db, req.actor!, req.query),
  );
  const roles = labelsOf('roles');
  exportRoutes(app, {
    path: '/api/delegation-orders',
    name: 'delegation-orders',
    title: { th: 'คำสั่งมอบอำนาจ', en: 'Delegation orders' },
    tags,
    query: delegationOrderListQuery,
    read: (req, query) => listDelegationOrders(app.db, req.actor!, query),
    columns: [
      { key: 'orderNo', th: 'เลขที่คำสั่ง', en: 'Order no.', kind: 'text' },
      { key: 'orderDate', th: 'ลงวันที่', en: 'Order date', kind: 'date' },
      {
        key: 'issuingUnit',
        th: 'สำนักงานที่ออกคำสั่ง',
        en: 'Issuing office',
        kind: 'text',
        value: (o, lang) => (lang === 'th' ? o.issuingUnitNameTh : o.issuingUnitNameEn),
      },
      { key: 'delegator', th: 'ผู้มอบอำนาจ', en: 'Delegator', kind: 'text' },
      {
        key: 'delegate',
        th: 'ผู้รับมอบอำนาจ',
        en: 'Delegate',
        kind: 'text',
        value: (o, lang) =>
          o.delegateRole ? roles[lang][o.delegateRole] : [o.delegateName, o.delegatePosition].filter(Boolean).join(' · '),
      },
      {
        key: 'scopeUnit',
        th: 'หน่วยงานที่คำสั่งครอบคลุม',
        en: 'Units covered',
        kind: 'text',
        value: (o, lang) => (lang === 'th' ? o.scopeUnitNameTh : o.scopeUnitNameEn),
      },
      { key: 'powers', th: 'อำนาจที่มอบ', en: 'Powers', kind: 'code', labels: labelsOf('delegations.powers') },
      { key: 'subject', th: 'เรื่อง', en: 'Subject', kind: 'text' },
      { key: 'effectiveFrom', th: 'มีผลตั้งแต่', en: 'Effective from', kind: 'date' },
      { key: 'effectiveUntil', th: 'มีผลถึง', en: 'Effective until', kind: 'date' },
      {
        key: 'status',
        th: 'สถานะ',
        en: 'Status',
        kind: 'code',
        labels: labelsOf('delegations.statuses'),
        value: (o) => orderStatusOn(o, thaiToday()),
      },
      { key: 'revokedOn', th: 'ยกเลิกตั้งแต่วันที่', en: 'Revoked from', kind: 'date' },
      { key: 'revokedReason', th: 'เหตุผลที่ยกเลิก', en: 'Reason for revoking', kind: 'text' },
      { key: 'issuingUnitCode', th: 'รหัสสำนักงานที่ออกคำสั่ง', en: 'Issuing office code', kind: 'text' },
    ],
  });
  app.get(
    '/api/delegation-orders/authorities',
    {
      schema: {
        tags,
        summary: 'The orders you could cite to approve the unit’s advances or payments on a day',
        querystring: authoritiesQuery,
        response: { 200: z.array(delegationOrderSchema) },
      },
    },
    (req) => listAuthorities(app.db, req.actor!, req.query),
  );
  app.post(
    '/api/delegation-orders',
    {
      schema: {
        tags,
        summary: 'Record a delegation order of your office (a governor’s order; a chief’s acting order)',
        body: createDelegationOrderBody,
        response: { 201: delegationOrderSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createDelegationOrder(app.db, req.actor!, req.body)),
  );
  app.post(
    '/api/delegation-orders/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke an order from a day on (approvals made before stay valid)',
        params: idParams,
        body: revokeDelegationOrderBody,
        response: { 200: delegationOrderSchema },
      },
    },
    (req) => revokeDelegationOrder(app.db, req.actor!, req.params.id, req.body),
  );
};
