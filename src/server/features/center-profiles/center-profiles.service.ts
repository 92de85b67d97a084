/** Where the center is and how to reach it (DOMAIN.md §5): one profile per district, kept by its district officer. */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CenterProfile, saveCenterProfileBody } from '#shared/center-profiles';
import { type Actor, requireInScope, requirePermission, scopeFilter } from '../../access';
import { createRecord, updateRecord } from '../../audit/writes';
import type { Db } from '../../db/client';
import { centerProfiles } from '../../db/schema';
import { AppError } from '../../errors';

export const CENTER_PROFILE = { entity: 'center_profile', notFound: 'center_profile.not_found' } as const;

const toProfile = (p: typeof centerProfiles.$inferSelect): CenterProfile => ({
  orgUnitCode: p.orgUnitCode,
  officeAddress: p.officeAddress,
  serviceArea: p.serviceArea,
  openingHours: p.openingHours,
  phone: p.phone,
  email: p.email,
  staffOnDuty: p.staffOnDuty,
  learningMedia: p.learningMedia,
  latitude: p.latitude,
  longitude: p.longitude,
  version: p.version,
});

/** The district's profile; outside the scope, or not recorded yet, it is not found. */
export async function getCenterProfile(db: Db, actor: Actor, unitCode: string): Promise<CenterProfile> {
  requirePermission(actor, 'pipeline.read');
  const [row] = await db
    .select()
    .from(centerProfiles)
    .where(and(eq(centerProfiles.orgUnitCode, unitCode), scopeFilter(actor, centerProfiles.orgUnitCode)));
  if (!row) throw new AppError(CENTER_PROFILE.notFound);
  return toProfile(row);
}

/** Creates the profile (version 0) or changes it at the version read. */
export async function saveCenterProfile(
  db: Db,
  actor: Actor,
  unitCode: string,
  body: z.infer<typeof saveCenterProfileBody>,
): Promise<CenterProfile> {
  requirePermission(actor, 'pipeline.write');
  requireInScope(actor, unitCode);
  const { version, ...fields } = body;
  const values = { ...fields, latitude: fields.latitude ?? null, longitude: fields.longitude ?? null };
  const saved = await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(centerProfiles).where(eq(centerProfiles.orgUnitCode, unitCode));
    if (!existing) {
      if (version !== 0) throw new AppError('record.stale');
      return createRecord(tx, actor, centerProfiles, CENTER_PROFILE.entity, { orgUnitCode: unitCode, ...values });
    }
    if (version === 0) throw new AppError('center_profile.exists');
    return (await updateRecord(tx, actor, centerProfiles, CENTER_PROFILE, existing.id, version, values)).after;
  });
  return toProfile(saved);
}
