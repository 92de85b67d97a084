/**
 * The services importer over HTTP against the real database: dry run with good and bad rows (problems in Thai and
 * English), commit through the services feature, duplicates (date + client + type) updated or skipped, a locked
 * quarter refused as the service refuses it, rollback that restores and removes, and a district that imports only
 * into itself.
 */
import { describe, expect, it } from 'vitest';
import { api, daysFromToday } from '../../test/factories';
import { citizenId, fundedUbonActivity, upload, workbook } from './import-fixtures';
import { importSuite, unique } from './import-steps';

const { t, cookies, district, count, commit, rollback, written, dryRun, expectTemplateReadsBack, importAsOtherDistrict } =
  importSuite();

const SERVICE_HEADER = [
  'อำเภอ',
  'วันที่ให้บริการ',
  'รูปแบบ',
  'ประเภทเชิงรุก',
  'ประเภทบริการ',
  'เลขประจำตัวประชาชนผู้รับบริการ',
  'ชื่อผู้รับบริการ',
  'นามสกุลผู้รับบริการ',
  'ตำบล',
  'กลุ่มอาชีพ',
  'รายละเอียดการให้บริการ',
  'ผู้ให้บริการ',
  'ระยะเวลา (นาที)',
  'ผลการให้บริการ',
];
type ServiceCells = {
  district?: string;
  date?: string;
  mode?: string;
  kind?: string;
  types?: string;
  id?: string;
  first?: string;
  last?: string;
  group?: string;
  description?: string;
  staff?: string;
  minutes?: string;
  outcome?: string;
};
const serviceRow = (s: ServiceCells) => [
  s.district ?? 'เมืองอุบลราชธานี',
  s.date ?? '5/10/2569',
  s.mode ?? 'เชิงรับ',
  s.kind ?? '',
  s.types ?? 'ให้คำปรึกษาทั่วไป',
  s.id ?? '',
  s.first ?? '',
  s.last ?? '',
  s.first ? 'ในเมือง' : '',
  s.group ?? '',
  s.description ?? 'แนะนำการขอ อย.',
  s.staff ?? '',
  s.minutes ?? '30',
  s.outcome ?? '',
];
const servicesFile = (rows: ServiceCells[]) => workbook(SERVICE_HEADER, rows.map(serviceRow));
const person = async () => {
  const id = citizenId();
  const p = await district.person({ firstName: unique('รับ'), lastName: 'บริการ', citizenId: id });
  return { ...p, citizenId: id };
};

describe('services', () => {
  it('dry run: good rows, unknown type, client not on file, future date, bad outreach, another district, a row twice', async () => {
    const [a, b] = [await person(), await person()];
    const group = await district.group();
    const before = await count('select count(*) n from services');
    const rows: ServiceCells[] = [
      { id: a.citizenId, types: 'ให้คำปรึกษาทั่วไป, market_channels' },
      { first: b.firstName, last: b.lastName, mode: 'เชิงรุก', kind: 'ตามคำขอ', staff: 'demo-district, demo-committee' },
      { group: group.name, date: '2026-10-06' },
      { id: a.citizenId, types: 'ดูดวง' },
      { first: unique('ไม่มี'), last: 'ในระบบ' },
      { id: a.citizenId, date: daysFromToday(3) },
      { id: a.citizenId, mode: 'เชิงรุก' },
      { id: a.citizenId, district: 'วารินชำราบ' },
      { id: a.citizenId, types: 'advice' },
      { group: group.name, staff: 'ใครก็ไม่รู้' },
    ];
    const res = await dryRun('services', await servicesFile(rows));
    const report = res.body.report.rows;
    expect(report.map((r: any) => r.action)).toEqual([...Array(3).fill('create'), ...Array(7).fill('reject')]);
    expect(report[3].problems[0]).toMatchObject({ line: 5, column: 'types', code: 'import.service_type' });
    expect(report[3].problems[0].th).toContain('ดูดวง');
    expect(report[3].problems[0].en).toContain('not in the service type list');
    expect(report[4].problems[0]).toMatchObject({ column: 'firstName', code: 'import.person_unknown' });
    expect(report[4].problems[0].th).toContain('ไม่พบผู้รับบริการ');
    expect(report[5].problems[0]).toMatchObject({ column: 'serviceDate', code: 'service.date_in_future' });
    expect(report[5].problems[0].th).toBe('วันที่ให้บริการต้องไม่เป็นวันในอนาคต');
    expect(report[6].problems[0]).toMatchObject({ code: 'import.service_invalid', column: 'outreachKind' });
    expect(report[7].problems[0]).toMatchObject({ code: 'import.out_of_scope', column: 'district' });
    // "advice" is the code of ให้คำปรึกษาทั่วไป: the same date, client and type as row 2.
    expect(report[8].problems[0]).toMatchObject({ code: 'import.duplicate_in_file' });
    expect(report[8].problems[0].th).toContain('แถวที่ 2');
    expect(report[9].problems[0]).toMatchObject({ code: 'service.staff_not_of_district', column: 'staff' });
    expect(report[9].problems[0].en).toContain('ใครก็ไม่รู้');
    expect(await count('select count(*) n from services')).toBe(before);
  });

  it('commits through the services feature; duplicates are skipped or updated; rollback restores and removes', async () => {
    const a = await person();
    const group = await district.group();
    const first = await commit(
      district,
      (
        await upload(
          t,
          cookies['demo-district'],
          '/api/imports/services',
          await servicesFile([
            { id: a.citizenId, date: '7/10/2569', description: 'ครั้งแรก', outcome: 'ได้ความรู้' },
            { group: group.name, date: '7/10/2569', mode: 'เชิงรุก', kind: 'ตามแผน', types: 'หาช่องทางการตลาด' },
          ]),
        )
      ).body,
    );
    expect(first.status).toBe('committed');
    const [oneId, twoId] = await written(first.id, 'services');
    const me = (await t.rows("select id from users where username = 'demo-district'"))[0];
    expect((await district.call('GET', `/api/services/${oneId}`)).body).toMatchObject({
      serviceDate: '2026-10-07',
      mode: 'center',
      people: [{ id: a.id }],
      typeCodes: ['advice'],
      staff: [{ id: me.id }],
      description: 'ครั้งแรก',
      durationMinutes: 30,
    });
    expect((await district.call('GET', `/api/services/${twoId}`)).body).toMatchObject({
      mode: 'outreach',
      outreachKind: 'scheduled',
      groups: [{ id: group.id }],
      typeCodes: ['market_channels'],
    });

    const again = [
      { id: a.citizenId, date: '2026-10-07', description: 'แก้ไขจากไฟล์', minutes: '45', staff: 'demo-committee' },
      { group: group.name, date: '7/10/2569', types: 'market_channels', description: 'ไม่ควรเปลี่ยน' },
      { id: a.citizenId, date: '8/10/2569', description: 'ครั้งใหม่' },
    ];
    const dry = (await upload(t, cookies['demo-district'], '/api/imports/services', await servicesFile(again))).body;
    expect(dry.report.rows.map((r: any) => [r.action, r.duplicate?.id])).toEqual([
      ['skip', oneId],
      ['skip', twoId],
      ['create', undefined],
    ]);
    const batch = await commit(district, dry, { choices: { 2: 'update', 3: 'skip' } });
    expect(batch.counts).toMatchObject({ create: 1, update: 1, skip: 1 });
    const updated = (await district.call('GET', `/api/services/${oneId}`)).body;
    expect(updated).toMatchObject({ description: 'แก้ไขจากไฟล์', durationMinutes: 45, outcome: 'ได้ความรู้' });
    expect(updated.staff.map((s: any) => s.id)).toContain(me.id);
    expect(updated.staff).toHaveLength(2);
    expect((await district.call('GET', `/api/services/${twoId}`)).body.description).not.toBe('ไม่ควรเปลี่ยน');
    const [createdId] = (await written(batch.id, 'services')).filter((id) => id !== oneId);

    const rolled = await rollback(batch);
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(200);
    const restored = (await district.call('GET', `/api/services/${oneId}`)).body;
    expect(restored).toMatchObject({ description: 'ครั้งแรก', durationMinutes: 30, staff: [{ id: me.id }] });
    expect((await district.call('GET', `/api/services/${createdId}`)).status).toBe(404);
    expect((await district.call('GET', `/api/services/${twoId}`)).status).toBe(200);
  });

  it('a row dated in a locked quarter is refused with the error the services feature gives; the rest is imported', async () => {
    const a = await person();
    const [user] = await t.rows("select id from users where username = 'demo-province'");
    // Fiscal 2568 quarter 1 is October to December 2024.
    await t.rows(
      `insert into quarter_locks (org_unit_code, fiscal_year, quarter, locked_by) values ('3401', 2568, 1, ${user.id})`,
    );
    const direct = await district.call('POST', '/api/services', {
      orgUnitCode: '3401',
      serviceDate: '2024-11-15',
      mode: 'center',
      personIds: [a.id],
      typeCodes: ['advice'],
      description: 'บันทึกตรง',
      staffIds: [(await t.rows("select id from users where username = 'demo-district'"))[0].id],
      durationMinutes: 30,
    });
    expect([direct.status, direct.body.code]).toEqual([409, 'quarter.locked']);
    const res = await upload(
      t,
      cookies['demo-district'],
      '/api/imports/services',
      await servicesFile([
        { id: a.citizenId, date: '15/11/2567' },
        { id: a.citizenId, date: '15/1/2568' },
      ]),
    );
    const [locked, open] = res.body.report.rows;
    expect(locked.action).toBe('reject');
    expect(locked.problems[0]).toMatchObject({ code: 'quarter.locked', column: 'serviceDate', th: direct.body.th });
    expect(locked.problems[0].en).toContain('locked this quarter');
    expect(open.action).toBe('create');
    const batch = await commit(district, res.body);
    expect(batch.counts).toMatchObject({ create: 1, reject: 1 });
    expect(await count(`select count(*) n from services where service_date = '2024-11-15'`)).toBe(0);
  });

  it('rollback is refused once an imported service was changed afterwards', async () => {
    const a = await person();
    const batch = await commit(
      district,
      (
        await upload(
          t,
          cookies['demo-district'],
          '/api/imports/services',
          await servicesFile([{ id: a.citizenId, date: '9/10/2569' }]),
        )
      ).body,
    );
    const [id] = await written(batch.id, 'services');
    const service = (await district.call('GET', `/api/services/${id}`)).body;
    const {
      id: _id,
      orgUnitCode: _u,
      people,
      groups,
      staff,
      partners,
      createdBy: _c,
      outreachKind: _o,
      tripId: _t,
      locked: _l,
      ...rest
    } = service;
    const changed = await district.call('PATCH', `/api/services/${id}`, {
      ...rest,
      followUpOn: undefined,
      followUpStatus: undefined,
      description: 'แก้ไขภายหลัง',
      personIds: people.map((p: any) => p.id),
      groupIds: groups.map((g: any) => g.id),
      staffIds: staff.map((s: any) => s.id),
      partnerIds: partners.map((p: any) => p.id),
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const refused = await rollback(batch);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('import_batch.rollback_blocked');
    expect(refused.body.th).toContain('2026-10-09');
    expect((await district.call('GET', `/api/services/${id}`)).status).toBe(200);
  });

  it('a district officer of 3415 cannot import services into 3401, nor name a client of 3401', async () => {
    const a = await person();
    const { dry, batch } = await importAsOtherDistrict(
      'services',
      'services',
      await servicesFile([{ id: a.citizenId }, { id: a.citizenId, district: 'วารินชำราบ' }]),
    );
    expect(dry.report.rows[0].problems.map((p: any) => p.code)).toContain('import.out_of_scope');
    expect(dry.report.rows[1].problems.map((p: any) => p.code)).toEqual(['import.person_unknown']);
    expect(batch.counts).toMatchObject({ create: 0, reject: 2 });
  });

  it('the template downloads and reads back: every header found, the example row not imported', async () => {
    await expectTemplateReadsBack('services');
  });
});

const ACTIVITY_HEADER = [
  'อำเภอ',
  'ชื่อกิจกรรม',
  'ประเภทกิจกรรม',
  'หัวข้อความรู้',
  'ประเภทตลาด',
  'วันที่เริ่ม',
  'วันที่สิ้นสุด',
  'สถานที่',
  'กิจกรรมงบประมาณ',
  'งบประมาณที่ใช้ (บาท)',
  'คำนำหน้า',
  'ชื่อ',
  'นามสกุล',
  'เลขประจำตัวประชาชน',
  'ตำบล',
];
type AttendeeCells = {
  district?: string;
  title: string;
  kind?: string;
  topic?: string;
  start?: string;
  end?: string;
  place?: string;
  first: string;
  last?: string;
  id?: string;
  item?: string;
  used?: string;
};
const attendeeRow = (a: AttendeeCells) => [
  a.district ?? 'เมืองอุบลราชธานี',
  a.title,
  a.kind ?? 'อบรม',
  a.topic ?? (a.kind && a.kind !== 'อบรม' ? '' : 'ความรู้: การบริหารจัดการกลุ่ม'),
  '',
  a.start ?? '12/10/2569',
  a.end ?? '',
  a.place ?? 'ศาลากลางบ้าน',
  a.item ?? '',
  a.used ?? '',
  'นาง',
  a.first,
  a.last ?? 'ผู้เข้าร่วม',
  a.id ?? '',
  'ในเมือง',
];
const activitiesFile = (rows: AttendeeCells[]) => workbook(ACTIVITY_HEADER, rows.map(attendeeRow));
const peopleIdsOf = async (activityId: number) =>
  ((await district.call('GET', `/api/activities/${activityId}`)).body.people as any[]).map((p) => p.id).sort((a, b) => a - b);

describe('activities with attendance', () => {
  it('dry run: rows of one activity grouped, attendees found or to be created, and bad rows in Thai and English', async () => {
    const known = await person();
    const [title, other] = [unique('อบรมกลุ่ม'), unique('ดูงาน')];
    const before = await count('select count(*) n from activities');
    const people = await count('select count(*) n from people');
    const rows: AttendeeCells[] = [
      { title, id: known.citizenId, first: known.firstName, last: known.lastName },
      { title, first: unique('ใหม่') },
      { title: other, kind: 'ศึกษาดูงาน', first: unique('ใหม่') },
      { title, kind: 'ประชุม', first: unique('ใหม่') },
      { title, place: 'ที่อื่น', first: unique('ใหม่') },
      { title, id: known.citizenId, first: known.firstName, last: known.lastName },
      { title: unique('อนาคต'), start: daysFromToday(5), first: unique('ใหม่') },
      { title, district: 'วารินชำราบ', first: unique('ใหม่') },
      { title: other, kind: 'ศึกษาดูงาน', first: unique('ใหม่'), id: '1234567890123' },
    ];
    const res = await dryRun('activities', await activitiesFile(rows));
    const report = res.body.report.rows;
    expect(report.map((r: any) => r.action)).toEqual([...Array(3).fill('create'), ...Array(6).fill('reject')]);
    expect(report[3].problems[0]).toMatchObject({ line: 5, column: 'kind', code: 'import.activity_kind' });
    expect(report[3].problems[0].th).toContain('ประชุม');
    expect(report[4].problems[0]).toMatchObject({ column: 'place', code: 'import.activity_differs' });
    expect(report[4].problems[0].th).toContain('แถวที่ 2');
    expect(report[4].problems[0].en).toContain('differ from row 2');
    expect(report[5].problems[0]).toMatchObject({ column: 'citizenId', code: 'import.duplicate_in_file' });
    expect(report[6].problems[0]).toMatchObject({ column: 'startsOn', code: 'activity.date_in_future' });
    expect(report[7].problems[0]).toMatchObject({ code: 'import.out_of_scope' });
    expect(report[8].problems[0]).toMatchObject({ column: 'citizenId', code: 'citizen_id.checksum' });
    expect(await count('select count(*) n from activities')).toBe(before);
    expect(await count('select count(*) n from people')).toBe(people);
  });

  it('commits one activity per title + date with its attendees (new people created); update adds attendees; rollback', async () => {
    const known = await person();
    const newcomer = unique('ใหม่');
    const newId = citizenId();
    const title = unique('อบรมการตลาด');
    const first = await commit(
      district,
      (
        await upload(
          t,
          cookies['demo-district'],
          '/api/imports/activities',
          await activitiesFile([
            { title, topic: 'topic_marketing', id: known.citizenId, first: known.firstName, last: known.lastName },
            { title, topic: 'topic_marketing', first: newcomer, id: newId },
          ]),
        )
      ).body,
    );
    expect(first.counts).toMatchObject({ create: 2 });
    const [activityId] = await written(first.id, 'activities');
    const [createdPersonId] = await written(first.id, 'people');
    expect(await written(first.id, 'activities')).toHaveLength(1);
    const activity = (await district.call('GET', `/api/activities/${activityId}`)).body;
    expect(activity).toMatchObject({
      kind: 'training',
      topicCode: 'topic_marketing',
      title,
      startsOn: '2026-10-12',
      endsOn: '2026-10-12',
      place: 'ศาลากลางบ้าน',
    });
    expect(await peopleIdsOf(activityId)).toEqual([known.id, createdPersonId].sort((a, b) => a - b));
    expect((await district.call('GET', `/api/people/${createdPersonId}`)).body).toMatchObject({ firstName: newcomer });

    const third = unique('ใหม่');
    const again = [
      { title, topic: 'topic_marketing', first: newcomer, id: newId },
      { title, topic: 'topic_marketing', first: third },
    ];
    const dry = (await upload(t, cookies['demo-district'], '/api/imports/activities', await activitiesFile(again))).body;
    expect(dry.report.rows.map((r: any) => [r.action, r.duplicate?.id])).toEqual([
      ['skip', activityId],
      ['skip', activityId],
    ]);
    const update = await commit(district, dry, { choices: { 3: 'update' } });
    expect(update.counts).toMatchObject({ update: 2 });
    const [thirdId] = await written(update.id, 'people');
    expect(await peopleIdsOf(activityId)).toEqual([known.id, createdPersonId, thirdId].sort((a, b) => a - b));
    expect(await count(`select count(*) n from people where first_name = '${newcomer}'`)).toBe(1);

    expect((await rollback(update)).status).toBe(200);
    expect(await peopleIdsOf(activityId)).toEqual([known.id, createdPersonId].sort((a, b) => a - b));
    expect((await district.call('GET', `/api/people/${thirdId}`)).status).toBe(404);

    // The update moved the activity's version: the first batch no longer owns it as it wrote it.
    const refused = await rollback((await district.call('GET', `/api/imports/batches/${first.id}`)).body);
    expect([refused.status, refused.body.code]).toEqual([409, 'import_batch.rollback_blocked']);
    expect(refused.body.th).toContain(title);
  });

  it('rollback removes the activities it created, their attendance and the people it created', async () => {
    const known = await person();
    const title = unique('อบรมบัญชี');
    const batch = await commit(
      district,
      (
        await upload(
          t,
          cookies['demo-district'],
          '/api/imports/activities',
          await activitiesFile([
            { title, id: known.citizenId, first: known.firstName, last: known.lastName },
            { title, first: unique('ใหม่') },
          ]),
        )
      ).body,
    );
    const [activityId] = await written(batch.id, 'activities');
    const [createdPersonId] = await written(batch.id, 'people');
    const rolled = await rollback(batch);
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(200);
    expect((await district.call('GET', `/api/activities/${activityId}`)).status).toBe(404);
    expect(await count(`select count(*) n from activity_people where activity_id = ${activityId}`)).toBe(0);
    expect((await district.call('GET', `/api/people/${createdPersonId}`)).status).toBe(404);
    expect((await district.call('GET', `/api/people/${known.id}`)).status).toBe(200);
  });

  it('rollback is refused while a person it created attends a later activity', async () => {
    const first = unique('ใหม่');
    const batch = await commit(
      district,
      (
        await upload(
          t,
          cookies['demo-district'],
          '/api/imports/activities',
          await activitiesFile([{ title: unique('อบรม'), first }]),
        )
      ).body,
    );
    const [personId] = await written(batch.id, 'people');
    const later = await district.call('POST', '/api/activities', {
      orgUnitCode: '3401',
      kind: 'study_visit',
      title: unique('ดูงานต่อ'),
      startsOn: '2026-10-20',
      endsOn: '2026-10-20',
      place: 'บ้านหนองบัว',
      people: [{ personId }],
    });
    expect(later.status, JSON.stringify(later.body)).toBe(201);
    const refused = await rollback(batch);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('import_batch.rollback_blocked');
    expect((await district.call('GET', `/api/people/${personId}`)).status).toBe(200);
  });

  it('an activity starting in a locked quarter is refused as the activities feature refuses it', async () => {
    // Fiscal 2568 quarter 1 was locked by the services test above.
    await t.rows(
      `insert into quarter_locks (org_unit_code, fiscal_year, quarter, locked_by)
       select '3401', 2568, 1, id from users where username = 'demo-province'
       and not exists (select 1 from quarter_locks where org_unit_code = '3401' and fiscal_year = 2568 and quarter = 1)`,
    );
    const res = await upload(
      t,
      cookies['demo-district'],
      '/api/imports/activities',
      await activitiesFile([{ title: unique('ปิดงวด'), start: '20/11/2567', first: unique('ใหม่') }]),
    );
    expect(res.body.report.rows[0].action).toBe('reject');
    expect(res.body.report.rows[0].problems[0]).toMatchObject({ code: 'quarter.locked', column: 'startsOn' });
  });

  it('a district officer of 3415 cannot import activities into 3401', async () => {
    const { dry, batch } = await importAsOtherDistrict(
      'activities',
      'activities',
      await activitiesFile([{ title: unique('ข้าม'), first: unique('ใหม่') }]),
    );
    expect(dry.report.rows[0].problems.map((p: any) => p.code)).toContain('import.out_of_scope');
    expect(batch.counts).toMatchObject({ create: 0, reject: 1 });
  });

  it('a budget used is checked as the activities feature checks it: allocated to the district, within what it received', async () => {
    const nation = api(t, await t.login('demo-admin'));
    const province = api(t, await t.login('demo-province'));
    const itemId = await fundedUbonActivity(nation, 2570);
    const given = await province.call('POST', '/api/budget/allocations', {
      itemId,
      fromUnitCode: '34',
      toUnitCode: '3401',
      quarter: 3,
      category: 'materials',
      amountSatang: '2000000',
      note: '',
    });
    expect(given.status, JSON.stringify(given.body)).toBe(201);
    const [{ name }] = await t.rows(`select name from budget_items where id = ${itemId}`);
    const [paid, over] = [unique('อบรมใช้งบ'), unique('อบรมเกินงบ')];
    const res = await upload(
      t,
      cookies['demo-district'],
      '/api/imports/activities',
      await activitiesFile([
        { title: paid, item: name, used: '15,000', first: unique('ใหม่') },
        { title: paid, item: name, used: '15,000', first: unique('ใหม่') },
        { title: over, item: name, used: '6,000', first: unique('ใหม่') },
        { title: unique('ไม่มีรายการ'), used: '100', first: unique('ใหม่') },
        { title: unique('รายการผิด'), item: 'ไม่มีกิจกรรมงบประมาณนี้', used: '100', first: unique('ใหม่') },
      ]),
    );
    const report = res.body.report.rows;
    expect(report.map((r: any) => r.action)).toEqual(['create', 'create', 'reject', 'reject', 'reject']);
    expect(report[2].problems[0]).toMatchObject({ column: 'budgetItem', code: 'activity.budget_over_allocation' });
    expect(report[2].problems[0].th).toContain('20,000');
    expect(report[3].problems[0]).toMatchObject({ column: 'budgetItem', code: 'import.activity_budget_item' });
    expect(report[4].problems[0]).toMatchObject({ column: 'budgetItem', code: 'activity.budget_not_reached' });
    const batch = await commit(district, res.body);
    const [activityId] = await written(batch.id, 'activities');
    expect((await district.call('GET', `/api/activities/${activityId}`)).body).toMatchObject({
      budgetItem: { id: itemId },
      budgetUsedSatang: '1500000',
    });
  });

  it('the template downloads and reads back', async () => {
    await expectTemplateReadsBack('activities');
  });
});
