/**
 * The district work log: everything the center did in a month — services, outreach trips, requests, referrals,
 * activities, needs analyses, plan progress, sales, funding and outcomes recorded, lessons — one list, newest
 * first, for a district or every district under a province or the nation.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Worklog, WorklogType, worklogQuery } from '#shared/worklog';
import { type Actor, requireInScope, requirePermission } from '../../access';
import { thaiToday } from '../../clock';
import type { Db } from '../../db/client';
import { underUnit } from '../../db/filters';
import { AppError } from '../../errors';

type Query = z.infer<typeof worklogQuery>;

interface Part {
  type: WorklogType;
  /** select type, id, link_id, on, unit, title, detail, code, amount, people … from … where <date column> in the month */
  select: SQL;
  /** The SQL of "given or recorded by user X" for this kind, or null when it has no such person. */
  staff: (userId: number) => SQL;
  partner: ((partnerId: number) => SQL) | null;
  /** Services and trips have a mode; other work shows only when no mode is asked for. */
  mode: ((mode: 'center' | 'outreach') => SQL) | null;
}

const userName = (column: SQL) => sql`coalesce((select display_name from users u where u.id = ${column}), '')`;

/** Each kind of record as a work-log row; `w` aliases the record, `:from`/`:to` bound the month. */
function parts(from: string, to: string): Part[] {
  const inMonth = (column: SQL) => sql`${column} between ${from} and ${to}`;
  return [
    {
      type: 'service',
      select: sql`select 'service' as type, w.id, w.id as link_id, w.service_date as on, w.org_unit_code, w.description as title,
        coalesce((select string_agg(g.name, ', ') from service_groups sg join occupational_groups g on g.id = sg.group_id where sg.service_id = w.id), '') as detail,
        w.mode as code, null::text as amount,
        coalesce((select string_agg(u.display_name, ', ') from service_staff ss join users u on u.id = ss.user_id where ss.service_id = w.id), '') as people
        from services w where w.deleted_at is null and ${inMonth(sql`w.service_date`)}`,
      staff: (id) => sql`exists (select 1 from service_staff ss where ss.service_id = w.id and ss.user_id = ${id})`,
      partner: (id) => sql`exists (select 1 from service_partners sp where sp.service_id = w.id and sp.partner_id = ${id})`,
      mode: (mode) => sql`w.mode = ${mode}`,
    },
    {
      type: 'trip',
      select: sql`select 'trip' as type, w.id, w.id as link_id, w.trip_date as on, w.org_unit_code, array_to_string(w.places, ', ') as title,
        w.note as detail, 'outreach' as code, null::text as amount,
        coalesce((select string_agg(u.display_name, ', ') from outreach_trip_team tt join users u on u.id = tt.user_id where tt.trip_id = w.id), '') as people
        from outreach_trips w where w.deleted_at is null and ${inMonth(sql`w.trip_date`)}`,
      staff: (id) => sql`exists (select 1 from outreach_trip_team tt where tt.trip_id = w.id and tt.user_id = ${id})`,
      partner: null,
      mode: (mode) => (mode === 'outreach' ? sql`true` : sql`false`),
    },
    {
      type: 'request',
      select: sql`select 'request' as type, w.id, w.id as link_id, w.received_on as on, w.org_unit_code, w.reference_code || ' ' || w.description as title,
        coalesce((select g.name from occupational_groups g where g.id = w.group_id), nullif(w.client_name, ''),
          (select p.title || p.first_name || ' ' || p.last_name from people p where p.id = w.person_id), '') as detail,
        w.status as code, null::text as amount, ${userName(sql`w.created_by`)} as people
        from service_requests w where w.deleted_at is null and ${inMonth(sql`w.received_on`)}`,
      staff: (id) => sql`w.created_by = ${id}`,
      partner: null,
      mode: null,
    },
    {
      type: 'referral',
      select: sql`select 'referral' as type, w.id, w.request_id as link_id, w.referred_on as on, w.org_unit_code,
        coalesce((select p.name from partners p where p.id = w.partner_id), w.target_name) as title,
        w.reason as detail, w.status as code, null::text as amount, ${userName(sql`w.created_by`)} as people
        from referrals w where w.deleted_at is null and ${inMonth(sql`w.referred_on`)}`,
      staff: (id) => sql`w.created_by = ${id}`,
      partner: (id) => sql`w.partner_id = ${id}`,
      mode: null,
    },
    {
      type: 'activity',
      select: sql`select 'activity' as type, w.id, w.id as link_id, w.starts_on as on, w.org_unit_code, w.title,
        w.place || ' · ' || (select count(*) from activity_people ap where ap.activity_id = w.id and ap.attended) as detail,
        w.kind as code, case when w.budget_used_satang > 0 then w.budget_used_satang::text end as amount,
        ${userName(sql`w.created_by`)} as people
        from activities w where w.deleted_at is null and ${inMonth(sql`w.starts_on`)}`,
      staff: (id) => sql`w.created_by = ${id}`,
      partner: (id) => sql`exists (select 1 from activity_partners ap where ap.activity_id = w.id and ap.partner_id = ${id})`,
      mode: null,
    },
    {
      type: 'needs',
      select: sql`select 'needs' as type, w.id, w.group_id as link_id, w.analysed_on as on, w.org_unit_code,
        (select g.name from occupational_groups g where g.id = w.group_id) as title, w.summary as detail,
        null::text as code, null::text as amount, ${userName(sql`w.created_by`)} as people
        from needs_analyses w where w.deleted_at is null and ${inMonth(sql`w.analysed_on`)}`,
      staff: (id) => sql`w.created_by = ${id}`,
      partner: null,
      mode: null,
    },
    {
      type: 'project_update',
      select: sql`select 'project_update' as type, w.id, pp.plan_id as link_id, w.updated_on as on, w.org_unit_code,
        pp.title || ' · ' || w.progress_percent || '%' as title, w.note as detail, null::text as code, null::text as amount,
        ${userName(sql`w.created_by`)} as people
        from project_updates w join plan_projects pp on pp.id = w.project_id and pp.deleted_at is null
        where ${inMonth(sql`w.updated_on`)}`,
      staff: (id) => sql`w.created_by = ${id}`,
      partner: null,
      mode: null,
    },
    {
      type: 'sales',
      select: sql`select 'sales' as type, w.id, coalesce(w.group_id, (select pr.group_id from products p join producers pr on pr.id = p.producer_id where p.id = w.product_id)) as link_id,
        w.month as on, w.org_unit_code,
        coalesce((select g.name from occupational_groups g where g.id = w.group_id), (select p.name from products p where p.id = w.product_id), '') as title,
        w.note as detail, w.channel_code as code, w.amount_satang::text as amount, ${userName(sql`w.created_by`)} as people
        from sales w where w.deleted_at is null and ${inMonth(sql`w.month`)}`,
      staff: (id) => sql`w.created_by = ${id}`,
      partner: null,
      mode: null,
    },
    {
      type: 'funding',
      select: sql`select 'funding' as type, w.id, w.group_id as link_id, w.applied_on as on, w.org_unit_code,
        (select g.name from occupational_groups g where g.id = w.group_id) as title, w.purpose as detail,
        w.status as code, coalesce(w.approved_satang, w.asked_satang)::text as amount, ${userName(sql`w.created_by`)} as people
        from funding_applications w where w.deleted_at is null and ${inMonth(sql`w.applied_on`)}`,
      staff: (id) => sql`w.created_by = ${id}`,
      partner: null,
      mode: null,
    },
    {
      type: 'outcome',
      select: sql`select 'outcome' as type, w.id, w.group_id as link_id, w.reported_on as on, w.org_unit_code,
        (select g.name from occupational_groups g where g.id = w.group_id) as title, w.description as detail,
        w.kind as code, null::text as amount, ${userName(sql`w.recorded_by`)} as people
        from outcomes w where w.deleted_at is null and ${inMonth(sql`w.reported_on`)}`,
      staff: (id) => sql`w.recorded_by = ${id} or w.verified_by = ${id}`,
      partner: null,
      mode: null,
    },
    {
      type: 'lesson',
      select: sql`select 'lesson' as type, w.id, w.id as link_id, w.created_at::date as on, w.org_unit_code,
        w.what_worked as title, w.changes as detail, null::text as code, null::text as amount, ${userName(sql`w.created_by`)} as people
        from lessons w where w.deleted_at is null and ${inMonth(sql`(w.created_at at time zone 'Asia/Bangkok')::date`)}`,
      staff: (id) => sql`w.created_by = ${id}`,
      partner: null,
      mode: null,
    },
  ];
}

const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

export async function worklogOf(db: Db, actor: Actor, query: Query): Promise<Worklog> {
  requirePermission(actor, 'pipeline.read');
  const unit = query.unit ?? actor.orgUnitCode;
  requireInScope(actor, unit);
  const month = query.month ?? thaiToday().slice(0, 7);
  const from = `${month}-01`;
  const to = lastDayOf(month);

  const selected = parts(from, to).flatMap((part) => {
    if (query.mode && !part.mode) return [];
    if (query.partnerId && !part.partner) return [];
    const conditions: SQL[] = [underUnit(sql`w.org_unit_code`, unit)];
    if (query.mode && part.mode) conditions.push(part.mode(query.mode));
    if (query.partnerId && part.partner) conditions.push(part.partner(query.partnerId));
    if (query.staffId) conditions.push(part.staff(query.staffId));
    return [sql`${part.select} and ${sql.join(conditions, sql` and `)}`];
  });
  // One unit's month, counted exactly by type: paged by page number only.
  if (query.cursor) throw new AppError('paging.bad_cursor');
  const empty = { total: 0, totalCapped: false, nextCursor: null, page: query.page, pageSize: query.pageSize };
  if (!selected.length) return { ...empty, items: [], month, counts: [] };

  const all = sql`(${sql.join(selected, sql` union all `)})`;
  const result = (await db.execute(sql`
    with log as ${all},
    counted as (select type, count(*)::int as n from log group by type)
    select log.type, log.id, log.link_id, log.on::text as on_date, log.org_unit_code, log.title, log.detail, log.code,
      log.amount, log.people, u.name_th as "unitNameTh", u.name_en as "unitNameEn",
      (select json_agg(json_build_object('type', type, 'count', n)) from counted) as counts,
      (select sum(n) from counted)::int as total
    from log join org_units u on u.code = log.org_unit_code
    ${query.type ? sql`where log.type = ${query.type}` : sql``}
    order by log.on desc, log.type, log.id desc
    limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}
  `)) as unknown as { rows: Record<string, unknown>[] };
  const rows = result.rows;
  const counts = (rows[0]?.counts as { type: WorklogType; count: number }[] | undefined) ?? (await countsOnly(db, all));
  const total = query.type ? (counts.find((c) => c.type === query.type)?.count ?? 0) : counts.reduce((n, c) => n + c.count, 0);
  return {
    month,
    counts,
    ...empty,
    total,
    items: rows.map((r) => ({
      type: r.type as WorklogType,
      id: Number(r.id),
      linkId: r.link_id === null ? null : Number(r.link_id),
      on: String(r.on_date),
      orgUnitCode: String(r.org_unit_code),
      unitNameTh: String(r.unitNameTh),
      unitNameEn: String(r.unitNameEn),
      title: String(r.title ?? ''),
      detail: String(r.detail ?? ''),
      code: (r.code as string | null) ?? null,
      amountSatang: (r.amount as string | null) ?? null,
      people: String(r.people ?? ''),
    })),
  };
}

/** The counts of a page past the end (no rows to carry them). */
async function countsOnly(db: Db, all: SQL) {
  const result = (await db.execute(sql`select type, count(*)::int as count from ${all} as log group by type`)) as unknown as {
    rows: { type: WorklogType; count: number }[];
  };
  return result.rows;
}
