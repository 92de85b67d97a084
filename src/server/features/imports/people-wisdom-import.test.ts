/**
 * The people and local-wisdom importers over HTTP against the real database: dry run with good and bad rows (problems
 * in Thai and English), commit, duplicates updated or skipped, rollback that restores updated records (and wisdom
 * holders) and removes created ones, and a district that imports only into itself.
 */
import { describe, expect, it } from 'vitest';
import { citizenIdHash, decryptCitizenId } from '../../personal-data';
import { TEST_DATA_KEY } from '../../test/global-setup';
import { badCitizenId, citizenId, dashedCitizenId, upload, workbook } from './import-fixtures';
import { importSuite, unique } from './import-steps';

const {
  t,
  cookies,
  district,
  count,
  commit,
  rollback,
  written,
  dryRun,
  personOnPage,
  expectTemplateReadsBack,
  importAsOtherDistrict,
} = importSuite();

const PEOPLE_HEADER = ['อำเภอ', 'คำนำหน้า', 'ชื่อ', 'นามสกุล', 'เลขประจำตัวประชาชน', 'โทรศัพท์', 'บ้านเลขที่', 'หมู่ที่', 'ตำบล', 'บทบาท'];
type PersonCells = {
  district?: string;
  first: string;
  last?: string;
  id?: string;
  phone?: string;
  house?: string;
  roles?: string;
};
const personRow = (p: PersonCells) => [
  p.district ?? 'เมืองอุบลราชธานี',
  'นาง',
  p.first,
  p.last ?? 'นำเข้า',
  p.id ?? '',
  p.phone ?? '081-234-5678',
  p.house ?? '1',
  '4',
  'ในเมือง',
  p.roles ?? 'สมาชิกกลุ่ม',
];
const peopleFile = (rows: PersonCells[]) => workbook(PEOPLE_HEADER, rows.map(personRow));

describe('people', () => {
  it('dry run: good rows, a bad citizen ID, an unknown role, another district and a row twice, in Thai and English', async () => {
    const before = await count('select count(*) n from people');
    const id = citizenId();
    const rows: PersonCells[] = [
      { first: unique('คน'), id: dashedCitizenId(id), roles: 'ปราชญ์ชาวบ้าน/เจ้าของภูมิปัญญา, ผู้ประกอบการ' },
      { first: unique('คน') },
      { first: unique('คน'), id: badCitizenId(citizenId()) },
      { first: unique('คน'), roles: 'หมอดู' },
      { first: unique('คน'), district: 'วารินชำราบ' },
      { first: unique('คน'), id },
    ];
    const res = await dryRun('people', await peopleFile(rows));
    const report = res.body.report.rows;
    expect(report.map((r: any) => r.action)).toEqual(['create', 'create', 'reject', 'reject', 'reject', 'reject']);
    expect(report[2].problems[0]).toMatchObject({ line: 4, column: 'citizenId', code: 'citizen_id.checksum' });
    expect(report[2].problems[0].th).toContain('เลขประจำตัวประชาชนไม่ถูกต้อง');
    expect(report[2].problems[0].en).toContain('citizen ID is not valid');
    expect(report[3].problems[0]).toMatchObject({ column: 'roles', code: 'import.person_role' });
    expect(report[3].problems[0].th).toContain('หมอดู');
    expect(report[4].problems[0]).toMatchObject({ code: 'import.out_of_scope', column: 'district' });
    expect(report[4].problems[0].en).toContain('outside your unit');
    expect(report[5].problems[0]).toMatchObject({ code: 'import.duplicate_in_file', column: 'citizenId' });
    expect(report[5].problems[0].th).toContain('แถวที่ 2');
    expect(await count('select count(*) n from people')).toBe(before);
  });

  it('commits; duplicates by citizen ID and by name + subdistrict are updated or skipped; rollback restores and removes', async () => {
    const id = citizenId();
    const one = { first: unique('ก'), id: dashedCitizenId(id), phone: '081-111-1111' };
    const two = { first: unique('ข'), house: '2' };
    const first = await commit(
      district,
      (await upload(t, cookies['demo-district'], '/api/imports/people', await peopleFile([one, two]))).body,
    );
    expect(first.status).toBe('committed');
    const [oneId, twoId] = await written(first.id, 'people');
    const [stored] = await t.rows(`select * from people where id = ${oneId}`);
    // Stored as the people service stores it: encrypted, keyed hash, last four in clear.
    expect(stored.citizen_id_hash).toBe(citizenIdHash(TEST_DATA_KEY, id));
    expect(stored.citizen_id_last4).toBe(id.slice(-4));
    expect(decryptCitizenId(TEST_DATA_KEY, stored.citizen_id_encrypted)).toBe(id);
    expect(stored.citizen_id_encrypted).not.toContain(id);
    expect((await district.call('GET', `/api/people/${oneId}`)).body).toMatchObject({
      roles: ['group_member'],
      villageNo: 4,
      subdistrict: 'ในเมือง',
      citizenIdMasked: `x-xxxx-xxxx${id[9]}-${id.slice(10, 12)}-${id[12]}`,
    });

    const three = { first: unique('ค') };
    const again = [{ ...one, phone: '089-999-9999', roles: 'ผู้ประกอบการ' }, { ...two, house: '99' }, three];
    const dry = (await upload(t, cookies['demo-district'], '/api/imports/people', await peopleFile(again))).body;
    expect(dry.report.rows.map((r: any) => [r.action, r.duplicate?.id])).toEqual([
      ['skip', oneId],
      ['skip', twoId],
      ['create', undefined],
    ]);
    const batch = await commit(district, dry, { choices: { 2: 'update', 3: 'skip' } });
    expect(batch.counts).toMatchObject({ create: 1, update: 1, skip: 1 });
    const updated = (await district.call('GET', `/api/people/${oneId}`)).body;
    expect(updated).toMatchObject({ phone: '0899999999', roles: ['group_member', 'entrepreneur'] });
    expect((await district.call('GET', `/api/people/${twoId}`)).body.houseNo).toBe('2');
    const [threeId] = await written(batch.id, 'people').then((ids) => ids.filter((i) => i !== oneId));

    const rolled = await rollback(batch);
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(200);
    expect((await district.call('GET', `/api/people/${oneId}`)).body).toMatchObject({
      phone: '0811111111',
      roles: ['group_member'],
    });
    expect((await district.call('GET', `/api/people/${threeId}`)).status).toBe(404);
    expect((await district.call('GET', `/api/people/${twoId}`)).status).toBe(200);
  });

  it('a district officer of 3415 cannot import people into 3401: every row refused, nothing written', async () => {
    const { dry, batch } = await importAsOtherDistrict(
      'people',
      'people',
      await peopleFile([{ first: unique('ง') }, { first: unique('จ'), district: 'อ.เมืองอุบลราชธานี' }]),
    );
    expect(dry.orgUnitCode).toBe('3415');
    expect(dry.report.rows.map((r: any) => r.problems[0]?.code)).toEqual(['import.out_of_scope', 'import.out_of_scope']);
    expect(dry.report.rows[0].problems[0].th).toContain('นอกหน่วยงาน');
    expect(batch.counts).toMatchObject({ create: 0, reject: 2 });
  });
});

const WISDOM_HEADER = [
  'อำเภอ',
  'ชื่อภูมิปัญญา',
  'สาขาภูมิปัญญา',
  'รายละเอียด',
  'ตำบล',
  'หมู่ที่',
  'ศักยภาพการพัฒนาเป็นผลิตภัณฑ์',
  'วันที่สำรวจ',
  'ระดับการเข้าถึง',
  'วันที่ได้รับความยินยอม',
  'เลขประจำตัวประชาชนผู้ถือครอง',
  'ชื่อผู้ถือครอง',
  'นามสกุลผู้ถือครอง',
];
type WisdomCells = {
  title: string;
  district?: string;
  branch?: string;
  description?: string;
  surveyed?: string;
  access?: string;
  consent?: string;
  holderId?: string;
  holderFirst?: string;
  holderLast?: string;
};
const wisdomRow = (w: WisdomCells) => [
  w.district ?? 'เมืองอุบลราชธานี',
  w.title,
  w.branch ?? 'อุตสาหกรรมและหัตถกรรม',
  w.description ?? 'ทอผ้าไหม',
  'ในเมือง',
  '4',
  'ผ้าคลุมไหล่',
  w.surveyed ?? '15/1/2569',
  w.access ?? '',
  w.consent ?? '',
  w.holderId ?? '',
  w.holderFirst ?? '',
  w.holderLast ?? '',
];
const wisdomFile = (rows: WisdomCells[]) => workbook(WISDOM_HEADER, rows.map(wisdomRow));

/** A person of 3401 entered on the people page (not yet a wisdom holder). */
const person = (withId = true) => personOnPage({ first: 'ปราชญ์', last: 'ภูมิใจ' }, withId);

describe('local wisdom', () => {
  it('dry run: holders by citizen ID and by name, a BE date, and every bad row with its problem in Thai and English', async () => {
    const before = await count('select count(*) n from wisdom_items');
    const byId = await person();
    const byName = await person(false);
    const rows: WisdomCells[] = [
      { title: unique('ผ้า'), holderId: dashedCitizenId(byId.citizenId), surveyed: '3 มีนาคม 2568' },
      {
        title: unique('ผ้า'),
        branch: 'agriculture',
        holderFirst: byName.firstName,
        holderLast: byName.lastName,
        access: 'public',
        consent: '1/2/2568',
      },
      { title: unique('ผ้า'), branch: 'ดาราศาสตร์', holderId: byId.citizenId },
      { title: unique('ผ้า'), holderId: badCitizenId(byId.citizenId) },
      { title: unique('ผ้า'), holderFirst: 'ไม่มี', holderLast: 'ตัวตน' },
      { title: unique('ผ้า'), holderId: byId.citizenId, access: 'สาธารณะ' },
      { title: unique('ผ้า'), holderId: byId.citizenId, district: 'วารินชำราบ' },
      { title: unique('ผ้า'), holderId: byId.citizenId, surveyed: '31/2/2569' },
    ];
    const res = await dryRun('wisdom', await wisdomFile(rows));
    const report = res.body.report.rows;
    expect(report.map((r: any) => r.action)).toEqual(['create', 'create', ...Array(6).fill('reject')]);
    const codes = report.map((r: any) => r.problems.map((p: any) => p.code));
    expect(codes.slice(2)).toEqual([
      ['import.wisdom_branch'],
      ['citizen_id.checksum'],
      ['import.holder_not_found'],
      ['wisdom.public_needs_consent'],
      ['import.out_of_scope'],
      ['date.no_such_day'],
    ]);
    expect(report[2].problems[0].th).toContain('ไม่รู้จักสาขาภูมิปัญญา "ดาราศาสตร์"');
    expect(report[2].problems[0].en).toContain('Unknown wisdom branch');
    expect(report[4].problems[0].th).toContain('ไม่พบผู้ถือครอง "ไม่มี ตัวตน"');
    expect(report[4].problems[0].en).toContain("not one of the district's people");
    expect(report[5].problems[0].th).toContain('วันที่ได้รับความยินยอม');
    expect(await count('select count(*) n from wisdom_items')).toBe(before);

    const batch = await commit(district, res.body);
    const [first, second] = await written(batch.id, 'wisdom_items');
    const item = (await district.call('GET', `/api/wisdom/${first}`)).body;
    expect(item).toMatchObject({
      branchCode: 'industry_handicraft',
      surveyedOn: '2025-03-03',
      accessLevel: 'community',
      villageNo: 4,
      holders: [{ id: byId.id }],
    });
    expect((await district.call('GET', `/api/wisdom/${second}`)).body).toMatchObject({
      branchCode: 'agriculture',
      accessLevel: 'public',
      consentDate: '2025-02-01',
      holders: [{ id: byName.id }],
    });
    expect((await district.call('GET', `/api/people/${byId.id}`)).body.roles).toContain('wisdom_holder');
  });

  it('duplicate title + subdistrict: update adds the holder, skip leaves it; rollback restores holders and removes created items', async () => {
    const holder = await person();
    const second = await person();
    const third = await person();
    const title = unique('จักสาน');
    const first = await commit(
      district,
      (
        await upload(
          t,
          cookies['demo-district'],
          '/api/imports/wisdom',
          await wisdomFile([{ title, holderId: holder.citizenId }]),
        )
      ).body,
    );
    const [itemId] = await written(first.id, 'wisdom_items');
    const other = unique('จักสาน');
    const again = [
      { title, description: 'แก้ไขจากไฟล์', branch: 'arts', holderId: second.citizenId },
      { title: other, holderId: third.citizenId },
    ];
    const skipped = (await upload(t, cookies['demo-district'], '/api/imports/wisdom', await wisdomFile([again[0]]))).body;
    expect(skipped.report.rows[0]).toMatchObject({ action: 'skip', duplicate: { id: itemId } });
    expect((await commit(district, skipped)).counts).toMatchObject({ skip: 1, update: 0 });
    expect((await district.call('GET', `/api/wisdom/${itemId}`)).body.description).toBe('ทอผ้าไหม');

    const dry = (await upload(t, cookies['demo-district'], '/api/imports/wisdom', await wisdomFile(again))).body;
    const batch = await commit(district, dry, { choices: { 2: 'update' } });
    expect(batch.counts).toMatchObject({ update: 1, create: 1 });
    const updated = (await district.call('GET', `/api/wisdom/${itemId}`)).body;
    expect(updated).toMatchObject({ description: 'แก้ไขจากไฟล์', branchCode: 'arts' });
    expect(updated.holders.map((h: any) => h.id).sort()).toEqual([holder.id, second.id].sort());
    expect((await district.call('GET', `/api/people/${second.id}`)).body.roles).toEqual(['wisdom_holder']);
    const [, createdId] = await written(batch.id, 'wisdom_items');

    const rolled = await rollback(batch);
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(200);
    const restored = (await district.call('GET', `/api/wisdom/${itemId}`)).body;
    expect(restored).toMatchObject({ description: 'ทอผ้าไหม', branchCode: 'industry_handicraft' });
    expect(restored.holders.map((h: any) => h.id)).toEqual([holder.id]);
    expect((await district.call('GET', `/api/wisdom/${createdId}`)).status).toBe(404);
    expect(await count(`select count(*) n from wisdom_holders where wisdom_id = ${createdId}`)).toBe(0);
    // The holder tags the import added are taken back; the one an earlier import added stays.
    expect((await district.call('GET', `/api/people/${second.id}`)).body.roles).toEqual([]);
    expect((await district.call('GET', `/api/people/${third.id}`)).body.roles).toEqual([]);
    expect((await district.call('GET', `/api/people/${holder.id}`)).body.roles).toEqual(['wisdom_holder']);
  });

  it('a people import is not rolled back once an imported person holds wisdom: refused, naming the person', async () => {
    const id = citizenId();
    const first = unique('ถือ');
    const people = await commit(
      district,
      (await upload(t, cookies['demo-district'], '/api/imports/people', await peopleFile([{ first, id }]))).body,
    );
    await commit(
      district,
      (
        await upload(
          t,
          cookies['demo-district'],
          '/api/imports/wisdom',
          await wisdomFile([{ title: unique('ผ้า'), holderId: id }]),
        )
      ).body,
    );
    const refused = await rollback(people);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('import_batch.rollback_blocked');
    expect(refused.body.th).toContain(first);
    const [personId] = await written(people.id, 'people');
    expect((await district.call('GET', `/api/people/${personId}`)).status).toBe(200);
  });

  it('a district officer of 3415 cannot import wisdom into 3401, nor name a holder of 3401', async () => {
    const holder = await person();
    const { dry, batch } = await importAsOtherDistrict(
      'wisdom',
      'wisdom_items',
      await wisdomFile([
        { title: unique('ข้าม'), holderId: holder.citizenId },
        { title: unique('ข้าม'), district: 'วารินชำราบ', holderId: holder.citizenId },
      ]),
    );
    expect(dry.report.rows[0].problems.map((p: any) => p.code)).toContain('import.out_of_scope');
    expect(dry.report.rows[1].problems.map((p: any) => p.code)).toEqual(['import.holder_not_found']);
    expect(batch.counts).toMatchObject({ create: 0, reject: 2 });
  });

  it('the templates download and read back: every header found, the example row not imported', async () => {
    for (const kind of ['people', 'wisdom']) await expectTemplateReadsBack(kind);
  });
});
