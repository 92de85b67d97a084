import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, daysFromToday } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('my tasks', () => {
  it('reminds the borrower of an open advance and the district of overdue ones', async () => {
    const district = api(t, await t.login('demo-district'));
    expect((await district.call('GET', '/api/tasks')).body).toEqual([]);
    const [{ id: me }] = await t.rows(`select id from users where username = 'demo-district'`);
    const [{ id: approver }] = await t.rows(`select id from users where username = 'demo-province'`);
    await district.call('POST', '/api/advances', {
      orgUnitCode: '3401',
      borrowerId: me,
      approverId: approver,
      purpose: 'ค่าวัสดุกิจกรรม',
      ruleCode: 'activity',
      amountSatang: '100000',
      receivedOn: daysFromToday(-40),
    });
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
