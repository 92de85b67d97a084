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
  });
});
