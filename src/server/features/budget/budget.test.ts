import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { pdfText } from '../../test/poppler';

// PGlite runs one transaction at a time, so a race can only be lost (and the lock proven) on PostgreSQL.
const onPostgres = inject('testDatabase').kind === 'postgresql';
let t: TestContext;
let nation: ReturnType<typeof api>;
let province: ReturnType<typeof api>;
let district: ReturnType<typeof api>;
let activityId: number;
beforeAll(async () => {
  t = await createTestContext();
  nation = api(t, await t.login('demo-admin'));
  province = api(t, await t.login('demo-province'));
  district = api(t, await t.login('demo-district'));
  const items = (await province.call('GET', '/api/budget/items?fiscalYear=2563')).body;
  activityId = items.find((i: any) => i.level === 'activity').id;
});
afterAll(() => t.close());

const layoutText = (pdf: Buffer) => pdfText(pdf, ['-layout']);

describe('the seed letter’s FY2563 project', () => {
  it('has the register of Ubon Ratchathani: 26 rows totalling 41,100 baht, nothing left over', async () => {
    const { status, body } = await province.call('GET', `/api/budget/items/${activityId}/register?unit=34`);
    expect(status).toBe(200);
    expect(body.rows).toHaveLength(26);
    expect(body.totalSatang).toBe('4110000');
    expect(body.receivedSatang).toBe('4110000');
    expect(body.remainderSatang).toBe('0');
    expect(body.totalText).toBe('สี่หมื่นหนึ่งพันหนึ่งร้อยบาทถ้วน');
    expect(body.rows.filter((r: any) => r.amountSatang === '150000')).toHaveLength(25);
    expect(body.rows.at(-1)).toMatchObject({ ownShare: true, amountSatang: '360000', category: 'services' });
    expect(body.rows.map((r: any) => r.nameTh)).toEqual(expect.arrayContaining(['บุณฑริก', 'ตาลสุม']));
    expect(body.item).toMatchObject({ fiscalYear: 2563, quarters: [3], budgetSatang: '154380000' });
    expect(body.item.notes).toContain('บุญศรี');
    expect(body.path).toEqual([
      { level: 'plan', name: 'แผนงานบูรณาการพัฒนาและส่งเสริมเศรษฐกิจฐานราก' },
      { level: 'project', name: 'ส่งเสริมการพัฒนาผู้ประกอบการ/วิสาหกิจชุมชนในการผลิตสินค้าเกษตรและผลิตภัณฑ์ OTOP' },
      { level: 'main_activity', name: 'พัฒนาผู้ประกอบการชุมชน' },
      { level: 'activity', name: 'การพัฒนาศักยภาพศูนย์บริการส่งเสริมเศรษฐกิจฐานราก' },
    ]);
  });

  it('states a budget for the activity only: the plan, project and main activity have none of their own', async () => {
    const items = (await province.call('GET', '/api/budget/items?fiscalYear=2563')).body;
    expect(items.map((i: any) => [i.level, i.budgetSatang])).toEqual([
      ['plan', null],
      ['project', null],
      ['main_activity', null],
      ['activity', '154380000'],
    ]);
    const refused = await t.as(await t.login('demo-admin'), {
      method: 'POST',
      url: '/api/budget/items',
      payload: { fiscalYear: 2563, level: 'activity', name: 'ไม่มีงบ', responsibleUnitCode: 'TH' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('budget.activity_needs_budget');
  });

  it('prints the register as a PDF whose text says the total in Thai words', async () => {
    const res = await t.as(await t.login('demo-province'), {
      method: 'GET',
      url: `/api/budget/items/${activityId}/register.pdf?unit=34`,
    });
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = layoutText(res.rawPayload);
    expect(text).toContain('สี่หมื่นหนึ่งพันหนึ่งร้อยบาทถ้วน');
    expect(text).toContain('41,100.00');
    expect(text).toContain('บุณฑริก');
    expect(text).toContain('แผนงานบูรณาการพัฒนาและส่งเสริมเศรษฐกิจฐานราก');
    expect(text).not.toContain('แผนงาน แผนงาน');
    const thaiDigits = await t.as(await t.login('demo-province'), {
      method: 'GET',
      url: `/api/budget/items/${activityId}/register.pdf?unit=34&digits=thai`,
    });
    expect(layoutText(thaiDigits.rawPayload)).toContain('๔๑,๑๐๐.๐๐');
  });

  it('exports the register as XLSX with amounts as numbers', async () => {
    const res = await t.as(await t.login('demo-province'), {
      method: 'GET',
      url: `/api/budget/items/${activityId}/register.xlsx?unit=34`,
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as any);
    const column = book.worksheets[0].getColumn(6).values;
    const amounts = column.filter((v) => typeof v === 'number');
    expect(amounts).toHaveLength(26);
    expect(amounts.filter((v) => v === 1500)).toHaveLength(25);
    // The total is a SUM formula carrying its value.
    expect(column.at(-1)).toMatchObject({ formula: expect.stringMatching(/^SUM\(F\d+:F\d+\)$/), result: 41_100 });
  });
});

describe('the budget structure', () => {
  it("shows a province and a district their own money, not the nation's, each level adding up its activities", async () => {
    const nationwide = (await nation.call('GET', '/api/budget/items?fiscalYear=2563')).body;
    expect(nationwide.find((i: any) => i.id === activityId)).toMatchObject({ budgetSatang: '154380000' });
    expect(nationwide[0].receivedSatang).toBeUndefined();

    const ubon = (await province.call('GET', '/api/budget/items?fiscalYear=2563&unit=34')).body;
    expect(ubon.map((i: any) => [i.level, i.receivedSatang])).toEqual([
      ['plan', '4110000'],
      ['project', '4110000'],
      ['main_activity', '4110000'],
      ['activity', '4110000'],
    ]);
    const mueang = (await district.call('GET', '/api/budget/items?fiscalYear=2563&unit=3401')).body;
    expect(mueang.map((i: any) => i.receivedSatang)).toEqual(['150000', '150000', '150000', '150000']);
  });

  it('refuses the figures of a unit outside the reader’s scope', async () => {
    const other = await district.call('GET', '/api/budget/items?fiscalYear=2563&unit=3402');
    expect(other.body.code).toBe('access.out_of_scope');
  });
});

describe('allocation rules', () => {
  async function newActivity(budgetBaht: number) {
    const item = await nation.call('POST', '/api/budget/items', {
      fiscalYear: 2570,
      level: 'activity',
      name: `กิจกรรมทดลอง ${Math.random()}`,
      responsibleUnitCode: 'TH',
      budgetSatang: String(budgetBaht * 100),
      quarters: [1],
    });
    expect(item.status).toBe(201);
    return item.body.id as number;
  }
  const allocation = (itemId: number, from: string, to: string, baht: number) => ({
    itemId,
    fromUnitCode: from,
    toUnitCode: to,
    quarter: 1,
    category: 'materials',
    amountSatang: String(baht * 100),
  });

  it('never allocates more than the level above gave, and says what remains', async () => {
    const itemId = await newActivity(1000);
    expect((await nation.call('POST', '/api/budget/allocations', allocation(itemId, 'TH', '34', 800))).status).toBe(201);
    const over = await nation.call('POST', '/api/budget/allocations', allocation(itemId, 'TH', '40', 201));
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'allocation.over_budget', th: 'จัดสรรเกินวงเงิน: คงเหลือให้จัดสรรได้ 200.00 บาท' });
    expect((await province.call('POST', '/api/budget/allocations', allocation(itemId, '34', '3401', 500))).status).toBe(201);
    const provinceOver = await province.call('POST', '/api/budget/allocations', allocation(itemId, '34', '34', 301));
    expect(provinceOver.body.code).toBe('allocation.over_budget');
    const register = (await province.call('GET', `/api/budget/items/${itemId}/register?unit=34`)).body;
    expect(register).toMatchObject({ totalSatang: '50000', remainderSatang: '30000' });
  });

  it('refuses zero and negative amounts in Thai and English', async () => {
    const itemId = await newActivity(100);
    for (const amountSatang of ['0', '-100', '1.5']) {
      const res = await nation.call('POST', '/api/budget/allocations', { ...allocation(itemId, 'TH', '34', 1), amountSatang });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toBe('body/amountSatang');
    }
  });

  it('allows only one level down and only within scope', async () => {
    const itemId = await newActivity(1000);
    await nation.call('POST', '/api/budget/allocations', allocation(itemId, 'TH', '34', 500));
    expect((await nation.call('POST', '/api/budget/allocations', allocation(itemId, 'TH', '3401', 10))).body.code).toBe(
      'allocation.not_down_one_level',
    );
    expect((await province.call('POST', '/api/budget/allocations', allocation(itemId, '34', '4001', 10))).status).toBe(403);
    expect((await province.call('POST', '/api/budget/allocations', allocation(itemId, 'TH', '35', 10))).status).toBe(403);
    expect((await district.call('POST', '/api/budget/allocations', allocation(itemId, '34', '3401', 10))).status).toBe(403);
    expect((await district.call('GET', `/api/budget/items/${itemId}/register?unit=34`)).status).toBe(403);
  });

  it.runIf(onPostgres)(
    'never over-allocates when officers allocate at the same moment (PostgreSQL: real concurrency)',
    async () => {
      const itemId = await newActivity(1000);
      const results = await Promise.all(
        ['34', '35', '36', '37', '40'].map((code) =>
          nation.call('POST', '/api/budget/allocations', allocation(itemId, 'TH', code, 300)),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(3);
      expect(results.filter((r) => r.status === 422)).toHaveLength(2);
      const register = (await nation.call('GET', `/api/budget/items/${itemId}/register?unit=TH`)).body;
      expect(register.totalSatang).toBe('90000');
    },
  );

  it('refuses to reverse money the receiving unit already passed on or spent', async () => {
    const itemId = await newActivity(1000);
    const toProvince = (await nation.call('POST', '/api/budget/allocations', allocation(itemId, 'TH', '34', 1000))).body;
    expect((await province.call('POST', '/api/budget/allocations', allocation(itemId, '34', '3401', 600))).status).toBe(201);
    const passedOn = await nation.call('POST', `/api/budget/allocations/${toProvince.id}/reverse`, { note: 'ยกเลิกทั้งหมด' });
    expect(passedOn.status).toBe(422);
    expect(passedOn.body).toMatchObject({ code: 'allocation.already_used' });
    expect(passedOn.body.th).toContain('400.00');
    const own = (await province.call('POST', '/api/budget/allocations', allocation(itemId, '34', '34', 400))).body;
    const paid = await province.call('POST', '/api/disbursements', {
      itemId,
      orgUnitCode: '34',
      paidOn: '2026-11-02',
      description: 'ค่าวัสดุ',
      category: 'materials',
      amountSatang: '10000',
      procurementMethod: 'specific',
      vendor: 'ร้านสมบูรณ์การค้า',
      documentNo: 'บจ 1/2570',
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    const spent = await province.call('POST', `/api/budget/allocations/${own.id}/reverse`, { note: 'ยกเลิกส่วนของจังหวัด' });
    expect(spent.body).toMatchObject({ code: 'allocation.already_used' });
    expect(spent.body.en).toContain('300.00');
    expect((await province.call('GET', `/api/budget/items/${itemId}/register?unit=34`)).body.remainderSatang).toBe('0');
  });

  it('corrects by reversal, never by deleting', async () => {
    const itemId = await newActivity(1000);
    const made = (await nation.call('POST', '/api/budget/allocations', allocation(itemId, 'TH', '34', 1000))).body;
    const reversed = await nation.call('POST', `/api/budget/allocations/${made.id}/reverse`, { note: 'จัดสรรผิดจังหวัด' });
    expect(reversed.status).toBe(201);
    expect(reversed.body.amountSatang).toBe('-100000');
    expect((await nation.call('POST', `/api/budget/allocations/${made.id}/reverse`, { note: 'ซ้ำ' })).status).toBe(409);
    expect((await nation.call('GET', `/api/budget/items/${itemId}/register?unit=TH`)).body).toMatchObject({
      rows: [],
      remainderSatang: '100000',
    });
    const error: any = await t.rows(`delete from allocations where id = ${made.id}`).catch((e) => e);
    expect(String(error.cause?.message ?? error.message)).toContain('append-only');
  });
});

describe('the allocation letter', () => {
  it('is a Thai external letter with number, BE date, subject, amount in words, deadline and the register enclosed', async () => {
    const res = await t.as(await t.login('demo-province'), {
      method: 'POST',
      url: `/api/budget/items/${activityId}/letter.pdf`,
      payload: { unit: '34', signer: 'นายคมกริช ชินชนะ', position: 'ผู้อำนวยการจังหวัด', digits: 'thai' },
    });
    expect(res.statusCode).toBe(200);
    const text = layoutText(res.rawPayload).replace(/\s+/g, ' ');
    expect(text).toMatch(/ที่ อบ ๐๐๑๘\/ว [๐-๙]+/);
    expect(text).toContain('๒๓ เมษายน ๒๕๖๓');
    expect(text).toContain('เรื่อง');
    expect(text).toContain('สี่หมื่นหนึ่งพันหนึ่งร้อยบาทถ้วน');
    expect(text).toContain('๓๐ เมษายน ๒๕๖๓');
    expect(text).toContain('ทะเบียนการจัดสรรงบประมาณ');
    expect(text).toContain('(นายคมกริช ชินชนะ)');
  });
});
