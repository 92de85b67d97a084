import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, expectPartialPatch } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

let t: TestContext;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestContext();
  for (const u of ['demo-admin', 'demo-province', 'demo-district', 'demo-district-2', 'demo-committee'])
    cookies[u] = await t.login(u);
});
afterAll(() => t.close());

const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.as(cookies[who], { method, url, payload });
const newUser = (over: object = {}) => ({
  username: `u${Math.random().toString(36).slice(2, 10)}`,
  displayName: 'นางสาวทดลอง ใช้งาน',
  role: 'committee_member',
  orgUnitCode: '3401',
  password: 'long-enough-pass',
  ...over,
});
const idOf = async (username: string) =>
  (await call('demo-admin', 'GET', `/api/users?q=${username}`)).json().items[0].id as number;

describe('users: scope', () => {
  it('shows a district officer only the accounts of its own district', async () => {
    const res = await call('demo-district-2', 'GET', '/api/users');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((u: any) => u.orgUnitCode)).toEqual(['3415']);
    const other = await call('demo-district-2', 'GET', '/api/users?unit=3401');
    expect(other.json()).toMatchObject({ items: [], total: 0 });
  });

  it('hides an out-of-scope account on a direct read (404, as if it did not exist)', async () => {
    const id = await idOf('demo-district');
    const res = await call('demo-district-2', 'GET', `/api/users/${id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('user.not_found');
    expect((await call('demo-province', 'GET', `/api/users/${id}`)).statusCode).toBe(200);
  });

  it('shows a province officer every account in its province and none elsewhere', async () => {
    const { items } = (await call('demo-province', 'GET', '/api/users?pageSize=200')).json();
    expect(items.length).toBeGreaterThanOrEqual(4);
    expect(items.every((u: any) => u.orgUnitCode.startsWith('34'))).toBe(true);
    expect(items.some((u: any) => u.username === 'demo-admin')).toBe(false);
  });

  it('shows the nation every account', async () => {
    const { items } = (await call('demo-admin', 'GET', '/api/users')).json();
    expect(items.map((u: any) => u.username)).toEqual(expect.arrayContaining(['demo-admin', 'demo-province', 'demo-district-2']));
  });

  it('refuses a district officer writing into another district', async () => {
    const res = await call('demo-district-2', 'POST', '/api/users', newUser({ orgUnitCode: '3401' }));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'access.out_of_scope', th: 'หน่วยงานนี้อยู่นอกขอบเขตความรับผิดชอบของคุณ' });
    const id = await idOf('demo-committee');
    const edit = await call('demo-district-2', 'PATCH', `/api/users/${id}`, { version: 1, displayName: 'แอบแก้' });
    expect(edit.statusCode).toBe(404);
  });

  it('lets a committee member neither read nor manage accounts', async () => {
    expect((await call('demo-committee', 'GET', '/api/users')).statusCode).toBe(403);
    expect((await call('demo-committee', 'POST', '/api/users', newUser())).statusCode).toBe(403);
  });
});

describe('users: who may give which role', () => {
  it('lets a district officer create committee members of its center, and nothing else', async () => {
    const ok = await call('demo-district', 'POST', '/api/users', newUser());
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      role: 'committee_member',
      orgUnitCode: '3401',
      orgUnitNameTh: 'เมืองอุบลราชธานี',
      version: 1,
    });
    const officer = await call('demo-district', 'POST', '/api/users', newUser({ role: 'district_officer' }));
    expect(officer.statusCode).toBe(403);
    expect(officer.json().code).toBe('access.forbidden');
  });

  it('lets a province officer create committee members and viewers in its province but not in another', async () => {
    expect((await call('demo-province', 'POST', '/api/users', newUser({ orgUnitCode: '3420' }))).statusCode).toBe(201);
    expect((await call('demo-province', 'POST', '/api/users', newUser({ role: 'viewer', orgUnitCode: '34' }))).statusCode).toBe(
      201,
    );
    expect((await call('demo-province', 'POST', '/api/users', newUser({ orgUnitCode: '4001' }))).statusCode).toBe(403);
    expect(
      (await call('demo-province', 'POST', '/api/users', newUser({ role: 'national_admin', orgUnitCode: '34' }))).statusCode,
    ).toBe(403);
  });

  it('refuses giving a role that holds a permission the giver lacks (a province officer cannot mint a district officer who reads full citizen IDs)', async () => {
    const refused = await call('demo-province', 'POST', '/api/users', newUser({ role: 'district_officer', orgUnitCode: '3420' }));
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'user.role_beyond_own_permissions' });
    expect(refused.json().en).toContain('people.citizen_id.read');
    expect(refused.json().th).toContain('ให้บทบาท district_officer ไม่ได้');
    // Nor by promoting an account it made.
    const member = (await call('demo-province', 'POST', '/api/users', newUser())).json();
    const promoted = await call('demo-province', 'PATCH', `/api/users/${member.id}`, { version: 1, role: 'district_officer' });
    expect(promoted.statusCode).toBe(403);
    expect(promoted.json().code).toBe('user.role_beyond_own_permissions');
    // The national administrator answers for every account and may.
    expect(
      (await call('demo-admin', 'POST', '/api/users', newUser({ role: 'district_officer', orgUnitCode: '3420' }))).statusCode,
    ).toBe(201);
    // The web app offers only the roles the server would accept.
    const me = (await call('demo-province', 'GET', '/api/auth/me')).json();
    expect(me.manageableRoles).toEqual(['province_officer', 'district_chief', 'committee_member', 'viewer']);
    expect((await call('demo-admin', 'GET', '/api/auth/me')).json().manageableRoles).toContain('district_officer');
  });

  it('refuses a province officer taking over a district officer’s account by setting its password', async () => {
    const officer = await call('demo-admin', 'POST', '/api/users', newUser({ role: 'district_officer', orgUnitCode: '3420' }));
    const res = await call('demo-province', 'POST', `/api/users/${officer.json().id}/password`, {
      password: 'brand-new-passphrase',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('user.role_beyond_own_permissions');
    // Deactivating or renaming such an account hands nothing over and stays allowed.
    const off = await call('demo-province', 'PATCH', `/api/users/${officer.json().id}`, { version: 1, active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
  });

  it('binds each role to a unit of the right level, and no center roles in Bangkok', async () => {
    const mismatch = await call('demo-admin', 'POST', '/api/users', newUser({ role: 'province_officer', orgUnitCode: '3401' }));
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json()).toMatchObject({
      code: 'user.role_unit_mismatch',
      th: 'บทบาท province_officer ต้องผูกกับหน่วยงานระดับจังหวัด',
    });
    const bangkok = await call('demo-admin', 'POST', '/api/users', newUser({ role: 'district_officer', orgUnitCode: '1001' }));
    expect(bangkok.statusCode).toBe(422);
    expect(bangkok.json().code).toBe('user.unit_not_covered');
    const unknown = await call('demo-admin', 'POST', '/api/users', newUser({ orgUnitCode: '9999' }));
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses a taken username whatever its case, with nothing written', async () => {
    const before = (await call('demo-admin', 'GET', '/api/users?pageSize=200')).json().total;
    const res = await call('demo-admin', 'POST', '/api/users', newUser({ username: 'Demo-District' }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'user.username_taken', th: 'ชื่อผู้ใช้ Demo-District ถูกใช้แล้ว' });
    expect((await call('demo-admin', 'GET', '/api/users?pageSize=200')).json().total).toBe(before);
  });

  it('rejects unknown fields and wrong types with field errors in both languages', async () => {
    const res = await call('demo-admin', 'POST', '/api/users', { ...newUser(), isAdmin: true, role: 'king' });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: any) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body', 'body/role']));
    expect(res.json().errors.find((e: any) => e.code === 'unrecognized_keys').th).toContain('isAdmin');
  });
});

describe('users: editing', () => {
  it('changes only the fields a PATCH sends (every field of an account is optional there)', async () => {
    const created = (await call('demo-district', 'POST', '/api/users', newUser({ position: 'กรรมการศูนย์ฯ' }))).json();
    const district = api(t, cookies['demo-district']);
    await expectPartialPatch(district, `/api/users/${created.id}`, { displayName: 'นางสาวทดลอง เปลี่ยนชื่อ' });
    await expectPartialPatch(district, `/api/users/${created.id}`, { position: '' });
    await expectPartialPatch(district, `/api/users/${created.id}`, { active: false });
  });

  it('refuses a stale version with 409 and keeps the newer change', async () => {
    const created = (await call('demo-district', 'POST', '/api/users', newUser())).json();
    const first = await call('demo-district', 'PATCH', `/api/users/${created.id}`, { version: 1, displayName: 'ชื่อใหม่ครั้งแรก' });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await call('demo-province', 'PATCH', `/api/users/${created.id}`, { version: 1, displayName: 'ชื่อเก่าทับ' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('record.stale');
    expect((await call('demo-district', 'GET', `/api/users/${created.id}`)).json().displayName).toBe('ชื่อใหม่ครั้งแรก');
  });

  it('ends the sessions of a deactivated user at once', async () => {
    const body = newUser();
    const created = (await call('demo-district', 'POST', '/api/users', body)).json();
    const theirCookie = await t.login(body.username, body.password);
    const res = await call('demo-district', 'PATCH', `/api/users/${created.id}`, { version: 1, active: false });
    expect(res.json().active).toBe(false);
    expect((await t.as(theirCookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: body.username, password: body.password },
    });
    expect(again.statusCode).toBe(401);
  });

  it('does not let anyone change their own role, unit or status', async () => {
    const id = await idOf('demo-province');
    const res = await call('demo-province', 'PATCH', `/api/users/${id}`, { version: 1, role: 'viewer' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('user.cannot_change_self');
  });

  it('refuses resetting one’s own password through the administrator route (changing it needs the current one)', async () => {
    for (const who of ['demo-district', 'demo-admin']) {
      const res = await call(who, 'POST', `/api/users/${await idOf(who)}/password`, { password: 'brand-new-passphrase' });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'user.cannot_reset_own_password',
        en: 'You cannot reset your own password here; use change password, which asks for the current one',
      });
      expect((await call(who, 'GET', '/api/auth/me')).statusCode).toBe(200);
    }
  });

  it('refuses weak passwords when creating or resetting an account, as field errors in Thai and English', async () => {
    const short = await call('demo-district', 'POST', '/api/users', newUser({ password: 'short-pass1' }));
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({ path: 'body/password', th: 'ต้องยาวอย่างน้อย 12 ตัวอักษร' });
    const repeated = await call('demo-district', 'POST', '/api/users', newUser({ password: 'aaaaaaaaaaaa' }));
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json()).toMatchObject({
      code: 'password.repetitive',
      errors: [{ path: 'body/password', code: 'password.repetitive' }],
    });
    expect(repeated.json().th).toContain('ตัวอักษรซ้ำ');
    const body = newUser();
    const named = await call('demo-district', 'POST', '/api/users', { ...body, password: `${body.username}-2026!` });
    expect(named.json().code).toBe('password.contains_username');
    const common = await call('demo-district', 'POST', '/api/users', newUser({ password: '1qaz2wsx3edc' }));
    expect(common.json().code).toBe('password.common');
    const created = (await call('demo-district', 'POST', '/api/users', body)).json();
    const weak = await call('demo-district', 'POST', `/api/users/${created.id}/password`, { password: 'iloveyou2026' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'password.weak', errors: [{ path: 'body/password' }] });
  });

  it('shows administrators until when sign-in to an account is slowed by wrong passwords, and a reset lifts it', async () => {
    const body = newUser();
    const created = (await call('demo-district', 'POST', '/api/users', body)).json();
    expect(created.lockedUntil).toBeNull();
    for (let i = 0; i < 5; i++)
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: body.username, password: `no-${i}` } });
    const slowed = (await call('demo-district', 'GET', `/api/users/${created.id}`)).json();
    expect(new Date(slowed.lockedUntil).getTime()).toBeGreaterThan(Date.now());
    await call('demo-district', 'POST', `/api/users/${created.id}/password`, { password: 'brand-new-passphrase' });
    expect((await call('demo-district', 'GET', `/api/users/${created.id}`)).json()).toMatchObject({
      lockedUntil: null,
      mustChangePassword: true,
    });
  });

  it('resets a password so the old one stops working', async () => {
    const body = newUser();
    const created = (await call('demo-district', 'POST', '/api/users', body)).json();
    const res = await call('demo-district', 'POST', `/api/users/${created.id}/password`, { password: 'brand-new-passphrase' });
    expect(res.statusCode).toBe(204);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: body.username, password: body.password },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: body.username, password: 'brand-new-passphrase' },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('records who changed what, before and after, and never the password hash', async () => {
    const created = (await call('demo-district', 'POST', '/api/users', newUser({ displayName: 'ก่อนแก้' }))).json();
    await call('demo-district', 'PATCH', `/api/users/${created.id}`, { version: 1, displayName: 'หลังแก้' });
    await call('demo-district', 'POST', `/api/users/${created.id}/password`, { password: 'brand-new-passphrase' });
    const { items } = (await call('demo-district', 'GET', `/api/audit?entity=user&entityId=${created.id}`)).json();
    expect(items.map((e: any) => e.action)).toEqual(['reset_password', 'update', 'create']);
    expect(items[1]).toMatchObject({
      actorUsername: 'demo-district',
      orgUnitCode: '3401',
      changes: { displayName: { before: 'ก่อนแก้', after: 'หลังแก้' } },
    });
    expect(items[0].changes.passwordHash).toEqual({ before: '***', after: '***' });
    expect(items[0].changes).toMatchObject({
      mustChangePassword: { before: false, after: true },
      passwordResetBy: { before: null, after: 'demo-district' },
    });
    expect(items[0].clientAddress).toBe('127.0.0.1');
    expect(JSON.stringify(items)).not.toContain('argon2');
  });
});

describe('users: a password someone else set', () => {
  it('must be changed at the next sign-in: until then the session only reads me, changes the password or signs out', async () => {
    const body = newUser();
    const created = (await call('demo-district', 'POST', '/api/users', body)).json();
    await call('demo-district', 'POST', `/api/users/${created.id}/password`, { password: 'brand-new-passphrase' });
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: body.username, password: 'brand-new-passphrase' },
    });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json()).toMatchObject({ mustChangePassword: true, passwordReset: { by: 'demo-district' } });
    const cookie = `thanrak_session=${signIn.cookies.find((c) => c.name === 'thanrak_session')!.value}`;
    const blocked = await t.as(cookie, { method: 'GET', url: '/api/org-units' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({
      code: 'auth.password_change_required',
      th: 'รหัสผ่านนี้ผู้ดูแลระบบตั้งให้ กรุณาเปลี่ยนรหัสผ่านก่อนใช้งานต่อ',
    });
    expect((await t.as(cookie, { method: 'GET', url: '/api/auth/me' })).json().passwordReset.by).toBe('demo-district');
    const same = await t.as(cookie, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'brand-new-passphrase', newPassword: 'brand-new-passphrase' },
    });
    expect(same.json()).toMatchObject({ code: 'password.unchanged', errors: [{ path: 'body/newPassword' }] });
    const changed = await t.as(cookie, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'brand-new-passphrase', newPassword: 'only-i-know-this-one' },
    });
    expect(changed.statusCode).toBe(204);
    const fresh = `thanrak_session=${changed.cookies.find((c) => c.name === 'thanrak_session')!.value}`;
    expect((await t.as(fresh, { method: 'GET', url: '/api/org-units' })).statusCode).toBe(200);
    expect((await t.as(fresh, { method: 'GET', url: '/api/auth/me' })).json()).toMatchObject({
      mustChangePassword: false,
      passwordReset: null,
    });
  });
});

describe('users: position and the district chief', () => {
  it('keeps the position (ตำแหน่ง) on create, update and list, and lets a province make its districts’ chiefs', async () => {
    const body = newUser({ role: 'district_chief', position: '  นายอำเภอวารินชำราบ ', orgUnitCode: '3415' });
    const made = await call('demo-province', 'POST', '/api/users', body);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ role: 'district_chief', position: 'นายอำเภอวารินชำราบ', orgUnitCode: '3415' });
    const listed = (await call('demo-province', 'GET', `/api/users?q=${body.username}`)).json().items[0];
    expect(listed.position).toBe('นายอำเภอวารินชำราบ');
    // A search by position finds the chief.
    const found = (await call('demo-province', 'GET', '/api/users?q=นายอำเภอวาริน')).json().items;
    expect(found.map((u: any) => u.username)).toContain(body.username);

    const changed = await call('demo-province', 'PATCH', `/api/users/${made.json().id}`, {
      version: made.json().version,
      position: 'นายอำเภอวารินชำราบ (รักษาราชการแทน)',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ position: 'นายอำเภอวารินชำราบ (รักษาราชการแทน)', displayName: body.displayName });
    const [audit] = await t.rows(
      `select changes from audit_log where entity = 'user' and entity_id = '${made.json().id}' order by id desc limit 1`,
    );
    expect(audit.changes.position).toEqual({ before: 'นายอำเภอวารินชำราบ', after: 'นายอำเภอวารินชำราบ (รักษาราชการแทน)' });

    // Not at province level, not by a district officer, and never longer than 200 characters.
    const atProvince = await call('demo-province', 'POST', '/api/users', newUser({ role: 'district_chief', orgUnitCode: '34' }));
    expect(atProvince.json().code).toBe('user.role_unit_mismatch');
    const byDistrict = await call('demo-district', 'POST', '/api/users', newUser({ role: 'district_chief' }));
    expect(byDistrict.statusCode).toBe(403);
    const long = await call('demo-province', 'POST', '/api/users', newUser({ position: 'ก'.repeat(201) }));
    expect(long.statusCode).toBe(400);
  });
});
