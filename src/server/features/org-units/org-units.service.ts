import { and, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { isDistrict } from '#shared/fields';
import type { OrgUnit, OrgUnitDetail, orgUnitListQuery } from '#shared/org-units';
import { type Actor, requirePermission } from '../../access';
import type { Db } from '../../db/client';
import { containing, startingWith, thaiOrder } from '../../db/filters';
import { centers, orgUnits } from '../../db/schema';
import { AppError } from '../../errors';

/** Ancestors of a DOPA code, top first: '3401' -> ['TH', '34']. */
export function ancestorCodes(code: string): string[] {
  if (code === 'TH') return [];
  return isDistrict(code) ? ['TH', code.slice(0, 2)] : ['TH'];
}

export async function listOrgUnits(
  db: Db,
  actor: Actor,
  query: z.infer<typeof orgUnitListQuery>,
): Promise<{ items: OrgUnit[]; total: number }> {
  requirePermission(actor, 'org_units.read');
  const conditions: (SQL | undefined)[] = [
    query.level ? eq(orgUnits.level, query.level) : undefined,
    query.parent ? eq(orgUnits.parentCode, query.parent) : undefined,
    query.covered ? eq(orgUnits.covered, query.covered === 'true') : undefined,
  ];
  if (query.q) {
    conditions.push(
      or(
        ilike(orgUnits.nameTh, containing(query.q)),
        ilike(orgUnits.nameEn, containing(query.q)),
        ilike(orgUnits.code, startingWith(query.q)),
      ),
    );
  }
  const where = and(...conditions);
  const [items, [{ total }]] = await Promise.all([
    db
      .select()
      .from(orgUnits)
      .where(where)
      .orderBy(query.sort === 'name' ? thaiOrder(orgUnits.nameTh) : orgUnits.code),
    db.select({ total: count() }).from(orgUnits).where(where),
  ]);
  return { items, total };
}

/** One unit with its parent, ancestors, children and center (reference data: public to any signed-in user). */
export async function getOrgUnit(db: Db, actor: Actor, code: string): Promise<OrgUnitDetail> {
  requirePermission(actor, 'org_units.read');
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.code, code));
  if (!unit) throw new AppError('org_unit.not_found', { params: { code } });
  const ancestorList = ancestorCodes(code);
  const [ancestors, children, [center]] = await Promise.all([
    ancestorList.length ? db.select().from(orgUnits).where(inArray(orgUnits.code, ancestorList)).orderBy(orgUnits.code) : [],
    db.select().from(orgUnits).where(eq(orgUnits.parentCode, code)).orderBy(orgUnits.code),
    db
      .select({ id: centers.id, nameTh: centers.nameTh, nameEn: centers.nameEn })
      .from(centers)
      .where(eq(centers.orgUnitCode, code)),
  ]);
  // 'TH' sorts after digits; keep the nation first.
  ancestors.sort((a, b) => a.code.length - b.code.length || (a.code === 'TH' ? -1 : 1));
  return { ...unit, parent: ancestors.at(-1) ?? null, ancestors, children, center: center ?? null };
}

export async function findOrgUnit(db: Db, code: string) {
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.code, code));
  return unit;
}
