import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RESULT_FIGURES, type ResultFigures } from '#shared/indicators';
import { idParams } from '#shared/paging';
import {
  createLockBody,
  createReportBody,
  lockListQuery,
  lockListResponse,
  quarterLockSchema,
  reportListQuery,
  reportListResponse,
  reportSchema,
  reportSummaryQuery,
  reportSummarySchema,
  reviewReportBody,
  submitReportBody,
  unlockBody,
  updateReportBody,
} from '#shared/reports';
import { type ExportColumn, labelsOf, TOTAL, withTotal } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import { listLocks, lockQuarter, unlockQuarter } from './quarter-locks.service';
import { reportXlsx } from './report.documents';
import { createReport, getReport, listReports, reportMemo, reviewReport, submitReport, updateReport } from './reports.service';
import { reportSummary } from './reports-summary.service';

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reports'];
  app.get(
    '/api/reports',
    {
      schema: {
        tags,
        summary: 'Quarterly reports of your scope: those waiting for the province first, then the newest quarters',
        querystring: reportListQuery,
        response: { 200: reportListResponse },
      },
    },
    (req) => listReports(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/reports',
    name: 'reports',
    title: { th: 'รายงานรายไตรมาส', en: 'Quarterly reports' },
    tags: tags,
    query: reportListQuery,
    read: (req, query) => listReports(app.db, req.actor!, query),
    columns: [
      { key: 'unitNameTh', th: 'หน่วยงาน', en: 'Unit', kind: 'text', value: (r) => r.unitNameTh },
      { key: 'provinceNameTh', th: 'จังหวัด', en: 'Province', kind: 'text' },
      { key: 'fiscalYear', th: 'ปีงบประมาณ', en: 'Fiscal year', kind: 'integer' },
      { key: 'quarter', th: 'ไตรมาส', en: 'Quarter', kind: 'integer' },
      { key: 'status', th: 'สถานะ', en: 'Status', kind: 'code', labels: labelsOf('reports.statuses') },
      { key: 'submittedAt', th: 'วันที่ส่ง', en: 'Submitted on', kind: 'datetime' },
      { key: 'reviewedAt', th: 'วันที่ตรวจ', en: 'Reviewed on', kind: 'datetime' },
      { key: 'reviewComment', th: 'ความเห็นผู้ตรวจ', en: 'Review comment', kind: 'text' },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.get(
    '/api/reports/summary',
    {
      schema: {
        tags,
        summary: 'Reports of a quarter per province (or district): by status, with the approved reports’ results summed',
        querystring: reportSummaryQuery,
        response: { 200: reportSummarySchema },
      },
    },
    (req) => reportSummary(app.readDb, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/reports/summary',
    name: 'report-summary',
    title: { th: 'สรุปรายงานรายไตรมาส', en: 'Quarterly report summary' },
    tags,
    query: reportSummaryQuery,
    read: async (req, query) => {
      const summary = await reportSummary(app.readDb, req.actor!, query);
      return withTotal(summary.rows, summary.total);
    },
    columns: [
      {
        key: 'name',
        th: 'หน่วยงาน',
        en: 'Unit',
        kind: 'text',
        value: (r, lang) => (r.isTotal ? TOTAL[lang] : lang === 'th' ? r.nameTh : r.nameEn),
      },
      { key: 'districts', th: 'ศูนย์ฯ', en: 'Centers', kind: 'integer' },
      { key: 'submitted', th: 'รอพิจารณา', en: 'Waiting', kind: 'integer' },
      { key: 'approved', th: 'อนุมัติ', en: 'Approved', kind: 'integer' },
      { key: 'returned', th: 'ส่งกลับ', en: 'Returned', kind: 'integer' },
      { key: 'missing', th: 'ยังไม่ส่ง', en: 'Not sent', kind: 'integer' },
      ...resultColumns<{ results: ResultFigures }>(),
      { key: 'code', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.get(
    '/api/reports/:id',
    { schema: { tags, summary: 'One quarterly report', params: idParams, response: { 200: reportSchema } } },
    (req) => getReport(app.db, req.actor!, req.params.id),
  );
  app.get(
    '/api/reports/:id/report.pdf',
    {
      schema: {
        tags,
        summary:
          "The quarterly report as the district office's memo, PDF (Sarabun; Thai digits like the office's letters, digits=arabic for Arabic); 422 documents.no_prefix until the office sets its letter-number prefix",
        params: idParams,
        querystring: z.strictObject({ digits: z.enum(['thai', 'arabic']).default('thai') }),
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const { report, pdf } = await reportMemo(app.db, req.actor!, req.params.id, req.query.digits);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="report-${report.orgUnitCode}-${report.fiscalYear}-q${report.quarter}.pdf"`,
        )
        .send(pdf);
    },
  );
  app.get(
    '/api/reports/:id/report.xlsx',
    {
      schema: {
        tags,
        summary: 'The quarterly report’s figures as an XLSX workbook',
        params: idParams,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (req, reply) => {
      const report = await getReport(app.db, req.actor!, req.params.id);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="report-${report.orgUnitCode}-${report.fiscalYear}-q${report.quarter}.xlsx"`,
        )
        .send(await reportXlsx(report));
    },
  );
  app.post(
    '/api/reports',
    {
      schema: {
        tags,
        summary: 'A district starts its report of a quarter that has begun (one per quarter)',
        body: createReportBody,
        response: { 201: reportSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createReport(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/api/reports/:id',
    {
      schema: {
        tags,
        summary: 'Change the narrative, problems and support needed of a draft or returned report',
        params: idParams,
        body: updateReportBody,
        response: { 200: reportSchema },
      },
    },
    (req) => updateReport(app.db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/reports/:id/submit',
    {
      schema: {
        tags,
        summary: 'Send the report to the province; its figures are taken from the records now',
        params: idParams,
        body: submitReportBody,
        response: { 200: reportSchema },
      },
    },
    (req) => submitReport(app.db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/reports/:id/review',
    {
      schema: {
        tags,
        summary: 'The province approves a submitted report, or returns it with a comment',
        params: idParams,
        body: reviewReportBody,
        response: { 200: reportSchema },
      },
    },
    (req) => reviewReport(app.db, req.actor!, req.params.id, req.body),
  );
  app.get(
    '/api/quarter-locks',
    {
      schema: {
        tags,
        summary: 'Quarter locks of your scope, newest quarter first (active=true: only those in force)',
        querystring: lockListQuery,
        response: { 200: lockListResponse },
      },
    },
    (req) => listLocks(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/quarter-locks',
    name: 'quarter-locks',
    title: { th: 'การปิดงวดไตรมาส', en: 'Quarter locks' },
    tags,
    query: lockListQuery,
    read: (req, query) => listLocks(app.db, req.actor!, query),
    columns: [
      {
        key: 'unit',
        th: 'อำเภอ',
        en: 'District',
        kind: 'text',
        value: (l, lang) => (lang === 'th' ? l.unitNameTh : l.unitNameEn),
      },
      { key: 'fiscalYear', th: 'ปีงบประมาณ', en: 'Fiscal year', kind: 'integer' },
      { key: 'quarter', th: 'ไตรมาส', en: 'Quarter', kind: 'integer' },
      { key: 'lockedAt', th: 'วันที่ปิดงวด', en: 'Locked on', kind: 'datetime' },
      { key: 'lockedBy', th: 'ปิดงวดโดย', en: 'Locked by', kind: 'text', value: (l) => l.lockedBy?.name },
      { key: 'inForce', th: 'ยังปิดงวดอยู่', en: 'Still locked', kind: 'boolean', value: (l) => !l.unlockedAt },
      { key: 'unlockedAt', th: 'วันที่ปลดล็อก', en: 'Unlocked on', kind: 'datetime' },
      { key: 'unlockedBy', th: 'ปลดล็อกโดย', en: 'Unlocked by', kind: 'text', value: (l) => l.unlockedBy?.name },
      { key: 'unlockReason', th: 'เหตุผลที่ปลดล็อก', en: 'Reason for unlocking', kind: 'text' },
      { key: 'orgUnitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text' },
    ],
  });
  app.post(
    '/api/quarter-locks',
    {
      schema: {
        tags,
        summary: 'The province locks a district’s quarter once its report is approved: records dated in it freeze',
        body: createLockBody,
        response: { 201: quarterLockSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await lockQuarter(app.db, req.actor!, req.body)),
  );
  app.post(
    '/api/quarter-locks/:id/unlock',
    {
      schema: {
        tags,
        summary: 'The province unlocks a quarter, giving the reason',
        params: idParams,
        body: unlockBody,
        response: { 200: quarterLockSchema },
      },
    },
    (req) => unlockQuarter(app.db, req.actor!, req.params.id, req.body),
  );
};

const RESULTS = labelsOf('reports.results');

/** The approved reports' results, one column each, headed as the report page heads them. */
function resultColumns<R extends { results: ResultFigures }>(): ExportColumn<R>[] {
  return RESULT_FIGURES.map((key) => ({
    key,
    th: RESULTS.th[key],
    en: RESULTS.en[key],
    kind: key.endsWith('Satang') ? 'money' : 'integer',
    value: (r: R) => r.results[key],
  }));
}
