/**
 * A province's allocation table (ทะเบียนการจัดสรรงบประมาณ, DOMAIN.md §6): one row per receiving unit — the province
 * office's own share and its districts — with an amount, into one budget activity and quarter chosen at upload.
 * Allocations are append-only money records, so a rollback adds reversing rows, and is refused for a unit that has
 * already spent or passed on the money.
 */
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { EXPENSE_CATEGORIES } from '#shared/budget';
import { idSchema, isDistrict, isProvince, levelOf } from '#shared/fields';
import { formatBaht } from '#shared/thai/index';
import { insertAudited } from '../../audit/writes';
import { idIn } from '../../db/bulk';
import type { Db, Tx } from '../../db/client';
import { allocations, budgetItems, orgUnits } from '../../db/schema';
import { AppError } from '../../errors';
import { parseBahtText } from '../../imports/read';
import { allocationBalance, allocationBalances, lockUnitBudget } from '../budget/allocations';
import { type Importer, type PlannedRow, problem } from './importer';

type Category = (typeof EXPENSE_CATEGORIES)[number];
const CATEGORIES: Record<string, Category> = {
  ค่าตอบแทน: 'compensation',
  compensation: 'compensation',
  ค่าใช้สอย: 'services',
  services: 'services',
  ค่าวัสดุ: 'materials',
  materials: 'materials',
};
const TOTAL_ROW = /^(รวม|รวมทั้งสิ้น|รวมทั้งหมด|total)$/i;
const isTotalRow = (values: Record<string, string>) => TOTAL_ROW.test((values.unit ?? '').replace(/\s/g, ''));

const options = z.object({
  itemId: z.coerce.number().pipe(idSchema),
  quarter: z.coerce.number().int().min(1).max(4),
  category: z.enum(EXPENSE_CATEGORIES),
});
type Options = z.infer<typeof options>;

interface AllocationRecord {
  toUnitCode: string;
  amountSatang: bigint;
  category: Category;
  note: string;
}

/** Nation → provinces; a province → itself (its own share) and its districts (budget.service's rule). */
const downOneLevel = (from: string, to: string) =>
  levelOf(from) === 'national' ? isProvince(to) : to === from || (isDistrict(to) && to.startsWith(from));

async function unitNames(db: Db | Tx, codes: string[]) {
  const rows = codes.length
    ? await db
        .select()
        .from(orgUnits)
        .where(inArray(orgUnits.code, [...new Set(codes)]))
    : [];
  return new Map(rows.map((u) => [u.code, u.nameTh]));
}

export const allocationsImporter: Importer = {
  kind: 'allocations',
  permission: 'budget.allocate',
  title: { th: 'นำเข้าทะเบียนการจัดสรรงบประมาณ', en: 'Import an allocation register' },
  columns: [
    {
      key: 'unit',
      th: 'จังหวัด/อำเภอ',
      en: 'Province/district',
      required: true,
      aliases: ['อำเภอ', 'หน่วยงาน', 'หน่วยรับจัดสรร'],
      example: 'กุดข้าวปุ้น',
    },
    { key: 'amount', th: 'งบประมาณ', en: 'Amount (baht)', required: true, aliases: ['จำนวนเงิน', 'รวม (บาท)'], example: '1,500' },
    {
      key: 'category',
      th: 'หมวดรายจ่าย',
      en: 'Expense category',
      example: 'ค่าวัสดุ',
      help: {
        th: 'ค่าตอบแทน / ค่าใช้สอย / ค่าวัสดุ (ว่าง = ตามที่เลือกตอนนำเข้า)',
        en: 'compensation / services / materials (blank = as chosen at upload)',
      },
    },
    { key: 'note', th: 'หมายเหตุ', en: 'Note' },
  ],
  instructions: [
    {
      th: 'หนึ่งแถวต่อหน่วยรับจัดสรร: สำนักงานพัฒนาชุมชนจังหวัด (สพจ.) และอำเภอในจังหวัด',
      en: 'One row per receiving unit: the province office and its districts',
    },
    {
      th: 'จำนวนเงินเป็นบาท ใส่จุลภาคได้ เช่น 1,500 แถว "รวม" จะถูกข้าม',
      en: 'Amounts in baht, commas allowed, e.g. 1,500; a "total" row is skipped',
    },
    { th: 'ชื่ออำเภอที่สะกดไม่ตรงทะเบียน ระบบจะเสนอชื่อทางการให้ยืนยัน', en: 'Misspelt district names get an official name to confirm' },
  ],
  placeColumn: 'unit',
  skipRow: isTotalRow,
  optionsSchema: options,
  unitFor: (actor) => actor.orgUnitCode,
  allowsUnit: downOneLevel,

  async checkOptions(ctx) {
    const { itemId } = ctx.options as Options;
    const [item] = await ctx.db.select().from(budgetItems).where(eq(budgetItems.id, itemId));
    if (!item) throw new AppError('budget.item_not_found');
    if (item.level !== 'activity') throw new AppError('budget.not_activity');
  },

  async plan(ctx, rows) {
    const opts = ctx.options as Options;
    const { unallocated } = await allocationBalance(ctx.db, opts.itemId, ctx.unitCode);
    const names = await unitNames(
      ctx.db,
      rows.map((r) => r.unitCode).filter((c): c is string => !!c),
    );
    let left = unallocated;
    const seen = new Map<string, number>();
    return rows.map((row): PlannedRow => {
      const v = row.values;
      if (isTotalRow(v)) return { line: row.line, values: v, action: 'skip', label: v.unit, problems: [] };
      const problems = [...row.problems];
      const amount = parseBahtText(v.amount);
      const satang = 'value' in amount ? BigInt(amount.value) : undefined;
      if ('problem' in amount) problems.push({ line: row.line, column: 'amount', ...amount.problem });
      else if (satang! <= 0n)
        problems.push(
          problem(row.line, 'amount', 'import.amount_positive', 'จำนวนเงินต้องมากกว่าศูนย์', 'The amount must be above zero'),
        );
      const category = v.category ? CATEGORIES[v.category.replace(/\s/g, '').toLowerCase()] : opts.category;
      if (!category)
        problems.push(
          problem(
            row.line,
            'category',
            'import.category',
            `หมวดรายจ่าย "${v.category}" ไม่ถูกต้อง`,
            `Unknown expense category "${v.category}"`,
          ),
        );
      const unit = row.unitCode;
      if (unit && seen.has(unit))
        problems.push(
          problem(
            row.line,
            'unit',
            'import.duplicate_in_file',
            `หน่วยงานซ้ำกับแถวที่ ${seen.get(unit)}`,
            `Same unit as row ${seen.get(unit)}`,
          ),
        );
      else if (unit) seen.set(unit, row.line);
      if (!problems.length && satang! > left)
        problems.push(
          problem(
            row.line,
            'amount',
            'import.over_budget',
            `เกินงบประมาณที่ยังไม่ได้จัดสรร (คงเหลือ ${formatBaht(left)} บาท)`,
            `More than the unallocated budget (${formatBaht(left)} baht left)`,
          ),
        );
      const label = `${(unit && names.get(unit)) || v.unit} ${v.amount}`;
      if (problems.length) return { line: row.line, values: v, action: 'reject', label, unitCode: unit, problems };
      left -= satang!;
      const record: AllocationRecord = { toUnitCode: unit!, amountSatang: satang!, category: category!, note: v.note ?? '' };
      return { line: row.line, values: v, action: 'create', label, unitCode: unit, problems, record };
    });
  },

  async write(tx, ctx, row) {
    const opts = ctx.options as Options;
    const record = row.record as AllocationRecord;
    await lockUnitBudget(tx, opts.itemId, ctx.unitCode);
    await lockUnitBudget(tx, opts.itemId, record.toUnitCode);
    const { unallocated } = await allocationBalance(tx, opts.itemId, ctx.unitCode);
    if (record.amountSatang > unallocated)
      throw new AppError('allocation.over_budget', { params: { remainder: formatBaht(unallocated) } });
    const created = await insertAudited(
      tx,
      ctx.actor,
      allocations,
      'allocation',
      {
        itemId: opts.itemId,
        fromUnitCode: ctx.unitCode,
        toUnitCode: record.toUnitCode,
        quarter: opts.quarter,
        category: record.category,
        amountSatang: record.amountSatang,
        note: record.note,
        createdBy: ctx.actor.userId || null,
      },
      { action: 'allocate', orgUnitCode: ctx.unitCode },
    );
    return [{ tableName: 'allocations', recordId: created.id, action: 'created', versionAfter: null, before: null }];
  },

  async blockers(tx, _ctx, rows) {
    const ids = rows.map((r) => r.recordId);
    if (!ids.length) return [];
    const made = await tx.select().from(allocations).where(idIn(allocations.id, ids));
    const reversed = await tx.select({ id: allocations.reversesId }).from(allocations).where(idIn(allocations.reversesId, ids));
    const gone = new Set(reversed.map((r) => r.id));
    const names = await unitNames(
      tx,
      made.map((a) => a.toUnitCode),
    );
    const blocked: string[] = [];
    const byReceiver = new Map<string, { itemId: number; from: string; amount: bigint }>();
    for (const a of made) {
      if (gone.has(a.id)) blocked.push(`${names.get(a.toUnitCode)}: ยกเลิกรายการแล้ว / already reversed`);
      const key = `${a.itemId}:${a.toUnitCode}`;
      const sum = byReceiver.get(key)?.amount ?? 0n;
      byReceiver.set(key, { itemId: a.itemId, from: a.fromUnitCode, amount: sum + a.amountSatang });
    }
    for (const [key, { itemId, from, amount }] of byReceiver) {
      const to = key.split(':')[1];
      const held = (await allocationBalances(tx, itemId, [to])).get(to)!;
      const available = to === from || isDistrict(to) ? held.balance : held.unallocated;
      if (amount > available)
        blocked.push(
          `${names.get(to)}: ใช้ไปแล้ว เหลือ ${formatBaht(available > 0n ? available : 0n)} บาท / already used, ${formatBaht(available > 0n ? available : 0n)} baht left`,
        );
    }
    return blocked;
  },

  async undo(tx, ctx, rows) {
    const made = await tx
      .select()
      .from(allocations)
      .where(
        idIn(
          allocations.id,
          rows.map((r) => r.recordId),
        ),
      );
    for (const a of made) {
      await lockUnitBudget(tx, a.itemId, a.fromUnitCode);
      await lockUnitBudget(tx, a.itemId, a.toUnitCode);
      await insertAudited(
        tx,
        ctx.actor,
        allocations,
        'allocation',
        {
          itemId: a.itemId,
          fromUnitCode: a.fromUnitCode,
          toUnitCode: a.toUnitCode,
          quarter: a.quarter,
          category: a.category,
          amountSatang: -a.amountSatang,
          reversesId: a.id,
          note: 'ยกเลิกการนำเข้า / import rolled back',
          createdBy: ctx.actor.userId || null,
        },
        { action: 'reverse', orgUnitCode: a.fromUnitCode },
      );
    }
  },
};
