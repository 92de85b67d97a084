/**
 * The occupational group a producers-import row names as its owner, found among the district's live groups by name
 * (and subdistrict for namesakes) as place names are found: exact, else a suggestion the user confirms. A name that
 * fits two groups, a group of another district and a name on no group are problems, never a guess; a group the user
 * chose must be one of the district's.
 */
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { groups } from '../../db/schema';
import { matchName, type NameMatch, nameIndexOf } from '../../imports/read';
import { type ImportContext, type NameDecisions, type NamedChoice, problem } from './importer';

export type GroupRow = typeof groups.$inferSelect;
type Problem = ReturnType<typeof problem>;

/** Words a group's name begins with, left out when names are scored ("กลุ่มทอผ้า" is not like "กลุ่มจักสาน"). */
const GROUP_WORD = /^(กลุ่มอาชีพ|กลุ่ม|วิสาหกิจชุมชน)\s*/;

/** How a row names its group, as the report lists it and the user's choice is kept: the name, and the subdistrict. */
export const groupText = (name: string, subdistrict: string | undefined) => (subdistrict ? `${name} (ต.${subdistrict})` : name);

export interface GroupFound {
  group?: GroupRow;
  problems: Problem[];
  /** The dry run's pick among suggestions, waiting for the user's confirmation. */
  pending: boolean;
  named?: NamedChoice;
}

/** The district's live groups, and the names of the file's groups that are groups of another district. */
export async function loadGroupOwners(ctx: ImportContext, names: string[]) {
  const own = await ctx.db
    .select()
    .from(groups)
    .where(and(eq(groups.orgUnitCode, ctx.unitCode), isNull(groups.deletedAt)))
    .orderBy(groups.id);
  const index = nameIndexOf(
    own.map((g) => ({ id: g.id, name: g.name, within: g.subdistrict })),
    GROUP_WORD,
  );
  const byId = new Map(own.map((g) => [g.id, g]));
  const wanted = [...new Set(names.filter(Boolean))];
  const elsewhere = new Set<string>();
  for (let i = 0; i < wanted.length; i += 1000)
    for (const g of await ctx.db
      .selectDistinct({ name: groups.name })
      .from(groups)
      .where(
        and(ne(groups.orgUnitCode, ctx.unitCode), isNull(groups.deletedAt), inArray(groups.name, wanted.slice(i, i + 1000))),
      ))
      elsewhere.add(g.name);
  const matched = new Map<string, NameMatch>();

  /** The group a row names, or why not. */
  return function findGroup(line: number, name: string, subdistrict: string | undefined, names: NameDecisions): GroupFound {
    const text = groupText(name, subdistrict);
    const chosen = names.groups[text] ? byId.get(Number(names.groups[text])) : undefined;
    const match = matched.get(text) ?? matchName(index, name, subdistrict);
    matched.set(text, match);
    const named: NamedChoice | undefined =
      match.status === 'exact' ? undefined : { column: 'groupName', text, status: match.status, suggestions: match.suggestions };
    if (chosen) return { group: chosen, problems: [], pending: false, named };
    if (match.status === 'exact') return { group: byId.get(match.record!.id), problems: [], pending: false };
    const fail = (code: string, th: string, en: string, offer: NamedChoice | undefined): GroupFound => ({
      problems: [problem(line, 'groupName', code, th, en)],
      pending: false,
      named: offer,
    });
    // Another district's group is refused, not "corrected" into a group of ours that looks like it.
    if (elsewhere.has(name))
      return fail(
        'import.group_other_district',
        `กลุ่ม "${name}" ไม่ใช่กลุ่มอาชีพของอำเภอของท่าน นำเข้าได้เฉพาะกลุ่มของอำเภอของท่าน`,
        `"${name}" is not an occupational group of your district; you may register only your own district's groups`,
        undefined,
      );
    if (match.status === 'suggested' && !names.final)
      return { group: byId.get(Number(match.suggestions[0].code)), problems: [], pending: true, named };
    if (match.status === 'suggested')
      return fail(
        'import.group_unconfirmed',
        `ยังไม่ได้ยืนยันกลุ่ม "${text}" (ระบบเสนอ ${match.suggestions[0].name})`,
        `The group "${text}" was not confirmed (suggested: ${match.suggestions[0].name})`,
        named,
      );
    if (match.status === 'ambiguous')
      return fail(
        'import.group_ambiguous',
        `ชื่อกลุ่ม "${text}" ตรงกับกลุ่มอาชีพมากกว่าหนึ่งกลุ่มของอำเภอ (${match.suggestions.map((s) => s.name).join(', ')}) ระบุตำบลของกลุ่ม หรือเลือกกลุ่มที่ถูกต้อง`,
        `"${text}" fits more than one group of the district (${match.suggestions.map((s) => s.name).join(', ')}); give the group's subdistrict or choose the group`,
        named,
      );
    return fail(
      'import.group_unknown',
      `ไม่พบกลุ่มอาชีพ "${name}" ในอำเภอของท่าน กรุณานำเข้ากลุ่มอาชีพก่อน`,
      `No occupational group "${name}" in your district; import the group first`,
      undefined,
    );
  };
}
