import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../clock';
import { api } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

let t: TestContext;
let district: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
let province: ReturnType<typeof api>;
const id: Record<string, number> = {};
let bank: number;
let given: { center: number; outreach: number; lastMonth: number; other: number; trip: number };

const service = async (client: ReturnType<typeof api>, unit: string, staff: string, over: object = {}) => {
  const res = await client.call('POST', '/api/services', {
    orgUnitCode: unit,
    serviceDate: '2026-03-10',
    mode: 'center',
    groupIds: [(await client.group({ orgUnitCode: unit })).id],
    typeCodes: ['advice'],
    description: 'ให้คำปรึกษาการทำบัญชีกลุ่ม',
    staffIds: [id[staff]],
    durationMinutes: 45,
    ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as number;
};

beforeAll(async () => {
  // Mid-March 2569 (BE): the month under test is whole and nothing is in the future.
  setClock('2026-03-20');
  t = await createTestContext();
  district = api(t, await t.login('demo-district'));
  district2 = api(t, await t.login('demo-district-2'));
  province = api(t, await t.login('demo-province'));
  for (const row of await t.rows('select id, username from users')) id[row.username] = row.id;
  bank = (await district.call('POST', '/api/partners', { orgUnitCode: '3401', kind: 'bank', name: 'ธ.ก.ส. สาขาเมืองอุบลราชธานี' }))
    .body.id;
  const trip = await district.call('POST', '/api/outreach-trips', {
    orgUnitCode: '3401',
    tripDate: '2026-03-12',
    staffIds: [id['demo-district'], id['demo-committee']],
    places: ['บ้านหนองบัว ตำบลขามใหญ่'],
  });
  expect(trip.status, JSON.stringify(trip.body)).toBe(201);
  given = {
    center: await service(district, '3401', 'demo-district'),
    outreach: await service(district, '3401', 'demo-committee', {
      serviceDate: '2026-03-12',
      mode: 'outreach',
      outreachKind: 'scheduled',
      tripId: trip.body.id,
      partnerIds: [bank],
    }),
    lastMonth: await service(district, '3401', 'demo-district', { serviceDate: '2026-02-27' }),
    other: await service(district2, '3415', 'demo-district-2'),
    trip: trip.body.id,
  };
});
afterAll(async () => {
  setClock(null);
  await t.close();
});

const log = async (client: ReturnType<typeof api>, query = '') => {
  const res = await client.call('GET', `/api/worklog?month=2026-03${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const ids = (body: any, type: string) => body.items.filter((e: any) => e.type === type).map((e: any) => e.id);

describe('work log', () => {
  it("shows a district's month: its services and trips, not another month's or another district's", async () => {
    const body = await log(district);
    expect(ids(body, 'service').sort()).toEqual([given.center, given.outreach].sort());
    expect(ids(body, 'trip')).toEqual([given.trip]);
    expect(body.counts).toEqual(
      expect.arrayContaining([
        { type: 'service', count: 2 },
        { type: 'trip', count: 1 },
      ]),
    );
    const outreach = body.items.find((e: any) => e.id === given.outreach && e.type === 'service');
    expect(outreach).toMatchObject({ on: '2026-03-12', code: 'outreach', orgUnitCode: '3401', unitNameTh: 'เมืองอุบลราชธานี' });
    expect(outreach.people).toContain('บุญมี');
    // Newest first.
    expect(body.items.map((e: any) => e.on)).toEqual([...body.items.map((e: any) => e.on)].sort().reverse());
    expect(ids(await log(district, '').then((b) => b), 'service')).not.toContain(given.lastMonth);
    expect(ids(await district.call('GET', '/api/worklog?month=2026-02').then((r) => r.body), 'service')).toEqual([
      given.lastMonth,
    ]);
  });

  it('filters by type, mode, staff and partner', async () => {
    expect(ids(await log(district, '&type=trip'), 'service')).toEqual([]);
    expect((await log(district, '&type=trip')).total).toBe(1);
    const center = await log(district, '&mode=center');
    expect(center.items.map((e: any) => [e.type, e.id])).toEqual([['service', given.center]]);
    const committee = await log(district, `&staffId=${id['demo-committee']}`);
    expect(committee.items.map((e: any) => [e.type, e.id]).sort()).toEqual(
      [
        ['service', given.outreach],
        ['trip', given.trip],
      ].sort(),
    );
    const withBank = await log(district, `&partnerId=${bank}`);
    expect(withBank.items.map((e: any) => [e.type, e.id])).toEqual([['service', given.outreach]]);
  });

  it("gives a province its districts' logs and keeps a district out of another's", async () => {
    const all = await log(province, '&unit=34');
    expect(ids(all, 'service')).toEqual(expect.arrayContaining([given.center, given.outreach, given.other]));
    expect(ids(await log(province, '&unit=3415'), 'service')).toEqual([given.other]);
    expect(ids(await log(district2), 'service')).toEqual([given.other]);
    const refused = await district2.call('GET', '/api/worklog?month=2026-03&unit=3401');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('access.out_of_scope');
  });

  it('pages a long month and keeps the counts', async () => {
    const first = await log(district, '&pageSize=1');
    const second = await log(district, '&pageSize=1&page=2');
    expect(first.total).toBe(3);
    expect(first.items).toHaveLength(1);
    expect(second.items[0]).not.toEqual(first.items[0]);
    const past = await log(district, '&pageSize=1&page=9');
    expect(past).toMatchObject({ items: [], total: 3 });
  });
});
