import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../clock';
import { api } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { indicatorsOfCenters } from './indicators.service';

let t: TestContext;
let district: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
let province: ReturnType<typeof api>;
let admin: ReturnType<typeof api>;
const made: Record<string, number> = {};

/** Moves the clock and signs in again (a session does not outlive a jump of months). */
async function at(day: string) {
  setClock(day);
  district = api(t, await t.login('demo-district'));
  district2 = api(t, await t.login('demo-district-2'));
  province = api(t, await t.login('demo-province'));
  admin = api(t, await t.login('demo-admin'));
}

/**
 * Committees, members, meetings, attendance and posts are inserted by SQL: their services are built by other
 * helpers of issue 11. Activities, plans and lessons go through their APIs.
 */
async function committee(unit: string, start: string, end: string, categories: Record<string, number>): Promise<number> {
  const [c] =
    await t.rows(`insert into committees (org_unit_code, order_number, order_date, signed_by, term_start, term_end, created_by)
    values ('${unit}', 'ที่ ${unit}/2568', '${start}', 'นายอำเภอ', '${start}', '${end}', (select id from users where username = 'demo-district'))
    returning id`);
  let sort = 0;
  for (const [category, n] of Object.entries(categories)) {
    for (let i = 0; i < n; i++) {
      sort += 1;
      await t.rows(`insert into committee_members (committee_id, name, category, position_code, sort)
        values (${c.id}, 'กรรมการ ${sort}', '${category}', '${category === 'chair' ? 'chair' : category === 'secretary' ? 'secretary' : 'member'}', ${sort})`);
    }
  }
  return c.id;
}

async function meeting(unit: string, committeeId: number, heldOn: string, attended: number, status = 'held'): Promise<number> {
  const [m] =
    await t.rows(`insert into meetings (org_unit_code, committee_id, number, fiscal_year, held_on, place, status, created_by)
    values ('${unit}', ${committeeId}, (select count(*) + 1 from meetings where org_unit_code = '${unit}'), 2569, '${heldOn}',
      'ห้องประชุมอำเภอ', '${status}', (select id from users where username = 'demo-district')) returning id`);
  await t.rows(`insert into meeting_attendees (meeting_id, member_id, attended)
    select ${m.id}, id, row_number() over (order by sort) <= ${attended} from committee_members where committee_id = ${committeeId}`);
  return m.id;
}

async function post(unit: string, publishedOn: string | null): Promise<number> {
  const [p] = await t.rows(`insert into posts (org_unit_code, title, body, channels, published_on, created_by)
    values ('${unit}', 'ศูนย์ฯ จัดอบรม', 'ข่าว', ${publishedOn ? `'{facebook}'` : `'{}'`}, ${publishedOn ? `'${publishedOn}'` : 'null'},
      (select id from users where username = 'demo-district')) returning id`);
  return p.id;
}

async function activity(client: ReturnType<typeof api>, unit: string, startsOn: string, partnerIds: number[]): Promise<number> {
  const res = await client.call('POST', '/api/activities', {
    orgUnitCode: unit,
    kind: 'strengthening',
    title: `เสริมสร้างความเข้มแข็งกลุ่ม ${startsOn}`,
    startsOn,
    endsOn: startsOn,
    place: 'ศาลาประชาคม',
    partnerIds,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

async function plan(client: ReturnType<typeof api>, unit: string, term: 'short' | 'long', firstYear: number, lastYear: number) {
  const res = await client.call('POST', '/api/plans', { orgUnitCode: unit, title: `แผน${term}`, term, firstYear, lastYear });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as number;
}

const FULL = { chair: 1, secretary: 1, agency: 5, network: 4 };

beforeAll(async () => {
  // February 2569 (BE): Q1 (Oct–Dec) and October–January have ended, Q2 and February are running.
  t = await createTestContext();
  await at('2026-02-15');
  const partner = async (client: ReturnType<typeof api>, unit: string) =>
    (await client.call('POST', '/api/partners', { orgUnitCode: unit, kind: 'bank', name: `ธ.ก.ส. ${unit}` })).body.id as number;
  const bank = await partner(district, '3401');
  const bank2 = await partner(district2, '3415');

  // 3401: a valid committee, a quorate Q1 meeting and a non-quorate Q2 one, activities with partners Oct–Dec but
  // none in January (one without a partner), both plans, a Q1 post.
  made.committee = await committee('3401', '2025-06-01', '2027-05-31', FULL);
  made.quorate = await meeting('3401', made.committee, '2025-11-10', 6); // 6 of 11: 600 > 550
  made.notQuorate = await meeting('3401', made.committee, '2026-01-20', 5); // 5 of 11: 500 ≤ 550
  made.planned = await meeting('3401', made.committee, '2026-03-20', 0, 'planned');
  for (const day of ['2025-10-15', '2025-11-15', '2025-12-15']) made[`act${day}`] = await activity(district, '3401', day, [bank]);
  made.noPartner = await activity(district, '3401', '2026-01-10', []);
  made.short = await plan(district, '3401', 'short', 2569, 2569);
  made.long = await plan(district, '3401', 'long', 2568, 2572);
  made.post = await post('3401', '2025-12-05');
  await post('3401', null); // a draft counts for nothing
  await district.wisdom({ orgUnitCode: '3401', surveyedOn: '2025-11-01' });

  // 3415: a committee of ten (too few), exactly half attending its Q1 meeting, an October activity, a short plan only.
  made.committee2 = await committee('3415', '2025-06-01', '2027-05-31', { chair: 1, secretary: 1, agency: 4, network: 4 });
  made.half = await meeting('3415', made.committee2, '2025-11-12', 5); // 5 of 10: 500 ≤ 500
  await activity(district2, '3415', '2025-10-20', [bank2]);
  await plan(district2, '3415', 'short', 2569, 2569);
});
afterAll(async () => {
  setClock(null);
  await t.close();
});

const get = async (client: ReturnType<typeof api>, url: string) => {
  const res = await client.call('GET', url);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('center indicators', () => {
  it('judges a center that keeps its rules, with the running quarter and month not yet due', async () => {
    const body = await get(district, '/api/indicators?fiscalYear=2569');
    expect(body.unitCode).toBe('3401');
    expect(body.indicators).toEqual({
      committee_valid: 'met',
      meeting_each_quarter: 'met', // Q1 quorate; Q2 running with only a non-quorate meeting
      activity_each_month: 'missing', // January's activity has no partner
      plans_present: 'met',
      publicity_each_quarter: 'met',
      lessons_recorded: 'not_due', // Q4 has not begun
      operating_guidelines: 'met',
    });
    expect(body.results.wisdomItems).toBe(1);
    expect(body.results.activities).toBe(4);
  });

  it('judges one quarter: Q1 met throughout, Q2 not yet due while it runs', async () => {
    const q1 = await get(district, '/api/indicators?fiscalYear=2569&quarter=1');
    expect(q1.indicators.activity_each_month).toBe('met');
    expect(q1.indicators.meeting_each_quarter).toBe('met');
    expect(q1.results.activities).toBe(3);
    const q2 = await get(district, '/api/indicators?fiscalYear=2569&quarter=2');
    expect(q2.indicators.meeting_each_quarter).toBe('not_due');
    expect(q2.indicators.publicity_each_quarter).toBe('not_due');
    expect(q2.indicators.activity_each_month).toBe('missing');
  });

  it('finds the missing ones: a committee of ten, a meeting at exactly half, a short plan only', async () => {
    const body = await get(district2, '/api/indicators?fiscalYear=2569');
    expect(body.indicators).toEqual({
      committee_valid: 'missing',
      meeting_each_quarter: 'missing',
      activity_each_month: 'missing',
      plans_present: 'missing',
      publicity_each_quarter: 'missing',
      lessons_recorded: 'not_due',
      operating_guidelines: 'missing',
    });
  });

  it('computes many centers in one call, in the order asked', async () => {
    const rows = await indicatorsOfCenters(t.database.db, ['3415', '3401'], 2569, 1);
    expect(rows.map((r) => r.unitCode)).toEqual(['3415', '3401']);
    expect(rows[1].indicators.meeting_each_quarter).toBe('met');
    expect(rows[0].indicators.meeting_each_quarter).toBe('missing');
    expect(rows[1].quarter).toBe(1);
  });

  it('a fiscal year not yet begun is not due at all', async () => {
    await at('2025-09-15');
    try {
      const body = await get(district, '/api/indicators?fiscalYear=2569');
      expect(Object.values(body.indicators).filter((s) => s !== 'not_due' && s !== 'met')).toEqual([]);
      expect(body.indicators.committee_valid).toBe('not_due');
    } finally {
      await at('2026-02-15');
    }
  });

  it('once Q2 has ended without a quorate meeting and Q4 has begun without lessons, they are missing', async () => {
    await at('2026-07-05');
    try {
      const body = await get(district, '/api/indicators?fiscalYear=2569');
      expect(body.indicators.meeting_each_quarter).toBe('missing');
      expect(body.indicators.publicity_each_quarter).toBe('missing');
      expect(body.indicators.lessons_recorded).toBe('missing');
      const lesson = await district.call('POST', '/api/lessons', {
        orgUnitCode: '3401',
        fiscalYear: 2569,
        whatWorked: 'การออกหน่วยร่วมกับ อบต.',
        problems: 'กลุ่มขาดเงินทุน',
        changes: 'ประสาน ธ.ก.ส. ตั้งแต่ต้นปี',
      });
      expect(lesson.status, JSON.stringify(lesson.body)).toBe(201);
      expect((await get(district, '/api/indicators?fiscalYear=2569')).indicators.lessons_recorded).toBe('met');
    } finally {
      await at('2026-02-15');
    }
  });

  it('a quorate meeting and a post in the running quarter make it met', async () => {
    const m = await meeting('3401', made.committee, '2026-02-10', 7);
    const p = await post('3401', '2026-02-11');
    try {
      const q2 = await get(district, '/api/indicators?fiscalYear=2569&quarter=2');
      expect(q2.indicators.meeting_each_quarter).toBe('met');
      expect(q2.indicators.publicity_each_quarter).toBe('met');
    } finally {
      await t.rows(`update meetings set deleted_at = now() where id = ${m}`);
      await t.rows(`update posts set deleted_at = now() where id = ${p}`);
    }
    const again = await get(district, '/api/indicators?fiscalYear=2569&quarter=2');
    expect(again.indicators.meeting_each_quarter).toBe('not_due');
  });

  it("the department's exception switches the composition check off", async () => {
    const [e] = await t.rows(`insert into committee_exceptions (org_unit_code, letter_number, letter_date, created_by)
      values ('3415', 'มท 0403/123', '2025-05-01', (select id from users where username = 'demo-admin')) returning id`);
    try {
      expect((await get(district2, '/api/indicators?fiscalYear=2569')).indicators.committee_valid).toBe('met');
    } finally {
      await t.rows(`update committee_exceptions set deleted_at = now() where id = ${e.id}`);
    }
    expect((await get(district2, '/api/indicators?fiscalYear=2569')).indicators.committee_valid).toBe('missing');
  });

  it('operating guidelines need a meeting: a valid committee and both plans without one are missing', async () => {
    const c = await committee('3415', '2027-06-01', '2029-05-31', FULL);
    await plan(district2, '3415', 'long', 2569, 2572);
    const [e] = await t.rows(`insert into committee_exceptions (org_unit_code, letter_number, letter_date, created_by)
      values ('3415', 'มท 0403/124', '2025-05-01', (select id from users where username = 'demo-admin')) returning id`);
    const body = await get(district2, '/api/indicators?fiscalYear=2569');
    expect(body.indicators.committee_valid).toBe('met');
    expect(body.indicators.plans_present).toBe('met');
    expect(body.indicators.operating_guidelines).toBe('missing'); // the only meeting was not quorate
    await t.rows(`update committee_exceptions set deleted_at = now() where id = ${e.id}`);
    await t.rows(`update committees set deleted_at = now() where id = ${c}`);
  });
});

describe('summary and matrix', () => {
  it("counts a province's centers meeting each indicator, per district", async () => {
    const body = await get(province, '/api/indicators/summary?unit=34&fiscalYear=2569');
    const centers = await t.rows(`select count(*)::int as n from centers where org_unit_code like '34%'`);
    expect(body.total.centers).toBe(centers[0].n);
    expect(body.rows.length).toBe(centers[0].n);
    const row3401 = body.rows.find((r: any) => r.code === '3401');
    expect(row3401.centers).toBe(1);
    expect(row3401.met.committee_valid).toBe(1);
    expect(body.total.met.committee_valid).toBe(1);
    expect(body.total.met.plans_present).toBe(2); // 3401, and 3415 after its long plan
    expect(body.total.met.operating_guidelines).toBe(1);
    expect(body.total.results.activities).toBe(5);
  });

  it('gives the nation a row per province and a district its own row', async () => {
    const body = await get(admin, '/api/indicators/summary?unit=TH&fiscalYear=2569');
    const centers = await t.rows('select count(*)::int as n from centers');
    expect(body.total.centers).toBe(centers[0].n);
    const ubon = body.rows.find((r: any) => r.code === '34');
    expect(ubon.met.operating_guidelines).toBe(1);
    expect(body.rows.every((r: any) => r.code.length === 2)).toBe(true);
    // The nation reads each province's own summary row; it adds up to the province's districts.
    const province34 = await get(province, '/api/indicators/summary?unit=34&fiscalYear=2569');
    expect(ubon.results).toEqual(province34.total.results);
    expect(ubon.results.activities).toBeGreaterThan(0);
    const own = await get(district, '/api/indicators/summary?fiscalYear=2569');
    expect(own.rows.map((r: any) => r.code)).toEqual(['3401']);
  });

  it("shows the province's matrix: months, quarters and the yearly cells per district", async () => {
    const body = await get(province, '/api/indicators/matrix?unit=34&fiscalYear=2569');
    expect(body.months[0]).toBe('2025-10');
    expect(body.months).toHaveLength(12);
    const row = body.rows.find((r: any) => r.code === '3401');
    expect(row.activities.slice(0, 6)).toEqual(['met', 'met', 'met', 'missing', 'not_due', 'not_due']);
    expect(row.meetings).toEqual(['met', 'not_due', 'not_due', 'not_due']);
    expect(row.publicity).toEqual(['met', 'not_due', 'not_due', 'not_due']);
    expect(row.yearly).toEqual({
      committee_valid: 'met',
      plans_present: 'met',
      lessons_recorded: 'met', // recorded in July, in a test above
      operating_guidelines: 'met',
    });
    const other = body.rows.find((r: any) => r.code === '3415');
    expect(other.activities.slice(0, 4)).toEqual(['met', 'missing', 'missing', 'missing']);
    const national = await get(admin, '/api/indicators/matrix?unit=TH&fiscalYear=2569');
    expect(national.rows).toEqual([]);
    expect(national.provinces.find((p: any) => p.code === '34').centers).toBe(body.rows.length);
  });
});

describe('drill-down', () => {
  it('gives the meetings of a quarter with attendance, the non-quorate one not counting', async () => {
    const body = await get(
      province,
      '/api/indicators/records?unit=3415&indicator=meeting_each_quarter&fiscalYear=2569&quarter=1',
    );
    expect(body.status).toBe('missing');
    expect(body.items).toEqual([
      expect.objectContaining({
        kind: 'meeting',
        id: made.half,
        counts: false,
        attended: 5,
        members: 10,
        path: `/meetings/${made.half}`,
      }),
    ]);
  });

  it("gives a month's activities with their partners", async () => {
    const jan = await get(
      district,
      '/api/indicators/records?unit=3401&indicator=activity_each_month&fiscalYear=2569&month=2026-01',
    );
    expect(jan.status).toBe('missing');
    expect(jan.items.map((i: any) => [i.id, i.counts, i.partners])).toEqual([[made.noPartner, false, []]]);
    const oct = await get(
      district,
      '/api/indicators/records?unit=3401&indicator=activity_each_month&fiscalYear=2569&month=2025-10',
    );
    expect(oct.status).toBe('met');
    expect(oct.items[0]).toMatchObject({
      id: made['act2025-10-15'],
      counts: true,
      partners: ['ธ.ก.ส. 3401'],
      path: `/activities/${made['act2025-10-15']}`,
    });
    const outside = await district.call(
      'GET',
      '/api/indicators/records?unit=3401&indicator=activity_each_month&fiscalYear=2569&month=2024-10',
    );
    expect(outside.status).toBe(400);
  });

  it('gives the committee with what breaks its composition, the plans and the posts', async () => {
    const c = await get(district2, '/api/indicators/records?unit=3415&indicator=committee_valid&fiscalYear=2569');
    expect(c.items).toEqual([
      expect.objectContaining({
        kind: 'committee',
        id: made.committee2,
        counts: false,
        path: `/committees/${made.committee2}`,
        problems: [
          { problem: 'member_count', found: 10 },
          { problem: 'agency', found: 4 },
        ],
      }),
    ]);
    const plans = await get(district, '/api/indicators/records?unit=3401&indicator=plans_present&fiscalYear=2569');
    expect(plans.items.map((i: any) => i.id).sort()).toEqual([made.short, made.long].sort());
    const posts = await get(
      district,
      '/api/indicators/records?unit=3401&indicator=publicity_each_quarter&fiscalYear=2569&quarter=1',
    );
    expect(posts.items.map((i: any) => i.id)).toEqual([made.post]);
  });
});

describe('scope', () => {
  it("a district cannot read another district's indicators, a province not another province's", async () => {
    expect((await district2.call('GET', '/api/indicators?unit=3401')).status).toBe(404);
    expect((await district2.call('GET', '/api/indicators/records?unit=3401&indicator=plans_present')).status).toBe(404);
    expect((await district2.call('GET', '/api/indicators/summary?unit=34')).status).toBe(404);
    expect((await district2.call('GET', '/api/indicators/matrix?unit=3401')).status).toBe(404);
    expect((await province.call('GET', '/api/indicators/summary?unit=10')).status).toBe(404);
    expect((await province.call('GET', '/api/indicators/matrix?unit=1001')).status).toBe(404);
    expect((await province.call('GET', '/api/indicators/summary?unit=TH')).status).toBe(404);
    expect((await district.call('GET', '/api/indicators?unit=34')).status).toBe(400);
  });
});
