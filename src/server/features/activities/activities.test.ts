import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearOf } from '#shared/thai/index';
import { thaiToday } from '../../clock';
import { api, daysFromToday, expectOutOfReach, expectPartialPatch, expectVersionedPatch } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

let t: TestContext;
let district: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
let committee: ReturnType<typeof api>;
let province: ReturnType<typeof api>;
let admin: ReturnType<typeof api>;
beforeAll(async () => {
  t = await createTestContext();
  district = api(t, await t.login('demo-district'));
  district2 = api(t, await t.login('demo-district-2'));
  committee = api(t, await t.login('demo-committee'));
  province = api(t, await t.login('demo-province'));
  admin = api(t, await t.login('demo-admin'));
});
afterAll(() => t.close());

const count = async (table: string) => Number((await t.rows(`select count(*)::int as n from ${table}`))[0].n);
const TABLES = ['activities', 'activity_people', 'activity_groups', 'activity_partners', 'event_sales'];

/** A training of 3401 on marketing, yesterday, for a new group and one attending person. */
const trainingBody = async (over: Record<string, unknown> = {}) => ({
  orgUnitCode: '3401',
  kind: 'training',
  topicCode: 'topic_marketing',
  title: 'อบรมการตลาดออนไลน์สำหรับกลุ่มอาชีพ',
  startsOn: daysFromToday(-1),
  endsOn: daysFromToday(-1),
  place: 'ห้องประชุมที่ว่าการอำเภอ',
  groupIds: [(await district.group()).id],
  people: [{ personId: (await district.person()).id, attended: true }],
  ...over,
});
/** A two-day market event of 3401 ending today, with two new groups taking part. */
const marketBody = async (over: Record<string, unknown> = {}) => ({
  orgUnitCode: '3401',
  kind: 'market_event',
  marketKind: 'community_market',
  title: 'ตลาดนัดชุมชนคนอุบล',
  startsOn: daysFromToday(-1),
  endsOn: daysFromToday(0),
  place: 'ลานวัฒนธรรมทุ่งศรีเมือง',
  groupIds: [(await district.group()).id, (await district.group()).id],
  ...over,
});
const editable = (a: any) => ({
  version: a.version,
  kind: a.kind,
  ...(a.topicCode ? { topicCode: a.topicCode } : {}),
  ...(a.marketKind ? { marketKind: a.marketKind } : {}),
  title: a.title,
  startsOn: a.startsOn,
  endsOn: a.endsOn,
  place: a.place,
  partnerIds: a.partners.map((p: any) => p.id),
  ...(a.budgetItem ? { budgetItemId: a.budgetItem.id } : {}),
  budgetUsedSatang: a.budgetUsedSatang,
  people: a.people.map((p: any) => ({ personId: p.id, attended: p.attended })),
  groupIds: a.groups.map((g: any) => g.id),
  note: a.note,
});

/** The request is refused with `code` and nothing of an activity is written. */
async function expectRefused(
  client: ReturnType<typeof api>,
  method: 'POST' | 'PATCH' | 'PUT',
  url: string,
  body: object,
  status: number,
  code?: string,
) {
  const before = await Promise.all(TABLES.map(count));
  const res = await client.call(method, url, body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  if (code) expect(res.body.code).toBe(code);
  expect(await Promise.all(TABLES.map(count))).toEqual(before);
  return res.body;
}
const create = async (body: object, client = district) => {
  const res = await client.call('POST', '/api/activities', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const stageOf = async (groupId: number) => (await district.call('GET', `/api/groups/${groupId}`)).body;

/** A budget activity of this fiscal year with `toDistrict` satang allocated on to 3401 (none when 0). */
async function budgetActivity(toDistrict: string, fiscalYear = fiscalYearOf(thaiToday()).fiscalYear) {
  const item = await admin.call('POST', '/api/budget/items', {
    fiscalYear,
    level: 'activity',
    name: 'การขับเคลื่อนศูนย์บริการส่งเสริมเศรษฐกิจฐานราก',
    responsibleUnitCode: 'TH',
    budgetSatang: '10000000',
    quarters: [1],
  });
  expect(item.status, JSON.stringify(item.body)).toBe(201);
  const allocation = (from: string, to: string, amountSatang: string) => ({
    itemId: item.body.id,
    fromUnitCode: from,
    toUnitCode: to,
    quarter: 1,
    category: 'materials',
    amountSatang,
  });
  expect((await admin.call('POST', '/api/budget/allocations', allocation('TH', '34', '5000000'))).status).toBe(201);
  if (toDistrict !== '0')
    expect((await province.call('POST', '/api/budget/allocations', allocation('34', '3401', toDistrict))).status).toBe(201);
  return item.body.id as number;
}

describe('activities', () => {
  it('records a training with its topic, partners, people and attendance, and lists it by every filter', async () => {
    const partner = (
      await district.call('POST', '/api/partners', { orgUnitCode: '3401', kind: 'education', name: 'วิทยาลัยเทคนิคอุบลราชธานี' })
    ).body;
    const [came, absent] = [await district.person(), await district.person()];
    const group = await district.group();
    const made = await create(
      await trainingBody({
        partnerIds: [partner.id],
        groupIds: [group.id],
        people: [
          { personId: came.id, attended: true },
          { personId: absent.id, attended: false },
        ],
      }),
    );
    expect(made).toMatchObject({
      kind: 'training',
      topicCode: 'topic_marketing',
      marketKind: null,
      partners: [{ id: partner.id, name: partner.name }],
      groups: [{ id: group.id, name: group.name }],
      budgetUsedSatang: '0',
      sales: [],
      salesTotalSatang: '0',
    });
    expect(made.people).toEqual(
      expect.arrayContaining([
        { id: came.id, name: `${came.title}${came.firstName} ${came.lastName}`, attended: true },
        { id: absent.id, name: `${absent.title}${absent.firstName} ${absent.lastName}`, attended: false },
      ]),
    );
    const ids = async (query: string) =>
      (await district.call('GET', `/api/activities?${query}`)).body.items.map((a: any) => a.id);
    const month = made.startsOn.slice(0, 7);
    expect(await ids(`kind=training&topic=topic_marketing&month=${month}&groupId=${group.id}`)).toEqual([made.id]);
    expect(await ids(`personId=${absent.id}`)).toEqual([made.id]);
    expect(await ids(`partnerId=${partner.id}`)).toEqual([made.id]);
    expect(await ids(`from=${made.startsOn}&to=${made.endsOn}&q=${encodeURIComponent('การตลาดออนไลน์')}`)).toContain(made.id);
    expect(await ids('kind=market_event')).not.toContain(made.id);
    expect(await ids('topic=topic_basic_business')).not.toContain(made.id);
    expect(await ids(`to=${daysFromToday(-2)}`)).not.toContain(made.id);
    expect(await ids(`month=${daysFromToday(-400).slice(0, 7)}`)).not.toContain(made.id);
    const [audit] = await t.rows(`select changes from audit_log where entity = 'activity' and entity_id = '${made.id}'`);
    expect(audit.changes.attendedIds.after).toEqual([came.id]);
    expect(audit.changes.participantGroupIds.after).toEqual([group.id]);
  });

  it('refuses a start in the future, an end before the start, a training without a topic and unknown topics: nothing saved', async () => {
    await expectRefused(
      district,
      'POST',
      '/api/activities',
      await trainingBody({ startsOn: daysFromToday(1), endsOn: daysFromToday(1) }),
      422,
      'activity.date_in_future',
    );
    const early = await expectRefused(
      district,
      'POST',
      '/api/activities',
      await trainingBody({ endsOn: daysFromToday(-3) }),
      400,
    );
    expect(early.errors[0]).toMatchObject({ path: 'body/endsOn', th: 'วันสิ้นสุดต้องไม่ก่อนวันเริ่ม' });
    const noTopic = await expectRefused(district, 'POST', '/api/activities', await trainingBody({ topicCode: undefined }), 400);
    expect(noTopic.errors[0].th).toBe('การอบรมต้องระบุหัวข้อองค์ความรู้');
    await expectRefused(district, 'POST', '/api/activities', await trainingBody({ topicCode: 'advice' }), 400);
    await expectRefused(
      district,
      'POST',
      '/api/activities',
      await trainingBody({ topicCode: 'topic_astrology' }),
      422,
      'code.unknown',
    );
    await expectRefused(district, 'POST', '/api/activities', await marketBody({ marketKind: undefined }), 400);
    await expectRefused(district, 'POST', '/api/activities', await trainingBody({ marketKind: 'online' }), 400);
    await expectRefused(district, 'POST', '/api/activities', await trainingBody({ budgetUsedSatang: '-100' }), 400);
    const twice = (await district.person()).id;
    await expectRefused(
      district,
      'POST',
      '/api/activities',
      await trainingBody({ people: [{ personId: twice }, { personId: twice }] }),
      400,
    );
  });

  it('takes attendance only of people who exist in the district, and groups and partners only of the district', async () => {
    const theirs = await district2.person({ orgUnitCode: '3415' });
    const theirGroup = await district2.group({ orgUnitCode: '3415' });
    const theirPartner = (
      await district2.call('POST', '/api/partners', { orgUnitCode: '3415', kind: 'bank', name: 'ธนาคารออมสิน สาขาวารินชำราบ' })
    ).body;
    await expectRefused(
      district,
      'POST',
      '/api/activities',
      await trainingBody({ people: [{ personId: theirs.id, attended: true }] }),
      422,
      'record.other_district',
    );
    await expectRefused(
      district,
      'POST',
      '/api/activities',
      await trainingBody({ people: [{ personId: 2_000_000_000, attended: true }] }),
      422,
      'record.other_district',
    );
    await expectRefused(
      district,
      'POST',
      '/api/activities',
      await trainingBody({ groupIds: [theirGroup.id] }),
      422,
      'record.other_district',
    );
    await expectRefused(
      district,
      'POST',
      '/api/activities',
      await trainingBody({ partnerIds: [theirPartner.id] }),
      422,
      'record.other_district',
    );
    // A person merged into another no longer exists as a record of their own.
    const [gone, kept] = [await district.person(), await district.person()];
    expect((await district.call('POST', `/api/people/${gone.id}/merge`, { keepId: kept.id })).status).toBe(200);
    await expectRefused(
      district,
      'POST',
      '/api/activities',
      await trainingBody({ people: [{ personId: gone.id, attended: true }] }),
      422,
      'record.other_district',
    );
  });

  it('ticks attendance on a change at the version read, and refuses a stale version', async () => {
    const made = await create(await trainingBody());
    const body = editable(made);
    body.people = body.people.map((p: any) => ({ ...p, attended: false }));
    const changed = await expectVersionedPatch(district, `/api/activities/${made.id}`, body, { title: 'ช้าไป' });
    expect(changed.people.every((p: any) => p.attended === false)).toBe(true);
  });

  it('moves a group to strengthened after a training, and back when the group leaves it', async () => {
    const group = await district.group();
    expect((await stageOf(group.id)).stage).toBe('group_formed');
    const made = await create(await trainingBody({ groupIds: [group.id] }));
    const after = await stageOf(group.id);
    expect(after.stage).toBe('strengthened');
    expect(after.evidence).toContain('strengthened');
    const other = await district.group();
    const moved = await district.call('PATCH', `/api/activities/${made.id}`, { ...editable(made), groupIds: [other.id] });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((await stageOf(group.id)).stage).toBe('group_formed');
    expect((await stageOf(other.id)).stage).toBe('strengthened');
    expect((await district.call('DELETE', `/api/activities/${made.id}`, { version: moved.body.version })).status).toBe(204);
    expect((await stageOf(other.id)).stage).toBe('group_formed');
    expect((await district.call('GET', `/api/activities/${made.id}`)).status).toBe(404);
  });
});

describe('market event sales', () => {
  const salesUrl = (id: number) => `/api/activities/${id}/sales`;

  it('records sales per group per day, totals them per group and per day, and moves the groups to market access and back', async () => {
    const event = await create(await marketBody());
    const [a, b] = event.groups.map((g: any) => g.id);
    const [day1, day2] = [event.startsOn, event.endsOn];
    const saved = await district.call('PUT', salesUrl(event.id), {
      version: event.version,
      rows: [
        { groupId: a, saleDate: day1, quantity: 20, amountSatang: '350000' },
        { groupId: a, saleDate: day2, quantity: 31, amountSatang: '1225050' },
        { groupId: b, saleDate: day1, amountSatang: '48000' },
        { groupId: b, saleDate: day2, quantity: 0, amountSatang: '0' },
      ],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.version).toBe(event.version + 1);
    expect(saved.body.salesTotalSatang).toBe('1623050');
    expect(Object.fromEntries(saved.body.salesByGroup.map((g: any) => [g.groupId, [g.amountSatang, g.quantity]]))).toEqual({
      [a]: ['1575050', 51],
      [b]: ['48000', 0],
    });
    expect(saved.body.salesByDay).toEqual([
      { saleDate: day1, amountSatang: '398000', quantity: 20 },
      { saleDate: day2, amountSatang: '1225050', quantity: 31 },
    ]);
    expect((await stageOf(a)).stage).toBe('market_access');
    expect((await stageOf(b)).evidence).toContain('market_access');
    const [audit] = await t.rows(
      `select changes from audit_log where entity = 'activity' and entity_id = '${event.id}' and action = 'record_sales'`,
    );
    expect(audit.changes.salesTotalSatang).toEqual({ before: '0', after: '1623050' });

    // The list shows each event's totals too (the group page reads them there).
    const listed = (await district.call('GET', `/api/activities?groupId=${b}`)).body.items[0];
    expect(listed.salesByGroup.find((g: any) => g.groupId === b).amountSatang).toBe('48000');

    // Stale grid: refused, nothing changes.
    await expectRefused(district, 'PUT', salesUrl(event.id), { version: event.version, rows: [] }, 409, 'record.stale');
    // The rows sent replace the rows before: b's sales gone, b loses market access, a keeps it.
    const replaced = await district.call('PUT', salesUrl(event.id), {
      version: saved.body.version,
      rows: [{ groupId: a, saleDate: day1, quantity: 20, amountSatang: '350000' }],
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.sales).toEqual([{ groupId: a, saleDate: day1, quantity: 20, amountSatang: '350000' }]);
    expect((await stageOf(b)).stage).toBe('group_formed');
    expect((await stageOf(a)).stage).toBe('market_access');
    const cleared = await district.call('PUT', salesUrl(event.id), { version: replaced.body.version, rows: [] });
    expect(cleared.body.salesTotalSatang).toBe('0');
    expect((await stageOf(a)).stage).toBe('group_formed');
  });

  it('refuses sales of groups not taking part, days outside the event or in the future, negative figures and non-market events', async () => {
    const event = await create(await marketBody({ startsOn: daysFromToday(-1), endsOn: daysFromToday(1) }));
    const [a] = event.groups.map((g: any) => g.id);
    const row = (over: object = {}) => ({
      version: event.version,
      rows: [{ groupId: a, saleDate: event.startsOn, amountSatang: '10000', ...over }],
    });
    const outsider = await district.group();
    const theirs = await district2.group({ orgUnitCode: '3415' });
    await expectRefused(
      district,
      'PUT',
      salesUrl(event.id),
      row({ groupId: outsider.id }),
      422,
      'activity.group_not_taking_part',
    );
    await expectRefused(district, 'PUT', salesUrl(event.id), row({ groupId: theirs.id }), 422, 'activity.group_not_taking_part');
    await expectRefused(
      district,
      'PUT',
      salesUrl(event.id),
      row({ saleDate: daysFromToday(-2) }),
      422,
      'activity.sale_day_outside',
    );
    await expectRefused(district, 'PUT', salesUrl(event.id), row({ saleDate: daysFromToday(1) }), 422, 'activity.sale_in_future');
    await expectRefused(district, 'PUT', salesUrl(event.id), row({ amountSatang: '-500' }), 400);
    await expectRefused(district, 'PUT', salesUrl(event.id), row({ quantity: -1 }), 400);
    const dup = row();
    dup.rows.push(dup.rows[0]);
    await expectRefused(district, 'PUT', salesUrl(event.id), dup, 400);
    const training = await create(await trainingBody());
    await expectRefused(
      district,
      'PUT',
      salesUrl(training.id),
      { version: training.version, rows: [{ groupId: training.groups[0].id, saleDate: training.startsOn, amountSatang: '100' }] },
      422,
      'activity.not_market_event',
    );
  });

  it('keeps recorded sales consistent: a group with sales cannot leave, nor the dates move past them, nor the kind change', async () => {
    const event = await create(await marketBody());
    const [a, b] = event.groups.map((g: any) => g.id);
    const saved = (
      await district.call('PUT', salesUrl(event.id), {
        version: event.version,
        rows: [{ groupId: a, saleDate: event.startsOn, amountSatang: '90000' }],
      })
    ).body;
    const url = `/api/activities/${event.id}`;
    await expectRefused(district, 'PATCH', url, { ...editable(saved), groupIds: [b] }, 422, 'activity.has_sales');
    await expectRefused(district, 'PATCH', url, { ...editable(saved), startsOn: saved.endsOn }, 422, 'activity.has_sales');
    const asStrengthening = { ...editable(saved), kind: 'strengthening', marketKind: null };
    await expectRefused(district, 'PATCH', url, asStrengthening, 422, 'activity.has_sales');
    // Deleting the event withdraws its sales as evidence.
    expect((await stageOf(a)).stage).toBe('market_access');
    expect((await district.call('DELETE', url, { version: saved.version })).status).toBe(204);
    expect((await stageOf(a)).stage).toBe('group_formed');
  });
});

describe('budget used', () => {
  it('links a budget activity allocated to the district, never beyond what the district received', async () => {
    const itemId = await budgetActivity('300000');
    const options = (
      await district.call('GET', `/api/activities/budget-items?unit=3401&fiscalYear=${fiscalYearOf(thaiToday()).fiscalYear}`)
    ).body;
    expect(options.find((o: any) => o.id === itemId)).toMatchObject({ receivedSatang: '300000', usedSatang: '0' });
    const first = await create(await trainingBody({ budgetItemId: itemId, budgetUsedSatang: '200000' }));
    expect(first.budgetItem).toEqual({ id: itemId, name: 'การขับเคลื่อนศูนย์บริการส่งเสริมเศรษฐกิจฐานราก' });
    const over = await expectRefused(
      district,
      'POST',
      '/api/activities',
      await trainingBody({ budgetItemId: itemId, budgetUsedSatang: '100001' }),
      422,
      'activity.budget_over_allocation',
    );
    expect(over.th).toContain('3,000.00');
    await create(await trainingBody({ budgetItemId: itemId, budgetUsedSatang: '100000' }));
    // Its own amount is not counted twice when the activity is changed.
    const same = await district.call('PATCH', `/api/activities/${first.id}`, { ...editable(first), title: 'อบรมการตลาด รุ่นที่ 2' });
    expect(same.status, JSON.stringify(same.body)).toBe(200);
  });

  it('refuses a budget activity that never reached the district or is of another fiscal year', async () => {
    const notReached = await budgetActivity('0');
    await expectRefused(
      district,
      'POST',
      '/api/activities',
      await trainingBody({ budgetItemId: notReached, budgetUsedSatang: '100' }),
      422,
      'activity.budget_not_reached',
    );
    const lastYear = await budgetActivity('100000', fiscalYearOf(thaiToday()).fiscalYear - 1);
    await expectRefused(
      district,
      'POST',
      '/api/activities',
      await trainingBody({ budgetItemId: lastYear, budgetUsedSatang: '100' }),
      422,
      'activity.budget_year_mismatch',
    );
    await expectRefused(
      district,
      'POST',
      '/api/activities',
      await trainingBody({ budgetItemId: 2_000_000_000 }),
      404,
      'budget.item_not_found',
    );
  });
});

describe('who records and who sees', () => {
  it('lets a committee member record activities and change only those they recorded', async () => {
    const mine = await create(await trainingBody(), committee);
    const changed = await committee.call('PATCH', `/api/activities/${mine.id}`, { ...editable(mine), place: 'ศาลากลางบ้าน' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const officers = await create(await marketBody());
    expect((await committee.call('GET', `/api/activities/${officers.id}`)).status).toBe(200);
    const edit = await committee.call('PATCH', `/api/activities/${officers.id}`, { ...editable(officers), place: 'ที่อื่น' });
    expect(edit.status).toBe(403);
    expect(edit.body.code).toBe('service.not_own_record');
    await expectRefused(
      committee,
      'PUT',
      `/api/activities/${officers.id}/sales`,
      { version: officers.version, rows: [] },
      403,
      'service.not_own_record',
    );
    expect((await committee.call('DELETE', `/api/activities/${officers.id}`, { version: officers.version })).status).toBe(403);
    // The budget is not the committee's: no link, no list of budget activities.
    const itemId = await budgetActivity('100000');
    await expectRefused(
      committee,
      'POST',
      '/api/activities',
      await trainingBody({ budgetItemId: itemId }),
      403,
      'activity.budget_link_forbidden',
    );
    expect((await committee.call('GET', `/api/activities/budget-items?unit=3401&fiscalYear=2570`)).status).toBe(403);
    expect((await committee.call('DELETE', `/api/activities/${mine.id}`, { version: changed.body.version })).status).toBe(204);
  });

  it('changes only the fields a PATCH sends: the budget link, the officers’ to set, stays through a committee member’s change', async () => {
    const mine = await create(await trainingBody({ note: 'รุ่นแรก' }), committee);
    const url = `/api/activities/${mine.id}`;
    await expectPartialPatch(committee, url, { title: 'อบรมการตลาดออนไลน์ รุ่นที่ 2' });
    await expectPartialPatch(committee, url, { note: null });
    // The officer links the budget; the member's next change leaves it out and so keeps it, but may not clear it.
    const itemId = await budgetActivity('100000');
    const linked = await district.call('PATCH', url, {
      version: (await district.call('GET', url)).body.version,
      budgetItemId: itemId,
      budgetUsedSatang: '25000',
    });
    expect(linked.body).toMatchObject({ budgetItem: { id: itemId }, budgetUsedSatang: '25000', place: mine.place });
    const kept = await expectPartialPatch(committee, url, { place: 'ศาลากลางบ้านโนนสูง' });
    expect(kept.budgetItem.id).toBe(itemId);
    await expectRefused(
      committee,
      'PATCH',
      url,
      { version: kept.version, budgetItemId: null },
      403,
      'activity.budget_link_forbidden',
    );
    // The rules across fields hold on the merged activity: a training's topic goes with the kind.
    const asEvent = await committee.call('PATCH', url, { version: kept.version, kind: 'market_event', marketKind: 'festival' });
    expect(asEvent.status).toBe(400);
    expect(asEvent.body.errors[0].path).toBe('body/topicCode');
    await expectPartialPatch(committee, url, { kind: 'market_event', marketKind: 'festival', topicCode: null });
  });

  it("keeps 3415 from seeing or changing 3401's activities and their sales, while the province reads but cannot write", async () => {
    const event = await create(await marketBody());
    const url = `/api/activities/${event.id}`;
    await expectOutOfReach(district, district2, url, { ...editable(event), title: 'ปลอม' });
    expect((await district2.call('DELETE', url, { version: event.version })).status).toBe(404);
    await expectRefused(district2, 'PUT', `${url}/sales`, { version: event.version, rows: [] }, 404, 'activity.not_found');
    expect((await district2.call('GET', '/api/activities?pageSize=200')).body.items.some((a: any) => a.id === event.id)).toBe(
      false,
    );
    expect((await district2.call('GET', '/api/activities?unit=3401')).body.total).toBe(0);
    await expectRefused(district2, 'POST', '/api/activities', await marketBody(), 403, 'access.out_of_scope');
    expect((await district2.call('GET', '/api/activities/budget-items?unit=3401&fiscalYear=2570')).status).toBe(403);
    expect((await province.call('GET', url)).status).toBe(200);
    expect((await province.call('PATCH', url, editable(event))).status).toBe(403);
    expect((await province.call('PUT', `${url}/sales`, { version: event.version, rows: [] })).status).toBe(403);
  });
});
