import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { pdfText } from '../../test/poppler';

let t: TestContext;
let province: ReturnType<typeof api>;
let district: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
let itemId: number;
beforeAll(async () => {
  t = await createTestContext();
  province = api(t, await t.login('demo-province'));
  district = api(t, await t.login('demo-district'));
  district2 = api(t, await t.login('demo-district-2'));
  itemId = (await province.call('GET', '/api/budget/items?fiscalYear=2563')).body.find((i: any) => i.level === 'activity').id;
});
afterAll(() => t.close());

const plan = (over: object = {}) => ({
  itemId,
  orgUnitCode: '3401',
  lines: [
    { item: 'กระดาษ A4', quantity: 5, unit: 'รีม', unitPriceSatang: '12000' },
    { item: 'ป้ายไวนิลศูนย์บริการส่งเสริมเศรษฐกิจฐานราก', quantity: 1, unit: 'ป้าย', unitPriceSatang: '90000' },
  ],
  actions: [{ what: 'ประชุมคณะกรรมการศูนย์ฯ ทบทวนแนวทาง', month: '2020-05', who: 'พัฒนาการอำเภอ' }],
  ...over,
});

describe('expense details and action plans', () => {
  it('goes draft → submitted → returned with a comment → resubmitted → approved, and then is locked', async () => {
    const draft = await district.call('PUT', '/api/expense-plans', plan());
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({
      status: 'draft',
      totalSatang: '150000',
      totalText: 'หนึ่งพันห้าร้อยบาทถ้วน',
      allocatedSatang: '150000',
    });
    const submitted = await district.call('POST', `/api/expense-plans/${draft.body.id}/submit`, { version: draft.body.version });
    expect(submitted.body.status).toBe('submitted');
    const returned = await province.call('POST', `/api/expense-plans/${draft.body.id}/return`, {
      version: submitted.body.version,
      comment: 'ขอแยกรายการค่าป้ายให้ชัดเจน',
    });
    expect(returned.body).toMatchObject({ status: 'returned', reviewComment: 'ขอแยกรายการค่าป้ายให้ชัดเจน' });
    const fixed = await district.call('PUT', '/api/expense-plans', plan({ version: returned.body.version }));
    expect(fixed.status).toBe(200);
    const again = await district.call('POST', `/api/expense-plans/${draft.body.id}/submit`, { version: fixed.body.version });
    const approved = await province.call('POST', `/api/expense-plans/${draft.body.id}/approve`, { version: again.body.version });
    expect(approved.body.status).toBe('approved');
    const late = await district.call('PUT', '/api/expense-plans', plan({ version: approved.body.version }));
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'expense.locked' });
    expect(late.body.th).toContain('อนุมัติแล้ว');
    expect(
      (await district.call('POST', `/api/expense-plans/${draft.body.id}/submit`, { version: approved.body.version })).status,
    ).toBe(409);
    const trail = await t.rows(
      `select action, changes from audit_log where entity = 'expense_plan' and entity_id = '${draft.body.id}' order by id`,
    );
    expect(trail.map((e: any) => e.action)).toEqual(['create', 'submit', 'return', 'update', 'submit', 'approve']);
    expect(trail.at(-1).changes.status).toEqual({ before: 'submitted', after: 'approved' });
    expect(trail[0].changes.totalSatang).toEqual({ before: null, after: '150000' });
  });

  it('refuses a review at a version the reviewer did not read (409), changing nothing', async () => {
    const mine = (await district.call('GET', `/api/budget/items/${itemId}/expense-plan?unit=3401`)).body;
    const stale = await province.call('POST', `/api/expense-plans/${mine.id}/return`, {
      version: mine.version - 1,
      comment: 'ความเห็นจากฉบับเก่า',
    });
    expect(stale.status).toBe(409);
    expect((await province.call('GET', `/api/expense-plans/${mine.id}`)).body).toMatchObject({
      status: 'approved',
      version: mine.version,
    });
  });

  it('refuses lines that add up to more than the allocation, saving nothing', async () => {
    const res = await district2.call(
      'PUT',
      '/api/expense-plans',
      plan({ orgUnitCode: '3415', lines: [{ item: 'เครื่องพิมพ์', quantity: 1, unit: 'เครื่อง', unitPriceSatang: '150001' }] }),
    );
    expect(res.status).toBe(422);
    expect(res.body.th).toBe('ยอดรวม 1,500.01 บาท เกินงบที่ได้รับจัดสรร 1,500.00 บาท');
    expect((await district2.call('GET', `/api/budget/items/${itemId}/expense-plan?unit=3415`)).body).toBeNull();
  });

  it('saves an incomplete draft as it is, and refuses to submit it until every row is filled in', async () => {
    const incomplete = plan({
      orgUnitCode: '3415',
      lines: [
        { item: 'กระดาษ A4', quantity: 5, unit: 'รีม', unitPriceSatang: '12000' },
        { item: '', quantity: 0, unit: '', unitPriceSatang: '' },
      ],
      actions: [{ what: 'ประชุมคณะกรรมการ', month: '', who: '' }],
    });
    const draft = await district2.call('PUT', '/api/expense-plans', incomplete);
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ status: 'draft', totalSatang: '60000' });
    expect(draft.body.lines[1]).toMatchObject({ item: '', unitPriceSatang: '', totalSatang: '0' });
    const refused = await district2.call('POST', `/api/expense-plans/${draft.body.id}/submit`, { version: draft.body.version });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('expense.incomplete');
    const paths = refused.body.errors.map((e: any) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['lines/1/item', 'lines/1/quantity', 'lines/1/unitPriceSatang', 'actions/0/who']),
    );
    expect(refused.body.errors.find((e: any) => e.path === 'lines/1/item')).toMatchObject({ th: 'จำเป็นต้องกรอก', en: 'Required' });
    const kept = (await district2.call('GET', `/api/budget/items/${itemId}/expense-plan?unit=3415`)).body;
    expect(kept).toMatchObject({ status: 'draft', version: draft.body.version });
  });

  it('refuses action months outside the allocated quarter (April–June 2563) unless the plan says why', async () => {
    const current = (await district2.call('GET', `/api/budget/items/${itemId}/expense-plan?unit=3415`)).body;
    expect(current).toMatchObject({ allocatedQuarters: [3], fiscalYear: 2563 });
    const actions = [
      { what: 'ประชุมคณะกรรมการศูนย์ฯ', month: '2020-06', who: 'พัฒนาการอำเภอ' },
      { what: 'ติดตามผลกลุ่มอาชีพ', month: '2020-08', who: 'พัฒนาการอำเภอ' },
    ];
    const late = (
      await district2.call('PUT', '/api/expense-plans', plan({ orgUnitCode: '3415', actions, version: current.version }))
    ).body;
    const refused = await district2.call('POST', `/api/expense-plans/${late.id}/submit`, { version: late.version });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('expense.month_outside_quarter');
    expect(refused.body.th).toContain('ไตรมาส 3 ปีงบประมาณ 2563');
    expect(refused.body.errors.map((e: any) => e.path)).toEqual(['actions/1/month']);
    const short = (
      await district2.call(
        'PUT',
        '/api/expense-plans',
        plan({ orgUnitCode: '3415', actions, outsideQuarterReason: 'ฝนตก', version: late.version }),
      )
    ).body;
    expect((await district2.call('POST', `/api/expense-plans/${late.id}/submit`, { version: short.version })).status).toBe(422);
    const reason = 'ติดตามผลหลังฤดูเก็บเกี่ยวตามที่กลุ่มอาชีพขอ';
    const explained = (
      await district2.call(
        'PUT',
        '/api/expense-plans',
        plan({ orgUnitCode: '3415', actions, outsideQuarterReason: reason, version: short.version }),
      )
    ).body;
    expect(explained.outsideQuarterReason).toBe(reason);
    const submitted = await district2.call('POST', `/api/expense-plans/${late.id}/submit`, { version: explained.version });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    await province.call('POST', `/api/expense-plans/${late.id}/return`, {
      version: submitted.body.version,
      comment: 'ขอให้จัดกิจกรรมภายในไตรมาส',
    });
  });

  it('flags late submissions and lists who has not submitted', async () => {
    expect(
      (await province.call('PUT', `/api/budget/items/${itemId}/deadline`, { provinceCode: '34', deadline: '2020-04-30' })).status,
    ).toBe(204);
    expect(
      (await district.call('PUT', `/api/budget/items/${itemId}/deadline`, { provinceCode: '34', deadline: '2030-01-01' })).status,
    ).toBe(403);
    const current = (await district2.call('GET', `/api/budget/items/${itemId}/expense-plan?unit=3415`)).body;
    const draft = (await district2.call('PUT', '/api/expense-plans', plan({ orgUnitCode: '3415', version: current?.version })))
      .body;
    await district2.call('POST', `/api/expense-plans/${draft.id}/submit`, { version: draft.version });
    const overview = (await province.call('GET', `/api/budget/items/${itemId}/submissions?unit=34`)).body;
    expect(overview.deadline).toBe('2020-04-30');
    expect(overview.districts).toHaveLength(25);
    const warin = overview.districts.find((d: any) => d.code === '3415');
    expect(warin.status).toBe('submitted');
    expect(warin.daysLate).toBeGreaterThan(2000);
    expect(overview.districts.filter((d: any) => d.status === 'not_submitted')).toHaveLength(23);
  });

  it('keeps a district’s plan from other districts and refuses review by a district', async () => {
    const mine = (await district.call('GET', `/api/budget/items/${itemId}/expense-plan?unit=3401`)).body;
    expect((await district2.call('GET', `/api/expense-plans/${mine.id}`)).status).toBe(404);
    expect((await district2.call('GET', `/api/budget/items/${itemId}/expense-plan?unit=3401`)).status).toBe(403);
    expect((await district.call('POST', `/api/expense-plans/${mine.id}/approve`, { version: mine.version })).status).toBe(403);
  });

  it('prints the expense details with the total in Thai words', async () => {
    const mine = (await district.call('GET', `/api/budget/items/${itemId}/expense-plan?unit=3401`)).body;
    const res = await t.as(await t.login('demo-district'), { method: 'GET', url: `/api/expense-plans/${mine.id}.pdf` });
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload, ['-layout']);
    expect(text).toContain('หนึ่งพันห้าร้อยบาทถ้วน');
    expect(text).toContain('กระดาษ A4');
  });
});
