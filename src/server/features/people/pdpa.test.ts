import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

let t: TestContext;
let district: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
let province: ReturnType<typeof api>;
let committee: ReturnType<typeof api>;
let admin: ReturnType<typeof api>;
let districtCookie: string;
beforeAll(async () => {
  t = await createTestContext();
  districtCookie = await t.login('demo-district');
  district = api(t, districtCookie);
  district2 = api(t, await t.login('demo-district-2'));
  province = api(t, await t.login('demo-province'));
  committee = api(t, await t.login('demo-committee'));
  admin = api(t, await t.login('demo-admin'));
});
afterAll(() => t.close());

const auditActions = async (id: number) =>
  (await t.rows(`select action from audit_log where entity = 'person' and entity_id = '${id}' order by id`)).map((r) => r.action);

describe('PDPA: subject access, rectification history, erasure, retention', () => {
  it('exports everything held about a person (full citizen ID and phone) to the district and the national admin only, logging each export', async () => {
    const person = await district.person({ citizenId: '1-1017-00203-47-6', phone: '0891234567', houseNo: '12/3', villageNo: 4 });
    await district.wisdom({ holderIds: [person.id] });
    const exported = await district.call('GET', `/api/people/${person.id}/personal-data`);
    expect(exported.status).toBe(200);
    expect(exported.body.person).toMatchObject({
      citizenId: '1101700203476',
      phone: '0891234567',
      houseNo: '12/3',
      villageNo: 4,
    });
    expect(exported.body.wisdom).toHaveLength(1);
    expect(exported.body.history.map((h: any) => h.action)).toContain('create');
    expect(await auditActions(person.id)).toContain('export_personal');
    expect((await admin.call('GET', `/api/people/${person.id}/personal-data`)).status).toBe(200);
    expect((await province.call('GET', `/api/people/${person.id}/personal-data`)).status).toBe(403);
    expect((await committee.call('GET', `/api/people/${person.id}/personal-data`)).status).toBe(403);
    expect((await district2.call('GET', `/api/people/${person.id}/personal-data`)).status).toBe(404);
  });

  it('gives the export as a PDF download', async () => {
    const person = await district.person({ phone: '0891234500' });
    const res = await t.as(districtCookie, { method: 'GET', url: `/api/people/${person.id}/personal-data.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('shows the rectification history: each change with the value before and after', async () => {
    const person = await district.person({ phone: '0811111111' });
    await district.call('PATCH', `/api/people/${person.id}`, {
      version: person.version,
      title: person.title,
      firstName: person.firstName,
      lastName: 'ทองแท้',
      phone: '0822222222',
    });
    const history = await district.call('GET', `/api/people/${person.id}/history`);
    expect(history.status).toBe(200);
    const update = history.body.find((h: any) => h.action === 'update');
    expect(update.changes.lastName).toEqual({ before: 'ทองดี', after: 'ทองแท้' });
    expect(update.changes.phone).toEqual({ before: '0811111111', after: '0822222222' });
    expect((await committee.call('GET', `/api/people/${person.id}/history`)).status).toBe(403);
  });

  it('erases a person with no record under legal retention: anonymised and removed', async () => {
    const person = await district.person({ citizenId: '1101700203484', phone: '0833333333', houseNo: '9' });
    const stale = await district.call('POST', `/api/people/${person.id}/erase`, { version: person.version + 1 });
    expect(stale.status).toBe(409);
    const res = await district.call('POST', `/api/people/${person.id}/erase`, { version: person.version });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ outcome: 'deleted', retainedFor: [] });
    expect((await district.call('GET', `/api/people/${person.id}`)).status).toBe(404);
    const [row] = await t.rows(`select * from people where id = ${person.id}`);
    expect(row).toMatchObject({
      first_name: 'ผู้ถูกลบข้อมูล',
      last_name: `#${person.id}`,
      citizen_id_hash: null,
      citizen_id_encrypted: null,
      citizen_id_last4: null,
      phone: null,
      house_no: null,
    });
    expect(row.deleted_at).not.toBeNull();
    expect(await auditActions(person.id)).toContain('erase');
    // The same citizen ID may be registered again (the erased record holds it no more).
    expect(
      (
        await district.call('POST', '/api/people', {
          orgUnitCode: '3401',
          title: 'นาย',
          firstName: 'ใหม่',
          lastName: 'อีกครั้ง',
          citizenId: '1101700203484',
        })
      ).status,
    ).toBe(201);
  });

  it('anonymises but keeps a person an OTOP registration needs (legal retention), and refuses a second erasure', async () => {
    const person = await district.person({ citizenId: '1101700203492', phone: '0844444444' });
    const registration = await district.producer(undefined as any, { personId: person.id, producerType: 'sole_proprietor' });
    // Registering tagged the person an entrepreneur: erase at the version read now.
    const { version } = (await district.call('GET', `/api/people/${person.id}`)).body;
    expect((await province.call('POST', `/api/people/${person.id}/erase`, { version })).status).toBe(403);
    const res = await district.call('POST', `/api/people/${person.id}/erase`, { version });
    expect(res.body).toEqual({ outcome: 'anonymised', retainedFor: ['otop_registration'] });
    const kept = await district.call('GET', `/api/people/${person.id}`);
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({
      title: '',
      firstName: 'ผู้ถูกลบข้อมูล',
      lastName: `#${person.id}`,
      citizenIdMasked: null,
      phone: null,
    });
    expect((await district.call('GET', `/api/producers/${registration.id}`)).body.personId).toBe(person.id);
    const again = await district.call('POST', `/api/people/${person.id}/erase`, { version: kept.body.version });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('person.already_erased');
  });

  it('lists retention per record type with defaults, changed only by the national admin (audited)', async () => {
    const list = await province.call('GET', '/api/pdpa/retention');
    expect(list.status).toBe(200);
    expect(list.body.find((r: any) => r.recordType === 'money')).toMatchObject({ retainYears: 10, isDefault: true });
    expect((await province.call('PUT', '/api/pdpa/retention/person', { retainYears: 3 })).status).toBe(403);
    const changed = await admin.call('PUT', '/api/pdpa/retention/person', { retainYears: 3 });
    expect(changed.status).toBe(200);
    expect(changed.body.find((r: any) => r.recordType === 'person')).toMatchObject({ retainYears: 3, isDefault: false });
    expect(
      (await admin.call('PUT', '/api/pdpa/retention/person', { retainYears: 4 })).body.find((r: any) => r.recordType === 'person')
        .retainYears,
    ).toBe(4);
    expect((await t.rows(`select count(*)::int as n from audit_log where entity = 'retention'`))[0].n).toBe(2);
    expect((await committee.call('GET', '/api/pdpa/retention')).status).toBe(403);
  });
});
