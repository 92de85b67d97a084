import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { openTestDatabase } from '../../test/harness';
import { loadPlaceIndex, matchPlace, matchPlaces, type PlaceIndex } from './places';
import { SEED_ALLOCATION_ROWS, SEED_ALLOCATION_TOTAL } from './seed-allocation';

let database: Database;
let ubon: PlaceIndex;
let nation: PlaceIndex;

beforeAll(async () => {
  database = await openTestDatabase();
  ubon = await loadPlaceIndex(database.db, '34');
  nation = await loadPlaceIndex(database.db, 'TH');
});
afterAll(() => database.close());

const top = (text: string, index = ubon) => {
  const match = matchPlace(index, text);
  return { status: match.status, code: match.code, first: match.suggestions[0]?.name };
};

describe('loadPlaceIndex', () => {
  it('holds the province and district rows under the scope', () => {
    expect(ubon.units.map((u) => u.code)).toContain('34');
    expect(ubon.units.filter((u) => u.level === 'district')).toHaveLength(25);
    expect(ubon.units.every((u) => u.code.startsWith('34'))).toBe(true);
    expect(ubon.provinceCode).toBe('34');
    expect(nation.units.filter((u) => u.level === 'province')).toHaveLength(77);
    expect(nation.units.some((u) => u.code === 'TH')).toBe(false);
  });

  it('holds a district scope alone', async () => {
    const district = await loadPlaceIndex(database.db, '3401');
    expect(district.units.map((u) => u.code)).toEqual(['3401']);
    expect(matchPlace(district, 'อ.เมือง')).toMatchObject({ status: 'exact', code: '3401' });
  });
});

describe('the seed allocation table against Ubon Ratchathani', () => {
  const names = [...SEED_ALLOCATION_ROWS, SEED_ALLOCATION_TOTAL].map(([name]) => name);

  it('matches 23 districts and the province office exactly and suggests บุณฑริก and ตาลสุม first', () => {
    const matches = matchPlaces(ubon, names);
    const byName = (name: string) => matches[names.indexOf(name)];
    expect(byName('สพจ.อุบลราชธานี')).toMatchObject({ status: 'exact', code: '34', name: 'อุบลราชธานี' });
    const exactDistricts = matches.filter((m) => m.status === 'exact' && m.code?.length === 4);
    expect(exactDistricts).toHaveLength(23);
    expect(new Set(exactDistricts.map((m) => m.code)).size).toBe(23);
    expect(byName('บุญศรี').status).toBe('suggested');
    expect(byName('บุญศรี').code).toBeUndefined();
    expect(byName('บุญศรี').suggestions[0]).toMatchObject({ code: '3410', name: 'บุณฑริก' });
    expect(byName('ตาลชุม').status).toBe('suggested');
    expect(byName('ตาลชุม').suggestions[0]).toMatchObject({ code: '3420', name: 'ตาลสุม' });
    expect(byName('รวม')).toEqual({ status: 'unknown', suggestions: [] });
  });

  it('raises the suggestion for the district no other row named above the name alone', () => {
    const alone = matchPlace(ubon, 'บุญศรี').suggestions.find((s) => s.code === '3410')?.score ?? 0;
    const inColumn = matchPlaces(ubon, names)[names.indexOf('บุญศรี')].suggestions[0].score;
    expect(inColumn).toBeGreaterThan(alone);
    expect(inColumn).toBeLessThan(1);
  });

  it('gives the left-over district to the row most like it when two rows are left', () => {
    const rest = names.filter((name) => name !== 'บุญศรี' && name !== 'ตาลชุม');
    const matches = matchPlaces(ubon, [...rest, 'ตาลชุม', 'บุญศรี']);
    expect(matches.at(-2)?.suggestions[0].name).toBe('ตาลสุม');
    expect(matches.at(-1)?.suggestions[0].name).toBe('บุณฑริก');
  });
});

describe('matchPlace', () => {
  it.each([
    ['อ.เมือง', '3401'],
    ['เมือง', '3401'],
    ['อำเภอเมือง', '3401'],
    ['Mueang', '3401'],
    ['Warin Chamrap', '3415'],
    ['warin chamrap district', '3415'],
    ['Amphoe Phibun Mangsahan', '3419'],
    ['พิบูลมังสาหาร', '3419'],
    ['พิบลมงสาหาร', '3419'],
    ['โพธไทร', '3419'.replace('3419', '3421')],
    ['โพธิ์ไทร์', '3421'],
    ['อ. วารินชำราบ', '3415'],
    ['อำเภอ วาริน ชำราบ', '3415'],
    ['กิ่งอ.นาเยีย', '3429'],
    ['สิรินทร', '3425'],
    ['นาจะหรวย', '3408'],
    ['จ.อุบลราชธานี', '34'],
    ['จังหวัดอุบลราชธานี', '34'],
    ['สนง.พช.จ.อุบลราชธานี', '34'],
    ['Ubon Ratchathani', '34'],
    ['น้ํายืน', '3409'],
  ])('matches %s exactly to %s', (text, code) => {
    expect(top(text)).toMatchObject({ status: 'exact', code });
  });

  it('matches a district named in a sentence with its province anywhere in the nation', () => {
    expect(top('อ.เมือง จ.อุบลราชธานี', nation)).toMatchObject({ status: 'exact', code: '3401' });
    expect(matchPlace(nation, 'อ.เมือง', { provinceCode: '50' })).toMatchObject({ status: 'exact', code: '5001' });
  });

  it('suggests, never matches, a name typed with other letters', () => {
    expect(top('บุญศรี')).toMatchObject({ status: 'suggested', code: undefined, first: 'บุณฑริก' });
    expect(top('ตาลชุม')).toMatchObject({ status: 'suggested', first: 'ตาลสุม' });
    expect(top('เมืองอุบล')).toMatchObject({ status: 'suggested', first: 'เมืองอุบลราชธานี' });
    expect(top('อุบลฯ')).toMatchObject({ status: 'suggested', first: 'อุบลราชธานี' });
    expect(top('Warin Chamrab')).toMatchObject({ status: 'suggested', first: 'วารินชำราบ' });
  });

  it('finds no suggestion inside the scope for a place of another province', () => {
    expect(matchPlace(ubon, 'เมืองเชียงใหม่')).toEqual({ status: 'unknown', suggestions: [] });
    expect(matchPlace(ubon, 'อ.เชียงดาว')).toEqual({ status: 'unknown', suggestions: [] });
    expect(matchPlaces(ubon, ['เขมราฐ', 'เมืองเชียงใหม่'])[1]).toEqual({ status: 'unknown', suggestions: [] });
  });

  it('is never exact when the name is ambiguous in the nation', () => {
    const match = matchPlace(nation, 'จอมทอง');
    expect(match.status).toBe('suggested');
    expect(match.suggestions.map((s) => s.code).sort()).toEqual(['1035', '5002']);
    expect(matchPlace(nation, 'อ.เมือง')).toEqual({ status: 'unknown', suggestions: [] });
    expect(matchPlace(nation, 'จอมทอง', { provinceCode: '50' })).toMatchObject({ status: 'exact', code: '5002' });
  });

  it('finds the province from the other rows of a column at national scope', () => {
    const matches = matchPlaces(nation, ['เขมราฐ', 'เขื่องใน', 'อ.เมือง', 'บุญศรี']);
    expect(matches[2]).toMatchObject({ status: 'exact', code: '3401' });
    expect(matches[3].suggestions[0]).toMatchObject({ code: '3410' });
  });

  it('calls empty text unknown', () => {
    expect(matchPlace(ubon, '  ')).toEqual({ status: 'unknown', suggestions: [] });
  });
});

describe('elimination', () => {
  const ubonDistricts = () => ubon.units.filter((u) => u.level === 'district').map((u) => u.name);

  it('pairs the one district left with the one row left when they are alike enough', () => {
    const names = ubonDistricts().map((name) => (name === 'เขมราฐ' ? 'เขมรา' : name));
    const matches = matchPlaces(ubon, names);
    expect(matches[names.indexOf('เขมรา')]).toMatchObject({ status: 'suggested', suggestions: [{ code: '3405' }] });
  });

  it('does not pair a name of another province with the district left', () => {
    const names = ubonDistricts().map((name) => (name === 'เขมราฐ' ? 'เมืองเชียงใหม่' : name));
    const matches = matchPlaces(ubon, names);
    expect(matches[names.indexOf('เมืองเชียงใหม่')]).toEqual({ status: 'unknown', suggestions: [] });
  });
});

describe('matchPlaces on a long column', () => {
  it('gives every row of the same name the same match, and elimination still works with repeats', () => {
    const names = [...SEED_ALLOCATION_ROWS.map(([name]) => name), 'บุญศรี', ' เขมราฐ ', 'ตาลชุม'];
    const matches = matchPlaces(ubon, names);
    expect(matches).toHaveLength(names.length);
    expect(matches.at(-2)).toMatchObject({ status: 'exact', code: '3405' });
    expect(matches.at(-3)?.suggestions[0].code).toBe('3410');
    expect(matches.at(-1)?.suggestions[0].code).toBe('3420');
  });
});
