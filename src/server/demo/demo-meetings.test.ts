/**
 * The demo's meetings and posts, seeded on committees inserted by SQL (the committees' own demo is another feature's
 * and runs before this one when the demo loads).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, fiscalRange, fiscalYearOf } from '#shared/thai/index';
import { thaiToday } from '../clock';
import { insertCommittee } from '../features/meetings/committee-fixture';
import { createTestContext, type TestContext } from '../test/harness';
import { seedDemoMeetings } from './demo-meetings';

let t: TestContext;
const cookie: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestContext();
  const rows = (query: string) => t.rows(query);
  const termStart = fiscalRange(fiscalYearOf(thaiToday()).fiscalYear - 2).start;
  for (const unit of ['3401', '3415', '3402'])
    await insertCommittee(rows, unit, { termStart, termEnd: addDays(thaiToday(), 900) });
  await t.database.db.transaction((tx) => seedDemoMeetings(tx as any));
  for (const name of ['demo-district', 'demo-province']) cookie[name] = await t.login(name);
}, 600_000);
afterAll(() => t.close());

const get = async (who: string, url: string) => (await t.as(cookie[who], { method: 'GET', url })).json();

describe('demo meetings and posts', () => {
  it('gives 3401 a held meeting every quarter with full minutes, and its next meeting planned', async () => {
    const { items } = await get('demo-district', '/api/meetings?unit=3401&pageSize=200');
    const held = items.filter((m: any) => m.status === 'held');
    const quarters = new Set(held.map((m: any) => `${m.fiscalYear}/${m.quarter}`));
    expect(quarters.size).toBe(held.length);
    expect(held.length).toBeGreaterThanOrEqual(4);
    expect(held.every((m: any) => m.quorate)).toBe(true);
    expect(items.filter((m: any) => m.status === 'planned' && m.heldOn > thaiToday())).toHaveLength(1);
    const detail = await get('demo-district', `/api/meetings/${held[0].id}`);
    expect(detail.agenda.filter((a: any) => a.minutes)).toHaveLength(4);
    expect(detail.resolutions).toHaveLength(3);
  });

  it('has resolutions in several follow-up states, and only where a committee sits', async () => {
    const { items } = await get('demo-province', '/api/resolutions?pageSize=200');
    expect(new Set(items.map((r: any) => r.status))).toEqual(new Set(['open', 'in_progress', 'done', 'dropped']));
    const units = (await t.rows('select distinct org_unit_code from meetings order by 1')).map((r) => r.org_unit_code);
    expect(units).toEqual(['3401', '3402', '3415']);
  });

  it('leaves gaps: another district misses quarters, and a meeting without quorum passes nothing', async () => {
    const { items } = await get('demo-province', '/api/meetings?unit=3402&pageSize=200');
    const own = (await get('demo-province', '/api/meetings?unit=3401&status=held&pageSize=200')).items;
    expect(items.length).toBeLessThan(own.length);
  });

  it('publishes posts most months for 3401, some public with a photo, and keeps a draft', async () => {
    const { items } = await get('demo-district', '/api/posts?unit=3401&pageSize=200');
    expect(items.filter((p: any) => p.publishedOn).length).toBeGreaterThanOrEqual(6);
    expect(items.filter((p: any) => p.isPublic && p.photos.length).length).toBeGreaterThanOrEqual(3);
    expect(items.filter((p: any) => !p.publishedOn)).toHaveLength(1);
    expect(items.every((p: any) => !p.publishedOn || p.publishedOn <= thaiToday())).toBe(true);
  });
});
