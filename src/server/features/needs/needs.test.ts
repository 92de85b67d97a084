import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, daysFromToday, expectOutOfReach, expectPartialPatch, expectVersionedPatch } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

let t: TestContext;
let district: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
let committee: ReturnType<typeof api>;
let province: ReturnType<typeof api>;
beforeAll(async () => {
  t = await createTestContext();
  district = api(t, await t.login('demo-district'));
  district2 = api(t, await t.login('demo-district-2'));
  committee = api(t, await t.login('demo-committee'));
  province = api(t, await t.login('demo-province'));
});
afterAll(() => t.close());

const count = async (table: string) => Number((await t.rows(`select count(*)::int as n from ${table}`))[0].n);

const item = (over: object = {}) => ({
  area: 'marketing',
  problem: 'ขายได้เฉพาะในหมู่บ้าน',
  need: 'ช่องทางขายออนไลน์และตลาดนัดชุมชน',
  priority: 1,
  ...over,
});
const analysisBody = (groupId: number, over: object = {}) => ({
  groupId,
  analysedOn: daysFromToday(-3),
  summary: 'กลุ่มผลิตได้ดีแต่ขาดตลาด',
  items: [item(), item({ area: 'quality_standards', problem: 'ยังไม่มี มผช.', need: 'คำแนะนำการยื่นขอ มผช.', priority: 2 })],
  ...over,
});
const editable = (a: any) => ({
  version: a.version,
  analysedOn: a.analysedOn,
  summary: a.summary,
  items: a.items.map(({ id, ...i }: any) => i),
});

/** The request is refused with `status` (and `code`) and nothing of an analysis is written. */
async function expectRefused(client: ReturnType<typeof api>, body: object, status: number, code?: string) {
  const before = [await count('needs_analyses'), await count('need_items')];
  const res = await client.call('POST', '/api/needs', body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  if (code) expect(res.body.code).toBe(code);
  expect([await count('needs_analyses'), await count('need_items')]).toEqual(before);
  return res.body;
}

const stageOf = async (groupId: number) => (await district.call('GET', `/api/groups/${groupId}`)).body;

describe('needs analyses', () => {
  it('records an analysis with items highest priority first, and lists it by group, area and priority', async () => {
    const group = await district.group();
    const made = await district.call(
      'POST',
      '/api/needs',
      analysisBody(group.id, { items: [item({ priority: 3, area: 'management' }), item()] }),
    );
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ groupId: group.id, groupName: group.name, orgUnitCode: '3401' });
    expect(made.body.items.map((i: any) => i.priority)).toEqual([1, 3]);
    const ids = async (q: string) => (await district.call('GET', `/api/needs?${q}`)).body.items.map((a: any) => a.id);
    expect(await ids(`groupId=${group.id}`)).toEqual([made.body.id]);
    expect(await ids(`groupId=${group.id}&area=management&priority=3`)).toEqual([made.body.id]);
    expect(await ids(`groupId=${group.id}&area=funding`)).toEqual([]);
    expect(await ids(`groupId=${group.id}&priority=2`)).toEqual([]);
    const [audit] = await t.rows(
      `select changes from audit_log where entity = 'needs_analysis' and entity_id = '${made.body.id}'`,
    );
    expect(audit.changes.needItems.after).toHaveLength(2);
  });

  it('refuses priorities outside 1–3, unknown areas, no items, a future date or one before the group: nothing saved', async () => {
    const group = await district.group({ foundedOn: daysFromToday(-30) });
    await expectRefused(district, analysisBody(group.id, { items: [item({ priority: 0 })] }), 400);
    await expectRefused(district, analysisBody(group.id, { items: [item({ priority: 4 })] }), 400);
    await expectRefused(district, analysisBody(group.id, { items: [item({ area: 'astrology' })] }), 400);
    await expectRefused(district, analysisBody(group.id, { items: [] }), 400);
    const future = await expectRefused(
      district,
      analysisBody(group.id, { analysedOn: daysFromToday(1) }),
      422,
      'needs.date_in_future',
    );
    expect(future.th).toBe('วันที่วิเคราะห์ต้องไม่เป็นวันในอนาคต');
    await expectRefused(district, analysisBody(group.id, { analysedOn: daysFromToday(-31) }), 422, 'needs.before_group');
    for (const area of ['production', 'quality_standards', 'value_added', 'marketing', 'funding', 'management'])
      expect((await district.call('POST', '/api/needs', analysisBody(group.id, { items: [item({ area })] }))).status).toBe(201);
  });

  it('replaces the items whole at the version read, and refuses a stale version', async () => {
    const made = (await district.call('POST', '/api/needs', analysisBody((await district.group()).id))).body;
    const changed = await expectVersionedPatch(
      district,
      `/api/needs/${made.id}`,
      { ...editable(made), items: [item({ area: 'funding', need: 'เงินทุนหมุนเวียน', priority: 2 })] },
      { summary: 'ช้าไป' },
    );
    expect(changed.items.map((i: any) => i.area)).toEqual(['funding']);
    expect(await t.rows(`select area from need_items where analysis_id = ${made.id}`)).toEqual([{ area: 'funding' }]);
    const bad = await district.call('PATCH', `/api/needs/${made.id}`, { ...editable(changed), items: [item({ priority: 5 })] });
    expect(bad.status).toBe(400);
  });

  it('changes only the fields a PATCH sends: a new summary keeps the items, ids and all; null empties the summary', async () => {
    const made = (await district.call('POST', '/api/needs', analysisBody((await district.group()).id))).body;
    const url = `/api/needs/${made.id}`;
    await expectPartialPatch(district, url, { summary: 'ขาดตลาดและมาตรฐาน' });
    await expectPartialPatch(district, url, { analysedOn: daysFromToday(-2) });
    await expectPartialPatch(district, url, { summary: null });
    const { version } = (await district.call('GET', url)).body;
    const noItems = await district.call('PATCH', url, { version, items: null });
    expect(noItems.status).toBe(400);
    expect(noItems.body.errors[0].path).toBe('body/items');
    const future = await district.call('PATCH', url, { version, analysedOn: daysFromToday(1) });
    expect(future.body.code).toBe('needs.date_in_future');
  });

  it('moves an OTOP-registered group to needs analysed, and back when the analysis is deleted', async () => {
    const group = await district.group();
    await district.producer(group.id);
    expect((await stageOf(group.id)).stage).toBe('otop_registered');
    const made = (await district.call('POST', '/api/needs', analysisBody(group.id))).body;
    const analysed = await stageOf(group.id);
    expect(analysed.stage).toBe('needs_analysed');
    expect(analysed.evidence).toContain('needs_analysed');
    // A second analysis holds the stage when the first goes.
    const second = (await district.call('POST', '/api/needs', analysisBody(group.id))).body;
    expect((await district.call('DELETE', `/api/needs/${made.id}`, { version: made.version })).status).toBe(204);
    expect((await stageOf(group.id)).stage).toBe('needs_analysed');
    expect((await district.call('DELETE', `/api/needs/${second.id}`, { version: second.version })).status).toBe(204);
    const back = await stageOf(group.id);
    expect(back.stage).toBe('otop_registered');
    expect(back.evidence).not.toContain('needs_analysed');
    expect((await district.call('GET', `/api/needs/${made.id}`)).status).toBe(404);
  });

  it('keeps a strengthened group where it is: an analysis is evidence, not a move backwards', async () => {
    const group = await district.group();
    const producer = await district.producer(group.id);
    await district.certification({ producerId: producer.id });
    expect((await stageOf(group.id)).stage).toBe('strengthened');
    const made = (await district.call('POST', '/api/needs', analysisBody(group.id))).body;
    expect(await stageOf(group.id)).toMatchObject({
      stage: 'strengthened',
      evidence: expect.arrayContaining(['needs_analysed']),
    });
    await district.call('DELETE', `/api/needs/${made.id}`, { version: made.version });
    expect((await stageOf(group.id)).stage).toBe('strengthened');
  });

  it("keeps 3415 from seeing or changing 3401's analyses or analysing its groups; the committee and province read", async () => {
    const group = await district.group();
    const made = (await district.call('POST', '/api/needs', analysisBody(group.id))).body;
    const url = `/api/needs/${made.id}`;
    await expectOutOfReach(district, district2, url, editable(made));
    expect((await district2.call('DELETE', url, { version: made.version })).status).toBe(404);
    expect((await district2.call('GET', '/api/needs?unit=3401')).body.total).toBe(0);
    expect((await district2.call('GET', `/api/needs?groupId=${group.id}`)).body.total).toBe(0);
    await expectRefused(district2, analysisBody(group.id), 404, 'group.not_found');
    expect((await committee.call('GET', url)).status).toBe(200);
    expect((await province.call('GET', url)).status).toBe(200);
    await expectRefused(committee, analysisBody(group.id), 403, 'access.forbidden');
    expect((await province.call('PATCH', url, editable(made))).status).toBe(403);
  });
});
