/**
 * The producers import with both kinds of owner, over HTTP against the real database: registrations of the district's
 * occupational groups beside those of people, every group problem in Thai and English (unknown, another district's,
 * a name two groups share, a type a group may not hold, a registration already on file), group names suggested and
 * confirmed as place names are, the commit through the producers service (the group's stage moves), the rollback
 * (and its refusal), and the producers export imported back to the same registrations.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { citizenId, dashedCitizenId, multipartFile, workbook } from './import-fixtures';
import { importSuite, unique } from './import-steps';

const { t, cookies, district, signedIn, count, commit, rollback, written, dryRun, expectTemplateReadsBack } = importSuite([
  'demo-district',
  'demo-district-2',
]);
const district2 = signedIn('demo-district-2');

const HEADER = [
  'อำเภอ',
  'ประเภทเจ้าของ',
  'ชื่อกลุ่ม',
  'คำนำหน้า',
  'ชื่อ',
  'นามสกุล',
  'เลขประจำตัวประชาชน',
  'ตำบล',
  'ประเภทผู้ผลิต',
  'ปีงบประมาณ',
  'เลขทะเบียน',
  'วันที่ลงทะเบียน',
  'สถานะ',
  'เชื่อมโยงชุมชน',
];

type Cells = {
  district?: string;
  owner?: string;
  group?: string;
  first?: string;
  last?: string;
  id?: string;
  subdistrict?: string;
  type?: string;
  year?: string;
  regNo?: string;
  status?: string;
  link?: string;
};
let serial = 0;
const row = (c: Cells) => [
  c.district ?? 'เมืองอุบลราชธานี',
  c.owner ?? '',
  c.group ?? '',
  c.first ? 'นาง' : '',
  c.first ?? '',
  c.first ? (c.last ?? 'เจ้าของ') : '',
  c.id ? dashedCitizenId(c.id) : '',
  c.subdistrict ?? '',
  c.type ?? (c.group ? 'กลุ่มผู้ผลิตชุมชน' : 'ผู้ประกอบการรายเดียว'),
  c.year ?? '2569',
  c.regNo ?? `OTOP-GRP-${Date.now() % 100000}-${++serial}`,
  '15/1/2569',
  c.status ?? '',
  c.link ?? '',
];
const file = (rows: Cells[]) => workbook(HEADER, rows.map(row));
const groupOf = (id: number) => district.call('GET', `/api/groups/${id}`).then((r) => r.body);
const producer = (id: number) => district.call('GET', `/api/producers/${id}`).then((r) => r.body);
const codesOf = (report: any[]) => report.map((r) => r.problems.map((p: any) => p.code));

describe('producers owned by occupational groups', () => {
  it('imports a mixed file: groups and people registered, each problem of a group row in Thai and English', async () => {
    const weaving = await district.group({ name: unique('กลุ่มทอผ้าผสม'), subdistrict: 'ในเมือง' });
    const herbs = await district.group({ name: unique('กลุ่มสมุนไพรผสม') });
    const registered = await district.producer(herbs.id, { fiscalYear: 2569 });
    const theirs = await district2.group({ orgUnitCode: '3415', name: unique('กลุ่มของอำเภออื่น') });
    const before = await count('select count(*) n from producers');
    const rows: Cells[] = [
      { group: weaving.name },
      { first: unique('บุคคลผสม'), id: citizenId() },
      { owner: 'กลุ่มอาชีพ', group: weaving.name, type: 'SME', year: '2568' },
      { group: unique('กลุ่มไม่มีในระบบ') },
      { group: theirs.name },
      { owner: 'กลุ่มอาชีพ', group: weaving.name, type: 'ผู้ประกอบการรายเดียว', year: '2567' },
      { group: weaving.name, year: '2566', link: 'ไม่ใช่' },
      { group: herbs.name },
      { group: weaving.name },
      { owner: 'บริษัท', group: weaving.name },
      { owner: 'กลุ่มอาชีพ', type: 'SME' },
    ];
    const dry = await dryRun('producers', await file(rows));
    const report = dry.body.report.rows;
    expect(report.map((r: any) => r.action)).toEqual([
      'create',
      'create',
      'create',
      'reject',
      'reject',
      'reject',
      'reject',
      'skip',
      'reject',
      'reject',
      'reject',
    ]);
    expect(codesOf(report).slice(3)).toEqual([
      ['import.group_unknown'],
      ['import.group_other_district'],
      ['import.owner_mismatch'],
      ['import.not_eligible'],
      [],
      ['import.duplicate_in_file'],
      ['import.owner_type'],
      ['import.required'],
    ]);
    expect(report[0].label).toBe(weaving.name);
    expect(report[3].problems[0]).toMatchObject({ column: 'groupName' });
    expect(report[3].problems[0].th).toContain('ไม่พบกลุ่มอาชีพ');
    expect(report[3].problems[0].en).toContain('No occupational group');
    expect(report[4].problems[0].th).toContain('ไม่ใช่กลุ่มอาชีพของอำเภอของท่าน');
    expect(report[4].problems[0].en).toContain('not an occupational group of your district');
    expect(report[5].problems[0]).toMatchObject({ column: 'producerType' });
    expect(report[5].problems[0].th).toContain('กลุ่มอาชีพลงทะเบียนเป็นผู้ประกอบการรายเดียวไม่ได้');
    expect(report[5].problems[0].en).toContain('a group cannot register as a sole proprietor');
    expect(report[7].duplicate).toEqual({ id: registered.id, label: `${herbs.name} (OTOP ${registered.registrationNo})` });
    expect(report[8].problems[0].th).toContain('แถวที่ 2');
    expect(report[10].problems[0]).toMatchObject({ column: 'groupName' });
    expect(report[10].problems[0].en).toContain('Group name is required for a group');
    // Another district's group is never offered as a choice, nor a name on no group.
    expect(dry.body.report.suggestions).toEqual([]);
    expect(await count('select count(*) n from producers')).toBe(before);

    const batch = await commit(district, dry.body);
    expect(batch.counts).toMatchObject({ create: 3, skip: 1, reject: 7 });
    const [first, , sme] = await written(batch.id, 'producers');
    expect(await producer(first)).toMatchObject({ groupId: weaving.id, personId: null, ownerName: weaving.name });
    expect(await producer(sme)).toMatchObject({ groupId: weaving.id, producerType: 'sme', fiscalYear: 2568 });
    // Registered through the producers service: audited, and the group's stage moved with it.
    expect(await count(`select count(*) n from audit_log where entity = 'producer' and entity_id = '${first}'`)).toBe(1);
    expect((await groupOf(weaving.id)).stage).toBe('otop_registered');
    expect(await count(`select count(*) n from producers where id = ${registered.id} and version = 1`)).toBe(1);
    // The people of the batch are those of person rows only.
    expect((await written(batch.id, 'people')).length).toBe(1);
  });

  it('updates a group’s registration through the service when the user says so, and a rollback restores it', async () => {
    const group = await district.group({ name: unique('กลุ่มปรับปรุง') });
    const onFile = await district.producer(group.id, {
      fiscalYear: 2569,
      status: 'registered',
      publicContact: 'โทร 045-000-111',
    });
    const dry = await dryRun('producers', await file([{ group: group.name, status: 'ระงับ', regNo: 'OTOP-แก้จากไฟล์' }]));
    expect(dry.body.report.rows[0]).toMatchObject({ action: 'skip', duplicate: { id: onFile.id } });
    const batch = await commit(district, dry.body, { choices: { [dry.body.report.rows[0].line]: 'update' } });
    expect(batch.counts).toMatchObject({ update: 1 });
    // The file has no public contact column: the contact on file is kept.
    expect(await producer(onFile.id)).toMatchObject({
      status: 'suspended',
      registrationNo: 'OTOP-แก้จากไฟล์',
      publicContact: 'โทร 045-000-111',
    });
    // Suspended: no registration proves the stage any more (the service brought the group back).
    expect((await groupOf(group.id)).stage).toBe('group_formed');
    expect((await rollback(batch)).status).toBe(200);
    expect(await producer(onFile.id)).toMatchObject({ status: 'registered', registrationNo: onFile.registrationNo });
    expect((await groupOf(group.id)).stage).toBe('otop_registered');
  });

  it('a name two groups share is a problem with both offered, not a guess; the subdistrict or the user’s choice decides', async () => {
    const name = unique('กลุ่มจักสานชื่อซ้ำ');
    const east = await district.group({ name, subdistrict: 'ขามใหญ่' });
    const west = await district.group({ name, subdistrict: 'ปทุม' });
    const dry = await dryRun('producers', await file([{ group: name }, { group: name, subdistrict: 'ปทุม', year: '2568' }]));
    const [shared, placed] = dry.body.report.rows;
    expect(shared).toMatchObject({ action: 'reject', problems: [{ code: 'import.group_ambiguous', column: 'groupName' }] });
    expect(shared.pending).toBeUndefined();
    expect(shared.problems[0].th).toContain(`${name} (ขามใหญ่)`);
    expect(shared.problems[0].en).toContain('fits more than one group');
    expect(placed.action).toBe('create');
    expect(dry.body.report.suggestions).toEqual([
      {
        column: 'groupName',
        text: name,
        status: 'ambiguous',
        lines: [2],
        suggestions: [
          { code: String(east.id), name: `${name} (ขามใหญ่)`, score: 1 },
          { code: String(west.id), name: `${name} (ปทุม)`, score: 1 },
        ],
      },
    ]);
    const batch = await commit(district, dry.body, { groups: { [name]: String(east.id) } });
    expect(batch.counts).toMatchObject({ create: 2, reject: 0 });
    const [chosen, byPlace] = await written(batch.id, 'producers');
    expect((await producer(chosen)).groupId).toBe(east.id);
    expect((await producer(byPlace)).groupId).toBe(west.id);
  });

  it('suggests a group for a misspelt name (pending), refuses it unconfirmed, imports it once confirmed', async () => {
    const group = await district.group({ name: unique('กลุ่มสมุนไพรบ้านดอนใหญ่') });
    const typo = group.name.replace('สมุนไพร', 'สมุนไภร').replace('กลุ่ม', '');
    const dry = await dryRun('producers', await file([{ owner: 'กลุ่มอาชีพ', group: typo }]));
    expect(dry.body.report.rows[0]).toMatchObject({ action: 'create', pending: true, label: group.name });
    expect(dry.body.counts).toMatchObject({ create: 1, pending: 1 });
    const [offer] = dry.body.report.suggestions;
    expect(offer).toMatchObject({ column: 'groupName', text: typo, status: 'suggested', lines: [2] });
    expect(offer.suggestions[0]).toMatchObject({ code: String(group.id), name: group.name });

    const unconfirmed = await commit(district, dry.body);
    expect(unconfirmed.report.rows[0]).toMatchObject({ action: 'reject', problems: [{ code: 'import.group_unconfirmed' }] });
    expect(unconfirmed.report.rows[0].problems[0].th).toContain(group.name);

    const again = await dryRun('producers', await file([{ owner: 'กลุ่มอาชีพ', group: typo }]));
    const batch = await commit(district, again.body, { groups: { [typo]: String(group.id) } });
    expect(batch.counts).toMatchObject({ create: 1, reject: 0 });
    expect((await producer((await written(batch.id, 'producers'))[0])).groupId).toBe(group.id);
  });

  it('keeps scope: a choice of another district’s group is not taken, a row of another district is refused', async () => {
    const theirs = await district2.group({ orgUnitCode: '3415', name: unique('กลุ่มเขมราฐ') });
    const ours = await district.group({ name: unique('กลุ่มของเรา') });
    const typo = `${ours.name}x`;
    const dry = await dryRun(
      'producers',
      await file([{ group: typo }, { group: ours.name, district: 'เขมราฐ' }, { group: theirs.name }]),
    );
    expect(dry.body.report.rows[1].problems[0].code).toBe('import.out_of_scope');
    const before = await count(`select count(*) n from producers where group_id = ${theirs.id}`);
    // The commit is told to take the other district's group for the typed name: it is not one of the district's.
    const batch = await commit(district, dry.body, { groups: { [typo]: String(theirs.id), [theirs.name]: String(theirs.id) } });
    expect(codesOf(batch.report.rows)).toEqual([
      ['import.group_unconfirmed'],
      ['import.out_of_scope'],
      ['import.group_other_district'],
    ]);
    expect(await count(`select count(*) n from producers where group_id = ${theirs.id}`)).toBe(before);
    expect((await groupOf(ours.id)).stage).toBe('group_formed');
  });

  it('rolls group registrations back (the stages with them), and refuses while a product depends on one', async () => {
    const group = await district.group({ name: unique('กลุ่มยกเลิก') });
    const batch = await commit(district, (await dryRun('producers', await file([{ group: group.name }]))).body);
    const [id] = await written(batch.id, 'producers');
    expect((await groupOf(group.id)).stage).toBe('otop_registered');
    const rolled = await rollback(batch);
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(200);
    expect((await district.call('GET', `/api/producers/${id}`)).status).toBe(404);
    expect((await groupOf(group.id)).stage).toBe('group_formed');
    expect(
      await count(`select count(*) n from audit_log where entity = 'producer' and entity_id = '${id}' and action = 'rollback'`),
    ).toBe(1);

    const again = await commit(district, (await dryRun('producers', await file([{ group: group.name }]))).body);
    const [kept] = await written(again.id, 'producers');
    await district.product(kept);
    const refused = await rollback(again);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('import_batch.rollback_blocked');
    expect(refused.body.th).toContain(`OTOP ${(await producer(kept)).registrationNo}`);
    expect((await producer(kept)).id).toBe(kept);
    expect((await groupOf(group.id)).stage).toBe('otop_registered');
  });

  it('the template has the owner columns with their help, and reads back', async () => {
    const res = await t.as(cookies['demo-district'], { method: 'GET', url: '/api/imports/producers/template' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    const header = (book.getWorksheet('ข้อมูล')!.getRow(4).values as unknown[]).map(String);
    expect(header).toContain('ประเภทเจ้าของ\nOwner type');
    expect(header).toContain('ชื่อกลุ่ม\nGroup name');
    const guide = book.getWorksheet('คำแนะนำ')!.getSheetValues().flat().map(String).join('\n');
    expect(guide).toContain('บุคคล หรือ กลุ่มอาชีพ');
    expect(guide).toContain('required when the owner is a group');
    await expectTemplateReadsBack('producers');
  });
});

describe('the producers export imports back', () => {
  it('to the same registrations, people and groups alike, from XLSX in Thai and CSV in English', async () => {
    const tag = `RT${Date.now() % 100000}`;
    const group = await district.group({ name: unique('กลุ่มส่งออกนำเข้า'), subdistrict: 'ในเมือง' });
    const owner = unique('เจ้าของส่งออก');
    const rows: Cells[] = [
      { group: group.name, regNo: `${tag}-1`, year: '2569' },
      { owner: 'กลุ่มอาชีพ', group: group.name, type: 'SME', regNo: `${tag}-2`, year: '2568', status: 'ระงับ', link: 'ไม่ใช่' },
      { first: owner, subdistrict: 'ในเมือง', regNo: `${tag}-3`, year: '2569' },
      // The same person in another fiscal year: one owner, two registrations.
      { first: owner, subdistrict: 'ในเมือง', type: 'SME', regNo: `${tag}-4`, year: '2568' },
    ];
    const fields = (p: any) => ({
      registrationNo: p.registrationNo,
      ownerName: p.ownerName,
      groupId: p.groupId,
      producerType: p.producerType,
      fiscalYear: p.fiscalYear,
      registeredOn: p.registeredOn,
      status: p.status,
      communityLink: p.communityLink,
      siteInDistrict: p.siteInDistrict,
      thaiNationality: p.thaiNationality,
      documentsReceived: p.documentsReceived,
      publicContact: p.publicContact,
    });
    const listed = async () => {
      const res = await district.call('GET', `/api/producers?q=${tag}&pageSize=50`);
      return res.body.items.map(fields).sort((a: any, b: any) => a.registrationNo.localeCompare(b.registrationNo));
    };
    let batch = await commit(district, (await dryRun('producers', await file(rows))).body);
    expect(batch.counts).toMatchObject({ create: 4, reject: 0 });
    expect((await written(batch.id, 'people')).length).toBe(1);
    const original = await listed();
    expect(original).toHaveLength(4);
    const ownerIds = async () =>
      (await t.rows(`select distinct person_id from producers where registration_no like '${tag}-%' and deleted_at is null`))
        .map((r: any) => r.person_id)
        .filter(Boolean);
    expect(await ownerIds()).toHaveLength(1);

    for (const url of [`/api/producers/export.xlsx?q=${tag}`, `/api/producers/export.csv?q=${tag}&lang=en`]) {
      const exported = await t.as(cookies['demo-district'], { method: 'GET', url });
      expect(exported.statusCode).toBe(200);
      // Gone from the register (the batch that made them undone), then the exported file imported as it is.
      expect((await rollback(batch)).status).toBe(200);
      expect(await listed()).toEqual([]);
      const name = url.includes('.csv') ? 'export.csv' : 'export.xlsx';
      const sent = await t.as(cookies['demo-district'], {
        method: 'POST',
        url: '/api/imports/producers',
        ...multipartFile(exported.rawPayload, name),
      });
      const res = { status: sent.statusCode, body: sent.json() };
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(201);
      expect(
        res.body.report.rows.map((r: any) => [r.action, r.problems]),
        name,
      ).toEqual(Array(4).fill(['create', []]));
      batch = await commit(district, res.body);
      expect(await listed(), name).toEqual(original);
      expect(await ownerIds()).toHaveLength(1);
    }
  });
});
