/**
 * Occupational groups (กลุ่มอาชีพ) with their members, as district spreadsheets keep them: one row per member, the
 * group's cells repeated on each row. Rows with the same group name (and subdistrict) make one group, written once,
 * by its first accepted row, through the groups service. A group of that name already in the district is a duplicate:
 * each row the user updates adds its member (and the row's group cells); a skipped row adds nothing. Members are
 * found among the district's people or created as the people importer creates them.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { createGroupBody, groupChange } from '#shared/groups';
import { idIn } from '../../db/bulk';
import { groupMembers, groups } from '../../db/schema';
import { parseCitizenIdText, parseDateText, parsePhoneText } from '../../imports/read';
import { changeGroup, insertGroup, storedLinks } from '../groups/groups.service';
import { findMember, joinedElsewhere, type MemberRef, type MemberRole, undoGroups, withMembers } from './group-members';
import { GROUP_COLUMNS, GROUP_INSTRUCTIONS, MEMBER_ROLE_NAMES } from './groups-columns';
import { DISTRICT_IMPORT, type Importer, type PlannedRow, problem, rowChecks } from './importer';
import { PERSON_KIND } from './people.importer';
import { lookupPeople, nameKey } from './people-lookup';
import { type RecordKind, recordBlockers, undoRecords } from './record-rollback';

type GroupRow = typeof groups.$inferSelect;
type Problem = ReturnType<typeof problem>;
const GROUP_FIELDS = ['foundedOn', 'contactPhone', 'address', 'subdistrict', 'enterpriseRegNo'] as const;
type GroupFields = Partial<Record<(typeof GROUP_FIELDS)[number], string>>;

/** What the group's first accepted row writes: the group's cells and every accepted member of the file. */
interface GroupRecord {
  lead: boolean;
  name: string;
  given: GroupFields;
  existing?: GroupRow;
  members: MemberRef[];
}

const GROUP_KIND: RecordKind = {
  table: groups,
  tableName: 'occupational_groups',
  entity: 'group',
  notFound: 'group.not_found',
  label: (g) => String(g.name ?? `#${g.id}`),
  ownLinks: ['group_members', 'group_stage_history'],
};
const PERSON_IN_GROUPS: RecordKind = { ...PERSON_KIND, ownLinks: ['group_members'] };

const groupKey = (name: string, subdistrict: string | null | undefined) => `${name.trim()}\u0000${subdistrict?.trim() ?? ''}`;
const lower = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** The group cells a row gives, parsed (blank cells absent), with their problems. */
function groupCells(line: number, v: Record<string, string>) {
  const problems: Problem[] = [];
  const given: GroupFields = {};
  const take = (key: keyof GroupFields, parsed: { value: string } | { problem: { code: string; th: string; en: string } }) => {
    if ('problem' in parsed) problems.push({ line, column: key, ...parsed.problem });
    else given[key] = parsed.value;
  };
  if (v.foundedOn) take('foundedOn', parseDateText(v.foundedOn));
  if (v.contactPhone) take('contactPhone', parsePhoneText(v.contactPhone));
  for (const key of ['address', 'subdistrict', 'enterpriseRegNo'] as const) if (v[key]) given[key] = v[key];
  return { given, problems };
}

/** The service's own schema decides what a group may hold (lengths, phone, date); its messages kept in English. */
function schemaProblems(line: number, body: unknown, update: boolean): Problem[] {
  const parsed = (update ? groupChange : createGroupBody).safeParse(body);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const column = String(issue.path[0] ?? 'groupName');
    const col = GROUP_COLUMNS.find((c) => c.key === (column === 'name' ? 'groupName' : column));
    return problem(
      line,
      col?.key,
      'import.group_invalid',
      `${col?.th ?? column}ไม่ถูกต้อง`,
      `${col?.en ?? column}: ${issue.message}`,
    );
  });
}

const bodyOf = (name: string, given: GroupFields, existing: GroupRow | undefined) => ({
  name,
  foundedOn: given.foundedOn ?? existing?.foundedOn ?? '',
  contactPhone: given.contactPhone ?? existing?.contactPhone ?? undefined,
  address: given.address ?? existing?.address ?? '',
  subdistrict: given.subdistrict ?? existing?.subdistrict ?? undefined,
  enterpriseRegNo: given.enterpriseRegNo ?? existing?.enterpriseRegNo ?? undefined,
});

export const groupsImporter: Importer = {
  kind: 'groups',
  permission: 'pipeline.write',
  title: { th: 'นำเข้ากลุ่มอาชีพและสมาชิก', en: 'Import occupational groups and members' },
  columns: GROUP_COLUMNS,
  instructions: GROUP_INSTRUCTIONS,
  ...DISTRICT_IMPORT,

  async plan(ctx, rows, choices) {
    const names = [...new Set(rows.map((r) => r.values.groupName).filter(Boolean))];
    const existingByName = new Map<string, GroupRow[]>();
    for (let i = 0; i < names.length; i += 1000)
      for (const g of await ctx.db
        .select()
        .from(groups)
        .where(
          and(eq(groups.orgUnitCode, ctx.unitCode), isNull(groups.deletedAt), inArray(groups.name, names.slice(i, i + 1000))),
        ))
        existingByName.set(g.name, [...(existingByName.get(g.name) ?? []), g]);
    const existingOf = (name: string, subdistrict: string) => {
      const all = existingByName.get(name) ?? [];
      return all.find((g) => (g.subdistrict ?? '') === subdistrict) ?? (all.length === 1 ? all[0] : undefined);
    };
    const ids = rows.map((r) => (r.values.memberCitizenId ? parseCitizenIdText(r.values.memberCitizenId) : undefined));
    const found = await lookupPeople(ctx.db, ctx.dataKey, ctx.unitCode, {
      citizenIds: ids.flatMap((p) => (p && 'value' in p ? [p.value] : [])),
      firstNames: rows.map((r) => r.values.memberFirstName),
    });
    const existingIds = [...existingByName.values()].flat().map((g) => g.id);
    const members = existingIds.length
      ? await ctx.db.select().from(groupMembers).where(idIn(groupMembers.groupId, existingIds))
      : [];

    // The group each row belongs to: its first row gives the cells; a later row may repeat them, not contradict them.
    const firstOf = new Map<string, { line: number; given: GroupFields; problems: Problem[] }>();
    const seenMember = new Map<string, number>();
    const planned = rows.map((row, index) => {
      const v = row.values;
      const { problems } = rowChecks(row, GROUP_COLUMNS);
      problems.unshift(...row.problems);
      const cells = groupCells(row.line, v);
      const key = groupKey(v.groupName ?? '', v.subdistrict);
      const existing = v.groupName ? existingOf(v.groupName, v.subdistrict ?? '') : undefined;
      let first = firstOf.get(key);
      if (!first && v.groupName) {
        const body = bodyOf(v.groupName, cells.given, existing);
        const invalid: Problem[] = cells.problems.length
          ? cells.problems
          : !existing && !v.foundedOn
            ? [
                problem(
                  row.line,
                  'foundedOn',
                  'import.required',
                  'ต้องกรอกวันที่ก่อตั้ง (กลุ่มใหม่)',
                  'Founded on is required for a new group',
                ),
              ]
            : existing
              ? schemaProblems(row.line, { ...body, version: existing.version }, true)
              : schemaProblems(row.line, { ...body, orgUnitCode: ctx.unitCode }, false);
        first = { line: row.line, given: cells.given, problems: invalid };
        firstOf.set(key, first);
        problems.push(...invalid.filter((p) => !problems.some((q) => q.column === p.column && q.code === p.code)));
      } else if (first) {
        const differs = GROUP_FIELDS.filter((f) => cells.given[f] !== undefined && cells.given[f] !== first!.given[f]);
        if (differs.length)
          problems.push(
            problem(
              row.line,
              differs[0],
              'import.group_conflict',
              `ข้อมูลกลุ่มไม่ตรงกับแถวที่ ${first.line} ของกลุ่มเดียวกัน`,
              `The group's cells differ from row ${first.line} of the same group`,
            ),
          );
        if (first.problems.length)
          problems.push(
            problem(
              row.line,
              'groupName',
              'import.group_rejected',
              `ข้อมูลกลุ่มที่แถว ${first.line} ไม่ถูกต้อง`,
              `The group's cells on row ${first.line} are not valid`,
            ),
          );
      }
      const role = v.memberRole ? MEMBER_ROLE_NAMES[lower(v.memberRole)] : 'member';
      if (!role)
        problems.push(
          problem(
            row.line,
            'memberRole',
            'import.member_role',
            `ไม่รู้จักตำแหน่ง "${v.memberRole}" (ประธาน, รองประธาน, เลขานุการ, เหรัญญิก, สมาชิก)`,
            `Unknown role "${v.memberRole}" (chair, vice chair, secretary, treasurer, member)`,
          ),
        );
      const parsedId = ids[index];
      if (parsedId && 'problem' in parsedId) problems.push({ line: row.line, column: 'memberCitizenId', ...parsedId.problem });
      const citizenId = parsedId && 'value' in parsedId ? parsedId.value : undefined;
      const subdistrict = v.memberSubdistrict || v.subdistrict || '';
      let ref: MemberRef | undefined;
      if (v.memberFirstName && v.memberLastName && !problems.some((p) => p.column === 'memberCitizenId')) {
        const m = { title: v.memberTitle, firstName: v.memberFirstName, lastName: v.memberLastName, subdistrict, citizenId };
        const { person, problems: memberProblems } = findMember(found, row.line, m);
        problems.push(...memberProblems);
        if (person) ref = { personId: person.id, role: role ?? 'member' };
        else if (!memberProblems.length)
          ref = { create: { ...m, subdistrict: subdistrict || undefined }, citizenId, role: role ?? 'member' };
        const who =
          ref && 'personId' in ref
            ? `p:${ref.personId}`
            : citizenId
              ? `id:${citizenId}`
              : `n:${nameKey(m.firstName, m.lastName, subdistrict)}`;
        const earlier = seenMember.get(`${key}\u0000${who}`);
        if (earlier !== undefined)
          problems.push(
            problem(
              row.line,
              'memberFirstName',
              'import.duplicate_in_file',
              `ซ้ำกับแถวที่ ${earlier} ในไฟล์นี้ (สมาชิกคนเดียวกันในกลุ่มเดียวกัน)`,
              `Same member of the same group as row ${earlier} of this file`,
            ),
          );
        else seenMember.set(`${key}\u0000${who}`, row.line);
      }
      return { row, key, existing, ref, problems, given: cells.given };
    });

    // The group is written by its first accepted row (for a group on file, the first row the user chose to update).
    const leads = new Map<string, GroupRecord>();
    return planned.map(({ row, key, existing, ref, problems, given }): PlannedRow => {
      const v = row.values;
      const label = [v.groupName, `${v.memberFirstName ?? ''} ${v.memberLastName ?? ''}`.trim()].filter(Boolean).join(': ');
      const base = { line: row.line, values: v, label, unitCode: row.unitCode, problems };
      if (problems.length || !ref) return { ...base, action: 'reject' };
      const action = existing ? (choices[row.line] === 'update' ? 'update' : 'skip') : 'create';
      const duplicate = existing ? { id: existing.id, label: existing.name } : undefined;
      if (action === 'skip') return { ...base, action, duplicate };
      const known =
        existing && 'personId' in ref && members.some((m) => m.groupId === existing.id && m.personId === ref.personId);
      const lead = leads.get(key);
      if (lead) {
        if (!known) lead.members.push(ref);
        return { ...base, action, duplicate, record: { lead: false } };
      }
      const record: GroupRecord = {
        lead: true,
        name: v.groupName,
        given: { ...firstGiven(planned, key), ...given },
        existing,
        members: known ? [] : [ref],
      };
      leads.set(key, record);
      return { ...base, action, duplicate, record };
    });
  },

  async write(tx, ctx, row) {
    const record = row.record as GroupRecord;
    if (!record.lead) return [];
    const { name, given, existing } = record;
    if (!existing) {
      let id = 0;
      const written = await withMembers(tx, ctx, record.members, async (members) => {
        id = await insertGroup(tx, ctx.actor, {
          orgUnitCode: ctx.unitCode,
          ...bodyOf(name, given, undefined),
          wisdomIds: [],
          members,
        });
      });
      const [created] = await tx.select({ version: groups.version }).from(groups).where(eq(groups.id, id));
      return [
        { tableName: 'occupational_groups', recordId: id, action: 'created', versionAfter: created.version, before: null },
        ...written,
      ];
    }
    const links = await storedLinks(tx, existing.id);
    const body = bodyOf(name, given, existing);
    const written = await withMembers(tx, ctx, record.members, (added) =>
      changeGroup(tx, ctx.actor, existing, {
        version: existing.version,
        ...body,
        wisdomIds: links.wisdomIds,
        members: [...links.members, ...added.filter((a) => !links.members.some((m) => m.personId === a.personId))] as {
          personId: number;
          role: MemberRole;
        }[],
      }),
    );
    const [after] = await tx.select().from(groups).where(eq(groups.id, existing.id));
    const restore = Object.fromEntries(Object.keys(body).map((k) => [k, existing[k as keyof GroupRow]]));
    return [
      {
        tableName: 'occupational_groups',
        recordId: existing.id,
        action: 'updated',
        versionAfter: after.version,
        before: { ...restore, searchText: existing.searchText, members: links.members },
      },
      ...written,
    ];
  },

  async blockers(tx, _ctx, rows) {
    return [
      ...(await recordBlockers(tx, GROUP_KIND, rows, rows)),
      ...(await recordBlockers(tx, PERSON_IN_GROUPS, rows, rows)),
      ...(await joinedElsewhere(tx, rows)),
    ];
  },

  /** Groups first (their members given back), then the people the batch created or tagged. */
  async undo(tx, ctx, rows) {
    await undoGroups(tx, ctx.actor, rows);
    await undoRecords(tx, ctx, PERSON_KIND, rows);
  },
};

/** The cells of the group's first row (a later row may leave them blank). */
function firstGiven(planned: { key: string; given: GroupFields }[], key: string): GroupFields {
  return planned.find((p) => p.key === key)?.given ?? {};
}
