/** Service requests from the public portal: the form, the follow link, spam limits, and the staff who answer them. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearOf, formatThaiDate } from '#shared/thai/index';
import { api, daysFromToday } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { REQUESTS_PER_HOUR } from './requests.routes';

let t: TestContext;
let district: ReturnType<typeof api>;
let province: ReturnType<typeof api>;
const userId: Record<string, number> = {};
beforeAll(async () => {
  t = await createTestContext();
  district = api(t, await t.login('demo-district'));
  province = api(t, await t.login('demo-province'));
  for (const row of await t.rows('select id, username from users')) userId[row.username] = row.id;
});
afterAll(() => t.close());

/** Each test sends from its own address, so the per-address limit of one never trips another. */
let addresses = 0;
const newAddress = () => `10.9.0.${++addresses}`;

const FORM = {
  name: 'นางสาวมาลี ศรีสะเกษ',
  phone: '081-234 5678',
  province: '34',
  district: '3401',
  subject: 'funding_access',
  description: 'อยากรวมกลุ่มทอผ้าในหมู่บ้านและขอคำแนะนำเรื่องเงินทุนหมุนเวียน',
  consent: 'on',
};

const send = (fields: Record<string, string>, from: string, url = '/portal/requests') =>
  t.app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    remoteAddress: from,
  });

const visit = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  return { status: res.statusCode, html: res.body, headers: res.headers };
};

const countRequests = async () => Number((await t.rows('select count(*)::int as n from service_requests'))[0].n);

/** Sends the form and follows the redirect's parts: the code, the secret, the status page's path. */
async function sent(over: Record<string, string> = {}, from = newAddress()) {
  const res = await send({ ...FORM, ...over }, from);
  expect(res.statusCode, res.body).toBe(303);
  const location = String(res.headers.location);
  const match = location.match(/^\/portal\/requests\/(\d{4}-\d{4}-\d{4})\?k=([A-Za-z0-9_-]{43})(&lang=en)?$/);
  expect(match, location).not.toBeNull();
  const [, code, token] = match!;
  const [row] = await t.rows(`select * from service_requests where reference_code = '${code}'`);
  return { code, token, location, row };
}

describe('the request form', () => {
  it('opens with the district the center page chose, the subjects, a consent box and a hidden honeypot', async () => {
    const page = await visit('/portal/requests/new?district=3401');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    // A browser sends the form's origin with the POST (under no-referrer it would send `Origin: null`, refused as cross-site).
    expect(page.headers['referrer-policy']).toBe('same-origin');
    expect(page.html).not.toContain('<script');
    expect(page.html).toContain('<option value="34" selected="">');
    expect(page.html).toContain('<option value="3401" selected="">');
    expect(page.html).toContain('เชื่อมโยงแหล่งทุน');
    expect(page.html).toContain('name="consent"');
    expect(page.html).toContain('เก็บไว้ 2 ปีนับจากปิดเรื่อง');
    expect(page.html).toMatch(/<div class="hp" aria-hidden="true">.*tabindex="-1" autoComplete="off"/);
    const english = await visit('/portal/requests/new?lang=en');
    expect(english.html).toContain('action="/portal/requests?lang=en"');
    expect(english.html).toContain('<input type="hidden" name="lang" value="en"/>');
    expect(english.html).toContain('Choose a province, then press');
    for (const url of ['/portal/requests/new?district=9999', '/portal/requests/new?province=zz&district=%3Cb%3E']) {
      expect((await visit(url)).status, url).toBe(200);
    }
  });

  it('shows the districts of a chosen province without script, keeping what was typed and storing nothing', async () => {
    const before = await countRequests();
    const res = await send({ ...FORM, district: '', province: '34', intent: 'province' }, newAddress());
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<option value="3410">');
    expect(res.body).not.toContain('<option value="1001">');
    expect(res.body).toContain(`value="${FORM.name}"`);
    expect(res.body).toContain(`${FORM.description}</textarea>`);
    expect(res.body).not.toContain('กรุณาแก้ไข');
    expect(await countRequests()).toBe(before);
  });

  it('draws the form again with a message beside each wrong field and the values typed (400, a page)', async () => {
    const before = await countRequests();
    const wrong = { name: 'ก', phone: '12345', province: '', district: '', subject: 'nope', description: 'สั้น' };
    const res = await send(wrong, newAddress());
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('text/html');
    for (const message of [
      'กรุณากรอกชื่อ–นามสกุล',
      'กรอกเบอร์โทรศัพท์ 9–10 หลัก ขึ้นต้นด้วย 0',
      'กรุณาเลือกอำเภอของศูนย์ที่จะรับเรื่อง',
      'กรุณาเลือกเรื่องที่ต้องการขอรับบริการ',
      'กรุณาเล่ารายละเอียดอย่างน้อย 10 ตัวอักษร',
      'ต้องยินยอมให้ใช้ชื่อและเบอร์โทรศัพท์',
    ])
      expect(res.body).toContain(message);
    expect(res.body).toContain('กรุณาแก้ไขข้อมูล 6 ช่องด้านล่าง');
    expect(res.body).toContain('aria-invalid="true" aria-describedby="req-phone-hint req-phone-error"');
    expect(res.body).toContain('value="12345"');
    // A district without a center, a retired subject and an overlong name are refused the same way.
    const retired = (await t.rows(`select code from code_lists where list = 'service_type' and deprecated limit 1`))[0]?.code;
    const more = await send(
      { ...FORM, district: '3499', subject: retired ?? 'nope', name: 'ก'.repeat(101), lang: 'en' },
      newAddress(),
    );
    expect(more.statusCode).toBe(400);
    expect(more.body).toContain('Choose the district whose center will handle it');
    expect(more.body).toContain('Choose what you need help with');
    expect(more.body).toContain('The name is longer than 100 characters');
    expect(await countRequests()).toBe(before);
  });

  it('answers any body with a page, never JSON or a 500: JSON, plain text, NUL characters, nothing', async () => {
    const json = await t.app.inject({ method: 'POST', url: '/portal/requests', payload: { name: ['x'], consent: true } });
    expect(json.statusCode).toBe(400);
    expect(json.headers['content-type']).toContain('text/html');
    for (const [type, status] of [
      ['text/plain', 400],
      ['application/xml', 415],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/portal/requests',
        payload: 'name=x',
        headers: { 'content-type': type },
      });
      expect(res.statusCode, type).toBe(status);
      expect(res.headers['content-type'], type).toContain('text/html');
    }
    const fromBrowser = await t.app.inject({
      method: 'POST',
      url: '/portal/requests',
      payload: new URLSearchParams(FORM).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://localhost:80',
        'sec-fetch-site': 'same-origin',
      },
      remoteAddress: newAddress(),
    });
    expect(fromBrowser.statusCode).toBe(303);
    const nul = await send({ ...FORM, name: 'นางมาลี\u0000 ดี' }, newAddress());
    expect(nul.statusCode).toBe(303);
    const empty = await t.app.inject({ method: 'POST', url: '/portal/requests' });
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toContain('text/html');
  });

  it('takes the longest Thai details and refuses a 50 KB body with a page (413)', async () => {
    const longest = await send({ ...FORM, description: 'ก'.repeat(1000) }, newAddress());
    expect(longest.statusCode).toBe(303);
    const before = await countRequests();
    const huge = await send({ ...FORM, description: 'x'.repeat(50 * 1024) }, newAddress(), '/portal/requests?lang=en');
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toContain('text/html');
    expect(huge.body).toContain('Too much text');
    expect(await countRequests()).toBe(before);
  });

  it('pretends to take a request whose honeypot a robot filled, and keeps nothing', async () => {
    const before = await countRequests();
    const res = await send({ ...FORM, website: 'http://spam.example' }, newAddress());
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('ได้รับคำขอแล้ว');
    expect(res.body).not.toMatch(/\d{4}-\d{4}-\d{4}/);
    expect(await countRequests()).toBe(before);
  });

  it(`lets one address send ${REQUESTS_PER_HOUR} requests an hour, then answers with a 429 page; corrections do not count`, async () => {
    const from = newAddress();
    expect((await send({ ...FORM, phone: 'x' }, from)).statusCode).toBe(400);
    for (let i = 0; i < REQUESTS_PER_HOUR; i++) expect((await send(FORM, from)).statusCode).toBe(303);
    const before = await countRequests();
    const refused = await send(FORM, from);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('text/html');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body).toContain(`ครบ ${REQUESTS_PER_HOUR} ครั้งในหนึ่งชั่วโมงแล้ว`);
    expect((await send({ ...FORM, website: 'x' }, from)).statusCode).toBe(429);
    expect(await countRequests()).toBe(before);
    expect((await send(FORM, newAddress())).statusCode).toBe(303);
  });
});

describe('a portal request', () => {
  it('is stored as new from the portal, made by no user, with only the hash of its follow secret', async () => {
    const { code, token, row } = await sent();
    const fy = fiscalYearOf(daysFromToday(0)).fiscalYear;
    expect(code).toMatch(new RegExp(`^3401-${fy}-\\d{4}$`));
    expect(row).toMatchObject({
      channel: 'portal',
      status: 'new',
      created_by: null,
      client_name: FORM.name,
      client_phone: '0812345678',
      subject_code: 'funding_access',
      follow_token_hash: createHash('sha256').update(token).digest('hex'),
    });
    const audit = await t.rows(`select * from audit_log where entity = 'service_request' and entity_id = '${row.id}'`);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', actor_user_id: null, actor_username: 'anonymous', org_unit_code: '3401' });
    expect(audit[0].changes.status).toEqual({ before: null, after: 'new' });
    expect(JSON.stringify(audit[0].changes)).not.toContain(row.follow_token_hash);
    expect((await t.rows(`select count(*)::int as n from audit_log where changes::text like '%${token}%'`))[0].n).toBe(0);
  });

  it('is followed on a page that shows its progress and never the name, phone or words, and only with its secret', async () => {
    const { code, token, location } = await sent();
    const page = await visit(location);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['x-robots-tag']).toBe('noindex');
    // The secret in the address never leaves in a Referer header when the visitor follows a link out.
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.html).toContain(code);
    expect(page.html).toContain('ได้รับคำขอแล้ว รอศูนย์รับเรื่อง');
    expect(page.html).toContain('href="/portal/centers/3401"');
    expect(page.html).toContain('เชื่อมโยงแหล่งทุน');
    expect(page.html).toContain(formatThaiDate(daysFromToday(0)));
    expect(page.html).toContain(`http://localhost:80/portal/requests/${code}?k=${token}`);
    for (const secret of [FORM.name, 'มาลี', '0812345678', '5678', FORM.description]) expect(page.html).not.toContain(secret);
    expect(page.html).not.toContain('<script');

    const wrongKey = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const url of [
      `/portal/requests/${code}?k=${wrongKey}`,
      `/portal/requests/${code}`,
      `/portal/requests/${code}?k=`,
      `/portal/requests/3401-2500-9999?k=${token}`,
      `/portal/requests/${code.replace('3401', '3415')}?k=${token}`,
      `/portal/requests/%3Cscript%3E?k=${token}`,
    ]) {
      const res = await visit(url);
      expect(res.status, url).toBe(404);
      expect(res.html, url).toContain('ไม่พบหน้าที่ต้องการ');
      expect(res.html, url).not.toContain('<script>');
    }
    const english = await visit(`${location}&lang=en`);
    expect(english.html).toContain('Received, waiting for the center');
    expect(english.html).toContain(`href="/portal/requests/${code}?k=${token}"`);
  });

  it('reaches the staff of its district in "my tasks" and the requests list; the province reads a masked phone', async () => {
    const waiting = async () =>
      (await district.call('GET', '/api/tasks')).body.find((x: any) => x.kind === 'portal_requests_waiting')?.count ?? 0;
    const before = await waiting();
    const { row } = await sent();
    expect(await waiting()).toBe(before + 1);
    const inbox = await district.call('GET', '/api/requests?unit=3401&status=new&channel=portal&pageSize=200');
    expect(inbox.body.items.map((r: any) => r.id)).toContain(row.id);
    const mine = await district.call('GET', `/api/requests/${row.id}`);
    expect(mine.body).toMatchObject({ channel: 'portal', clientPhone: '0812345678', createdBy: null });
    expect(mine.body.history).toEqual([{ status: 'new', at: expect.any(String), by: null }]);
    expect((await province.call('GET', `/api/requests/${row.id}`)).body.clientPhone).toBe('xxx-xxx-5678');
    const other = api(t, await t.login('demo-district-2'));
    expect((await other.call('GET', `/api/requests/${row.id}`)).status).toBe(404);
  });

  it('is accepted, linked to a person on file and answered by a service, and its page follows to done', async () => {
    const { location, row } = await sent();
    const accepted = await district.call('POST', `/api/requests/${row.id}/status`, { version: 1, status: 'accepted' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect((await visit(location)).html).toContain('ศูนย์รับเรื่องแล้ว');

    // The requester joins the register; the request keeps its portal channel, which no edit can change.
    const person = await district.person({ title: 'นางสาว', firstName: 'มาลี', lastName: 'ศรีสะเกษ', phone: '0812345678' });
    const edit = {
      version: accepted.body.version,
      receivedOn: row.received_on,
      personId: person.id,
      clientName: FORM.name,
      clientPhone: '0812345678',
      subjectCode: 'funding_access',
      description: FORM.description,
    };
    const asPhone = await district.call('PATCH', `/api/requests/${row.id}`, { ...edit, channel: 'phone' });
    expect(asPhone.status).toBe(422);
    expect(asPhone.body.code).toBe('service_request.portal_channel');
    const linked = await district.call('PATCH', `/api/requests/${row.id}`, { ...edit, channel: 'portal' });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body.person.id).toBe(person.id);

    const service = await district.call('POST', '/api/services', {
      orgUnitCode: '3401',
      serviceDate: daysFromToday(0),
      mode: 'center',
      personIds: [person.id],
      typeCodes: ['funding_access'],
      description: FORM.description,
      staffIds: [userId['demo-district']],
      durationMinutes: 45,
    });
    expect(service.status, JSON.stringify(service.body)).toBe(201);
    const done = await district.call('POST', `/api/requests/${row.id}/status`, {
      version: linked.body.version,
      status: 'done',
      serviceId: service.body.id,
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);

    const page = await visit(location);
    expect(page.html).toContain('<strong>ดำเนินการเสร็จสิ้น</strong>');
    expect(page.html).toContain(`ศูนย์ให้บริการตามคำขอแล้ว เมื่อ${formatThaiDate(daysFromToday(0))}`);
    const steps = page.html.match(/<ol class="history">(.*?)<\/ol>/)![1];
    expect(steps.match(/<li>/g)).toHaveLength(3);
    expect(steps).toContain('ศูนย์รับเรื่องแล้ว');
    const [officer] = await t.rows(`select display_name from users where username = 'demo-district'`);
    for (const staff of ['demo-district', officer.display_name]) expect(page.html).not.toContain(staff);
    expect((await visit(`${location}&lang=en`)).html).toContain('<strong>Done</strong>');
  });

  it('escapes hostile text on every page, and the staff API answers it as JSON', async () => {
    const hostile = { name: '<script>alert(1)</script>', description: '<img src=x onerror=alert(1)> ขอความช่วยเหลือด่วน' };
    const redrawn = await send({ ...FORM, ...hostile, phone: 'x' }, newAddress());
    expect(redrawn.statusCode).toBe(400);
    expect(redrawn.body).not.toContain('<script>alert');
    expect(redrawn.body).not.toContain('<img src=x');
    expect(redrawn.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const { location, row } = await sent(hostile);
    expect(row.client_name).toBe(hostile.name);
    const page = await visit(location);
    expect(page.html).not.toContain('alert(1)');
    const staff = await t.as(await t.login('demo-district'), { method: 'GET', url: `/api/requests/${row.id}` });
    expect(staff.headers['content-type']).toContain('application/json');
    expect(staff.headers['x-content-type-options']).toBe('nosniff');
    expect(staff.json()).toMatchObject({ clientName: hostile.name, description: hostile.description });
    const follow = await visit(`/portal/requests/follow?link=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(follow.status).toBe(400);
    expect(follow.html).not.toContain('<script>alert');
  });

  it('is found from the follow page by a pasted link or by its code and key', async () => {
    const { code, token, location } = await sent();
    expect((await visit('/portal/requests/follow')).status).toBe(200);
    const pasted = await visit(`/portal/requests/follow?link=${encodeURIComponent(`https://thanrak.example${location}`)}`);
    expect(pasted.status).toBe(303);
    expect(pasted.headers.location).toBe(location);
    const typed = await visit(`/portal/requests/follow?code=${code}&k=${token}&lang=en`);
    expect(typed.headers.location).toBe(`${location}&lang=en`);
    const garbled = await visit(`/portal/requests/follow?code=${code}&k=short&lang=en`);
    expect(garbled.status).toBe(400);
    expect(garbled.html).toContain('No reference code and follow key were found');
  });

  it('is the only kind a follow link opens: a request recorded at the counter has no public page', async () => {
    const res = await district.call('POST', '/api/requests', {
      orgUnitCode: '3401',
      channel: 'walk_in',
      receivedOn: daysFromToday(0),
      clientName: 'นายบุญมี ศรีสุข',
      subjectCode: 'funding_access',
      description: 'ขอคำแนะนำ',
    });
    expect(res.status).toBe(201);
    const anyKey = 'A'.repeat(43);
    expect((await visit(`/portal/requests/${res.body.referenceCode}?k=${anyKey}`)).status).toBe(404);
    expect(res.body.history[0].by).toEqual(expect.any(String));
  });
});
