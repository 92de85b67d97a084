import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, versionBody } from '#shared/paging';
import {
  createSaleBody,
  saleListQuery,
  saleListResponse,
  saleSchema,
  salesSummaryQuery,
  salesSummarySchema,
  updateSaleBody,
} from '#shared/sales';
import { exportRoutes } from '../../exports/route';
import { createSale, deleteSale, getSale, listSales, salesSummary, updateSale } from './sales.service';

export const salesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['sales'];
  app.get(
    '/api/sales',
    {
      schema: {
        tags,
        summary: 'Monthly sales of groups and products in your scope, newest month first',
        querystring: saleListQuery,
        response: { 200: saleListResponse },
      },
    },
    (req) => listSales(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/sales',
    name: 'sales',
    title: { th: 'ยอดขาย', en: 'Sales' },
    tags: tags,
    query: saleListQuery,
    read: (req, query) => listSales(app.db, req.actor!, query),
    columns: [
      { key: 'month', th: 'เดือน', en: 'Month', kind: 'text' },
      { key: 'group', th: 'กลุ่ม', en: 'Group', kind: 'text', value: (r) => r.group?.name },
      { key: 'product', th: 'ผลิตภัณฑ์', en: 'Product', kind: 'text', value: (r) => r.product?.name },
      { key: 'channelCode', th: 'ช่องทาง', en: 'Channel', kind: 'code', codeList: 'sales_channel' },
      { key: 'quantity', th: 'จำนวน', en: 'Quantity', kind: 'integer' },
      { key: 'amountSatang', th: 'ยอดขาย (บาท)', en: 'Amount (baht)', kind: 'money' },
      { key: 'note', th: 'หมายเหตุ', en: 'Note', kind: 'text' },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.get(
    '/api/sales/summary',
    {
      schema: {
        tags,
        summary: 'Income trend per month and channel of a group or a unit (with the units one level down)',
        querystring: salesSummaryQuery,
        response: { 200: salesSummarySchema },
      },
    },
    (req) => salesSummary(app.db, req.actor!, req.query),
  );
  app.get(
    '/api/sales/:id',
    { schema: { tags, summary: 'One month of sales', params: idParams, response: { 200: saleSchema } } },
    (req) => getSale(app.db, req.actor!, req.params.id),
  );
  app.post(
    '/api/sales',
    {
      schema: {
        tags,
        summary: "Record a month's sales of a group or product through one channel (one row per seller, channel and month)",
        body: createSaleBody,
        response: { 201: saleSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createSale(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/sales/:id',
    {
      schema: {
        tags,
        summary: 'Correct a month of sales',
        params: idParams,
        body: updateSaleBody,
        response: { 200: saleSchema },
      },
    },
    (req) => updateSale(app.db, req.actor!, req.params.id, req.body),
  );
  app.delete(
    '/api/sales/:id',
    {
      schema: {
        tags,
        summary: 'Remove a month of sales (soft delete)',
        params: idParams,
        body: versionBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteSale(app.db, req.actor!, req.params.id, req.body.version);
      return reply.code(204).send(null);
    },
  );
};
