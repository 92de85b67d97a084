/**
 * The portal's local wisdom and OTOP catalog: only what visibility.ts allows, found by Thai words and filters, with
 * nothing private on any public page or API answer, and no error for a garbled URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '#shared/sales';
import { formatCitizenId } from '#shared/thai/citizen-id';
import { formatThaiDate } from '#shared/thai/index';
import { thaiToday } from '../../clock';
import { api, daysFromToday } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { citizenId, multipart, png } from '../../test/matrix-requests';

let t: TestContext;
let district: ReturnType<typeof api>;
let districtCookie: string;

/** A page (or picture) as an anonymous visitor gets it. */
const visit = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  return { status: res.statusCode, html: res.body, type: String(res.headers['content-type']) };
};

const attachPhoto = async (owner: 'wisdom' | 'products', id: number) => {
  const { payload, headers } = multipart(await png());
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/${owner}/${id}/attachments`,
    payload,
    headers: { ...headers, cookie: districtCookie },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
};

const HOLDER = { firstName: 'บุญมาลับ', lastName: 'ไม่เปิดเผยนาม', phone: '0812345671', citizenId: citizenId() };
const SOLE = { firstName: 'สมหมายลับ', lastName: 'เจ้าของเดี่ยวนาม', phone: '0861112233', citizenId: citizenId() };
const GROUP_PHONE = '0897776655';
const CREDIT = 'ครูช่างทอบ้านหนองบัวและลูกหลาน';
const CONTACT = 'ร้านกลุ่ม โทร 045-311-222 · LINE @nongbua-silk';
const HIDDEN = {
  community: 'ภูมิปัญญาเฉพาะชุมชนหนองแสง',
  restricted: 'ตำราลับหมอพื้นบ้านหนองแสง',
  surveyed: 'ภูมิปัญญาเพิ่งสำรวจหนองแสง',
  verified: 'ภูมิปัญญารอตรวจทานหนองแสง',
  deleted: 'ภูมิปัญญาที่ลบแล้วหนองแสง',
  suspended: 'ผ้าไหมของผู้ผลิตที่ถูกระงับ',
  removed: 'ผ้าไหมที่ถูกลบออกแล้ว',
};

/** What the fixture made: shown records and hidden ones, with their pictures. */
const made = {
  shownWisdom: 0,
  uncreditedWisdom: 0,
  shownWisdomPhoto: 0,
  silk: 0,
  silkPhoto: 0,
  rice: 0,
  silkCushion: 0,
  silkyBag: 0,
  soleProduct: 0,
  soleRegistration: '',
  hiddenWisdom: [] as number[],
  hiddenProducts: [] as number[],
  hiddenPhotos: [] as number[],
};

beforeAll(async () => {
  t = await createTestContext();
  districtCookie = await t.login('demo-district');
  district = api(t, districtCookie);
  const holder = await district.person({ ...HOLDER, houseNo: '99/9', villageNo: 7 });
  const publicItem = { status: 'published', accessLevel: 'public', consentDate: daysFromToday(-30), holderIds: [holder.id] };

  const shown = await district.wisdom({
    ...publicItem,
    title: 'การทอผ้าไหมมัดหมี่ลายนาคโบราณ',
    description: 'การมัดหมี่และย้อมสีธรรมชาติ สืบทอดกันมาในหมู่บ้าน',
    subdistrict: 'ในเมือง',
    villageNo: 7,
    publicCredit: CREDIT,
  });
  made.shownWisdom = shown.id;
  made.shownWisdomPhoto = await attachPhoto('wisdom', shown.id);
  made.uncreditedWisdom = (
    await district.wisdom({ ...publicItem, title: 'การแกะสลักเทียนพรรษาลายไทย', branchCode: 'arts', subdistrict: 'ในเมือง' })
  ).id;

  const community = await district.wisdom({ ...publicItem, title: HIDDEN.community, accessLevel: 'community' });
  const hidden = [
    community,
    await district.wisdom({ ...publicItem, title: HIDDEN.restricted, accessLevel: 'restricted', branchCode: 'thai_medicine' }),
    await district.wisdom({ ...publicItem, title: HIDDEN.surveyed, status: 'surveyed' }),
    await district.wisdom({ ...publicItem, title: HIDDEN.verified, status: 'verified' }),
    await district.wisdom({ ...publicItem, title: HIDDEN.deleted }),
  ];
  for (const item of hidden) {
    made.hiddenWisdom.push(item.id);
    made.hiddenPhotos.push(await attachPhoto('wisdom', item.id));
  }
  const gone = hidden.at(-1);
  expect((await district.call('DELETE', `/api/wisdom/${gone.id}`, { version: gone.version })).status).toBeLessThan(300);

  const group = await district.group({
    name: 'กลุ่มทอผ้าไหมบ้านหนองบัว',
    contactPhone: GROUP_PHONE,
    address: 'บ้านเลขที่ 12 หมู่ 7 ตำบลในเมือง',
    wisdomIds: [shown.id, community.id],
    members: [{ personId: holder.id, role: 'chair' }],
  });
  const producer = await district.producer(group.id, { publicContact: CONTACT });
  const silk = await district.product(producer.id, {
    name: 'ผ้าไหมมัดหมี่ลายนาค',
    description: 'ผ้าไหมมัดหมี่ทอมือ ย้อมสีธรรมชาติจากเปลือกไม้',
    story: 'ลวดลายนาคที่แม่ถ่ายทอดให้ลูกสาวมาสามรุ่น',
    priceSatang: '125000',
    unit: 'ผืน',
    ratings: [
      { year: 2566, stars: 3 },
      { year: 2567, stars: 4 },
    ],
  });
  made.silk = silk.id;
  made.silkPhoto = await attachPhoto('products', silk.id);
  await district.certification({
    productId: silk.id,
    standardCode: 'mpc',
    certificateNo: 'มผช. 1234/2568',
    issuer: 'สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม',
    issuedOn: daysFromToday(-100),
    expiresOn: '2030-03-31',
  });
  await district.certification({
    productId: silk.id,
    standardCode: 'fda',
    certificateNo: 'อย. หมดอายุแล้ว 55-1-23456',
    issuedOn: daysFromToday(-800),
    expiresOn: daysFromToday(-5),
  });
  made.rice = (
    await district.product(producer.id, {
      name: 'ข้าวหอมมะลิอินทรีย์',
      category: 'food',
      priceSatang: '9000',
      unit: 'ถุง',
      ratings: [{ year: 2567, stars: 5 }],
    })
  ).id;
  made.silkCushion = (await district.product(producer.id, { name: 'หมอนอิง silk', category: 'household_souvenir' })).id;
  made.silkyBag = (await district.product(producer.id, { name: 'กระเป๋า silky', category: 'household_souvenir' })).id;
  const month = thaiToday().slice(0, 7);
  for (const [channelCode, when] of [
    ['online', month],
    ['sales_center', addMonths(month, -3)],
    ['festival', addMonths(month, -14)],
  ])
    expect(
      (
        await district.call('POST', '/api/sales', {
          orgUnitCode: '3401',
          groupId: group.id,
          channelCode,
          month: when,
          amountSatang: '500000',
        })
      ).status,
    ).toBe(201);

  const sole = await district.person({ ...SOLE, houseNo: '5' });
  const soleProducer = await district.producer(0, { groupId: undefined, personId: sole.id, producerType: 'sole_proprietor' });
  made.soleRegistration = soleProducer.registrationNo;
  made.soleProduct = (await district.product(soleProducer.id, { name: 'ผ้าไหมพื้นเรียบย้อมครั่ง', unit: 'ผืน' })).id;

  const otherGroup = await district.group({ name: 'กลุ่มผู้ผลิตที่ถูกระงับ' });
  const suspended = await district.producer(otherGroup.id);
  const stopped = await district.product(suspended.id, { name: HIDDEN.suspended });
  const { id: _id, orgUnitCode: _unit, ownerName: _owner, targetType: _target, ...fields } = suspended;
  const patched = await district.call('PATCH', `/api/producers/${suspended.id}`, {
    ...fields,
    groupId: otherGroup.id,
    personId: undefined,
    status: 'suspended',
  });
  expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  const removed = await district.product(producer.id, { name: HIDDEN.removed });
  for (const product of [stopped, removed]) {
    made.hiddenProducts.push(product.id);
    made.hiddenPhotos.push(await attachPhoto('products', product.id));
  }
  // Products have no delete in the API yet; a deleted row is what an import rollback or retention leaves.
  await t.rows(`update products set deleted_at = now() where id = ${removed.id}`);
}, 120_000);
afterAll(() => t.close());

describe('public local wisdom', () => {
  it('lists published public items with consent, their branch and place, in Thai and English', async () => {
    const list = await visit('/portal/wisdom');
    expect(list.status).toBe(200);
    expect(list.html).not.toContain('<script');
    expect(list.html).toContain(`href="/portal/wisdom/${made.shownWisdom}"`);
    expect(list.html).toContain('การแกะสลักเทียนพรรษาลายไทย');
    expect(list.html).toContain('อุตสาหกรรมและหัตถกรรม');
    expect(list.html).toContain('ตำบลในเมือง อำเภอเมืองอุบลราชธานี จังหวัดอุบลราชธานี');
    expect(list.html).toContain(`/portal/images/${made.shownWisdomPhoto}/thumbnail`);
    const english = await visit('/portal/wisdom?lang=en');
    expect(english.html).toContain('<html lang="en">');
    expect(english.html).toContain('Industry and handicraft');
    expect(english.html).toContain('Mueang Ubon Ratchathani district, Ubon Ratchathani province');
    expect(english.html).toContain(`href="/portal/wisdom/${made.shownWisdom}?lang=en"`);
  });

  it('narrows by branch, province, district and Thai words', async () => {
    const has = async (url: string) => (await visit(url)).html.includes(`href="/portal/wisdom/${made.shownWisdom}"`);
    expect(await has(`/portal/wisdom?q=${encodeURIComponent('มัดหมี่')}`)).toBe(true);
    expect(await has(`/portal/wisdom?q=${encodeURIComponent('ผ้าไหม')}&province=34`)).toBe(true);
    expect(await has(`/portal/wisdom?q=${encodeURIComponent('เทียนพรรษา')}`)).toBe(false);
    expect(await has('/portal/wisdom?branch=industry_handicraft&district=3401')).toBe(true);
    expect(await has('/portal/wisdom?branch=arts')).toBe(false);
    expect(await has('/portal/wisdom?district=3415')).toBe(false);
    expect(await has('/portal/wisdom?province=10')).toBe(false);
    // A district names its province; the districts of the province are offered.
    const narrowed = await visit('/portal/wisdom?district=3401');
    expect(narrowed.html).toContain('<option value="34" selected="">อุบลราชธานี</option>');
    expect(narrowed.html).toContain('<option value="3401" selected="">เมืองอุบลราชธานี</option>');
    expect(narrowed.html).toContain('<h1>ภูมิปัญญาท้องถิ่น อำเภอเมืองอุบลราชธานี จังหวัดอุบลราชธานี</h1>');
  });

  it('shows an item with its credit, photos, groups and their products, never a holder of record or the village', async () => {
    const page = await visit(`/portal/wisdom/${made.shownWisdom}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>การทอผ้าไหมมัดหมี่ลายนาคโบราณ</h1>');
    expect(page.html).toContain(`<dt>ผู้ถือครองภูมิปัญญา</dt><dd>${CREDIT}</dd>`);
    expect(page.html).toContain(`<img src="/portal/images/${made.shownWisdomPhoto}"`);
    expect(page.html).toContain(`<meta property="og:image" content="http://localhost:80/portal/images/${made.shownWisdomPhoto}"`);
    expect(page.html).toContain('<meta name="description" content="การมัดหมี่และย้อมสีธรรมชาติ');
    expect(page.html).toContain('<h3>กลุ่มทอผ้าไหมบ้านหนองบัว</h3>');
    expect(page.html).toContain(`href="/portal/products/${made.silk}"`);
    expect(page.html).toContain('href="/portal/centers/3401"');
    for (const secret of [HOLDER.firstName, HOLDER.lastName, 'หมู่ 7', 'หมู่ที่', GROUP_PHONE, 'บ้านเลขที่ 12'])
      expect(page.html).not.toContain(secret);
    // No credit given: the item shows no name at all.
    const uncredited = await visit(`/portal/wisdom/${made.uncreditedWisdom}`);
    expect(uncredited.status).toBe(200);
    expect(uncredited.html).not.toContain('ผู้ถือครองภูมิปัญญา');
    expect(uncredited.html).not.toContain(HOLDER.firstName);
  });
});

describe('the OTOP catalog', () => {
  const ids = async (url: string) =>
    [...(await visit(url)).html.matchAll(/href="\/portal\/products\/(\d+)(?:\?lang=en)?"/g)].map((m) => Number(m[1]));

  it('finds ผ้าไหมมัดหมี่ for ผ้าไหม, word-aware, and narrows by category, place, stars and a current standard', async () => {
    const silk = encodeURIComponent('ผ้าไหม');
    const found = await visit(`/portal/products?q=${silk}`);
    expect(found.html).toContain('ผ้าไหมมัดหมี่ลายนาค');
    expect(found.html).toContain('ผลการค้นหา “ผ้าไหม”');
    // Thai order: พ (พื้นเรียบ) files before ม (มัดหมี่).
    expect(await ids(`/portal/products?q=${silk}`)).toEqual([made.soleProduct, made.silk]);
    expect(await ids(`/portal/products?q=${encodeURIComponent('มัดหมี่ ลายนาค')}`)).toEqual([made.silk]);
    expect(await ids(`/portal/products?q=${encodeURIComponent('ไหม')}&province=34`)).toEqual([made.soleProduct, made.silk]);
    expect(await ids(`/portal/products?q=${silk}&district=3415`)).toEqual([]);
    expect(await ids(`/portal/products?q=${silk}&province=10`)).toEqual([]);
    expect(await ids('/portal/products?category=food')).toEqual([made.rice]);
    expect(await ids('/portal/products?category=textile&district=3401')).toEqual([made.soleProduct, made.silk]);
    // Stars are the latest round's (4 in 2567, not 3 in 2566); the expired อย. certificate counts for nothing.
    expect(await ids('/portal/products?stars=4')).toEqual([made.silk]);
    expect(await ids('/portal/products?stars=3')).toEqual([]);
    expect(await ids('/portal/products?standard=mpc')).toEqual([made.silk]);
    expect(await ids('/portal/products?standard=fda')).toEqual([]);
    expect(await ids(`/portal/products?q=${silk}&standard=mpc&stars=4&category=textile&province=34`)).toEqual([made.silk]);
  });

  it('ranks whole-word matches before words found inside longer ones, each in Thai order', async () => {
    // กระเป๋า files before หมอนอิง, but only หมอนอิง holds "silk" as a whole word.
    expect(await ids('/portal/products?q=silk')).toEqual([made.silkCushion, made.silkyBag]);
    expect(await ids('/portal/products?q=SILKY')).toEqual([made.silkyBag]);
    expect(await ids('/portal/products?q=sil')).toEqual([made.silkyBag, made.silkCushion]);
  });

  it('labels its filters and cards in English', async () => {
    const english = await visit('/portal/products?lang=en&category=textile');
    expect(english.html).toContain('<label for="catalog-category">Category</label>');
    expect(english.html).toContain('<option value="textile" selected="">Textiles and garments</option>');
    expect(english.html).toContain('<option value="mpc">Thai Community Product Standard (TCPS)</option>');
    expect(english.html).toContain('1,250.00 baht per ผืน');
    expect(english.html).toContain(`href="/portal/products/${made.silk}?lang=en"`);
    expect(english.html).toContain('<h1>OTOP products</h1>');
  });

  it('pages by "next" without counting everything', async () => {
    const first = await visit('/portal/products?district=3401');
    expect(first.html).not.toContain('class="pager"');
    expect((await visit('/portal/products?district=3401&page=2')).html).toContain('ไม่พบสินค้าที่ตรงกับเงื่อนไข');
  });

  it("shows a product's price, stars, photos, current certificates, group, contact and where to buy", async () => {
    const page = await visit(`/portal/products/${made.silk}`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('<script');
    expect(page.html).toContain('<h1>ผ้าไหมมัดหมี่ลายนาค</h1>');
    expect(page.html).toContain('1,250.00 บาท ต่อผืน');
    expect(page.html).toContain('4 ดาว');
    expect(page.html).toContain('คัดสรรสุดยอดหนึ่งตำบลหนึ่งผลิตภัณฑ์ ปี 2567');
    expect(page.html).toContain('ลวดลายนาคที่แม่ถ่ายทอดให้ลูกสาวมาสามรุ่น');
    expect(page.html).toContain(`<img src="/portal/images/${made.silkPhoto}"`);
    expect(page.html).toContain(`<meta property="og:image" content="http://localhost:80/portal/images/${made.silkPhoto}"`);
    expect(page.html).toContain('<title>ผ้าไหมมัดหมี่ลายนาค | ฐานราก</title>');
    expect(page.html).toContain('<meta name="description" content="ผ้าไหมมัดหมี่ทอมือ ย้อมสีธรรมชาติจากเปลือกไม้"');
    expect(page.html).toContain('<h3>มผช.</h3>');
    expect(page.html).toContain('มผช. 1234/2568');
    expect(page.html).toContain(`<dd>${formatThaiDate('2030-03-31')}</dd>`);
    expect(page.html).not.toContain('หมดอายุแล้ว 55-1-23456');
    expect(page.html).toContain('<dd>กลุ่มทอผ้าไหมบ้านหนองบัว</dd>');
    expect(page.html).toContain(`<dd>${CONTACT}</dd>`);
    expect(page.html).toContain('<li>ศูนย์จำหน่ายสินค้า OTOP</li>');
    expect(page.html).toContain('<li>ช่องทางออนไลน์</li>');
    expect(page.html).not.toContain('งานเทศกาลและงานประเพณี');
    expect(page.html).toContain('href="/portal/centers/3401"');
    expect(page.html).toContain(`href="/portal/wisdom/${made.shownWisdom}"`);
    for (const secret of [GROUP_PHONE, HOLDER.firstName, 'บ้านเลขที่ 12']) expect(page.html).not.toContain(secret);
    const english = await visit(`/portal/products/${made.silk}?lang=en`);
    expect(english.html).toContain('OTOP Product Champion 2024');
    expect(english.html).toContain('<dd>31 March 2030</dd>');
    expect(english.html).toContain('<li>Online</li>');
  });

  it('names a sole proprietor by registration number and district only, with no contact it did not publish', async () => {
    const page = await visit(`/portal/products/${made.soleProduct}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`ผู้ผลิต OTOP เลขทะเบียน ${made.soleRegistration}`);
    expect(page.html).toContain('อำเภอเมืองอุบลราชธานี จังหวัดอุบลราชธานี');
    expect(page.html).toContain('ผู้ผลิตไม่ได้เผยแพร่ช่องทางติดต่อ');
    for (const secret of [SOLE.firstName, SOLE.lastName, SOLE.phone]) expect(page.html).not.toContain(secret);
  });
});

describe('privacy', () => {
  /** Texts that must never reach the public, in the forms a page could show them. */
  const secrets = () => [
    ...Object.values(HIDDEN),
    ...[HOLDER, SOLE].flatMap((p) => [
      p.firstName,
      p.lastName,
      p.phone,
      `${p.phone.slice(0, 3)}-${p.phone.slice(3, 6)}-${p.phone.slice(6)}`,
      p.citizenId,
      formatCitizenId(p.citizenId),
    ]),
    GROUP_PHONE,
  ];
  /** A link to a hidden record or picture (the id not followed by another digit). */
  const hiddenLinks = () => [
    ...made.hiddenWisdom.map((id) => new RegExp(`/portal/wisdom/${id}(?!\\d)`)),
    ...made.hiddenProducts.map((id) => new RegExp(`/portal/products/${id}(?!\\d)`)),
    ...made.hiddenPhotos.map((id) => new RegExp(`/portal/images/${id}(?!\\d)`)),
  ];
  const leaksIn = (where: string, text: string) => [
    ...secrets()
      .filter((s) => text.includes(s))
      .map((s) => `${where}: "${s}"`),
    ...hiddenLinks()
      .filter((r) => r.test(text))
      .map((r) => `${where}: ${r.source}`),
  ];

  it('holds what it hides: the hidden records exist, with their photos, for the district', async () => {
    for (const title of [HIDDEN.community, HIDDEN.restricted, HIDDEN.surveyed, HIDDEN.verified]) {
      const { body } = await district.call('GET', `/api/wisdom?q=${encodeURIComponent(title)}`);
      expect(
        body.items.map((w: { title: string }) => w.title),
        title,
      ).toContain(title);
    }
    const stopped = await district.call('GET', `/api/products/${made.hiddenProducts[0]}`);
    expect(stopped.body.name).toBe(HIDDEN.suspended);
    expect((await t.rows(`select count(*)::int as n from attachments where id in (${made.hiddenPhotos})`))[0].n).toBe(7);
  });

  it('never shows a community-only, restricted, unpublished or deleted item, a hidden product or a private detail on any page', async () => {
    const hiddenPages = [
      ...made.hiddenWisdom.map((id) => `/portal/wisdom/${id}`),
      ...made.hiddenProducts.map((id) => `/portal/products/${id}`),
      ...made.hiddenPhotos.flatMap((id) => [`/portal/images/${id}`, `/portal/images/${id}/thumbnail`]),
    ];
    for (const url of hiddenPages) {
      const res = await visit(url);
      expect(res.status, url).toBe(404);
      expect(res.html, url).toContain('ไม่พบหน้าที่ต้องการ');
    }
    const searches = Object.values(HIDDEN).flatMap((title) => {
      const q = encodeURIComponent(title);
      return [
        `/portal/wisdom?q=${q}`,
        `/portal/wisdom?q=${q}&district=3401`,
        `/portal/wisdom?q=${q}&province=34&branch=thai_medicine`,
        `/portal/products?q=${q}`,
        `/portal/products?q=${q}&district=3401&category=textile`,
      ];
    });
    const filters = ['community', 'restricted', 'surveyed', 'verified', 'deleted'].flatMap((word) => [
      `/portal/wisdom?q=${encodeURIComponent('หนองแสง')}`,
      `/portal/wisdom?q=${word}`,
    ]);
    // Every page reachable from the home page, breadth first, in both languages, beside the searches above. Other
    // provinces' center pages are sampled: they are the same page for another district, and there are 878.
    const start = ['/portal', '/portal?lang=en', ...searches, ...filters, `/portal/products?q=${encodeURIComponent('ไหม')}`];
    const queue = [...start];
    const seen = new Set(queue);
    const sampled = new Map<string, number>();
    const worthVisiting = (url: string) => {
      const other = /^\/portal\/centers(?:\/(?!34)\d{4}|\?province=(?!34)\d\d)/.exec(url);
      if (!other) return true;
      const kind = url.includes('?province=') ? 'province' : 'center';
      sampled.set(kind, (sampled.get(kind) ?? 0) + 1);
      return sampled.get(kind)! <= 3;
    };
    const leaks: string[] = [];
    const statuses = new Set<number>();
    let pages = 0;
    while (queue.length) {
      const url = queue.shift()!;
      const res = await visit(url);
      pages++;
      statuses.add(res.status);
      if (res.status >= 500) leaks.push(`${url}: ${res.status}`);
      if (!res.type.startsWith('text/html')) continue;
      // A search page says what was searched for: the visitor's own words are no leak.
      const searched = new URLSearchParams(url.split('?')[1]).get('q');
      leaks.push(...leaksIn(url, searched ? res.html.replaceAll(searched, '') : res.html));
      for (const [, raw] of res.html.matchAll(/(?:href|src)="(\/portal[^"]*)"/g)) {
        const link = raw.replaceAll('&amp;', '&');
        if (link.startsWith('/portal/fonts/') || seen.has(link) || !worthVisiting(link)) continue;
        seen.add(link);
        queue.push(link);
      }
    }
    expect(leaks).toEqual([]);
    // Pages and the 404 page (a link to a page not built yet gets the web app's index when the web app is built).
    expect([...statuses].filter((s) => s !== 200 && s !== 404)).toEqual([]);
    // The walk did reach the records it must show, and their pictures.
    for (const url of [
      `/portal/wisdom/${made.shownWisdom}`,
      `/portal/wisdom/${made.shownWisdom}?lang=en`,
      `/portal/products/${made.silk}`,
      `/portal/products/${made.soleProduct}?lang=en`,
      `/portal/images/${made.silkPhoto}`,
      `/portal/images/${made.shownWisdomPhoto}/thumbnail`,
      '/portal/centers/3401',
    ])
      expect(seen.has(url), url).toBe(true);
    expect(pages).toBeGreaterThan(100);
  }, 300_000);

  it('never answers a hidden record or a private detail through the API without a session', async () => {
    const routes = t.app.routeTable.filter((r) => r.method === 'GET' && r.url.startsWith('/api/'));
    expect(routes.length).toBeGreaterThan(50);
    const ids = [...made.hiddenWisdom, ...made.hiddenProducts, ...made.hiddenPhotos, made.shownWisdom, made.silk];
    const leaks: string[] = [];
    const answered = new Set<string>();
    for (const route of routes) {
      const urls = /[:*]/.test(route.url)
        ? ids.map((id) => route.url.replace(/:\w+/g, String(id)).replace('*', String(id)))
        : [route.url, ...Object.values(HIDDEN).map((title) => `${route.url}?q=${encodeURIComponent(title)}&pageSize=200`)];
      for (const url of urls) {
        const res = await t.app.inject({ method: 'GET', url });
        if (res.statusCode < 300) answered.add(route.url);
        if (res.statusCode >= 500) leaks.push(`${url}: ${res.statusCode}`);
        leaks.push(...leaksIn(url, res.body));
      }
    }
    expect(leaks).toEqual([]);
    // Only what is public without a session answered at all (sign-in, health and the API's own description).
    for (const url of answered) expect(url, url).toMatch(/^\/api\/(health|openapi\.json|docs|auth\/)/);
  }, 120_000);
});

describe('hostile input', () => {
  it('answers garbled ids with the 404 page and garbled filters with a page, never an error', async () => {
    for (const url of [
      '/portal/wisdom/abc',
      '/portal/wisdom/-1',
      '/portal/wisdom/1e3',
      '/portal/wisdom/99999999999999',
      "/portal/products/1'--",
      '/portal/products/0',
      '/portal/products/2147483648',
    ]) {
      const res = await visit(url);
      expect(res.status, url).toBe(404);
      expect(res.html, url).toContain('ไม่พบหน้าที่ต้องการ');
    }
    // A NUL byte in the path is refused by the router before any page: a 400, not an error.
    expect((await visit('/portal/products/%00')).status).toBe(400);
    for (const url of [
      '/portal/products?stars=9&category=drop%20table&province=xx&district=1&page=-3&standard=%27%3B',
      `/portal/products?q=${'%25'.repeat(60)}`,
      '/portal/products?q=_%5C%25&standard=MPC',
      '/portal/products?q=a&q=b&category=textile&category=food',
      `/portal/products?q=${encodeURIComponent('ผ้าไหม'.repeat(16))}`,
      '/portal/products?q=%20%20%20&page=1000',
      '/portal/products?page=99999&stars=abc',
      '/portal/wisdom?branch=..%2F..%2Fetc&q[]=x&district=3415&province=10',
      '/portal/wisdom?q=%E0%B8&lang=en',
      '/portal/wisdom?province=34&district=1001',
    ]) {
      const res = await visit(url);
      expect(res.status, url).toBe(200);
      expect(res.type, url).toContain('text/html');
    }
    // A district of another province than the one asked is dropped, not mixed in.
    const mixed = await visit('/portal/wisdom?province=34&district=1001');
    expect(mixed.html).toContain('<option value="34" selected="">');
    expect(mixed.html).not.toContain('selected="">พระนคร');
  });
});
