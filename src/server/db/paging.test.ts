import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeInScope } from '#shared/access';
import { searchTextOf } from '#shared/thai/index';
import { createTestContext, type TestContext } from '../test/harness';

// Lists at national scale (decision 025): scope as a code range, keyset pages, capped totals, ranked search.
let t: TestContext;
let admin: string;
let producerId: number;
const get = async (url: string) => {
  const res = await t.as(admin, { method: 'GET', url });
  return { status: res.statusCode, body: res.json() };
};
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const addProducts = (names: string[]) =>
  t.rows(
    `insert into products (org_unit_code, producer_id, name, category, search_text) values ${names
      .map((n) => `('3401', ${producerId}, ${quote(n)}, 'food', ${quote(searchTextOf(n))})`)
      .join(', ')} returning id`,
  );

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.login('demo-admin');
  const [group] = await t.rows(
    "insert into occupational_groups (org_unit_code, name, founded_on, search_text) values ('3401', 'กลุ่มทดสอบหน้า', '2025-01-01', 'กลุ่มทดสอบหน้า') returning id",
  );
  [{ id: producerId }] = await t.rows(
    `insert into producers (org_unit_code, group_id, producer_type, fiscal_year, registration_no, registered_on, community_link, site_in_district, thai_nationality, documents_received)
     values ('3401', ${group.id}, 'community_group', 2569, 'OTOP-PAGING', '2025-11-01', true, true, true, true) returning id`,
  );
});
afterAll(() => t.close());

describe('scope as a code range', () => {
  it('holds exactly the codes that start with the unit code: 34 its districts, 3401 itself, never another province', async () => {
    const codes: string[] = (await t.rows('select code from org_units')).map((r) => r.code);
    const { underUnit } = await import('./filters');
    const { orgUnits } = await import('./schema');
    for (const unit of ['TH', '34', '3401', '3409', '3410', '19', '39', '96', '1019']) {
      const found = await t.database.db.select({ code: orgUnits.code }).from(orgUnits).where(underUnit(orgUnits.code, unit));
      const expected = codes.filter((c) => (unit === 'TH' ? true : codeInScope(unit, c)));
      expect(found.map((r) => r.code).sort(), unit).toEqual(expected.sort());
    }
    const in34 = (await t.database.db.select({ code: orgUnits.code }).from(orgUnits).where(underUnit(orgUnits.code, '34'))).map(
      (r) => r.code,
    );
    expect(in34).toContain('3401');
    expect(in34).toContain('34');
    expect(in34.some((c) => c.startsWith('35') || c === '3' || c === 'TH')).toBe(false);
  });
});

describe('keyset paging', () => {
  it('returns every row exactly once across cursor pages, in Thai order with ties on the name broken by id', async () => {
    // Ties on the name, and เ/แ/โ words that file under their consonant in Thai order.
    const names = Array.from({ length: 45 }, (_, i) => ['เกลือสมุทร', 'ข้าวหอม', 'กล้วยตาก', 'โคมไฟ', 'ไข่เค็ม'][i % 5]);
    await addProducts(names);
    const expected = (
      await t.rows(
        `select id from products where producer_id = ${producerId} and deleted_at is null order by name collate thai, id`,
      )
    ).map((r) => r.id);
    const seen: number[] = [];
    let url = `/api/products?producerId=${producerId}&pageSize=7`;
    for (let guard = 0; guard < 20; guard++) {
      const { status, body } = await get(url);
      expect(status).toBe(200);
      expect(body.total).toBe(45);
      expect(body.totalCapped).toBe(false);
      seen.push(...body.items.map((p: { id: number }) => p.id));
      if (!body.nextCursor) break;
      url = `/api/products?producerId=${producerId}&pageSize=7&cursor=${body.nextCursor}`;
    }
    expect(seen).toEqual(expected);
    // Offset pages agree with cursor pages.
    const third = await get(`/api/products?producerId=${producerId}&pageSize=7&page=3`);
    expect(third.body.items.map((p: { id: number }) => p.id)).toEqual(expected.slice(14, 21));
  });

  it('refuses a malformed cursor, another list’s cursor, and a cursor on a ranked search with 400 paging.bad_cursor', async () => {
    const first = await get(`/api/products?producerId=${producerId}&pageSize=2`);
    const productCursor = first.body.nextCursor as string;
    expect(JSON.parse(Buffer.from(productCursor, 'base64url').toString())).toHaveLength(2);
    for (const url of [
      '/api/products?cursor=not-a-cursor',
      `/api/products?cursor=${Buffer.from('[1,2,3]').toString('base64url')}`,
      `/api/services?cursor=${productCursor}`,
      `/api/certifications?cursor=${productCursor}`,
      `/api/products?q=ข้าว&cursor=${productCursor}`,
    ]) {
      const { status, body } = await get(url);
      expect(status, url).toBe(400);
      expect(body.code, url).toBe('paging.bad_cursor');
    }
  });
});

describe('ranked search', () => {
  it('puts records holding the word as a whole word before those holding it inside a longer word', async () => {
    // "นา" is inside นาฬิกา (one word) in the first, a word of its own in the second; Thai order alone puts กล่อง first.
    const [inside, whole] = await addProducts(['กล่องนาฬิกาไม้', 'ผักจากนา']);
    const { body } = await get(`/api/products?producerId=${producerId}&q=${encodeURIComponent('นา')}`);
    expect(body.items.map((p: { id: number }) => p.id)).toEqual([whole.id, inside.id]);
    expect(body.nextCursor).toBeNull();
  });

  it('answers a one-character query', async () => {
    const { status, body } = await get(`/api/products?producerId=${producerId}&q=${encodeURIComponent('ฬ')}`);
    expect(status).toBe(200);
    expect(body.items.map((p: { name: string }) => p.name)).toEqual(['กล่องนาฬิกาไม้']);
  });
});

describe('capped total', () => {
  it('counts up to 10,000 and says there are more, with a cursor to go on', async () => {
    await t.rows(
      `insert into products (org_unit_code, producer_id, name, category, search_text)
       select '3401', ${producerId}, 'สินค้าจำนวนมาก ' || g, 'food', 'สินค้าจำนวนมาก' from generate_series(1, 10050) g`,
    );
    const { body } = await get(`/api/products?producerId=${producerId}&pageSize=5`);
    expect(body.total).toBe(10_000);
    expect(body.totalCapped).toBe(true);
    expect(body.items).toHaveLength(5);
    const next = await get(`/api/products?producerId=${producerId}&pageSize=5&cursor=${body.nextCursor}`);
    expect(next.body.items[0].id).not.toBe(body.items[0].id);
    const few = await get(`/api/products?producerId=${producerId}&q=${encodeURIComponent('ผักจากนา')}`);
    expect(few.body).toMatchObject({ total: 1, totalCapped: false, nextCursor: null });
  });
});
