/**
 * Monthly sales (ยอดขายรายเดือน) of the district's groups and producers' products, one row per seller, channel and
 * month: the month in BE or CE or with a Thai month name, the takings in baht (stored in satang). The same seller,
 * channel and month on file (the sales feature's own uniqueness rule) is a duplicate: update replaces the takings,
 * skip leaves them. Written through the sales feature; a month in a locked quarter is refused as the feature refuses it.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { ERRORS, type ErrorCode } from '#shared/errors';
import { createSaleBody, monthStart, saleChange } from '#shared/sales';
import { formatBaht } from '#shared/thai/index';
import { thaiToday } from '../../clock';
import type { Db, Tx } from '../../db/client';
import { producers, products, sales } from '../../db/schema';
import { parseBahtText, parseDateText, parseIntegerText } from '../../imports/read';
import { insertSale, removeSale, replaceSale, storedSale } from '../sales/sales.service';
import { createOrChoose, DISTRICT_IMPORT, type Importer, type PlannedRow, problem, rowChecks } from './importer';
import { type RecordKind, recordBlockers } from './record-rollback';
import { groupsByName, groupUnknown, lockedDates, serviceTypesByName } from './service-lookup';

const COLUMNS = [
  { key: 'district', th: 'อำเภอ', en: 'District', required: true, aliases: ['อ.'], example: 'เมืองอุบลราชธานี' },
  {
    key: 'month',
    th: 'เดือน',
    en: 'Month',
    required: true,
    example: 'มกราคม 2569',
    help: { th: 'เช่น มกราคม 2569, ม.ค. 2569, 1/2569 หรือ 2026-01', en: 'For example มกราคม 2569, ม.ค. 2569, 1/2569 or 2026-01' },
  },
  { key: 'group', th: 'กลุ่มอาชีพ', en: 'Occupational group', example: 'กลุ่มทอผ้าบ้านหนองบัว' },
  {
    key: 'product',
    th: 'ผลิตภัณฑ์',
    en: 'Product',
    help: { th: 'ผลิตภัณฑ์ของผู้ผลิต (แทนกลุ่ม)', en: "A producer's product (instead of a group)" },
  },
  { key: 'registrationNo', th: 'เลขทะเบียนผู้ผลิต', en: 'Producer registration no.' },
  { key: 'channel', th: 'ช่องทางการขาย', en: 'Sales channel', required: true, example: 'ตลาดชุมชน' },
  { key: 'amount', th: 'ยอดขาย (บาท)', en: 'Takings (baht)', required: true, example: '12,500.50' },
  { key: 'quantity', th: 'จำนวนที่ขาย', en: 'Quantity sold' },
  { key: 'note', th: 'หมายเหตุ', en: 'Note' },
] as const;

type Body = z.infer<typeof createSaleBody>;
type SaleRow = typeof sales.$inferSelect;
interface SaleRecord {
  body: Body;
  existing?: SaleRow;
}

export const SALE_KIND: RecordKind = {
  table: sales,
  tableName: 'sales',
  entity: 'sale',
  notFound: 'sale.not_found',
  label: (s) => `${String(s.month ?? '').slice(0, 7)} #${s.id}`,
};

const errorProblem = (line: number, column: string, code: ErrorCode) =>
  problem(line, column, code, ERRORS[code].th, ERRORS[code].en);
const norm = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** A month as offices write it (มกราคม 2569, ม.ค. 2569, 1/2569, 2026-01, or any date in it) → `YYYY-MM`. */
export function parseMonthText(text: string): { value: string } | { problem: { code: string; th: string; en: string } } {
  const clean = text.trim();
  const yearMonth = /^(\d{4})-(\d{1,2})$/.exec(clean);
  const monthYear = /^(\d{1,2})\s*[/.-]\s*(\d{2,4})$/.exec(clean);
  const asDate = () => {
    const full = parseDateText(clean);
    return 'problem' in full && full.problem.code === 'date.invalid' ? parseDateText(`1 ${clean}`) : full;
  };
  const attempt = yearMonth
    ? parseDateText(`${yearMonth[1]}-${yearMonth[2]}-1`)
    : monthYear
      ? parseDateText(`1/${monthYear[1]}/${monthYear[2]}`)
      : asDate();
  if ('value' in attempt) return { value: attempt.value.slice(0, 7) };
  if (attempt.problem.code !== 'date.invalid') return attempt;
  return {
    problem: {
      code: 'month.invalid',
      th: 'เดือนไม่ถูกต้อง กรุณาใส่ เช่น มกราคม 2569, ม.ค. 2569 หรือ 1/2569',
      en: 'Not a month; write for example มกราคม 2569, ม.ค. 2569 or 1/2569',
    },
  };
}

/** The district's live products by name, with their producer's registration number (to tell namesakes apart). */
async function productsByName(db: Db | Tx, unitCode: string) {
  const rows = await db
    .select({ id: products.id, name: products.name, registrationNo: producers.registrationNo })
    .from(products)
    .innerJoin(producers, eq(producers.id, products.producerId))
    .where(and(eq(products.orgUnitCode, unitCode), isNull(products.deletedAt), isNull(producers.deletedAt)));
  return (name: string, registrationNo: string) =>
    rows.filter((r) => norm(r.name) === norm(name) && (!registrationNo || norm(r.registrationNo) === norm(registrationNo)));
}

export const salesImporter: Importer = {
  kind: 'sales',
  permission: 'pipeline.write',
  title: { th: 'นำเข้ายอดขายรายเดือน', en: 'Import monthly sales' },
  columns: COLUMNS,
  instructions: [
    {
      th: 'หนึ่งแถวต่อผู้ขาย (กลุ่มอาชีพ หรือผลิตภัณฑ์ของผู้ผลิต) ช่องทาง และเดือน ของอำเภอของท่านเท่านั้น',
      en: 'One row per seller (a group, or a producer’s product), channel and month, of your own district only',
    },
    {
      th: 'เดือนใส่เป็น พ.ศ. หรือ ค.ศ. หรือชื่อเดือนภาษาไทย ยอดขายใส่เป็นบาท',
      en: 'Month in BE or CE or a Thai month name; takings in baht',
    },
    {
      th: 'ผู้ขาย ช่องทาง และเดือนเดียวกับข้อมูลเดิม: เลือกปรับปรุงยอดขาย หรือข้าม',
      en: 'The same seller, channel and month on file: you choose to update the takings or skip',
    },
    { th: 'เดือนในไตรมาสที่จังหวัดปิดงวดแล้วจะนำเข้าไม่ได้', en: 'A month in a locked quarter is not imported' },
  ],
  ...DISTRICT_IMPORT,

  async plan(ctx, rows, choices) {
    const thisMonth = thaiToday().slice(0, 7);
    const [channels, groupOf, productOf] = await Promise.all([
      serviceTypesByName(ctx.db, 'sales_channel'),
      groupsByName(ctx.db, ctx.unitCode),
      productsByName(ctx.db, ctx.unitCode),
    ]);
    const parsed = rows.map((row) => {
      const v = row.values;
      const { problems, take } = rowChecks(row, COLUMNS);
      problems.unshift(...row.problems);
      const month = v.month ? take('month', parseMonthText(v.month)) : undefined;
      if (month && month > thisMonth) problems.push(errorProblem(row.line, 'month', 'sale.month_in_future'));
      const amount = v.amount ? take('amount', parseBahtText(v.amount)) : undefined;
      const quantity = v.quantity ? take('quantity', parseIntegerText(v.quantity, { min: 0, max: 100_000_000 })) : undefined;
      const channelCode = v.channel ? channels.find(v.channel) : undefined;
      if (v.channel && !channelCode)
        problems.push(
          problem(
            row.line,
            'channel',
            'import.sales_channel',
            `ไม่มีช่องทางการขาย "${v.channel}"`,
            `No sales channel "${v.channel}"`,
          ),
        );
      let groupId: number | undefined;
      let productId: number | undefined;
      if (v.group && v.product)
        problems.push(
          problem(
            row.line,
            'product',
            'import.sale_one_seller',
            'ใส่กลุ่มอาชีพหรือผลิตภัณฑ์อย่างใดอย่างหนึ่ง',
            'Give a group or a product, not both',
          ),
        );
      else if (v.group) {
        groupId = groupOf(v.group) ?? undefined;
        if (!groupId) problems.push(groupUnknown(row.line, v.group));
      } else if (v.product) {
        const found = productOf(v.product, v.registrationNo ?? '');
        if (found.length === 1) productId = found[0].id;
        else
          problems.push(
            found.length
              ? problem(
                  row.line,
                  'registrationNo',
                  'import.product_ambiguous',
                  `มีผลิตภัณฑ์ชื่อ "${v.product}" หลายรายการ กรุณาใส่เลขทะเบียนผู้ผลิต`,
                  `Several products are named "${v.product}"; give the producer's registration number`,
                )
              : problem(
                  row.line,
                  'product',
                  'import.product_unknown',
                  `ไม่พบผลิตภัณฑ์ "${v.product}" ในอำเภอนี้`,
                  `No product "${v.product}" in this district`,
                ),
          );
      } else
        problems.push(
          problem(
            row.line,
            'group',
            'import.sale_seller_required',
            'ต้องกรอกกลุ่มอาชีพหรือผลิตภัณฑ์',
            'A group or a product is required',
          ),
        );
      const body: Body = {
        orgUnitCode: ctx.unitCode,
        ...(groupId ? { groupId } : {}),
        ...(productId ? { productId } : {}),
        channelCode: channelCode ?? '',
        month: month ?? '',
        ...(quantity !== undefined ? { quantity } : {}),
        amountSatang: String(amount ?? 0),
        note: v.note ?? '',
      };
      if (!problems.length) {
        const checked = createSaleBody.safeParse(body);
        if (!checked.success)
          for (const issue of checked.error.issues)
            problems.push(
              problem(row.line, undefined, 'import.sale_invalid', `ข้อมูลไม่ถูกต้อง: ${issue.message}`, `Not valid: ${issue.message}`),
            );
      }
      return { row, problems, body };
    });
    const months = parsed.flatMap((p) => (p.body.month ? [monthStart(p.body.month)] : []));
    const locked = await lockedDates(ctx.db, ctx.unitCode, months);
    const onFile = months.length
      ? await ctx.db
          .select()
          .from(sales)
          .where(and(eq(sales.orgUnitCode, ctx.unitCode), isNull(sales.deletedAt), inArray(sales.month, [...new Set(months)])))
      : [];
    const keyOf = (s: { groupId?: number | null; productId?: number | null; channelCode: string; month: string }) =>
      `${s.groupId ? `g${s.groupId}` : `p${s.productId}`}\u0000${s.channelCode}\u0000${s.month.slice(0, 7)}`;
    const existing = new Map(onFile.map((s) => [keyOf(s), s]));
    const seen = new Map<string, number>();
    return parsed.map(({ row, problems, body }): PlannedRow => {
      if (body.month && locked.has(monthStart(body.month))) problems.push(errorProblem(row.line, 'month', 'quarter.locked'));
      const v = row.values;
      const label = `${v.group || v.product} ${v.month} ${v.channel}: ${formatBaht(BigInt(body.amountSatang))}`;
      const base = { line: row.line, values: v, label, unitCode: row.unitCode };
      if (problems.length) return { ...base, problems, action: 'reject' };
      const key = keyOf(body);
      const earlier = seen.get(key);
      if (earlier !== undefined)
        return {
          ...base,
          action: 'reject',
          problems: [
            problem(
              row.line,
              'month',
              'import.duplicate_in_file',
              `ซ้ำกับแถวที่ ${earlier} ในไฟล์นี้ (ผู้ขาย ช่องทาง และเดือนเดียวกัน)`,
              `Same seller, channel and month as row ${earlier} of this file`,
            ),
          ],
        };
      seen.set(key, row.line);
      const twin = existing.get(key);
      const record: SaleRecord = { body, existing: twin };
      const duplicate = twin && { id: twin.id, label: `${twin.month.slice(0, 7)}: ${formatBaht(twin.amountSatang)}` };
      return createOrChoose({ ...base, problems }, choices, record, duplicate);
    });
  },

  async write(tx, ctx, row) {
    const { body, existing } = row.record as SaleRecord;
    if (row.action === 'update' && existing) {
      const before = storedSale(existing);
      const next = saleChange.parse({
        ...before,
        version: existing.version,
        amountSatang: body.amountSatang,
        quantity: body.quantity ?? before.quantity,
        note: body.note || before.note,
      });
      const after = await replaceSale(tx, ctx.actor, existing, next);
      return [{ tableName: 'sales', recordId: after.id, action: 'updated', versionAfter: after.version, before }];
    }
    const created = await insertSale(tx, ctx.actor, body);
    return [{ tableName: 'sales', recordId: created.id, action: 'created', versionAfter: created.version, before: null }];
  },

  blockers: (tx, _ctx, rows) => recordBlockers(tx, SALE_KIND, rows, rows),
  async undo(tx, ctx, rows) {
    for (const row of rows.filter((r) => r.tableName === 'sales')) {
      const [current] = await tx.select().from(sales).where(eq(sales.id, row.recordId));
      if (row.action === 'created') await removeSale(tx, ctx.actor, current, current.version);
      else await replaceSale(tx, ctx.actor, current, saleChange.parse({ ...row.before, version: current.version }));
    }
  },
};
