/**
 * Exports of lists: the same rows as the list for the same filters, the list's scope and permission, Thai
 * headers, Buddhist-Era dates, money as numbers, a BOM on CSV, and no formula a spreadsheet would run.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenIdCheckDigit } from '#shared/thai/citizen-id';
import { listProducts } from '../features/products/products.service';
import { api } from '../test/factories';
import { createTestContext, type TestContext } from '../test/harness';
import { batchesOf } from './route';

let t: TestContext;
let district: ReturnType<typeof api>;
let cookies: Record<string, string>;
beforeAll(async () => {
  t = await createTestContext();
  cookies = {
    district: await t.login('demo-district'),
    district2: await t.login('demo-district-2'),
    province: await t.login('demo-province'),
    committee: await t.login('demo-committee'),
  };
  district = api(t, cookies.district);
});
afterAll(() => t.close());

const download = (who: string, url: string, headers: Record<string, string> = {}) =>
  t.as(cookies[who], { method: 'GET', url, headers });

async function sheetOf(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  return book.worksheets[0];
}

/** The rows of an XLSX as arrays of cell values, header row first. */
async function xlsxRows(body: Buffer) {
  const sheet = await sheetOf(body);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const csvLines = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');

describe('list exports', () => {
  it('exports the same products as the list for the same filters, with Thai headers and prices as numbers', async () => {
    const group = await district.group();
    const producer = await district.producer(group.id);
    const made = [];
    for (const [name, price] of [
      ['ผ้าไหมส่งออกหนึ่ง', '150050'],
      ['ผ้าไหมส่งออกสอง', '99'],
      ['ผ้าไหมส่งออกสาม', '100000000'],
    ] as const)
      made.push(await district.product(producer.id, { name, priceSatang: price }));
    const filter = `producerId=${producer.id}&category=textile`;
    const listed = (await district.call('GET', `/api/products?${filter}`)).body.items;
    expect(listed).toHaveLength(3);

    const res = await download('district', `/api/products/export.xlsx?${filter}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="products-3401-25\d\d-\d\d-\d\d\.xlsx"$/);
    const rows = await xlsxRows(res.rawPayload);
    expect(rows[0]).toEqual(['ชื่อผลิตภัณฑ์', 'ประเภท', 'ผู้ผลิต', 'ราคา (บาท)', 'หน่วยนับ', 'กลุ่ม (A–D)', 'รหัสหน่วยงาน']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(listed.map((p: any) => p.name));
    const byName = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byName.get('ผ้าไหมส่งออกหนึ่ง')?.[3]).toBe(1500.5);
    expect(byName.get('ผ้าไหมส่งออกสอง')?.[3]).toBe(0.99);
    expect(byName.get('ผ้าไหมส่งออกสาม')?.[3]).toBe(1_000_000);
    expect(byName.get('ผ้าไหมส่งออกหนึ่ง')?.[1]).toBe('ผ้า เครื่องแต่งกาย');
    const sheet = await sheetOf(res.rawPayload);
    expect(sheet.getCell('D2').numFmt).toBe('#,##0.00');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('A1').font?.name).toBe('TH Sarabun New');

    const english = await download('district', `/api/products/export.csv?${filter}&lang=en`);
    expect(csvLines(english.body)[0]).toBe('Product,Category,Producer,Price (baht),Unit,Quadrant (A–D),Unit code');
    const accepted = await download('district', `/api/products/export.csv?${filter}`, { 'accept-language': 'en-US,en' });
    expect(csvLines(accepted.body)[0]).toBe(csvLines(english.body)[0]);
    expect(made).toHaveLength(3);
  });

  it('writes CSV as UTF-8 with a BOM, amounts with two decimals, and neutralises text that would start a formula', async () => {
    const group = await district.group();
    const producer = await district.producer(group.id);
    for (const name of ['=HYPERLINK("http://x","y")', '@SUM(1)', '+ผ้า', '-ผ้า'])
      await district.product(producer.id, { name, priceSatang: '150050' });
    const csv = await download('district', `/api/products/export.csv?producerId=${producer.id}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csvLines(csv.body);
    expect(lines[0].startsWith('ชื่อผลิตภัณฑ์,ประเภท')).toBe(true);
    const names = lines.slice(1).map((l) => l.slice(0, l.indexOf(',ผ้า เครื่องแต่งกาย')));
    expect(names.sort()).toEqual(["'+ผ้า", "'-ผ้า", `"'=HYPERLINK(""http://x"",""y"")"`, "'@SUM(1)"].sort());
    expect(lines.slice(1).every((l) => l.includes(',1500.50,'))).toBe(true);

    const xlsx = await sheetOf((await download('district', `/api/products/export.xlsx?producerId=${producer.id}`)).rawPayload);
    const cells = [2, 3, 4, 5].map((r) => xlsx.getCell(`A${r}`));
    expect(cells.map((c) => c.value).sort()).toEqual(['=HYPERLINK("http://x","y")', '@SUM(1)', '+ผ้า', '-ผ้า'].sort());
    for (const c of cells) {
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.formula).toBeUndefined();
    }
  });

  it('keeps the list scope: another district exports none of 3401, the province only its districts, and the committee no users', async () => {
    const group = await district.group();
    const producer = await district.producer(group.id);
    await district.product(producer.id, { name: 'ผ้าไหมนอกเขต' });
    const other = await download('district2', '/api/products/export.csv?unit=3401&q=ผ้าไหมนอกเขต');
    expect(other.statusCode).toBe(200);
    expect(csvLines(other.body)).toHaveLength(1);
    const own = await download('district', '/api/products/export.csv?q=ผ้าไหมนอกเขต');
    expect(csvLines(own.body)).toHaveLength(2);

    const province = await xlsxRows((await download('province', '/api/products/export.xlsx')).rawPayload);
    const units = province.slice(1).map((r) => String(r[6]));
    expect(units.length).toBeGreaterThan(0);
    expect(units.every((u) => u.startsWith('34'))).toBe(true);

    const refused = await download('committee', '/api/users/export.xlsx');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBeDefined();
  });

  it('writes dates as real dates shown in the Buddhist Era, and as d/m/BE-year text in CSV', async () => {
    const group = await district.group();
    const producer = await district.producer(group.id, { registeredOn: '2025-10-05', registrationNo: 'OTOP-BE-2568' });
    const sheet = await sheetOf((await download('district', '/api/producers/export.xlsx?q=OTOP-BE-2568')).rawPayload);
    expect(sheet.getCell('A1').value).toBe('เลขทะเบียน');
    expect(sheet.getCell('A2').value).toBe(producer.registrationNo);
    const registered = sheet.getCell('E2');
    expect(registered.value).toEqual(new Date(Date.UTC(2025, 9, 5)));
    expect(registered.numFmt).toBe('[$-107041E]d mmmm yyyy');
    expect(sheet.getCell('D2').value).toBe(2569);
    expect(sheet.getCell('C2').value).toBe('กลุ่มผู้ผลิตชุมชน');
    const csv = csvLines((await download('district', '/api/producers/export.csv?q=OTOP-BE-2568')).body);
    expect(csv[1]).toContain(',05/10/2568,');
  });

  it('masks personal data as the list does, and logs each full phone number the export shows', async () => {
    const citizenId = `110170023070${citizenIdCheckDigit('110170023070')}`;
    const person = await district.person({ firstName: 'ส่งออกบุคคล', citizenId, phone: '0812345678' });
    const province = csvLines((await download('province', '/api/people/export.csv?q=ส่งออกบุคคล')).body);
    expect(province).toHaveLength(2);
    expect(province[1]).toContain(`x-xxxx-xxxx0-70-${citizenId[12]}`);
    expect(province[1]).not.toContain(citizenId);
    expect(province[1]).toContain('xxx-xxx-5678');
    expect(province[1]).not.toContain('0812345678');

    const before = await t.rows(
      `select count(*)::int as n from audit_log where action = 'read_personal' and entity_id = '${person.id}'`,
    );
    const own = csvLines((await download('district', '/api/people/export.csv?q=ส่งออกบุคคล')).body);
    expect(own[1]).toContain('0812345678');
    expect(own[1]).not.toContain(citizenId);
    const after = await t.rows(
      `select count(*)::int as n from audit_log where action = 'read_personal' and entity_id = '${person.id}'`,
    );
    expect(after[0].n).toBe(before[0].n + 1);
  });

  it('reads every row batch by batch, by keyset cursor and, for a ranked search, page by page', async () => {
    const group = await district.group();
    const producer = await district.producer(group.id);
    for (let i = 0; i < 5; i++) await district.product(producer.id, { name: `ผ้าซิ่นแบ่งชุด ${i}` });
    const actor = { userId: 0, username: 'demo-district', role: 'district_officer' as const, orgUnitCode: '3401' };
    const all = async (query: object) => {
      const batches = [];
      for await (const batch of batchesOf(
        (paging) => listProducts(t.app.db, actor, { sort: 'name', ...query, ...paging } as never),
        2,
      ))
        batches.push(batch.map((p) => p.name));
      return batches;
    };
    const listed = (await district.call('GET', `/api/products?producerId=${producer.id}`)).body.items.map((p: any) => p.name);
    const keyset = await all({ producerId: producer.id });
    expect(keyset.map((b) => b.length)).toEqual([2, 2, 1]);
    expect(keyset.flat()).toEqual(listed);
    const ranked = await all({ producerId: producer.id, q: 'ผ้าซิ่นแบ่งชุด' });
    expect(ranked.flat().sort()).toEqual([...listed].sort());
    // The export never shows a total, so a keyset list skips counting it on every batch.
    const paged = { producerId: producer.id, sort: 'name', page: 1, pageSize: 2 } as const;
    expect((await listProducts(t.app.db, actor, paged as never)).total).toBe(5);
    expect((await listProducts(t.app.db, actor, { ...paged, skipTotal: true } as never)).total).toBe(0);
  });
});

/** The header row and the body rows of an XLSX export, and the sheet for number formats. */
async function exported(who: string, url: string) {
  const res = await download(who, url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const rows = await xlsxRows(res.rawPayload);
  return { header: rows[0], rows: rows.slice(1), sheet: await sheetOf(res.rawPayload), res };
}
const BE_DATE = '[$-107041E]d mmmm yyyy';
const dayOf = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

describe('exports of registers, summaries and reference lists', () => {
  let itemId: number;
  beforeAll(async () => {
    cookies.chief = await t.login('demo-chief');
    cookies.admin = await t.login('demo-admin');
    // The demo's activity of fiscal year 2563: the province allocated 1,500.00 baht of it to 3401 for quarter 3.
    const items = (await api(t, cookies.province).call('GET', '/api/budget/items?fiscalYear=2563')).body;
    itemId = items.find((i: any) => i.level === 'activity').id;
  });

  it('exports an activity’s allocations (a list inside a record) with amounts in baht, in the asked unit’s scope only', async () => {
    const url = `/api/budget/items/${itemId}/allocations/export.xlsx?unit=34`;
    const { header, rows, sheet, res } = await exported('province', url);
    expect(res.headers['content-disposition']).toMatch(/filename="allocations-34-25\d\d-\d\d-\d\d\.xlsx"/);
    expect(header).toEqual([
      'วันที่บันทึก',
      'หน่วยงานที่จัดสรร',
      'จัดสรรให้',
      'หมวดรายจ่าย',
      'ไตรมาส',
      'จำนวนเงิน (บาท)',
      'หมายเหตุ',
      'กลับรายการของรายการที่',
      'เลขที่รายการ',
      'รหัสหน่วยงานที่ได้รับ',
    ]);
    const listed = (await api(t, cookies.province).call('GET', `/api/budget/items/${itemId}/allocations?unit=34`)).body;
    expect(rows.map((r) => r[8])).toEqual(listed.map((a: any) => a.id));
    const to3401 = listed.find((a: any) => a.toUnitCode === '3401' && a.fromUnitCode === '34');
    const row = rows.find((r) => r[8] === to3401.id)!;
    expect(row[5]).toBe(Number(to3401.amountSatang) / 100);
    expect(row[0]).toEqual(dayOf(to3401.createdAt));
    expect(sheet.getCell('A2').numFmt).toBe(BE_DATE);
    expect(sheet.getCell('F2').numFmt).toBe('#,##0.00');
    // The budget page's two tables: what the province allocated down, and what it received.
    const made = await exported('province', `/api/budget/items/${itemId}/allocations/export.xlsx?unit=34&direction=made`);
    const received = await exported('province', `/api/budget/items/${itemId}/allocations/export.xlsx?unit=34&direction=received`);
    expect(made.rows.length).toBeGreaterThan(0);
    expect(received.rows.length).toBeGreaterThan(0);
    expect(made.rows.every((r) => r[1] === '34')).toBe(true);
    expect(received.rows.every((r) => r[9] === '34')).toBe(true);
    // The province's own share is both: allocated by it, to itself.
    const ids = new Set([...made.rows, ...received.rows].map((r) => r[8]));
    expect([...ids].sort()).toEqual(rows.map((r) => r[8]).sort());

    // The district reads what it received; another district and a committee member read none of it.
    const own = await exported('district', `/api/budget/items/${itemId}/allocations/export.xlsx?unit=3401`);
    expect(own.rows.length).toBeGreaterThan(0);
    expect(own.rows.every((r) => r[1] === '3401' || r[9] === '3401')).toBe(true);
    const other = await download('district2', `/api/budget/items/${itemId}/allocations/export.csv?unit=3401`);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBeDefined();
    expect((await download('committee', `/api/budget/items/${itemId}/allocations/export.csv?unit=3401`)).statusCode).toBe(403);
    // A path parameter is checked as the list checks it.
    expect((await download('province', '/api/budget/items/abc/allocations/export.csv?unit=34')).statusCode).toBe(400);
  });

  it('exports a district’s payments against its allocation, and the province’s follow-up of expense details', async () => {
    const paid = await api(t, cookies.district).call('POST', '/api/disbursements', {
      itemId,
      orgUnitCode: '3401',
      paidOn: '2020-05-15',
      description: '=ค่าวัสดุส่งออก',
      category: 'materials',
      amountSatang: '12345',
      procurementMethod: 'specific',
      vendor: 'ร้านสมบูรณ์การค้า',
      documentNo: 'บจ ส่งออก 1/2563',
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    const { header, rows, sheet } = await exported('district', `/api/budget/items/${itemId}/spending/export.xlsx?unit=3401`);
    expect(header.slice(0, 8)).toEqual([
      'วันที่จ่าย',
      'รายการ',
      'หมวดรายจ่าย',
      'วิธีจัดซื้อจัดจ้าง',
      'ผู้ขาย/ผู้รับจ้าง',
      'เลขที่เอกสาร',
      'จำนวนเงิน (บาท)',
      'สถานะ',
    ]);
    const row = rows.find((r) => r[5] === 'บจ ส่งออก 1/2563')!;
    expect(row.slice(0, 8)).toEqual([
      new Date(Date.UTC(2020, 4, 15)),
      '=ค่าวัสดุส่งออก',
      'ค่าวัสดุ',
      'วิธีเฉพาะเจาะจง',
      'ร้านสมบูรณ์การค้า',
      'บจ ส่งออก 1/2563',
      123.45,
      'รออนุมัติ',
    ]);
    expect(sheet.getCell('A2').numFmt).toBe(BE_DATE);
    expect(sheet.getCell('G2').numFmt).toBe('#,##0.00');
    const csv = csvLines((await download('district', `/api/budget/items/${itemId}/spending/export.csv?unit=3401`)).body);
    expect(csv.find((l) => l.includes('บจ ส่งออก 1/2563'))).toMatch(/^15\/05\/2563,'=ค่าวัสดุส่งออก,ค่าวัสดุ,.*,123\.45,รออนุมัติ,/);
    expect((await download('district2', `/api/budget/items/${itemId}/spending/export.csv?unit=3401`)).statusCode).toBe(403);
    expect((await download('committee', `/api/budget/items/${itemId}/spending/export.csv?unit=3401`)).statusCode).toBe(403);

    const submissions = await exported('province', `/api/budget/items/${itemId}/submissions/export.xlsx?unit=34`);
    expect(submissions.header).toEqual(['อำเภอ', 'สถานะ', 'กำหนดส่ง', 'ส่งช้า (วัน)', 'รหัสหน่วยงาน']);
    const overview = (await api(t, cookies.province).call('GET', `/api/budget/items/${itemId}/submissions?unit=34`)).body;
    expect(submissions.rows.map((r) => r[4])).toEqual(overview.districts.map((d: any) => d.code));
    expect(submissions.rows.every((r) => String(r[4]).startsWith('34'))).toBe(true);
    expect((await download('district', `/api/budget/items/${itemId}/submissions/export.csv?unit=34`)).statusCode).toBe(403);
  });

  it('exports the spending roll-up and the report summary with their total row, money as numbers', async () => {
    const rollup = await exported('province', '/api/spending/rollup/export.xlsx?unit=34&fiscalYear=2563');
    expect(rollup.header.slice(0, 5)).toEqual(['หน่วยงาน', 'ได้รับจัดสรร (บาท)', 'เบิกจ่ายแล้ว (บาท)', 'รออนุมัติ (บาท)', 'คงเหลือ (บาท)']);
    const json = (await api(t, cookies.province).call('GET', '/api/spending/rollup?unit=34&fiscalYear=2563')).body;
    expect(rollup.rows).toHaveLength(json.rows.length + 1);
    const total = rollup.rows.at(-1)!;
    expect(total[0]).toBe('รวม');
    expect(total[1]).toBe(Number(json.total.allocatedSatang) / 100);
    expect(total[3]).toBe(Number(json.total.pendingSatang) / 100);
    expect(rollup.rows.slice(0, -1).every((r) => String(r.at(-1)).startsWith('34'))).toBe(true);
    expect(rollup.sheet.getCell('B2').numFmt).toBe('#,##0.00');
    expect((await download('district2', '/api/spending/rollup/export.csv?unit=3401&fiscalYear=2563')).statusCode).toBe(404);
    expect((await download('committee', '/api/spending/rollup/export.csv?unit=3401&fiscalYear=2563')).statusCode).toBe(403);

    const summary = await exported('province', '/api/reports/summary/export.xlsx?unit=34&fiscalYear=2569&quarter=1');
    expect(summary.header.slice(0, 6)).toEqual(['หน่วยงาน', 'ศูนย์ฯ', 'รอพิจารณา', 'อนุมัติ', 'ส่งกลับ', 'ยังไม่ส่ง']);
    expect(summary.header).toContain('ยอดจำหน่าย (บาท)');
    const reportJson = (await api(t, cookies.province).call('GET', '/api/reports/summary?unit=34&fiscalYear=2569&quarter=1'))
      .body;
    expect(summary.rows.map((r) => r.at(-1))).toEqual([...reportJson.rows.map((r: any) => r.code), '34']);
    expect(summary.rows.at(-1)![0]).toBe('รวม');
    expect(summary.rows.at(-1)![1]).toBe(reportJson.total.districts);
    const sales = summary.header.indexOf('ยอดจำหน่าย (บาท)');
    expect(summary.rows.at(-1)![sales]).toBe(Number(reportJson.total.results.salesSatang) / 100);
    expect(summary.sheet.getRow(2).getCell(sales + 1).numFmt).toBe('#,##0.00');
    expect((await download('district2', '/api/reports/summary/export.csv?unit=3401&fiscalYear=2569&quarter=1')).statusCode).toBe(
      403,
    );
  });

  it('exports delegation orders with Buddhist-Era dates, each district only the orders covering it', async () => {
    const [{ id: officer }] = await t.rows(`select id from users where username = 'demo-district'`);
    const acting = await api(t, cookies.chief).call('POST', '/api/delegation-orders', {
      issuingUnitCode: '3401',
      orderNo: '99/2569',
      orderDate: '2025-10-01',
      delegator: 'นายอำเภอเมืองอุบลราชธานี',
      delegateUserId: officer,
      scopeUnitCode: '3401',
      powers: ['advances', 'spending'],
      subject: 'ให้ปฏิบัติราชการแทนนายอำเภอ (ส่งออก)',
    });
    expect(acting.status, JSON.stringify(acting.body)).toBe(201);
    const { header, rows, sheet } = await exported('district', '/api/delegation-orders/export.xlsx?unit=3401');
    expect(header.slice(0, 8)).toEqual([
      'เลขที่คำสั่ง',
      'ลงวันที่',
      'สำนักงานที่ออกคำสั่ง',
      'ผู้มอบอำนาจ',
      'ผู้รับมอบอำนาจ',
      'หน่วยงานที่คำสั่งครอบคลุม',
      'อำนาจที่มอบ',
      'เรื่อง',
    ]);
    const row = rows.find((r) => r[0] === '99/2569')!;
    expect(row[1]).toEqual(new Date(Date.UTC(2025, 9, 1)));
    expect(row[6]).toBe('อนุมัติเงินยืมราชการ, อนุมัติการเบิกจ่ายเงิน');
    expect(row[10]).toBe('ใช้บังคับ');
    expect(sheet.getCell('B2').numFmt).toBe(BE_DATE);
    const csv = csvLines((await download('district', '/api/delegation-orders/export.csv?unit=3401')).body);
    expect(csv.find((l) => l.startsWith('99/2569,'))).toContain(',01/10/2568,');

    const other = csvLines((await download('district2', '/api/delegation-orders/export.csv')).body);
    expect(other.some((l) => l.startsWith('99/2569,'))).toBe(false);
    expect((await download('committee', '/api/delegation-orders/export.csv')).statusCode).toBe(403);
  });

  it('exports an office’s outgoing-document register and the quarter locks, in scope', async () => {
    const letter = await t.as(cookies.province, {
      method: 'POST',
      url: `/api/budget/items/${itemId}/letter.pdf`,
      payload: { unit: '34' },
    });
    expect(letter.statusCode, letter.body.slice(0, 300)).toBe(200);
    const number = decodeURIComponent(String(letter.headers['x-document-number']));
    const documents = (await api(t, cookies.province).call('GET', '/api/outgoing-documents?unit=34&pageSize=200')).body.items;
    const issued = documents.find((d: any) => d.number === number);
    const { header, rows, sheet } = await exported('province', '/api/outgoing-documents/export.xlsx?unit=34');
    expect(header.slice(0, 5)).toEqual(['เลขที่', 'ลงวันที่', 'เรื่อง', 'เรียน', 'ผู้ออกเลข']);
    expect(rows.map((r) => r[0])).toEqual(documents.map((d: any) => d.number));
    expect(rows.find((r) => r[0] === number)?.[1]).toEqual(dayOf(issued.documentDate));
    expect(sheet.getCell('B2').numFmt).toBe(BE_DATE);
    expect(csvLines((await download('district', '/api/outgoing-documents/export.csv?unit=34')).body)).toHaveLength(1);
    expect((await download('committee', '/api/outgoing-documents/export.csv?unit=3401')).statusCode).toBe(403);

    const district = api(t, cookies.district);
    let report = await district.call('POST', '/api/reports', { orgUnitCode: '3401', fiscalYear: 2545, quarter: 2 });
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    report = await district.call('POST', `/api/reports/${report.body.id}/submit`, { version: report.body.version });
    report = await api(t, cookies.province).call('POST', `/api/reports/${report.body.id}/review`, {
      version: report.body.version,
      decision: 'approve',
    });
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    const lock = await api(t, cookies.province).call('POST', '/api/quarter-locks', {
      unit: '3401',
      fiscalYear: 2545,
      quarter: 2,
    });
    expect(lock.status, JSON.stringify(lock.body)).toBe(201);
    const locks = await exported('province', '/api/quarter-locks/export.xlsx?unit=34&fiscalYear=2545');
    expect(locks.header.slice(0, 6)).toEqual(['อำเภอ', 'ปีงบประมาณ', 'ไตรมาส', 'วันที่ปิดงวด', 'ปิดงวดโดย', 'ยังปิดงวดอยู่']);
    expect(locks.rows).toHaveLength(1);
    expect(locks.rows[0].slice(1, 6)).toEqual([2545, 2, dayOf(lock.body.lockedAt), lock.body.lockedBy.name, 'ใช่']);
    expect(locks.sheet.getCell('D2').numFmt).toBe(BE_DATE);
    const other = csvLines((await download('district2', '/api/quarter-locks/export.csv?fiscalYear=2545')).body);
    expect(other).toHaveLength(1);
  });

  it('exports the org units as reference data, the same rows as the list', async () => {
    const { header, rows } = await exported('district2', '/api/org-units/export.xlsx?level=province&covered=true');
    expect(header).toEqual(['รหัสหน่วยงาน', 'ชื่อภาษาไทย', 'ชื่อภาษาอังกฤษ', 'ระดับ', 'รหัสหน่วยงานต้นสังกัด', 'มีศูนย์บริการฯ']);
    const listed = (await api(t, cookies.district2).call('GET', '/api/org-units?level=province&covered=true')).body;
    expect(rows.map((r) => r[0])).toEqual(listed.items.map((u: any) => u.code));
    expect(rows.find((r) => r[0] === '34')).toEqual(['34', 'อุบลราชธานี', 'Ubon Ratchathani', 'จังหวัด', 'TH', 'ใช่']);
    // Every unit of the nation, more than a batch, is one batch: a list read whole is never read twice.
    const units = csvLines((await download('district', '/api/org-units/export.csv')).body);
    const all = (await api(t, cookies.district).call('GET', '/api/org-units')).body;
    expect(all.items.length).toBeGreaterThan(1000);
    expect(units).toHaveLength(all.items.length + 1);
    expect((await t.app.inject({ method: 'GET', url: '/api/org-units/export.csv' })).statusCode).toBe(401);
  });
});
