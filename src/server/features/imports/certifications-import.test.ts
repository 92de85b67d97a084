/**
 * The standards-certificate importer over HTTP against the real database: dry run with good and bad rows (problems in
 * Thai and English), commit, the same number for the same standard updated or skipped, rollback, refusal once a
 * certificate changed since, and a district that imports only into itself.
 */
import { describe, expect, it } from 'vitest';
import { upload, workbook } from './import-fixtures';
import { importSuite, unique } from './import-steps';

const { t, cookies, district, count, commit, rollback, written, dryRun, expectTemplateReadsBack, importAsOtherDistrict } =
  importSuite();

/** A product of a group-owned producer of 3401, entered on the pages (the group's stage moves with its certificates). */
async function product() {
  const group = await district.call('POST', '/api/groups', {
    orgUnitCode: '3401',
    name: unique('กลุ่มมาตรฐาน'),
    foundedOn: '2024-05-01',
  });
  expect(group.status, JSON.stringify(group.body)).toBe(201);
  const producer = await district.call('POST', '/api/producers', {
    orgUnitCode: '3401',
    groupId: group.body.id,
    producerType: 'community_group',
    fiscalYear: 2569,
    registrationNo: unique('OTOP-C-'),
    registeredOn: '2025-11-15',
    communityLink: true,
    siteInDistrict: true,
    thaiNationality: true,
    documentsReceived: true,
  });
  expect(producer.status, JSON.stringify(producer.body)).toBe(201);
  const name = unique('น้ำพริกเผา');
  const made = await district.call('POST', '/api/products', { producerId: producer.body.id, name, category: 'food' });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return {
    id: made.body.id as number,
    name,
    registrationNo: producer.body.registrationNo as string,
    groupId: group.body.id as number,
  };
}

const HEADER = ['อำเภอ', 'เลขทะเบียนผู้ผลิต', 'ชื่อผลิตภัณฑ์', 'มาตรฐาน', 'เลขที่ใบรับรอง', 'หน่วยงานที่ออกใบรับรอง', 'วันที่ออก', 'วันหมดอายุ'];
type Cells = {
  reg: string;
  product: string;
  no: string;
  standard?: string;
  issuer?: string;
  issued?: string;
  expires?: string;
  district?: string;
};
const row = (c: Cells) => [
  c.district ?? 'เมืองอุบลราชธานี',
  c.reg,
  c.product,
  c.standard ?? 'มผช.',
  c.no,
  c.issuer ?? 'สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม',
  c.issued ?? '1/3/2568',
  c.expires ?? '28/2/2571',
];
const certFile = (rows: Cells[]) => workbook(HEADER, rows.map(row));
const certImport = async (rows: Cells[]) =>
  upload(t, cookies['demo-district'], '/api/imports/certifications', await certFile(rows));

describe('standards certificates', () => {
  it('dry run: product by name + registration number, standard by name or code, BE dates, and every bad row', async () => {
    const before = await count('select count(*) n from certifications');
    const p = await product();
    const no = unique('มผช. ');
    const rows: Cells[] = [
      { reg: p.registrationNo, product: p.name, no },
      { reg: p.registrationNo, product: p.name, no: unique('GMP-'), standard: 'gmp', expires: '' },
      { reg: p.registrationNo, product: 'ไม่มีสินค้านี้', no: unique('x') },
      { reg: p.registrationNo, product: p.name, no: unique('x'), standard: 'ISO 9999' },
      { reg: p.registrationNo, product: p.name, no: unique('x'), issued: '1/3/2568', expires: '1/3/2567' },
      { reg: p.registrationNo, product: p.name, no },
      { reg: p.registrationNo, product: p.name, no: unique('x'), issued: '' },
      { reg: p.registrationNo, product: p.name, no: unique('x'), district: 'วารินชำราบ' },
    ];
    const res = await dryRun('certifications', await certFile(rows));
    const report = res.body.report.rows;
    expect(report.map((r: any) => r.action)).toEqual(['create', 'create', ...Array(6).fill('reject')]);
    expect(report.slice(2).map((r: any) => r.problems.map((q: any) => q.code))).toEqual([
      ['import.product_not_found'],
      ['import.standard'],
      ['certification.expiry_before_issue'],
      ['import.duplicate_in_file'],
      ['import.required'],
      ['import.out_of_scope'],
    ]);
    expect(report[2].problems[0].th).toContain('ไม่พบผลิตภัณฑ์ "ไม่มีสินค้านี้"');
    expect(report[2].problems[0].en).toContain('add the product first');
    expect(report[3].problems[0].th).toContain('ไม่รู้จักมาตรฐาน "ISO 9999"');
    expect(report[4].problems[0].en).toContain('before the issue date');
    expect(report[5].problems[0].th).toContain('แถวที่ 2');
    expect(await count('select count(*) n from certifications')).toBe(before);

    const batch = await commit(district, res.body);
    const [first, second] = await written(batch.id, 'certifications');
    expect((await district.call('GET', `/api/certifications/${first}`)).body).toMatchObject({
      productId: p.id,
      standardCode: 'mpc',
      issuedOn: '2025-03-01',
      expiresOn: '2028-02-28',
    });
    expect((await district.call('GET', `/api/certifications/${second}`)).body).toMatchObject({
      standardCode: 'gmp',
      expiresOn: null,
    });
  });

  it('same number for the same standard: update or skip; rollback restores and removes, and refuses once changed since', async () => {
    const p = await product();
    const no = unique('อย. ');
    const first = await commit(
      district,
      (await certImport([{ reg: p.registrationNo, product: p.name, no, standard: 'อย.' }])).body,
    );
    const [certId] = await written(first.id, 'certifications');
    const rows: Cells[] = [
      { reg: p.registrationNo, product: p.name, no, standard: 'fda', expires: '1/1/2572' },
      { reg: p.registrationNo, product: p.name, no: unique('Q-'), standard: 'เครื่องหมาย Q' },
    ];
    const dry = (await certImport(rows)).body;
    expect(dry.report.rows.map((r: any) => [r.action, r.duplicate?.id])).toEqual([
      ['skip', certId],
      ['create', undefined],
    ]);
    expect((await commit(district, (await certImport([rows[0]])).body)).counts).toMatchObject({ skip: 1 });
    expect((await district.call('GET', `/api/certifications/${certId}`)).body.expiresOn).toBe('2028-02-28');

    const batch = await commit(district, dry, { choices: { 2: 'update' } });
    expect(batch.counts).toMatchObject({ update: 1, create: 1 });
    expect((await district.call('GET', `/api/certifications/${certId}`)).body.expiresOn).toBe('2029-01-01');
    const [, createdId] = await written(batch.id, 'certifications');
    const rolled = await rollback(batch);
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(200);
    expect((await district.call('GET', `/api/certifications/${certId}`)).body.expiresOn).toBe('2028-02-28');
    expect((await district.call('GET', `/api/certifications/${createdId}`)).status).toBe(404);

    // The first batch's certificate, changed on its page since, is not taken back.
    const cert = (await district.call('GET', `/api/certifications/${certId}`)).body;
    const changed = await district.call('PATCH', `/api/certifications/${certId}`, {
      version: cert.version,
      productId: p.id,
      standardCode: 'fda',
      certificateNo: no,
      issuer: 'สำนักงานคณะกรรมการอาหารและยา',
      issuedOn: '2025-03-01',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const refused = await rollback(first);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('import_batch.rollback_blocked');
    expect(refused.body.th).toContain(no);
  });

  it('a certificate moves its group to strengthened, as the form does; the rollback moves it back', async () => {
    const p = await product();
    expect((await district.call('GET', `/api/groups/${p.groupId}`)).body.stage).toBe('otop_registered');
    const batch = await commit(
      district,
      (await certImport([{ reg: p.registrationNo, product: p.name, no: unique('มผช. ') }])).body,
    );
    expect((await district.call('GET', `/api/groups/${p.groupId}`)).body).toMatchObject({
      stage: 'strengthened',
      evidence: expect.arrayContaining(['strengthened']),
    });
    const rolled = await rollback(batch);
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(200);
    const group = (await district.call('GET', `/api/groups/${p.groupId}`)).body;
    expect(group.stage).toBe('otop_registered');
    expect(group.evidence).not.toContain('strengthened');
  });

  it('a district officer of 3415 cannot import certificates into 3401, nor name a product of 3401', async () => {
    const p = await product();
    const { dry, batch } = await importAsOtherDistrict(
      'certifications',
      'certifications',
      await certFile([
        { reg: p.registrationNo, product: p.name, no: unique('x') },
        { reg: p.registrationNo, product: p.name, no: unique('x'), district: 'วารินชำราบ' },
      ]),
    );
    expect(dry.report.rows[0].problems.map((q: any) => q.code)).toContain('import.out_of_scope');
    expect(dry.report.rows[1].problems.map((q: any) => q.code)).toEqual(['import.product_not_found']);
    expect(batch.counts).toMatchObject({ create: 0, reject: 2 });
  });

  it('the template downloads and reads back: every header found, the example row not imported', async () => {
    await expectTemplateReadsBack('certifications');
  });
});
