import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../clock';
import { demoStandingOrderId, seedDemoDelegations } from '../../demo/demo-delegations';
import { seedOrder } from '../../test/delegation-orders';
import { api } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

let t: TestContext;
type Client = ReturnType<typeof api>;
let admin: Client;
let province: Client;
let district: Client;
let district2: Client;
let chief: Client;
let ids: Record<string, number>;
/** A province other than Ubon with a service center. */
let far = '';
const PASSWORD = 'delegation-long-passphrase';

/** A new account made by the admin, signed in. */
async function account(username: string, role: string, orgUnitCode: string) {
  const made = await admin.call('POST', '/api/users', {
    username,
    displayName: `นายทดสอบ ${username}`,
    role,
    orgUnitCode,
    password: PASSWORD,
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  ids[username] = made.body.id;
  return api(t, await t.login(username, PASSWORD));
}

beforeAll(async () => {
  t = await createTestContext();
  admin = api(t, await t.login('demo-admin'));
  province = api(t, await t.login('demo-province'));
  district = api(t, await t.login('demo-district'));
  district2 = api(t, await t.login('demo-district-2'));
  chief = api(t, await t.login('demo-chief'));
  const [unit] = await t.rows(
    "select code from org_units where level = 'district' and covered and code not like '34%' order by code limit 1",
  );
  far = String(unit.code).slice(0, 2);
  ids = Object.fromEntries((await t.rows('select id, username from users')).map((r: any) => [r.username, r.id]));
});
afterAll(() => t.close());
afterEach(() => setClock(null));

const authorities = async (who: Client, unit: string, power: string, on?: string) => {
  const res = await who.call('GET', `/api/delegation-orders/authorities?unit=${unit}&power=${power}${on ? `&on=${on}` : ''}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { id: number }[]).map((o) => o.id);
};
const listed = async (who: Client, unit = '') =>
  (
    (await who.call('GET', `/api/delegation-orders?pageSize=200${unit ? `&unit=${unit}` : ''}`)).body.items as { id: number }[]
  ).map((o) => o.id);

describe('delegation orders', () => {
  let recorded: { id: number; version: number };

  it('lets the province record the seed order 7/2563, and refuses a district, another province and a second 7/2563', async () => {
    // Not the district: an officer lacks the permission; the chief may record only his own district's orders.
    expect((await district.call('POST', '/api/delegation-orders', seedOrder())).body.code).toBe('access.forbidden');
    const byChief = await chief.call('POST', '/api/delegation-orders', seedOrder());
    expect(byChief.status).toBe(403);
    expect(byChief.body.code).toBe('access.out_of_scope');
    const otherProvince = await account('deleg-far-province', 'province_officer', far);
    expect((await otherProvince.call('POST', '/api/delegation-orders', seedOrder())).status).toBe(403);

    const made = await province.call('POST', '/api/delegation-orders', seedOrder());
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({
      orderNo: '7/2563',
      orderDate: '2020-01-02',
      effectiveFrom: '2020-01-02',
      effectiveUntil: null,
      delegateRole: 'district_chief',
      delegateUserId: null,
      delegateName: '',
      scopeUnitCode: '34',
      scopeUnitNameTh: 'อุบลราชธานี',
      powers: ['advances', 'spending'],
      revokedOn: null,
      inForce: true,
      version: 1,
    });
    recorded = made.body;
    const [audit] = await t.rows(
      `select action, org_unit_code from audit_log where entity = 'delegation_order' and entity_id = '${made.body.id}'`,
    );
    expect(audit).toMatchObject({ action: 'create', org_unit_code: '34' });

    const again = await province.call('POST', '/api/delegation-orders', seedOrder({ orderDate: '2020-02-01' }));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('delegation.duplicate_number');
    expect(again.body.detail).toContain('7/2563');
    // Another office may use the same number.
    expect(
      (await admin.call('POST', '/api/delegation-orders', seedOrder({ issuingUnitCode: far, scopeUnitCode: far }))).status,
    ).toBe(201);
  });

  it('checks the order itself: dates, scope under the issuer, and a position the covered units have', async () => {
    const refused = async (over: object, code: string) => {
      const res = await province.call('POST', '/api/delegation-orders', seedOrder({ orderNo: 'ทดสอบ/2563', ...over }));
      expect(res.body.code, JSON.stringify(res.body)).toBe(code);
    };
    await refused({ effectiveFrom: '2020-01-01' }, 'delegation.effective_before_order');
    await refused({ effectiveFrom: '2020-02-01', effectiveUntil: '2020-01-31' }, 'delegation.effective_before_order');
    await refused({ scopeUnitCode: '1001' }, 'delegation.scope_outside_issuer');
    await refused({ delegateRole: 'province_officer', scopeUnitCode: '3401' }, 'delegation.role_outside_scope');
    await refused({ delegateRole: undefined, delegateUserId: ids['demo-committee'] }, 'delegation.delegate_not_allowed');
    const both = await province.call('POST', '/api/delegation-orders', seedOrder({ delegateUserId: ids['demo-district'] }));
    expect(both.status).toBe(400);
  });

  it('lets a district name one officer to act for its chief, never a position (every officer would approve)', async () => {
    const acting = { issuingUnitCode: '3401', scopeUnitCode: '3401', delegator: 'นายอำเภอเมืองอุบลราชธานี' };
    for (const delegateRole of ['district_officer', 'district_chief']) {
      const res = await chief.call(
        'POST',
        '/api/delegation-orders',
        seedOrder({ ...acting, orderNo: `99/${delegateRole}`, delegateRole }),
      );
      expect(res.status, delegateRole).toBe(422);
      expect(res.body).toMatchObject({
        code: 'delegation.district_names_an_officer',
        th: 'คำสั่งของอำเภอต้องระบุชื่อเจ้าหน้าที่ผู้ปฏิบัติราชการแทนนายอำเภอ ไม่ใช่ตำแหน่ง',
      });
    }
    expect(await t.rows("select id from delegation_orders where order_no like '99/%'")).toEqual([]);
  });

  it('gives the chief of 3401 the power over 3401 (not 3415), and no district officer by position', async () => {
    expect(await authorities(chief, '3401', 'advances')).toEqual([recorded.id]);
    expect(await authorities(chief, '3401', 'spending', '2020-01-02')).toEqual([recorded.id]);
    expect(await authorities(chief, '3401', 'spending', '2020-01-01')).toEqual([]);
    expect(await authorities(chief, '3415', 'advances')).toEqual([]);
    expect(await authorities(district, '3401', 'advances')).toEqual([]);
    expect(await authorities(province, '3401', 'advances')).toEqual([]);
  });

  it('gives an officer named in the chief’s acting order the power, not a colleague; revoking ends it from that day', async () => {
    const acting = await account('deleg-acting', 'district_officer', '3401');
    const acting2 = await account('deleg-far-district', 'district_officer', '3415');
    const actingOrder = {
      issuingUnitCode: '3401',
      orderNo: '15/2569',
      orderDate: '2026-01-05',
      delegator: 'นายอำเภอเมืองอุบลราชธานี',
      delegateUserId: ids['deleg-acting'],
      scopeUnitCode: '3401',
      powers: ['advances'],
      subject: 'ให้ปฏิบัติราชการแทนนายอำเภอในการอนุมัติเงินยืม',
    };
    // An officer of another district cannot be named; the chief cannot issue for 3415.
    const named = await chief.call('POST', '/api/delegation-orders', {
      ...actingOrder,
      delegateUserId: ids['deleg-far-district'],
    });
    expect(named.body.code).toBe('delegation.delegate_not_allowed');
    expect(
      (await chief.call('POST', '/api/delegation-orders', { ...actingOrder, issuingUnitCode: '3415', scopeUnitCode: '3415' }))
        .status,
    ).toBe(403);

    const made = await chief.call('POST', '/api/delegation-orders', actingOrder);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ delegateName: 'นายทดสอบ deleg-acting', issuingUnitCode: '3401' });
    expect(await authorities(acting, '3401', 'advances', '2026-03-01')).toEqual([made.body.id]);
    expect(await authorities(acting, '3401', 'spending', '2026-03-01')).toEqual([]);
    expect(await authorities(acting, '3401', 'advances', '2026-01-04')).toEqual([]);
    expect(await authorities(district, '3401', 'advances', '2026-03-01')).toEqual([]);
    expect(await authorities(acting2, '3415', 'advances', '2026-03-01')).toEqual([]);

    // Revoked from 1 April: the order still holds for an approval of 31 March, not of 1 April.
    const url = `/api/delegation-orders/${made.body.id}/revoke`;
    const revoke = { revokedOn: '2026-04-01', reason: 'ผู้รับมอบย้ายไปรับราชการที่อื่น', version: made.body.version };
    expect((await district.call('POST', url, revoke)).status).toBe(403);
    expect((await province.call('POST', url, revoke)).body.code).toBe('access.out_of_scope');
    expect((await chief.call('POST', url, { ...revoke, revokedOn: '2026-01-04' })).body.code).toBe(
      'delegation.revoked_before_order',
    );
    expect((await chief.call('POST', url, { ...revoke, version: 99 })).body.code).toBe('record.stale');
    const revoked = await chief.call('POST', url, revoke);
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body).toMatchObject({ revokedOn: '2026-04-01', revokedReason: revoke.reason, inForce: false, version: 2 });
    expect((await chief.call('POST', url, { ...revoke, version: 2 })).body.code).toBe('delegation.already_revoked');
    expect(await authorities(acting, '3401', 'advances', '2026-03-31')).toEqual([made.body.id]);
    expect(await authorities(acting, '3401', 'advances', '2026-04-01')).toEqual([]);
    const [audit] = await t.rows(
      `select action from audit_log where entity = 'delegation_order' and entity_id = '${made.body.id}' order by id desc limit 1`,
    );
    expect(audit.action).toBe('revoke');
  });

  it('shows each office the orders of its scope and those covering it; others are hidden', async () => {
    const [acting] = await t.rows(`select id from delegation_orders where issuing_unit_code = '3401'`);
    const [farOrder] = await t.rows(`select id from delegation_orders where issuing_unit_code = '${far}'`);
    expect(await listed(province)).toEqual(expect.arrayContaining([recorded.id, acting.id]));
    expect(await listed(province)).not.toContain(farOrder.id);
    expect((await listed(district)).sort()).toEqual([recorded.id, acting.id].sort());
    // 3415 sees its province's order, never 3401's acting order, whatever unit it asks about.
    expect(await listed(district2)).toEqual([recorded.id]);
    expect(await listed(district2, '3401')).toEqual([recorded.id]);
    expect(await listed(province, '3415')).toEqual([recorded.id]);
    expect(await listed(admin)).toEqual(expect.arrayContaining([recorded.id, acting.id, farOrder.id]));
    expect((await api(t, await t.login('demo-committee')).call('GET', '/api/delegation-orders')).status).toBe(403);
    // A province cannot revoke another province's order: it does not exist for it.
    const otherRevoke = await province.call('POST', `/api/delegation-orders/${farOrder.id}/revoke`, {
      revokedOn: '2026-04-01',
      reason: 'ทดสอบ',
      version: 1,
    });
    expect(otherRevoke.status).toBe(404);
  });

  it('seeds the demo standing order from the first day of the previous fiscal year, for the chiefs to cite', async () => {
    setClock('2026-11-26');
    await seedDemoDelegations(t.database.db);
    const id = await demoStandingOrderId(t.database.db);
    const [order] = (await province.call('GET', '/api/delegation-orders?unit=34&pageSize=200')).body.items.filter(
      (o: any) => o.id === id,
    );
    expect(order).toMatchObject({ orderNo: '1250/2568', orderDate: '2025-10-01', delegateRole: 'district_chief', inForce: true });
    expect(await authorities(chief, '3401', 'spending', '2025-10-01')).toEqual([id, recorded.id]);
    expect(await authorities(chief, '3401', 'advances', '2025-09-30')).toEqual([recorded.id]);
  });
});
