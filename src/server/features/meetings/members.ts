/**
 * The committee a meeting belongs to and its members. Committees are kept by their own feature; a meeting only
 * needs the term in force on its date and who sat on it, read here straight from the tables.
 */
import { and, asc, desc, eq, gte, isNull, lte } from 'drizzle-orm';
import { formatThaiDate } from '#shared/thai/index';
import { idIn } from '../../db/bulk';
import type { Db, Tx } from '../../db/client';
import { committeeMembers, committees, people } from '../../db/schema';
import { AppError } from '../../errors';
import { fullName } from '../people/people.service';

export interface TermMember {
  id: number;
  name: string;
  title: string;
  positionCode: string;
}

/** The district's term in force on a day (DOMAIN.md §5: the latest term_start if several), or a clear error. */
export async function committeeInForce(db: Db | Tx, orgUnitCode: string, day: string): Promise<number> {
  const [term] = await db
    .select({ id: committees.id })
    .from(committees)
    .where(
      and(
        eq(committees.orgUnitCode, orgUnitCode),
        isNull(committees.deletedAt),
        lte(committees.termStart, day),
        gte(committees.termEnd, day),
      ),
    )
    .orderBy(desc(committees.termStart), desc(committees.id))
    .limit(1);
  if (!term) throw new AppError('meeting.no_committee', { params: { date: formatThaiDate(day), dateEn: day } });
  return term.id;
}

/** Every member of a term, in the order of the appointing order. */
export async function membersOf(db: Db | Tx, committeeId: number): Promise<TermMember[]> {
  const rows = await db
    .select({ m: committeeMembers, person: people })
    .from(committeeMembers)
    .leftJoin(people, eq(people.id, committeeMembers.personId))
    .where(eq(committeeMembers.committeeId, committeeId))
    .orderBy(asc(committeeMembers.sort), asc(committeeMembers.id));
  return rows.map(({ m, person }) => ({
    id: m.id,
    name: m.name || (person ? fullName(person) : ''),
    title: m.title,
    positionCode: m.positionCode,
  }));
}

/**
 * Refuses member ids outside the term: a member of another district's committee (or none) as a link to another
 * district's record, a member of another term of the same district as not in this term.
 */
export async function requireMembersOfTerm(db: Db | Tx, orgUnitCode: string, committeeId: number, ids: number[]) {
  if (!ids.length) return;
  const found = await db
    .select({ id: committeeMembers.id, committeeId: committeeMembers.committeeId, unit: committees.orgUnitCode })
    .from(committeeMembers)
    .innerJoin(committees, and(eq(committees.id, committeeMembers.committeeId), isNull(committees.deletedAt)))
    .where(idIn(committeeMembers.id, ids));
  for (const id of ids) {
    const member = found.find((f) => f.id === id);
    if (!member || member.unit !== orgUnitCode)
      throw new AppError('record.other_district', { params: { what: 'กรรมการ', whatEn: 'committee member', id } });
    if (member.committeeId !== committeeId) throw new AppError('meeting.member_not_in_term', { params: { id } });
  }
}
