import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '#shared/sales';
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

const thisMonth = () => daysFromToday(0).slice(0, 7);
const saleCount = async () => Number((await t.rows('select count(*)::int as n from sales'))[0].n);

const saleBody = (over: Record<string, unknown>) => ({
  orgUnitCode: '3401',
  channelCode: 'community_market',
  month: thisMonth(),
  quantity: 40,
  amountSatang: '1200000',
  ...over,
});

async function expectRefused(client: ReturnType<typeof api>, body: object, status: number, code?: string) {
  const before = await saleCount();
  const res = await client.call('POST', '/api/sales', body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  if (code) expect(res.body.code).toBe(code);
  expect(await saleCount()).toBe(before);
  return res.body;
}

describe('sales', () => {
  it('records a month of sales, moves the group to market access, and corrects it at the version read', async () => {
    const group = await district.group();
    expect((await district.call('GET', `/api/groups/${group.id}`)).body.stage).toBe('group_formed');
    const made = await district.call('POST', '/api/sales', saleBody({ groupId: group.id }));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({
      group: { id: group.id, name: group.name },
      product: null,
      sellerGroupId: group.id,
      month: thisMonth(),
      amountSatang: '1200000',
    });
    const after = (await district.call('GET', `/api/groups/${group.id}`)).body;
    expect(after.stage).toBe('market_access');
    expect(after.evidence).toContain('market_access');
    const url = `/api/sales/${made.body.id}`;
    const { id, orgUnitCode, group: g, product, sellerGroupId, createdBy, locked, ...rest } = made.body;
    const changed = await expectVersionedPatch(
      district,
      url,
      { ...rest, groupId: group.id, amountSatang: '1350000', quantity: 45 },
      { amountSatang: '1' },
    );
    expect(changed.amountSatang).toBe('1350000');
    // Removing the only sale takes the evidence away: the group goes back.
    expect((await district.call('DELETE', url, { version: changed.version })).status).toBe(204);
    expect((await district.call('GET', `/api/groups/${group.id}`)).body.stage).toBe('group_formed');
    const audit = await t.rows(`select action from audit_log where entity = 'sale' and entity_id = '${id}' order by id`);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('changes only the fields a PATCH sends: the amount alone, null clears the quantity, one seller still', async () => {
    const group = await district.group();
    const product = await district.product((await district.producer(group.id)).id);
    const made = await district.call('POST', '/api/sales', saleBody({ groupId: group.id, note: 'ขายดีช่วงสงกรานต์' }));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const url = `/api/sales/${made.body.id}`;
    const amount = await expectPartialPatch(district, url, { amountSatang: '1350050' });
    expect(amount).toMatchObject({ quantity: 40, note: 'ขายดีช่วงสงกรานต์', group: { id: group.id } });
    await expectPartialPatch(district, url, { quantity: null });
    await expectPartialPatch(district, url, { note: null });
    // A group or a product, never both: moving the sale to a product takes the group away in the same PATCH.
    const both = await district.call('PATCH', url, { version: amount.version + 2, productId: product.id });
    expect(both.status).toBe(400);
    expect(both.body.errors[0].path).toBe('body/groupId');
    const moved = await district.call('PATCH', url, { version: amount.version + 2, productId: product.id, groupId: null });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({
      group: null,
      product: { id: product.id },
      sellerGroupId: group.id,
      channelCode: 'community_market',
      amountSatang: '1350050',
    });
  });

  it("counts a product's sales for its producer's group", async () => {
    const group = await district.group();
    const producer = await district.producer(group.id);
    const product = await district.product(producer.id);
    const made = await district.call('POST', '/api/sales', saleBody({ productId: product.id, channelCode: 'online' }));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ product: { id: product.id }, group: null, sellerGroupId: group.id });
    expect((await district.call('GET', `/api/groups/${group.id}`)).body.evidence).toContain('market_access');
    const listed = (await district.call('GET', `/api/sales?groupId=${group.id}`)).body.items.map((s: any) => s.id);
    expect(listed).toEqual([made.body.id]);
  });

  it('refuses a second row for the same seller, channel and month with a 409 that says to correct the first', async () => {
    const group = await district.group();
    const first = await district.call('POST', '/api/sales', saleBody({ groupId: group.id }));
    expect(first.status).toBe(201);
    const twin = await expectRefused(district, saleBody({ groupId: group.id, amountSatang: '5' }), 409, 'sale.duplicate_month');
    expect(twin.th).toContain('แก้ไขรายการเดิม');
    expect(twin.en).toContain('correct the existing record');
    // Another channel or month is a row of its own; moving a row onto an existing one is refused too.
    const other = await district.call('POST', '/api/sales', saleBody({ groupId: group.id, channelCode: 'festival' }));
    expect(other.status).toBe(201);
    const onto = await district.call('PATCH', `/api/sales/${other.body.id}`, {
      version: other.body.version,
      groupId: group.id,
      channelCode: 'community_market',
      month: thisMonth(),
      amountSatang: '1',
    });
    expect(onto.status).toBe(409);
    expect(onto.body.code).toBe('sale.duplicate_month');
  });

  it('refuses negative amounts, a future month, both or no seller, an unknown channel: nothing saved', async () => {
    const group = await district.group();
    const negative = await expectRefused(district, saleBody({ groupId: group.id, amountSatang: '-100' }), 400);
    // Said as what is wrong with it: negative, not "not whole satang".
    expect(negative.errors).toEqual([
      expect.objectContaining({ path: 'body/amountSatang', th: 'จำนวนเงินต้องไม่ติดลบ', en: 'Must not be negative' }),
    ]);
    const notDigits = await expectRefused(district, saleBody({ groupId: group.id, amountSatang: '12.5' }), 400);
    expect(notDigits.errors[0].th).toBe('จำนวนเงินต้องเป็นจำนวนสตางค์ (ตัวเลขเต็ม)');
    await expectRefused(district, saleBody({ groupId: group.id, quantity: -1 }), 400);
    await expectRefused(district, saleBody({ groupId: group.id, month: addMonths(thisMonth(), 1) }), 422, 'sale.month_in_future');
    const both = await expectRefused(district, saleBody({}), 400);
    expect(both.errors[0].th).toBe('เลือกกลุ่มหรือผลิตภัณฑ์อย่างใดอย่างหนึ่ง');
    await expectRefused(district, saleBody({ groupId: group.id, channelCode: 'black_market' }), 422, 'code.unknown');
  });

  it('refuses groups and products of another district', async () => {
    const theirGroup = await district2.group({ orgUnitCode: '3415' });
    const theirProducer = await district2.producer(theirGroup.id, { orgUnitCode: '3415' });
    const theirProduct = await district2.product(theirProducer.id);
    await expectRefused(district, saleBody({ groupId: theirGroup.id }), 422, 'record.other_district');
    await expectRefused(district, saleBody({ productId: theirProduct.id }), 422, 'record.other_district');
  });

  it("keeps 3415 from seeing or changing 3401's sales; the committee and province read but cannot write", async () => {
    const group = await district.group();
    const made = (await district.call('POST', '/api/sales', saleBody({ groupId: group.id }))).body;
    const url = `/api/sales/${made.id}`;
    const patch = { version: made.version, groupId: group.id, channelCode: 'online', month: made.month, amountSatang: '1' };
    await expectOutOfReach(district, district2, url, patch);
    expect((await district2.call('DELETE', url, { version: made.version })).status).toBe(404);
    expect((await district2.call('GET', '/api/sales?pageSize=200')).body.items.some((s: any) => s.id === made.id)).toBe(false);
    expect((await district2.call('GET', `/api/sales/summary?groupId=${group.id}`)).status).toBe(404);
    expect((await district2.call('GET', '/api/sales/summary?unit=3401')).body.totalSatang).toBe('0');
    await expectRefused(district2, saleBody({ groupId: group.id }), 403, 'access.out_of_scope');
    expect((await committee.call('GET', url)).status).toBe(200);
    await expectRefused(committee, saleBody({ groupId: (await district.group()).id }), 403);
    expect((await province.call('PATCH', url, patch)).status).toBe(403);
  });

  it("sums a group's income per month and channel, with its products and market-event takings, and a province by district", async () => {
    const group = await district.group();
    const product = await district.product((await district.producer(group.id)).id);
    const last = addMonths(thisMonth(), -1);
    for (const body of [
      saleBody({ groupId: group.id, month: last, amountSatang: '100000' }),
      saleBody({ groupId: group.id, amountSatang: '200000' }),
      saleBody({ productId: product.id, amountSatang: '50000' }),
      saleBody({ groupId: group.id, channelCode: 'online', amountSatang: '30000' }),
    ])
      expect((await district.call('POST', '/api/sales', body)).status).toBe(201);
    const [{ id: me }] = await t.rows("select id from users where username = 'demo-district'");
    const [event] = await t.rows(
      `insert into activities (org_unit_code, kind, market_kind, title, starts_on, ends_on, place, created_by)
       values ('3401', 'market_event', 'festival', 'งานกาชาด', '${daysFromToday(0)}', '${daysFromToday(0)}', 'ทุ่งศรีเมือง', ${me}) returning id`,
    );
    await t.rows(
      `insert into event_sales (activity_id, group_id, sale_date, amount_satang) values (${event.id}, ${group.id}, '${daysFromToday(0)}', 70000)`,
    );
    const res = await district.call('GET', `/api/sales/summary?groupId=${group.id}&from=${last}&to=${thisMonth()}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const summary = res.body;
    expect(summary.points).toEqual([
      { month: last, channelCode: 'community_market', amountSatang: '100000' },
      { month: thisMonth(), channelCode: 'community_market', amountSatang: '250000' },
      { month: thisMonth(), channelCode: 'festival', amountSatang: '70000' },
      { month: thisMonth(), channelCode: 'online', amountSatang: '30000' },
    ]);
    expect(summary.totalSatang).toBe('450000');
    expect(summary.units).toEqual([]);
    const byProvince = (await province.call('GET', `/api/sales/summary?unit=34&from=${last}&to=${thisMonth()}`)).body;
    expect(byProvince.units.map((u: any) => u.code)).toContain('3401');
    expect(BigInt(byProvince.units.find((u: any) => u.code === '3401').amountSatang)).toBeGreaterThanOrEqual(450000n);
  });
});
