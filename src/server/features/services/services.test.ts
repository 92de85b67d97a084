import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, daysFromToday, expectOutOfReach, expectPartialPatch, expectVersionedPatch } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

let t: TestContext;
let district: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
let committee: ReturnType<typeof api>;
let province: ReturnType<typeof api>;
const id: Record<string, number> = {};
beforeAll(async () => {
  t = await createTestContext();
  district = api(t, await t.login('demo-district'));
  district2 = api(t, await t.login('demo-district-2'));
  committee = api(t, await t.login('demo-committee'));
  province = api(t, await t.login('demo-province'));
  for (const row of await t.rows('select id, username from users')) id[row.username] = row.id;
});
afterAll(() => t.close());

const count = async (table: string) => Number((await t.rows(`select count(*)::int as n from ${table}`))[0].n);

const partner = (client = district, over: object = {}) =>
  client.call('POST', '/api/partners', {
    orgUnitCode: '3401',
    kind: 'bank',
    name: 'ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร สาขาวารินชำราบ',
    contactPerson: 'นายประสิทธิ์ มั่นคง',
    phone: '045321234',
    email: 'warin@baac.example',
    ...over,
  });

/** A valid service body of 3401: a group, advice, given by demo-district today. */
const serviceBody = async (over: Record<string, unknown> = {}) => ({
  orgUnitCode: '3401',
  serviceDate: daysFromToday(0),
  mode: 'center',
  groupIds: [(await district.group()).id],
  typeCodes: ['advice', 'topic_marketing'],
  description: 'ให้คำปรึกษาการขายออนไลน์',
  staffIds: [id['demo-district']],
  durationMinutes: 60,
  ...over,
});
const editable = (s: any) => ({
  version: s.version,
  serviceDate: s.serviceDate,
  mode: s.mode,
  ...(s.outreachKind ? { outreachKind: s.outreachKind } : {}),
  ...(s.tripId ? { tripId: s.tripId } : {}),
  personIds: s.people.map((p: any) => p.id),
  groupIds: s.groups.map((g: any) => g.id),
  typeCodes: s.typeCodes,
  description: s.description,
  staffIds: s.staff.map((u: any) => u.id),
  partnerIds: s.partners.map((p: any) => p.id),
  durationMinutes: s.durationMinutes,
  outcome: s.outcome,
  ...(s.followUpOn ? { followUpOn: s.followUpOn, followUpStatus: s.followUpStatus } : {}),
});

/** The request is refused with `code` and nothing of a service is written. */
async function expectRefused(client: ReturnType<typeof api>, body: object, status: number, code?: string) {
  const tables = ['services', 'service_people', 'service_groups', 'service_type_codes', 'service_staff', 'service_partners'];
  const before = await Promise.all(tables.map(count));
  const res = await client.call('POST', '/api/services', body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  if (code) expect(res.body.code).toBe(code);
  expect(await Promise.all(tables.map(count))).toEqual(before);
  return res.body;
}

describe('partners', () => {
  it('records, finds by Thai words, changes at the version read and soft-deletes a partner', async () => {
    const made = await partner();
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ kind: 'bank', orgUnitCode: '3401', contactPerson: 'นายประสิทธิ์ มั่นคง' });
    const found = (await district.call('GET', `/api/partners?q=${encodeURIComponent('เกษตรวาริน')}`)).body.items;
    expect(found.map((p: any) => p.id)).toContain(made.body.id);
    const url = `/api/partners/${made.body.id}`;
    const body = { version: made.body.version, kind: 'bank', name: made.body.name, note: 'สินเชื่อกลุ่มอาชีพ' };
    const changed = await expectVersionedPatch(district, url, body, { note: 'ช้าไป' });
    expect(changed.note).toBe('สินเชื่อกลุ่มอาชีพ');
    expect((await district.call('DELETE', url, { version: changed.version })).status).toBe(204);
    expect((await district.call('GET', url)).status).toBe(404);
    const audit = await t.rows(
      `select action from audit_log where entity = 'partner' and entity_id = '${made.body.id}' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('changes only the fields a PATCH sends: a new note keeps the contact; null clears the phone, e-mail or contact person', async () => {
    const url = `/api/partners/${(await partner()).body.id}`;
    await expectPartialPatch(district, url, { note: 'สินเชื่อกลุ่มอาชีพ' });
    await expectPartialPatch(district, url, { phone: null });
    await expectPartialPatch(district, url, { email: null });
    await expectPartialPatch(district, url, { contactPerson: null });
    const { version } = (await district.call('GET', url)).body;
    const nameless = await district.call('PATCH', url, { version, name: null });
    expect(nameless.status).toBe(400);
    expect(nameless.body.errors[0].path).toBe('body/name');
  });

  it('refuses a bad e-mail or phone with field errors, and a committee member or province officer cannot write', async () => {
    const bad = await partner(district, { email: 'not-an-email', phone: '12345' });
    expect(bad.status).toBe(400);
    expect((await partner(committee)).status).toBe(403);
    expect((await partner(province)).status).toBe(403);
  });

  it("keeps 3415 from seeing or changing 3401's partners, while the province reads them", async () => {
    const made = (await partner()).body;
    const url = `/api/partners/${made.id}`;
    await expectOutOfReach(district, district2, url, { version: made.version, kind: 'bank', name: 'ปลอม' });
    expect((await district2.call('DELETE', url, { version: made.version })).status).toBe(404);
    expect((await district2.call('GET', '/api/partners?pageSize=200')).body.items.some((p: any) => p.id === made.id)).toBe(false);
    expect((await province.call('GET', url)).status).toBe(200);
    expect((await partner(district2)).status).toBe(403);
  });
});

describe('services', () => {
  it('records a service with its clients, types, givers and partners, and lists it by month, mode, type and staff', async () => {
    const p = (await partner()).body;
    const person = await district.person();
    const body = await serviceBody({
      personIds: [person.id],
      partnerIds: [p.id],
      staffIds: [id['demo-district'], id['demo-committee']],
      followUpOn: daysFromToday(14),
    });
    const made = await district.call('POST', '/api/services', body);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({
      mode: 'center',
      typeCodes: ['advice', 'topic_marketing'],
      partners: [{ id: p.id, name: p.name }],
      followUpStatus: 'pending',
      createdBy: id['demo-district'],
    });
    expect(made.body.people).toEqual([{ id: person.id, name: `${person.title}${person.firstName} ${person.lastName}` }]);
    expect(made.body.staff.map((s: any) => s.id).sort()).toEqual([id['demo-district'], id['demo-committee']].sort());
    const ids = async (query: string) => (await district.call('GET', `/api/services?${query}`)).body.items.map((s: any) => s.id);
    const month = daysFromToday(0).slice(0, 7);
    expect(await ids(`month=${month}&mode=center&type=topic_marketing&staffId=${id['demo-committee']}`)).toContain(made.body.id);
    expect(await ids('mode=outreach')).not.toContain(made.body.id);
    expect(await ids('type=standards')).not.toContain(made.body.id);
    expect(await ids(`personId=${person.id}`)).toEqual([made.body.id]);
    expect(await ids(`month=${daysFromToday(-400).slice(0, 7)}`)).not.toContain(made.body.id);
    const [audit] = await t.rows(`select changes from audit_log where entity = 'service' and entity_id = '${made.body.id}'`);
    expect(audit.changes.partnerIds.after).toEqual([p.id]);
  });

  it('refuses a date in the future, a follow-up not after the service, no client, no type and unknown types: nothing saved', async () => {
    await expectRefused(district, await serviceBody({ serviceDate: daysFromToday(1) }), 422, 'service.date_in_future');
    const early = await expectRefused(district, await serviceBody({ followUpOn: daysFromToday(0) }), 400);
    expect(early.errors[0]).toMatchObject({ th: 'วันติดตามผลต้องอยู่หลังวันที่ให้บริการ' });
    const noClient = await expectRefused(district, await serviceBody({ groupIds: [] }), 400);
    expect(noClient.errors[0].th).toBe('ต้องมีผู้รับบริการอย่างน้อยหนึ่งราย (บุคคลหรือกลุ่ม)');
    await expectRefused(district, await serviceBody({ typeCodes: [] }), 400);
    await expectRefused(district, await serviceBody({ typeCodes: ['advice', 'astrology'] }), 422, 'code.unknown');
    await expectRefused(district, await serviceBody({ mode: 'outreach' }), 400);
  });

  it('refuses clients, groups, partners and givers of another district, and a trip of another date: nothing saved', async () => {
    const theirs = await district2.person({ orgUnitCode: '3415' });
    const theirGroup = await district2.group({ orgUnitCode: '3415' });
    const theirPartner = (await partner(district2, { orgUnitCode: '3415' })).body;
    await expectRefused(district, await serviceBody({ personIds: [theirs.id] }), 422, 'record.other_district');
    await expectRefused(district, await serviceBody({ groupIds: [theirGroup.id] }), 422, 'record.other_district');
    await expectRefused(district, await serviceBody({ partnerIds: [theirPartner.id] }), 422, 'record.other_district');
    const other = await expectRefused(
      district,
      await serviceBody({ staffIds: [id['demo-district-2']] }),
      422,
      'service.staff_not_of_district',
    );
    expect(other.th).toContain('ผู้ให้บริการ');
    await expectRefused(district, await serviceBody({ staffIds: [id['demo-province']] }), 422, 'service.staff_not_of_district');
    const trip = await district.call('POST', '/api/outreach-trips', {
      orgUnitCode: '3401',
      tripDate: daysFromToday(-3),
      staffIds: [id['demo-district']],
      places: ['ตำบลขามใหญ่'],
    });
    expect(trip.status, JSON.stringify(trip.body)).toBe(201);
    await expectRefused(
      district,
      await serviceBody({ mode: 'outreach', outreachKind: 'scheduled', tripId: trip.body.id }),
      422,
      'service.trip_mismatch',
    );
    const theirTrip = await district2.call('POST', '/api/outreach-trips', {
      orgUnitCode: '3415',
      tripDate: daysFromToday(0),
      staffIds: [id['demo-district-2']],
      places: ['ตำบลโพนงาม'],
    });
    await expectRefused(
      district,
      await serviceBody({ mode: 'outreach', outreachKind: 'scheduled', tripId: theirTrip.body.id }),
      422,
      'service.trip_mismatch',
    );
  });

  it('groups the services of an outreach trip, and keeps the trip on its date while it has services', async () => {
    const trip = (
      await district.call('POST', '/api/outreach-trips', {
        orgUnitCode: '3401',
        tripDate: daysFromToday(-2),
        staffIds: [id['demo-district'], id['demo-committee']],
        places: ['บ้านหนองบัว', 'ตำบลขามใหญ่'],
      })
    ).body;
    expect(trip.staff).toHaveLength(2);
    for (const what of ['สาธิตการทำบรรจุภัณฑ์', 'แนะนำการขอ มผช.'])
      expect(
        (
          await district.call(
            'POST',
            '/api/services',
            await serviceBody({
              serviceDate: trip.tripDate,
              mode: 'outreach',
              outreachKind: 'on_demand',
              tripId: trip.id,
              description: what,
            }),
          )
        ).status,
      ).toBe(201);
    expect((await district.call('GET', `/api/outreach-trips/${trip.id}`)).body.serviceCount).toBe(2);
    expect((await district.call('GET', `/api/services?tripId=${trip.id}`)).body.total).toBe(2);
    const moved = await district.call('PATCH', `/api/outreach-trips/${trip.id}`, {
      version: trip.version,
      tripDate: daysFromToday(-1),
      staffIds: [id['demo-district']],
      places: trip.places,
    });
    expect(moved.status).toBe(422);
    expect(moved.body.code).toBe('outreach_trip.date_has_services');
    const future = await district.call('POST', '/api/outreach-trips', {
      orgUnitCode: '3401',
      tripDate: daysFromToday(1),
      staffIds: [id['demo-district']],
      places: ['บ้านโนนสูง'],
    });
    expect(future.body.code).toBe('outreach_trip.date_in_future');
  });

  it('changes a service at the version read, replaces its links, and refuses a stale version', async () => {
    const made = (await district.call('POST', '/api/services', await serviceBody())).body;
    const changed = await expectVersionedPatch(
      district,
      `/api/services/${made.id}`,
      { ...editable(made), typeCodes: ['standards'], outcome: 'กลุ่มยื่นขอ มผช. แล้ว' },
      { outcome: 'ช้าไป' },
    );
    expect(changed.typeCodes).toEqual(['standards']);
    expect(await t.rows(`select type_code from service_type_codes where service_id = ${made.id}`)).toEqual([
      { type_code: 'standards' },
    ]);
  });

  it('changes only the fields a PATCH sends, the rules across fields and the givers checked on the merged service', async () => {
    const withPartner = (await partner()).body.id;
    const made = (
      await district.call('POST', '/api/services', await serviceBody({ partnerIds: [withPartner], followUpOn: daysFromToday(7) }))
    ).body;
    const url = `/api/services/${made.id}`;
    await expectPartialPatch(district, url, { outcome: 'กลุ่มเปิดร้านออนไลน์แล้ว' });
    await expectPartialPatch(district, url, { followUpStatus: 'done' });
    expect((await expectPartialPatch(district, url, { partnerIds: null }, ['partners'])).partners).toEqual([]);
    const { version } = (await district.call('GET', url)).body;
    // Outreach needs its kind, and a follow-up status its date: sent alone, each change is refused on its field.
    const outreach = await district.call('PATCH', url, { version, mode: 'outreach' });
    expect(outreach.status).toBe(400);
    expect(outreach.body.errors[0].path).toBe('body/outreachKind');
    const noDate = await district.call('PATCH', url, { version, followUpOn: null });
    expect(noDate.body.errors[0].path).toBe('body/followUpOn');
    await expectPartialPatch(district, url, { mode: 'outreach', outreachKind: 'emergency' });
    await expectPartialPatch(district, url, { followUpOn: null, followUpStatus: null });
    // A committee member's own service: a change that leaves out the givers keeps them, so the member still gave it.
    const mine = (await committee.call('POST', '/api/services', await serviceBody({ staffIds: [id['demo-committee']] }))).body;
    await expectPartialPatch(committee, `/api/services/${mine.id}`, { durationMinutes: 45 });
    const handedOver = await committee.call('PATCH', `/api/services/${mine.id}`, {
      version: mine.version + 1,
      staffIds: [id['demo-district']],
    });
    expect(handedOver.body.code).toBe('service.committee_not_giver');
  });

  it('changes only the fields a PATCH sends to an outreach trip: a new note keeps the team and places', async () => {
    const trip = (
      await district.call('POST', '/api/outreach-trips', {
        orgUnitCode: '3401',
        tripDate: daysFromToday(-3),
        staffIds: [id['demo-district'], id['demo-committee']],
        places: ['บ้านหนองบัว'],
        note: 'ไปกับพัฒนาชุมชน',
      })
    ).body;
    const url = `/api/outreach-trips/${trip.id}`;
    await expectPartialPatch(district, url, { places: ['บ้านหนองบัว', 'บ้านโนนสูง'] });
    await expectPartialPatch(district, url, { note: null });
    const before = (await district.call('GET', url)).body;
    const team = await district.call('PATCH', url, { version: before.version, staffIds: [id['demo-district']] });
    expect(team.body.staff.map((s: any) => s.id)).toEqual([id['demo-district']]);
    expect(team.body).toMatchObject({ tripDate: before.tripDate, places: before.places, note: '' });
  });

  it('lets a committee member record services they gave and change only those, while reading the whole district', async () => {
    const notMine = await expectRefused(committee, await serviceBody(), 403, 'service.committee_not_giver');
    expect(notMine.en).toContain('only services they gave');
    const mine = await committee.call('POST', '/api/services', await serviceBody({ staffIds: [id['demo-committee']] }));
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    expect(mine.body.createdBy).toBe(id['demo-committee']);
    const changed = await committee.call('PATCH', `/api/services/${mine.body.id}`, {
      ...editable(mine.body),
      durationMinutes: 90,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);

    // A service the officer recorded, even one the committee member gave, is the officer's record.
    const officers = (await district.call('POST', '/api/services', await serviceBody({ staffIds: [id['demo-committee']] }))).body;
    expect((await committee.call('GET', `/api/services/${officers.id}`)).status).toBe(200);
    const edit = await committee.call('PATCH', `/api/services/${officers.id}`, { ...editable(officers), durationMinutes: 5 });
    expect(edit.status).toBe(403);
    expect(edit.body.code).toBe('service.not_own_record');
    expect((await committee.call('DELETE', `/api/services/${officers.id}`, { version: officers.version })).status).toBe(403);
    expect((await district.call('GET', `/api/services/${officers.id}`)).body).toEqual(officers);
    // The officer changes anyone's record of the district.
    const byOfficer = await district.call('PATCH', `/api/services/${mine.body.id}`, {
      ...editable(changed.body),
      outcome: 'ตรวจทานแล้ว',
    });
    expect(byOfficer.status).toBe(200);
    expect((await committee.call('DELETE', `/api/services/${mine.body.id}`, { version: byOfficer.body.version })).status).toBe(
      204,
    );
  });

  it("keeps 3415 from seeing, changing or deleting 3401's services, and the province reads but cannot write", async () => {
    const made = (await district.call('POST', '/api/services', await serviceBody())).body;
    const url = `/api/services/${made.id}`;
    await expectOutOfReach(district, district2, url, { ...editable(made), description: 'ปลอม' });
    expect((await district2.call('DELETE', url, { version: made.version })).status).toBe(404);
    expect((await district2.call('GET', '/api/services?pageSize=200')).body.items.some((s: any) => s.id === made.id)).toBe(false);
    expect((await district2.call('GET', `/api/services?unit=3401`)).body.total).toBe(0);
    await expectRefused(district2, await serviceBody(), 403, 'access.out_of_scope');
    expect((await province.call('GET', url)).status).toBe(200);
    expect((await province.call('PATCH', url, { ...editable(made), description: 'จังหวัดแก้' })).status).toBe(403);
  });

  it('shows a pending follow-up past due in "my tasks" of the district and of the committee member who gave it', async () => {
    const tasksOf = async (client: ReturnType<typeof api>) =>
      (await client.call('GET', '/api/tasks')).body.find((x: any) => x.kind === 'service_follow_ups_overdue');
    const before = await tasksOf(district);
    const late = (
      await district.call(
        'POST',
        '/api/services',
        await serviceBody({
          serviceDate: daysFromToday(-30),
          followUpOn: daysFromToday(-20),
          staffIds: [id['demo-committee']],
        }),
      )
    ).body;
    expect(await tasksOf(district)).toEqual({
      kind: 'service_follow_ups_overdue',
      count: (before?.count ?? 0) + 1,
      dueOn: expect.any(String),
    });
    expect((await tasksOf(committee))?.count).toBeGreaterThanOrEqual(1);
    expect(await tasksOf(district2)).toBeUndefined();
    const overdue = (await district.call('GET', '/api/services?followUp=overdue')).body.items.map((s: any) => s.id);
    expect(overdue).toContain(late.id);
    // Done: the reminder goes.
    await district.call('PATCH', `/api/services/${late.id}`, { ...editable(late), followUpStatus: 'done' });
    expect((await district.call('GET', '/api/services?followUp=overdue')).body.items.map((s: any) => s.id)).not.toContain(
      late.id,
    );
  });

  it('lists the service types of the code list: the missions and the five knowledge topics', async () => {
    const codes = (await district.call('GET', '/api/code-lists/service_type')).body.map((c: any) => c.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'otop_registration',
        'standards',
        'market_channels',
        'funding_access',
        'topic_group_management',
        'topic_basic_business',
        'topic_quality_standards',
        'topic_value_adding',
        'topic_marketing',
      ]),
    );
  });

  it("moves a merged duplicate's services to the person kept", async () => {
    const [gone, kept] = [await district.person(), await district.person()];
    const both = (await district.call('POST', '/api/services', await serviceBody({ personIds: [gone.id, kept.id] }))).body;
    const one = (await district.call('POST', '/api/services', await serviceBody({ personIds: [gone.id] }))).body;
    expect((await district.call('POST', `/api/people/${gone.id}/merge`, { keepId: kept.id })).status).toBe(200);
    for (const s of [both, one])
      expect((await district.call('GET', `/api/services/${s.id}`)).body.people.map((p: any) => p.id)).toEqual([kept.id]);
  });

  it('lists the services a person received in their personal data (PDPA access request)', async () => {
    const person = await district.person();
    const made = (await district.call('POST', '/api/services', await serviceBody({ personIds: [person.id] }))).body;
    const data = (await district.call('GET', `/api/people/${person.id}/personal-data`)).body;
    expect(data.services).toEqual([{ id: made.id, serviceDate: made.serviceDate, description: made.description }]);
    const pdf = await t.as(await t.login('demo-district'), { method: 'GET', url: `/api/people/${person.id}/personal-data.pdf` });
    expect(pdf.statusCode).toBe(200);
  });
});
