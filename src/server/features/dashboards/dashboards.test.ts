import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '#shared/dashboards';
import { fiscalRange, fiscalYearOf } from '#shared/thai/index';
import { thaiToday } from '../../clock';
import { api, daysFromToday } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

let t: TestContext;
let admin: ReturnType<typeof api>;
let province: ReturnType<typeof api>;
let district: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
beforeAll(async () => {
  t = await createTestContext();
  admin = api(t, await t.login('demo-admin'));
  province = api(t, await t.login('demo-province'));
  district = api(t, await t.login('demo-district'));
  district2 = api(t, await t.login('demo-district-2'));
});
afterAll(() => t.close());

const { fiscalYear } = fiscalYearOf(thaiToday());
const { start, end } = fiscalRange(fiscalYear);
const dashboard = async (client: ReturnType<typeof api>, unit: string, quarter?: number): Promise<Dashboard> => {
  const res = await client.call(
    'GET',
    `/api/dashboards?unit=${unit}&fiscalYear=${fiscalYear}${quarter ? `&quarter=${quarter}` : ''}`,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const thisMonth = () => thaiToday().slice(0, 7);
const monthOf = (d: Dashboard) => d.months.find((m) => m.month === thisMonth())!;
/** An independent count of a unit's live records in the fiscal year, straight from the table. */
const countOf = async (table: string, column: string, prefix: string) =>
  Number(
    (
      await t.rows(
        `select count(*)::int as n from ${table} where deleted_at is null and org_unit_code like '${prefix}%' and ${column} between '${start}' and '${end}'`,
      )
    )[0].n,
  );

describe('dashboards', () => {
  it('counts the services, sales and funding recorded through the APIs', async () => {
    const before = await dashboard(district, '3401');
    const [staff] = await t.rows(`select id from users where username = 'demo-district'`);
    const group = await district.group();
    for (let i = 0; i < 2; i++) {
      const made = await district.call('POST', '/api/services', {
        orgUnitCode: '3401',
        serviceDate: daysFromToday(0),
        mode: 'center',
        groupIds: [group.id],
        typeCodes: ['advice'],
        description: 'ให้คำปรึกษาการขายออนไลน์',
        staffIds: [staff.id],
        durationMinutes: 30,
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
    }
    const sale = await district.call('POST', '/api/sales', {
      orgUnitCode: '3401',
      groupId: group.id,
      channelCode: 'online',
      month: thisMonth(),
      quantity: 10,
      amountSatang: '1234567',
    });
    expect(sale.status, JSON.stringify(sale.body)).toBe(201);
    const applied = await district.call('POST', '/api/funding', {
      orgUnitCode: '3401',
      groupId: group.id,
      sourceCode: 'baac',
      purpose: 'สินเชื่อซื้อเส้นไหม',
      askedSatang: '5000000',
      appliedOn: daysFromToday(0),
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const decided = await district.call('POST', `/api/funding/${applied.body.id}/decision`, {
      version: applied.body.version,
      status: 'approved',
      approvedSatang: '4000000',
      decidedOn: daysFromToday(0),
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);

    const after = await dashboard(district, '3401');
    expect(monthOf(after).services - monthOf(before).services).toBe(2);
    expect(BigInt(monthOf(after).salesSatang) - BigInt(monthOf(before).salesSatang)).toBe(1234567n);
    const baac = (d: Dashboard) =>
      d.funding.find((f) => f.sourceCode === 'baac') ?? { applied: 0, approved: 0, approvedSatang: '0' };
    expect(baac(after).applied - baac(before).applied).toBe(1);
    expect(baac(after).approved - baac(before).approved).toBe(1);
    expect(BigInt(baac(after).approvedSatang) - BigInt(baac(before).approvedSatang)).toBe(4000000n);
    const channel = after.salesByChannel.find((p) => p.month === thisMonth() && p.channelCode === 'online');
    expect(BigInt(channel!.amountSatang)).toBeGreaterThanOrEqual(1234567n);
    // Whole-year totals equal the records.
    const sum = (d: Dashboard, key: 'services' | 'activities') => d.months.reduce((s, m) => s + m[key], 0);
    expect(sum(after, 'services')).toBe(await countOf('services', 'service_date', '3401'));
    expect(sum(after, 'activities')).toBe(await countOf('activities', 'starts_on', '3401'));
    expect(after.months.map((m) => m.month)[0]).toBe(start.slice(0, 7));
    expect(after.months).toHaveLength(12);
    expect(after.children).toEqual([]);

    // The province's row for 3401 carries the same figures, and its rows add up to its own totals.
    const ubon = await dashboard(province, '34');
    const row = ubon.children.find((c) => c.code === '3401')!;
    expect(row.services).toBe(sum(after, 'services'));
    expect(row.salesSatang).toBe(String(after.months.reduce((s, m) => s + BigInt(m.salesSatang), 0n)));
    expect(ubon.children.reduce((s, c) => s + c.services, 0)).toBe(sum(ubon, 'services'));
    expect(sum(ubon, 'services')).toBe(await countOf('services', 'service_date', '34'));

    // A quarter keeps only its three months.
    const q = fiscalYearOf(thaiToday()).quarter;
    const quarter = await dashboard(district, '3401', q);
    expect(quarter.months).toHaveLength(3);
    expect(monthOf(quarter).services).toBe(monthOf(after).services);
  });

  it('gives the nation one row per covered province, each equal to its records', async () => {
    const nation = await dashboard(admin, 'TH');
    const covered = await t.rows(`select code from org_units where level = 'province' and covered order by code`);
    expect(nation.children.map((c) => c.code)).toEqual(covered.map((r) => r.code));
    const ubon = nation.children.find((c) => c.code === '34')!;
    expect(ubon.services).toBe(await countOf('services', 'service_date', '34'));
    expect(ubon.activities).toBe(await countOf('activities', 'starts_on', '34'));
    const attendees = await t.rows(
      `select count(*)::int as n from activity_people p join activities a on a.id = p.activity_id
       where p.attended and a.deleted_at is null and a.org_unit_code like '34%' and a.starts_on between '${start}' and '${end}'`,
    );
    expect(ubon.attendees).toBe(Number(attendees[0].n));
  });

  it('keeps other units out of reach: another district or province is not found', async () => {
    expect((await district2.call('GET', `/api/dashboards?unit=3401`)).status).toBe(404);
    expect((await district.call('GET', `/api/dashboards?unit=3415`)).status).toBe(404);
    expect((await province.call('GET', `/api/dashboards?unit=10`)).status).toBe(404);
    expect((await province.call('GET', `/api/dashboards?unit=TH`)).status).toBe(404);
    expect((await province.call('GET', `/api/dashboards.xlsx?unit=10`)).status).toBe(404);
    expect((await district2.call('GET', `/api/dashboards.pdf?unit=3401`)).status).toBe(404);
    expect((await district.call('GET', `/api/dashboards?unit=3401`)).status).toBe(200);
  });

  it('exports the blocks as XLSX sheets with numbers as numbers and Thai headers', async () => {
    const d = await dashboard(province, '34');
    const res = await t.as(await t.login('demo-province'), {
      method: 'GET',
      url: `/api/dashboards.xlsx?unit=34&fiscalYear=${fiscalYear}`,
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'แนวโน้มรายเดือน',
      'ขั้นการพัฒนา',
      'ยอดขายตามช่องทาง',
      'แหล่งทุน',
      'มาตรฐานใกล้หมดอายุ',
      'งบประมาณ',
      'รายอำเภอ',
    ]);
    const trend = book.getWorksheet('แนวโน้มรายเดือน')!;
    expect(trend.getRow(4).values).toEqual([
      undefined,
      'เดือน',
      'การให้บริการ (ครั้ง)',
      'กิจกรรม (ครั้ง)',
      'ผู้เข้าร่วม (คน)',
      'ยอดขาย (บาท)',
    ]);
    // October of the fiscal year, in the Buddhist Era, then the figures as numbers and baht with 2 decimals.
    expect(trend.getCell('A5').value).toBe(`ต.ค. ${fiscalYear - 1}`);
    expect(trend.getCell('B5').value).toBe(d.months[0].services);
    expect(trend.getCell('E5').value).toBe(Number(d.months[0].salesSatang) / 100);
    expect(trend.getCell('E5').numFmt).toBe('#,##0.00');
    const districts = book.getWorksheet('รายอำเภอ')!;
    const row3401 = districts.getRow(5 + d.children.findIndex((c) => c.code === '3401'));
    expect(row3401.getCell(1).value).toBe('3401');
    expect(row3401.getCell(3).value).toBe(d.children.find((c) => c.code === '3401')!.services);
  });

  it('renders the PDF, with the province map for the nation and a province', async () => {
    for (const [user, unit] of [
      ['demo-admin', 'TH'],
      ['demo-province', '34'],
      ['demo-district', '3401'],
    ]) {
      const res = await t.as(await t.login(user), {
        method: 'GET',
        url: `/api/dashboards.pdf?unit=${unit}&fiscalYear=${fiscalYear}`,
      });
      expect(res.statusCode, unit).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
  });
});
