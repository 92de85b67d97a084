import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fiscalRange, fiscalYearOf } from '#shared/thai/index';
import { setClock, thaiToday } from '../../clock';
import { api, daysFromToday, expectOutOfReach, expectPartialPatch, expectVersionedPatch } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

let t: TestContext;
let district: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
let committee: ReturnType<typeof api>;
let province: ReturnType<typeof api>;
let year: number;
beforeAll(async () => {
  t = await createTestContext();
  district = api(t, await t.login('demo-district'));
  district2 = api(t, await t.login('demo-district-2'));
  committee = api(t, await t.login('demo-committee'));
  province = api(t, await t.login('demo-province'));
  year = fiscalYearOf(thaiToday()).fiscalYear;
});
afterEach(() => setClock(null));
afterAll(() => t.close());

const count = async (table: string) => Number((await t.rows(`select count(*)::int as n from ${table}`))[0].n);
const created = (res: { status: number; body: any }) => {
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};

const lessonBody = (over: object = {}) => ({
  orgUnitCode: '3401',
  fiscalYear: year - 1,
  whatWorked: 'ออกหน่วยร่วมกับ อบต. ได้กลุ่มใหม่หลายกลุ่ม',
  problems: 'กลุ่มขาดเงินทุนหมุนเวียน และบรรจุภัณฑ์ไม่สะดุดตา',
  changes: 'ประสาน ธ.ก.ส. ตั้งแต่ต้นปี และจัดอบรมออกแบบบรรจุภัณฑ์',
  ...over,
});
const planBody = (over: object = {}) => ({
  orgUnitCode: '3401',
  title: `แผนพัฒนาศูนย์ฯ ระยะสั้น ปีงบประมาณ ${year}`,
  term: 'short',
  firstYear: year,
  lastYear: year,
  goal: 'กลุ่มอาชีพเข้าถึงตลาดและแหล่งทุน',
  ...over,
});
const projectBody = (over: object = {}) => ({
  title: 'พัฒนาบรรจุภัณฑ์ผลิตภัณฑ์ชุมชน',
  objectives: 'ให้กลุ่มมีบรรจุภัณฑ์ที่ได้มาตรฐานและสะดุดตา',
  targetDescription: 'กลุ่มอาชีพที่ลงทะเบียน OTOP แล้ว',
  budgetSatang: '2500050',
  indicators: 'กลุ่มเป้าหมายมีบรรจุภัณฑ์ใหม่อย่างน้อย 3 กลุ่ม',
  startsOn: fiscalRange(year).start,
  endsOn: fiscalRange(year).end,
  ...over,
});
const plan = async (over: object = {}) => created(await district.call('POST', '/api/plans', planBody(over)));
const partner = async (client = district, orgUnitCode = '3401') =>
  created(await client.call('POST', '/api/partners', { orgUnitCode, kind: 'education', name: 'วิทยาลัยเทคนิคอุบลราชธานี' }));
const editablePlan = (p: any) => ({
  version: p.version,
  title: p.title,
  term: p.term,
  firstYear: p.firstYear,
  lastYear: p.lastYear,
  goal: p.goal,
  lessonIds: p.lessons.map((l: any) => l.id),
});
const editableProject = (p: any) => ({
  version: p.version,
  title: p.title,
  objectives: p.objectives,
  targetDescription: p.targetDescription,
  targetGroupIds: p.targetGroups.map((g: any) => g.id),
  partnerIds: p.partners.map((g: any) => g.id),
  budgetSatang: p.budgetSatang,
  indicators: p.indicators,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
});

/** The request is refused with `status` (and `code`) and none of the tables changes. */
async function expectRefused(
  client: ReturnType<typeof api>,
  method: 'POST' | 'PATCH',
  url: string,
  body: object,
  status: number,
  code?: string,
) {
  const tables = [
    'development_plans',
    'plan_lessons',
    'plan_projects',
    'plan_project_groups',
    'plan_project_partners',
    'project_updates',
    'lessons',
  ];
  const before = await Promise.all(tables.map(count));
  const res = await client.call(method, url, body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  if (code) expect(res.body.code).toBe(code);
  expect(await Promise.all(tables.map(count))).toEqual(before);
  return res.body;
}

describe('development plans', () => {
  it('makes short- and long-term plans, lists them by the fiscal years they cover, and refuses bad year ranges', async () => {
    const short = await plan();
    const long = await plan({ title: 'แผนพัฒนาศูนย์ฯ ระยะยาว', term: 'long', firstYear: year - 1, lastYear: year + 2 });
    expect(short).toMatchObject({
      term: 'short',
      firstYear: year,
      lastYear: year,
      projectCount: 0,
      budgetSatang: '0',
      projects: [],
    });
    const ids = async (q: string) => (await district.call('GET', `/api/plans?${q}`)).body.items.map((p: any) => p.id);
    expect(await ids(`fiscalYear=${year}`)).toEqual(expect.arrayContaining([short.id, long.id]));
    expect(await ids(`fiscalYear=${year + 2}`)).toContain(long.id);
    expect(await ids(`fiscalYear=${year + 2}`)).not.toContain(short.id);
    expect(await ids(`fiscalYear=${year}&term=long`)).not.toContain(short.id);
    const two = await expectRefused(district, 'POST', '/api/plans', planBody({ lastYear: year + 1 }), 400);
    expect(two.errors[0].th).toBe('แผนระยะสั้นครอบคลุมปีงบประมาณเดียว');
    await expectRefused(district, 'POST', '/api/plans', planBody({ term: 'long' }), 400);
    await expectRefused(district, 'POST', '/api/plans', planBody({ term: 'long', lastYear: year - 1 }), 400);
    await expectRefused(district, 'POST', '/api/plans', planBody({ term: 'long', lastYear: year + 10 }), 400);
    await expectRefused(committee, 'POST', '/api/plans', planBody(), 403, 'access.forbidden');
    await expectRefused(district2, 'POST', '/api/plans', planBody(), 403, 'access.out_of_scope');
  });

  it('adds projects with target groups and partners of the district, a budget and a timeline inside the plan', async () => {
    const p = await plan();
    const group = await district.group();
    const with_ = await partner();
    const made = created(
      await district.call(
        'POST',
        `/api/plans/${p.id}/projects`,
        projectBody({ targetGroupIds: [group.id], partnerIds: [with_.id] }),
      ),
    );
    expect(made).toMatchObject({
      planId: p.id,
      planTitle: p.title,
      budgetSatang: '2500050',
      targetGroups: [{ id: group.id, name: group.name }],
      partners: [{ id: with_.id, name: with_.name }],
      progress: null,
      updates: [],
    });
    const detail = (await district.call('GET', `/api/plans/${p.id}`)).body;
    expect(detail).toMatchObject({ projectCount: 1, budgetSatang: '2500050' });
    expect(detail.projects.map((x: any) => x.id)).toEqual([made.id]);
    const byGroup = (await district.call('GET', `/api/plan-projects?groupId=${group.id}`)).body;
    expect(byGroup.items.map((x: any) => x.id)).toEqual([made.id]);
    const [audit] = await t.rows(`select changes from audit_log where entity = 'plan_project' and entity_id = '${made.id}'`);
    expect(audit.changes.targetGroupIds.after).toEqual([group.id]);

    const url = `/api/plans/${p.id}/projects`;
    const backwards = await expectRefused(
      district,
      'POST',
      url,
      projectBody({ startsOn: daysFromToday(0), endsOn: daysFromToday(-1) }),
      400,
    );
    expect(backwards.errors[0]).toMatchObject({ path: 'body/endsOn', th: 'วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น' });
    await expectRefused(
      district,
      'POST',
      url,
      projectBody({ endsOn: fiscalRange(year + 1).end }),
      422,
      'plan_project.outside_plan',
    );
    await expectRefused(district, 'POST', url, projectBody({ budgetSatang: '-100' }), 400);
    await expectRefused(district, 'POST', url, projectBody({ budgetSatang: '12.50' }), 400);
    const theirGroup = await district2.group({ orgUnitCode: '3415' });
    const theirPartner = await partner(district2, '3415');
    await expectRefused(district, 'POST', url, projectBody({ targetGroupIds: [theirGroup.id] }), 422, 'record.other_district');
    await expectRefused(district, 'POST', url, projectBody({ partnerIds: [theirPartner.id] }), 422, 'record.other_district');
  });

  it('changes a project at the version read, and keeps the plan years around its projects', async () => {
    const p = await plan({ term: 'long', firstYear: year, lastYear: year + 1 });
    const made = created(
      await district.call('POST', `/api/plans/${p.id}/projects`, projectBody({ endsOn: fiscalRange(year + 1).end })),
    );
    const changed = await expectVersionedPatch(
      district,
      `/api/plan-projects/${made.id}`,
      { ...editableProject(made), budgetSatang: '0', indicators: 'ร้อยละ 80 ของกลุ่มเป้าหมาย' },
      { title: 'ช้าไป' },
    );
    expect(changed.budgetSatang).toBe('0');
    const shorter = await expectRefused(
      district,
      'PATCH',
      `/api/plans/${p.id}`,
      { ...editablePlan(p), term: 'short', lastYear: year },
      422,
      'plan.projects_outside',
    );
    expect(shorter.th).toContain('1 โครงการ');
    await expectVersionedPatch(
      district,
      `/api/plans/${p.id}`,
      { ...editablePlan(p), goal: 'กลุ่มมีรายได้เพิ่มขึ้นร้อยละ 10' },
      { goal: 'ช้าไป' },
    );
    expect((await district.call('DELETE', `/api/plan-projects/${made.id}`, { version: changed.version })).status).toBe(204);
    expect((await district.call('GET', `/api/plan-projects/${made.id}`)).status).toBe(404);
  });

  it('changes only the fields a PATCH sends: plans keep their lessons, projects their links and budget', async () => {
    const lesson = created(await district.call('POST', '/api/lessons', lessonBody()));
    const p = await plan({ lessonIds: [lesson.id] });
    const planUrl = `/api/plans/${p.id}`;
    await expectPartialPatch(district, planUrl, { title: 'แผนพัฒนาศูนย์ฯ ฉบับปรับปรุง' });
    await expectPartialPatch(district, planUrl, { goal: null });
    const lessonsKept = (await district.call('GET', planUrl)).body;
    expect(lessonsKept.lessons.map((l: any) => l.id)).toEqual([lesson.id]);
    // The year rules hold on the merged plan: a short plan made long must send its last year too.
    const longer = await district.call('PATCH', planUrl, { version: lessonsKept.version, term: 'long' });
    expect(longer.status).toBe(400);
    expect(longer.body.errors[0].path).toBe('body/lastYear');
    await expectPartialPatch(district, planUrl, { term: 'long', lastYear: year + 1 });
    expect((await district.call('PATCH', planUrl, { version: lessonsKept.version + 1, title: null })).status).toBe(400);

    const group = await district.group();
    const with_ = await partner();
    const made = created(
      await district.call('POST', `${planUrl}/projects`, projectBody({ targetGroupIds: [group.id], partnerIds: [with_.id] })),
    );
    const projectUrl = `/api/plan-projects/${made.id}`;
    const renamed = await expectPartialPatch(district, projectUrl, { indicators: 'กลุ่มเป้าหมายมีรายได้เพิ่มร้อยละ 10' });
    expect(renamed).toMatchObject({ budgetSatang: '2500050', targetGroups: [{ id: group.id }], partners: [{ id: with_.id }] });
    await expectPartialPatch(district, projectUrl, { targetDescription: null });
    await expectPartialPatch(district, projectUrl, { partnerIds: null }, ['partners']);
    expect((await district.call('GET', projectUrl)).body.partners).toEqual([]);
    const backwards = await district.call('PATCH', projectUrl, { version: renamed.version + 2, endsOn: daysFromToday(-400) });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors[0].path).toBe('body/endsOn');
  });

  it('appends dated progress updates (0–100 %, not in the future, not before the start); the latest shows on the project', async () => {
    const p = await plan();
    const made = created(
      await district.call('POST', `/api/plans/${p.id}/projects`, projectBody({ startsOn: daysFromToday(-20) })),
    );
    const url = `/api/plan-projects/${made.id}/updates`;
    const first = created(
      await district.call('POST', url, { updatedOn: daysFromToday(-10), progressPercent: 30, note: 'อบรมครั้งที่ 1 แล้ว' }),
    );
    expect(first.progress).toMatchObject({ progressPercent: 30, updatedOn: daysFromToday(-10) });
    // Reported late, but dated earlier: the latest by date is still the one shown.
    created(await district.call('POST', url, { updatedOn: daysFromToday(-2), progressPercent: 60, note: 'ได้แบบบรรจุภัณฑ์ 2 กลุ่ม' }));
    const late = created(
      await district.call('POST', url, { updatedOn: daysFromToday(-5), progressPercent: 45, note: 'บันทึกย้อนหลัง' }),
    );
    expect(late.progress.progressPercent).toBe(60);
    expect(late.updates.map((u: any) => u.progressPercent)).toEqual([60, 45, 30]);
    expect(late.updates[0].createdByName).toContain('สมชาย');
    expect((await district.call('GET', `/api/plans/${p.id}`)).body.projects[0].progress.progressPercent).toBe(60);

    await expectRefused(district, 'POST', url, { updatedOn: daysFromToday(0), progressPercent: 101, note: 'เกิน' }, 400);
    await expectRefused(district, 'POST', url, { updatedOn: daysFromToday(0), progressPercent: -1, note: 'ติดลบ' }, 400);
    await expectRefused(
      district,
      'POST',
      url,
      { updatedOn: daysFromToday(1), progressPercent: 70, note: 'พรุ่งนี้' },
      422,
      'project_update.date_in_future',
    );
    await expectRefused(
      district,
      'POST',
      url,
      { updatedOn: daysFromToday(-21), progressPercent: 5, note: 'ก่อนเริ่ม' },
      422,
      'project_update.before_start',
    );
    await expectRefused(committee, 'POST', url, { updatedOn: daysFromToday(0), progressPercent: 70, note: 'กรรมการ' }, 403);
    const audits = await t.rows(
      `select action from audit_log where entity = 'project_update' and changes->'projectId'->>'after' = '${made.id}'`,
    );
    expect(audits.map((a) => a.action)).toEqual(['create', 'create', 'create']);
  });

  it('removes a plan and with it its projects from every list', async () => {
    const p = await plan();
    const group = await district.group();
    created(await district.call('POST', `/api/plans/${p.id}/projects`, projectBody({ targetGroupIds: [group.id] })));
    expect((await district.call('DELETE', `/api/plans/${p.id}`, { version: p.version })).status).toBe(204);
    expect((await district.call('GET', `/api/plans/${p.id}`)).status).toBe(404);
    expect((await district.call('GET', `/api/plan-projects?groupId=${group.id}`)).body.total).toBe(0);
  });
});

describe('lessons learned and the plans that answer them', () => {
  it('records lessons for a year or quarter that has started, never for one that has not', async () => {
    setClock('2026-01-15'); // FY2569, second quarter
    const whole = created(await district.call('POST', '/api/lessons', lessonBody({ fiscalYear: 2568 })));
    expect(whole).toMatchObject({ fiscalYear: 2568, quarter: null, plan: null, answeredBy: [] });
    created(await district.call('POST', '/api/lessons', lessonBody({ fiscalYear: 2569, quarter: 2 })));
    const next = await expectRefused(
      district,
      'POST',
      '/api/lessons',
      lessonBody({ fiscalYear: 2570 }),
      422,
      'lesson.period_not_started',
    );
    expect(next.th).toContain('ปีงบประมาณหรือไตรมาสที่เริ่มแล้ว');
    await expectRefused(
      district,
      'POST',
      '/api/lessons',
      lessonBody({ fiscalYear: 2569, quarter: 3 }),
      422,
      'lesson.period_not_started',
    );
    await expectRefused(district, 'POST', '/api/lessons', lessonBody({ fiscalYear: 2569, quarter: 5 }), 400);
    await expectRefused(district, 'POST', '/api/lessons', lessonBody({ whatWorked: '' }), 400);
    const ids = async (q: string) => (await district.call('GET', `/api/lessons?${q}`)).body.items.map((l: any) => l.id);
    expect(await ids('fiscalYear=2568')).toContain(whole.id);
    expect(await ids('fiscalYear=2569&quarter=2')).not.toContain(whole.id);
  });

  it("links a lesson to the plan it looks back on, and next year's plan to the lessons it answers", async () => {
    const last = await plan({ title: 'แผนพัฒนาปีที่แล้ว', firstYear: year - 1, lastYear: year - 1 });
    const lesson = created(await district.call('POST', '/api/lessons', lessonBody({ planId: last.id })));
    expect(lesson.plan).toMatchObject({ id: last.id, title: last.title });
    const thisYear = await plan({ lessonIds: [lesson.id] });
    expect(thisYear.lessons).toEqual([{ id: lesson.id, fiscalYear: year - 1, quarter: null, changes: lesson.changes }]);
    expect((await district.call('GET', `/api/lessons/${lesson.id}`)).body.answeredBy).toEqual([
      { id: thisYear.id, title: thisYear.title, firstYear: year, lastYear: year },
    ]);
    expect((await district.call('GET', `/api/plans/${last.id}`)).body.lookedBackOn.map((l: any) => l.id)).toEqual([lesson.id]);
    const [audit] = await t.rows(
      `select changes from audit_log where entity = 'development_plan' and entity_id = '${thisYear.id}'`,
    );
    expect(audit.changes.lessonIds.after).toEqual([lesson.id]);

    // Only lessons of earlier years, of the same district; a lesson looks back on a plan of its own year and district.
    const current = created(await district.call('POST', '/api/lessons', lessonBody({ fiscalYear: year })));
    await expectRefused(district, 'POST', '/api/plans', planBody({ lessonIds: [current.id] }), 422, 'plan.lesson_not_earlier');
    const theirs = created(await district2.call('POST', '/api/lessons', lessonBody({ orgUnitCode: '3415' })));
    await expectRefused(district, 'POST', '/api/plans', planBody({ lessonIds: [theirs.id] }), 422, 'record.other_district');
    await expectRefused(district, 'POST', '/api/lessons', lessonBody({ planId: thisYear.id }), 422, 'lesson.plan_other_year');
    const theirPlan = created(
      await district2.call('POST', '/api/plans', planBody({ orgUnitCode: '3415', firstYear: year - 1, lastYear: year - 1 })),
    );
    await expectRefused(district, 'POST', '/api/lessons', lessonBody({ planId: theirPlan.id }), 422, 'record.other_district');
    const changed = await expectVersionedPatch(
      district,
      `/api/lessons/${lesson.id}`,
      {
        version: lesson.version,
        fiscalYear: year - 1,
        quarter: 4,
        planId: last.id,
        whatWorked: 'ตลาดนัดชุมชนขายดี',
        problems: lesson.problems,
        changes: lesson.changes,
      },
      { whatWorked: 'ช้าไป' },
    );
    expect(changed.quarter).toBe(4);
  });

  it('changes only the fields a lesson PATCH sends; null takes away the quarter or the plan looked back on', async () => {
    const last = await plan({ title: 'แผนพัฒนาปีที่แล้ว', firstYear: year - 1, lastYear: year - 1 });
    const lesson = created(await district.call('POST', '/api/lessons', lessonBody({ quarter: 4, planId: last.id })));
    const url = `/api/lessons/${lesson.id}`;
    await expectPartialPatch(district, url, { whatWorked: 'ตลาดนัดชุมชนขายดี' });
    await expectPartialPatch(district, url, { quarter: null });
    const unlinked = await expectPartialPatch(district, url, { planId: null }, ['plan']);
    expect(unlinked.plan).toBeNull();
    const empty = await district.call('PATCH', url, { version: unlinked.version, problems: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe('body/problems');
  });

  it("keeps 3415 from seeing or changing 3401's plans, projects and lessons; the committee and province read", async () => {
    const p = await plan();
    const project = created(await district.call('POST', `/api/plans/${p.id}/projects`, projectBody()));
    const lesson = created(await district.call('POST', '/api/lessons', lessonBody()));
    await expectOutOfReach(district, district2, `/api/plans/${p.id}`, editablePlan(p));
    await expectOutOfReach(district, district2, `/api/plan-projects/${project.id}`, editableProject(project));
    const { orgUnitCode, ...lessonFields } = lessonBody();
    await expectOutOfReach(district, district2, `/api/lessons/${lesson.id}`, { ...lessonFields, version: lesson.version });
    await expectRefused(district2, 'POST', `/api/plans/${p.id}/projects`, projectBody(), 404, 'plan.not_found');
    await expectRefused(
      district2,
      'POST',
      `/api/plan-projects/${project.id}/updates`,
      { updatedOn: daysFromToday(0), progressPercent: 10, note: 'ปลอม' },
      404,
    );
    for (const url of [`/api/plans/${p.id}`, `/api/plan-projects/${project.id}`, `/api/lessons/${lesson.id}`])
      expect((await district2.call('DELETE', url, { version: 1 })).status).toBe(404);
    for (const list of ['/api/plans', '/api/plan-projects', '/api/lessons'])
      expect((await district2.call('GET', `${list}?unit=3401`)).body.total).toBe(0);
    for (const url of [`/api/plans/${p.id}`, `/api/plan-projects/${project.id}`, `/api/lessons/${lesson.id}`]) {
      expect((await committee.call('GET', url)).status).toBe(200);
      expect((await province.call('GET', url)).status).toBe(200);
    }
    await expectRefused(province, 'PATCH', `/api/plans/${p.id}`, editablePlan(p), 403);
  });
});
