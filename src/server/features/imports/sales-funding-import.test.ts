/**
 * The monthly sales importer over HTTP against the real database: months in BE, CE or Thai month names, baht into
 * satang, dry run with good and bad rows (problems in Thai and English), commit through the sales feature, duplicates
 * (seller + channel + month) updated or skipped, a locked quarter refused, rollback, and scope.
 */
import { describe, expect, it } from 'vitest';
import { upload, workbook } from './import-fixtures';
import { importSuite } from './import-steps';
import { parseMonthText } from './sales.importer';

const { t, cookies, district, count, commit, rollback, written, dryRun, expectTemplateReadsBack, importAsOtherDistrict } =
  importSuite();

const SALES_HEADER = [
  'อำเภอ',
  'เดือน',
  'กลุ่มอาชีพ',
  'ผลิตภัณฑ์',
  'เลขทะเบียนผู้ผลิต',
  'ช่องทางการขาย',
  'ยอดขาย (บาท)',
  'จำนวนที่ขาย',
  'หมายเหตุ',
];
type SaleCells = {
  district?: string;
  month?: string;
  group?: string;
  product?: string;
  channel?: string;
  amount?: string;
  quantity?: string;
  note?: string;
};
const saleRow = (s: SaleCells) => [
  s.district ?? 'เมืองอุบลราชธานี',
  s.month ?? 'มกราคม 2569',
  s.group ?? '',
  s.product ?? '',
  '',
  s.channel ?? 'ตลาดชุมชน',
  s.amount ?? '1,000',
  s.quantity ?? '',
  s.note ?? '',
];
const salesFile = (rows: SaleCells[]) => workbook(SALES_HEADER, rows.map(saleRow));

describe('monthly sales', () => {
  it('reads a month in BE, CE or with a Thai month name', () => {
    for (const [text, month] of [
      ['มกราคม 2569', '2026-01'],
      ['ม.ค. 2569', '2026-01'],
      ['มค 2569', '2026-01'],
      ['กุมภาพันธ์ 2026', '2026-02'],
      ['3/2569', '2026-03'],
      ['03/2026', '2026-03'],
      ['2026-04', '2026-04'],
      ['2569-04', '2026-04'],
      ['15/5/2569', '2026-05'],
      ['2026-06-01', '2026-06'],
    ])
      expect(parseMonthText(text), text).toEqual({ value: month });
    expect(parseMonthText('เดือนหน้า')).toMatchObject({ problem: { code: 'month.invalid' } });
    expect(parseMonthText('1/69')).toMatchObject({ problem: { code: 'date.ambiguous_year' } });
  });

  it('dry run: good rows in baht, bad rows in Thai and English, nothing written', async () => {
    const group = await district.group();
    const producer = await district.producer(group.id);
    const product = await district.product(producer.id);
    const before = await count('select count(*) n from sales');
    const rows: SaleCells[] = [
      { group: group.name, amount: '12,500.50 บาท', quantity: '40' },
      { product: product.name, month: '2/2569', channel: 'online' },
      { group: group.name, month: '2026-03', channel: 'ช่องทางออนไลน์' },
      { group: group.name, channel: 'ขายตรง' },
      { group: group.name, month: 'ธันวาคม 2570' },
      { group: 'ไม่มีกลุ่มนี้' },
      { group: group.name, month: 'เมษายน 2569', amount: '10.555' },
      { group: group.name, product: product.name, month: 'พฤษภาคม 2569' },
      { group: group.name, month: 'ม.ค. 2569' },
      { group: group.name, district: 'วารินชำราบ', month: 'มิถุนายน 2569' },
    ];
    const res = await dryRun('sales', await salesFile(rows));
    const report = res.body.report.rows;
    expect(report.map((r: any) => r.action)).toEqual([...Array(3).fill('create'), ...Array(7).fill('reject')]);
    expect(report[3].problems[0]).toMatchObject({ line: 5, column: 'channel', code: 'import.sales_channel' });
    expect(report[3].problems[0].th).toContain('ขายตรง');
    expect(report[4].problems[0]).toMatchObject({ column: 'month', code: 'sale.month_in_future' });
    expect(report[4].problems[0].th).toBe('เดือนของยอดขายต้องไม่เป็นเดือนในอนาคต');
    expect(report[5].problems[0]).toMatchObject({ column: 'group', code: 'import.group_unknown' });
    expect(report[5].problems[0].en).toContain('No group');
    expect(report[6].problems[0]).toMatchObject({ column: 'amount' });
    expect(report[7].problems[0]).toMatchObject({ code: 'import.sale_one_seller' });
    expect(report[8].problems[0]).toMatchObject({ code: 'import.duplicate_in_file' });
    expect(report[8].problems[0].th).toContain('แถวที่ 2');
    expect(report[9].problems[0]).toMatchObject({ code: 'import.out_of_scope' });
    expect(await count('select count(*) n from sales')).toBe(before);
  });

  it('commits in satang; the same seller, channel and month is skipped or updated; rollback restores and removes', async () => {
    const group = await district.group();
    const first = await commit(
      district,
      (
        await upload(
          t,
          cookies['demo-district'],
          '/api/imports/sales',
          await salesFile([{ group: group.name, month: 'ก.ค. 2569', amount: '12,500.50', quantity: '40', note: 'เดิม' }]),
        )
      ).body,
    );
    expect(first.counts).toMatchObject({ create: 1 });
    const [saleId] = await written(first.id, 'sales');
    expect((await district.call('GET', `/api/sales/${saleId}`)).body).toMatchObject({
      group: { id: group.id },
      month: '2026-07',
      channelCode: 'community_market',
      amountSatang: '1250050',
      quantity: 40,
      note: 'เดิม',
    });

    const again = [
      { group: group.name, month: '7/2026', amount: '20,000' },
      { group: group.name, month: 'สิงหาคม 2569', amount: '300' },
    ];
    const dry = (await upload(t, cookies['demo-district'], '/api/imports/sales', await salesFile(again))).body;
    expect(dry.report.rows.map((r: any) => [r.action, r.duplicate?.id])).toEqual([
      ['skip', saleId],
      ['create', undefined],
    ]);
    const skipped = await commit(district, dry);
    expect(skipped.counts).toMatchObject({ skip: 1, create: 1 });
    expect((await district.call('GET', `/api/sales/${saleId}`)).body.amountSatang).toBe('1250050');
    expect((await rollback(skipped)).status).toBe(200);

    const dry2 = (await upload(t, cookies['demo-district'], '/api/imports/sales', await salesFile(again))).body;
    const batch = await commit(district, dry2, { choices: { 2: 'update' } });
    expect(batch.counts).toMatchObject({ update: 1, create: 1 });
    expect((await district.call('GET', `/api/sales/${saleId}`)).body).toMatchObject({
      amountSatang: '2000000',
      quantity: 40,
      note: 'เดิม',
    });
    const [, createdId] = await written(batch.id, 'sales');
    const rolled = await rollback(batch);
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(200);
    expect((await district.call('GET', `/api/sales/${saleId}`)).body.amountSatang).toBe('1250050');
    expect((await district.call('GET', `/api/sales/${createdId}`)).status).toBe(404);
  });

  it('rollback is refused once an imported sale was changed afterwards', async () => {
    const group = await district.group();
    const batch = await commit(
      district,
      (
        await upload(
          t,
          cookies['demo-district'],
          '/api/imports/sales',
          await salesFile([{ group: group.name, month: 'กันยายน 2569' }]),
        )
      ).body,
    );
    const [id] = await written(batch.id, 'sales');
    const sale = (await district.call('GET', `/api/sales/${id}`)).body;
    const changed = await district.call('PATCH', `/api/sales/${id}`, {
      version: sale.version,
      groupId: group.id,
      channelCode: sale.channelCode,
      month: sale.month,
      amountSatang: '5',
      note: '',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const refused = await rollback(batch);
    expect([refused.status, refused.body.code]).toEqual([409, 'import_batch.rollback_blocked']);
    expect(refused.body.th).toContain('2026-09');
  });

  it('a month in a locked quarter is refused with the error the sales feature gives', async () => {
    const group = await district.group();
    await t.rows(
      `insert into quarter_locks (org_unit_code, fiscal_year, quarter, locked_by)
       select '3401', 2568, 1, id from users where username = 'demo-province'`,
    );
    const direct = await district.call('POST', '/api/sales', {
      orgUnitCode: '3401',
      groupId: group.id,
      channelCode: 'online',
      month: '2024-11',
      amountSatang: '100',
    });
    expect([direct.status, direct.body.code]).toEqual([409, 'quarter.locked']);
    const res = await upload(
      t,
      cookies['demo-district'],
      '/api/imports/sales',
      await salesFile([
        { group: group.name, month: 'พฤศจิกายน 2567' },
        { group: group.name, month: 'มกราคม 2568' },
      ]),
    );
    const [locked, open] = res.body.report.rows;
    expect(locked.problems[0]).toMatchObject({ code: 'quarter.locked', column: 'month', th: direct.body.th, en: direct.body.en });
    expect(open.action).toBe('create');
  });

  it('a district officer of 3415 cannot import sales into 3401, nor name a group of 3401', async () => {
    const group = await district.group();
    const { dry, batch } = await importAsOtherDistrict(
      'sales',
      'sales',
      await salesFile([{ group: group.name }, { group: group.name, district: 'วารินชำราบ' }]),
    );
    expect(dry.report.rows[0].problems.map((p: any) => p.code)).toContain('import.out_of_scope');
    expect(dry.report.rows[1].problems.map((p: any) => p.code)).toEqual(['import.group_unknown']);
    expect(batch.counts).toMatchObject({ create: 0, reject: 2 });
  });

  it('the template downloads and reads back', async () => {
    await expectTemplateReadsBack('sales');
  });
});

const FUNDING_HEADER = [
  'อำเภอ',
  'กลุ่มอาชีพ',
  'แหล่งทุน',
  'วัตถุประสงค์',
  'วงเงินที่ขอ (บาท)',
  'วันที่ยื่นคำขอ',
  'ผลการพิจารณา',
  'วงเงินที่อนุมัติ (บาท)',
  'เหตุผลที่อนุมัติเกินวงเงินที่ขอ',
  'วันที่พิจารณา',
  'วันที่ได้รับเงิน',
  'หมายเหตุ',
];
type FundingCells = {
  district?: string;
  group: string;
  source?: string;
  purpose?: string;
  asked?: string;
  applied?: string;
  status?: string;
  approved?: string;
  reason?: string;
  decided?: string;
  received?: string;
};
const fundingRow = (f: FundingCells) => [
  f.district ?? 'เมืองอุบลราชธานี',
  f.group,
  f.source ?? 'กองทุนหมู่บ้านและชุมชนเมือง',
  f.purpose ?? 'ซื้อกี่ทอผ้า',
  f.asked ?? '50,000',
  f.applied ?? '1/6/2569',
  f.status ?? '',
  f.approved ?? '',
  f.reason ?? '',
  f.decided ?? '',
  f.received ?? '',
  '',
];
const fundingFile = (rows: FundingCells[]) => workbook(FUNDING_HEADER, rows.map(fundingRow));

describe('funding applications', () => {
  it('dry run: applications with and without a decision, bad rows in Thai and English, nothing written', async () => {
    const group = await district.group();
    const before = await count('select count(*) n from funding_applications');
    const rows: FundingCells[] = [
      { group: group.name },
      { group: group.name, source: 'baac', status: 'อนุมัติ', approved: '40,000', decided: '15/6/2569', received: '20/6/2569' },
      { group: group.name, source: 'ธนาคารออมสิน', status: 'ไม่อนุมัติ', decided: '2026-06-10' },
      { group: group.name, source: 'หวย' },
      { group: group.name, source: 'gsb', applied: '2/6/2569', status: 'อนุมัติ', decided: '3/6/2569' },
      { group: group.name, source: 'gsb', applied: '3/6/2569', status: 'อนุมัติ', approved: '60,000', decided: '4/6/2569' },
      { group: group.name, source: 'gsb', applied: '4/6/2569', status: 'ไม่อนุมัติ', decided: '1/5/2569' },
      { group: group.name },
      { group: group.name, district: 'วารินชำราบ', source: 'other' },
    ];
    const res = await dryRun('funding', await fundingFile(rows));
    const report = res.body.report.rows;
    expect(report.map((r: any) => r.action)).toEqual([...Array(3).fill('create'), ...Array(6).fill('reject')]);
    expect(report[3].problems[0]).toMatchObject({ line: 5, column: 'source', code: 'import.funding_source' });
    expect(report[3].problems[0].th).toContain('หวย');
    expect(report[4].problems[0]).toMatchObject({ column: 'approved', code: 'import.funding_invalid' });
    expect(report[5].problems[0]).toMatchObject({ column: 'approved', code: 'funding.approved_over_asked' });
    expect(report[5].problems[0].th).toContain('60,000');
    expect(report[6].problems[0]).toMatchObject({ column: 'decidedOn', code: 'funding.decided_before_applied' });
    expect(report[7].problems[0]).toMatchObject({ code: 'import.duplicate_in_file' });
    expect(report[7].problems[0].en).toContain('row 2');
    expect(report[8].problems[0]).toMatchObject({ code: 'import.out_of_scope' });
    expect(await count('select count(*) n from funding_applications')).toBe(before);
  });

  it('commits with decisions in satang; a duplicate is skipped or updated; rollback restores the decision and removes', async () => {
    const group = await district.group();
    const first = await commit(
      district,
      (
        await upload(
          t,
          cookies['demo-district'],
          '/api/imports/funding',
          await fundingFile([{ group: group.name, source: 'baac', purpose: 'ทุนหมุนเวียน', asked: '50,000.25' }]),
        )
      ).body,
    );
    const [fundingId] = await written(first.id, 'funding_applications');
    expect((await district.call('GET', `/api/funding/${fundingId}`)).body).toMatchObject({
      group: { id: group.id },
      sourceCode: 'baac',
      askedSatang: '5000025',
      appliedOn: '2026-06-01',
      status: 'applied',
    });
    const again = [
      {
        group: group.name,
        source: 'baac',
        purpose: 'ทุนหมุนเวียน (แก้ไข)',
        asked: '50,000.25',
        status: 'อนุมัติ',
        approved: '45,000',
        decided: '20/6/2569',
      },
      { group: group.name, source: 'gsb', applied: '2/6/2569' },
    ];
    const dry = (await upload(t, cookies['demo-district'], '/api/imports/funding', await fundingFile(again))).body;
    expect(dry.report.rows.map((r: any) => [r.action, r.duplicate?.id])).toEqual([
      ['skip', fundingId],
      ['create', undefined],
    ]);
    const batch = await commit(district, dry, { choices: { 2: 'update' } });
    expect(batch.counts).toMatchObject({ update: 1, create: 1 });
    expect((await district.call('GET', `/api/funding/${fundingId}`)).body).toMatchObject({
      purpose: 'ทุนหมุนเวียน (แก้ไข)',
      status: 'approved',
      approvedSatang: '4500000',
      decidedOn: '2026-06-20',
    });
    const [, createdId] = await written(batch.id, 'funding_applications');
    const rolled = await rollback(batch);
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(200);
    expect((await district.call('GET', `/api/funding/${fundingId}`)).body).toMatchObject({
      purpose: 'ทุนหมุนเวียน',
      status: 'applied',
      approvedSatang: null,
      decidedOn: null,
    });
    expect((await district.call('GET', `/api/funding/${createdId}`)).status).toBe(404);
  });

  it('a decision dated in a locked quarter is refused with the error the funding feature gives', async () => {
    const group = await district.group();
    // Fiscal 2568 quarter 1 (October to December 2024) was locked by the sales test above.
    const res = await upload(
      t,
      cookies['demo-district'],
      '/api/imports/funding',
      await fundingFile([
        { group: group.name, applied: '1/11/2567', status: 'ไม่อนุมัติ', decided: '20/11/2567' },
        { group: group.name, source: 'gsb', applied: '1/11/2567' },
      ]),
    );
    const [locked, open] = res.body.report.rows;
    expect(locked.problems[0]).toMatchObject({ code: 'quarter.locked', column: 'decidedOn' });
    expect(locked.problems[0].th).toContain('ไตรมาสนี้จังหวัดอนุมัติรายงานและปิดงวดแล้ว');
    expect(open.action).toBe('create');
  });

  it('a district officer of 3415 cannot import funding into 3401, nor name a group of 3401', async () => {
    const group = await district.group();
    const { dry, batch } = await importAsOtherDistrict(
      'funding',
      'funding_applications',
      await fundingFile([{ group: group.name }, { group: group.name, district: 'วารินชำราบ' }]),
    );
    expect(dry.report.rows[0].problems.map((p: any) => p.code)).toContain('import.out_of_scope');
    expect(dry.report.rows[1].problems.map((p: any) => p.code)).toEqual(['import.group_unknown']);
    expect(batch.counts).toMatchObject({ create: 0, reject: 2 });
  });

  it('the template downloads and reads back', async () => {
    await expectTemplateReadsBack('funding');
  });
});
