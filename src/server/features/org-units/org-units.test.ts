import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness';

let t: TestContext;
let cookie: string;
beforeAll(async () => {
  t = await createTestContext();
  cookie = await t.login('demo-district');
});
afterAll(() => t.close());

const get = async (url: string) => {
  const res = await t.as(cookie, { method: 'GET', url });
  return { status: res.statusCode, body: res.json() };
};

describe('org units: the official hierarchy', () => {
  it('has 77 provinces of which 76 are covered (Bangkok is reference only)', async () => {
    const all = await get('/api/org-units?level=province');
    expect(all.body.total).toBe(77);
    const covered = await get('/api/org-units?level=province&covered=true');
    expect(covered.body.total).toBe(76);
    expect(covered.body.items.map((u: any) => u.code)).not.toContain('10');
  });

  it('has 928 districts of which 878 are covered (Bangkok khet are not)', async () => {
    expect((await get('/api/org-units?level=district')).body.total).toBe(928);
    expect((await get('/api/org-units?level=district&covered=true')).body.total).toBe(878);
    const khet = await get('/api/org-units?parent=10');
    expect(khet.body.total).toBe(50);
    expect(khet.body.items.every((u: any) => u.covered === false)).toBe(true);
  });

  it('lists the 25 Ubon Ratchathani districts with the official spellings', async () => {
    const { body } = await get('/api/org-units?parent=34');
    expect(body.total).toBe(25);
    const names = body.items.map((u: any) => u.nameTh);
    expect(names).toContain('บุณฑริก');
    expect(names).toContain('ตาลสุม');
    expect(names).not.toContain('บุญศรี');
    expect(body.items.find((u: any) => u.code === '3401')).toMatchObject({
      nameTh: 'เมืองอุบลราชธานี',
      nameEn: 'Mueang Ubon Ratchathani',
      level: 'district',
    });
    expect(body.items.every((u: any) => /^34\d{2}$/.test(u.code) && u.parentCode === '34')).toBe(true);
  });

  it('gives every unit a unique DOPA code of the right length', async () => {
    const { body } = await get('/api/org-units');
    const codes = body.items.map((u: any) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(body.total).toBe(1 + 77 + 928);
    for (const u of body.items) {
      if (u.level === 'province') expect(u.code).toMatch(/^\d{2}$/);
      if (u.level === 'district') expect(u.code.slice(0, 2)).toBe(u.parentCode);
    }
  });

  it('finds units by a Thai or an English part of the name', async () => {
    expect((await get(`/api/org-units?q=${encodeURIComponent('วาริน')}`)).body.items.map((u: any) => u.code)).toEqual(['3415']);
    expect((await get('/api/org-units?q=warin')).body.items.map((u: any) => u.code)).toEqual(['3415']);
    expect((await get('/api/org-units?q=%25')).body.total).toBe(0);
  });

  it('sorts Thai names in Thai dictionary order, not by code point', async () => {
    const { body } = await get('/api/org-units?parent=34&sort=name');
    const names: string[] = body.items.map((u: any) => u.nameTh);
    expect(names).toEqual([...names].sort(new Intl.Collator('th').compare));
    // Code-point order would put every name with a leading vowel (เ, โ) after all consonants.
    expect(names.indexOf('เขมราฐ')).toBeLessThan(names.indexOf('ดอนมดแดง'));
    expect(names[0]).toBe('กุดข้าวปุ้น');
  });

  it('shows a district with its ancestors, parent and center', async () => {
    const { status, body } = await get('/api/org-units/3401');
    expect(status).toBe(200);
    expect(body.ancestors.map((u: any) => u.code)).toEqual(['TH', '34']);
    expect(body.parent.code).toBe('34');
    expect(body.center.nameTh).toBe('ศูนย์บริการส่งเสริมเศรษฐกิจฐานรากอำเภอเมืองอุบลราชธานี');
    const province = await get('/api/org-units/34');
    expect(province.body.children).toHaveLength(25);
    expect(province.body.center).toBeNull();
  });

  it('has exactly one center per covered district', async () => {
    const [{ n }] = await t.rows('select count(*)::int as n from centers');
    expect(n).toBe(878);
  });

  it('answers an unknown code with a Thai and English 404', async () => {
    const { status, body } = await get('/api/org-units/9999');
    expect(status).toBe(404);
    expect(body).toMatchObject({ code: 'org_unit.not_found', th: 'ไม่พบหน่วยงานรหัส 9999' });
  });
});
