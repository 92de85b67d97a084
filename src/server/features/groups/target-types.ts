/**
 * Target groups (DOMAIN.md §3, the seed's 5.3), derived from the records rather than typed in: type 3 registered as
 * OTOP in the current fiscal year, type 2 already making products (an earlier registration, or sales) but not
 * registered this year, type 1 interested with no product yet. One SQL expression per kind of client, so lists
 * and pages agree.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { TargetType } from '#shared/groups';
import { fiscalYearOf } from '#shared/thai/index';
import { thaiToday } from '../../clock';
import { groups, people } from '../../db/schema';

export type { TargetType };

const currentFiscalYear = () => fiscalYearOf(thaiToday()).fiscalYear;

const registeredThisYear = (owner: SQL) =>
  sql`exists (select 1 from producers pr where ${owner} and pr.status = 'registered' and pr.fiscal_year = ${currentFiscalYear()} and pr.deleted_at is null)`;
const everRegistered = (owner: SQL) => sql`exists (select 1 from producers pr where ${owner} and pr.deleted_at is null)`;

export const groupTargetType = (): SQL<TargetType> => {
  const ofGroup = sql`pr.group_id = ${groups.id}`;
  return sql<TargetType>`(case when ${registeredThisYear(ofGroup)} then 3
    when ${everRegistered(ofGroup)} or 'market_access' = any(${groups.evidence}) then 2 else 1 end)`;
};

/** A person takes the type of their own registration or of the best-placed group they belong to. */
export const personTargetType = (): SQL<TargetType> => {
  const own = sql`pr.person_id = ${people.id}`;
  const viaGroup = sql`pr.group_id in (select m.group_id from group_members m where m.person_id = ${people.id})`;
  return sql<TargetType>`(case when ${registeredThisYear(own)} or ${registeredThisYear(viaGroup)} then 3
    when ${everRegistered(own)} or ${everRegistered(viaGroup)} or exists (
      select 1 from group_members m join occupational_groups g on g.id = m.group_id
      where m.person_id = ${people.id} and g.deleted_at is null and 'market_access' = any(g.evidence)
    ) then 2 else 1 end)`;
};

/** A registration is type 3 in its own fiscal year while registered; before or after, its owner makes products (2). */
export const producerTargetType = (p: { status: string; fiscalYear: number }): TargetType =>
  p.status === 'registered' && p.fiscalYear === currentFiscalYear() ? 3 : 2;
