/**
 * Test setup only: a committee term and its members inserted with plain SQL, since committees are kept by
 * another feature. Members are named กรรมการ 1…n; the first is the chair, the last the secretary.
 */
export interface CommitteeFixture {
  committeeId: number;
  memberIds: number[];
}

export async function insertCommittee(
  rows: (query: string) => Promise<any[]>,
  unit: string,
  { members = 11, termStart = '2024-10-01', termEnd = '2028-09-30' } = {},
): Promise<CommitteeFixture> {
  const made = await rows(`
    with c as (
      insert into committees (org_unit_code, order_number, order_date, signed_by, term_start, term_end, created_by)
      values ('${unit}', '${unit}/2567', '${termStart}', 'นายอำเภอทดสอบ', '${termStart}', '${termEnd}',
              (select id from users order by id limit 1))
      returning id)
    insert into committee_members (committee_id, name, title, category, position_code, sort)
    select c.id, 'กรรมการ ' || g, 'ตำแหน่งนอกคณะ ' || g,
      case when g = 1 then 'chair' when g = ${members} then 'secretary' when g <= 6 then 'agency' else 'network' end,
      case when g = 1 then 'chair' when g = ${members} then 'secretary' else 'member' end, g
    from c, generate_series(1, ${members}) g
    returning committee_id, id`);
  return { committeeId: made[0].committee_id, memberIds: made.map((r) => r.id).sort((a, b) => a - b) };
}
