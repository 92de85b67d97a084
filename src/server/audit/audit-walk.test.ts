/**
 * Every write leaves an audit entry. Walks the OpenAPI document: each write operation (POST, PATCH, PUT, DELETE) is
 * done once, successfully, by a demo account with a valid request, and a new audit_log row must appear.
 * A write operation without a row in WRITES fails the walk, so a new route cannot be forgotten.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo';
import { api } from '../test/factories';
import { createTestContext, type TestContext } from '../test/harness';

let t: TestContext;
let writeOperations: string[] = [];
const cookies: Record<string, string> = {};
const ids: Record<string, number> = {};
let seedActivityId: number;

beforeAll(async () => {
  t = await createTestContext();
  for (const who of ['demo-admin', 'demo-province', 'demo-district']) cookies[who] = await t.login(who);
  for (const row of await t.rows('select id, username from users')) ids[row.username] = row.id;
  const items = (await as('demo-province').call('GET', '/api/budget/items?fiscalYear=2563')).body;
  seedActivityId = items.find((i: any) => i.level === 'activity').id;
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  writeOperations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
    Object.keys(methods)
      .map((m) => m.toUpperCase())
      .filter((m) => ['POST', 'PATCH', 'PUT', 'DELETE'].includes(m))
      .map((m) => `${m} ${path}`),
  );
});
afterAll(() => t.close());

const as = (who: string) => api(t, cookies[who]);

interface WriteRequest {
  /** Session cookie header ('' for signed out). */
  cookie: string;
  url: string;
  body?: object;
  /** A file, sent as multipart field "file". */
  file?: Buffer;
}

let serial = 0;
const unique = () => `${Date.now().toString(36)}${++serial}`;

const newUser = async () => {
  const password = 'long-enough-pass';
  const user = await as('demo-district').call('POST', '/api/users', {
    username: `walk${unique()}`,
    displayName: 'นางสาวทดลอง เดินระบบ',
    role: 'committee_member',
    orgUnitCode: '3401',
    password,
  });
  expect(user.status, JSON.stringify(user.body)).toBe(201);
  return { ...user.body, password };
};

const png = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: '#8b4513' } })
    .png()
    .toBuffer();

const registeredGroup = async () => {
  const district = as('demo-district');
  const group = await district.group();
  const producer = await district.producer(group.id);
  return { group, producer };
};

/** A fresh activity of a future year: 1,000 baht to the province, 500 of it to district 3401. */
const fundedActivity = async () => {
  const item = await as('demo-admin').call('POST', '/api/budget/items', {
    fiscalYear: 2570,
    level: 'activity',
    name: `กิจกรรมเดินระบบ ${unique()}`,
    responsibleUnitCode: 'TH',
    budgetSatang: '100000',
    quarters: [1],
  });
  const allocate = (who: string, from: string, to: string, satang: string) =>
    as(who).call('POST', '/api/budget/allocations', {
      itemId: item.body.id,
      fromUnitCode: from,
      toUnitCode: to,
      quarter: 1,
      category: 'materials',
      amountSatang: satang,
    });
  expect((await allocate('demo-admin', 'TH', '34', '100000')).status).toBe(201);
  expect((await allocate('demo-province', '34', '3401', '50000')).status).toBe(201);
  return item.body.id as number;
};

const planBody = (itemId: number, over: object = {}) => ({
  itemId,
  orgUnitCode: '3401',
  lines: [{ item: 'กระดาษ A4', quantity: 2, unit: 'รีม', unitPriceSatang: '12000' }],
  actions: [{ what: 'ประชุมคณะกรรมการศูนย์ฯ', month: '2026-12', who: 'พัฒนาการอำเภอ' }],
  ...over,
});

const submittedPlan = async () => {
  const itemId = await fundedActivity();
  const draft = (await as('demo-district').call('PUT', '/api/expense-plans', planBody(itemId))).body;
  const submitted = await as('demo-district').call('POST', `/api/expense-plans/${draft.id}/submit`, { version: draft.version });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return submitted.body;
};

const advanceBody = (borrower: string) => ({
  orgUnitCode: '3401',
  borrowerId: ids[borrower],
  approverId: ids['demo-province'],
  purpose: 'ค่าวัสดุจัดประชุมคณะกรรมการศูนย์ฯ',
  ruleCode: 'activity',
  amountSatang: '100000',
  receivedOn: '2026-01-05',
});

/** Operation (as in the OpenAPI document) → a valid request, after making whatever it needs. */
const WRITES: Record<string, () => Promise<WriteRequest>> = {
  'POST /api/auth/login': async () => ({
    cookie: '',
    url: '/api/auth/login',
    body: { username: 'demo-committee', password: DEMO_PASSWORD },
  }),
  'POST /api/auth/logout': async () => ({ cookie: await t.login('demo-committee'), url: '/api/auth/logout' }),
  'POST /api/auth/password': async () => {
    const user = await newUser();
    return {
      cookie: await t.login(user.username, user.password),
      url: '/api/auth/password',
      body: { currentPassword: user.password, newPassword: 'another-long-pass' },
    };
  },
  'POST /api/users': async () => ({
    cookie: cookies['demo-district'],
    url: '/api/users',
    body: {
      username: `walk${unique()}`,
      displayName: 'นายทดลอง ระบบ',
      role: 'committee_member',
      orgUnitCode: '3401',
      password: 'long-enough-pass',
    },
  }),
  'PATCH /api/users/{id}': async () => {
    const user = await newUser();
    return {
      cookie: cookies['demo-district'],
      url: `/api/users/${user.id}`,
      body: { version: user.version, displayName: 'ชื่อใหม่' },
    };
  },
  'POST /api/users/{id}/password': async () => {
    const user = await newUser();
    return {
      cookie: cookies['demo-district'],
      url: `/api/users/${user.id}/password`,
      body: { password: 'brand-new-passphrase' },
    };
  },
  'POST /api/people': async () => ({
    cookie: cookies['demo-district'],
    url: '/api/people',
    body: { orgUnitCode: '3401', title: 'นาง', firstName: `คำปุน${unique()}`, lastName: 'ศรีอุบล', roles: [] },
  }),
  'PATCH /api/people/{id}': async () => {
    const person = await as('demo-district').person();
    return {
      cookie: cookies['demo-district'],
      url: `/api/people/${person.id}`,
      body: { version: person.version, title: 'นาง', firstName: person.firstName, lastName: 'ทองคำ' },
    };
  },
  'POST /api/people/{id}/merge': async () => {
    const [gone, kept] = [await as('demo-district').person(), await as('demo-district').person()];
    return { cookie: cookies['demo-district'], url: `/api/people/${gone.id}/merge`, body: { keepId: kept.id } };
  },
  'POST /api/wisdom': async () => ({
    cookie: cookies['demo-district'],
    url: '/api/wisdom',
    body: { orgUnitCode: '3401', title: 'การทอผ้าไหม', branchCode: 'industry_handicraft', surveyedOn: '2025-11-01' },
  }),
  'PATCH /api/wisdom/{id}': async () => {
    const item = await as('demo-district').wisdom();
    return {
      cookie: cookies['demo-district'],
      url: `/api/wisdom/${item.id}`,
      body: { version: item.version, title: 'การทอผ้าไหมลายใหม่', branchCode: item.branchCode, surveyedOn: item.surveyedOn },
    };
  },
  'DELETE /api/wisdom/{id}': async () => {
    const item = await as('demo-district').wisdom();
    return { cookie: cookies['demo-district'], url: `/api/wisdom/${item.id}`, body: { version: item.version } };
  },
  'POST /api/wisdom/{id}/attachments': async () => {
    const item = await as('demo-district').wisdom();
    return { cookie: cookies['demo-district'], url: `/api/wisdom/${item.id}/attachments`, file: await png() };
  },
  'POST /api/groups': async () => ({
    cookie: cookies['demo-district'],
    url: '/api/groups',
    body: { orgUnitCode: '3401', name: `กลุ่มจักสาน ${unique()}`, foundedOn: '2025-12-01', targetType: 1 },
  }),
  'PATCH /api/groups/{id}': async () => {
    const group = await as('demo-district').group();
    return {
      cookie: cookies['demo-district'],
      url: `/api/groups/${group.id}`,
      body: { version: group.version, name: `${group.name} (แก้ไข)`, foundedOn: group.foundedOn, targetType: 2 },
    };
  },
  'POST /api/groups/{id}/stage': async () => {
    const group = await as('demo-district').group();
    return {
      cookie: cookies['demo-district'],
      url: `/api/groups/${group.id}/stage`,
      body: { version: group.version, stage: 'wisdom_surveyed', reason: 'แก้ไขขั้นให้ตรงข้อมูล' },
    };
  },
  'POST /api/producers': async () => {
    const group = await as('demo-district').group();
    return {
      cookie: cookies['demo-district'],
      url: '/api/producers',
      body: {
        orgUnitCode: '3401',
        groupId: group.id,
        producerType: 'community_group',
        fiscalYear: 2569,
        registrationNo: `OTOP-3401-${unique()}`,
        registeredOn: '2025-12-15',
        communityLink: true,
        siteInDistrict: true,
        thaiNationality: true,
        documentsReceived: true,
      },
    };
  },
  'PATCH /api/producers/{id}': async () => {
    const { producer } = await registeredGroup();
    const { id, version, ownerName, orgUnitCode, personId, ...fields } = producer;
    return { cookie: cookies['demo-district'], url: `/api/producers/${id}`, body: { ...fields, version, status: 'cancelled' } };
  },
  'POST /api/products': async () => {
    const { producer } = await registeredGroup();
    return {
      cookie: cookies['demo-district'],
      url: '/api/products',
      body: { producerId: producer.id, name: 'ผ้าขาวม้า', category: 'textile' },
    };
  },
  'PATCH /api/products/{id}': async () => {
    const { producer } = await registeredGroup();
    const product = await as('demo-district').product(producer.id);
    return {
      cookie: cookies['demo-district'],
      url: `/api/products/${product.id}`,
      body: { version: product.version, producerId: producer.id, name: 'ผ้าขาวม้าทอมือ', category: 'textile' },
    };
  },
  'POST /api/products/{id}/attachments': async () => {
    const { producer } = await registeredGroup();
    const product = await as('demo-district').product(producer.id);
    return { cookie: cookies['demo-district'], url: `/api/products/${product.id}/attachments`, file: await png() };
  },
  'POST /api/certifications': async () => {
    const { producer } = await registeredGroup();
    return {
      cookie: cookies['demo-district'],
      url: '/api/certifications',
      body: {
        producerId: producer.id,
        standardCode: 'mpc',
        certificateNo: `มผช. ${unique()}`,
        issuer: 'สมอ.',
        issuedOn: '2025-12-20',
      },
    };
  },
  'PATCH /api/certifications/{id}': async () => {
    const { producer } = await registeredGroup();
    const cert = await as('demo-district').certification({ producerId: producer.id, issuedOn: '2025-12-20' });
    return {
      cookie: cookies['demo-district'],
      url: `/api/certifications/${cert.id}`,
      body: {
        version: cert.version,
        producerId: producer.id,
        standardCode: 'mpc',
        certificateNo: cert.certificateNo,
        issuer: 'สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม',
        issuedOn: '2025-12-20',
      },
    };
  },
  'POST /api/budget/items': async () => ({
    cookie: cookies['demo-admin'],
    url: '/api/budget/items',
    body: { fiscalYear: 2570, level: 'activity', name: 'กิจกรรมใหม่', responsibleUnitCode: 'TH', budgetSatang: '100000' },
  }),
  'POST /api/budget/allocations': async () => {
    const itemId = await fundedActivity();
    return {
      cookie: cookies['demo-province'],
      url: '/api/budget/allocations',
      body: { itemId, fromUnitCode: '34', toUnitCode: '3415', quarter: 1, category: 'materials', amountSatang: '10000' },
    };
  },
  'POST /api/budget/allocations/{id}/reverse': async () => {
    const itemId = await fundedActivity();
    const made = await as('demo-province').call('POST', '/api/budget/allocations', {
      itemId,
      fromUnitCode: '34',
      toUnitCode: '3415',
      quarter: 1,
      category: 'materials',
      amountSatang: '10000',
    });
    return {
      cookie: cookies['demo-province'],
      url: `/api/budget/allocations/${made.body.id}/reverse`,
      body: { note: 'จัดสรรผิดอำเภอ' },
    };
  },
  'PUT /api/budget/items/{id}/deadline': async () => ({
    cookie: cookies['demo-province'],
    url: `/api/budget/items/${await fundedActivity()}/deadline`,
    body: { provinceCode: '34', deadline: '2026-12-31' },
  }),
  'PUT /api/expense-plans': async () => ({
    cookie: cookies['demo-district'],
    url: '/api/expense-plans',
    body: planBody(await fundedActivity()),
  }),
  'POST /api/expense-plans/{id}/submit': async () => {
    const draft = (await as('demo-district').call('PUT', '/api/expense-plans', planBody(await fundedActivity()))).body;
    return { cookie: cookies['demo-district'], url: `/api/expense-plans/${draft.id}/submit`, body: { version: draft.version } };
  },
  'POST /api/expense-plans/{id}/return': async () => {
    const plan = await submittedPlan();
    return {
      cookie: cookies['demo-province'],
      url: `/api/expense-plans/${plan.id}/return`,
      body: { version: plan.version, comment: 'ขอแยกรายการให้ชัดเจน' },
    };
  },
  'POST /api/expense-plans/{id}/approve': async () => {
    const plan = await submittedPlan();
    return { cookie: cookies['demo-province'], url: `/api/expense-plans/${plan.id}/approve`, body: { version: plan.version } };
  },
  'POST /api/disbursements': async () => ({
    cookie: cookies['demo-district'],
    url: '/api/disbursements',
    body: {
      itemId: seedActivityId,
      orgUnitCode: '3401',
      paidOn: '2020-05-15',
      description: 'ค่าวัสดุสำนักงานศูนย์ฯ',
      category: 'materials',
      amountSatang: '10000',
      procurementMethod: 'specific',
      documentNo: `บจ ${unique()}`,
    },
  }),
  'POST /api/advances': async () => ({
    cookie: cookies['demo-district'],
    url: '/api/advances',
    body: advanceBody('demo-district'),
  }),
  'POST /api/advances/{id}/repayments': async () => {
    const advance = await as('demo-district').call('POST', '/api/advances', advanceBody('demo-committee'));
    expect(advance.status, JSON.stringify(advance.body)).toBe(201);
    return {
      cookie: cookies['demo-district'],
      url: `/api/advances/${advance.body.id}/repayments`,
      body: { kind: 'cash', amountSatang: '40000', repaidOn: '2026-01-20' },
    };
  },
};

function multipart(data: Buffer) {
  const boundary = '----thanrak-walk';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const lastAuditId = async () => Number((await t.rows('select coalesce(max(id), 0) as id from audit_log'))[0].id);

describe('every write operation leaves an audit entry', () => {
  it('has a valid request for every write operation in the OpenAPI document (add one for a new route)', () => {
    expect(writeOperations.length).toBeGreaterThan(20);
    expect(writeOperations.filter((op) => !WRITES[op])).toEqual([]);
    expect(Object.keys(WRITES).filter((op) => !writeOperations.includes(op))).toEqual([]);
  });

  it('writes an audit entry for each successful write, whoever makes it', async () => {
    const silent: string[] = [];
    for (const op of writeOperations) {
      const build = WRITES[op];
      if (!build) continue;
      const request = await build();
      const before = await lastAuditId();
      const [method] = op.split(' ');
      const res = await t.app.inject({
        method: method as 'POST',
        url: request.url,
        ...(request.file
          ? { ...multipart(request.file), headers: { ...multipart(request.file).headers, cookie: request.cookie } }
          : { payload: request.body, headers: { cookie: request.cookie } }),
      });
      expect(res.statusCode, `${op}: ${res.body}`).toBeLessThan(300);
      const entries = await t.rows(`select action, entity from audit_log where id > ${before} order by id`);
      if (!entries.length) silent.push(op);
    }
    expect(silent).toEqual([]);
  });
});
