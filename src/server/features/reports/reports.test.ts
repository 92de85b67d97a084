import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CENTER_INDICATORS } from '#shared/indicators';
import { fiscalYearOf, toThaiDigits } from '#shared/thai/index';
import { api, daysFromToday, expectPartialPatch } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { pdfText, squeeze } from '../../test/poppler';

let t: TestContext;
let district: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
let province: ReturnType<typeof api>;
let farProvince: ReturnType<typeof api>;
let admin: ReturnType<typeof api>;
const id: Record<string, number> = {};
let farCode: string;
beforeAll(async () => {
  t = await createTestContext();
  district = api(t, await t.login('demo-district'));
  district2 = api(t, await t.login('demo-district-2'));
  province = api(t, await t.login('demo-province'));
  admin = api(t, await t.login('demo-admin'));
  for (const row of await t.rows('select id, username from users')) id[row.username] = row.id;
  const [far] = await t.rows(
    "select code from org_units where level = 'province' and covered and code <> '34' order by code limit 1",
  );
  farCode = far.code;
  const made = await admin.call('POST', '/api/users', {
    username: 'reports-far-province',
    displayName: 'นางสาวทดสอบ จังหวัดอื่น',
    role: 'province_officer',
    orgUnitCode: far.code,
    password: 'Far-province-officer-2569',
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  farProvince = api(t, await t.login('reports-far-province', 'Far-province-officer-2569'));
});
afterAll(() => t.close());

const today = daysFromToday(0);
const { fiscalYear, quarter } = fiscalYearOf(today);
const auditOf = (entity: string, entityId: number) =>
  t.rows(`select action, changes from audit_log where entity = '${entity}' and entity_id = '${entityId}' order by id`);

const sale = (groupId: number, channelCode: string) => ({
  orgUnitCode: '3401',
  groupId,
  channelCode,
  month: today.slice(0, 7),
  amountSatang: '50000',
});
/** A training of 3401 today, so it is dated in the quarter the report covers. */
const training = async () => {
  const res = await district.call('POST', '/api/activities', {
    orgUnitCode: '3401',
    kind: 'training',
    topicCode: 'topic_marketing',
    title: 'อบรมการตลาดออนไลน์สำหรับกลุ่มอาชีพ',
    startsOn: today,
    endsOn: today,
    place: 'ห้องประชุมที่ว่าการอำเภอ',
    groupIds: [(await district.group()).id],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const activityPatch = (a: any, place: string) => ({
  version: a.version,
  kind: a.kind,
  topicCode: a.topicCode,
  title: a.title,
  startsOn: a.startsOn,
  endsOn: a.endsOn,
  place,
  partnerIds: [],
  budgetUsedSatang: a.budgetUsedSatang,
  people: [],
  groupIds: a.groups.map((g: any) => g.id),
  note: a.note,
});

describe('a quarterly report from draft to a locked quarter', () => {
  it('is written once per district and quarter, submitted with its figures, returned, approved, locked and unlocked', async () => {
    const group = await district.group();
    expect((await district.call('POST', '/api/sales', sale(group.id, 'community_market'))).status).toBe(201);

    // One report per district and quarter, only for a quarter that has begun, only by the district itself.
    const created = await district.call('POST', '/api/reports', {
      orgUnitCode: '3401',
      fiscalYear,
      quarter,
      narrative: 'ร่างแรก',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', figures: null, unitNameTh: 'เมืองอุบลราชธานี', lock: null });
    const report = created.body;
    const again = await district.call('POST', '/api/reports', { orgUnitCode: '3401', fiscalYear, quarter });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('report.exists');
    expect(again.body.th).toContain(`ไตรมาสที่ ${quarter}`);
    const future = fiscalYearOf(daysFromToday(100));
    const early = await district.call('POST', '/api/reports', { orgUnitCode: '3401', ...future });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('report.quarter_not_begun');
    expect((await district2.call('POST', '/api/reports', { orgUnitCode: '3401', fiscalYear, quarter })).status).toBe(403);
    expect((await province.call('POST', '/api/reports', { orgUnitCode: '3401', fiscalYear, quarter })).status).toBe(403);
    expect((await district2.call('GET', `/api/reports/${report.id}`)).status).toBe(404);
    expect(Number((await t.rows("select count(*)::int as n from quarterly_reports where org_unit_code = '3401'"))[0].n)).toBe(1);

    const edited = await district.call('PATCH', `/api/reports/${report.id}`, {
      version: report.version,
      narrative: 'ศูนย์ฯ ให้บริการกลุ่มอาชีพและจัดอบรมการตลาด',
      problems: 'งบประมาณมาล่าช้า',
      supportNeeded: 'ขอวิทยากรด้านบรรจุภัณฑ์',
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);

    // Submitting takes the figures from the records, and they stay as taken.
    const submitted = await district.call('POST', `/api/reports/${report.id}/submit`, { version: edited.body.version });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.submittedBy.id).toBe(id['demo-district']);
    const figures = submitted.body.figures;
    expect(figures).toMatchObject({ fiscalYear, quarter });
    expect(Object.keys(figures.indicators).sort()).toEqual([...CENTER_INDICATORS].sort());
    expect(BigInt(figures.results.salesSatang)).toBeGreaterThanOrEqual(50000n);
    expect((await district.call('POST', '/api/sales', sale(group.id, 'festival'))).status).toBe(201);
    expect((await district.call('GET', `/api/reports/${report.id}`)).body.figures).toEqual(figures);
    const late = await district.call('PATCH', `/api/reports/${report.id}`, { version: submitted.body.version, narrative: 'x' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('report.not_editable');

    // Locking waits for the approval; reviewing is the province's, of its own districts, never the submitter's.
    const earlyLock = await province.call('POST', '/api/quarter-locks', { unit: '3401', fiscalYear, quarter });
    expect(earlyLock.status).toBe(409);
    expect(earlyLock.body.code).toBe('quarter_lock.report_not_approved');
    const review = (client: typeof district, body: object) =>
      client.call('POST', `/api/reports/${report.id}/review`, { version: submitted.body.version, ...body });
    expect((await review(district, { decision: 'approve' })).status).toBe(403);
    expect((await review(farProvince, { decision: 'approve' })).status).toBe(404);
    const noComment = await review(province, { decision: 'return' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.errors[0].path).toBe('body/comment');
    await t.rows(`update quarterly_reports set submitted_by = ${id['demo-province']} where id = ${report.id}`);
    const own = await review(province, { decision: 'approve' });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('report.own_submission');
    await t.rows(`update quarterly_reports set submitted_by = ${id['demo-district']} where id = ${report.id}`);

    const returned = await review(province, { decision: 'return', comment: 'กรุณาเพิ่มรายละเอียดผลการอบรม' });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body).toMatchObject({ status: 'returned', reviewComment: 'กรุณาเพิ่มรายละเอียดผลการอบรม' });
    expect(returned.body.reviewedBy.id).toBe(id['demo-province']);
    const fixed = await district.call('PATCH', `/api/reports/${report.id}`, {
      version: returned.body.version,
      narrative: 'อบรมการตลาดออนไลน์ให้ 3 กลุ่ม ผู้เข้าร่วม 40 คน',
    });
    expect(fixed.status).toBe(200);
    const resent = await district.call('POST', `/api/reports/${report.id}/submit`, { version: fixed.body.version });
    expect(resent.body.status).toBe('submitted');
    const approved = await province.call('POST', `/api/reports/${report.id}/review`, {
      version: resent.body.version,
      decision: 'approve',
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect((await auditOf('quarterly_report', report.id)).map((e) => e.action)).toEqual([
      'create',
      'update',
      'submit',
      'return',
      'update',
      'submit',
      'approve',
    ]);

    // The lock freezes the district's records dated in the quarter, through the API too.
    const activity = await training();
    expect((await district2.call('POST', '/api/quarter-locks', { unit: '3401', fiscalYear, quarter })).status).toBe(403);
    expect((await farProvince.call('POST', '/api/quarter-locks', { unit: '3401', fiscalYear, quarter })).status).toBe(403);
    const locked = await province.call('POST', '/api/quarter-locks', { unit: '3401', fiscalYear, quarter });
    expect(locked.status, JSON.stringify(locked.body)).toBe(201);
    expect(locked.body).toMatchObject({ orgUnitCode: '3401', fiscalYear, quarter, unlockedAt: null });
    expect(locked.body.lockedBy.id).toBe(id['demo-province']);
    const twice = await province.call('POST', '/api/quarter-locks', { unit: '3401', fiscalYear, quarter });
    expect(twice.body.code).toBe('quarter_lock.already_locked');
    expect((await district.call('GET', `/api/reports/${report.id}`)).body.lock.id).toBe(locked.body.id);
    expect((await district.call('GET', '/api/quarter-locks?active=true')).body.items.map((l: any) => l.id)).toEqual([
      locked.body.id,
    ]);
    expect((await district2.call('GET', '/api/quarter-locks')).body.items).toEqual([]);

    const frozen = await district.call('PATCH', `/api/activities/${activity.id}`, activityPatch(activity, 'ศาลาประชาคม'));
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('quarter.locked');
    const frozenSale = await district.call('POST', '/api/sales', sale(group.id, 'online'));
    expect(frozenSale.status).toBe(409);
    expect(frozenSale.body.code).toBe('quarter.locked');

    // Unlocking needs a reason, which the audit log keeps.
    const noReason = await province.call('POST', `/api/quarter-locks/${locked.body.id}/unlock`, { version: 1, reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(
      (await district.call('POST', `/api/quarter-locks/${locked.body.id}/unlock`, { version: 1, reason: 'แก้ไข' })).status,
    ).toBe(403);
    const reason = 'อำเภอขอแก้ไขวันที่กิจกรรมที่บันทึกผิด';
    const unlocked = await province.call('POST', `/api/quarter-locks/${locked.body.id}/unlock`, { version: 1, reason });
    expect(unlocked.status, JSON.stringify(unlocked.body)).toBe(200);
    expect(unlocked.body).toMatchObject({ unlockReason: reason });
    expect(unlocked.body.unlockedBy.id).toBe(id['demo-province']);
    const again2 = await province.call('POST', `/api/quarter-locks/${locked.body.id}/unlock`, { version: 2, reason });
    expect(again2.body.code).toBe('quarter_lock.not_locked');
    const lockAudit = await auditOf('quarter_lock', locked.body.id);
    expect(lockAudit.map((e) => e.action)).toEqual(['lock_quarter', 'unlock_quarter']);
    expect(lockAudit[1].changes.unlockReason.after).toBe(reason);
    // The province reads who unlocked which district's quarter, and why, in its audit log.
    const log = await province.call('GET', '/api/audit?entity=quarter_lock');
    expect(log.body.items[0]).toMatchObject({ action: 'unlock_quarter', subject: `เมืองอุบลราชธานี · ${quarter}/${fiscalYear}` });

    const thawed = await district.call('PATCH', `/api/activities/${activity.id}`, activityPatch(activity, 'ศาลาประชาคม'));
    expect(thawed.status, JSON.stringify(thawed.body)).toBe(200);
    expect((await district.call('POST', '/api/sales', sale(group.id, 'online'))).status).toBe(201);
    expect((await district.call('GET', '/api/quarter-locks')).body.items[0].unlockReason).toBe(reason);
  });
});

describe('the report summary', () => {
  it('counts reports by status per district for a province and per province for the nation, summing approved results', async () => {
    // The first test approved 3401's report of this quarter; 3415 starts one and leaves it a draft.
    const draft = await district2.call('POST', '/api/reports', { orgUnitCode: '3415', fiscalYear, quarter });
    expect(draft.status).toBe(201);
    const ofProvince = await province.call('GET', `/api/reports/summary?fiscalYear=${fiscalYear}&quarter=${quarter}`);
    expect(ofProvince.status, JSON.stringify(ofProvince.body)).toBe(200);
    const row = (code: string) => ofProvince.body.rows.find((r: any) => r.code === code);
    expect(row('3401')).toMatchObject({ districts: 1, approved: 1, submitted: 0, missing: 0 });
    expect(row('3415')).toMatchObject({ districts: 1, approved: 0, missing: 1 });
    const [{ n }] = await t.rows(
      "select count(*)::int as n from org_units where level = 'district' and covered and code like '34%'",
    );
    expect(ofProvince.body.total).toMatchObject({ districts: n, approved: 1, missing: n - 1 });
    const [approvedReport] = await t.rows(
      `select figures from quarterly_reports where org_unit_code = '3401' and fiscal_year = ${fiscalYear} and quarter = ${quarter}`,
    );
    expect(row('3401').results).toEqual(approvedReport.figures.results);

    const nation = await admin.call('GET', `/api/reports/summary?fiscalYear=${fiscalYear}&quarter=${quarter}`);
    const ubon = nation.body.rows.find((r: any) => r.code === '34');
    expect(ubon).toMatchObject({ districts: n, approved: 1, missing: n - 1, results: approvedReport.figures.results });
    expect(nation.body.rows.find((r: any) => r.code === farCode)).toMatchObject({ approved: 0 });
    expect((await district.call('GET', `/api/reports/summary?unit=34&fiscalYear=${fiscalYear}&quarter=${quarter}`)).status).toBe(
      403,
    );
  });
});

describe('the report as documents', () => {
  it('renders the PDF memo under the office’s prefix, all in Thai digits or all in Arabic, and an XLSX with numbers as numbers', async () => {
    const [report] = await t.rows(
      `select id, fiscal_year, quarter from quarterly_reports where org_unit_code = '3401' and status = 'approved'`,
    );
    const memo = async (query = '') =>
      t.as(await t.login('demo-province'), { method: 'GET', url: `/api/reports/${report.id}/report.pdf${query}` });
    // Like the office's letters, the memo is printed only under a prefix the office set.
    const refused = await memo();
    expect([refused.statusCode, refused.json().code]).toEqual([422, 'documents.no_prefix']);
    expect(refused.json().th).toContain('สำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี');
    const letterhead = { prefix: 'อบ ๐๐๑๙.๑', phone: '', email: '', version: 0 };
    expect((await district.call('PUT', '/api/offices/3401/letterhead', letterhead)).status).toBe(200);

    const pdf = await memo();
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const thai = squeeze(pdfText(pdf.rawPayload));
    // The memo's heads in their order: ส่วนราชการ, ที่ (the prefix; the registry writes the number), วันที่, เรื่อง, เรียน.
    expect(thai).toMatch(/ส่วนราชการ.*ที่อบ๐๐๑๙\.๑\/วันที่.*เรื่อง.*เรียน/);
    expect(thai).toContain(squeeze(toThaiDigits(`ไตรมาสที่ ${report.quarter} ปีงบประมาณ พ.ศ. ${report.fiscal_year}`)));
    expect(thai).toMatch(/๑\.ตัว/);
    expect(thai).not.toMatch(/[0-9]/);
    const arabic = squeeze(pdfText((await memo('?digits=arabic')).rawPayload));
    expect(arabic).toMatch(/ที่อบ0019\.1\/วันที่/);
    expect(arabic).toMatch(/1\.ตัว/);
    expect(arabic).not.toMatch(/[๐-๙]/);
    const xlsx = await t.as(await t.login('demo-district'), { method: 'GET', url: `/api/reports/${report.id}/report.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const values = sheet.getSheetValues().flatMap((r) => (Array.isArray(r) ? r : []));
    expect(values).toContain('ยอดจำหน่ายผลิตภัณฑ์ (บาท)');
    const salesRow = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(2).value === 'ยอดจำหน่ายผลิตภัณฑ์ (บาท)')!;
    expect(typeof salesRow.getCell(4).value).toBe('number');
    expect(salesRow.getCell(4).value).toBeGreaterThanOrEqual(500);
  });
});

describe('changing a report', () => {
  it('changes only the words a PATCH sends; null clears one', async () => {
    const made = await district.call('POST', '/api/reports', {
      orgUnitCode: '3401',
      fiscalYear: fiscalYear - 1,
      quarter: 4,
      narrative: 'ศูนย์ฯ ออกหน่วยเชิงรุกครบทุกตำบล',
      problems: 'งบประมาณมาล่าช้า',
      supportNeeded: 'ขอวิทยากรด้านบรรจุภัณฑ์',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const url = `/api/reports/${made.body.id}`;
    const changed = await expectPartialPatch(district, url, { problems: 'ขาดรถยนต์ออกพื้นที่' });
    expect(changed).toMatchObject({ narrative: made.body.narrative, supportNeeded: made.body.supportNeeded });
    await expectPartialPatch(district, url, { supportNeeded: null });
    const long = await district.call('PATCH', url, { version: changed.version + 1, narrative: 'ก'.repeat(10_001) });
    expect([long.status, long.body.errors?.[0].path]).toEqual([400, 'body/narrative']);
  });
});
