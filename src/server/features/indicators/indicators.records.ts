/**
 * The drill-down of a matrix cell: the records of one district behind one indicator in a month, quarter or year,
 * each with the web path that opens it and whether it counts toward the indicator.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CellStatus, IndicatorRecord, IndicatorRecords, indicatorRecordsQuery } from '#shared/indicators';
import { fiscalRange } from '#shared/thai/index';
import type { Actor } from '../../access';
import { thaiToday } from '../../clock';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { AppError } from '../../errors';
import {
  COMPOSITION,
  type Composition,
  compositionProblems,
  computeCenters,
  fiscalMonths,
  judgedOn,
  QUORATE,
  type Quarter,
} from './indicators.compute';
import { currentFiscalYear, unitInView } from './indicators.service';

type Query = z.infer<typeof indicatorRecordsQuery>;

const blank = { code: null, attended: null, members: null, partners: [] as string[], problems: [] };

async function meetingsIn(db: Db, unit: string, from: string, to: string): Promise<IndicatorRecord[]> {
  const rows = await rowsOf<{
    id: number;
    on: string;
    title: string;
    status: string;
    attended: number;
    members: number;
    quorate: boolean;
  }>(
    db,
    sql`select m.id, m.held_on::text as on, m.number || '/' || m.fiscal_year || ' · ' || m.place as title, m.status,
        (select count(*) from meeting_attendees a where a.meeting_id = m.id and a.attended)::int as attended,
        (select count(*) from committee_members cm where cm.committee_id = m.committee_id)::int as members,
        (m.status = 'held' and ${QUORATE}) as quorate
      from meetings m where m.org_unit_code = ${unit} and m.deleted_at is null and m.held_on between ${from} and ${to}
      order by m.held_on, m.id`,
  );
  return rows.map((r) => ({
    ...blank,
    kind: 'meeting',
    id: r.id,
    date: r.on,
    title: r.title,
    path: `/meetings/${r.id}`,
    counts: r.quorate,
    code: r.status,
    attended: r.attended,
    members: r.members,
  }));
}

async function activitiesIn(db: Db, unit: string, from: string, to: string): Promise<IndicatorRecord[]> {
  const rows = await rowsOf<{ id: number; on: string; title: string; kind: string; partners: string[] }>(
    db,
    sql`select w.id, w.starts_on::text as on, w.title, w.kind,
        coalesce((select array_agg(p.name order by p.name) from activity_partners ap join partners p on p.id = ap.partner_id
          where ap.activity_id = w.id), '{}') as partners
      from activities w where w.org_unit_code = ${unit} and w.deleted_at is null and w.starts_on between ${from} and ${to}
      order by w.starts_on, w.id`,
  );
  return rows.map((r) => ({
    ...blank,
    kind: 'activity',
    id: r.id,
    date: r.on,
    title: r.title,
    path: `/activities/${r.id}`,
    counts: r.partners.length > 0,
    code: r.kind,
    partners: r.partners,
  }));
}

async function postsIn(db: Db, unit: string, from: string, to: string): Promise<IndicatorRecord[]> {
  const rows = await rowsOf<{ id: number; on: string; title: string }>(
    db,
    sql`select id, published_on::text as on, title from posts
      where org_unit_code = ${unit} and deleted_at is null and published_on between ${from} and ${to} order by published_on, id`,
  );
  return rows.map((r) => ({
    ...blank,
    kind: 'post',
    id: r.id,
    date: r.on,
    title: r.title,
    path: `/posts/${r.id}`,
    counts: true,
  }));
}

async function plansOf(db: Db, unit: string, fiscalYear: number): Promise<IndicatorRecord[]> {
  const rows = await rowsOf<{ id: number; on: string; title: string; term: string }>(
    db,
    sql`select id, (created_at at time zone 'Asia/Bangkok')::date::text as on, title, term from development_plans
      where org_unit_code = ${unit} and deleted_at is null and first_year <= ${fiscalYear} and last_year >= ${fiscalYear}
      order by term desc, id`,
  );
  return rows.map((r) => ({
    ...blank,
    kind: 'plan',
    id: r.id,
    date: r.on,
    title: r.title,
    path: `/plans/${r.id}`,
    counts: true,
    code: r.term,
  }));
}

async function lessonsOf(db: Db, unit: string, fiscalYear: number): Promise<IndicatorRecord[]> {
  const rows = await rowsOf<{ id: number; on: string; title: string }>(
    db,
    sql`select id, (created_at at time zone 'Asia/Bangkok')::date::text as on, what_worked as title from lessons
      where org_unit_code = ${unit} and deleted_at is null and fiscal_year = ${fiscalYear} order by id`,
  );
  return rows.map((r) => ({
    ...blank,
    kind: 'lesson',
    id: r.id,
    date: r.on,
    title: r.title.length > 120 ? `${r.title.slice(0, 119)}…` : r.title,
    path: '/lessons',
    counts: true,
  }));
}

/** The term in force on `day` with what breaks its composition, and the district's exception if it has one. */
async function committeeOn(db: Db, unit: string, day: string): Promise<IndicatorRecord[]> {
  const [terms, exceptions] = await Promise.all([
    rowsOf<Composition & { id: number; on: string; title: string }>(
      db,
      sql`select c.id, c.term_start::text as on, c.order_number as title, ${COMPOSITION} from committees c
        where c.org_unit_code = ${unit} and c.deleted_at is null and c.term_start <= ${day} and c.term_end >= ${day}
        order by c.term_start desc, c.id desc limit 1`,
    ),
    rowsOf<{ id: number; on: string; title: string }>(
      db,
      sql`select id, letter_date::text as on, letter_number as title from committee_exceptions
        where org_unit_code = ${unit} and deleted_at is null`,
    ),
  ]);
  return [
    ...terms.map((r): IndicatorRecord => {
      const problems = compositionProblems(r);
      return {
        ...blank,
        kind: 'committee',
        id: r.id,
        date: r.on,
        title: r.title,
        path: `/committees/${r.id}`,
        counts: problems.length === 0,
        members: r.total,
        problems,
      };
    }),
    ...exceptions.map(
      (r): IndicatorRecord => ({
        ...blank,
        kind: 'exception',
        id: r.id,
        date: r.on,
        title: r.title,
        path: '/committees',
        counts: true,
      }),
    ),
  ];
}

/** `GET /api/indicators/records`: the records behind a cell, and the cell's status. */
export async function recordsOf(db: Db, actor: Actor, query: Query): Promise<IndicatorRecords> {
  const unit = await unitInView(db, actor, query.unit);
  if (unit.level !== 'district') throw new AppError('org_unit.not_found', { params: { code: unit.code } });
  const fiscalYear = query.fiscalYear ?? currentFiscalYear();
  const quarter = (query.quarter as Quarter | undefined) ?? null;
  const year = fiscalRange(fiscalYear);
  const months = fiscalMonths(fiscalYear);
  const monthIndex = query.month ? months.findIndex((m) => m.month === query.month) : -1;
  if (query.month && monthIndex < 0) throw new AppError('indicators.month_outside_year');
  const range = monthIndex >= 0 ? months[monthIndex] : quarter ? fiscalRange(fiscalYear, quarter) : year;
  const { from, to } = { from: range.start, to: range.end };

  const [detail] = await computeCenters(db, [unit.code], fiscalYear, quarter);
  let status: CellStatus = detail.indicators[query.indicator];
  if (query.indicator === 'activity_each_month' && monthIndex >= 0) status = detail.activityMonths[monthIndex];

  let items: IndicatorRecord[];
  switch (query.indicator) {
    case 'meeting_each_quarter':
      items = await meetingsIn(db, unit.code, from, to);
      break;
    case 'activity_each_month':
      items = await activitiesIn(db, unit.code, from, to);
      break;
    case 'publicity_each_quarter':
      items = await postsIn(db, unit.code, from, to);
      break;
    case 'plans_present':
      items = await plansOf(db, unit.code, fiscalYear);
      break;
    case 'lessons_recorded':
      items = await lessonsOf(db, unit.code, fiscalYear);
      break;
    case 'committee_valid':
      items = await committeeOn(db, unit.code, judgedOn(to, thaiToday()));
      break;
    case 'operating_guidelines':
      items = [
        ...(await committeeOn(db, unit.code, judgedOn(to, thaiToday()))),
        ...(await plansOf(db, unit.code, fiscalYear)),
        ...(await meetingsIn(db, unit.code, year.start, to)),
      ];
      break;
  }
  return { unit: unit.code, indicator: query.indicator, fiscalYear, from, to, status, items };
}
