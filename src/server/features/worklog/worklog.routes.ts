import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { worklogQuery, worklogResponse } from '#shared/worklog';
import { labelsOf } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import { worklogOf } from './worklog.service';

export const worklogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/worklog',
    {
      schema: {
        tags: ['worklog'],
        summary:
          "A month of the center's work in your scope: services, trips, requests, activities, plans, sales, funding, outcomes",
        querystring: worklogQuery,
        response: { 200: worklogResponse },
      },
    },
    (req) => worklogOf(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/worklog',
    name: 'worklog',
    title: { th: 'บันทึกการปฏิบัติงาน', en: 'Work log' },
    tags: ['worklog'],
    query: worklogQuery,
    read: (req, query) => worklogOf(app.db, req.actor!, query),
    columns: [
      { key: 'on', th: 'วันที่', en: 'Date', kind: 'date' },
      { key: 'type', th: 'ประเภท', en: 'Type', kind: 'code', labels: labelsOf('worklog.types') },
      { key: 'title', th: 'เรื่อง', en: 'Title', kind: 'text' },
      { key: 'detail', th: 'รายละเอียด', en: 'Detail', kind: 'text' },
      { key: 'people', th: 'ผู้เกี่ยวข้อง', en: 'People', kind: 'text' },
      { key: 'amountSatang', th: 'จำนวนเงิน (บาท)', en: 'Amount (baht)', kind: 'money' },
      { key: 'unitNameTh', th: 'หน่วยงาน', en: 'Unit', kind: 'text' },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
};
