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

describe('people', () => {
  it('refuses an invalid citizen ID in Thai and English, saving nothing', async () => {
    const before = (await district.call('GET', '/api/people')).body.total;
    const res = await district.call('POST', '/api/people', {
      orgUnitCode: '3401',
      title: 'นาย',
      firstName: 'ทดสอบ',
      lastName: 'เลขผิด',
      citizenId: '1234567890122',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ path: 'body/citizenId' });
    expect(res.body.errors[0].th).toBe('เลขประจำตัวประชาชนไม่ถูกต้อง (ต้องมี 13 หลักและเลขตรวจสอบถูกต้อง)');
    expect((await district.call('GET', '/api/people')).body.total).toBe(before);
  });

  it('stores the citizen ID protected, shows it masked, and logs every full read', async () => {
    const person = await district.person({ citizenId: '1-2345-67890-12-1' });
    expect(person.citizenIdMasked).toBe('x-xxxx-xxxx0-12-1');
    const [row] = await t.rows(`select citizen_id_encrypted, citizen_id_hash from people where id = ${person.id}`);
    expect(JSON.stringify(row)).not.toContain('1234567890121');
    const full = await district.call('GET', `/api/people/${person.id}/citizen-id`);
    expect(full.body.citizenId).toBe('1234567890121');
    expect((await province.call('GET', `/api/people/${person.id}/citizen-id`)).status).toBe(403);
    const audit = await district.call('GET', `/api/audit?entity=person&entityId=${person.id}`);
    expect(audit.body.items.map((e: any) => e.action)).toContain('read_personal');
    expect(JSON.stringify(audit.body.items)).not.toContain('1234567890121');
  });

  it('refuses a second record with the same citizen ID in the district', async () => {
    await district.person({ citizenId: '3100100234562' });
    const res = await district.call('POST', '/api/people', {
      orgUnitCode: '3401',
      title: 'นาย',
      firstName: 'อื่น',
      lastName: 'คน',
      citizenId: '3100100234562',
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('person.duplicate_citizen_id');
  });

  it('warns of a namesake in the same subdistrict and saves when confirmed', async () => {
    await district.person({ firstName: 'บุญมา', lastName: 'ศรีสุข', subdistrict: 'ขามใหญ่' });
    const warned = await district.call('POST', '/api/people', {
      orgUnitCode: '3401',
      title: 'นาย',
      firstName: 'บุญมา',
      lastName: 'ศรีสุข',
      subdistrict: 'ขามใหญ่',
    });
    expect(warned.status).toBe(409);
    expect(warned.body.code).toBe('person.possible_duplicate');
    expect(warned.body.th).toContain('บุญมา ศรีสุข');
    const confirmed = await district.call('POST', '/api/people', {
      orgUnitCode: '3401',
      title: 'นาย',
      firstName: 'บุญมา',
      lastName: 'ศรีสุข',
      subdistrict: 'ขามใหญ่',
      acknowledgeDuplicates: true,
    });
    expect(confirmed.status).toBe(201);
  });

  it('merges a duplicate into the kept record, moving wisdom and group links and registrations', async () => {
    const kept = await district.person();
    const dup = await district.person({ roles: ['wisdom_holder'] });
    const wisdom = await district.wisdom({ holderIds: [dup.id] });
    const group = await district.group({ members: [{ personId: dup.id, role: 'chair' }] });
    const registration = await district.producer(undefined as any, { personId: dup.id, producerType: 'sole_proprietor' });
    const merged = await district.call('POST', `/api/people/${dup.id}/merge`, { keepId: kept.id });
    expect(merged.status).toBe(200);
    expect(merged.body.roles).toEqual(expect.arrayContaining(['wisdom_holder', 'group_member']));
    expect((await district.call('GET', `/api/wisdom/${wisdom.id}`)).body.holders.map((h: any) => h.id)).toEqual([kept.id]);
    expect((await district.call('GET', `/api/groups/${group.id}`)).body.members.map((m: any) => m.personId)).toEqual([kept.id]);
    expect((await district.call('GET', `/api/people/${dup.id}`)).status).toBe(404);
    const moved = (await district.call('GET', `/api/producers/${registration.id}`)).body;
    expect(moved).toMatchObject({ personId: kept.id, version: registration.version + 1 });
    const [entry] = await t.rows(
      `select action, changes from audit_log where entity = 'producer' and entity_id = '${registration.id}' and action = 'merge'`,
    );
    expect(entry.changes.personId).toEqual({ before: dup.id, after: kept.id });
  });

  it('keeps people of a district invisible and untouchable to another district', async () => {
    const person = await district.person();
    expect((await district2.call('GET', `/api/people/${person.id}`)).status).toBe(404);
    expect(
      (await district2.call('PATCH', `/api/people/${person.id}`, { version: 1, title: 'นาง', firstName: 'แก้', lastName: 'ไม่ได้' }))
        .status,
    ).toBe(404);
    expect(
      (await district2.call('POST', '/api/people', { orgUnitCode: '3401', title: 'นาง', firstName: 'แอบ', lastName: 'สร้าง' }))
        .status,
    ).toBe(403);
    expect((await district2.call('GET', '/api/people')).body.items.every((p: any) => p.orgUnitCode === '3415')).toBe(true);
    expect((await province.call('GET', `/api/people/${person.id}`)).status).toBe(200);
    expect(
      (await province.call('POST', '/api/people', { orgUnitCode: '3401', title: 'นาง', firstName: 'จังหวัด', lastName: 'สร้าง' }))
        .status,
    ).toBe(403);
  });

  it('refuses a stale edit with 409', async () => {
    const person = await district.person();
    const edit = { title: 'นาง', firstName: 'ใหม่', lastName: 'ล่าสุด' };
    expect((await district.call('PATCH', `/api/people/${person.id}`, { version: 1, ...edit })).status).toBe(200);
    const stale = await district.call('PATCH', `/api/people/${person.id}`, { version: 1, ...edit, firstName: 'เก่า' });
    expect(stale.status).toBe(409);
    expect((await district.call('GET', `/api/people/${person.id}`)).body.firstName).toBe('ใหม่');
  });
});
