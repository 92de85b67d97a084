/**
 * A group's members in an import: each found among the district's people (citizen ID, or name + subdistrict) or
 * created as the people importer creates people; written with the groups service's own link code; undone with the
 * group (a rollback removes or restores the members, the people it created, and the member tags it gave).
 */
import { and, eq, isNull, notInArray } from 'drizzle-orm';
import type { Actor } from '../../access';
import { changeRecord } from '../../audit/writes';
import { now } from '../../clock';
import { idIn } from '../../db/bulk';
import type { Tx } from '../../db/client';
import { groupMembers, groups, people } from '../../db/schema';
import type { ImportProblem } from '../../imports/read';
import { citizenIdHash } from '../../personal-data';
import { type BatchRowRef, type ImportContext, problem, type WrittenRow } from './importer';
import { insertPerson } from './people.importer';
import { type PeopleLookup, type PersonRow, personLabel, tagKeepingRoles } from './people-lookup';

export type MemberRole = 'chair' | 'vice_chair' | 'secretary' | 'treasurer' | 'member';

/** Who a row names: a person on file, or one the commit creates (found again if an earlier row created them). */
export type MemberRef =
  | { personId: number; role: MemberRole }
  | {
      create: { title: string; firstName: string; lastName: string; subdistrict?: string };
      citizenId?: string;
      role: MemberRole;
    };

/** The member a row names: a person on file, else one to create; namesakes with another citizen ID are others. */
export function findMember(
  found: PeopleLookup,
  line: number,
  m: { title: string; firstName: string; lastName: string; subdistrict: string; citizenId?: string },
): { person?: PersonRow; problems: ImportProblem[] } {
  const hash = m.citizenId ? found.hashOf(m.citizenId) : undefined;
  const byId = m.citizenId ? found.byCitizenId(m.citizenId) : undefined;
  if (byId) return { person: byId, problems: [] };
  const byName = found
    .byName(m.firstName, m.lastName, m.subdistrict)
    .filter((p) => !hash || !p.citizenIdHash || p.citizenIdHash === hash);
  if (byName.length === 1) return { person: byName[0], problems: [] };
  if (byName.length > 1)
    return {
      problems: [
        problem(
          line,
          'memberCitizenId',
          'import.member_ambiguous',
          `พบบุคคลชื่อ "${m.firstName} ${m.lastName}" ในตำบลเดียวกันมากกว่าหนึ่งคน กรุณาระบุเลขประจำตัวประชาชนสมาชิก`,
          `More than one person named "${m.firstName} ${m.lastName}" in that subdistrict; give the member's citizen ID`,
        ),
      ],
    };
  if (!m.title)
    return {
      problems: [
        problem(
          line,
          'memberTitle',
          'import.required',
          'ต้องกรอกคำนำหน้าสมาชิก (ไม่พบบุคคลนี้ในข้อมูลของอำเภอ ระบบจะเพิ่มให้)',
          'Member title is required (the person is not on file and will be added)',
        ),
      ],
    };
  return { problems: [] };
}

/** The person id a member row stands for, creating the person unless an earlier row of this commit did. */
async function personIdOf(tx: Tx, ctx: ImportContext, ref: MemberRef, written: WrittenRow[]): Promise<number> {
  if ('personId' in ref) return ref.personId;
  const live = and(eq(people.orgUnitCode, ctx.unitCode), isNull(people.deletedAt));
  const { create: c, citizenId } = ref;
  const [again] = citizenId
    ? await tx
        .select({ id: people.id })
        .from(people)
        .where(and(live, eq(people.citizenIdHash, citizenIdHash(ctx.dataKey, citizenId))))
    : await tx
        .select({ id: people.id })
        .from(people)
        .where(
          and(
            live,
            eq(people.firstName, c.firstName),
            eq(people.lastName, c.lastName),
            c.subdistrict ? eq(people.subdistrict, c.subdistrict) : isNull(people.subdistrict),
          ),
        );
  if (again) return again.id;
  const created = await insertPerson(tx, ctx, { ...c, roles: ['group_member'] }, citizenId);
  written.push(created);
  return created.recordId;
}

/**
 * Resolves the members (people created as needed) and runs `save`, which writes the group through the service.
 * A person on file who lacked the group-member tag the service gives is kept, so the rollback takes the tag back.
 */
export async function withMembers(
  tx: Tx,
  ctx: ImportContext,
  refs: MemberRef[],
  save: (members: { personId: number; role: MemberRole }[]) => Promise<void>,
): Promise<WrittenRow[]> {
  const written: WrittenRow[] = [];
  const members: { personId: number; role: MemberRole }[] = [];
  for (const ref of refs) members.push({ personId: await personIdOf(tx, ctx, ref, written), role: ref.role });
  const ids = members.map((m) => m.personId);
  written.push(...(await tagKeepingRoles(tx, ids, 'group_member', () => save(members))));
  return written;
}

const GROUP = { entity: 'group', notFound: 'group.not_found' } as const;

/** Created groups removed with their member links, updated ones given back their fields and members. */
export async function undoGroups(tx: Tx, actor: Actor, rows: BatchRowRef[]): Promise<void> {
  for (const row of rows.filter((r) => r.tableName === 'occupational_groups')) {
    const current = await tx.select().from(groupMembers).where(eq(groupMembers.groupId, row.recordId));
    const { members = [], ...fields } = (row.before ?? {}) as { members?: { personId: number; role: MemberRole }[] } & Record<
      string,
      unknown
    >;
    const values = row.action === 'created' ? { deletedAt: now() } : fields;
    await changeRecord(tx, actor, groups, GROUP, row.recordId, values as never, {
      action: 'rollback',
      before: { members: current.map((m) => ({ personId: m.personId, role: m.role })) },
      after: { members },
    });
    await tx.delete(groupMembers).where(eq(groupMembers.groupId, row.recordId));
    if (members.length) await tx.insert(groupMembers).values(members.map((m) => ({ groupId: row.recordId, ...m })));
  }
}

/** People this batch created who have since joined a group the batch did not write: they are not removed. */
export async function joinedElsewhere(tx: Tx, rows: BatchRowRef[]): Promise<string[]> {
  const created = rows.filter((r) => r.tableName === 'people' && r.action === 'created').map((r) => r.recordId);
  if (!created.length) return [];
  const own = rows.filter((r) => r.tableName === 'occupational_groups').map((r) => r.recordId);
  const found = await tx
    .selectDistinct({ person: people })
    .from(groupMembers)
    .innerJoin(people, eq(people.id, groupMembers.personId))
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(
      and(
        idIn(groupMembers.personId, created),
        isNull(groups.deletedAt),
        own.length ? notInArray(groupMembers.groupId, own) : undefined,
      ),
    );
  return found.map((f) => personLabel(f.person));
}
