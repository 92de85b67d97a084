import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now } from '../clock';
import { sessions, users } from '../db/schema';
import { createTestContext, type TestContext } from '../test/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('sign-in', () => {
  it('signs in with an HttpOnly SameSite cookie and tells who the user is', async () => {
    const res = await login('demo-district', 'thanrak-demo');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'thanrak_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json()).toMatchObject({
      role: 'district_officer',
      orgUnit: { code: '3401', nameTh: 'เมืองอุบลราชธานี' },
      manageableRoles: ['committee_member'],
    });
    const me = await t.as(`thanrak_session=${cookie.value}`, { method: 'GET', url: '/api/auth/me' });
    expect(me.json().user.username).toBe('demo-district');
  });

  it('refuses a wrong password in Thai and English without saying which part was wrong', async () => {
    for (const [username, password] of [
      ['demo-district', 'wrong-password'],
      ['nobody-here', 'thanrak-demo'],
    ]) {
      const res = await login(username, password);
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        code: 'auth.invalid_credentials',
        th: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง',
        en: 'Wrong username or password',
      });
    }
  });

  it('gives a new session token at each sign-in and ends the old one', async () => {
    const first = await t.login('demo-province');
    const res = await t.as(first, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'demo-province', password: 'thanrak-demo' },
    });
    const second = `thanrak_session=${res.cookies.find((c) => c.name === 'thanrak_session')!.value}`;
    expect(second).not.toBe(first);
    expect((await t.as(first, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await t.as(second, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('signs out: the cookie no longer works', async () => {
    const cookie = await t.login('demo-admin');
    const res = await t.as(cookie, { method: 'POST', url: '/api/auth/logout' });
    expect(res.statusCode).toBe(204);
    const after = await t.as(cookie, { method: 'GET', url: '/api/auth/me' });
    expect(after.statusCode).toBe(401);
  });

  it('ends a session idle for longer than the limit and says so', async () => {
    const cookie = await t.login('demo-district-2');
    const [u] = await t.database.db.select().from(users).where(eq(users.username, 'demo-district-2'));
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(now().getTime() - 1000 * 60 * 60 * 24) })
      .where(eq(sessions.userId, u.id));
    const res = await t.as(cookie, { method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'auth.session_expired', th: 'หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบอีกครั้ง' });
    const [{ n }] = await t.rows(`select count(*)::int as n from sessions where user_id = ${u.id}`);
    expect(n).toBe(0);
  });

  it('ends a session past its absolute limit however active it is', async () => {
    const cookie = await t.login('demo-district-2');
    const [u] = await t.database.db.select().from(users).where(eq(users.username, 'demo-district-2'));
    await t.database.db
      .update(sessions)
      .set({ expiresAt: new Date(now().getTime() - 1000) })
      .where(eq(sessions.userId, u.id));
    const res = await t.as(cookie, { method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.session_expired');
  });

  it('reads the session for API work only: portal pages, health and the API description leave it alone', async () => {
    const cookie = await t.login('demo-staff');
    const [u] = await t.database.db.select().from(users).where(eq(users.username, 'demo-staff'));
    const idleSince = new Date(now().getTime() - 10 * 60_000);
    const lastSeen = async () =>
      (await t.database.db.select({ at: sessions.lastSeenAt }).from(sessions).where(eq(sessions.userId, u.id))).map((s) => s.at);
    await t.database.db.update(sessions).set({ lastSeenAt: idleSince }).where(eq(sessions.userId, u.id));
    for (const url of ['/portal', '/api/health', '/api/openapi.json', '/api/docs/'])
      expect((await t.as(cookie, { method: 'GET', url })).statusCode, url).toBeLessThan(400);
    expect(await lastSeen()).toEqual([idleSince]);
    // An API call is activity: the idle clock moves.
    expect((await t.as(cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await lastSeen())[0].getTime()).toBeGreaterThan(idleSince.getTime());
  });

  it('asks for sign-in on every API route but health, login, logout and the API description', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/users' })).json().code).toBe('auth.required');
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200);
  });

  it('changes one’s own password only with the current one, ending other sessions', async () => {
    const other = await t.login('demo-district');
    const cookie = await t.login('demo-district');
    const wrong = await t.as(cookie, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'nope', newPassword: 'a-new-long-passphrase' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('auth.wrong_current_password');
    const short = await t.as(cookie, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'thanrak-demo', newPassword: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({ path: 'body/newPassword', code: 'too_small', th: 'ต้องยาวอย่างน้อย 12 ตัวอักษร' });
    const ok = await t.as(cookie, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'thanrak-demo', newPassword: 'a-new-long-passphrase' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await t.as(other, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await login('demo-district', 'a-new-long-passphrase')).statusCode).toBe(200);
    expect((await login('demo-district', 'thanrak-demo')).statusCode).toBe(401);
  });
});
