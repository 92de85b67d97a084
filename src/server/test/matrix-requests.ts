/**
 * Valid requests for every API operation, aimed at a chosen org unit and sent as a chosen session: the
 * authorization matrix (src/server/access/authorization-matrix.test.ts) calls each of them as every role on
 * records of the caller's own unit and of another unit. Whatever a request needs (a fresh record of the unit,
 * money allocated down to it, a borrower) is made through the API by the unit's own officers first, so the only
 * thing that can differ between callers is who is asking.
 */
import sharp from 'sharp';
import { expect } from 'vitest';
import { citizenIdCheckDigit } from '#shared/thai/citizen-id';
import { EXPORTED_LISTS } from '../access/matrix';
import { thaiToday } from '../clock';
import { DEMO_PASSWORD } from '../demo/demo';
import { PRODUCER_HEADER, producerRow, upload as uploadImport, workbook } from '../features/imports/import-fixtures';
import { type CommitteeFixture, insertCommittee } from '../features/meetings/committee-fixture';
import { runQueuedJobs } from '../jobs/jobs';
import { api } from './factories';
import type { TestContext } from './harness';

/** Who asks: the five demo accounts of the README, and nobody signed in. */
export const CALLERS = ['admin', 'province', 'district', 'committee', 'district2', 'anon'] as const;
export type Caller = (typeof CALLERS)[number];

export const ACCOUNT: Record<Exclude<Caller, 'anon'>, { username: string; role: string; unit: string }> = {
  admin: { username: 'demo-admin', role: 'national_admin', unit: 'TH' },
  province: { username: 'demo-province', role: 'province_officer', unit: '34' },
  district: { username: 'demo-district', role: 'district_officer', unit: '3401' },
  committee: { username: 'demo-committee', role: 'committee_member', unit: '3401' },
  district2: { username: 'demo-district-2', role: 'district_officer', unit: '3415' },
};

export interface MatrixRequest {
  url: string;
  body?: object;
  /** A file, sent as multipart field "file". */
  file?: Buffer;
  /** Overrides the caller's session (operations on one's own session use a fresh one, so the shared one lives on). */
  cookie?: string;
}

export interface RequestContext {
  caller: Caller;
  /** The org unit whose record the request touches (a district, or for province-level acts, a district below it). */
  unit: string;
}

export type RequestBuilder = (c: RequestContext) => Promise<MatrixRequest>;

/** Requests shaped by who asks (a fresh session of the caller, an approver other than the caller): never reused. */
export const CALLER_SHAPED = new Set([
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'POST /api/advances',
  'POST /api/disbursements/{id}/approve',
  'POST /api/disbursements/{id}/reject',
  'POST /api/advances/{id}/approve',
  'POST /api/advances/{id}/reject',
  'POST /api/services',
  'PATCH /api/services/{id}',
  'DELETE /api/services/{id}',
  'PATCH /api/activities/{id}',
  'DELETE /api/activities/{id}',
  'PUT /api/activities/{id}/sales',
  'PATCH /api/outcomes/{id}',
  'DELETE /api/outcomes/{id}',
  'POST /api/outcomes/{id}/attachments',
]);

const PASSWORD = 'matrix-long-passphrase';
let serial = 0;
const unique = () => `${Date.now().toString(36)}${++serial}`;

/** A valid Thai citizen ID (mod-11 check digit) not used before in this run. */
export function citizenId(): string {
  const first12 = `3${String(Date.now() % 1e7).padStart(7, '0')}${String(++serial % 1e4).padStart(4, '0')}`;
  return `${first12}${citizenIdCheckDigit(first12)}`;
}

/** The fiscal year (BE, October to September) of today in Bangkok. */
export function currentFiscalYear(): number {
  const [year, month] = thaiToday().split('-').map(Number);
  return (month >= 10 ? year + 1 : year) + 543;
}

export const png = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: '#8b4513' } })
    .png()
    .toBuffer();

export function multipart(data: Buffer) {
  const boundary = '----thanrak-matrix';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/**
 * The world the requests run in: sessions of the demo accounts, plus a province officer and a district officer
 * of another province (made by the admin), so "another unit" exists for the province officer too.
 */
export async function matrixWorld(t: TestContext) {
  const cookies: Record<string, string> = {};
  for (const account of Object.values(ACCOUNT)) cookies[account.username] = await t.login(account.username);
  const ids: Record<string, number> = {};
  for (const row of await t.rows('select id, username from users')) ids[row.username] = row.id;
  const admin = api(t, cookies['demo-admin']);

  const [far] = await t.rows(
    "select code from org_units where level = 'district' and covered and code not like '34%' order by code limit 1",
  );
  const farDistrict = String(far.code);
  const farProvince = farDistrict.slice(0, 2);

  /** A new active account, made by the admin. */
  const account = async (role: string, unit: string) => {
    const username = `matrix${unique()}`;
    const made = await admin.call('POST', '/api/users', {
      username,
      displayName: 'นายทดสอบ สิทธิ์ระบบ',
      role,
      orgUnitCode: unit,
      password: PASSWORD,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    ids[username] = made.body.id;
    return { ...made.body, username, password: PASSWORD } as { id: number; version: number; username: string; password: string };
  };
  const farProvinceOfficer = await account('province_officer', farProvince);
  const farDistrictOfficer = await account('district_officer', farDistrict);
  cookies[farProvinceOfficer.username] = await t.login(farProvinceOfficer.username, PASSWORD);
  cookies[farDistrictOfficer.username] = await t.login(farDistrictOfficer.username, PASSWORD);

  const districtOfficerOf: Record<string, string> = {
    '3401': 'demo-district',
    '3415': 'demo-district-2',
    [farDistrict]: farDistrictOfficer.username,
  };
  const provinceOfficerOf: Record<string, string> = { '34': 'demo-province', [farProvince]: farProvinceOfficer.username };
  /** The district's own officer: records of a district are written by that district. */
  const owner = (unit: string) => api(t, cookies[districtOfficerOf[unit]]);
  const provinceOf = (unit: string) => unit.slice(0, 2);
  const provinceOfficer = (unit: string) => api(t, cookies[provinceOfficerOf[provinceOf(unit)]]);
  const cookieOf = (caller: Caller) => (caller === 'anon' ? '' : cookies[ACCOUNT[caller].username]);
  const fiscalYear = currentFiscalYear();

  /** A fresh activity of this fiscal year; 1,000 baht go to the unit's province, and (unless `toDistrict` is false) 500 on to the unit. */
  const fundedActivity = async (unit: string, toDistrict = true) => {
    const item = await admin.call('POST', '/api/budget/items', {
      fiscalYear,
      level: 'activity',
      name: `กิจกรรมทดสอบสิทธิ์ ${unique()}`,
      responsibleUnitCode: 'TH',
      budgetSatang: '100000',
      quarters: [1],
    });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    const down = await admin.call('POST', '/api/budget/allocations', allocation(item.body.id, 'TH', provinceOf(unit), '100000'));
    expect(down.status, JSON.stringify(down.body)).toBe(201);
    if (toDistrict) {
      const on = await provinceOfficer(unit).call(
        'POST',
        '/api/budget/allocations',
        allocation(item.body.id, provinceOf(unit), unit, '50000'),
      );
      expect(on.status, JSON.stringify(on.body)).toBe(201);
    }
    return item.body.id as number;
  };
  const allocation = (itemId: number, from: string, to: string, amountSatang: string) => ({
    itemId,
    fromUnitCode: from,
    toUnitCode: to,
    quarter: 1,
    category: 'materials',
    amountSatang,
  });

  const planBody = (itemId: number, unit: string) => ({
    itemId,
    orgUnitCode: unit,
    lines: [{ item: 'กระดาษ A4', quantity: 2, unit: 'รีม', unitPriceSatang: '12000' }],
    actions: [{ what: 'ประชุมคณะกรรมการศูนย์ฯ', month: `${fiscalYear - 544}-12`, who: 'พัฒนาการอำเภอ' }],
  });
  const draftPlan = async (unit: string) => {
    const draft = await owner(unit).call('PUT', '/api/expense-plans', planBody(await fundedActivity(unit), unit));
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    return draft.body;
  };
  const submittedPlan = async (unit: string) => {
    const draft = await draftPlan(unit);
    const submitted = await owner(unit).call('POST', `/api/expense-plans/${draft.id}/submit`, { version: draft.version });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    return submitted.body;
  };

  /**
   * A delegation order giving one officer the power over advances of a province's units (inserted by SQL: orders are
   * another feature's records), so the matrix tests who asks, not whether an order exists.
   */
  const orderNaming = async (username: string, unit: string) => {
    const [order] = await t.rows(`
      insert into delegation_orders (issuing_unit_code, order_no, order_date, delegator, delegate_user_id,
        scope_unit_code, powers, subject, effective_from)
      values ('${provinceOf(unit)}', 'มท ${unique()}', '2020-01-02', 'ผู้ว่าราชการจังหวัด', ${ids[username]},
        '${provinceOf(unit)}', array['advances', 'spending'], 'มอบอำนาจอนุมัติเงินยืมและการเบิกจ่าย', '2020-01-02')
      returning id`);
    return order.id as number;
  };
  const provinceOrders: Record<string, Promise<number>> = {};
  const provinceOrder = (unit: string) => {
    provinceOrders[provinceOf(unit)] ??= orderNaming(provinceOfficerOf[provinceOf(unit)], unit);
    return provinceOrders[provinceOf(unit)];
  };
  /** An official of the unit free to borrow: a fresh district officer, so no advance of another request is in the way. */
  const advanceBody = async (unit: string) => ({
    orgUnitCode: unit,
    borrowerId: (await account('district_officer', unit)).id,
    itemId: await fundedActivity(unit),
    purpose: 'ค่าวัสดุจัดประชุมคณะกรรมการศูนย์ฯ',
    ruleCode: 'activity',
    amountSatang: '20000',
    receivedOn: thaiToday(),
  });
  /** An advance waiting for approval, asked for and borrowed by a fresh officer: any other caller may decide it. */
  const requestedAdvance = async (unit: string) => {
    const officer = await account('district_officer', unit);
    const made = await api(t, await t.login(officer.username, officer.password)).call('POST', '/api/advances', {
      ...(await advanceBody(unit)),
      borrowerId: officer.id,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    return made.body;
  };
  /** An approved (open) advance: asked for by the district, approved by its province officer under an order. */
  const advance = async (unit: string) => {
    const made = await owner(unit).call('POST', '/api/advances', await advanceBody(unit));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const approved = await provinceOfficer(unit).call('POST', `/api/advances/${made.body.id}/approve`, {
      delegationOrderId: await provinceOrder(unit),
      version: made.body.version,
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    return approved.body;
  };
  /** A waiting advance and an order naming the caller (in the unit's province) for the caller to decide it under. */
  const decision = async (unit: string, caller: Caller) => {
    const made = await requestedAdvance(unit);
    const officer = caller === 'anon' ? undefined : ACCOUNT[caller].username;
    const orderId = officer && ids[officer] ? await orderNaming(officer, unit) : 1;
    return { made, orderId };
  };

  /** A governor's order of the unit's province delegating both powers to its district chiefs (a unique number). */
  const delegationBody = (unit: string) => ({
    issuingUnitCode: provinceOf(unit),
    orderNo: `${unique()}/2569`,
    orderDate: thaiToday(),
    delegator: 'ผู้ว่าราชการจังหวัด',
    delegateRole: 'district_chief',
    scopeUnitCode: provinceOf(unit),
    powers: ['advances', 'spending'],
    subject: 'มอบอำนาจให้นายอำเภออนุมัติการเบิกจ่ายและเงินยืม',
  });
  const delegationOrder = async (unit: string) => {
    const made = await admin.call('POST', '/api/delegation-orders', delegationBody(unit));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    return made.body;
  };

  const committeeUser = async (unit: string) => {
    const made = await owner(unit).call('POST', '/api/users', {
      username: `matrix${unique()}`,
      displayName: 'นางสาวทดสอบ กรรมการ',
      role: 'committee_member',
      orgUnitCode: unit,
      password: PASSWORD,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    return made.body;
  };
  const person = (unit: string) => owner(unit).person({ orgUnitCode: unit, citizenId: citizenId() });
  const wisdom = (unit: string) => owner(unit).wisdom({ orgUnitCode: unit });
  const group = (unit: string) => owner(unit).group({ orgUnitCode: unit });
  const producer = async (unit: string) =>
    owner(unit).producer((await group(unit)).id, { orgUnitCode: unit, registrationNo: `OTOP-${unit}-${unique()}` });
  const product = async (unit: string) => owner(unit).product((await producer(unit)).id);
  const certification = async (unit: string) => owner(unit).certification({ producerId: (await producer(unit)).id });
  const partner = async (unit: string) => {
    const made = await owner(unit).call('POST', '/api/partners', {
      orgUnitCode: unit,
      kind: 'bank',
      name: `ธ.ก.ส. สาขา ${unique()}`,
      contactPerson: 'นายสมชาย ใจดี',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    return made.body;
  };
  const tripBody = (unit: string) => ({
    orgUnitCode: unit,
    tripDate: thaiToday(),
    staffIds: [ids[districtOfficerOf[unit]]],
    places: ['ตำบลขามใหญ่'],
  });
  const trip = async (unit: string) => {
    const made = await owner(unit).call('POST', '/api/outreach-trips', tripBody(unit));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    return made.body;
  };
  /** A committee member names itself as a giver: it records only the services it gave. */
  const serviceBody = async (unit: string, caller: Caller) => ({
    orgUnitCode: unit,
    serviceDate: thaiToday(),
    mode: 'center',
    personIds: [(await person(unit)).id],
    typeCodes: ['advice'],
    description: 'ให้คำปรึกษาการจัดตั้งกลุ่มอาชีพ',
    staffIds: [caller === 'committee' ? ids['demo-committee'] : ids[districtOfficerOf[unit]]],
    durationMinutes: 30,
  });
  /** A service of the unit; the committee's own unit gets one the committee member recorded. */
  const service = async (unit: string, caller: Caller = 'district') => {
    const mine = caller === 'committee' && unit === ACCOUNT.committee.unit;
    const made = await (mine ? api(t, cookies['demo-committee']) : owner(unit)).call(
      'POST',
      '/api/services',
      await serviceBody(unit, mine ? 'committee' : 'district'),
    );
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    return made.body;
  };
  /** A market event of today at which a new group of the unit sells. */
  const activityBody = async (unit: string) => ({
    orgUnitCode: unit,
    kind: 'market_event',
    marketKind: 'community_market',
    title: 'ตลาดนัดชุมชนประจำสัปดาห์',
    startsOn: thaiToday(),
    endsOn: thaiToday(),
    place: 'ลานหน้าที่ว่าการอำเภอ',
    groupIds: [(await group(unit)).id],
  });
  /** An activity of the unit; the committee's own unit gets one the committee member recorded. */
  const activity = async (unit: string, caller: Caller = 'district') => {
    const mine = caller === 'committee' && unit === ACCOUNT.committee.unit;
    const made = await (mine ? api(t, cookies['demo-committee']) : owner(unit)).call(
      'POST',
      '/api/activities',
      await activityBody(unit),
    );
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    return made.body;
  };
  /** A month of sales of a fresh group (one row per group, channel and month). */
  const saleBody = async (unit: string) => ({
    orgUnitCode: unit,
    groupId: (await group(unit)).id,
    channelCode: 'community_market',
    month: thaiToday().slice(0, 7),
    amountSatang: '1250000',
  });
  const sale = async (unit: string) => {
    const made = await owner(unit).call('POST', '/api/sales', await saleBody(unit));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    return made.body;
  };
  const fundingBody = async (unit: string) => ({
    orgUnitCode: unit,
    groupId: (await group(unit)).id,
    sourceCode: 'baac',
    purpose: 'สินเชื่อซื้อวัตถุดิบ',
    askedSatang: '5000000',
    appliedOn: thaiToday(),
  });
  const funding = async (unit: string) => {
    const made = await owner(unit).call('POST', '/api/funding', await fundingBody(unit));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    return made.body;
  };
  const outcomeBody = async (unit: string) => ({
    orgUnitCode: unit,
    groupId: (await group(unit)).id,
    kind: 'jobs_created',
    jobsCount: 3,
    happenedOn: thaiToday(),
    reportedOn: thaiToday(),
    description: 'จ้างสมาชิกเพิ่มในช่วงฤดูการผลิต',
  });
  /** A committee member of the unit who records outcomes, so its district officer may verify them. */
  const recorders: Record<string, Promise<ReturnType<typeof api>>> = {};
  const recorderOf = (unit: string) => {
    recorders[unit] ??= committeeUser(unit).then(async (u) => api(t, await t.login(u.username, PASSWORD)));
    return recorders[unit];
  };
  /** An outcome of the unit: the committee member's own for the committee's unit, else one another recorder made. */
  const outcome = async (unit: string, caller: Caller = 'district') => {
    const mine = caller === 'committee' && unit === ACCOUNT.committee.unit;
    const made = await (mine ? api(t, cookies['demo-committee']) : await recorderOf(unit)).call(
      'POST',
      '/api/outcomes',
      await outcomeBody(unit),
    );
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    return made.body;
  };
  const verifiedOutcome = async (unit: string) => {
    const made = await outcome(unit);
    const verified = await owner(unit).call('POST', `/api/outcomes/${made.id}/verify`, { version: made.version });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    return verified.body;
  };
  const requestBody = async (unit: string) => ({
    orgUnitCode: unit,
    channel: 'phone',
    receivedOn: thaiToday(),
    groupId: (await group(unit)).id,
    subjectCode: 'funding_access',
    description: 'ขอคำแนะนำการกู้เงินทุนหมุนเวียน',
  });
  /** A service request of the unit, accepted when it is to be referred. */
  const serviceRequest = async (unit: string, accepted = false) => {
    const made = await owner(unit).call('POST', '/api/requests', await requestBody(unit));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    if (!accepted) return made.body;
    const moved = await owner(unit).call('POST', `/api/requests/${made.body.id}/status`, {
      version: made.body.version,
      status: 'accepted',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    return moved.body;
  };
  const referralBody = async (unit: string) => ({
    requestId: (await serviceRequest(unit, true)).id,
    targetLevel: 'province',
    targetName: 'สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี',
    reason: 'ต้องการสินเชื่อเกินกว่าที่ศูนย์ฯ ประสานได้',
    referredOn: thaiToday(),
  });
  const referral = async (unit: string) => {
    const made = await owner(unit).call('POST', '/api/referrals', await referralBody(unit));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    return made.body;
  };
  const upload = async (unit: string, url: string) => {
    const res = await t.as(cookies[districtOfficerOf[unit]], { method: 'POST', url, ...multipart(await png()) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  // --- needs analyses, development plans, lessons learned: made by the district's own officer
  const made = async (unit: string, url: string, body: object) => {
    const res = await owner(unit).call('POST', url, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const needsBody = async (unit: string) => ({
    groupId: (await group(unit)).id,
    analysedOn: thaiToday(),
    items: [{ area: 'marketing', problem: 'ขายได้เฉพาะในหมู่บ้าน', need: 'ช่องทางขายออนไลน์', priority: 1 }],
  });
  const needs = async (unit: string) => made(unit, '/api/needs', await needsBody(unit));
  const planBodyOf = (unit: string) => ({
    orgUnitCode: unit,
    title: `แผนพัฒนาศูนย์ฯ ${unique()}`,
    term: 'short',
    firstYear: fiscalYear,
    lastYear: fiscalYear,
  });
  const devPlan = (unit: string) => made(unit, '/api/plans', planBodyOf(unit));
  const projectBody = () => ({
    title: 'พัฒนาบรรจุภัณฑ์ผลิตภัณฑ์ชุมชน',
    objectives: 'ให้กลุ่มมีบรรจุภัณฑ์ที่ได้มาตรฐาน',
    budgetSatang: '1500000',
    startsOn: thaiToday(),
    endsOn: thaiToday(),
  });
  const project = async (unit: string) => made(unit, `/api/plans/${(await devPlan(unit)).id}/projects`, projectBody());
  const lessonBody = (unit: string) => ({
    orgUnitCode: unit,
    fiscalYear: fiscalYear - 1,
    whatWorked: 'การออกหน่วยร่วมกับ อบต.',
    problems: 'กลุ่มขาดเงินทุนหมุนเวียน',
    changes: 'ประสาน ธ.ก.ส. ตั้งแต่ต้นปี',
  });
  const lesson = (unit: string) => made(unit, '/api/lessons', lessonBody(unit));
  const workOf: Record<string, Promise<{ needs: any; plan: any; project: any; lesson: any }>> = {};
  /** The unit's analysis, plan, project and lesson that reads are aimed at, made on first use. */
  const work = (unit: string) => {
    workOf[unit] ??= (async () => ({
      needs: await needs(unit),
      plan: await devPlan(unit),
      project: await project(unit),
      lesson: await lesson(unit),
    }))();
    return workOf[unit];
  };

  // --- committee terms, exceptions and center profiles: terms a year apart each, so they never overlap
  let termYear = 1950;
  const committeeBody = (unit: string) => {
    const year = termYear++;
    return {
      orgUnitCode: unit,
      orderNumber: `${year - 1900}/2569`,
      orderDate: thaiToday(),
      signedBy: 'นายสมศักดิ์ รักษ์ถิ่น',
      termStart: `${year}-01-01`,
      termEnd: `${year}-12-31`,
      members: [{ name: 'นายสมศักดิ์ รักษ์ถิ่น', title: 'นายอำเภอ', category: 'chair', positionCode: 'chair' }],
    };
  };
  const committeeOf = (unit: string) => made(unit, '/api/committees', committeeBody(unit));
  const committeeTerms: Record<string, Promise<any>> = {};
  const termOf = (unit: string) => {
    committeeTerms[unit] ??= committeeOf(unit);
    return committeeTerms[unit];
  };
  const editableTerm = (c: any) => ({
    version: c.version,
    orderNumber: c.orderNumber,
    orderDate: c.orderDate,
    signedBy: c.signedBy,
    termStart: c.termStart,
    termEnd: c.termEnd,
    note: 'แก้ไขวาระ',
    members: c.members.map((m: any) => ({
      id: m.id,
      name: m.name,
      title: m.title,
      category: m.category,
      positionCode: m.positionCode,
    })),
  });
  /** The unit's exception in force (recorded by the admin when there is none). */
  const exceptionOf = async (unit: string) => {
    const found = (await admin.call('GET', `/api/committee-exceptions?unit=${unit}`)).body.items[0];
    if (found) return found;
    const res = await admin.call('POST', '/api/committee-exceptions', exceptionBody(unit));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const exceptionBody = (unit: string) => ({
    orgUnitCode: unit,
    letterNumber: `มท 0402.${unique()}`,
    letterDate: thaiToday(),
    reason: 'กลไกเดิมของอำเภอทำงานได้ดี',
  });
  /** No exception in force for the unit, so recording one may succeed. */
  const noException = async (unit: string) => {
    const found = (await admin.call('GET', `/api/committee-exceptions?unit=${unit}`)).body.items[0];
    if (found) await admin.call('DELETE', `/api/committee-exceptions/${found.id}`, { version: found.version });
  };
  const profileBody = async (unit: string) => {
    const current = await owner(unit).call('GET', `/api/center-profiles/${unit}`);
    return {
      version: current.status === 200 ? current.body.version : 0,
      officeAddress: 'ที่ว่าการอำเภอ ถนนอุปราช',
      openingHours: 'จันทร์–ศุกร์ 08.30–16.30 น.',
    };
  };
  const profileOf = async (unit: string) => {
    const current = await owner(unit).call('GET', `/api/center-profiles/${unit}`);
    if (current.status === 200) return current.body;
    const res = await owner(unit).call('PUT', `/api/center-profiles/${unit}`, await profileBody(unit));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  /** A quarter long past, different on every call: a district writes one report per quarter. */
  let reportQuarters = 0;
  const pastQuarter = () => {
    const n = reportQuarters++;
    return { fiscalYear: 2540 + Math.floor(n / 4), quarter: (n % 4) + 1 };
  };
  /** A report of the unit, taken as far as the status asked: submitted by its district, approved by its province. */
  const report = async (unit: string, status: 'draft' | 'submitted' | 'approved' = 'draft') => {
    let made = await owner(unit).call('POST', '/api/reports', {
      orgUnitCode: unit,
      ...pastQuarter(),
      narrative: 'ผลการดำเนินงาน',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    if (status === 'draft') return made.body;
    made = await owner(unit).call('POST', `/api/reports/${made.body.id}/submit`, { version: made.body.version });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    if (status === 'submitted') return made.body;
    made = await provinceOfficer(unit).call('POST', `/api/reports/${made.body.id}/review`, {
      version: made.body.version,
      decision: 'approve',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    return made.body;
  };
  const quarterLock = async (unit: string) => {
    const approved = await report(unit, 'approved');
    const lock = await provinceOfficer(unit).call('POST', '/api/quarter-locks', {
      unit,
      fiscalYear: approved.fiscalYear,
      quarter: approved.quarter,
    });
    expect(lock.status, JSON.stringify(lock.body)).toBe(201);
    return lock.body;
  };

  /** Records of a district that reads are aimed at, made once by the district's own officer. */
  const recordsOf = async (unit: string) => {
    const wisdomItem = await wisdom(unit);
    const itemId = await fundedActivity(unit);
    const plan = await owner(unit).call('PUT', '/api/expense-plans', planBody(itemId, unit));
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    const attachment = await upload(unit, `/api/wisdom/${wisdomItem.id}/attachments`);
    return {
      user: await committeeUser(unit),
      person: await person(unit),
      wisdom: wisdomItem,
      attachmentId: (attachment.id ?? attachment.attachmentId) as number,
      group: await group(unit),
      producer: await producer(unit),
      product: await product(unit),
      certification: await certification(unit),
      partner: await partner(unit),
      trip: await trip(unit),
      service: await service(unit),
      activity: await activity(unit),
      sale: await sale(unit),
      funding: await funding(unit),
      outcome: await outcome(unit),
      request: await serviceRequest(unit),
      referral: await referral(unit),
      itemId,
      plan: plan.body,
      advance: await advance(unit),
      report: await report(unit, 'submitted'),
    };
  };
  /** An office's number prefix, set by the admin where the office has none yet (the demo sets only TH and 34). */
  const prefixSet = async (code: string) => {
    const letterhead = (await admin.call('GET', `/api/offices/${code}/letterhead`)).body;
    if (letterhead.version > 0) return;
    const saved = await admin.call('PUT', `/api/offices/${code}/letterhead`, {
      prefix: 'ทด ๐๐๑๗',
      phone: '',
      email: '',
      version: 0,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  };

  // --- meetings and posts: the district's committee term is inserted by SQL (committees are another feature's)
  const terms: Record<string, Promise<CommitteeFixture>> = {};
  const meetingTermOf = (unit: string) => {
    terms[unit] ??= insertCommittee((query) => t.rows(query), unit);
    return terms[unit];
  };
  const meetingBody = (unit: string) => ({
    orgUnitCode: unit,
    heldOn: thaiToday(),
    startsAt: '09:30',
    place: 'ห้องประชุมที่ว่าการอำเภอ',
    agenda: [{ kind: 'announcement', title: 'เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ' }],
  });
  const meeting = async (unit: string) => {
    await meetingTermOf(unit);
    const made = await owner(unit).call('POST', '/api/meetings', meetingBody(unit));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    return made.body;
  };
  const minutesBody = async (unit: string, version: number) => {
    const { memberIds } = await meetingTermOf(unit);
    return {
      version,
      attendance: memberIds.map((memberId, i) => ({ memberId, attended: i < 8 })),
      openedAt: '09:30',
      closedAt: '12:00',
      minutes: [],
      minutesBy: 'นางสาวจดบันทึก ตั้งใจ',
      minutesCheckedBy: 'นายตรวจทาน ถูกต้อง',
      resolutions: [{ agendaSeq: 1, text: 'มอบหมายประชาสัมพันธ์ผลการดำเนินงาน', ownerMemberId: memberIds[0], dueOn: thaiToday() }],
    };
  };
  const heldMeeting = async (unit: string) => {
    const made = await meeting(unit);
    const held = await owner(unit).call('POST', `/api/meetings/${made.id}/minutes`, await minutesBody(unit, made.version));
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    return held.body;
  };
  const postBody = (unit: string) => ({
    orgUnitCode: unit,
    title: 'ศูนย์ฯ จัดอบรมการตลาดออนไลน์',
    body: 'ศูนย์บริการส่งเสริมเศรษฐกิจฐานรากจัดอบรมให้กลุ่มอาชีพ',
    channels: ['facebook'],
    publishedOn: thaiToday(),
    isPublic: false,
  });
  const post = async (unit: string) => {
    const made = await owner(unit).call('POST', '/api/posts', postBody(unit));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    return made.body;
  };

  /** A payment of the unit inside the quarter its money was allocated for (quarter 1 of this fiscal year). */
  const paymentBody = async (unit: string) => ({
    itemId: await fundedActivity(unit),
    orgUnitCode: unit,
    paidOn: `${fiscalYear - 544}-10-15`,
    description: 'ค่าวัสดุสำนักงานศูนย์ฯ',
    category: 'materials',
    amountSatang: '10000',
    procurementMethod: 'specific',
    vendor: 'ร้านสมบูรณ์การค้า',
    documentNo: `บจ ${unique()}`,
  });
  /** A pending payment of the unit, asked for by a fresh officer of the unit: no caller asked for it himself. */
  const pendingPayment = async (unit: string) => {
    const asker = await account('district_officer', unit);
    const asked = await api(t, await t.login(asker.username, PASSWORD)).call(
      'POST',
      '/api/disbursements',
      await paymentBody(unit),
    );
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    return asked.body.items.find((p: { status: string }) => p.status === 'pending') as { id: number; version: number };
  };
  /**
   * Spending orders naming each officer among the callers for the money of his own unit (the province: all its
   * districts), so approving is refused only for a missing permission or scope. Made once; returns the caller's.
   */
  let spendingOrders: Promise<Record<string, number>> | undefined;
  const spendingOrder = async (caller: Caller) => {
    spendingOrders ??= (async () => {
      const orders: Record<string, number> = {};
      for (const [who, scope] of [
        ['province', '34'],
        ['district', '3401'],
        ['district2', '3415'],
      ] as const) {
        const [row] = await t.rows(
          `insert into delegation_orders (issuing_unit_code, order_no, order_date, delegator, delegate_user_id,
             scope_unit_code, powers, subject, effective_from)
           values ('34', 'ทดสอบ ${unique()}', '2020-01-02', 'ผู้ว่าราชการจังหวัดอุบลราชธานี', ${ids[ACCOUNT[who].username]},
             '${scope}', array['spending'], 'มอบอำนาจอนุมัติการเบิกจ่าย (ทดสอบสิทธิ์)', '2020-01-02') returning id`,
        );
        orders[who] = row.id;
      }
      return orders;
    })();
    const orders = await spendingOrders;
    return orders[caller] ?? orders.province;
  };

  const records: Record<string, ReturnType<typeof recordsOf>> = {};
  /** Made on first use (the audit walk never reads). */
  const rec = (unit: string) => {
    records[unit] ??= recordsOf(unit);
    return records[unit];
  };

  /** The unit whose record each caller touches: its own (or one below it), and one outside its scope. */
  const targets = (caller: Caller): { own: string; other: string } => {
    switch (caller) {
      case 'admin': // the nation has no "other" unit: a district of another province stands in for it
      case 'province':
        return { own: '3401', other: farDistrict };
      case 'district2':
        return { own: '3415', other: '3401' };
      default:
        return { own: '3401', other: '3415' };
    }
  };

  /** Operation (as in the OpenAPI document) → a valid request aimed at the unit. */
  const requests: Record<string, RequestBuilder> = {
    // --- system and session
    'GET /api/health': async () => ({ url: '/api/health' }),
    // Signing in ends the session the request carries: sent on a fresh session of the caller.
    'POST /api/auth/login': async ({ caller }) => ({
      url: '/api/auth/login',
      cookie: caller === 'anon' ? '' : await t.login(ACCOUNT[caller].username),
      body: { username: 'demo-committee', password: DEMO_PASSWORD },
    }),
    'POST /api/auth/logout': async ({ caller }) => ({
      url: '/api/auth/logout',
      cookie: caller === 'anon' ? '' : await t.login(ACCOUNT[caller].username),
    }),
    'GET /api/auth/me': async () => ({ url: '/api/auth/me' }),
    'POST /api/auth/password': async ({ caller }) => {
      if (caller === 'anon')
        return { url: '/api/auth/password', body: { currentPassword: PASSWORD, newPassword: 'another-long-passphrase' } };
      // One's own password, on a fresh account of the same role and unit (the demo account keeps its own).
      const me = await account(ACCOUNT[caller].role, ACCOUNT[caller].unit);
      return {
        url: '/api/auth/password',
        cookie: await t.login(me.username, PASSWORD),
        body: { currentPassword: PASSWORD, newPassword: 'another-long-passphrase' },
      };
    },
    // --- reference data
    'GET /api/org-units': async () => ({ url: '/api/org-units?level=province' }),
    'GET /api/org-units/{code}': async ({ unit }) => ({ url: `/api/org-units/${unit}` }),
    'GET /api/code-lists/{list}': async () => ({ url: '/api/code-lists/wisdom_branch' }),
    // --- users and audit
    'GET /api/users': async ({ unit }) => ({ url: `/api/users?unit=${unit}` }),
    'POST /api/users': async ({ unit }) => ({
      url: '/api/users',
      body: {
        username: `matrix${unique()}`,
        displayName: 'นายทดสอบ สิทธิ์',
        role: 'committee_member',
        orgUnitCode: unit,
        password: PASSWORD,
      },
    }),
    'GET /api/users/{id}': async ({ unit }) => ({ url: `/api/users/${(await rec(unit)).user.id}` }),
    'PATCH /api/users/{id}': async ({ unit }) => {
      const user = await committeeUser(unit);
      return { url: `/api/users/${user.id}`, body: { version: user.version, displayName: 'ชื่อใหม่ ทดสอบ' } };
    },
    'POST /api/users/{id}/password': async ({ unit }) => ({
      url: `/api/users/${(await committeeUser(unit)).id}/password`,
      body: { password: 'brand-new-passphrase' },
    }),
    'GET /api/audit': async ({ unit }) => ({ url: `/api/audit?unit=${unit}` }),
    // --- API tokens: a read-only token of the unit, made by the admin
    'GET /api/tokens': async ({ unit }) => ({ url: `/api/tokens?unit=${unit}` }),
    'POST /api/tokens': async ({ unit }) => ({
      url: '/api/tokens',
      body: { name: `ระบบทะเบียน OTOP ${unique()}`, orgUnitCode: unit },
    }),
    'POST /api/tokens/{id}/revoke': async ({ unit }) => {
      const made = await admin.call('POST', '/api/tokens', { name: `ระบบแดชบอร์ด ${unique()}`, orgUnitCode: unit });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      return { url: `/api/tokens/${made.body.id}/revoke`, body: { version: made.body.version } };
    },
    // --- people
    'GET /api/people': async ({ unit }) => ({ url: `/api/people?unit=${unit}` }),
    'POST /api/people': async ({ unit }) => ({
      url: '/api/people',
      body: { orgUnitCode: unit, title: 'นาง', firstName: `คำปุน${unique()}`, lastName: 'ศรีอุบล', roles: [] },
    }),
    'GET /api/people/{id}': async ({ unit }) => ({ url: `/api/people/${(await rec(unit)).person.id}` }),
    'PATCH /api/people/{id}': async ({ unit }) => {
      const p = await person(unit);
      return {
        url: `/api/people/${p.id}`,
        body: { version: p.version, title: 'นาง', firstName: p.firstName, lastName: 'ทองคำ' },
      };
    },
    'GET /api/people/{id}/citizen-id': async ({ unit }) => ({ url: `/api/people/${(await rec(unit)).person.id}/citizen-id` }),
    'POST /api/people/{id}/merge': async ({ unit }) => {
      const [gone, kept] = [await person(unit), await person(unit)];
      return { url: `/api/people/${gone.id}/merge`, body: { keepId: kept.id } };
    },
    // --- PDPA
    'GET /api/people/{id}/personal-data': async ({ unit }) => ({
      url: `/api/people/${(await rec(unit)).person.id}/personal-data`,
    }),
    'GET /api/people/{id}/personal-data.pdf': async ({ unit }) => ({
      url: `/api/people/${(await rec(unit)).person.id}/personal-data.pdf`,
    }),
    'GET /api/people/{id}/history': async ({ unit }) => ({ url: `/api/people/${(await rec(unit)).person.id}/history` }),
    'POST /api/people/{id}/erase': async ({ unit }) => {
      const p = await person(unit);
      return { url: `/api/people/${p.id}/erase`, body: { version: p.version } };
    },
    'GET /api/pdpa/retention': async () => ({ url: '/api/pdpa/retention' }),
    'PUT /api/pdpa/retention/{recordType}': async () => ({ url: '/api/pdpa/retention/person', body: { retainYears: 6 } }),
    // --- wisdom
    'GET /api/wisdom': async ({ unit }) => ({ url: `/api/wisdom?unit=${unit}` }),
    'POST /api/wisdom': async ({ unit }) => ({
      url: '/api/wisdom',
      body: { orgUnitCode: unit, title: 'การทอผ้าไหม', branchCode: 'industry_handicraft', surveyedOn: '2025-11-01' },
    }),
    'GET /api/wisdom/{id}': async ({ unit }) => ({ url: `/api/wisdom/${(await rec(unit)).wisdom.id}` }),
    'PATCH /api/wisdom/{id}': async ({ unit }) => {
      const item = await wisdom(unit);
      return {
        url: `/api/wisdom/${item.id}`,
        body: { version: item.version, title: 'การทอผ้าไหมลายใหม่', branchCode: item.branchCode, surveyedOn: item.surveyedOn },
      };
    },
    'DELETE /api/wisdom/{id}': async ({ unit }) => {
      const item = await wisdom(unit);
      return { url: `/api/wisdom/${item.id}`, body: { version: item.version } };
    },
    'POST /api/wisdom/{id}/attachments': async ({ unit }) => ({
      url: `/api/wisdom/${(await wisdom(unit)).id}/attachments`,
      file: await png(),
    }),
    'GET /api/attachments/{id}': async ({ unit }) => ({ url: `/api/attachments/${(await rec(unit)).attachmentId}` }),
    'GET /api/attachments/{id}/thumbnail': async ({ unit }) => ({
      url: `/api/attachments/${(await rec(unit)).attachmentId}/thumbnail`,
    }),
    // --- groups, producers, products, certifications, pipeline
    'GET /api/groups': async ({ unit }) => ({ url: `/api/groups?unit=${unit}` }),
    'POST /api/groups': async ({ unit }) => ({
      url: '/api/groups',
      body: { orgUnitCode: unit, name: `กลุ่มจักสาน ${unique()}`, foundedOn: '2025-12-01' },
    }),
    'GET /api/groups/{id}': async ({ unit }) => ({ url: `/api/groups/${(await rec(unit)).group.id}` }),
    'PATCH /api/groups/{id}': async ({ unit }) => {
      const g = await group(unit);
      return {
        url: `/api/groups/${g.id}`,
        body: { version: g.version, name: `${g.name} (แก้ไข)`, foundedOn: g.foundedOn },
      };
    },
    'POST /api/groups/{id}/stage': async ({ unit }) => {
      const g = await group(unit);
      return {
        url: `/api/groups/${g.id}/stage`,
        body: { version: g.version, stage: 'market_access', reason: 'ขายที่ตลาดนัดชุมชนมาหลายปีก่อนมีระบบ' },
      };
    },
    // --- partners, outreach trips, services
    'GET /api/partners': async ({ unit }) => ({ url: `/api/partners?unit=${unit}` }),
    'POST /api/partners': async ({ unit }) => ({
      url: '/api/partners',
      body: { orgUnitCode: unit, kind: 'local_admin', name: `อบต.ขามใหญ่ ${unique()}` },
    }),
    'GET /api/partners/{id}': async ({ unit }) => ({ url: `/api/partners/${(await rec(unit)).partner.id}` }),
    'PATCH /api/partners/{id}': async ({ unit }) => {
      const p = await partner(unit);
      return { url: `/api/partners/${p.id}`, body: { version: p.version, kind: p.kind, name: `${p.name} (แก้ไข)` } };
    },
    'DELETE /api/partners/{id}': async ({ unit }) => {
      const p = await partner(unit);
      return { url: `/api/partners/${p.id}`, body: { version: p.version } };
    },
    'GET /api/outreach-trips': async ({ unit }) => ({ url: `/api/outreach-trips?unit=${unit}` }),
    'POST /api/outreach-trips': async ({ unit }) => ({ url: '/api/outreach-trips', body: tripBody(unit) }),
    'GET /api/outreach-trips/{id}': async ({ unit }) => ({ url: `/api/outreach-trips/${(await rec(unit)).trip.id}` }),
    'PATCH /api/outreach-trips/{id}': async ({ unit }) => {
      const made = await trip(unit);
      return {
        url: `/api/outreach-trips/${made.id}`,
        body: { ...tripBody(unit), orgUnitCode: undefined, version: made.version, note: 'เพิ่มบันทึก' },
      };
    },
    'GET /api/services': async ({ unit }) => ({ url: `/api/services?unit=${unit}` }),
    'POST /api/services': async ({ unit, caller }) => ({ url: '/api/services', body: await serviceBody(unit, caller) }),
    'GET /api/services/{id}': async ({ unit }) => ({ url: `/api/services/${(await rec(unit)).service.id}` }),
    'PATCH /api/services/{id}': async ({ unit, caller }) => {
      const made = await service(unit, caller);
      return {
        url: `/api/services/${made.id}`,
        body: {
          version: made.version,
          serviceDate: made.serviceDate,
          mode: made.mode,
          personIds: made.people.map((p: { id: number }) => p.id),
          typeCodes: made.typeCodes,
          description: `${made.description} และติดตามผล`,
          staffIds: made.staff.map((s: { id: number }) => s.id),
          durationMinutes: 45,
        },
      };
    },
    'DELETE /api/services/{id}': async ({ unit, caller }) => {
      const made = await service(unit, caller);
      return { url: `/api/services/${made.id}`, body: { version: made.version } };
    },
    // --- activities
    'GET /api/activities': async ({ unit }) => ({ url: `/api/activities?unit=${unit}` }),
    'GET /api/activities/budget-items': async ({ unit }) => ({
      url: `/api/activities/budget-items?unit=${unit}&fiscalYear=${fiscalYear}`,
    }),
    'POST /api/activities': async ({ unit }) => ({ url: '/api/activities', body: await activityBody(unit) }),
    'GET /api/activities/{id}': async ({ unit }) => ({ url: `/api/activities/${(await rec(unit)).activity.id}` }),
    'PATCH /api/activities/{id}': async ({ unit, caller }) => {
      const made = await activity(unit, caller);
      const { orgUnitCode: _, ...body } = await activityBody(unit);
      return {
        url: `/api/activities/${made.id}`,
        body: { ...body, version: made.version, groupIds: made.groups.map((g: { id: number }) => g.id), note: 'ย้ายจุดขาย' },
      };
    },
    'DELETE /api/activities/{id}': async ({ unit, caller }) => {
      const made = await activity(unit, caller);
      return { url: `/api/activities/${made.id}`, body: { version: made.version } };
    },
    'PUT /api/activities/{id}/sales': async ({ unit, caller }) => {
      const made = await activity(unit, caller);
      return {
        url: `/api/activities/${made.id}/sales`,
        body: {
          version: made.version,
          rows: [{ groupId: made.groups[0].id, saleDate: made.startsOn, quantity: 12, amountSatang: '350000' }],
        },
      };
    },
    // --- needs analyses, development plans and their projects, lessons learned
    'GET /api/needs': async ({ unit }) => ({ url: `/api/needs?unit=${unit}` }),
    'POST /api/needs': async ({ unit }) => ({ url: '/api/needs', body: await needsBody(unit) }),
    'GET /api/needs/{id}': async ({ unit }) => ({ url: `/api/needs/${(await work(unit)).needs.id}` }),
    'PATCH /api/needs/{id}': async ({ unit }) => {
      const { id, version, analysedOn, items } = await needs(unit);
      return {
        url: `/api/needs/${id}`,
        body: { version, analysedOn, summary: 'ทบทวนแล้ว', items: items.map(({ id: _, ...i }: any) => i) },
      };
    },
    'DELETE /api/needs/{id}': async ({ unit }) => {
      const { id, version } = await needs(unit);
      return { url: `/api/needs/${id}`, body: { version } };
    },
    'GET /api/plans': async ({ unit }) => ({ url: `/api/plans?unit=${unit}` }),
    'POST /api/plans': async ({ unit }) => ({ url: '/api/plans', body: planBodyOf(unit) }),
    'GET /api/plans/{id}': async ({ unit }) => ({ url: `/api/plans/${(await work(unit)).plan.id}` }),
    'PATCH /api/plans/{id}': async ({ unit }) => {
      const { orgUnitCode, ...fields } = planBodyOf(unit);
      const plan = await devPlan(unit);
      return { url: `/api/plans/${plan.id}`, body: { ...fields, version: plan.version, goal: 'กลุ่มมีรายได้เพิ่มขึ้น' } };
    },
    'DELETE /api/plans/{id}': async ({ unit }) => {
      const plan = await devPlan(unit);
      return { url: `/api/plans/${plan.id}`, body: { version: plan.version } };
    },
    'POST /api/plans/{id}/projects': async ({ unit }) => ({
      url: `/api/plans/${(await devPlan(unit)).id}/projects`,
      body: projectBody(),
    }),
    'GET /api/plan-projects': async ({ unit }) => ({ url: `/api/plan-projects?unit=${unit}` }),
    'GET /api/plan-projects/{id}': async ({ unit }) => ({ url: `/api/plan-projects/${(await work(unit)).project.id}` }),
    'PATCH /api/plan-projects/{id}': async ({ unit }) => {
      const p = await project(unit);
      return { url: `/api/plan-projects/${p.id}`, body: { ...projectBody(), version: p.version, indicators: 'กลุ่มละ 1 แบบ' } };
    },
    'DELETE /api/plan-projects/{id}': async ({ unit }) => {
      const p = await project(unit);
      return { url: `/api/plan-projects/${p.id}`, body: { version: p.version } };
    },
    'POST /api/plan-projects/{id}/updates': async ({ unit }) => ({
      url: `/api/plan-projects/${(await project(unit)).id}/updates`,
      body: { updatedOn: thaiToday(), progressPercent: 40, note: 'ออกแบบบรรจุภัณฑ์แล้ว' },
    }),
    'GET /api/lessons': async ({ unit }) => ({ url: `/api/lessons?unit=${unit}` }),
    'POST /api/lessons': async ({ unit }) => ({ url: '/api/lessons', body: lessonBody(unit) }),
    'GET /api/lessons/{id}': async ({ unit }) => ({ url: `/api/lessons/${(await work(unit)).lesson.id}` }),
    'PATCH /api/lessons/{id}': async ({ unit }) => {
      const l = await lesson(unit);
      const { orgUnitCode, ...fields } = lessonBody(unit);
      return { url: `/api/lessons/${l.id}`, body: { ...fields, version: l.version, quarter: 1 } };
    },
    'DELETE /api/lessons/{id}': async ({ unit }) => {
      const l = await lesson(unit);
      return { url: `/api/lessons/${l.id}`, body: { version: l.version } };
    },
    // --- sales, funding, outcomes
    'GET /api/sales': async ({ unit }) => ({ url: `/api/sales?unit=${unit}` }),
    'GET /api/sales/summary': async ({ unit }) => ({ url: `/api/sales/summary?unit=${unit}` }),
    'POST /api/sales': async ({ unit }) => ({ url: '/api/sales', body: await saleBody(unit) }),
    'GET /api/sales/{id}': async ({ unit }) => ({ url: `/api/sales/${(await rec(unit)).sale.id}` }),
    'PATCH /api/sales/{id}': async ({ unit }) => {
      const { id, version, group: g, month } = await sale(unit);
      return {
        url: `/api/sales/${id}`,
        body: { version, groupId: g.id, channelCode: 'community_market', month, amountSatang: '1300000' },
      };
    },
    'DELETE /api/sales/{id}': async ({ unit }) => {
      const made = await sale(unit);
      return { url: `/api/sales/${made.id}`, body: { version: made.version } };
    },
    'GET /api/funding': async ({ unit }) => ({ url: `/api/funding?unit=${unit}` }),
    'POST /api/funding': async ({ unit }) => ({ url: '/api/funding', body: await fundingBody(unit) }),
    'GET /api/funding/{id}': async ({ unit }) => ({ url: `/api/funding/${(await rec(unit)).funding.id}` }),
    'PATCH /api/funding/{id}': async ({ unit }) => {
      const f = await funding(unit);
      return {
        url: `/api/funding/${f.id}`,
        body: {
          version: f.version,
          groupId: f.group.id,
          sourceCode: 'gsb',
          purpose: f.purpose,
          askedSatang: f.askedSatang,
          appliedOn: f.appliedOn,
        },
      };
    },
    'DELETE /api/funding/{id}': async ({ unit }) => {
      const f = await funding(unit);
      return { url: `/api/funding/${f.id}`, body: { version: f.version } };
    },
    'POST /api/funding/{id}/decision': async ({ unit }) => {
      const f = await funding(unit);
      return {
        url: `/api/funding/${f.id}/decision`,
        body: { version: f.version, status: 'approved', approvedSatang: '4000000', decidedOn: thaiToday() },
      };
    },
    'GET /api/outcomes': async ({ unit }) => ({ url: `/api/outcomes?unit=${unit}` }),
    'POST /api/outcomes': async ({ unit }) => ({ url: '/api/outcomes', body: await outcomeBody(unit) }),
    'GET /api/outcomes/{id}': async ({ unit }) => ({ url: `/api/outcomes/${(await rec(unit)).outcome.id}` }),
    'PATCH /api/outcomes/{id}': async ({ unit, caller }) => {
      const { id, version, group: g, kind, happenedOn, reportedOn } = await outcome(unit, caller);
      return {
        url: `/api/outcomes/${id}`,
        body: { version, groupId: g.id, kind, jobsCount: 4, happenedOn, reportedOn, description: 'จ้างสมาชิกเพิ่ม 4 คน' },
      };
    },
    'DELETE /api/outcomes/{id}': async ({ unit, caller }) => {
      const made = await outcome(unit, caller);
      return { url: `/api/outcomes/${made.id}`, body: { version: made.version } };
    },
    'POST /api/outcomes/{id}/attachments': async ({ unit, caller }) => ({
      url: `/api/outcomes/${(await outcome(unit, caller)).id}/attachments`,
      file: await png(),
    }),
    'POST /api/outcomes/{id}/verify': async ({ unit }) => {
      const made = await outcome(unit);
      return { url: `/api/outcomes/${made.id}/verify`, body: { version: made.version } };
    },
    'POST /api/outcomes/{id}/unverify': async ({ unit }) => {
      const made = await verifiedOutcome(unit);
      return { url: `/api/outcomes/${made.id}/unverify`, body: { version: made.version } };
    },
    // --- service requests and referrals
    'GET /api/requests': async ({ unit }) => ({ url: `/api/requests?unit=${unit}` }),
    'POST /api/requests': async ({ unit }) => ({ url: '/api/requests', body: await requestBody(unit) }),
    'GET /api/requests/{id}': async ({ unit }) => ({ url: `/api/requests/${(await rec(unit)).request.id}` }),
    'PATCH /api/requests/{id}': async ({ unit }) => {
      const { orgUnitCode, ...body } = await requestBody(unit);
      const made = await serviceRequest(unit);
      return { url: `/api/requests/${made.id}`, body: { ...body, version: made.version, clientName: 'นางคำปุ่น ศรีสุข' } };
    },
    'POST /api/requests/{id}/status': async ({ unit }) => {
      const made = await serviceRequest(unit);
      return { url: `/api/requests/${made.id}/status`, body: { version: made.version, status: 'accepted' } };
    },
    'GET /api/referrals': async ({ unit }) => ({ url: `/api/referrals?unit=${unit}` }),
    'POST /api/referrals': async ({ unit }) => ({ url: '/api/referrals', body: await referralBody(unit) }),
    'GET /api/referrals/{id}': async ({ unit }) => ({ url: `/api/referrals/${(await rec(unit)).referral.id}` }),
    'PATCH /api/referrals/{id}': async ({ unit }) => {
      const made = await referral(unit);
      return { url: `/api/referrals/${made.id}`, body: { version: made.version, status: 'accepted', result: 'จังหวัดรับเรื่องแล้ว' } };
    },
    'GET /api/producers': async ({ unit }) => ({ url: `/api/producers?unit=${unit}` }),
    'POST /api/producers': async ({ unit }) => ({
      url: '/api/producers',
      body: {
        orgUnitCode: unit,
        groupId: (await group(unit)).id,
        producerType: 'community_group',
        fiscalYear: 2569,
        registrationNo: `OTOP-${unit}-${unique()}`,
        registeredOn: '2025-12-15',
        communityLink: true,
        siteInDistrict: true,
        thaiNationality: true,
        documentsReceived: true,
      },
    }),
    'GET /api/producers/{id}': async ({ unit }) => ({ url: `/api/producers/${(await rec(unit)).producer.id}` }),
    'PATCH /api/producers/{id}': async ({ unit }) => {
      const { id, version, ownerName, orgUnitCode, personId, targetType, ...fields } = await producer(unit);
      return { url: `/api/producers/${id}`, body: { ...fields, version, status: 'cancelled' } };
    },
    'GET /api/products': async ({ unit }) => ({ url: `/api/products?unit=${unit}` }),
    'POST /api/products': async ({ unit }) => ({
      url: '/api/products',
      body: { producerId: (await producer(unit)).id, name: 'ผ้าขาวม้า', category: 'textile' },
    }),
    'GET /api/products/{id}': async ({ unit }) => ({ url: `/api/products/${(await rec(unit)).product.id}` }),
    'PATCH /api/products/{id}': async ({ unit }) => {
      const p = await product(unit);
      return {
        url: `/api/products/${p.id}`,
        body: { version: p.version, producerId: p.producerId, name: 'ผ้าขาวม้าทอมือ', category: 'textile' },
      };
    },
    'POST /api/products/{id}/attachments': async ({ unit }) => ({
      url: `/api/products/${(await product(unit)).id}/attachments`,
      file: await png(),
    }),
    'GET /api/certifications': async ({ unit }) => ({ url: `/api/certifications?unit=${unit}` }),
    'POST /api/certifications': async ({ unit }) => ({
      url: '/api/certifications',
      body: {
        producerId: (await producer(unit)).id,
        standardCode: 'mpc',
        certificateNo: `มผช. ${unique()}`,
        issuer: 'สมอ.',
        issuedOn: '2025-12-20',
      },
    }),
    'GET /api/certifications/{id}': async ({ unit }) => ({ url: `/api/certifications/${(await rec(unit)).certification.id}` }),
    'PATCH /api/certifications/{id}': async ({ unit }) => {
      const c = await certification(unit);
      return {
        url: `/api/certifications/${c.id}`,
        body: {
          version: c.version,
          producerId: c.producerId,
          standardCode: 'mpc',
          certificateNo: c.certificateNo,
          issuer: 'สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม',
          issuedOn: c.issuedOn,
        },
      };
    },
    'GET /api/pipeline': async ({ unit }) => ({ url: `/api/pipeline?unit=${unit}&fiscalYear=2569` }),
    'GET /api/dashboards': async ({ unit }) => ({ url: `/api/dashboards?unit=${unit}&fiscalYear=2569` }),
    'GET /api/dashboards.xlsx': async ({ unit }) => ({ url: `/api/dashboards.xlsx?unit=${unit}&fiscalYear=2569` }),
    'GET /api/dashboards.pdf': async ({ unit }) => ({ url: `/api/dashboards.pdf?unit=${unit}&fiscalYear=2569&quarter=1` }),
    'GET /api/worklog': async ({ unit }) => ({ url: `/api/worklog?unit=${unit}` }),
    'GET /api/indicators': async ({ unit }) => ({ url: `/api/indicators?unit=${unit}&fiscalYear=2569` }),
    'GET /api/indicators/summary': async ({ unit }) => ({ url: `/api/indicators/summary?unit=${unit}&fiscalYear=2569` }),
    'GET /api/indicators/matrix': async ({ unit }) => ({ url: `/api/indicators/matrix?unit=${unit}&fiscalYear=2569` }),
    'GET /api/indicators/records': async ({ unit }) => ({
      url: `/api/indicators/records?unit=${unit}&indicator=meeting_each_quarter&fiscalYear=2569`,
    }),
    'GET /api/tasks': async () => ({ url: '/api/tasks' }),
    // --- budget
    'GET /api/budget/items': async () => ({ url: `/api/budget/items?fiscalYear=${fiscalYear}` }),
    'POST /api/budget/items': async () => ({
      url: '/api/budget/items',
      body: { fiscalYear, level: 'activity', name: `กิจกรรมใหม่ ${unique()}`, responsibleUnitCode: 'TH', budgetSatang: '100000' },
    }),
    'GET /api/budget/items/{id}/allocations': async ({ unit }) => ({
      url: `/api/budget/items/${(await rec(unit)).itemId}/allocations?unit=${provinceOf(unit)}`,
    }),
    'POST /api/budget/allocations': async ({ unit }) => ({
      url: '/api/budget/allocations',
      body: allocation(await fundedActivity(unit, false), provinceOf(unit), unit, '10000'),
    }),
    'POST /api/budget/allocations/{id}/reverse': async ({ unit }) => {
      const made = await provinceOfficer(unit).call(
        'POST',
        '/api/budget/allocations',
        allocation(await fundedActivity(unit, false), provinceOf(unit), unit, '10000'),
      );
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      return { url: `/api/budget/allocations/${made.body.id}/reverse`, body: { note: 'จัดสรรผิดอำเภอ' } };
    },
    'GET /api/budget/items/{id}/register': async ({ unit }) => ({
      url: `/api/budget/items/${(await rec(unit)).itemId}/register?unit=${provinceOf(unit)}`,
    }),
    'GET /api/budget/items/{id}/register.pdf': async ({ unit }) => ({
      url: `/api/budget/items/${(await rec(unit)).itemId}/register.pdf?unit=${provinceOf(unit)}`,
    }),
    'GET /api/budget/items/{id}/register.xlsx': async ({ unit }) => ({
      url: `/api/budget/items/${(await rec(unit)).itemId}/register.xlsx?unit=${provinceOf(unit)}`,
    }),
    'GET /api/budget/items/{id}/letter': async ({ unit }) => ({
      url: `/api/budget/items/${(await rec(unit)).itemId}/letter?unit=${provinceOf(unit)}`,
    }),
    'POST /api/budget/items/{id}/letter.pdf': async ({ unit }) => {
      await prefixSet(provinceOf(unit));
      return { url: `/api/budget/items/${(await rec(unit)).itemId}/letter.pdf`, body: { unit: provinceOf(unit) } };
    },
    // --- committee meetings, resolutions, the quorum setting, publicity posts
    'GET /api/meetings': async ({ unit }) => ({ url: `/api/meetings?unit=${unit}` }),
    'GET /api/meetings/members': async ({ unit }) => {
      await meetingTermOf(unit);
      return { url: `/api/meetings/members?unit=${unit}&on=${thaiToday()}` };
    },
    'GET /api/meetings/{id}': async ({ unit }) => ({ url: `/api/meetings/${(await meeting(unit)).id}` }),
    'POST /api/meetings': async ({ unit }) => {
      await meetingTermOf(unit);
      return { url: '/api/meetings', body: meetingBody(unit) };
    },
    'PATCH /api/meetings/{id}': async ({ unit }) => {
      const { id, version } = await meeting(unit);
      const { orgUnitCode: _, ...plan } = meetingBody(unit);
      return { url: `/api/meetings/${id}`, body: { ...plan, place: 'ศาลาประชาคม', version } };
    },
    'POST /api/meetings/{id}/cancel': async ({ unit }) => {
      const { id, version } = await meeting(unit);
      return { url: `/api/meetings/${id}/cancel`, body: { version } };
    },
    'DELETE /api/meetings/{id}': async ({ unit }) => {
      const { id, version } = await meeting(unit);
      return { url: `/api/meetings/${id}`, body: { version } };
    },
    'POST /api/meetings/{id}/minutes': async ({ unit }) => {
      const { id, version } = await meeting(unit);
      return { url: `/api/meetings/${id}/minutes`, body: await minutesBody(unit, version) };
    },
    'POST /api/meetings/{id}/invitation.pdf': async ({ unit }) => {
      await prefixSet(unit);
      return { url: `/api/meetings/${(await meeting(unit)).id}/invitation.pdf`, body: {} };
    },
    'POST /api/meetings/{id}/minutes.pdf': async ({ unit }) => {
      await prefixSet(unit);
      return { url: `/api/meetings/${(await heldMeeting(unit)).id}/minutes.pdf`, body: {} };
    },
    'GET /api/resolutions': async ({ unit }) => ({ url: `/api/resolutions?unit=${unit}` }),
    'PATCH /api/resolutions/{id}': async ({ unit }) => {
      const { id, version } = (await heldMeeting(unit)).resolutions[0];
      return { url: `/api/resolutions/${id}`, body: { version, status: 'in_progress', followUp: 'เริ่มประสานงานแล้ว' } };
    },
    'GET /api/settings/meeting-quorum': async () => ({ url: '/api/settings/meeting-quorum' }),
    'PUT /api/settings/meeting-quorum': async () => ({ url: '/api/settings/meeting-quorum', body: { percent: 50 } }),
    'GET /api/posts': async ({ unit }) => ({ url: `/api/posts?unit=${unit}` }),
    'GET /api/posts/{id}': async ({ unit }) => ({ url: `/api/posts/${(await post(unit)).id}` }),
    'POST /api/posts': async ({ unit }) => ({ url: '/api/posts', body: postBody(unit) }),
    'PATCH /api/posts/{id}': async ({ unit }) => {
      const { id, version } = await post(unit);
      const { orgUnitCode: _, ...body } = postBody(unit);
      return { url: `/api/posts/${id}`, body: { ...body, isPublic: true, version } };
    },
    'DELETE /api/posts/{id}': async ({ unit }) => {
      const { id, version } = await post(unit);
      return { url: `/api/posts/${id}`, body: { version } };
    },
    'POST /api/posts/{id}/attachments': async ({ unit }) => ({
      url: `/api/posts/${(await post(unit)).id}/attachments`,
      file: await png(),
    }),
    'DELETE /api/posts/{id}/attachments/{attachmentId}': async ({ unit }) => {
      const { id } = await post(unit);
      const photo = await upload(unit, `/api/posts/${id}/attachments`);
      return { url: `/api/posts/${id}/attachments/${photo.id}` };
    },
    // --- outgoing documents: each office keeps its register and letterhead; the department its emblem
    'GET /api/outgoing-documents': async ({ unit }) => ({ url: `/api/outgoing-documents?unit=${unit}` }),
    'GET /api/offices/{code}/letterhead': async ({ unit }) => ({ url: `/api/offices/${unit}/letterhead` }),
    'PUT /api/offices/{code}/letterhead': async ({ unit }) => {
      const { version } = (await admin.call('GET', `/api/offices/${unit}/letterhead`)).body;
      return { url: `/api/offices/${unit}/letterhead`, body: { prefix: 'อบ ๐๐๑๗.๑', phone: '0 4524 4111', email: '', version } };
    },
    'GET /api/settings/documents': async () => ({ url: '/api/settings/documents' }),
    'GET /api/settings/emblem': async () => {
      const res = await t.as(cookies['demo-admin'], { method: 'PUT', url: '/api/settings/emblem', ...multipart(await png()) });
      expect(res.statusCode, res.body).toBe(200);
      return { url: '/api/settings/emblem' };
    },
    'PUT /api/settings/emblem': async () => ({ url: '/api/settings/emblem', file: await png() }),
    'GET /api/budget/items/{id}/spending': async ({ unit }) => ({
      url: `/api/budget/items/${(await rec(unit)).itemId}/spending?unit=${unit}`,
    }),
    'GET /api/spending/rollup': async ({ unit }) => ({ url: `/api/spending/rollup?unit=${unit}&fiscalYear=${fiscalYear}` }),
    'POST /api/disbursements': async ({ unit }) => ({
      url: '/api/disbursements',
      body: await paymentBody(unit),
    }),
    'POST /api/disbursements/{id}/approve': async ({ unit, caller }) => {
      const { id, version } = await pendingPayment(unit);
      return { url: `/api/disbursements/${id}/approve`, body: { delegationOrderId: await spendingOrder(caller), version } };
    },
    'POST /api/disbursements/{id}/reject': async ({ unit, caller }) => {
      const { id, version } = await pendingPayment(unit);
      await spendingOrder(caller);
      return { url: `/api/disbursements/${id}/reject`, body: { reason: 'เอกสารประกอบไม่ครบถ้วน', version } };
    },
    // --- expense plans
    'GET /api/budget/items/{id}/expense-plan': async ({ unit }) => ({
      url: `/api/budget/items/${(await rec(unit)).itemId}/expense-plan?unit=${unit}`,
    }),
    'GET /api/budget/items/{id}/submissions': async ({ unit }) => ({
      url: `/api/budget/items/${(await rec(unit)).itemId}/submissions?unit=${provinceOf(unit)}`,
    }),
    'PUT /api/budget/items/{id}/deadline': async ({ unit }) => ({
      url: `/api/budget/items/${await fundedActivity(unit)}/deadline`,
      body: { provinceCode: provinceOf(unit), deadline: '2026-12-31' },
    }),
    'PUT /api/expense-plans': async ({ unit }) => ({
      url: '/api/expense-plans',
      body: planBody(await fundedActivity(unit), unit),
    }),
    'GET /api/expense-plans/{id}': async ({ unit }) => ({ url: `/api/expense-plans/${(await rec(unit)).plan.id}` }),
    'GET /api/expense-plans/{id}.pdf': async ({ unit }) => ({ url: `/api/expense-plans/${(await rec(unit)).plan.id}.pdf` }),
    'POST /api/expense-plans/{id}/submit': async ({ unit }) => {
      const draft = await draftPlan(unit);
      return { url: `/api/expense-plans/${draft.id}/submit`, body: { version: draft.version } };
    },
    'POST /api/expense-plans/{id}/return': async ({ unit }) => {
      const plan = await submittedPlan(unit);
      return { url: `/api/expense-plans/${plan.id}/return`, body: { version: plan.version, comment: 'ขอแยกรายการให้ชัดเจน' } };
    },
    'POST /api/expense-plans/{id}/approve': async ({ unit }) => {
      const plan = await submittedPlan(unit);
      return { url: `/api/expense-plans/${plan.id}/approve`, body: { version: plan.version } };
    },
    // --- committee terms, exceptions and center profiles
    'GET /api/committees': async ({ unit }) => ({ url: `/api/committees?unit=${unit}` }),
    'POST /api/committees': async ({ unit }) => ({ url: '/api/committees', body: committeeBody(unit) }),
    'GET /api/committees/{id}': async ({ unit }) => ({ url: `/api/committees/${(await termOf(unit)).id}` }),
    'PATCH /api/committees/{id}': async ({ unit }) => {
      const c = await committeeOf(unit);
      return { url: `/api/committees/${c.id}`, body: editableTerm(c) };
    },
    'DELETE /api/committees/{id}': async ({ unit }) => {
      const c = await committeeOf(unit);
      return { url: `/api/committees/${c.id}`, body: { version: c.version } };
    },
    'GET /api/committees/{id}/order.pdf': async ({ unit }) => ({ url: `/api/committees/${(await termOf(unit)).id}/order.pdf` }),
    'GET /api/committee-exceptions': async ({ unit }) => ({ url: `/api/committee-exceptions?unit=${unit}` }),
    'POST /api/committee-exceptions': async ({ unit }) => {
      await noException(unit);
      return { url: '/api/committee-exceptions', body: exceptionBody(unit) };
    },
    'DELETE /api/committee-exceptions/{id}': async ({ unit }) => {
      const e = await exceptionOf(unit);
      return { url: `/api/committee-exceptions/${e.id}`, body: { version: e.version } };
    },
    'GET /api/center-profiles/{unitCode}': async ({ unit }) => {
      await profileOf(unit);
      return { url: `/api/center-profiles/${unit}` };
    },
    'PUT /api/center-profiles/{unitCode}': async ({ unit }) => ({
      url: `/api/center-profiles/${unit}`,
      body: await profileBody(unit),
    }),
    // --- quarterly reports and quarter locks
    'GET /api/reports': async ({ unit }) => ({ url: `/api/reports?unit=${unit}` }),
    'GET /api/reports/summary': async ({ unit }) => ({
      url: `/api/reports/summary?unit=${unit}&fiscalYear=${fiscalYear}&quarter=1`,
    }),
    'POST /api/reports': async ({ unit }) => ({ url: '/api/reports', body: { orgUnitCode: unit, ...pastQuarter() } }),
    'GET /api/reports/{id}': async ({ unit }) => ({ url: `/api/reports/${(await rec(unit)).report.id}` }),
    'GET /api/reports/{id}/report.pdf': async ({ unit }) => {
      await prefixSet(unit);
      return { url: `/api/reports/${(await rec(unit)).report.id}/report.pdf` };
    },
    'GET /api/reports/{id}/report.xlsx': async ({ unit }) => ({ url: `/api/reports/${(await rec(unit)).report.id}/report.xlsx` }),
    'PATCH /api/reports/{id}': async ({ unit }) => {
      const made = await report(unit);
      return { url: `/api/reports/${made.id}`, body: { version: made.version, problems: 'งบประมาณล่าช้า' } };
    },
    'POST /api/reports/{id}/submit': async ({ unit }) => {
      const made = await report(unit);
      return { url: `/api/reports/${made.id}/submit`, body: { version: made.version } };
    },
    'POST /api/reports/{id}/review': async ({ unit }) => {
      const made = await report(unit, 'submitted');
      return {
        url: `/api/reports/${made.id}/review`,
        body: { version: made.version, decision: 'return', comment: 'เพิ่มรายละเอียด' },
      };
    },
    'GET /api/workplan': async ({ unit }) => ({ url: `/api/workplan?unit=${unit}` }),
    'GET /api/quarter-locks': async ({ unit }) => ({ url: `/api/quarter-locks?unit=${unit}` }),
    'POST /api/quarter-locks': async ({ unit }) => {
      const approved = await report(unit, 'approved');
      return { url: '/api/quarter-locks', body: { unit, fiscalYear: approved.fiscalYear, quarter: approved.quarter } };
    },
    'POST /api/quarter-locks/{id}/unlock': async ({ unit }) => {
      const lock = await quarterLock(unit);
      return { url: `/api/quarter-locks/${lock.id}/unlock`, body: { version: lock.version, reason: 'แก้ไขข้อมูลที่บันทึกผิด' } };
    },
    // --- cash advances
    'GET /api/advances': async ({ unit }) => ({ url: `/api/advances?unit=${unit}` }),
    'POST /api/advances': async ({ unit }) => ({ url: '/api/advances', body: await advanceBody(unit) }),
    'GET /api/advances/rules': async () => ({ url: '/api/advances/rules' }),
    'GET /api/advances/borrowers': async ({ unit }) => ({ url: `/api/advances/borrowers?unit=${unit}` }),
    'POST /api/advances/{id}/approve': async ({ unit, caller }) => {
      const { made, orderId } = await decision(unit, caller);
      return { url: `/api/advances/${made.id}/approve`, body: { delegationOrderId: orderId, version: made.version } };
    },
    'POST /api/advances/{id}/reject': async ({ unit, caller }) => {
      // A rejection cites no order: an order in force naming the caller (made by decision) is what allows it.
      const { made } = await decision(unit, caller);
      return { url: `/api/advances/${made.id}/reject`, body: { reason: 'ไม่มีความจำเป็นต้องยืมเงิน', version: made.version } };
    },
    'GET /api/advances/{id}': async ({ unit }) => ({ url: `/api/advances/${(await rec(unit)).advance.id}` }),
    'GET /api/advances/{id}/contract.pdf': async ({ unit }) => ({
      url: `/api/advances/${(await rec(unit)).advance.id}/contract.pdf`,
    }),
    // --- delegation orders
    'GET /api/delegation-orders': async ({ unit }) => ({ url: `/api/delegation-orders?unit=${unit}` }),
    'GET /api/delegation-orders/authorities': async ({ unit }) => ({
      url: `/api/delegation-orders/authorities?unit=${unit}&power=spending`,
    }),
    'POST /api/delegation-orders': async ({ unit }) => ({ url: '/api/delegation-orders', body: delegationBody(unit) }),
    'POST /api/delegation-orders/{id}/revoke': async ({ unit }) => {
      const order = await delegationOrder(unit);
      return {
        url: `/api/delegation-orders/${order.id}/revoke`,
        body: { revokedOn: thaiToday(), reason: 'มีคำสั่งฉบับใหม่แทน', version: order.version },
      };
    },
    'POST /api/advances/{id}/repayments': async ({ unit }) => ({
      url: `/api/advances/${(await advance(unit)).id}/repayments`,
      body: { kind: 'cash', amountSatang: '4000', repaidOn: thaiToday() },
    }),
  };
  // An export is its list's request with /export.xlsx or /export.csv before the query string.
  for (const list of EXPORTED_LISTS)
    for (const format of ['xlsx', 'csv'])
      requests[`GET ${list}/export.${format}`] = async (c) => {
        const { url } = await requests[`GET ${list}`](c);
        const [path, query] = url.split('?');
        return { url: `${path}/export.${format}${query ? `?${query}` : ''}` };
      };

  return { requests: { ...requests, ...importRequests(t, cookies, districtOfficerOf) }, cookieOf, targets, farDistrict };
}

/** Import batches (#14): a district's producers batch, made by the district's own officer, dry run or committed. */
function importRequests(t: TestContext, cookies: Record<string, string>, districtOfficerOf: Record<string, string>) {
  const producersFile = async (unit: string) => {
    const [{ name }] = await t.rows(`select name_th as name from org_units where code = '${unit}'`);
    return workbook(PRODUCER_HEADER, [producerRow(Number(unique().replace(/\D/g, '').slice(-6)), { district: name })]);
  };
  const batch = async (unit: string, committed = false) => {
    const cookie = cookies[districtOfficerOf[unit]];
    const made = await uploadImport(t, cookie, '/api/imports/producers', await producersFile(unit));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    if (!committed) return made.body as { id: number; version: number; jobId: number | null };
    const started = await api(t, cookie).call('POST', `/api/imports/batches/${made.body.id}/commit`, {
      version: made.body.version,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    await runQueuedJobs(t.database.db, t.app.jobHandlers);
    return (await api(t, cookie).call('GET', `/api/imports/batches/${made.body.id}`)).body as {
      id: number;
      version: number;
      jobId: number;
    };
  };
  const requests: Record<string, RequestBuilder> = {
    'GET /api/imports/{kind}/template': async () => ({ url: '/api/imports/producers/template' }),
    'POST /api/imports/{kind}': async ({ unit }) => ({ url: '/api/imports/producers', file: await producersFile(unit) }),
    'GET /api/imports/batches': async () => ({ url: '/api/imports/batches' }),
    'GET /api/imports/batches/{id}': async ({ unit }) => ({ url: `/api/imports/batches/${(await batch(unit)).id}` }),
    'POST /api/imports/batches/{id}/commit': async ({ unit }) => {
      const made = await batch(unit);
      return { url: `/api/imports/batches/${made.id}/commit`, body: { version: made.version } };
    },
    'POST /api/imports/batches/{id}/rollback': async ({ unit }) => {
      const made = await batch(unit, true);
      return { url: `/api/imports/batches/${made.id}/rollback`, body: { version: made.version } };
    },
    'GET /api/imports/batches/{id}/rejected.xlsx': async ({ unit }) => ({
      url: `/api/imports/batches/${(await batch(unit)).id}/rejected.xlsx`,
    }),
    'GET /api/jobs/{id}': async ({ unit }) => ({ url: `/api/jobs/${(await batch(unit, true)).jobId}` }),
  };
  return requests;
}
