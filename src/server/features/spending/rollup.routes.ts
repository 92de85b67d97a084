import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { rollupQuery, rollupResponse } from '#shared/spending';
import { labelsOf, TOTAL, withTotal } from '../../exports/columns';
import { exportRoutes } from '../../exports/route';
import { rollupOf } from './rollup.service';

export const rollupRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['spending'];
  app.get(
    '/api/spending/rollup',
    {
      schema: {
        tags,
        summary:
          "A fiscal year's money under a unit, per unit one level down and the unit's own share: allocated, spent, pending, remaining, spent share by quarter end, late expense plans, open and overdue advances",
        querystring: rollupQuery,
        response: { 200: rollupResponse },
      },
    },
    (req) => rollupOf(app.db, req.actor!, req.query),
  );
  exportRoutes(app, {
    path: '/api/spending/rollup',
    name: 'spending-rollup',
    title: { th: 'ภาพรวมการเบิกจ่าย', en: 'Spending overview' },
    tags,
    query: rollupQuery,
    read: async (req, query) => {
      const rollup = await rollupOf(app.db, req.actor!, query);
      return withTotal(rollup.rows, rollup.total).map((r) => ({ ...r, quarter: rollup.quarter }));
    },
    columns: [
      {
        key: 'unit',
        th: 'หน่วยงาน',
        en: 'Unit',
        kind: 'text',
        value: (r, lang) => {
          if (r.isTotal) return TOTAL[lang];
          const name = lang === 'th' ? r.nameTh : r.nameEn;
          return r.ownShare ? ROLLUP[lang].ownShare.replace('{{name}}', name) : name;
        },
      },
      { key: 'allocatedSatang', th: 'ได้รับจัดสรร (บาท)', en: 'Allocated (baht)', kind: 'money' },
      { key: 'spentSatang', th: 'เบิกจ่ายแล้ว (บาท)', en: 'Spent (baht)', kind: 'money' },
      { key: 'pendingSatang', th: 'รออนุมัติ (บาท)', en: 'Awaiting approval (baht)', kind: 'money' },
      { key: 'remainingSatang', th: 'คงเหลือ (บาท)', en: 'Remaining (baht)', kind: 'money' },
      { key: 'quarter', th: 'นับถึงสิ้นไตรมาส', en: 'Counted to the end of quarter', kind: 'integer' },
      {
        key: 'spentShareByQuarterEnd',
        th: 'เบิกจ่ายสะสม (ร้อยละ)',
        en: 'Spent share (percent)',
        kind: 'number',
        value: (r) => Math.round(r.spentShareByQuarterEnd * 1000) / 10,
      },
      { key: 'lateExpensePlans', th: 'ส่งรายละเอียดค่าใช้จ่ายล่าช้า', en: 'Late expense details', kind: 'integer' },
      { key: 'openAdvances', th: 'เงินยืมคงค้าง (สัญญา)', en: 'Open advances', kind: 'integer' },
      { key: 'openAdvancesSatang', th: 'เงินยืมคงค้าง (บาท)', en: 'Open advances (baht)', kind: 'money' },
      { key: 'overdueAdvances', th: 'เงินยืมเกินกำหนด (สัญญา)', en: 'Overdue advances', kind: 'integer' },
      { key: 'unitCode', th: 'รหัสหน่วยงาน', en: 'Unit code', kind: 'text', value: (r) => (r.isTotal ? '' : r.unitCode) },
    ],
  });
};

/** The roll-up page's words: a unit's own spending beside the units below it is named as the page names it. */
const ROLLUP = labelsOf('rollup');
