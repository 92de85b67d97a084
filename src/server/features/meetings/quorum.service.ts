/**
 * The quorum of committee meetings, in percent of the term's members (strictly more is quorate): one setting for
 * the nation, copied into each meeting when it is planned so a later change never rewrites history.
 */
import { eq } from 'drizzle-orm';
import { DEFAULT_QUORUM_PERCENT } from '#shared/meetings';
import { type Actor, requirePermission } from '../../access';
import { auditEvent } from '../../audit/audit';
import { now } from '../../clock';
import type { Db, Tx } from '../../db/client';
import { systemSettings } from '../../db/schema';

const NAME = 'meeting_quorum_percent';

export async function quorumPercent(db: Db | Tx): Promise<number> {
  const [row] = await db.select().from(systemSettings).where(eq(systemSettings.name, NAME));
  return row ? Number(row.value) : DEFAULT_QUORUM_PERCENT;
}

export async function getQuorumSetting(db: Db, actor: Actor) {
  requirePermission(actor, 'org_units.read');
  return { percent: await quorumPercent(db) };
}

export async function saveQuorumSetting(db: Db, actor: Actor, percent: number) {
  requirePermission(actor, 'settings.manage');
  await db.transaction(async (tx) => {
    await tx
      .insert(systemSettings)
      .values({ name: NAME, value: String(percent) })
      .onConflictDoUpdate({ target: systemSettings.name, set: { value: String(percent), updatedAt: now() } });
    await auditEvent(tx, actor, {
      action: 'update',
      entity: 'system_settings',
      entityId: NAME,
      orgUnitCode: 'TH',
      after: { meetingQuorumPercent: percent },
    });
  });
  return { percent };
}
