import { sql } from 'drizzle-orm';
import type { OrgUnit } from '#shared/org-units';
import type { Db } from '../client';
import { centers, orgUnits } from '../schema';
import orgUnitData from './org-units.json' with { type: 'json' };

/** Official hierarchy built from npm data packages by scripts/build-org-units.ts (never typed by hand). */
export const ORG_UNITS = orgUnitData as OrgUnit[];

/** Loads org units and one center per covered district; safe to run again (upserts names). */
export async function seedReferenceData(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    // Parents first: the nation, then provinces, then districts, so foreign keys hold.
    const byDepth = [...ORG_UNITS].sort((a, b) => depth(a) - depth(b));
    await tx
      .insert(orgUnits)
      .values(byDepth)
      .onConflictDoUpdate({
        target: orgUnits.code,
        set: {
          nameTh: sql`excluded.name_th`,
          nameEn: sql`excluded.name_en`,
          covered: sql`excluded.covered`,
          parentCode: sql`excluded.parent_code`,
        },
      });
    const centerRows = ORG_UNITS.filter((u) => u.level === 'district' && u.covered).map((u) => ({
      orgUnitCode: u.code,
      nameTh: `ศูนย์บริการส่งเสริมเศรษฐกิจฐานรากอำเภอ${u.nameTh}`,
      nameEn: `${u.nameEn} Foundational Economy Promotion Service Center`,
    }));
    await tx.insert(centers).values(centerRows).onConflictDoNothing({ target: centers.orgUnitCode });
  });
}

const depth = (u: OrgUnit) => ({ national: 0, province: 1, district: 2 })[u.level];
