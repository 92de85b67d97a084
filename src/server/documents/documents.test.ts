/**
 * The official documents as a province finance officer reads them (issue #9, items 2, 6, 7, 8, 9): the text that
 * `pdftotext` extracts, the words' positions on the page, the images in it, and the XLSX read back by exceljs.
 */

import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrder } from '../test/delegation-orders';
import { api } from '../test/factories';
import { createTestContext, type TestContext } from '../test/harness';
import { currentFiscalYear, multipart } from '../test/matrix-requests';
import { pdfText, poppler } from '../test/poppler';

let t: TestContext;
let nation: ReturnType<typeof api>;
let province: ReturnType<typeof api>;
let district: ReturnType<typeof api>;
let cookies: Record<string, string>;
let itemId: number;
let ids: Record<string, number>;
beforeAll(async () => {
  t = await createTestContext();
  cookies = {
    admin: await t.login('demo-admin'),
    province: await t.login('demo-province'),
    district: await t.login('demo-district'),
  };
  nation = api(t, cookies.admin);
  province = api(t, cookies.province);
  district = api(t, cookies.district);
  itemId = (await province.call('GET', '/api/budget/items?fiscalYear=2563')).body.find((i: any) => i.level === 'activity').id;
  ids = Object.fromEntries((await t.rows('select id, username from users')).map((r: any) => [r.username, r.id]));
});
afterAll(() => t.close());

/** Extracted text, with ำ back from the ํา it is drawn (and extracted) as. */
const extract = (args: string[], pdf: Buffer) => pdfText(pdf, args).replaceAll('\u0E4D\u0E32', '\u0E33');
const layoutText = (pdf: Buffer) => extract(['-layout'], pdf);
/** The text with line breaks folded, for sentences that wrap. */
const flatText = (pdf: Buffer) => extract([], pdf).replace(/\s+/g, ' ');
/** Lines break between Thai words without a space: compare texts with every space left out. */
const squeezed = (text: string) => text.replace(/\s+/g, '');
const expectSentence = (text: string, sentence: string) => expect(squeezed(text)).toContain(squeezed(sentence));
/** Every word with its box, in points from the top left of its page. */
function wordBoxes(pdf: Buffer) {
  const html = pdfText(pdf, ['-bbox']);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
    (m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      word: m[5],
    }),
  );
}

async function download(cookie: string, url: string, body?: object) {
  const res = await t.as(cookie, body ? { method: 'POST', url, payload: body } : { method: 'GET', url });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res;
}
const letter = (cookie: string, body: object, item = itemId) => download(cookie, `/api/budget/items/${item}/letter.pdf`, body);

/** A new activity of this fiscal year with money allocated from the nation to Ubon Ratchathani and on to 3401. */
async function fundedActivity(toDistrict = true) {
  const item = await nation.call('POST', '/api/budget/items', {
    fiscalYear: currentFiscalYear(),
    level: 'activity',
    name: `กิจกรรมพัฒนาศักยภาพผู้ประกอบการชุมชน ${Math.random().toString(36).slice(2, 7)}`,
    responsibleUnitCode: 'TH',
    budgetSatang: '1000000',
    quarters: [1],
  });
  expect(item.status, JSON.stringify(item.body)).toBe(201);
  const to = (from: string, unit: string, amountSatang: string, who = nation) =>
    who.call('POST', '/api/budget/allocations', {
      itemId: item.body.id,
      fromUnitCode: from,
      toUnitCode: unit,
      quarter: 1,
      category: 'materials',
      amountSatang,
    });
  expect((await to('TH', '34', '1000000')).status).toBe(201);
  if (toDistrict) expect((await to('34', '3401', '500000', province)).status).toBe(201);
  return item.body.id as number;
}

// Words a narrow column used to cut inside a syllable ("หมวดรายจ่า/ย", "ผู้อนุมั/ติ").
const KNOWN_WORDS = [
  'หมวดรายจ่าย',
  'ไตรมาส',
  'ขอแสดงความนับถือ',
  'ผู้อนุมัติ',
  'ผู้เห็นชอบ',
  'ผู้เสนอ',
  'จำนวนเงิน',
  'ผู้รับผิดชอบ',
  'รายการส่งใช้',
  'ลายมือชื่อผู้รับ',
  'สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี',
  'สำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี',
  'ค่าตอบแทน',
  'ค่าใช้สอย',
  'ค่าวัสดุ',
];
const WORDS = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * Tokens that end inside a known word (not between two of its Intl.Segmenter words): "หมวดรายจ่า" before "ย",
 * "ผู้อนุมั" before "ติ". Pieces shorter than 4 letters are left out: too many whole words end like them.
 */
function brokenWords(text: string): string[] {
  const tokens = new Set(text.split(/\s+/).filter(Boolean));
  const broken: string[] = [];
  for (const known of KNOWN_WORDS) {
    const bounds = new Set([...WORDS.segment(known)].map((s) => s.index));
    for (let k = 4; k < known.length; k++) {
      if (bounds.has(k)) continue;
      const head = known.slice(0, k);
      for (const token of tokens) if (token.endsWith(head)) broken.push(`${token}|${known.slice(k)}`);
    }
  }
  return broken;
}

/** Right edge of the printable area: A4 width less the 42 pt right margin. */
const RIGHT_EDGE = 595.28 - 42;

describe('allocation letters are written per level (item 2)', () => {
  it('the department writes to every provincial governor, signs for the อธิบดี, and counts provinces, not rows', async () => {
    const pdf = (await letter(cookies.admin, { unit: 'TH', digits: 'arabic' })).rawPayload;
    const text = flatText(pdf);
    expectSentence(text, 'กรมการพัฒนาชุมชน');
    expectSentence(text, 'เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด');
    expectSentence(text, 'ด้วยกรมการพัฒนาชุมชนได้รับงบประมาณ');
    expectSentence(text, 'จัดสรรงบประมาณให้จังหวัด จำนวน 1 จังหวัด จังหวัดละ 41,100.00 บาท');
    expectSentence(text, 'ปฏิบัติราชการแทน อธิบดีกรมการพัฒนาชุมชน');
    // The register's rows are provinces.
    expectSentence(text, 'สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี');
    for (const wrong of [
      'ศาลากลางจังหวัดกรมการพัฒนาชุมชน',
      'จังหวัดกรมการพัฒนาชุมชน',
      'นายอำเภอ ทุกอำเภอ',
      'อำเภอ',
      'ผู้ว่าราชการจังหวัดกรมการ',
      'สำนักงานพัฒนาชุมชนอำเภออุบลราชธานี',
    ])
      expect(squeezed(text), wrong).not.toContain(squeezed(wrong));
  });

  it('a province writes from its city hall to every district chief officer and signs for the governor', async () => {
    const text = flatText((await letter(cookies.province, { unit: '34', digits: 'thai' })).rawPayload);
    expectSentence(text, 'ศาลากลางจังหวัดอุบลราชธานี');
    expectSentence(text, 'เรียน นายอำเภอ ทุกอำเภอ');
    expectSentence(text, 'ด้วยจังหวัดอุบลราชธานีได้รับแจ้งจากกรมการพัฒนาชุมชน');
    expectSentence(text, 'จำนวน ๒๕ อำเภอ อำเภอละ ๑,๕๐๐.๐๐ บาท');
    expectSentence(text, 'สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี จำนวน ๓,๖๐๐.๐๐ บาท');
    expectSentence(text, 'ปฏิบัติราชการแทน ผู้ว่าราชการจังหวัดอุบลราชธานี');
    expectSentence(text, 'สำนักงานพัฒนาชุมชนอำเภอโขงเจียม');
  });
});

describe('the outgoing-document register and the letter layout (item 6)', () => {
  it('dates the FY2563 letter inside 2563, before its deadline, and numbers it once from the office’s register', async () => {
    const info = (await province.call('GET', `/api/budget/items/${itemId}/letter?unit=34`)).body;
    expect(info).toMatchObject({ date: '2020-04-23', deadline: '2020-04-30', prefix: 'อบ ๐๐๑๘' });
    const first = await letter(cookies.province, { unit: '34', digits: 'thai' });
    const number = decodeURIComponent(String(first.headers['x-document-number']));
    expect(number).toMatch(/^อบ ๐๐๑๘\/ว \d+$/);
    const text = flatText(first.rawPayload);
    expectSentence(text, `ที่ ${number.replace(/\d/g, (c) => '๐๑๒๓๔๕๖๗๘๙'[Number(c)])}`);
    expectSentence(text, '๒๓ เมษายน ๒๕๖๓');
    expectSentence(text, '๓๐ เมษายน ๒๕๖๓');
    expect(squeezed(text)).not.toContain('๒๕๖๙');
    // Downloaded again (even asking for another date), the letter keeps its number and date.
    const again = await letter(cookies.province, { unit: '34', date: '2020-05-01', digits: 'arabic' });
    expect(decodeURIComponent(String(again.headers['x-document-number']))).toBe(number);
    expectSentence(flatText(again.rawPayload), '23 เมษายน 2563');
    const register = (await province.call('GET', '/api/outgoing-documents?unit=34&fiscalYear=2563&pageSize=200')).body.items;
    const mine = register.filter((d: any) => d.recordType === 'budget_item' && d.recordId === itemId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      number,
      documentDate: '2020-04-23',
      fiscalYear: 2563,
      addressee: 'นายอำเภอ ทุกอำเภอ',
      issuedBy: ids['demo-province'],
    });
    expect(mine[0].subject).toContain('แจ้งการจัดสรรงบประมาณกิจกรรม');
  });

  it('numbers letters of one office from 1 in each fiscal year without gaps or duplicates, even all at once', async () => {
    const items = await Promise.all(Array.from({ length: 6 }, () => fundedActivity()));
    const date = `${currentFiscalYear() - 544}-12-01`;
    const before = (await province.call('GET', `/api/outgoing-documents?unit=34&fiscalYear=${currentFiscalYear()}`)).body.total;
    const answers = await Promise.all(items.map((item) => letter(cookies.province, { unit: '34', date }, item)));
    const numbers = answers.map((res) => Number(decodeURIComponent(String(res.headers['x-document-number'])).split('ว ')[1]));
    expect(new Set(numbers).size).toBe(items.length);
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: items.length }, (_, i) => before + i + 1));
    // Every re-download at once still keeps one number per letter.
    await Promise.all(items.map((item) => letter(cookies.province, { unit: '34', date }, item)));
    const register = (await province.call('GET', `/api/outgoing-documents?unit=34&fiscalYear=${currentFiscalYear()}`)).body;
    expect(register.total).toBe(before + items.length);
  });

  it('refuses to number a letter of an office without a prefix, and lets only the office (or the department) set it', async () => {
    const [far] = await t.rows(
      "select code from org_units where level = 'province' and covered and code <> '34' order by code limit 1",
    );
    const item = await nation.call('POST', '/api/budget/items', {
      fiscalYear: currentFiscalYear(),
      level: 'activity',
      name: 'กิจกรรมของจังหวัดที่ยังไม่ตั้งเลขที่หนังสือ',
      responsibleUnitCode: 'TH',
      budgetSatang: '100000',
      quarters: [1],
    });
    const down = {
      itemId: item.body.id,
      fromUnitCode: 'TH',
      toUnitCode: far.code,
      quarter: 1,
      category: 'materials',
      amountSatang: '100000',
    };
    expect((await nation.call('POST', '/api/budget/allocations', down)).status).toBe(201);
    const refused = await nation.call('POST', `/api/budget/items/${item.body.id}/letter.pdf`, { unit: far.code });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('documents.no_prefix');
    expect((await nation.call('GET', `/api/offices/${far.code}/letterhead`)).body).toMatchObject({ prefix: '', version: 0 });

    const body = { prefix: 'อบ ๐๒๑๗', phone: '0 4531 2345', email: 'muang@example.org', version: 0 };
    expect((await province.call('PUT', '/api/offices/3401/letterhead', body)).status).toBe(403);
    const own = await district.call('PUT', '/api/offices/3401/letterhead', body);
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body).toMatchObject({ prefix: 'อบ ๐๒๑๗', version: 1 });
    expect((await district.call('PUT', '/api/offices/3401/letterhead', { ...body, prefix: 'อบ ๐๒๑๘' })).status).toBe(409);
    expect(
      (await district.call('PUT', '/api/offices/3401/letterhead', { ...body, email: 'not an address', version: 1 })).status,
    ).toBe(400);
  });

  it('keeps 3 cm empty at the top until the emblem is uploaded, then prints it 3 cm high at the top centre', async () => {
    const item = await fundedActivity();
    const before = (await letter(cookies.province, { unit: '34' }, item)).rawPayload;
    const firstLine = wordBoxes(before).find((w) => w.word === 'ที่');
    // Top margin 48 pt + 3 cm (85 pt) of space.
    expect(firstLine?.yMin).toBeGreaterThan(48 + 85);
    expect(poppler('pdfimages', ['-list'], before).trim().split('\n')).toHaveLength(2);

    const emblem = await sharp({ create: { width: 300, height: 330, channels: 3, background: '#000000' } })
      .png()
      .toBuffer();
    const upload = (cookie: string, data: Buffer) =>
      t.as(cookie, { method: 'PUT', url: '/api/settings/emblem', ...multipart(data) });
    expect((await upload(cookies.province, emblem)).statusCode).toBe(403);
    for (const bad of [
      Buffer.from('GIF89a not an emblem'),
      Buffer.from('<svg/>'),
      Buffer.concat([emblem.subarray(0, 8), Buffer.alloc(100)]),
    ]) {
      const res = await upload(cookies.admin, bad);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().code).toBe('documents.emblem_invalid');
    }
    const huge = await sharp({ create: { width: 1200, height: 1200, channels: 3, background: '#123456' } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect((await upload(cookies.admin, huge)).json().code).toBe('documents.emblem_too_large');
    expect((await upload(cookies.admin, emblem)).statusCode).toBe(200);

    const after = (await letter(cookies.province, { unit: '34' }, item)).rawPayload;
    const images = poppler('pdfimages', ['-list'], after).trim().split('\n').slice(2);
    expect(images).toHaveLength(1);
    // The emblem's size on the page: 3 cm = 85 pt high, so its resolution is 330 px / (85/72 in) ≈ 280 ppi.
    const [xPpi, yPpi] = images[0].trim().split(/\s+/).slice(12, 14).map(Number);
    expect(Math.round((330 / yPpi) * 2.54 * 10) / 10).toBeCloseTo(3, 1);
    expect(xPpi).toBeGreaterThan(0);
    const served = await t.as(cookies.district, { method: 'GET', url: '/api/settings/emblem' });
    expect(served.headers['content-type']).toBe('image/png');
  });

  it('prints the owning office, phone and e-mail on the signature’s page, never alone on a page', async () => {
    const pdf = (await letter(cookies.province, { unit: '34', digits: 'arabic' })).rawPayload;
    const pages = layoutText(pdf).split('\f');
    const signed = pages.findIndex((p) => p.includes('ขอแสดงความนับถือ'));
    expect(signed).toBeGreaterThanOrEqual(0);
    const page = pages[signed].replace(/\s+/g, ' ');
    expect(page).toContain('สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี โทร 0 4525 4111');
    expect(page).toContain('ไปรษณีย์อิเล็กทรอนิกส์ demo.ubon@example.org');
    expect(page.indexOf('ขอแสดงความนับถือ')).toBeLessThan(page.indexOf('ไปรษณีย์อิเล็กทรอนิกส์'));
  });
});

describe('tables fit the page and Thai words break only between words (item 7)', () => {
  it('the registers of the department and of a province stay inside the right margin and keep every word whole', async () => {
    for (const [cookie, unit] of [
      [cookies.admin, 'TH'],
      [cookies.province, '34'],
    ]) {
      for (const digits of ['thai', 'arabic']) {
        const pdf = (await download(cookie, `/api/budget/items/${itemId}/register.pdf?unit=${unit}&digits=${digits}`)).rawPayload;
        expect(brokenWords(layoutText(pdf)), `${unit} ${digits}`).toEqual([]);
        const right = Math.max(...wordBoxes(pdf).map((w) => w.xMax));
        expect(right, `${unit} ${digits}`).toBeLessThanOrEqual(RIGHT_EDGE + 0.5);
      }
    }
  });

  it('the letter, the expense plan and the advance contract keep every word whole inside the margins', async () => {
    const plan = await expensePlanPdf();
    const contract = await contractPdf();
    const letterPdf = (await letter(cookies.province, { unit: '34' })).rawPayload;
    for (const [name, pdf] of Object.entries({ letterPdf, plan, contract })) {
      expect(brokenWords(layoutText(pdf)), name).toEqual([]);
      expect(Math.max(...wordBoxes(pdf).map((w) => w.xMax)), name).toBeLessThanOrEqual(RIGHT_EDGE + 0.5);
    }
  });
});

async function expensePlanPdf() {
  const item = await fundedActivity();
  const saved = await district.call('PUT', '/api/expense-plans', {
    itemId: item,
    orgUnitCode: '3401',
    lines: [
      { item: 'ค่าวัสดุจัดประชุมคณะกรรมการศูนย์บริการส่งเสริมเศรษฐกิจฐานราก', quantity: 5, unit: 'ชุด', unitPriceSatang: '60000' },
      { item: 'ค่าป้ายไวนิล', quantity: 1, unit: 'ป้าย', unitPriceSatang: '50000' },
    ],
    actions: [{ what: 'ประชุมคณะกรรมการศูนย์ฯ ทบทวนแนวทาง', month: '2026-12', who: 'พัฒนาการอำเภอเมืองอุบลราชธานี' }],
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return (await download(cookies.district, `/api/expense-plans/${saved.body.id}.pdf`)).rawPayload;
}

/** The governor's order 7/2563 and the district chief who approves under it, made once for the contract tests. */
let chiefOrder: Promise<{ chief: ReturnType<typeof api>; orderId: number }> | undefined;
function chiefWithOrder() {
  chiefOrder ??= (async () => {
    const order = await province.call('POST', '/api/delegation-orders', seedOrder());
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    return { chief: api(t, await t.login('demo-chief')), orderId: order.body.id as number };
  })();
  return chiefOrder;
}

/** The first day of the current fiscal year: inside quarter 1, where fundedActivity allocates, and never ahead of today. */
const firstDayOfYear = () => `${currentFiscalYear() - 544}-10-01`;

async function contractPdf(repay = true) {
  const { chief, orderId } = await chiefWithOrder();
  const made = await district.call('POST', '/api/advances', {
    orgUnitCode: '3401',
    borrowerId: ids['demo-district'],
    itemId: await fundedActivity(),
    purpose: 'ค่าวัสดุจัดประชุมคณะกรรมการศูนย์บริการส่งเสริมเศรษฐกิจฐานราก',
    ruleCode: 'activity',
    amountSatang: '500000',
    receivedOn: firstDayOfYear(),
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const approved = await chief.call('POST', `/api/advances/${made.body.id}/approve`, {
    delegationOrderId: orderId,
    version: made.body.version,
  });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  if (repay) {
    const paid = await district.call('POST', `/api/advances/${made.body.id}/repayments`, {
      kind: 'receipts',
      repaidOn: firstDayOfYear(),
      receipts: [
        {
          paidOn: firstDayOfYear(),
          description: 'ค่าวัสดุจัดประชุม',
          category: 'materials',
          amountSatang: '320000',
          procurementMethod: 'specific',
          vendor: 'ร้านอุบลเครื่องเขียน',
          documentNo: 'บจ 1/2570',
        },
      ],
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
  }
  const pdf = (await download(cookies.district, `/api/advances/${made.body.id}/contract.pdf`)).rawPayload;
  // Repaid in full, so the borrower may borrow again in the next test.
  const rest = { kind: 'cash', amountSatang: repay ? '180000' : '500000', repaidOn: firstDayOfYear() };
  expect((await district.call('POST', `/api/advances/${made.body.id}/repayments`, rest)).status).toBe(201);
  return pdf;
}

describe('the expense plan and the advance contract a finance officer signs (item 8)', () => {
  it('the expense plan names the fiscal year, the activity, the unit, the total in words and who proposes, agrees and approves', async () => {
    const text = flatText(await expensePlanPdf());
    expect(text).toMatch(/ประจำปีงบประมาณ พ\.ศ\. 25\d\d/);
    expectSentence(text, 'กิจกรรม กิจกรรมพัฒนาศักยภาพผู้ประกอบการชุมชน');
    expectSentence(text, 'สำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี');
    expectSentence(text, 'สามพันห้าร้อยบาทถ้วน');
    for (const role of ['ผู้เสนอ', 'ผู้เห็นชอบ', 'ผู้อนุมัติ']) expectSentence(text, role);
    expectSentence(text, 'ผู้ว่าราชการจังหวัดอุบลราชธานี');
  });

  it('the contract follows the Comptroller General’s form: request, approval, money received and the repayment record', async () => {
    const pdf = await contractPdf();
    const text = flatText(pdf);
    expectSentence(text, 'สัญญาการยืมเงิน');
    expectSentence(text, 'ยื่นต่อ นายอำเภอเมืองอุบลราชธานี');
    expectSentence(text, 'มีความประสงค์ขอยืมเงินจากสำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี');
    expectSentence(text, 'ห้าพันบาทถ้วน');
    expectSentence(text, 'คำอนุมัติ');
    expectSentence(text, 'ใบรับเงิน');
    expectSentence(text, 'ได้รับเงินยืม จำนวน 5,000.00 บาท (ห้าพันบาทถ้วน) ไปเป็นการถูกต้องแล้ว');
    expectSentence(text, 'รายการส่งใช้');
    // The approval names the order it relies on.
    expectSentence(text, 'ปฏิบัติราชการแทนผู้ว่าราชการจังหวัดอุบลราชธานี ตามคำสั่งจังหวัดอุบลราชธานี ที่ 7/2563');
    // The repayment record: what was repaid, and what is still owed.
    const year = String((currentFiscalYear() - 1) % 100);
    expect(layoutText(pdf)).toMatch(new RegExp(`1\\s+1 ต\\.ค\\. ${year}\\s+ใบสำคัญ.*3,200\\.00\\s+1,800\\.00`));
  });
});

describe('XLSX exports (item 9)', () => {
  it('the register has a SUM total with its value, the Thai font, a frozen header, A4 print setup and BE dates', async () => {
    const res = await download(cookies.province, `/api/budget/items/${itemId}/register.xlsx?unit=34`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    let header = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === 'ที่') header = n;
    });
    expect(header).toBeGreaterThan(0);
    const totalRow = header + 27;
    expect(sheet.getCell(`C${totalRow}`).value).toBe('รวมทั้งสิ้น');
    expect(sheet.getCell(`F${totalRow}`).value).toEqual({ formula: `SUM(F${header + 1}:F${header + 26})`, result: 41100 });
    expect(sheet.getCell(`F${header + 1}`).numFmt).toBe('#,##0.00');
    expect(sheet.getCell(`C${header + 1}`).font?.name).toBe('TH Sarabun New');
    expect(sheet.getCell('A1').font).toMatchObject({ name: 'TH Sarabun New', bold: true });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
    const asOf = sheet.getRow(header - 2).getCell(2);
    expect(asOf.value).toBeInstanceOf(Date);
    expect(asOf.numFmt).toBe('[$-107041E]d mmmm yyyy');
    expect(sheet.getCell(`C${header + 26}`).value).toBe('สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี');
  });
});
