import { z } from 'zod';
import { districtCodeSchema, idSchema, isoDate, orgUnitCodeSchema, text } from './fields';
import { pageQuery, pageResponse } from './paging';
import { patchBody } from './patch';

/** DOMAIN.md §5 (6.1): the four places a member can fill on the committee. */
export const COMMITTEE_CATEGORIES = ['chair', 'secretary', 'agency', 'network'] as const;
export type CommitteeCategory = (typeof COMMITTEE_CATEGORIES)[number];
/** Thai names of the categories, for what the server writes in Thai (the audit trail of a term's members). */
export const COMMITTEE_CATEGORY_TH: Record<CommitteeCategory, string> = {
  chair: 'ประธาน',
  secretary: 'เลขานุการ',
  agency: 'ผู้แทนหน่วยงาน',
  network: 'ผู้แทนเครือข่าย',
};

/** The composition rule (one definition; the indicators compute the same in SQL). */
export const COMPOSITION = {
  members: { min: 11, max: 15 },
  chair: 1,
  secretary: 1,
  agency: 5,
  network: { min: 4, max: 8 },
} as const;

export const COMPOSITION_PROBLEMS = [
  'too_few_members',
  'too_many_members',
  'chair_count',
  'secretary_count',
  'agency_count',
  'network_count',
] as const;
export type CompositionProblemCode = (typeof COMPOSITION_PROBLEMS)[number];

/** A problem and the numbers its sentence needs: how many there are, and how many the rule wants (min–max). */
export interface CompositionProblem {
  code: CompositionProblemCode;
  count: number;
  min: number;
  max: number;
}

/**
 * What keeps a term's members from the composition rule: 11–15 members, one chair, one secretary, five agency
 * representatives, four to eight network representatives. A district with the legacy-mechanism exception has none.
 */
export function compositionProblems(members: { category: CommitteeCategory }[], hasException: boolean): CompositionProblem[] {
  if (hasException) return [];
  const countOf = (category: CommitteeCategory) => members.filter((m) => m.category === category).length;
  const problems: CompositionProblem[] = [];
  const { min, max } = COMPOSITION.members;
  if (members.length < min) problems.push({ code: 'too_few_members', count: members.length, min, max });
  if (members.length > max) problems.push({ code: 'too_many_members', count: members.length, min, max });
  const exact = [
    ['chair_count', 'chair'],
    ['secretary_count', 'secretary'],
    ['agency_count', 'agency'],
  ] as const;
  for (const [code, category] of exact) {
    const want = COMPOSITION[category];
    const n = countOf(category);
    if (n !== want) problems.push({ code, count: n, min: want, max: want });
  }
  const network = countOf('network');
  if (network < COMPOSITION.network.min || network > COMPOSITION.network.max)
    problems.push({ code: 'network_count', count: network, ...COMPOSITION.network });
  return problems;
}

/** Members in the order of the appointing order: the chair first, the secretary last, the rest by their sort. */
export function orderedMembers<T extends { category: CommitteeCategory; sort: number }>(members: T[]): T[] {
  const rank = (m: T) => (m.category === 'chair' ? 0 : m.category === 'secretary' ? 2 : 1);
  return [...members].sort((a, b) => rank(a) - rank(b) || a.sort - b.sort);
}

const memberInput = z
  .strictObject({
    id: idSchema.optional().describe('An existing member of this term (kept in place); none for a new member'),
    personId: idSchema.optional().describe('A person of the district'),
    name: text().trim().max(200).default('').describe('An official or outsider by name (when no person)'),
    title: text().trim().max(300).default('').describe('Job title and office outside the committee'),
    category: z.enum(COMMITTEE_CATEGORIES),
    positionCode: z.string().trim().min(1).max(50).describe('A committee_position code'),
    sort: z.number().int().min(0).max(1000).default(0),
  })
  .superRefine((m, ctx) => {
    if (!m.personId && !m.name)
      ctx.addIssue({ code: 'custom', path: ['name'], input: m.name, message: 'A person of the district or a name' });
  });
export type CommitteeMemberInput = z.infer<typeof memberInput>;

const termFields = {
  orderNumber: text().trim().min(1).max(50).describe('The appointing order number, e.g. 123/2569'),
  orderDate: isoDate,
  signedBy: text().trim().min(1).max(200).describe('The name of the นายอำเภอ who signed the order'),
  termStart: isoDate,
  termEnd: isoDate,
  note: text().trim().max(2000).default(''),
  members: z.array(memberInput).max(60),
};

type TermShape = { termStart: string; termEnd: string; members: { personId?: number }[] };
function termRules(body: TermShape, ctx: z.RefinementCtx) {
  if (body.termEnd < body.termStart)
    ctx.addIssue({ code: 'custom', path: ['termEnd'], input: body.termEnd, message: 'On or after the start of the term' });
  const seen = new Set<number>();
  body.members.forEach((m, i) => {
    if (m.personId && seen.has(m.personId))
      ctx.addIssue({ code: 'custom', path: ['members', i, 'personId'], input: m.personId, message: 'The same person twice' });
    if (m.personId) seen.add(m.personId);
  });
}

export const createCommitteeBody = z.strictObject({ orgUnitCode: districtCodeSchema, ...termFields }).superRefine(termRules);
/** A term as a whole, with the version read: what a change must leave valid (and what the edit form checks). */
export const committeeChange = z.strictObject({ version: z.number().int().min(1), ...termFields }).superRefine(termRules);
/** `members`, when sent, is the whole list (ids keep members in place); left out, the members stay as they are. */
export const updateCommitteeBody = patchBody(termFields);

export const compositionSchema = z.object({
  valid: z.boolean(),
  exception: z.object({ letterNumber: z.string(), letterDate: z.string() }).nullable(),
  problems: z.array(
    z.object({ code: z.enum(COMPOSITION_PROBLEMS), count: z.number().int(), min: z.number().int(), max: z.number().int() }),
  ),
});
export type Composition = z.infer<typeof compositionSchema>;

export const committeeMemberSchema = z.object({
  id: z.number().int(),
  person: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** As printed: the person's full name, or the name given. */
  name: z.string(),
  title: z.string(),
  category: z.enum(COMMITTEE_CATEGORIES),
  positionCode: z.string(),
  sort: z.number().int(),
});
export type CommitteeMember = z.infer<typeof committeeMemberSchema>;

export const committeeSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  /** The district's name, for lists above one province (the page knows only the units one level down). */
  unitNameTh: z.string(),
  unitNameEn: z.string(),
  orderNumber: z.string(),
  orderDate: z.string(),
  signedBy: z.string(),
  termStart: z.string(),
  termEnd: z.string(),
  note: z.string(),
  memberCount: z.number().int(),
  composition: compositionSchema,
  version: z.number().int(),
});
export type Committee = z.infer<typeof committeeSchema>;

export const committeeDetailSchema = committeeSchema.extend({ members: z.array(committeeMemberSchema) });
export type CommitteeDetail = z.infer<typeof committeeDetailSchema>;

export const committeeListQuery = z.strictObject({ unit: orgUnitCodeSchema.optional(), ...pageQuery });
export const committeeListResponse = pageResponse(committeeSchema);

export const createExceptionBody = z.strictObject({
  orgUnitCode: districtCodeSchema,
  letterNumber: text().trim().min(1).max(100).describe("The department's approval letter number"),
  letterDate: isoDate,
  reason: text().trim().max(2000).default(''),
});

export const exceptionSchema = z.object({
  id: z.number().int(),
  orgUnitCode: z.string(),
  unitName: z.string(),
  letterNumber: z.string(),
  letterDate: z.string(),
  reason: z.string(),
  version: z.number().int(),
});
export type CommitteeException = z.infer<typeof exceptionSchema>;

export const exceptionListQuery = z.strictObject({ unit: orgUnitCodeSchema.optional(), ...pageQuery });
export const exceptionListResponse = pageResponse(exceptionSchema);
