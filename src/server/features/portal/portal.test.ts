/** The public portal's centers and news pages: no sign-in, only what is public, in Thai and English. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, daysFromToday } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { multipart, png } from '../../test/matrix-requests';

let t: TestContext;
let district: ReturnType<typeof api>;
let districtCookie: string;
beforeAll(async () => {
  t = await createTestContext();
  districtCookie = await t.login('demo-district');
  district = api(t, districtCookie);
});
afterAll(() => t.close());

/** A page as an anonymous visitor gets it. */
const visit = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  return { status: res.statusCode, html: res.body, type: String(res.headers['content-type']) };
};

const post = async (over: object) =>
  (
    await district.call('POST', '/api/posts', {
      orgUnitCode: '3401',
      title: 'ข่าว',
      body: 'เนื้อหา',
      channels: ['website'],
      publishedOn: daysFromToday(-1),
      isPublic: true,
      ...over,
    })
  ).body;

const attachPhoto = async (postId: number) => {
  const { payload, headers } = multipart(await png());
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/posts/${postId}/attachments`,
    payload,
    headers: { ...headers, cookie: districtCookie },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
};

describe('the portal pages', () => {
  it('open without signing in, as whole HTML in Thai with share tags and no script', async () => {
    const home = await visit('/portal');
    expect(home.status).toBe(200);
    expect(home.type).toContain('text/html');
    expect(home.html).toMatch(/^<!doctype html><html lang="th">/);
    expect(home.html).toContain('<meta property="og:title" content="ศูนย์บริการส่งเสริมเศรษฐกิจฐานราก"');
    expect(home.html).toContain('<link rel="canonical" href="http://localhost:80/portal"');
    expect(home.html).not.toContain('<script');
    const english = await visit('/portal?lang=en');
    expect(english.html).toContain('<html lang="en">');
    expect(english.html).toContain('Foundational Economy Promotion Service Centers');
    expect(english.html).toContain('href="/portal/centers?lang=en"');
  });

  it('find centers by province on the map and list, and by Thai or English name', async () => {
    const directory = await visit('/portal/centers');
    expect(directory.html).toContain('href="/portal/centers?province=34"');
    expect(directory.html).toMatch(/อุบลราชธานี<\/a> <span class="muted">\(\d+ ศูนย์\)/);
    const ubon = await visit('/portal/centers?province=34');
    expect(ubon.html).toContain('ศูนย์ในจังหวัดอุบลราชธานี');
    expect(ubon.html).toContain('href="/portal/centers/3401"');
    expect(ubon.html).not.toContain('href="/portal/centers/1001"');
    const byThai = await visit(`/portal/centers?q=${encodeURIComponent('บุณฑริก')}`);
    expect(byThai.html).toContain('href="/portal/centers/3410"');
    expect(byThai.html).toContain('พบ 1 ศูนย์');
    const byEnglish = await visit('/portal/centers?q=Buntharik&lang=en');
    expect(byEnglish.html).toContain('Buntharik District · Ubon Ratchathani');
    expect(byEnglish.html).toContain('href="/portal/centers/3410?lang=en"');
    expect(byEnglish.html).toContain('1 centers found');
  });

  it("show a center's address, hours, services and committee chair, and nothing of its staff's contacts", async () => {
    const before = await visit('/portal/centers/3401');
    expect(before.status).toBe(200);
    expect(before.html).toContain('ศูนย์ยังไม่ได้บันทึกข้อมูลที่ตั้งและเวลาทำการ');
    const saved = await district.call('PUT', '/api/center-profiles/3401', {
      version: 0,
      officeAddress: 'ที่ว่าการอำเภอเมืองอุบลราชธานี ถนนอุปราช',
      serviceArea: 'ห้องศูนย์บริการ ชั้น 1',
      openingHours: 'จันทร์–ศุกร์ 08.30–16.30 น.',
      phone: '045-244 123',
      email: 'cdd3401@example.go.th',
      staffOnDuty: 'นายสมชาย ใจดี 081-234-5678',
      learningMedia: '',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const page = await visit('/portal/centers/3401');
    expect(page.html).toContain('ถนนอุปราช');
    expect(page.html).toContain('จันทร์–ศุกร์ 08.30–16.30 น.');
    expect(page.html).toContain('href="tel:045244123"');
    expect(page.html).not.toContain('081-234-5678');
    expect(page.html).toContain('บริการของศูนย์');
    expect(page.html).toContain('<meta name="description" content="ที่ว่าการอำเภอเมืองอุบลราชธานี ถนนอุปราช · จันทร์–ศุกร์ 08.30–16.30 น."');
    expect(page.html).toContain('href="/portal/requests/new?district=3401"');
  });

  it('answer a missing, garbled or non-center code with the same 404 page, never an error', async () => {
    for (const url of [
      '/portal/centers/9999',
      '/portal/centers/34',
      "/portal/centers/3401'--",
      '/portal/news/0',
      '/portal/news/abc',
      '/portal/no-such-page',
      '/portal/centers/3401/more?lang=en',
    ]) {
      const res = await visit(url);
      expect(res.status, url).toBe(404);
      expect(res.html, url).toContain(url.includes('lang=en') ? 'Page not found' : 'ไม่พบหน้าที่ต้องการ');
    }
    for (const url of [`/portal/centers?province=xx&q=${'ก'.repeat(500)}`, '/portal/news?page=-4', '/portal?lang=zz']) {
      expect((await visit(url)).status, url).toBe(200);
    }
  });

  it('show only published public posts and their photos', async () => {
    const shown = await post({ title: 'ตลาดนัดผ้าไหมประจำเดือน', body: `${'รายละเอียด '.repeat(40)}ตอนท้าย` });
    const draft = await post({ title: 'ร่างข่าวยังไม่เผยแพร่', publishedOn: null, isPublic: false, channels: [] });
    const internal = await post({ title: 'ข่าวภายในเท่านั้น', isPublic: false });
    const removed = await post({ title: 'ข่าวที่ถูกลบแล้ว' });
    expect((await district.call('DELETE', `/api/posts/${removed.id}`, { version: removed.version })).status).toBeLessThan(300);
    const shownPhoto = await attachPhoto(shown.id);
    const internalPhoto = await attachPhoto(internal.id);

    const list = await visit('/portal/news');
    expect(list.html).toContain('ตลาดนัดผ้าไหมประจำเดือน');
    expect(list.html).toContain(`/portal/images/${shownPhoto}/thumbnail`);
    for (const hidden of ['ร่างข่าวยังไม่เผยแพร่', 'ข่าวภายในเท่านั้น', 'ข่าวที่ถูกลบแล้ว']) expect(list.html).not.toContain(hidden);
    expect(list.html).not.toContain('ตอนท้าย');

    const page = await visit(`/portal/news/${shown.id}`);
    expect(page.html).toContain('ตอนท้าย');
    expect(page.html).toContain(`<meta property="og:image" content="http://localhost:80/portal/images/${shownPhoto}"`);
    for (const id of [draft.id, internal.id, removed.id]) expect((await visit(`/portal/news/${id}`)).status).toBe(404);

    const photo = await t.app.inject({ method: 'GET', url: `/portal/images/${shownPhoto}` });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toMatch(/^image\//);
    expect((await t.app.inject({ method: 'GET', url: `/portal/images/${shownPhoto}/thumbnail` })).headers['content-type']).toBe(
      'image/jpeg',
    );
    expect((await visit(`/portal/images/${internalPhoto}`)).status).toBe(404);

    const center = await visit('/portal/centers/3401');
    expect(center.html).toContain('ตลาดนัดผ้าไหมประจำเดือน');
    expect(center.html).not.toContain('ข่าวภายในเท่านั้น');
  });

  it('serve the Sarabun font it names, cached', async () => {
    const font = await t.app.inject({ method: 'GET', url: '/portal/fonts/sarabun-thai-400.woff2' });
    expect(font.statusCode).toBe(200);
    expect(font.headers['content-type']).toBe('font/woff2');
    expect(font.rawPayload.subarray(0, 4).toString()).toBe('wOF2');
    expect((await visit('/portal/fonts/..%2f..%2fpackage.json')).status).toBe(404);
  });
});
