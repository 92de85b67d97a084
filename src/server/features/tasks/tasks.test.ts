import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearOf } from '#shared/thai/index';
import { thaiToday } from '../../clock';
import { seedOrder } from '../../test/delegation-orders';
import { api, daysFromToday } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('my tasks', () => {
  it('asks the chief to approve, then reminds the borrower of an open advance and the district of overdue ones', async () => {
    const admin = api(t, await t.login('demo-admin'));
    const province = api(t, await t.login('demo-province'));
    const district = api(t, await t.login('demo-district'));
    const chief = api(t, await t.login('demo-chief'));
    expect((await district.call('GET', '/api/tasks')).body).toEqual([]);
    const [{ id: me }] = await t.rows(`select id from users where username = 'demo-district'`);
    const order = await province.call('POST', '/api/delegation-orders', seedOrder({ powers: ['advances'] }));
    const { fiscalYear, quarter } = fiscalYearOf(thaiToday());
    const item = await admin.call('POST', '/api/budget/items', {
      fiscalYear,
      level: 'activity',
      name: 'กิจกรรมส่งเสริมกลุ่มอาชีพ',
      responsibleUnitCode: 'TH',
      budgetSatang: '100000',
      quarters: [quarter],
    });
    const allocation = { itemId: item.body.id, quarter, category: 'materials', amountSatang: '100000', note: '' };
    await admin.call('POST', '/api/budget/allocations', { ...allocation, fromUnitCode: 'TH', toUnitCode: '34' });
    await province.call('POST', '/api/budget/allocations', { ...allocation, fromUnitCode: '34', toUnitCode: '3401' });
    const asked = await district.call('POST', '/api/advances', {
      orgUnitCode: '3401',
      borrowerId: me,
      itemId: item.body.id,
      purpose: 'ค่าวัสดุกิจกรรม',
      ruleCode: 'activity',
      amountSatang: '100000',
      receivedOn: daysFromToday(-40),
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect((await chief.call('GET', '/api/tasks')).body).toEqual([{ kind: 'advances_to_approve', count: 1, dueOn: null }]);
    const approved = await chief.call('POST', `/api/advances/${asked.body.id}/approve`, {
      delegationOrderId: order.body.id,
      approvedOn: daysFromToday(-40),
      version: asked.body.version,
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const tasks = (await district.call('GET', '/api/tasks')).body;
    expect(tasks).toEqual(
      expect.arrayContaining([
        { kind: 'my_advance_due', count: 1, dueOn: daysFromToday(-10) },
        { kind: 'advances_overdue', count: 1, dueOn: daysFromToday(-10) },
      ]),
    );
    const other = api(t, await t.login('demo-district-2'));
    expect((await other.call('GET', '/api/tasks')).body).toEqual([]);
  });
});
