import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { REPORT_LATE_DAYS } from '#shared/reports';
import { addDays, fiscalRange, fiscalYearOf } from '#shared/thai/calendar';
import {
  CERTIFICATE_WARNING_DAYS,
  type DistrictWorkplan,
  type ProvinceWorkplan,
  type Workplan,
  type workplanQuery,
} from '#shared/workplan';
import { type Actor, requireInScope, requirePermission } from '../../access';
import { thaiToday } from '../../clock';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { reportSummary } from '../reports/reports-summary.service';
import { rollupFigures } from '../spending/rollup.service';

type Quarter = 1 | 2 | 3 | 4;

/** The latest quarter whose reports are due by `today` (they are due 15 days after the quarter ends). */
export function dueQuarterOf(today: string): { fiscalYear: number; quarter: Quarter; dueOn: string } {
  let { start } = fiscalRange(fiscalYearOf(today).fiscalYear, fiscalYearOf(today).quarter);
  for (;;) {
    const ended = fiscalYearOf(addDays(start, -1));
    const dueOn = addDays(fiscalRange(ended.fiscalYear, ended.quarter).end, REPORT_LATE_DAYS);
    if (dueOn < today) return { ...ended, dueOn };
    start = fiscalRange(ended.fiscalYear, ended.quarter).start;
  }
}

/** The work plan of a unit (the actor's own when left out): what its officer should see first today. */
export async function workplanOf(db: Db, actor: Actor, query: z.infer<typeof workplanQuery>): Promise<Workplan> {
  requirePermission(actor, 'pipeline.read');
  const unit = query.unit ?? actor.orgUnitCode;
  requireInScope(actor, unit);
  const today = thaiToday();
  const { fiscalYear, quarter } = fiscalYearOf(today);
  const due = dueQuarterOf(today);
  return {
    unit,
    today,
    fiscalYear,
    quarter,
    district: unit.length === 4 ? await districtWorkplan(db, unit, today) : null,
    province: unit.length === 2 ? await provinceWorkplan(db, unit, today) : null,
    national: unit === 'TH' ? await reportSummary(db, actor, { unit, fiscalYear: due.fiscalYear, quarter: due.quarter }) : null,
  };
}

async function districtWorkplan(db: Db, unit: string, today: string): Promise<DistrictWorkplan> {
  const { fiscalYear, quarter } = fiscalYearOf(today);
  const thisQuarter = fiscalRange(fiscalYear, quarter);
  const monthStart = `${today.slice(0, 7)}-01`;
  const lastEnded = fiscalYearOf(addDays(thisQuarter.start, -1));
  const [meeting] = await rowsOf<{ id: number; status: 'held' | 'planned'; on: string }>(
    db,
    sql`select id, status, held_on::text as "on" from meetings
      where org_unit_code = ${unit} and deleted_at is null and status in ('held', 'planned')
        and held_on between ${thisQuarter.start} and ${thisQuarter.end}
      order by status = 'held' desc, held_on limit 1`,
  );
  const [activity] = await rowsOf<{ id: number; title: string; on: string }>(
    db,
    sql`select a.id, a.title, a.starts_on::text as "on" from activities a
      where a.org_unit_code = ${unit} and a.deleted_at is null and a.starts_on between ${monthStart} and ${today}
        and exists (select 1 from activity_partners p where p.activity_id = a.id)
      order by a.starts_on desc limit 1`,
  );
  const certificates = await rowsOf<DistrictWorkplan['certificates'][number]>(
    db,
    sql`select id, certificate_no as "certificateNo", expires_on::text as "expiresOn" from certifications
      where org_unit_code = ${unit} and deleted_at is null
        and expires_on between ${today} and ${addDays(today, CERTIFICATE_WARNING_DAYS)}
      order by expires_on, id`,
  );
  const resolutions = await rowsOf<DistrictWorkplan['resolutions'][number]>(
    db,
    sql`select r.id, r.meeting_id as "meetingId", r.text, r.due_on::text as "dueOn" from meeting_resolutions r
      where r.org_unit_code = ${unit} and r.deleted_at is null and r.status in ('open', 'in_progress')
        and r.due_on <= ${addDays(today, 30)}
      order by r.due_on, r.id`,
  );
  const advances = await rowsOf<DistrictWorkplan['advances'][number]>(
    db,
    sql`select id, purpose, due_on::text as "dueOn", amount_satang::text as "amountSatang" from cash_advances
      where org_unit_code = ${unit} and status = 'open' and due_on <= ${addDays(today, 14)}
      order by due_on, id`,
  );
  const [report] = await rowsOf<{
    id: number | null;
    fiscalYear: number;
    quarter: number;
    status: string;
    reviewComment: string;
  }>(
    db,
    sql`select * from (
        select r.id, q.fiscal_year as "fiscalYear", q.quarter, coalesce(r.status, 'missing') as status,
          coalesce(r.review_comment, '') as "reviewComment"
        from (select ${lastEnded.fiscalYear}::int as fiscal_year, ${lastEnded.quarter}::int as quarter) q
        left join quarterly_reports r on r.org_unit_code = ${unit} and r.deleted_at is null
          and r.fiscal_year = q.fiscal_year and r.quarter = q.quarter
        union all
        select r.id, r.fiscal_year, r.quarter, r.status, r.review_comment from quarterly_reports r
        where r.org_unit_code = ${unit} and r.deleted_at is null and r.status = 'returned'
      ) candidates
      order by status = 'returned' desc, "fiscalYear" desc, quarter desc`,
  );
  // The district's money of the year as the spending roll-up counts it (spent = approved payments).
  const budget = (await rollupFigures(db, unit, { fiscalYear, today })).get(unit);
  const received = budget?.allocated ?? 0n;
  const spent = budget?.spent ?? 0n;
  return {
    meeting: meeting ? { status: meeting.status, on: meeting.on, id: meeting.id } : { status: 'none', on: null, id: null },
    activity: activity
      ? { doneOn: activity.on, id: activity.id, title: activity.title }
      : { doneOn: null, id: null, title: null },
    certificates,
    resolutions,
    advances,
    report:
      report && (report.status === 'missing' || report.status === 'draft' || report.status === 'returned')
        ? { ...report, status: report.status as 'missing' | 'draft' | 'returned' }
        : null,
    budget: {
      receivedSatang: String(received),
      spentSatang: String(spent),
      remainingSatang: String(received - spent),
    },
  };
}

async function provinceWorkplan(db: Db, unit: string, today: string): Promise<ProvinceWorkplan> {
  const due = dueQuarterOf(today);
  const waiting = await rowsOf<ProvinceWorkplan['waiting'][number]>(
    db,
    sql`select r.id, r.org_unit_code as "orgUnitCode", u.name_th as "nameTh", u.name_en as "nameEn",
        r.fiscal_year as "fiscalYear", r.quarter, to_char(r.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "submittedAt"
      from quarterly_reports r join org_units u on u.code = r.org_unit_code
      where r.org_unit_code like ${`${unit}%`} and r.deleted_at is null and r.status = 'submitted'
      order by r.submitted_at, r.id`,
  );
  const districts = await rowsOf<Omit<ProvinceWorkplan['districts'][number], 'late'>>(
    db,
    sql`select d.code, d.name_th as "nameTh", d.name_en as "nameEn", coalesce(r.status, 'missing') as status, r.id as "reportId"
      from org_units d
      left join quarterly_reports r on r.org_unit_code = d.code and r.deleted_at is null
        and r.fiscal_year = ${due.fiscalYear} and r.quarter = ${due.quarter}
      where d.parent_code = ${unit} and d.covered
      order by d.code`,
  );
  return {
    waiting,
    dueQuarter: due,
    districts: districts.map((d) => ({ ...d, late: d.status === 'missing' || d.status === 'draft' })),
  };
}
