/**
 * Funding applications of the district's groups (การเชื่อมโยงแหล่งทุน), one row each: the group, the source of the
 * code list, purpose, amount asked in baht, the day applied, and the decision if there was one (approved with its
 * amount, rejected, withdrawn). The same group, source and application day on file is a duplicate: update rewrites
 * the application (and records the row's decision), skip leaves it. Written through the funding feature; a decision
 * dated in a locked quarter is refused as the feature refuses it.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { ERRORS, type ErrorCode } from '#shared/errors';
import { createFundingBody, FUNDING_STATUSES, fundingChange, fundingDecisionBody } from '#shared/funding';
import { formatBaht } from '#shared/thai/index';
import { thaiToday } from '../../clock';
import { idIn } from '../../db/bulk';
import { fundingApplications } from '../../db/schema';
import { parseBahtText, parseDateText } from '../../imports/read';
import { insertFunding, recordDecision, removeFunding, replaceFunding, storedFunding } from '../funding/funding.service';
import { createOrChoose, DISTRICT_IMPORT, type Importer, type PlannedRow, problem, rowChecks, type WrittenRow } from './importer';
import { type RecordKind, recordBlockers } from './record-rollback';
import { groupsByName, groupUnknown, lockedDates, serviceTypesByName } from './service-lookup';

const COLUMNS = [
  { key: 'district', th: 'อำเภอ', en: 'District', required: true, aliases: ['อ.'], example: 'เมืองอุบลราชธานี' },
  { key: 'group', th: 'กลุ่มอาชีพ', en: 'Occupational group', required: true, example: 'กลุ่มทอผ้าบ้านหนองบัว' },
  { key: 'source', th: 'แหล่งทุน', en: 'Funding source', required: true, example: 'กองทุนหมู่บ้านและชุมชนเมือง' },
  { key: 'purpose', th: 'วัตถุประสงค์', en: 'Purpose', required: true, example: 'ซื้อกี่ทอผ้า' },
  { key: 'asked', th: 'วงเงินที่ขอ (บาท)', en: 'Asked (baht)', required: true, example: '50,000' },
  { key: 'appliedOn', th: 'วันที่ยื่นคำขอ', en: 'Applied on', required: true, example: '15/1/2569' },
  {
    key: 'status',
    th: 'ผลการพิจารณา',
    en: 'Decision',
    help: { th: 'ยื่นคำขอแล้ว (ว่าง), อนุมัติ, ไม่อนุมัติ, ถอนคำขอ', en: 'applied (blank), approved, rejected, withdrawn' },
  },
  { key: 'approved', th: 'วงเงินที่อนุมัติ (บาท)', en: 'Approved (baht)' },
  { key: 'approvedReason', th: 'เหตุผลที่อนุมัติเกินวงเงินที่ขอ', en: 'Reason for approving more than asked' },
  { key: 'decidedOn', th: 'วันที่พิจารณา', en: 'Decided on' },
  { key: 'receivedOn', th: 'วันที่ได้รับเงิน', en: 'Money received on' },
  { key: 'note', th: 'หมายเหตุ', en: 'Note' },
] as const;

const STATUSES: Record<string, (typeof FUNDING_STATUSES)[number]> = {
  ยื่นคำขอแล้ว: 'applied',
  ยื่นคำขอ: 'applied',
  รอพิจารณา: 'applied',
  อนุมัติ: 'approved',
  ไม่อนุมัติ: 'rejected',
  ถอนคำขอ: 'withdrawn',
  ถอน: 'withdrawn',
  ...Object.fromEntries(FUNDING_STATUSES.map((s) => [s, s])),
};

type Body = z.infer<typeof createFundingBody>;
type Decision = Omit<z.infer<typeof fundingDecisionBody>, 'version'>;
type FundingRow = typeof fundingApplications.$inferSelect;
interface FundingRecord {
  body: Body;
  decision?: Decision;
  existing?: FundingRow;
}

export const FUNDING_KIND: RecordKind = {
  table: fundingApplications,
  tableName: 'funding_applications',
  entity: 'funding_application',
  notFound: 'funding.not_found',
  label: (f) => `${f.appliedOn ?? ''} ${f.purpose ?? ''}`.trim() || `#${f.id}`,
};

const errorProblem = (line: number, column: string, code: ErrorCode) =>
  problem(line, column, code, ERRORS[code].th, ERRORS[code].en);
const norm = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');
/** Whether the stored decision already is this one (nothing to record). */
const sameDecision = (f: FundingRow, d: Decision) =>
  f.status === d.status &&
  (f.approvedSatang === null ? undefined : String(f.approvedSatang)) === d.approvedSatang &&
  (f.decidedOn ?? undefined) === d.decidedOn &&
  (f.receivedOn ?? undefined) === d.receivedOn &&
  (f.approvedReason ?? undefined) === d.approvedReason;
const keyOf = (groupId: number, source: string, appliedOn: string) => `${groupId}\u0000${source}\u0000${appliedOn}`;

/** A stored application as the bodies that write it again (what an update's rollback restores). */
const stateOf = (f: FundingRow) => ({
  body: storedFunding(f),
  decision: {
    status: f.status,
    ...(f.approvedSatang !== null ? { approvedSatang: String(f.approvedSatang) } : {}),
    ...(f.approvedReason ? { approvedReason: f.approvedReason } : {}),
    ...(f.decidedOn ? { decidedOn: f.decidedOn } : {}),
    ...(f.receivedOn ? { receivedOn: f.receivedOn } : {}),
  },
});

export const fundingImporter: Importer = {
  kind: 'funding',
  permission: 'pipeline.write',
  title: { th: 'นำเข้าการเชื่อมโยงแหล่งทุน', en: 'Import funding applications' },
  columns: COLUMNS,
  instructions: [
    {
      th: 'หนึ่งแถวต่อคำขอทุนหนึ่งรายการ ของกลุ่มอาชีพในอำเภอของท่านเท่านั้น',
      en: 'One row per application, of a group of your own district',
    },
    { th: 'วงเงินใส่เป็นบาท วันที่ใส่ พ.ศ. หรือ ค.ศ.', en: 'Amounts in baht; dates in BE or CE' },
    {
      th: 'กลุ่ม แหล่งทุน และวันที่ยื่นคำขอเดียวกับข้อมูลเดิม: เลือกปรับปรุงหรือข้าม',
      en: 'The same group, source and application day on file: you choose to update or skip',
    },
    { th: 'ผลการพิจารณาที่ลงวันที่ในไตรมาสที่จังหวัดปิดงวดแล้วจะนำเข้าไม่ได้', en: 'A decision dated in a locked quarter is not imported' },
  ],
  ...DISTRICT_IMPORT,

  async plan(ctx, rows, choices) {
    const today = thaiToday();
    const [sources, groupOf] = await Promise.all([
      serviceTypesByName(ctx.db, 'funding_source'),
      groupsByName(ctx.db, ctx.unitCode),
    ]);
    const parsed = rows.map((row) => {
      const v = row.values;
      const { problems, take } = rowChecks(row, COLUMNS);
      problems.unshift(...row.problems);
      const date = (column: 'appliedOn' | 'decidedOn' | 'receivedOn') => {
        const d = v[column] ? take(column, parseDateText(v[column])) : undefined;
        if (d && d > today) problems.push(errorProblem(row.line, column, 'funding.date_in_future'));
        return d;
      };
      const [appliedOn, decidedOn, receivedOn] = [date('appliedOn'), date('decidedOn'), date('receivedOn')];
      const asked = v.asked ? take('asked', parseBahtText(v.asked)) : undefined;
      const approved = v.approved ? take('approved', parseBahtText(v.approved)) : undefined;
      const groupId = v.group ? groupOf(v.group) : undefined;
      if (v.group && !groupId) problems.push(groupUnknown(row.line, v.group));
      const sourceCode = v.source ? sources.find(v.source) : undefined;
      if (v.source && !sourceCode)
        problems.push(
          problem(
            row.line,
            'source',
            'import.funding_source',
            `ไม่มีแหล่งทุน "${v.source}" ในรายการ`,
            `"${v.source}" is not in the funding source list`,
          ),
        );
      const status = v.status ? STATUSES[norm(v.status)] : 'applied';
      if (!status)
        problems.push(
          problem(
            row.line,
            'status',
            'import.funding_status',
            `ไม่รู้จักผลการพิจารณา "${v.status}" (อนุมัติ, ไม่อนุมัติ, ถอนคำขอ)`,
            `Unknown decision "${v.status}" (approved, rejected, withdrawn)`,
          ),
        );
      const body: Body = {
        orgUnitCode: ctx.unitCode,
        groupId: groupId ?? 0,
        sourceCode: sourceCode ?? '',
        purpose: v.purpose ?? '',
        askedSatang: String(asked ?? 0),
        appliedOn: appliedOn ?? '',
        note: v.note ?? '',
      };
      const decision: Decision = {
        status: status ?? 'applied',
        ...(approved !== undefined ? { approvedSatang: String(approved) } : {}),
        ...(v.approvedReason ? { approvedReason: v.approvedReason } : {}),
        ...(decidedOn ? { decidedOn } : {}),
        ...(receivedOn ? { receivedOn } : {}),
      };
      if (!problems.length) {
        // The feature's own schemas and rules between fields: the application, then its decision.
        const issues = [
          ...(createFundingBody.safeParse(body).error?.issues ?? []),
          ...(fundingDecisionBody.safeParse({ ...decision, version: 1 }).error?.issues ?? []),
        ];
        for (const issue of issues) {
          const column = { askedSatang: 'asked', approvedSatang: 'approved' }[String(issue.path[0])] ?? String(issue.path[0]);
          problems.push(
            problem(row.line, column, 'import.funding_invalid', `ข้อมูลไม่ถูกต้อง: ${issue.message}`, `Not valid: ${issue.message}`),
          );
        }
        if (decidedOn && appliedOn && decidedOn < appliedOn)
          problems.push(errorProblem(row.line, 'decidedOn', 'funding.decided_before_applied'));
        if (approved !== undefined && asked !== undefined && approved > asked && !v.approvedReason)
          problems.push(
            problem(
              row.line,
              'approved',
              'funding.approved_over_asked',
              ERRORS['funding.approved_over_asked'].th
                .replace('{approved}', formatBaht(BigInt(approved)))
                .replace('{asked}', formatBaht(BigInt(asked))),
              ERRORS['funding.approved_over_asked'].en
                .replace('{approved}', formatBaht(BigInt(approved)))
                .replace('{asked}', formatBaht(BigInt(asked))),
            ),
          );
      }
      return { row, problems, body, decision: status && status !== 'applied' ? decision : undefined };
    });
    const decided = parsed.flatMap((p) => (p.decision?.decidedOn ? [p.decision.decidedOn] : []));
    const locked = await lockedDates(ctx.db, ctx.unitCode, decided);
    const groupIds = [...new Set(parsed.map((p) => p.body.groupId).filter(Boolean))];
    const onFile = groupIds.length
      ? await ctx.db
          .select()
          .from(fundingApplications)
          .where(
            and(
              eq(fundingApplications.orgUnitCode, ctx.unitCode),
              isNull(fundingApplications.deletedAt),
              idIn(fundingApplications.groupId, groupIds),
            ),
          )
      : [];
    const existing = new Map(onFile.map((f) => [keyOf(f.groupId, f.sourceCode, f.appliedOn), f]));
    const seen = new Map<string, number>();
    return parsed.map(({ row, problems, body, decision }): PlannedRow => {
      if (decision?.decidedOn && locked.has(decision.decidedOn))
        problems.push(errorProblem(row.line, 'decidedOn', 'quarter.locked'));
      const v = row.values;
      const base = {
        line: row.line,
        values: v,
        label: `${v.group} ${v.source} ${v.appliedOn}: ${v.asked}`,
        unitCode: row.unitCode,
      };
      if (problems.length) return { ...base, problems, action: 'reject' };
      const key = keyOf(body.groupId, body.sourceCode, body.appliedOn);
      const earlier = seen.get(key);
      if (earlier !== undefined)
        return {
          ...base,
          action: 'reject',
          problems: [
            problem(
              row.line,
              'appliedOn',
              'import.duplicate_in_file',
              `ซ้ำกับแถวที่ ${earlier} ในไฟล์นี้ (กลุ่ม แหล่งทุน และวันที่ยื่นคำขอเดียวกัน)`,
              `Same group, source and application day as row ${earlier} of this file`,
            ),
          ],
        };
      seen.set(key, row.line);
      const twin = existing.get(key);
      const record: FundingRecord = { body, decision, existing: twin };
      const duplicate = twin && { id: twin.id, label: `${twin.appliedOn}: ${twin.purpose.slice(0, 60)}` };
      return createOrChoose({ ...base, problems }, choices, record, duplicate);
    });
  },

  async write(tx, ctx, row) {
    const { body, decision, existing } = row.record as FundingRecord;
    const { orgUnitCode: _unit, ...fields } = body;
    let current: FundingRow;
    let written: WrittenRow;
    if (row.action === 'update' && existing) {
      current = await replaceFunding(tx, ctx.actor, existing, fundingChange.parse({ ...fields, version: existing.version }));
      written = {
        tableName: 'funding_applications',
        recordId: existing.id,
        action: 'updated',
        versionAfter: 0,
        before: stateOf(existing),
      };
    } else {
      current = await insertFunding(tx, ctx.actor, body);
      written = { tableName: 'funding_applications', recordId: current.id, action: 'created', versionAfter: 0, before: null };
    }
    if (decision && !sameDecision(current, decision))
      current = await recordDecision(
        tx,
        ctx.actor,
        current,
        fundingDecisionBody.parse({ ...decision, version: current.version }),
      );
    return [{ ...written, versionAfter: current.version }];
  },

  blockers: (tx, _ctx, rows) => recordBlockers(tx, FUNDING_KIND, rows, rows),
  async undo(tx, ctx, rows) {
    for (const row of rows.filter((r) => r.tableName === 'funding_applications')) {
      const [current] = await tx.select().from(fundingApplications).where(eq(fundingApplications.id, row.recordId));
      if (row.action === 'created') {
        await removeFunding(tx, ctx.actor, current, current.version);
        continue;
      }
      const before = row.before as ReturnType<typeof stateOf>;
      // The decision first (back to what it was), then the application's fields.
      let now = current;
      if (!sameDecision(now, before.decision))
        now = await recordDecision(tx, ctx.actor, now, fundingDecisionBody.parse({ ...before.decision, version: now.version }));
      await replaceFunding(tx, ctx.actor, now, fundingChange.parse({ ...before.body, version: now.version }));
    }
  },
};
