/**
 * What a services import looks up in the district, in bulk: the service types of the code list (by code or name), the
 * people who may be named as giving a service, the occupational groups, the locked quarters, and the services already
 * on file on the file's dates with their clients and types (to find duplicates).
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { serviceGiverFilter } from '../../access';
import { idIn } from '../../db/bulk';
import type { Db, Tx } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { codeLists, groups, serviceGroups, servicePeople, services, serviceTypeCodes, users } from '../../db/schema';
import { problem } from './importer';

const norm = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** A code list's codes by code, Thai name and English name (deprecated ones are not offered for new records). */
export async function serviceTypesByName(
  db: Db | Tx,
  list: 'service_type' | 'sales_channel' | 'funding_source' = 'service_type',
) {
  const rows = await db
    .select()
    .from(codeLists)
    .where(and(eq(codeLists.list, list), eq(codeLists.deprecated, false)));
  const byName = new Map<string, string>();
  for (const r of rows) for (const name of [r.code, r.nameTh, r.nameEn]) byName.set(norm(name), r.code);
  return { find: (text: string) => byName.get(norm(text)), names: rows.map((r) => r.nameTh) };
}

/** The district's active officers and committee members, by username and by display name. */
export async function serviceGivers(db: Db | Tx, unitCode: string) {
  const rows = await db
    .select({ id: users.id, username: users.username, name: users.displayName })
    .from(users)
    .where(serviceGiverFilter(unitCode));
  const byName = new Map<string, number>();
  for (const r of rows) byName.set(norm(r.name), r.id).set(norm(r.username), r.id);
  return (text: string) => byName.get(norm(text));
}

/** The district's live groups by name (a name used twice is ambiguous and matches neither). */
export async function groupsByName(db: Db | Tx, unitCode: string) {
  const rows = await db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(and(eq(groups.orgUnitCode, unitCode), isNull(groups.deletedAt)));
  const byName = new Map<string, number | null>();
  for (const r of rows) byName.set(norm(r.name), byName.has(norm(r.name)) ? null : r.id);
  return (text: string) => byName.get(norm(text));
}

/** A group named in the file that is not one of the district's (or a name two of its groups share). */
export const groupUnknown = (line: number, name: string) =>
  problem(line, 'group', 'import.group_unknown', `ไม่พบกลุ่ม "${name}" ในอำเภอนี้`, `No group "${name}" in this district`);

/** Which of these dates fall in a quarter the province locked for the district (the trigger's own test). */
export async function lockedDates(db: Db | Tx, unitCode: string, dates: string[]): Promise<Set<string>> {
  const days = [...new Set(dates)];
  if (!days.length) return new Set();
  // One statement for the file's dates (one JSON parameter), not one per date.
  const locked = await rowsOf<{ day: string }>(
    db,
    sql`select d.day from json_array_elements_text(${JSON.stringify(days)}::json) as d(day)
      where quarter_is_locked(${unitCode}, d.day::date)`,
  );
  return new Set(locked.map((r) => r.day));
}

export type ServiceRow = typeof services.$inferSelect;

/** Live services of the district on these dates, each under its keys date + client + type. */
export async function servicesByKey(db: Db | Tx, unitCode: string, dates: string[]) {
  const byKey = new Map<string, ServiceRow>();
  if (!dates.length) return byKey;
  const found = await db
    .select()
    .from(services)
    .where(
      and(eq(services.orgUnitCode, unitCode), isNull(services.deletedAt), inArray(services.serviceDate, [...new Set(dates)])),
    );
  if (!found.length) return byKey;
  const ids = found.map((s) => s.id);
  const [who, which, types] = await Promise.all([
    db.select().from(servicePeople).where(idIn(servicePeople.serviceId, ids)),
    db.select().from(serviceGroups).where(idIn(serviceGroups.serviceId, ids)),
    db.select().from(serviceTypeCodes).where(idIn(serviceTypeCodes.serviceId, ids)),
  ]);
  const byId = new Map(found.map((s) => [s.id, s]));
  const clients = new Map<number, string[]>();
  for (const r of who) clients.set(r.serviceId, [...(clients.get(r.serviceId) ?? []), `p${r.personId}`]);
  for (const r of which) clients.set(r.serviceId, [...(clients.get(r.serviceId) ?? []), `g${r.groupId}`]);
  for (const t of types) {
    const s = byId.get(t.serviceId)!;
    for (const client of clients.get(s.id) ?? []) byKey.set(serviceKey(s.serviceDate, client, t.typeCode), s);
  }
  return byKey;
}

export const serviceKey = (date: string, client: string, type: string) => `${date}\u0000${client}\u0000${type}`;
