/**
 * Pipeline stage rules: which stages the data proves, and what a manual move needs.
 * Registration and certificates are recorded facts, so those stages follow the data automatically.
 */
import { and, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import { STAGES, type Stage } from '#shared/groups';
import type { Actor } from '../../access';
import { changeRecord } from '../../audit/writes';
import { thaiToday } from '../../clock';
import type { Tx } from '../../db/client';
import { certifications, groupStageHistory, groups, producers, products } from '../../db/schema';
import { AppError } from '../../errors';

export const GROUP = { entity: 'group', notFound: 'group.not_found' } as const;

export const stageIndex = (stage: Stage) => STAGES.indexOf(stage);

const STAGE_TH: Record<Stage, string> = {
  wisdom_surveyed: 'สำรวจภูมิปัญญา',
  group_formed: 'รวมกลุ่มอาชีพ',
  otop_registered: 'ลงทะเบียน OTOP',
  certified: 'ได้รับมาตรฐาน',
  market_access: 'เข้าถึงตลาด',
  funding_access: 'เข้าถึงแหล่งทุน',
  grown: 'เติบโตเป็น SME/วิสาหกิจเพื่อสังคม',
};

/** What the records prove about a group: registered (a live registration) and certified (a current certificate). */
export async function provenFacts(tx: Tx, groupId: number) {
  const registrations = await tx
    .select({ id: producers.id })
    .from(producers)
    .where(and(eq(producers.groupId, groupId), eq(producers.status, 'registered'), isNull(producers.deletedAt)));
  if (!registrations.length) return { registered: false, certified: false };
  const producerIds = registrations.map((r) => r.id);
  const productIds = tx
    .select({ id: products.id })
    .from(products)
    .where(and(inArray(products.producerId, producerIds), isNull(products.deletedAt)));
  const [cert] = await tx
    .select({ id: certifications.id })
    .from(certifications)
    .where(
      and(
        isNull(certifications.deletedAt),
        or(inArray(certifications.producerId, producerIds), inArray(certifications.productId, productIds)),
        or(isNull(certifications.expiresOn), gte(certifications.expiresOn, thaiToday())),
      ),
    )
    .limit(1);
  return { registered: true, certified: !!cert };
}

/** Refuses a manual move to a stage whose required data is missing. */
export async function requireStageData(tx: Tx, groupId: number, stage: Stage, grownAs: string | undefined) {
  const facts = await provenFacts(tx, groupId);
  const fail = (needTh: string, needEn: string) => {
    throw new AppError('group.stage_needs_data', { params: { stage, stageTh: STAGE_TH[stage], needTh, needEn } });
  };
  if (stageIndex(stage) >= stageIndex('otop_registered') && !facts.registered)
    fail('ยังไม่มีการขึ้นทะเบียนผู้ผลิต OTOP', 'no OTOP registration is recorded');
  if (stageIndex(stage) >= stageIndex('certified') && !facts.certified)
    fail('ยังไม่มีใบรับรองมาตรฐานที่ยังไม่หมดอายุ', 'no current certificate is recorded');
  if (stage === 'grown' && !grownAs)
    fail(
      'ต้องระบุว่าเติบโตเป็น SME วิสาหกิจเพื่อสังคม หรือธุรกิจเพื่อสังคม',
      'say whether it grew into an SME, social enterprise or social business',
    );
}

export async function recordStageChange(
  tx: Tx,
  actor: Actor | null,
  group: { id: number; orgUnitCode: string; stage: Stage },
  toStage: Stage,
  reason: string,
  options: { automatic: boolean; changedOn?: string },
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
  });
}

/** Moves a group forward to what its data now proves (never backward: officers correct by hand), dated by the fact. */
export async function advanceStageFromData(tx: Tx, actor: Actor, groupId: number, reason: string, factDate: string) {
  const [group] = await tx.select().from(groups).where(eq(groups.id, groupId));
  if (!group) return;
  const facts = await provenFacts(tx, groupId);
  const proven: Stage = facts.certified ? 'certified' : facts.registered ? 'otop_registered' : 'group_formed';
  if (stageIndex(proven) <= stageIndex(group.stage)) return;
  await changeRecord(tx, actor, groups, GROUP, groupId, { stage: proven }, { action: 'change_stage', after: { reason } });
  await recordStageChange(tx, actor, group, proven, reason, {
    automatic: true,
    changedOn: factDate > thaiToday() ? thaiToday() : factDate,
  });
}
