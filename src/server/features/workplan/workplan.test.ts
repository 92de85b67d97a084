import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearOf } from '#shared/thai/index';
import { api, daysFromToday } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { dueQuarterOf } from './workplan.service';

let t: TestContext;
let district: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
let province: ReturnType<typeof api>;
let admin: ReturnType<typeof api>;
beforeAll(async () => {
  t = await createTestContext();
  district = api(t, await t.login('demo-district'));
  district2 = api(t, await t.login('demo-district-2'));
  province = api(t, await t.login('demo-province'));
  admin = api(t, await t.login('demo-admin'));
});
afterAll(() => t.close());

const today = daysFromToday(0);
const { fiscalYear } = fiscalYearOf(today);

/** A committee and a meeting of 3401 on `heldOn`, by SQL: the committee and meeting services are another feature's. */
async function meetingOf(heldOn: string, status: 'held' | 'planned', number: number) {
  const [{ id: userId }] = await t.rows("select id from users where username = 'demo-district'");
  let [committee] = await t.rows("select id from committees where org_unit_code = '3401' limit 1");
  committee ??= (
    await t.rows(`insert into committees (org_unit_code, order_number, order_date, signed_by, term_start, term_end, created_by)
      values ('3401', '12/2568', '2025-01-10', 'นายอำเภอเมืองอุบลราชธานี', '2025-01-10', '2028-01-09', ${userId}) returning id`)
  )[0];
  const [meeting] = await t.rows(
    `insert into meetings (org_unit_code, committee_id, number, fiscal_year, held_on, place, status, created_by)
     values ('3401', ${committee.id}, ${number}, ${fiscalYearOf(heldOn).fiscalYear}, '${heldOn}', 'ห้องประชุมอำเภอ', '${status}', ${userId}) returning id`,
  );
  return meeting.id as number;
}

describe('the work plan', () => {
  it("tells a district this quarter's meeting: not yet, then planned, then held", async () => {
    const none = await district.call('GET', '/api/workplan');
    expect(none.status, JSON.stringify(none.body)).toBe(200);
    expect(none.body).toMatchObject({ unit: '3401', fiscalYear, province: null, national: null });
    expect(none.body.district.meeting).toEqual({ status: 'none', on: null, id: null });
    expect(none.body.district.activity.doneOn).toBeNull();
    expect(none.body.district.budget).toEqual({ receivedSatang: '0', spentSatang: '0', remainingSatang: '0' });

    const planned = await meetingOf(today, 'planned', 901);
    expect((await district.call('GET', '/api/workplan')).body.district.meeting).toEqual({
      status: 'planned',
      on: today,
      id: planned,
    });
    const held = await meetingOf(today, 'held', 902);
    expect((await district.call('GET', '/api/workplan')).body.district.meeting).toEqual({ status: 'held', on: today, id: held });
    // Another district's meeting is not 3415's.
    expect((await district2.call('GET', '/api/workplan')).body.district.meeting.status).toBe('none');
  });

  it('lists certificates expiring within 90 days, resolutions and advances due, and the report to write', async () => {
    const producer = await district.producer((await district.group()).id);
    const soon = await district.certification({ producerId: producer.id, expiresOn: daysFromToday(30) });
    await district.certification({ producerId: producer.id, expiresOn: daysFromToday(200) });
    const [meeting] = await t.rows("select id from meetings where org_unit_code = '3401' and status = 'held'");
    const [resolution] = await t.rows(
      `insert into meeting_resolutions (org_unit_code, meeting_id, text, due_on) values ('3401', ${meeting.id}, 'จัดทำแผนการตลาดออนไลน์', '${daysFromToday(7)}') returning id`,
    );
    const plan = (await district.call('GET', '/api/workplan')).body.district;
    expect(plan.certificates.map((c: any) => c.id)).toEqual([soon.id]);
    expect(plan.resolutions).toEqual([
      { id: resolution.id, meetingId: meeting.id, text: 'จัดทำแผนการตลาดออนไลน์', dueOn: daysFromToday(7) },
    ]);
    const due = dueQuarterOf(today);
    expect(plan.report).toMatchObject({ id: null, status: 'missing' });
    expect(plan.report.fiscalYear * 10 + plan.report.quarter).toBeGreaterThanOrEqual(due.fiscalYear * 10 + due.quarter);

    // Once the report is sent the district has nothing to write; a returned one comes back with the comment.
    const made = await district.call('POST', '/api/reports', {
      orgUnitCode: '3401',
      fiscalYear: plan.report.fiscalYear,
      quarter: plan.report.quarter,
    });
    expect((await district.call('GET', '/api/workplan')).body.district.report).toMatchObject({
      id: made.body.id,
      status: 'draft',
    });
    const sent = await district.call('POST', `/api/reports/${made.body.id}/submit`, { version: made.body.version });
    expect((await district.call('GET', '/api/workplan')).body.district.report).toBeNull();

    const ofProvince = (await province.call('GET', '/api/workplan')).body;
    expect(ofProvince.district).toBeNull();
    expect(ofProvince.province.waiting.map((w: any) => w.id)).toEqual([made.body.id]);
    const returned = await province.call('POST', `/api/reports/${made.body.id}/review`, {
      version: sent.body.version,
      decision: 'return',
      comment: 'เพิ่มผลการอบรม',
    });
    expect(returned.status).toBe(200);
    expect((await district.call('GET', '/api/workplan')).body.district.report).toMatchObject({
      id: made.body.id,
      status: 'returned',
      reviewComment: 'เพิ่มผลการอบรม',
    });
    expect((await province.call('GET', '/api/workplan')).body.province.waiting).toEqual([]);
  });

  it("shows a province its districts' reports of the due quarter, late ones marked, and the nation the summary", async () => {
    const due = dueQuarterOf(today);
    const plan = (await province.call('GET', '/api/workplan')).body.province;
    expect(plan.dueQuarter).toMatchObject({ fiscalYear: due.fiscalYear, quarter: due.quarter });
    expect(plan.dueQuarter.dueOn < today).toBe(true);
    const [{ n }] = await t.rows("select count(*)::int as n from org_units where parent_code = '34' and covered");
    expect(plan.districts).toHaveLength(n);
    expect(plan.districts.find((d: any) => d.code === '3415')).toMatchObject({ status: 'missing', late: true, reportId: null });

    const nation = (await admin.call('GET', '/api/workplan')).body;
    expect(nation.national).toMatchObject({ unit: 'TH', fiscalYear: due.fiscalYear, quarter: due.quarter });
    expect(nation.national.rows.find((r: any) => r.code === '34').districts).toBe(n);
    expect((await district.call('GET', '/api/workplan?unit=3415')).status).toBe(403);
  });
});

describe('the due quarter', () => {
  it('is the last ended quarter once 15 days have passed, else the one before', () => {
    expect(dueQuarterOf('2026-01-16')).toEqual({ fiscalYear: 2569, quarter: 1, dueOn: '2026-01-15' });
    expect(dueQuarterOf('2026-01-15')).toEqual({ fiscalYear: 2568, quarter: 4, dueOn: '2025-10-15' });
  });
});
