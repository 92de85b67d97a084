/**
 * The occupational-group and product importers over HTTP against the real database: dry run with good and bad rows
 * (problems in Thai and English), commit, duplicates updated or skipped, rollback that restores updated records and
 * removes created ones (with the people and member links they brought), and a district that imports only into itself.
 */
import { describe, expect, it } from 'vitest';
import { badCitizenId, citizenId, upload, workbook } from './import-fixtures';
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

/** A person of 3401 entered on the people page. */
const person = (withId = true) => personOnPage({ first: 'สมาชิก', last: 'รวมใจ' }, withId);

const GROUP_HEADER = [
  'อำเภอ',
  'ชื่อกลุ่ม',
  'วันที่ก่อตั้ง',
  'ตำบล',
  'ที่ตั้งกลุ่ม',
  'โทรศัพท์กลุ่ม',
  'คำนำหน้าสมาชิก',
  'ชื่อสมาชิก',
  'นามสกุลสมาชิก',
  'เลขประจำตัวประชาชนสมาชิก',
  'ตำแหน่งในกลุ่ม',
];
type GroupCells = {
  group: string;
  district?: string;
  founded?: string;
  address?: string;
  phone?: string;
  title?: string;
  first: string;
  last?: string;
  id?: string;
  role?: string;
};
const groupRow = (g: GroupCells) => [
  g.district ?? 'เมืองอุบลราชธานี',
  g.group,
  g.founded ?? '1/10/2568',
  'ในเมือง',
  g.address ?? '12 หมู่ 4',
  g.phone ?? '045-123-456',
  g.title ?? 'นาง',
  g.first,
  g.last ?? 'รวมใจ',
  g.id ?? '',
  g.role ?? '',
];
const groupFile = (rows: GroupCells[]) => workbook(GROUP_HEADER, rows.map(groupRow));
const groupImport = async (rows: GroupCells[]) =>
  upload(t, cookies['demo-district'], '/api/imports/groups', await groupFile(rows));

describe('occupational groups', () => {
  it('dry run: members found or to be added, and every bad row with its problem in Thai and English', async () => {
    const before = await count('select count(*) n from occupational_groups');
    const known = await person();
    const name = unique('กลุ่มทอผ้า');
    const rows: GroupCells[] = [
      { group: name, first: known.firstName, last: known.lastName, role: 'ประธาน' },
      { group: name, first: unique('ใหม่'), id: citizenId(), founded: '', address: '', phone: '' },
      { group: name, first: unique('ใหม่'), role: 'นายก' },
      { group: name, first: unique('ใหม่'), id: badCitizenId(citizenId()) },
      { group: name, first: known.firstName, last: known.lastName },
      { group: name, first: unique('ใหม่'), address: 'ที่อื่น' },
      { group: name, first: unique('ใหม่'), title: '' },
      { group: unique('กลุ่มไม่มีวัน'), first: unique('ใหม่'), founded: '' },
      { group: unique('กลุ่มอื่น'), first: unique('ใหม่'), district: 'วารินชำราบ' },
    ];
    const res = await dryRun('groups', await groupFile(rows));
    const report = res.body.report.rows;
    expect(report.map((r: any) => r.action)).toEqual(['create', 'create', ...Array(7).fill('reject')]);
    const codes = report.map((r: any) => r.problems.map((p: any) => p.code));
    expect(codes.slice(2)).toEqual([
      ['import.member_role'],
      ['citizen_id.checksum'],
      ['import.duplicate_in_file'],
      ['import.group_conflict'],
      ['import.required'],
      ['import.required'],
      ['import.out_of_scope'],
    ]);
    expect(report[2].problems[0].th).toContain('ไม่รู้จักตำแหน่ง "นายก"');
    expect(report[2].problems[0].en).toContain('Unknown role');
    expect(report[4].problems[0].th).toContain('แถวที่ 2');
    expect(report[5].problems[0]).toMatchObject({ column: 'address', line: 7 });
    expect(report[5].problems[0].en).toContain('row 2');
    expect(report[6].problems[0]).toMatchObject({ column: 'memberTitle' });
    expect(report[7].problems[0]).toMatchObject({ column: 'foundedOn' });
    expect(report[7].problems[0].th).toContain('วันที่ก่อตั้ง');
    expect(report[8].problems[0].th).toContain('นอกหน่วยงาน');
    expect(await count('select count(*) n from occupational_groups')).toBe(before);
  });

  it('commits one group per name with its members, new people added as the people importer adds them', async () => {
    const known = await person();
    const newId = citizenId();
    const newcomer = unique('ใหม่');
    const name = unique('กลุ่มจักสาน');
    const res = await groupImport([
      { group: name, first: known.firstName, last: known.lastName, role: 'ประธาน' },
      { group: name, first: newcomer, id: newId, role: 'เหรัญญิก', founded: '', phone: '' },
      { group: unique('กลุ่มสอง'), first: newcomer, id: newId },
    ]);
    const batch = await commit(district, res.body);
    expect(batch.counts).toMatchObject({ create: 3, reject: 0 });
    const [groupId, secondId] = await written(batch.id, 'occupational_groups');
    const group = (await district.call('GET', `/api/groups/${groupId}`)).body;
    expect(group).toMatchObject({
      name,
      foundedOn: '2025-10-01',
      subdistrict: 'ในเมือง',
      contactPhone: '045123456',
      stage: 'group_formed',
      memberCount: 2,
    });
    const roles = Object.fromEntries(group.members.map((m: any) => [m.name, m.role]));
    expect(roles[`นาย${known.firstName} รวมใจ`]).toBe('chair');
    expect(roles[`นาง${newcomer} รวมใจ`]).toBe('treasurer');
    // The newcomer is one person in both groups, stored with the citizen ID as the people service stores it.
    const created = await written(batch.id, 'people');
    expect(created).toHaveLength(2); // the newcomer created, the known person tagged a group member
    const [newcomerRow] = await t.rows(`select * from people where first_name = '${newcomer}'`);
    expect(newcomerRow.citizen_id_last4).toBe(newId.slice(-4));
    expect(newcomerRow.roles).toEqual(['group_member']);
    expect((await district.call('GET', `/api/groups/${secondId}`)).body.members.map((m: any) => m.personId)).toEqual([
      newcomerRow.id,
    ]);
    expect((await district.call('GET', `/api/people/${known.id}`)).body.roles).toEqual(['group_member']);

    const rolled = await rollback(batch);
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(200);
    expect((await district.call('GET', `/api/groups/${groupId}`)).status).toBe(404);
    expect(await count(`select count(*) n from group_members where group_id in (${groupId}, ${secondId})`)).toBe(0);
    expect((await district.call('GET', `/api/people/${newcomerRow.id}`)).status).toBe(404);
    expect((await district.call('GET', `/api/people/${known.id}`)).body.roles).toEqual([]);
  });

  it('a group on file: update adds the members not yet in it, skip adds none; rollback gives back its members', async () => {
    const chair = await person();
    const second = await person();
    const third = await person(false);
    const name = unique('กลุ่มเดิม');
    const formed = await district.call('POST', '/api/groups', {
      orgUnitCode: '3401',
      name,
      foundedOn: '2024-05-01',
      subdistrict: 'ในเมือง',
      address: 'เดิม',
      members: [{ personId: chair.id, role: 'chair' }],
    });
    expect(formed.status, JSON.stringify(formed.body)).toBe(201);
    const groupId = formed.body.id;
    const rows: GroupCells[] = [
      { group: name, first: chair.firstName, last: chair.lastName, founded: '', address: 'ที่ตั้งใหม่', phone: '' },
      { group: name, first: second.firstName, last: second.lastName, id: second.citizenId, founded: '', address: '', phone: '' },
      { group: name, first: third.firstName, last: third.lastName, founded: '', address: '', phone: '' },
    ];
    const dry = (await groupImport(rows)).body;
    expect(dry.report.rows.map((r: any) => [r.action, r.duplicate?.id])).toEqual([
      ['skip', groupId],
      ['skip', groupId],
      ['skip', groupId],
    ]);
    expect((await commit(district, dry)).counts).toMatchObject({ skip: 3, create: 0, update: 0 });
    expect((await district.call('GET', `/api/groups/${groupId}`)).body.memberCount).toBe(1);

    const again = (await groupImport(rows)).body;
    const batch = await commit(district, again, { choices: { 2: 'update', 3: 'update', 4: 'skip' } });
    expect(batch.counts).toMatchObject({ update: 2, skip: 1 });
    const updated = (await district.call('GET', `/api/groups/${groupId}`)).body;
    expect(updated).toMatchObject({ address: 'ที่ตั้งใหม่', foundedOn: '2024-05-01', memberCount: 2 });
    expect(updated.members.map((m: any) => [m.personId, m.role]).sort()).toEqual(
      [
        [chair.id, 'chair'],
        [second.id, 'member'],
      ].sort(),
    );

    const rolled = await rollback(batch);
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(200);
    const restored = (await district.call('GET', `/api/groups/${groupId}`)).body;
    expect(restored).toMatchObject({ address: 'เดิม', memberCount: 1, members: [{ personId: chair.id, role: 'chair' }] });
    expect((await district.call('GET', `/api/people/${second.id}`)).body.roles).toEqual([]);
  });

  it('rollback is refused once a person it created has joined another group', async () => {
    const newcomer = unique('ย้าย');
    const batch = await commit(district, (await groupImport([{ group: unique('กลุ่มก'), first: newcomer }])).body);
    const [personId] = await written(batch.id, 'people');
    const other = await district.call('POST', '/api/groups', {
      orgUnitCode: '3401',
      name: unique('กลุ่มข'),
      foundedOn: '2024-05-01',
      members: [{ personId, role: 'member' }],
    });
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    const refused = await rollback(batch);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('import_batch.rollback_blocked');
    expect(refused.body.th).toContain(newcomer);
    expect((await district.call('GET', `/api/people/${personId}`)).status).toBe(200);
  });

  it('a district officer of 3415 cannot import groups into 3401, nor add a member of 3401', async () => {
    const member = await person();
    const { dry, batch } = await importAsOtherDistrict(
      'groups',
      'occupational_groups',
      await groupFile([
        { group: unique('ข้าม'), first: unique('ใหม่') },
        { group: unique('ข้าม'), district: 'วารินชำราบ', first: member.firstName, last: member.lastName, id: member.citizenId },
      ]),
    );
    expect(dry.orgUnitCode).toBe('3415');
    expect(dry.report.rows[0].problems.map((p: any) => p.code)).toEqual(['import.out_of_scope']);
    // Not found in 3415, the 3401 person is not linked: a new person of 3415 would be created instead.
    expect(batch.counts).toMatchObject({ reject: 1 });
    expect(await count(`select count(*) n from group_members where person_id = ${member.id}`)).toBe(0);
  });

  it('the template downloads and reads back: every header found, the example row not imported', async () => {
    await expectTemplateReadsBack('groups');
  });
});

/** A producer of 3401 registered on the producers page, owned by a new person or by a group. */
async function producer(owner: { groupId: number } | 'person' = 'person', fiscalYear = 2569) {
  const ownerField = owner === 'person' ? { personId: (await person()).id } : owner;
  const res = await district.call('POST', '/api/producers', {
    orgUnitCode: '3401',
    ...ownerField,
    producerType: owner === 'person' ? 'sole_proprietor' : 'community_group',
    fiscalYear,
    registrationNo: unique('OTOP-P-'),
    registeredOn: '2025-11-15',
    communityLink: true,
    siteInDistrict: true,
    thaiNationality: true,
    documentsReceived: true,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id as number, registrationNo: res.body.registrationNo as string };
}

const PRODUCT_HEADER = [
  'อำเภอ',
  'เลขทะเบียนผู้ผลิต',
  'ชื่อผลิตภัณฑ์',
  'ประเภทผลิตภัณฑ์',
  'รายละเอียด',
  'ราคา (บาท)',
  'หน่วยนับ',
  'กลุ่มผลิตภัณฑ์ตามศักยภาพ',
];
type ProductCells = {
  reg: string;
  name: string;
  district?: string;
  category?: string;
  description?: string;
  price?: string;
  unit?: string;
  quadrant?: string;
};
const productRow = (p: ProductCells) => [
  p.district ?? 'เมืองอุบลราชธานี',
  p.reg,
  p.name,
  p.category ?? 'ผ้า เครื่องแต่งกาย',
  p.description ?? 'ผ้าไหมย้อมสีธรรมชาติ',
  p.price ?? '1,250.50',
  p.unit ?? 'ผืน',
  p.quadrant ?? 'B',
];
const productFile = (rows: ProductCells[]) => workbook(PRODUCT_HEADER, rows.map(productRow));
const productImport = async (rows: ProductCells[]) =>
  upload(t, cookies['demo-district'], '/api/imports/products', await productFile(rows));

describe('OTOP products', () => {
  it('dry run: producers by registration number (a group’s too), categories by Thai name or code, and every bad row', async () => {
    const before = await count('select count(*) n from products');
    const own = await producer();
    const group = await district.call('POST', '/api/groups', {
      orgUnitCode: '3401',
      name: unique('กลุ่มผลิต'),
      foundedOn: '2024-05-01',
    });
    expect(group.status, JSON.stringify(group.body)).toBe(201);
    const ofGroup = await producer({ groupId: group.body.id });
    const name = unique('ผ้าไหม');
    const rows: ProductCells[] = [
      { reg: own.registrationNo, name },
      { reg: ofGroup.registrationNo, name: unique('น้ำพริก'), category: 'food', price: '45 บาท', quadrant: '' },
      { reg: 'ไม่มีทะเบียนนี้', name: unique('ผ้า') },
      { reg: own.registrationNo, name: unique('ผ้า'), category: 'เครื่องประดับอวกาศ' },
      { reg: own.registrationNo, name: unique('ผ้า'), price: '12.345' },
      { reg: own.registrationNo, name: unique('ผ้า'), quadrant: 'E' },
      { reg: own.registrationNo, name },
      { reg: own.registrationNo, name: unique('ผ้า'), district: 'วารินชำราบ' },
    ];
    const res = await dryRun('products', await productFile(rows));
    const report = res.body.report.rows;
    expect(report.map((r: any) => r.action)).toEqual(['create', 'create', ...Array(6).fill('reject')]);
    const codes = report.map((r: any) => r.problems.map((p: any) => p.code));
    expect(codes[2]).toEqual(['import.producer_not_found']);
    expect(codes[3]).toEqual(['import.product_category']);
    expect(codes[4][0]).toMatch(/^baht\./);
    expect(codes[5]).toEqual(['import.quadrant']);
    expect(codes[6]).toEqual(['import.duplicate_in_file']);
    expect(codes[7]).toContain('import.out_of_scope');
    expect(report[2].problems[0].th).toContain('ไม่พบผู้ผลิตเลขทะเบียน "ไม่มีทะเบียนนี้"');
    expect(report[2].problems[0].en).toContain('register the producer first');
    expect(report[3].problems[0].th).toContain('ไม่รู้จักประเภทผลิตภัณฑ์');
    expect(report[3].problems[0].en).toContain('Unknown product category');
    expect(report[6].problems[0].th).toContain('แถวที่ 2');
    expect(await count('select count(*) n from products')).toBe(before);

    const batch = await commit(district, res.body);
    const [first, second] = await written(batch.id, 'products');
    expect((await district.call('GET', `/api/products/${first}`)).body).toMatchObject({
      producerId: own.id,
      category: 'textile',
      priceSatang: '125050',
      unit: 'ผืน',
      quadrant: 'B',
    });
    expect((await district.call('GET', `/api/products/${second}`)).body).toMatchObject({
      producerId: ofGroup.id,
      category: 'food',
      priceSatang: '4500',
      quadrant: null,
    });
  });

  it('same name for the same producer: update or skip; rollback restores the price and removes created products', async () => {
    const own = await producer();
    const name = unique('ข้าวฮาง');
    const first = await commit(
      district,
      (await productImport([{ reg: own.registrationNo, name, category: 'อาหาร', price: '80' }])).body,
    );
    const [productId] = await written(first.id, 'products');
    const rows: ProductCells[] = [
      { reg: own.registrationNo, name, category: '', description: 'แก้จากไฟล์', price: '95.25', quadrant: '' },
      { reg: own.registrationNo, name: unique('ข้าวกล้อง'), category: 'อาหาร' },
    ];
    const dry = (await productImport(rows)).body;
    expect(dry.report.rows.map((r: any) => [r.action, r.duplicate?.id])).toEqual([
      ['skip', productId],
      ['create', undefined],
    ]);
    const skipped = await commit(district, (await productImport([rows[0]])).body);
    expect(skipped.counts).toMatchObject({ skip: 1 });
    expect((await district.call('GET', `/api/products/${productId}`)).body.priceSatang).toBe('8000');

    const batch = await commit(district, dry, { choices: { 2: 'update' } });
    expect(batch.counts).toMatchObject({ update: 1, create: 1 });
    expect((await district.call('GET', `/api/products/${productId}`)).body).toMatchObject({
      category: 'food',
      description: 'แก้จากไฟล์',
      priceSatang: '9525',
      quadrant: 'B',
    });
    const [, createdId] = await written(batch.id, 'products');

    const rolled = await rollback(batch);
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(200);
    expect((await district.call('GET', `/api/products/${productId}`)).body).toMatchObject({
      description: 'ผ้าไหมย้อมสีธรรมชาติ',
      priceSatang: '8000',
    });
    expect((await district.call('GET', `/api/products/${createdId}`)).status).toBe(404);
  });

  it('rollback is refused once an imported product was changed since', async () => {
    const own = await producer();
    const name = unique('เสื่อกก');
    const batch = await commit(district, (await productImport([{ reg: own.registrationNo, name }])).body);
    const [productId] = await written(batch.id, 'products');
    const product = (await district.call('GET', `/api/products/${productId}`)).body;
    const changed = await district.call('PATCH', `/api/products/${productId}`, {
      version: product.version,
      producerId: own.id,
      name,
      category: 'household_souvenir',
      ratings: [{ year: 2568, stars: 4 }],
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const refused = await rollback(batch);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('import_batch.rollback_blocked');
    expect(refused.body.th).toContain(name);
    expect((await district.call('GET', `/api/products/${productId}`)).status).toBe(200);
  });

  it('a district officer of 3415 cannot import products into 3401, nor name a producer of 3401', async () => {
    const own = await producer();
    const { dry, batch } = await importAsOtherDistrict(
      'products',
      'products',
      await productFile([
        { reg: own.registrationNo, name: unique('ข้าม') },
        { reg: own.registrationNo, name: unique('ข้าม'), district: 'วารินชำราบ' },
      ]),
    );
    expect(dry.report.rows[0].problems.map((p: any) => p.code)).toContain('import.out_of_scope');
    expect(dry.report.rows[1].problems.map((p: any) => p.code)).toEqual(['import.producer_not_found']);
    expect(batch.counts).toMatchObject({ create: 0, reject: 2 });
  });

  it('the template downloads and reads back: every header found, the example row not imported', async () => {
    await expectTemplateReadsBack('products');
  });
});
