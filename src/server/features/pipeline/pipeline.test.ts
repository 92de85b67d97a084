import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearOf } from '#shared/thai/index';
import { thaiToday } from '../../clock';
import { api } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

let t: TestContext;
let district: ReturnType<typeof api>;
let province: ReturnType<typeof api>;
const stageCount = (body: any, stage: string) => body.stages.find((s: any) => s.stage === stage);

beforeAll(async () => {
  t = await createTestContext();
  district = api(t, await t.login('demo-district'));
  province = api(t, await t.login('demo-province'));
  // 3401: two wisdom items, two groups; one registered and certified, the other trained on marketing without
  // registering (community markets and village funds don't ask for an OTOP registration).
  await district.wisdom();
  await district.wisdom();
  const trained = await district.group({ foundedOn: thaiToday() });
  const certified = await district.group();
  const producer = await district.producer(certified.id);
  await district.certification({ producerId: producer.id });
  const me = (await district.call('GET', '/api/auth/me')).body.user;
  const service = await district.call('POST', '/api/services', {
    orgUnitCode: '3401',
    serviceDate: thaiToday(),
    mode: 'center',
    groupIds: [trained.id],
    personIds: [],
    typeCodes: ['topic_marketing'],
    description: 'อบรมการตลาดออนไลน์',
    staffIds: [me.id],
    partnerIds: [],
    durationMinutes: 60,
    outcome: '',
  });
  expect(service.status, JSON.stringify(service.body)).toBe(201);
  // 3415: one group only.
  await api(t, await t.login('demo-district-2')).group({ orgUnitCode: '3415' });
});
afterAll(() => t.close());

describe('pipeline counts', () => {
  it('counts a district’s funnel by the evidence of each stage, not cumulatively', async () => {
    const { status, body } = await district.call('GET', '/api/pipeline');
    expect(status).toBe(200);
    expect(body.unit).toBe('3401');
    expect(body.fiscalYear).toBe(fiscalYearOf(thaiToday()).fiscalYear);
    expect(stageCount(body, 'wisdom_surveyed').count).toBe(2);
    expect(stageCount(body, 'group_formed').count).toBe(2);
    expect(stageCount(body, 'otop_registered').count).toBe(1);
    expect(stageCount(body, 'needs_analysed').count).toBe(0);
    expect(stageCount(body, 'strengthened').count).toBe(2); // the certificate, and the training without registration
    expect(stageCount(body, 'market_access').count).toBe(0);
    expect(body.conversions.find((c: any) => c.from === 'group_formed')).toEqual({
      from: 'group_formed',
      to: 'otop_registered',
      rate: 0.5,
    });
    // Of the two strengthened groups, one is registered: 'otop_registered → needs_analysed' has nobody to convert.
    expect(body.conversions.find((c: any) => c.from === 'otop_registered').rate).toBe(0);
    expect(body.conversions.find((c: any) => c.from === 'strengthened').rate).toBe(0);
    expect(body.conversions.find((c: any) => c.from === 'market_access').rate).toBeNull(); // nothing to convert from
    expect(body.breakdown).toEqual([]);
  });

  it('counts moves into a stage within the fiscal year only', async () => {
    const thisYear = (await district.call('GET', '/api/pipeline')).body;
    expect(stageCount(thisYear, 'otop_registered').movedInPeriod).toBe(1);
    expect(stageCount(thisYear, 'group_formed').movedInPeriod).toBe(1); // the other group was founded 2025-12-01
    const longAgo = (await district.call('GET', '/api/pipeline?fiscalYear=2563')).body;
    expect(longAgo.stages.every((s: any) => s.movedInPeriod === 0)).toBe(true);
  });

  it('gives a province its districts, and the nation its provinces', async () => {
    const { body } = await province.call('GET', '/api/pipeline?unit=34');
    expect(stageCount(body, 'group_formed').count).toBe(3);
    expect(body.breakdown).toHaveLength(25);
    expect(body.breakdown.find((b: any) => b.code === '3401').counts.strengthened).toBe(2);
    expect(body.breakdown.find((b: any) => b.code === '3415').counts.group_formed).toBe(1);
    const nation = (await api(t, await t.login('demo-admin')).call('GET', '/api/pipeline?unit=TH')).body;
    expect(nation.breakdown).toHaveLength(76);
    expect(nation.breakdown.find((b: any) => b.code === '34').counts.group_formed).toBe(3);
  });

  it('refuses a pipeline outside the scope', async () => {
    const res = await district.call('GET', '/api/pipeline?unit=3415');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('access.out_of_scope');
  });

  it('drills down from a stage to its groups', async () => {
    const { body } = await province.call('GET', '/api/groups?unit=34&stage=strengthened');
    expect(body.total).toBe(2);
    expect(body.items[0].orgUnitCode).toBe('3401');
  });
});
