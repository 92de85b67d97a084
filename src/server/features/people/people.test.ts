import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, daysFromToday, expectPartialPatch } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

const onPostgres = inject('testDatabase').kind === 'postgresql';

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
    const first = await district.person({ citizenId: '3100100234562' });
    const res = await district.call('POST', '/api/people', {
      orgUnitCode: '3401',
      title: 'นาย',
      firstName: 'อื่น',
      lastName: 'คน',
      citizenId: '3100100234562',
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('person.duplicate_citizen_id');
    // The person who has it, by name: people don't know records by database number.
    expect(res.body.th).toBe(
      `เลขประจำตัวประชาชนนี้มีในอำเภอแล้ว เป็นของ ${first.title}${first.firstName} ${first.lastName} กรุณาใช้ข้อมูลเดิมหรือรวมข้อมูล`,
    );
  });

  it('warns of a namesake in the same subdistrict and saves when confirmed', async () => {
    const namesake = await district.person({ firstName: 'บุญมา', lastName: 'ศรีสุข', subdistrict: 'ขามใหญ่' });
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
    expect(warned.body.th).not.toContain(`#${namesake.id}`);
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

  it("moves a merged duplicate's attendance and requests: the kept person attended where either did, listed once", async () => {
    const kept = await district.person();
    const dup = await district.person();
    const asked = await district.call('POST', '/api/requests', {
      orgUnitCode: '3401',
      channel: 'phone',
      receivedOn: daysFromToday(-1),
      personId: dup.id,
      subjectCode: 'advice',
      description: 'สอบถามการรวมกลุ่มทำขนม',
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const training = (people: object[]) =>
      district.call('POST', '/api/activities', {
        orgUnitCode: '3401',
        kind: 'training',
        topicCode: 'topic_basic_business',
        title: 'อบรมการทำบัญชีครัวเรือนและต้นทุนการผลิต',
        startsOn: daysFromToday(-2),
        endsOn: daysFromToday(-2),
        place: 'ศาลากลางบ้าน',
        people,
      });
    const both = await training([
      { personId: kept.id, attended: false },
      { personId: dup.id, attended: true },
    ]);
    const dupOnly = await training([{ personId: dup.id, attended: false }]);
    expect([both.status, dupOnly.status], JSON.stringify(both.body)).toEqual([201, 201]);
    expect((await district.call('POST', `/api/people/${dup.id}/merge`, { keepId: kept.id })).status).toBe(200);
    const attendance = async (activityId: number) =>
      (await district.call('GET', `/api/activities/${activityId}`)).body.people.map((p: any) => [p.id, p.attended]);
    expect(await attendance(both.body.id)).toEqual([[kept.id, true]]);
    expect(await attendance(dupOnly.body.id)).toEqual([[kept.id, false]]);
    const [{ n }] = await t.rows(
      `select (select count(*) from service_requests where person_id = ${dup.id}) + (select count(*) from referrals where person_id = ${dup.id}) as n`,
    );
    expect(Number(n)).toBe(0);
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

  it('takes a phone number as officers write it, with dashes, spaces or Thai digits, and keeps its digits', async () => {
    for (const written of ['081-234-5678', '081 234 5678', '๐๘๑๒๓๔๕๖๗๘', '045.123.456']) {
      const person = await district.person({ phone: written });
      const [row] = await t.rows(`select phone from people where id = ${person.id}`);
      expect(row.phone, written).toBe(written === '045.123.456' ? '045123456' : '0812345678');
    }
    const wrong = await district.call('POST', '/api/people', {
      orgUnitCode: '3401',
      title: 'นาง',
      firstName: 'ก',
      lastName: 'ข',
      phone: '81-234-5678',
    });
    expect(wrong.body.errors).toEqual([
      expect.objectContaining({ path: 'body/phone', th: 'หมายเลขโทรศัพท์ต้องมี 9–10 หลักและขึ้นต้นด้วย 0' }),
    ]);
  });

  it('changes only the fields a PATCH sends: the citizen ID kept unless sent, null clears the phone or the ID', async () => {
    const person = await district.person({ citizenId: '1101700203506', phone: '0812345678', houseNo: '12/3', villageNo: 4 });
    const url = `/api/people/${person.id}`;
    const storedId = async () =>
      (await t.rows(`select citizen_id_hash, citizen_id_last4 from people where id = ${person.id}`))[0];
    const before = await storedId();
    await expectPartialPatch(district, url, { firstName: 'มาลัย' });
    expect(await storedId()).toEqual(before);
    expect((await district.call('GET', `${url}/citizen-id`)).body.citizenId).toBe('1101700203506');
    await expectPartialPatch(district, url, { phone: null });
    const version = async () => (await district.call('GET', url)).body.version;
    const replaced = await district.call('PATCH', url, { version: await version(), citizenId: '3-1001-00234-57-1' });
    expect(replaced.body).toMatchObject({ citizenIdMasked: 'x-xxxx-xxxx4-57-1', firstName: 'มาลัย', houseNo: '12/3' });
    expect((await district.call('GET', `${url}/citizen-id`)).body.citizenId).toBe('3100100234571');
    await expectPartialPatch(district, url, { citizenId: null }, ['citizenIdMasked']);
    expect((await district.call('GET', url)).body.citizenIdMasked).toBeNull();
    expect(await storedId()).toEqual({ citizen_id_hash: null, citizen_id_last4: null });
    const unnamed = await district.call('PATCH', url, { version: await version(), lastName: null });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors[0].path).toBe('body/lastName');
  });

  it('refuses a stale edit with 409', async () => {
    const person = await district.person();
    const edit = { title: 'นาง', firstName: 'ใหม่', lastName: 'ล่าสุด' };
    expect((await district.call('PATCH', `/api/people/${person.id}`, { version: 1, ...edit })).status).toBe(200);
    const stale = await district.call('PATCH', `/api/people/${person.id}`, { version: 1, ...edit, firstName: 'เก่า' });
    expect(stale.status).toBe(409);
    expect((await district.call('GET', `/api/people/${person.id}`)).body.firstName).toBe('ใหม่');
  });

  it('refuses to merge into a person who was already merged away (the target must be active)', async () => {
    const a = await district.person();
    const b = await district.person();
    const c = await district.person();
    expect((await district.call('POST', `/api/people/${a.id}/merge`, { keepId: b.id })).status).toBe(200);
    const intoRetired = await district.call('POST', `/api/people/${c.id}/merge`, { keepId: a.id });
    expect(intoRetired.status).toBe(404);
    expect((await district.call('GET', `/api/people/${c.id}`)).status).toBe(200);
  });

  it.runIf(onPostgres)(
    'crossed merges (A into B while B into A, 12 pairs at once) queue without deadlock and leave exactly one of each pair active, never a 500',
    async () => {
      const pairs = await Promise.all(Array.from({ length: 12 }, async () => [await district.person(), await district.person()]));
      const results = await Promise.all(
        pairs.flatMap(([a, b]) => [
          district.call('POST', `/api/people/${a.id}/merge`, { keepId: b.id }),
          district.call('POST', `/api/people/${b.id}/merge`, { keepId: a.id }),
        ]),
      );
      expect(results.filter((r) => r.status >= 500)).toEqual([]);
      // No deadlock (which would abort one with a 409 conflict): the second of each pair waits for the first,
      // then finds the record it meant to keep or retire already merged away.
      expect(results.map((r) => r.status).sort()).toEqual([...Array(12).fill(200), ...Array(12).fill(404)]);
      for (const [a, b] of pairs) {
        const live = await t.rows(`select id from people where id in (${a.id}, ${b.id}) and deleted_at is null`);
        expect(live).toHaveLength(1);
        const [gone] = await t.rows(
          `select merged_into_id from people where id in (${a.id}, ${b.id}) and deleted_at is not null`,
        );
        expect(gone.merged_into_id).toBe(live[0].id);
      }
    },
    60_000,
  );

  it.runIf(onPostgres)(
    'twenty officers saving the same citizen ID at the same moment create exactly one person (the rest: 409)',
    async () => {
      const body = { orgUnitCode: '3401', title: 'นาย', firstName: 'แข่ง', lastName: 'พร้อมกัน', citizenId: '1101700203450' };
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          district.call('POST', '/api/people', { ...body, firstName: `แข่ง${i}`, acknowledgeDuplicates: true }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      const refused = results.filter((r) => r.status !== 201);
      expect(refused.map((r) => r.status)).toEqual(Array(19).fill(409));
      expect(new Set(refused.map((r) => r.body.code))).toEqual(new Set(['person.duplicate_citizen_id']));
    },
    60_000,
  );

  it('the database itself refuses a second active person with the same citizen ID in a district', async () => {
    const first = await district.person({ citizenId: '1101700203468' });
    const [row] = await t.rows(`select citizen_id_hash from people where id = ${first.id}`);
    await expect(
      t.rows(
        `insert into people (org_unit_code, title, first_name, last_name, citizen_id_hash) values ('3401', 'นาย', 'ซ้ำ', 'ตรง', '${row.citizen_id_hash}')`,
      ),
    ).rejects.toSatisfy((e: any) => String(e.cause?.message ?? e.message).includes('people_citizen_hash_active_uq'));
  });

  it('masks phone numbers for committee members and province officers, shows them to district officers and logs that read', async () => {
    const person = await district.person({ phone: '0812345678' });
    const committee = api(t, await t.login('demo-committee'));
    expect((await committee.call('GET', `/api/people/${person.id}`)).body.phone).toBe('xxx-xxx-5678');
    expect((await province.call('GET', `/api/people/${person.id}`)).body.phone).toBe('xxx-xxx-5678');
    const listed = (await committee.call('GET', '/api/people')).body.items.find((p: any) => p.id === person.id);
    expect(listed.phone).toBe('xxx-xxx-5678');
    const before = await t.rows(
      `select count(*)::int as n from audit_log where entity = 'person' and entity_id = '${person.id}' and action = 'read_personal'`,
    );
    expect((await district.call('GET', `/api/people/${person.id}`)).body.phone).toBe('0812345678');
    const [entry] = await t.rows(
      `select changes from audit_log where entity = 'person' and entity_id = '${person.id}' and action = 'read_personal' order by id desc limit 1`,
    );
    expect(entry.changes.field.after).toBe('phone');
    const after = await t.rows(
      `select count(*)::int as n from audit_log where entity = 'person' and entity_id = '${person.id}' and action = 'read_personal'`,
    );
    expect(after[0].n).toBe(before[0].n + 1);

    // A list page logs one entry for each person whose number it showed in full.
    const logged = async () =>
      (await t.rows(`select count(*)::int as n from audit_log where action = 'read_personal' and entity = 'person'`))[0].n;
    const beforeList = await logged();
    const shown = (await district.call('GET', '/api/people?pageSize=200')).body.items.filter(
      (p: any) => p.phone && !p.phone.startsWith('xxx'),
    );
    expect(shown.map((p: any) => p.id)).toContain(person.id);
    expect(await logged()).toBe(beforeList + shown.length);
  });

  it("shows a person's wisdom, groups and registrations to read-only roles, restricted wisdom only to those who may read it", async () => {
    const person = await district.person();
    const held = await district.wisdom({ holderIds: [person.id], title: 'การทอผ้าฝ้ายย้อมคราม' });
    const secret = await district.wisdom({ holderIds: [person.id], accessLevel: 'restricted', title: 'ตำรายาลับ' });
    const group = await district.group({ members: [{ personId: person.id, role: 'treasurer' }] });
    const own = await district.producer(0, { groupId: undefined, personId: person.id, producerType: 'sole_proprietor' });
    const seen = (await province.call('GET', `/api/people/${person.id}`)).body;
    expect(seen.wisdom.map((w: any) => w.id).sort()).toEqual([held.id, secret.id].sort());
    expect(seen.groups).toEqual([{ id: group.id, name: group.name, role: 'treasurer' }]);
    expect(seen.registrations).toEqual([
      { id: own.id, registrationNo: own.registrationNo, fiscalYear: own.fiscalYear, status: 'registered' },
    ]);
    const committee = api(t, await t.login('demo-committee'));
    expect((await committee.call('GET', `/api/people/${person.id}`)).body.wisdom).toEqual([{ id: held.id, title: held.title }]);
  });
});
