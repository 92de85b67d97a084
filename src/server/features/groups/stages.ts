/**
 * Pipeline stages from evidence (DOMAIN.md §3). A group's `evidence` lists every stage its records prove, each
 * on its own: a community-market sale proves market access without an OTOP registration. Its `stage` is the
 * furthest of them. Every feature whose records prove a stage calls `refreshGroupStage` after writing, so the
 * stage follows the records both ways; an officer's manual move is one more piece of evidence, with its reason.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { type GrownAs, STAGES, STRENGTHENING_SERVICE_TYPES, type Stage } from '#shared/groups';
import type { Actor } from '../../access';
import { changeRecord } from '../../audit/writes';
import { thaiToday } from '../../clock';
import type { Tx } from '../../db/client';
import { codeArray } from '../../db/filters';
import { groupStageHistory, groups } from '../../db/schema';
import { AppError } from '../../errors';

export const GROUP = { entity: 'group', notFound: 'group.not_found' } as const;

export const stageIndex = (stage: Stage) => STAGES.indexOf(stage);

const STAGE_TH: Record<Stage, string> = {
  wisdom_surveyed: 'สำรวจภูมิปัญญา',
  group_formed: 'รวมกลุ่มอาชีพ',
  otop_registered: 'ลงทะเบียน OTOP',
  needs_analysed: 'วิเคราะห์ความต้องการ',
  strengthened: 'ได้รับการพัฒนา',
  market_access: 'เข้าถึงตลาด',
  funding_access: 'เข้าถึงแหล่งทุน',
  grown: 'เติบโตเป็น SME/วิสาหกิจเพื่อสังคม',
};

/** The kind of record that proved a stage; the history keeps it so the web can say it in Thai or English. */
export const EVIDENCE_REASON_TH = {
  formed: 'ก่อตั้งกลุ่ม',
  registration: 'มีการขึ้นทะเบียนผู้ผลิต ผู้ประกอบการ OTOP',
  needs_analysis: 'มีการวิเคราะห์ปัญหาและความต้องการของกลุ่ม',
  strengthening: 'ได้รับบริการ การอบรม หรือใบรับรองมาตรฐาน',
  sales: 'มีบันทึกยอดขาย',
  funding: 'ได้รับอนุมัติแหล่งทุน',
  grown_outcome: 'มีผลลัพธ์ที่ยืนยันแล้วว่าเติบโตเป็น SME วิสาหกิจเพื่อสังคม หรือธุรกิจเพื่อสังคม',
  manual: 'เปลี่ยนขั้นโดยเจ้าหน้าที่',
  withdrawn: 'หลักฐานของขั้นเดิมถูกแก้ไขหรือลบ',
} as const;
export type EvidenceKind = keyof typeof EVIDENCE_REASON_TH;

export const STAGE_EVIDENCE: Partial<Record<Stage, EvidenceKind>> = {
  otop_registered: 'registration',
  needs_analysed: 'needs_analysis',
  strengthened: 'strengthening',
  market_access: 'sales',
  funding_access: 'funding',
  grown: 'grown_outcome',
};

const strengtheningTypes = codeArray(STRENGTHENING_SERVICE_TYPES);

/**
 * One call: which stages the group's live records prove, and the kind of growth a verified outcome shows. The query
 * is the plpgsql function `group_proven_by_records` (migration 0029), which keeps its plan for the connection.
 */
async function provenByRecords(tx: Tx, groupId: number) {
  const result = (await tx.execute(sql`select * from group_proven_by_records(${groupId}, ${strengtheningTypes})`)) as unknown as {
    rows: {
      registered: boolean;
      analysed: boolean;
      strengthened: boolean;
      sold: boolean;
      funded: boolean;
      grown_kind: string | null;
    }[];
  };
  const r = result.rows[0];
  const proven = new Set<Stage>(['group_formed']);
  if (r.registered) proven.add('otop_registered');
  if (r.analysed) proven.add('needs_analysed');
  if (r.strengthened) proven.add('strengthened');
  if (r.sold) proven.add('market_access');
  if (r.funded) proven.add('funding_access');
  if (r.grown_kind) proven.add('grown');
  const grownAs = r.grown_kind ? (r.grown_kind.replace('became_', '') as GrownAs) : null;
  return { proven, grownAs };
}

/** The stage of the latest manual move, if any: an officer's word counts as evidence until corrected. */
async function manualStage(tx: Tx, groupId: number): Promise<Stage | null> {
  const [lastManual] = await tx
    .select({ toStage: groupStageHistory.toStage })
    .from(groupStageHistory)
    .where(and(eq(groupStageHistory.groupId, groupId), eq(groupStageHistory.automatic, false)))
    .orderBy(desc(groupStageHistory.changedAt), desc(groupStageHistory.id))
    .limit(1);
  return (lastManual?.toStage as Stage | undefined) ?? null;
}

const furthest = (stages: Iterable<Stage>): Stage =>
  [...stages].reduce((a, b) => (stageIndex(b) > stageIndex(a) ? b : a), 'group_formed' as Stage);

/** What the records (not manual moves) prove: the stage an officer cannot move below. */
export async function provenStage(tx: Tx, groupId: number): Promise<Stage> {
  return furthest((await provenByRecords(tx, groupId)).proven);
}

/**
 * Brings a group's evidence and stage in line with its records, dating an automatic move by the fact that
 * caused it (never in the future). Call it in the transaction of any write that adds or removes evidence.
 */
export async function refreshGroupStage(tx: Tx, actor: Actor, groupId: number, factDate: string = thaiToday()) {
  const [group] = await tx.select().from(groups).where(eq(groups.id, groupId));
  if (!group) return;
  const { proven, grownAs } = await provenByRecords(tx, groupId);
  const manual = await manualStage(tx, groupId);
  const evidence = new Set(proven);
  if (manual && manual !== 'wisdom_surveyed') evidence.add(manual);
  const ordered = STAGES.filter((s) => evidence.has(s));
  if (ordered.join() !== group.evidence.join()) {
    await tx.update(groups).set({ evidence: ordered }).where(eq(groups.id, groupId));
  }

  const target = furthest(evidence);
  if (target === group.stage) return;
  const kind: EvidenceKind =
    target === manual
      ? 'manual'
      : stageIndex(target) < stageIndex(group.stage)
        ? 'withdrawn'
        : (STAGE_EVIDENCE[target] ?? 'manual');
  const reason = EVIDENCE_REASON_TH[kind];
  await changeRecord(
    tx,
    actor,
    groups,
    GROUP,
    groupId,
    { stage: target, grownAs: target === 'grown' ? (grownAs ?? group.grownAs) : null },
    { action: 'change_stage', after: { reason } },
  );
  await recordStageChange(tx, actor, group, target, reason, {
    automatic: true,
    evidenceKind: kind,
    changedOn: factDate > thaiToday() ? thaiToday() : factDate,
  });
}

/**
 * Checks an officer's manual move: an OTOP registration and growth must be on record; a move below what the
 * records prove is refused (the records would move it straight back; correct them instead).
 */
export async function requireStageData(tx: Tx, groupId: number, stage: Stage, grownAs: string | undefined) {
  const fail = (needTh: string, needEn: string) => {
    throw new AppError('group.stage_needs_data', { params: { stage, stageTh: STAGE_TH[stage], needTh, needEn } });
  };
  const { proven } = await provenByRecords(tx, groupId);
  if (stage === 'otop_registered' && !proven.has('otop_registered'))
    fail('ยังไม่มีการขึ้นทะเบียนผู้ผลิต OTOP', 'no OTOP registration is recorded');
  if (stage === 'grown' && !grownAs)
    fail(
      'ต้องระบุว่าเติบโตเป็น SME วิสาหกิจเพื่อสังคม หรือธุรกิจเพื่อสังคม',
      'say whether it grew into an SME, social enterprise or social business',
    );
  const recordsSay = furthest(proven);
  if (stageIndex(stage) < stageIndex(recordsSay))
    fail(
      `บันทึกของกลุ่มแสดงว่าอยู่ขั้น ${STAGE_TH[recordsSay]} แล้ว ให้แก้ไขบันทึกนั้นแทน`,
      `the group's records already prove the stage ${recordsSay}; correct those records instead`,
    );
}

export async function recordStageChange(
  tx: Tx,
  actor: Actor | null,
  group: { id: number; orgUnitCode: string; stage: Stage },
  toStage: Stage,
  reason: string,
  options: { automatic: boolean; changedOn?: string; evidenceKind?: EvidenceKind },
) {
  await tx.insert(groupStageHistory).values({
    groupId: group.id,
    orgUnitCode: group.orgUnitCode,
    fromStage: group.stage,
    toStage,
    changedOn: options.changedOn ?? thaiToday(),
    changedBy: actor?.userId || null,
    reason,
    automatic: options.automatic,
    evidenceKind: options.evidenceKind ?? null,
  });
}
