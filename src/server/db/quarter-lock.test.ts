import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '#shared/sales';
import { fiscalYearOf } from '#shared/thai/calendar';
import { api, daysFromToday } from '../test/factories';
import { createTestContext, type TestContext } from '../test/harness';

// The trigger of migration 0016 itself; locking and unlocking through the API are tested with the reports.
let t: TestContext;
let district: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
beforeAll(async () => {
  t = await createTestContext();
  district = api(t, await t.login('demo-district'));
  district2 = api(t, await t.login('demo-district-2'));
});
afterAll(() => t.close());

const today = daysFromToday(0);
const sale = (unit: string, groupId: number, channelCode = 'community_market') => ({
  orgUnitCode: unit,
  groupId,
  channelCode,
  month: today.slice(0, 7),
  amountSatang: '50000',
});

describe('a locked quarter', () => {
  it("refuses the district's writes dated in it, leaves other districts alone, and lifts when unlocked", async () => {
    const group = await district.group();
    const kept = await district.call('POST', '/api/sales', sale('3401', group.id));
    expect(kept.status, JSON.stringify(kept.body)).toBe(201);

    const [user] = await t.rows(`select id from users where username = 'demo-province'`);
    const [lock] = await t.rows(
      `insert into quarter_locks (org_unit_code, fiscal_year, quarter, locked_by)
       values ('3401', ${fiscalYearOf(today).fiscalYear}, ${fiscalYearOf(today).quarter}, ${user.id}) returning id`,
    );

    const refused = await district.call('POST', '/api/sales', sale('3401', group.id, 'festival'));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('quarter.locked');
    expect(refused.body.detail).toMatch(/locked this quarter/);
    const { orgUnitCode, ...fields } = sale('3401', group.id);
    const edit = await district.call('PATCH', `/api/sales/${kept.body.id}`, { ...fields, version: 1 });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('quarter.locked');
    expect((await district.call('DELETE', `/api/sales/${kept.body.id}`, { version: 1 })).status).toBe(409);
    expect(
      (
        await t.rows(
          `select count(*)::int as n from sales where org_unit_code = '3401' and deleted_at is null and id = ${kept.body.id}`,
        )
      )[0].n,
    ).toBe(1);

    const elsewhere = await district2.call(
      'POST',
      '/api/sales',
      sale('3415', (await district2.group({ orgUnitCode: '3415' })).id),
    );
    expect(elsewhere.status).toBe(201);

    await t.rows(
      `update quarter_locks set unlocked_at = now(), unlocked_by = ${user.id}, unlock_reason = 'correction' where id = ${lock.id}`,
    );
    expect((await district.call('POST', '/api/sales', sale('3401', group.id, 'festival'))).status).toBe(201);
  });

  it('tells the client which records it locks, on lists and single records, by the same rule the trigger applies', async () => {
    const group = await district.group();
    const [staff] = await t.rows(`select id from users where username = 'demo-district'`);
    const sold = await district.call('POST', '/api/sales', sale('3401', group.id, 'online'));
    const earlier = await district.call('POST', '/api/sales', {
      ...sale('3401', group.id, 'online'),
      month: addMonths(today.slice(0, 7), -4),
    });
    const served = await district.call('POST', '/api/services', {
      orgUnitCode: '3401',
      serviceDate: today,
      mode: 'center',
      groupIds: [group.id],
      typeCodes: ['advice'],
      description: 'ให้คำปรึกษาการขายออนไลน์',
      staffIds: [staff.id],
      durationMinutes: 30,
    });
    const asked = await district.call('POST', '/api/requests', {
      orgUnitCode: '3401',
      channel: 'phone',
      receivedOn: today,
      groupId: group.id,
      subjectCode: 'funding_access',
      description: 'กลุ่มขอคำแนะนำการกู้เงิน',
    });
    for (const made of [sold, earlier, served, asked]) expect(made.status, JSON.stringify(made.body)).toBe(201);
    // Nothing is locked yet: the answers to the writes say so.
    expect([sold, served, asked].map((r) => r.body.locked)).toEqual([false, false, false]);

    const [user] = await t.rows(`select id from users where username = 'demo-province'`);
    const { fiscalYear, quarter } = fiscalYearOf(today);
    const [lock] = await t.rows(
      `insert into quarter_locks (org_unit_code, fiscal_year, quarter, locked_by)
       values ('3401', ${fiscalYear}, ${quarter}, ${user.id}) returning id`,
    );
    const lockedOf = async (url: string) => (await district.call('GET', url)).body.locked;
    expect(await lockedOf(`/api/sales/${sold.body.id}`)).toBe(true);
    expect(await lockedOf(`/api/sales/${earlier.body.id}`)).toBe(false);
    expect(await lockedOf(`/api/services/${served.body.id}`)).toBe(true);
    expect(await lockedOf(`/api/requests/${asked.body.id}`)).toBe(true);
    const listed = (await district.call('GET', '/api/sales?unit=3401&pageSize=200')).body.items;
    expect(listed.find((s: any) => s.id === sold.body.id).locked).toBe(true);
    expect(listed.find((s: any) => s.id === earlier.body.id).locked).toBe(false);
    const services = (await district.call('GET', '/api/services?unit=3401&pageSize=200')).body.items;
    expect(services.find((s: any) => s.id === served.body.id).locked).toBe(true);

    await t.rows(
      `update quarter_locks set unlocked_at = now(), unlocked_by = ${user.id}, unlock_reason = 'correction' where id = ${lock.id}`,
    );
    expect(await lockedOf(`/api/sales/${sold.body.id}`)).toBe(false);
  });
});
