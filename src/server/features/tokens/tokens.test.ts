/**
 * API tokens (decision 038) over HTTP, on a real database: the issue's case (a province-34 service account reads its
 * districts' products and cannot write or read another province), read-write scope, revocation and expiry, bad
 * credentials, secrets kept out of every answer and the audit log, and what a token may never do.
 */
import { createHash } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_SECRET_PATTERN } from '#shared/tokens';
import { setClock } from '../../clock';
import { runQueuedJobs } from '../../jobs/jobs';
import { api, daysFromToday } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { multipartFile, PRODUCER_HEADER, producerRow, workbook } from '../imports/import-fixtures';

let t: TestContext;
const cookies: Record<string, string> = {};
let farDistrict: string;
/** Products of 3401, 3415 and a district of another province, each with its producer. */
const products: Record<string, { id: number; version: number; producerId: number }> = {};

beforeAll(async () => {
  t = await createTestContext();
  for (const u of ['demo-admin', 'demo-province', 'demo-district', 'demo-district-2']) cookies[u] = await t.login(u);
  const [far] = await t.rows(
    "select code from org_units where level = 'district' and covered and code not like '34%' order by code limit 1",
  );
  farDistrict = String(far.code);
  const officer = await api(t, cookies['demo-admin']).call('POST', '/api/users', {
    username: 'far-officer',
    displayName: 'นายไกล ต่างจังหวัด',
    role: 'district_officer',
    orgUnitCode: farDistrict,
    password: 'far-away-long-passphrase',
  });
  expect(officer.status, JSON.stringify(officer.body)).toBe(201);
  cookies.far = await t.login('far-officer', 'far-away-long-passphrase');
  const owners: Record<string, string> = { '3401': 'demo-district', '3415': 'demo-district-2', [farDistrict]: 'far' };
  for (const [unit, owner] of Object.entries(owners)) {
    const client = api(t, cookies[owner]);
    const group = await client.group({ orgUnitCode: unit });
    const producer = await client.producer(group.id, { orgUnitCode: unit, registrationNo: `OTOP-${unit}-token` });
    const product = await client.product(producer.id);
    products[unit] = { id: product.id, version: product.version, producerId: producer.id };
  }
}, 120_000);
afterAll(() => t.close());
afterEach(() => setClock(null));

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** A token made by `maker` (a demo account); the answer, with its secret. */
async function makeToken(maker: string, body: object) {
  const res = await api(t, cookies[maker]).call('POST', '/api/tokens', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: number; version: number; secret: string; name: string; status: string };
}

/** A request sent with `Authorization: Bearer <secret>` and nothing else (no cookie). */
const withBearer = (secret: string, method: Method, url: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${secret}`, ...headers } } as InjectOptions);

const productBody = (producerId: number) => ({
  producerId,
  name: 'ข้าวกล้องหอมมะลิ',
  category: 'food',
  priceSatang: '9000',
  unit: 'ถุง',
});

describe('a province-34 read-only service account (the issue’s case)', () => {
  let secret: string;
  beforeAll(async () => {
    const token = await makeToken('demo-admin', { name: 'แดชบอร์ดจังหวัดอุบลราชธานี', orgUnitCode: '34' });
    secret = token.secret;
  });

  it('reads the products of its districts, one by one and in the province’s list', async () => {
    const one = await withBearer(secret, 'GET', `/api/products/${products['3401'].id}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().orgUnitCode).toBe('3401');
    const district = await withBearer(secret, 'GET', '/api/products?unit=3401&pageSize=200');
    expect(district.json().items.map((p: any) => p.id)).toContain(products['3401'].id);
    const province = (await withBearer(secret, 'GET', '/api/products?pageSize=200')).json();
    const ids = province.items.map((p: any) => p.id);
    expect(ids).toEqual(expect.arrayContaining([products['3401'].id, products['3415'].id]));
    expect(ids).not.toContain(products[farDistrict].id);
    expect(province.items.every((p: any) => p.orgUnitCode.startsWith('34'))).toBe(true);
  });

  it('does not find another province’s product, and lists none of its district', async () => {
    const far = await withBearer(secret, 'GET', `/api/products/${products[farDistrict].id}`);
    expect(far.statusCode).toBe(404);
    expect(far.json().code).toBe('product.not_found');
    const list = await withBearer(secret, 'GET', `/api/products?unit=${farDistrict}`);
    expect(list.json()).toMatchObject({ items: [], total: 0 });
  });

  it('is refused every write with 403 token.read_only, and nothing changes', async () => {
    const { id, version, producerId } = products['3401'];
    const before = (await api(t, cookies['demo-district']).call('GET', `/api/products/${id}`)).body;
    const writes: [Method, string, object][] = [
      ['POST', '/api/products', productBody(producerId)],
      ['PATCH', `/api/products/${id}`, { ...productBody(producerId), version, name: 'เปลี่ยนชื่อโดยโทเคน' }],
      ['DELETE', `/api/partners/${id}`, { version: 1 }],
      ['POST', '/api/tokens', { name: 'โทเคนลูก', orgUnitCode: '3401' }],
    ];
    for (const [method, url, body] of writes) {
      const res = await withBearer(secret, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code, `${method} ${url}`).toMatch(/^token\.(read_only|not_allowed)$/);
      expect(res.json().th).toMatch(/[\u0E00-\u0E7F]/);
    }
    expect((await api(t, cookies['demo-district']).call('GET', `/api/products/${id}`)).body).toEqual(before);
  });
});

describe('a read-write service account', () => {
  it('records within its district only; another district’s records are not found', async () => {
    const token = await makeToken('demo-admin', { name: 'ระบบทะเบียน OTOP อำเภอ', orgUnitCode: '3401', access: 'read_write' });
    const made = await withBearer(token.secret, 'POST', '/api/products', productBody(products['3401'].producerId));
    expect(made.statusCode, made.body).toBe(201);
    const changed = await withBearer(token.secret, 'PATCH', `/api/products/${made.json().id}`, {
      ...productBody(products['3401'].producerId),
      version: made.json().version,
      priceSatang: '9500',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const elsewhere = await withBearer(token.secret, 'POST', '/api/products', productBody(products['3415'].producerId));
    expect(elsewhere.statusCode).toBe(404);
    const far = await withBearer(token.secret, 'PATCH', `/api/products/${products[farDistrict].id}`, {
      ...productBody(products[farDistrict].producerId),
      version: products[farDistrict].version,
    });
    expect(far.statusCode).toBe(404);
  });

  it('is audited under the token’s own identity, not its maker’s', async () => {
    const token = await makeToken('demo-admin', { name: 'ระบบบันทึกผลิตภัณฑ์', orgUnitCode: '3401', access: 'read_write' });
    const made = await withBearer(token.secret, 'POST', '/api/products', productBody(products['3401'].producerId));
    expect(made.statusCode, made.body).toBe(201);
    const [entry] = await t.rows(
      `select a.actor_user_id, a.actor_username, u.kind from audit_log a join users u on u.id = a.actor_user_id
       where a.entity = 'product' and a.entity_id = '${made.json().id}' and a.action = 'create'`,
    );
    expect(entry).toMatchObject({ actor_username: 'token:ระบบบันทึกผลิตภัณฑ์', kind: 'service' });
    const [account] = await t.rows(`select user_id from api_tokens where id = ${token.id}`);
    expect(entry.actor_user_id).toBe(account.user_id);
    const shown = await api(t, cookies['demo-admin']).call('GET', '/api/audit?entity=product&pageSize=5');
    expect(shown.body.items[0].actorUsername).toBe('token:ระบบบันทึกผลิตภัณฑ์');
  });

  it('commits an import whose background job acts as the token, not as a plain viewer', async () => {
    const token = await makeToken('demo-admin', { name: 'ระบบส่งออกทะเบียนผู้ผลิต', orgUnitCode: '3401', access: 'read_write' });
    const file = await workbook(PRODUCER_HEADER, [producerRow(990_001)]);
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/api/imports/producers',
      ...multipartFile(file),
      headers: { ...multipartFile(file).headers, authorization: `Bearer ${token.secret}` },
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const { id, version } = uploaded.json();
    const commit = await withBearer(token.secret, 'POST', `/api/imports/batches/${id}/commit`, { version });
    expect(commit.statusCode, commit.body).toBe(202);
    await runQueuedJobs(t.database.db, t.app.jobHandlers);
    const batch = await withBearer(token.secret, 'GET', `/api/imports/batches/${id}`);
    expect(batch.json().status, batch.body).toBe('committed');
    const [{ writes }] = await t.rows(
      `select count(*)::int as writes from audit_log where entity = 'producer' and action = 'create'
       and actor_username = 'token:ระบบส่งออกทะเบียนผู้ผลิต'`,
    );
    expect(writes).toBe(1);
  });

  it('holds only the recording writes of its level: a province token records no products', async () => {
    const token = await makeToken('demo-province', { name: 'ระบบงบประมาณจังหวัด', orgUnitCode: '34', access: 'read_write' });
    const res = await withBearer(token.secret, 'POST', '/api/products', productBody(products['3401'].producerId));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('access.forbidden');
    const me = (await withBearer(token.secret, 'GET', '/api/auth/me')).json();
    expect(me.permissions).toEqual(expect.arrayContaining(['pipeline.read', 'budget.allocate']));
    expect(me.permissions).not.toContain('pipeline.write');
    expect(me.permissions).not.toContain('budget.approve');
  });

  it('is never national, and never holds what its maker lacks', async () => {
    const national = await api(t, cookies['demo-admin']).call('POST', '/api/tokens', {
      name: 'ระบบส่วนกลาง',
      orgUnitCode: 'TH',
      access: 'read_write',
    });
    expect(national.status).toBe(422);
    expect(national.body.code).toBe('token.national_read_only');
    const beyond = await api(t, cookies['demo-province']).call('POST', '/api/tokens', {
      name: 'ระบบอำเภอ',
      orgUnitCode: '3401',
      access: 'read_write',
    });
    expect(beyond.status).toBe(403);
    expect(beyond.body.code).toBe('token.beyond_own_permissions');
    expect(beyond.body.en).toContain('pipeline.write');
  });
});

describe('revoked, expired and bad tokens', () => {
  it('answers 401 token.revoked from the request after the revocation, and refuses a second revocation', async () => {
    const token = await makeToken('demo-admin', { name: 'ระบบที่เลิกใช้', orgUnitCode: '3401' });
    expect((await withBearer(token.secret, 'GET', '/api/products')).statusCode).toBe(200);
    const revoked = await api(t, cookies['demo-admin']).call('POST', `/api/tokens/${token.id}/revoke`, {
      version: token.version,
    });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedByName: expect.any(String) });
    const res = await withBearer(token.secret, 'GET', '/api/products');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('token.revoked');
    const again = await api(t, cookies['demo-admin']).call('POST', `/api/tokens/${token.id}/revoke`, {
      version: revoked.body.version,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('token.already_revoked');
  });

  it('works through its last day and answers 401 token.expired the day after', async () => {
    const lastDay = daysFromToday(3);
    const token = await makeToken('demo-admin', { name: 'ระบบทดลองสามวัน', orgUnitCode: '3401', expiresOn: lastDay });
    setClock(new Date(`${lastDay}T23:59:00+07:00`));
    expect((await withBearer(token.secret, 'GET', '/api/products')).statusCode).toBe(200);
    setClock(new Date(`${daysFromToday(1)}T00:00:00+07:00`));
    const res = await withBearer(token.secret, 'GET', '/api/products');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('token.expired');
  });

  it('lists a token past its last day as expired', async () => {
    const token = await makeToken('demo-admin', { name: 'ระบบที่หมดอายุแล้ว', orgUnitCode: '3401' });
    await t.rows(`update api_tokens set expires_at = now() - interval '1 minute' where id = ${token.id}`);
    const admin = api(t, cookies['demo-admin']);
    const expired = await admin.call('GET', '/api/tokens?status=expired&pageSize=200');
    expect(expired.body.items.find((i: any) => i.id === token.id)).toMatchObject({ status: 'expired' });
    const active = await admin.call('GET', '/api/tokens?status=active&pageSize=200');
    expect(active.body.items.map((i: any) => i.id)).not.toContain(token.id);
  });

  it('lasts a year by default and at most two', async () => {
    const token = await makeToken('demo-admin', { name: 'ระบบค่าตั้งต้น', orgUnitCode: '3401' });
    expect(token).toMatchObject({ access: 'read', expiresOn: daysFromToday(365), status: 'active' });
    for (const expiresOn of [daysFromToday(-1), daysFromToday(731)]) {
      const res = await api(t, cookies['demo-admin']).call('POST', '/api/tokens', {
        name: 'ระบบนานเกิน',
        orgUnitCode: '3401',
        expiresOn,
      });
      expect(res.status, expiresOn).toBe(422);
      expect(res.body.code).toBe('token.expiry_out_of_range');
    }
  });

  it('answers 401 token.invalid (never a 500) to a wrong, short or garbage bearer', async () => {
    const unknown = `thr_${'A'.repeat(43)}`;
    for (const header of [
      'Bearer',
      'Bearer ',
      'Bearer x',
      `Bearer ${unknown}`,
      `Bearer thr_${'!'.repeat(43)}`,
      `Bearer ${'x'.repeat(9000)}`,
    ]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/products', headers: { authorization: header } });
      expect(res.statusCode, header.slice(0, 20)).toBe(401);
      expect(res.json().code).toBe('token.invalid');
    }
    const basic = await t.app.inject({ method: 'GET', url: '/api/products', headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.json().code).toBe('auth.required');
    // Public routes do not read credentials at all.
    expect((await t.app.inject({ method: 'GET', url: '/api/health', headers: { authorization: 'Bearer x' } })).statusCode).toBe(
      200,
    );
  });
});

describe('the secret', () => {
  it('is shown once, at creation; only its SHA-256 is stored; no answer or audit entry holds either', async () => {
    const token = await makeToken('demo-admin', { name: 'ระบบตรวจความลับ', orgUnitCode: '34', access: 'read_write' });
    expect(token.secret).toMatch(TOKEN_SECRET_PATTERN);
    const hash = createHash('sha256').update(token.secret).digest('hex');
    const [stored] = await t.rows(`select secret_hash from api_tokens where id = ${token.id}`);
    expect(stored.secret_hash).toBe(hash);
    await withBearer(token.secret, 'GET', '/api/auth/me');
    const admin = api(t, cookies['demo-admin']);
    const answers = [
      await admin.call('GET', '/api/tokens?pageSize=200'),
      await admin.call('POST', `/api/tokens/${token.id}/revoke`, { version: token.version }),
      await admin.call('GET', '/api/audit?entity=api_token&pageSize=200'),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).not.toContain(token.secret);
      expect(JSON.stringify(answer.body)).not.toContain(hash);
      expect(JSON.stringify(answer.body)).not.toContain('secret');
    }
    const [{ leaks }] = await t.rows(
      `select count(*)::int as leaks from audit_log where changes::text like '%${token.secret}%' or changes::text like '%${hash}%'`,
    );
    expect(leaks).toBe(0);
  });
});

describe('what a token may never do', () => {
  let secret: string;
  beforeAll(async () => {
    secret = (await makeToken('demo-admin', { name: 'ระบบที่พยายามเกินสิทธิ์', orgUnitCode: '3401', access: 'read_write' })).secret;
  });

  it('manages no tokens, accounts or passwords', async () => {
    const calls: [Method, string, object?][] = [
      ['GET', '/api/tokens'],
      ['POST', '/api/tokens', { name: 'โทเคนที่โทเคนสร้าง', orgUnitCode: '3401' }],
      ['GET', '/api/users'],
      [
        'POST',
        '/api/users',
        {
          username: 'by-token',
          displayName: 'ก ข',
          role: 'committee_member',
          orgUnitCode: '3401',
          password: 'long-enough-passphrase',
        },
      ],
      ['POST', '/api/auth/password', { currentPassword: 'x', newPassword: 'another-long-passphrase' }],
    ];
    for (const [method, url, body] of calls) {
      const res = await withBearer(secret, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code, `${method} ${url}`).toBe('token.not_allowed');
    }
  });

  it('reads neither the audit log nor full citizen IDs, and tells who it is', async () => {
    expect((await withBearer(secret, 'GET', '/api/audit')).statusCode).toBe(403);
    const me = (await withBearer(secret, 'GET', '/api/auth/me')).json();
    expect(me).toMatchObject({ role: 'viewer', orgUnit: { code: '3401' }, manageableRoles: [] });
    expect(me.user.displayName).toBe('ระบบที่พยายามเกินสิทธิ์');
    expect(me.permissions).not.toEqual(expect.arrayContaining(['people.citizen_id.read']));
    expect(me.permissions).not.toContain('audit.read');
    expect(me.permissions).not.toContain('users.read');
  });

  it('verifies no outcome and withdraws no verification: that is a second officer’s judgement', async () => {
    const district = api(t, cookies['demo-district']);
    const group = await district.group({ orgUnitCode: '3401' });
    const recorded = await district.call('POST', '/api/outcomes', {
      orgUnitCode: '3401',
      groupId: group.id,
      kind: 'jobs_created',
      jobsCount: 3,
      happenedOn: daysFromToday(-6),
      reportedOn: daysFromToday(-5),
      description: 'จ้างงานเพิ่ม 3 คน',
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const { id, version } = recorded.body;
    const byToken = await withBearer(secret, 'POST', `/api/outcomes/${id}/verify`, { version });
    expect(byToken.statusCode).toBe(403);
    expect(byToken.json()).toMatchObject({
      code: 'outcome.verifier_not_a_person',
      th: 'โทเคน API รับรองหรือยกเลิกการรับรองผลลัพธ์ไม่ได้ ต้องให้เจ้าหน้าที่อำเภอเข้าสู่ระบบแล้วรับรองเอง',
    });
    // Another officer of the district verifies it, signed in.
    const colleague = api(t, await t.login('demo-staff'));
    const verified = await colleague.call('POST', `/api/outcomes/${id}/verify`, { version });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    const undone = await withBearer(secret, 'POST', `/api/outcomes/${id}/unverify`, { version: verified.body.version });
    expect(undone.json().code).toBe('outcome.verifier_not_a_person');
    expect((await district.call('GET', `/api/outcomes/${id}`)).body.verifiedBy).toMatchObject({ id: expect.any(Number) });
  });

  it('signs neither in nor out: a session cookie sent beside it is neither ended nor replaced', async () => {
    const cookie = cookies['demo-district-2'];
    for (const url of ['/api/auth/logout', '/api/auth/login']) {
      const res = await withBearer(secret, 'POST', url, { username: 'demo-district-2', password: 'thanrak-demo' }, { cookie });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code, url).toBe('token.not_allowed');
      expect(res.headers['set-cookie'], url).toBeUndefined();
    }
    expect((await t.as(cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('has a service account that cannot sign in and is not among the users', async () => {
    const [account] = await t.rows("select id, username from users where kind = 'service' limit 1");
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: account.username, password: '!' },
    });
    expect(login.statusCode).toBe(401);
    const admin = api(t, cookies['demo-admin']);
    const all = await admin.call('GET', '/api/users?pageSize=200&q=token');
    expect(all.body.items).toEqual([]);
    expect((await admin.call('GET', `/api/users/${account.id}`)).status).toBe(404);
    expect((await admin.call('PATCH', `/api/users/${account.id}`, { version: 1, role: 'district_officer' })).status).toBe(404);
  });
});

describe('a bearer beside a session cookie', () => {
  it('is the token’s request alone: the cookie is not read', async () => {
    const token = await makeToken('demo-admin', { name: 'ระบบอ่านอย่างเดียว', orgUnitCode: '3401' });
    const both = (method: Method, url: string, payload?: object) =>
      withBearer(token.secret, method, url, payload, { cookie: cookies['demo-admin'] });
    expect((await both('GET', '/api/users')).json().code).toBe('token.not_allowed');
    expect((await both('POST', '/api/products', productBody(products['3401'].producerId))).json().code).toBe('token.read_only');
    const far = await both('GET', `/api/products/${products[farDistrict].id}`);
    expect(far.statusCode).toBe(404);
    const garbage = await t.app.inject({
      method: 'GET',
      url: '/api/products',
      headers: { authorization: 'Bearer nonsense', cookie: cookies['demo-admin'] },
    });
    expect(garbage.json().code).toBe('token.invalid');
  });

  it('is not refused as a cross-site write: no cookie speaks for it', async () => {
    const token = await makeToken('demo-admin', { name: 'ระบบจากเครื่องอื่น', orgUnitCode: '3401', access: 'read_write' });
    const origin = { origin: 'https://elsewhere.example', 'sec-fetch-site': 'cross-site' };
    const body = productBody(products['3401'].producerId);
    expect((await withBearer(token.secret, 'POST', '/api/products', body, origin)).statusCode).toBe(201);
    const byCookie = await t.as(cookies['demo-district'], {
      method: 'POST',
      url: '/api/products',
      payload: body,
      headers: origin,
    });
    expect(byCookie.json().code).toBe('request.cross_origin');
  });
});

describe('last used', () => {
  it('is written at most once a minute', async () => {
    const token = await makeToken('demo-admin', { name: 'ระบบนับการใช้', orgUnitCode: '3401' });
    const lastUsed = async () =>
      (await api(t, cookies['demo-admin']).call('GET', '/api/tokens?pageSize=200')).body.items.find((i: any) => i.id === token.id)
        .lastUsedAt as string | null;
    expect(await lastUsed()).toBeNull();
    const start = new Date(Date.now() + 60_000);
    setClock(start);
    await withBearer(token.secret, 'GET', '/api/products');
    expect(await lastUsed()).toBe(start.toISOString());
    setClock(new Date(start.getTime() + 30_000));
    await withBearer(token.secret, 'GET', '/api/products');
    expect(await lastUsed()).toBe(start.toISOString());
    const later = new Date(start.getTime() + 61_000);
    setClock(later);
    await withBearer(token.secret, 'GET', '/api/products');
    expect(await lastUsed()).toBe(later.toISOString());
  });
});

describe('who manages tokens', () => {
  it('is the department and the provinces, each inside its scope', async () => {
    const district = api(t, cookies['demo-district']);
    expect((await district.call('GET', '/api/tokens')).status).toBe(403);
    expect((await district.call('POST', '/api/tokens', { name: 'ระบบอำเภอ', orgUnitCode: '3401' })).status).toBe(403);
    const farToken = await makeToken('demo-admin', { name: 'ระบบจังหวัดอื่น', orgUnitCode: farDistrict });
    const province = api(t, cookies['demo-province']);
    const mine = await province.call('GET', '/api/tokens?pageSize=200');
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((i: any) => i.orgUnitCode.startsWith('34'))).toBe(true);
    expect((await province.call('POST', `/api/tokens/${farToken.id}/revoke`, { version: farToken.version })).status).toBe(404);
    const outside = await province.call('POST', '/api/tokens', { name: 'ระบบนอกเขต', orgUnitCode: farDistrict });
    expect(outside.body.code).toBe('access.out_of_scope');
  });

  it('audits each creation and revocation under the person who did it', async () => {
    const token = await makeToken('demo-province', { name: 'ระบบที่ตรวจประวัติ', orgUnitCode: '3415' });
    await api(t, cookies['demo-province']).call('POST', `/api/tokens/${token.id}/revoke`, { version: token.version });
    const entries = await t.rows(
      `select action, actor_username, org_unit_code from audit_log where entity = 'api_token' and entity_id = '${token.id}' order by id`,
    );
    expect(entries).toEqual([
      { action: 'create', actor_username: 'demo-province', org_unit_code: '3415' },
      { action: 'revoke_token', actor_username: 'demo-province', org_unit_code: '3415' },
    ]);
  });
});
