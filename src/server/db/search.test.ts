import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchTextOf } from '#shared/thai/index';
import { createTestContext, type TestContext } from '../test/harness';

// Search at scale (decision 033): whole-word matches from the token table first, then matches inside words.
let t: TestContext;
let admin: string;
let district: string;
let producerId: number;
const get = async (cookie: string, url: string) => {
  const res = await t.as(cookie, { method: 'GET', url });
  expect(res.statusCode, url).toBe(200);
  return res.json();
};
const q = encodeURIComponent;
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const names = (body: { items: { name?: string; title?: string }[] }) => body.items.map((p) => p.name ?? p.title ?? '');
const addProducts = async (rows: [string, string][]) =>
  (
    await t.rows(
      `insert into products (org_unit_code, producer_id, name, category, search_text) values ${rows
        .map(([unit, n]) => `(${quote(unit)}, ${producerId}, ${quote(n)}, 'food', ${quote(searchTextOf(n))})`)
        .join(', ')} returning id`,
    )
  ).map((r) => r.id as number);
const tokensOf = async (kind: string, id: number) =>
  (await t.rows(`select token from search_tokens where kind = '${kind}' and record_id = ${id} order by token`)).map(
    (r) => r.token,
  );

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.login('demo-admin');
  district = await t.login('demo-district');
  const [group] = await t.rows(
    "insert into occupational_groups (org_unit_code, name, founded_on, search_text) values ('3401', 'กลุ่มค้นหา', '2025-01-01', 'กลุ่มค้นหา') returning id",
  );
  [{ id: producerId }] = await t.rows(
    `insert into producers (org_unit_code, group_id, producer_type, fiscal_year, registration_no, registered_on, community_link, site_in_district, thai_nationality, documents_received)
     values ('3401', ${group.id}, 'community_group', 2569, 'OTOP-SEARCH', '2025-11-01', true, true, true, true) returning id`,
  );
});
afterAll(() => t.close());

describe('finding', () => {
  it('finds a Thai word inside a name, whole-word matches first in Thai order, then matches inside longer words', async () => {
    await addProducts([
      ['3401', 'ผ้าไหมมัดหมี่ลายนาค'],
      ['3401', 'กระเป๋าผ้าไหม'],
      ['3401', 'ไหมพรมถักมือ'],
      ['3401', 'ผ้าฝ้ายทอมือ'],
    ]);
    // ไหม is a Segmenter word of the first three; ไห only a part of one.
    const body = await get(admin, `/api/products?producerId=${producerId}&q=${q('ไหม')}`);
    expect(names(body)).toEqual(['กระเป๋าผ้าไหม', 'ผ้าไหมมัดหมี่ลายนาค', 'ไหมพรมถักมือ']);
    expect(body).toMatchObject({ total: 3, totalCapped: false, nextCursor: null });
    const typing = await get(admin, `/api/products?producerId=${producerId}&q=${q('ผ้าไห')}`);
    expect(names(typing)).toEqual(['กระเป๋าผ้าไหม', 'ผ้าไหมมัดหมี่ลายนาค']);
    const both = await get(admin, `/api/products?producerId=${producerId}&q=${q('ไหม ผ้า')}`);
    expect(names(both)).toEqual(['กระเป๋าผ้าไหม', 'ผ้าไหมมัดหมี่ลายนาค']);
  });

  it('finds part of a code anywhere (substring), and by a word prefix', async () => {
    await addProducts([['3401', 'ชุดของขวัญ QX-77123']]);
    for (const typed of ['7712', 'qx-77', 'ของข']) {
      const body = await get(admin, `/api/products?producerId=${producerId}&q=${q(typed)}`);
      expect(names(body), typed).toEqual(['ชุดของขวัญ QX-77123']);
    }
  });

  it('pages through whole-word then partial matches: every match once, in order, with the total', async () => {
    // scopemark is a whole word of the first five; scopemarker only contains it.
    const whole = ['ค scopemark', 'ก scopemark', 'ข scopemark', 'ง scopemark', 'จ scopemark'];
    const partial = ['ข scopemarker', 'ก scopemarker', 'ค scopemarker'];
    await addProducts([...whole, ...partial].map((n) => ['3401', n]));
    const seen: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const body = await get(admin, `/api/products?q=scopemark&pageSize=2&page=${page}`);
      expect(body.total).toBe(8);
      seen.push(...names(body));
    }
    expect(seen).toEqual([...[...whole].sort((a, b) => a.localeCompare(b, 'th')), ...[...partial].sort()]);
  });

  it('shows no partial match once more than 1,000 records hold the whole word', async () => {
    await t.rows(`insert into products (org_unit_code, producer_id, name, category, search_text)
      select '3401', ${producerId}, 'ก manymark ' || g, 'food', 'ก manymark ' || g || ' ก manymark ' || g from generate_series(1, 1001) g`);
    await addProducts([['3401', 'ก manymarker']]);
    const body = await get(admin, '/api/products?q=manymark&pageSize=200&page=6');
    expect(body.total).toBe(1001);
    expect(names(body)).toHaveLength(1);
    expect(names(body)).not.toContain('ก manymarker');
  });

  it('keeps to the scope: a district officer sees the district, `unit` narrows the nation', async () => {
    await addProducts([
      ['3401', 'ตะกร้า fencemark'],
      ['3415', 'กระติ๊บ fencemark'],
      ['3415', 'กระด้ง fencemarks'],
    ]);
    expect(names(await get(district, '/api/products?q=fencemark'))).toEqual(['ตะกร้า fencemark']);
    expect(names(await get(admin, '/api/products?q=fencemark&unit=3415'))).toEqual(['กระติ๊บ fencemark', 'กระด้ง fencemarks']);
    expect((await get(admin, '/api/products?q=fencemark')).total).toBe(3);
  });

  it('finds people by a first name, a last name or the last digits of the ID, whole names first', async () => {
    await t.rows(`insert into people (org_unit_code, title, first_name, last_name, citizen_id_last4) values
      ('3401', 'นาง', 'กิตติค้นหา', 'ทองดี', '9911'), ('3401', 'นาย', 'ค้นหา', 'ใจงาม', '9912'),
      ('3401', 'นาย', 'บุญมา', 'ค้นหา', '9913'), ('3415', 'นาย', 'ค้นหา', 'นอกเขต', '9914')`);
    const people = async (cookie: string, typed: string) =>
      (await get(cookie, `/api/people?q=${q(typed)}`)).items.map(
        (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`,
      );
    expect(await people(district, 'ค้นหา')).toEqual(['ค้นหา ใจงาม', 'บุญมา ค้นหา', 'กิตติค้นหา ทองดี']);
    expect(await people(admin, 'ค้นหา ใจงาม')).toEqual(['ค้นหา ใจงาม']);
    expect(await people(admin, '9914')).toEqual(['ค้นหา นอกเขต']);
  });

  it('searches groups and wisdom by word, and keeps restricted wisdom from those who may not read it', async () => {
    await t.rows(`insert into occupational_groups (org_unit_code, name, founded_on, search_text)
      values ('3401', 'กลุ่มทอผ้าไหมบ้านดอนsearch', '2025-01-01', ${quote(searchTextOf('กลุ่มทอผ้าไหมบ้านดอนsearch'))})`);
    expect(names(await get(admin, `/api/groups?q=${q('ทอผ้า')}&unit=3401`))).toContain('กลุ่มทอผ้าไหมบ้านดอนsearch');
    await t.rows(`insert into wisdom_items (org_unit_code, title, branch_code, access_level, surveyed_on, search_text) values
      ('3401', 'การย้อมครามwisdommark', '01', 'community', '2025-01-01', ${quote(searchTextOf('การย้อมครามwisdommark'))}),
      ('3401', 'ตำรายาwisdommark', '01', 'restricted', '2025-01-01', ${quote(searchTextOf('ตำรายาwisdommark'))})`);
    const committee = await t.login('demo-committee');
    expect(names(await get(admin, '/api/wisdom?q=wisdommark')).sort()).toEqual(['การย้อมครามwisdommark', 'ตำรายาwisdommark']);
    expect(names(await get(committee, '/api/wisdom?q=wisdommark'))).toEqual(['การย้อมครามwisdommark']);
  });
});

describe('token maintenance', () => {
  it('keeps a record’s words through create, change, soft delete, restore and delete', async () => {
    const created = await t.as(district, {
      method: 'POST',
      url: '/api/products',
      payload: { producerId, name: 'น้ำพริกเผาโบราณ', category: 'food' },
    });
    expect(created.statusCode).toBe(201);
    const { id, version } = created.json();
    expect(await tokensOf('product', id)).toEqual(expect.arrayContaining(['น้ำพริกเผาโบราณ', 'พริก', 'เผา']));
    const changed = await t.as(district, {
      method: 'PATCH',
      url: `/api/products/${id}`,
      payload: { version, producerId, name: 'ข้าวเกรียบปลา', category: 'food' },
    });
    expect(changed.statusCode).toBe(200);
    expect(await tokensOf('product', id)).not.toContain('พริก');
    expect(await tokensOf('product', id)).toContain('ปลา');
    expect(names(await get(admin, `/api/products?producerId=${producerId}&q=${q('เกรียบ')}`))).toEqual(['ข้าวเกรียบปลา']);
    await t.rows(`update products set deleted_at = now() where id = ${id}`);
    expect(await tokensOf('product', id)).toEqual([]);
    expect((await get(admin, `/api/products?producerId=${producerId}&q=${q('เกรียบ')}`)).items).toEqual([]);
    await t.rows(`update products set deleted_at = null where id = ${id}`);
    expect(await tokensOf('product', id)).toContain('ปลา');
    await t.rows(`delete from product_ratings where product_id = ${id}`);
    await t.rows(`delete from products where id = ${id}`);
    expect(await tokensOf('product', id)).toEqual([]);
  });

  it('moves the words with the record to another unit, and keeps a person’s name words', async () => {
    const [id] = await addProducts([['3401', 'ไม้กวาดดอกหญ้า']]);
    await t.rows(`update products set org_unit_code = '3415' where id = ${id}`);
    expect(
      (await t.rows(`select distinct org_unit_code from search_tokens where kind = 'product' and record_id = ${id}`)).map(
        (r) => r.org_unit_code,
      ),
    ).toEqual(['3415']);
    const [person] = await t.rows(
      "insert into people (org_unit_code, title, first_name, last_name) values ('3401', 'นาย', 'Somchai', 'ใจดี') returning id",
    );
    expect(await tokensOf('person', person.id)).toEqual(['somchai', 'ใจดี']);
    await t.rows(`update people set last_name = 'มีสุข' where id = ${person.id}`);
    expect(await tokensOf('person', person.id)).toEqual(['somchai', 'มีสุข']);
  });

  it('the migration’s backfill gives existing records exactly the words the triggers give', async () => {
    const kept = await t.rows('select kind, token, record_id, org_unit_code, sort_key from search_tokens order by 1, 2, 3');
    expect(kept.length).toBeGreaterThan(20);
    const folder = new URL('../../../migrations/', import.meta.url);
    const file = readdirSync(folder).find((f) => f.endsWith('_search_tokens.sql'))!;
    const migration = readFileSync(new URL(file, folder), 'utf8');
    const backfill = migration.split('--> statement-breakpoint').filter((s) => s.includes('-- Backfill'));
    expect(backfill).toHaveLength(4);
    await t.rows('delete from search_tokens');
    for (const statement of backfill) await t.rows(statement);
    expect(await t.rows('select kind, token, record_id, org_unit_code, sort_key from search_tokens order by 1, 2, 3')).toEqual(
      kept,
    );
  });
});
