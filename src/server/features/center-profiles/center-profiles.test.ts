import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

let t: TestContext;
let district: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
let province: ReturnType<typeof api>;
beforeAll(async () => {
  t = await createTestContext();
  district = api(t, await t.login('demo-district'));
  district2 = api(t, await t.login('demo-district-2'));
  province = api(t, await t.login('demo-province'));
});
afterAll(() => t.close());

const profile = {
  officeAddress: 'ที่ว่าการอำเภอเมืองอุบลราชธานี ถนนอุปราช ตำบลในเมือง',
  serviceArea: 'ห้องศูนย์บริการ ชั้น 1 สำนักงานพัฒนาชุมชนอำเภอ',
  openingHours: 'จันทร์–ศุกร์ 08.30–16.30 น.',
  phone: '045-244 123',
  email: 'cdd3401@example.go.th',
  staffOnDuty: 'นายสมชาย ใจดี',
  learningMedia: 'ป้ายนิทรรศการ ตัวอย่างผลิตภัณฑ์ OTOP',
  latitude: '15.2287',
  longitude: '104.8564',
};

describe('the center profile', () => {
  it('is missing until the district records it, then changes at the version read', async () => {
    const missing = await district.call('GET', '/api/center-profiles/3401');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('center_profile.not_found');
    const made = await district.call('PUT', '/api/center-profiles/3401', { version: 0, ...profile });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    expect(made.body).toMatchObject({ orgUnitCode: '3401', latitude: '15.2287', version: 1 });
    expect((await district.call('PUT', '/api/center-profiles/3401', { version: 0, ...profile })).body.code).toBe(
      'center_profile.exists',
    );
    const changed = await district.call('PUT', '/api/center-profiles/3401', { ...profile, version: 1, phone: '045-000 000' });
    expect(changed.body.phone).toBe('045-000 000');
    expect((await district.call('PUT', '/api/center-profiles/3401', { ...profile, version: 1 })).status).toBe(409);
    expect((await province.call('GET', '/api/center-profiles/3401')).body.phone).toBe('045-000 000');
  });

  it('refuses coordinates out of range, one without the other, and no address', async () => {
    for (const bad of [
      { latitude: '91', longitude: '104' },
      { latitude: '15', longitude: '181' },
      { latitude: '15.1' },
      { officeAddress: '' },
    ]) {
      const res = await district2.call('PUT', '/api/center-profiles/3415', {
        version: 0,
        ...profile,
        latitude: undefined,
        longitude: undefined,
        ...bad,
      });
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
  });

  it('is invisible to another district and written by its own district only', async () => {
    expect((await district2.call('GET', '/api/center-profiles/3401')).status).toBe(404);
    expect((await district2.call('PUT', '/api/center-profiles/3401', { version: 2, ...profile })).status).toBe(403);
    expect((await province.call('PUT', '/api/center-profiles/3401', { version: 2, ...profile })).status).toBe(403);
  });
});
