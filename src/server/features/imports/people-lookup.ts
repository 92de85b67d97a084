/**
 * The live people of a district an import's rows name, found in bulk: by citizen ID (the keyed hash, never the clear
 * ID) and by first name + last name + subdistrict. Used to find duplicates (people) and holders (wisdom).
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { PersonRole } from '#shared/people';
import { idIn } from '../../db/bulk';
import type { Db, Tx } from '../../db/client';
import { people } from '../../db/schema';
import { citizenIdHash } from '../../personal-data';
import type { WrittenRow } from './importer';

export type PersonRow = typeof people.$inferSelect;

export const personLabel = (p: { title?: string | null; firstName?: string | null; lastName?: string | null }) =>
  `${p.title ?? ''}${p.firstName ?? ''} ${p.lastName ?? ''}`.trim();

export const nameKey = (firstName: string, lastName: string, subdistrict: string) =>
  `${firstName.trim()}\u0000${lastName.trim()}\u0000${subdistrict.trim()}`;

export interface PeopleLookup {
  hashOf(citizenId: string): string;
  byCitizenId(citizenId: string): PersonRow | undefined;
  /** Every live person of that name in that subdistrict (namesakes are allowed, so there may be several). */
  byName(firstName: string, lastName: string, subdistrict: string): PersonRow[];
}

const CHUNK = 1000;

export async function lookupPeople(
  db: Db | Tx,
  dataKey: Buffer,
  unitCode: string,
  wanted: { citizenIds: string[]; firstNames: string[] },
): Promise<PeopleLookup> {
  const hashes = new Map<string, string>();
  for (const id of wanted.citizenIds) if (!hashes.has(id)) hashes.set(id, citizenIdHash(dataKey, id));
  const live = and(eq(people.orgUnitCode, unitCode), isNull(people.deletedAt));
  const byHash = new Map<string, PersonRow>();
  const hashList = [...new Set(hashes.values())];
  for (let i = 0; i < hashList.length; i += CHUNK)
    for (const p of await db
      .select()
      .from(people)
      .where(and(live, inArray(people.citizenIdHash, hashList.slice(i, i + CHUNK)))))
      byHash.set(p.citizenIdHash!, p);
  const byName = new Map<string, PersonRow[]>();
  const firstNames = [...new Set(wanted.firstNames.filter(Boolean))];
  for (let i = 0; i < firstNames.length; i += CHUNK)
    for (const p of await db
      .select()
      .from(people)
      .where(and(live, inArray(people.firstName, firstNames.slice(i, i + CHUNK))))) {
      if (!p.subdistrict) continue;
      const key = nameKey(p.firstName, p.lastName, p.subdistrict);
      byName.set(key, [...(byName.get(key) ?? []), p]);
    }
  const hashOf = (id: string) => hashes.get(id) ?? citizenIdHash(dataKey, id);
  return {
    hashOf,
    byCitizenId: (id) => byHash.get(hashOf(id)),
    byName: (first, last, subdistrict) => (subdistrict ? (byName.get(nameKey(first, last, subdistrict)) ?? []) : []),
  };
}

/**
 * Tags people with a role through `tag` (the feature's own write) and returns, for each one who lacked it, an
 * 'updated' row holding the roles before, so the batch's rollback gives them back (and refuses if the person was
 * changed since).
 */
export async function tagKeepingRoles(tx: Tx, ids: number[], role: PersonRole, tag: () => Promise<void>): Promise<WrittenRow[]> {
  const untagged = ids.length
    ? await tx
        .select({ id: people.id, roles: people.roles })
        .from(people)
        .where(and(idIn(people.id, [...new Set(ids)]), sql`not (${role} = any(${people.roles}))`))
    : [];
  await tag();
  if (!untagged.length) return [];
  const versions = new Map(
    (
      await tx
        .select({ id: people.id, version: people.version })
        .from(people)
        .where(
          idIn(
            people.id,
            untagged.map((p) => p.id),
          ),
        )
    ).map((p) => [p.id, p.version]),
  );
  return untagged.map((p) => ({
    tableName: 'people',
    recordId: p.id,
    action: 'updated' as const,
    versionAfter: versions.get(p.id)!,
    before: { roles: p.roles },
  }));
}
