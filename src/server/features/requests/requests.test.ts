import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearOf } from '#shared/thai/index';
import { api, daysFromToday, expectOutOfReach, expectPartialPatch, expectVersionedPatch } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

let t: TestContext;
let district: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
let committee: ReturnType<typeof api>;
let province: ReturnType<typeof api>;
const id: Record<string, number> = {};
beforeAll(async () => {
  t = await createTestContext();
  district = api(t, await t.login('demo-district'));
  district2 = api(t, await t.login('demo-district-2'));
  committee = api(t, await t.login('demo-committee'));
  province = api(t, await t.login('demo-province'));
  for (const row of await t.rows('select id, username from users')) id[row.username] = row.id;
});
afterAll(() => t.close());

const count = async (table: string) => Number((await t.rows(`select count(*)::int as n from ${table}`))[0].n);
type Client = ReturnType<typeof api>;

/** A phone request of 3401 from a group, received today. */
const requestBody = async (over: Record<string, unknown> = {}) => ({
  orgUnitCode: '3401',
  channel: 'phone',
  receivedOn: daysFromToday(0),
  groupId: (await district.group()).id,
  subjectCode: 'funding_access',
  description: 'กลุ่มขอคำแนะนำการกู้เงินเพื่อซื้อเครื่องทอผ้า',
  ...over,
});
const created = async (client: Client = district, over: Record<string, unknown> = {}) => {
  const res = await client.call('POST', '/api/requests', await requestBody(over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const move = (client: Client, r: { id: number; version: number }, status: string, over: object = {}) =>
  client.call('POST', `/api/requests/${r.id}/status`, { version: r.version, status, ...over });
const accepted = async (over: Record<string, unknown> = {}) => {
  const res = await move(district, await created(district, over), 'accepted');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const editable = (r: any) => ({
  version: r.version,
  channel: r.channel,
  receivedOn: r.receivedOn,
  ...(r.person ? { personId: r.person.id } : {}),
  ...(r.group ? { groupId: r.group.id } : {}),
  clientName: r.clientName,
  ...(r.clientPhone ? { clientPhone: r.clientPhone } : {}),
  subjectCode: r.subjectCode,
  description: r.description,
});
const partner = async (client: Client = district, unit = '3401') => {
  const res = await client.call('POST', '/api/partners', {
    orgUnitCode: unit,
    kind: 'bank',
    name: 'ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร สาขาเมืองอุบลราชธานี',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const service = async (groupId: number, over: object = {}) => {
  const res = await district.call('POST', '/api/services', {
    orgUnitCode: '3401',
    serviceDate: daysFromToday(0),
    mode: 'center',
    groupIds: [groupId],
    typeCodes: ['funding_access'],
    description: 'แนะนำการเขียนแผนธุรกิจเพื่อขอสินเชื่อ',
    staffIds: [id['demo-district']],
    durationMinutes: 60,
    ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const toProvince = { targetLevel: 'province', targetName: 'สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี' };

/** Refused with `code`, and nothing of a request or referral written. */
async function expectRefused(res: Promise<{ status: number; body: any }>, status: number, code?: string) {
  const tables = ['service_requests', 'referrals'];
  const before = await Promise.all(tables.map(count));
  const { status: got, body } = await res;
  expect(got, JSON.stringify(body)).toBe(status);
  if (code) expect(body.code).toBe(code);
  expect(await Promise.all(tables.map(count))).toEqual(before);
  return body;
}

describe('service requests', () => {
  it('records a request with a reference code of the district, fiscal year and a running number', async () => {
    const a = await created();
    const b = await created();
    const fy = fiscalYearOf(daysFromToday(0)).fiscalYear;
    expect(a.referenceCode).toMatch(new RegExp(`^3401-${fy}-\\d{4}$`));
    expect(Number(b.referenceCode.slice(-4))).toBe(Number(a.referenceCode.slice(-4)) + 1);
    expect(a).toMatchObject({ status: 'new', channel: 'phone', createdBy: id['demo-district'], service: null });
    expect(a.history).toEqual([{ status: 'new', at: expect.any(String), by: expect.any(String) }]);
    // Another district counts on its own; a request of last fiscal year takes that year's numbers.
    const theirs = await created(district2, {
      orgUnitCode: '3415',
      groupId: (await district2.group({ orgUnitCode: '3415' })).id,
    });
    expect(theirs.referenceCode).toMatch(new RegExp(`^3415-${fy}-\\d{4}$`));
    const old = await created(district, { receivedOn: daysFromToday(-370) });
    expect(old.referenceCode.startsWith(`3401-${fiscalYearOf(daysFromToday(-370)).fiscalYear}-`)).toBe(true);
  });

  it('gives concurrent creates distinct, consecutive reference codes', async () => {
    const bodies = await Promise.all(Array.from({ length: 6 }, () => requestBody()));
    const made = await Promise.all(bodies.map((b) => district.call('POST', '/api/requests', b)));
    expect(made.map((m) => m.status)).toEqual(Array(6).fill(201));
    const numbers = made.map((m) => Number(m.body.referenceCode.slice(-4))).sort((x, y) => x - y);
    expect(new Set(numbers).size).toBe(6);
    expect(numbers[5] - numbers[0]).toBe(5);
  });

  it('takes a client by name and phone for someone not registered, and finds requests by words and code', async () => {
    const walkIn = await created(district, {
      groupId: undefined,
      channel: 'walk_in',
      clientName: 'นายบุญมี ศรีสุข',
      clientPhone: '0812345678',
      description: 'ต้องการเรียนรู้การทำปุ๋ยหมักชีวภาพ',
    });
    expect(walkIn).toMatchObject({ person: null, group: null, clientName: 'นายบุญมี ศรีสุข', clientPhone: '0812345678' });
    const ids = async (query: string) => (await district.call('GET', `/api/requests?${query}`)).body.items.map((r: any) => r.id);
    expect(await ids(`q=${encodeURIComponent('ปุ๋ยหมัก')}`)).toEqual([walkIn.id]);
    expect(await ids(`q=${walkIn.referenceCode}`)).toEqual([walkIn.id]);
    expect(await ids(`channel=walk_in&status=new&subject=funding_access&month=${daysFromToday(0).slice(0, 7)}`)).toContain(
      walkIn.id,
    );
    expect(await ids('channel=letter')).not.toContain(walkIn.id);
    expect(await ids('status=accepted')).not.toContain(walkIn.id);
    expect(await ids(`month=${daysFromToday(-400).slice(0, 7)}`)).not.toContain(walkIn.id);
    const person = await district.person();
    const theirs = await created(district, { groupId: undefined, personId: person.id });
    expect(await ids(`personId=${person.id}`)).toEqual([theirs.id]);
  });

  it('refuses no client, a future date, an unknown subject and clients of another district: nothing saved', async () => {
    const none = await expectRefused(district.call('POST', '/api/requests', await requestBody({ groupId: undefined })), 400);
    expect(none.errors[0].th).toBe('ต้องระบุผู้ขอ: บุคคล กลุ่ม หรือชื่อผู้ขอ');
    await expectRefused(
      district.call('POST', '/api/requests', await requestBody({ receivedOn: daysFromToday(1) })),
      422,
      'service_request.date_in_future',
    );
    await expectRefused(
      district.call('POST', '/api/requests', await requestBody({ subjectCode: 'astrology' })),
      422,
      'code.unknown',
    );
    await expectRefused(district.call('POST', '/api/requests', await requestBody({ channel: 'portal' })), 400);
    const theirGroup = await district2.group({ orgUnitCode: '3415' });
    const theirPerson = await district2.person({ orgUnitCode: '3415' });
    await expectRefused(
      district.call('POST', '/api/requests', await requestBody({ groupId: theirGroup.id })),
      422,
      'record.other_district',
    );
    await expectRefused(
      district.call('POST', '/api/requests', await requestBody({ groupId: undefined, personId: theirPerson.id })),
      422,
      'record.other_district',
    );
  });

  it('changes a request at the version read and refuses a stale one', async () => {
    const made = await created();
    const changed = await expectVersionedPatch(
      district,
      `/api/requests/${made.id}`,
      { ...editable(made), description: 'ขอสินเชื่อ 50,000 บาท' },
      { description: 'ช้าไป' },
    );
    expect(changed.referenceCode).toBe(made.referenceCode);
  });

  it('changes only the fields a PATCH sends: a new description keeps the client; the client rule holds on the merged request', async () => {
    const made = await created(district, { clientName: 'นางมาลี ศรีสุข', clientPhone: '0812345678' });
    const url = `/api/requests/${made.id}`;
    await expectPartialPatch(district, url, { description: 'ขอสินเชื่อ 80,000 บาท' });
    await expectPartialPatch(district, url, { clientPhone: null });
    // The group may go while the name stays: still a client.
    expect((await expectPartialPatch(district, url, { groupId: null }, ['group'])).group).toBeNull();
    const { version } = (await district.call('GET', url)).body;
    const noClient = await district.call('PATCH', url, { version, clientName: null });
    expect(noClient.status).toBe(400);
    expect(noClient.body.errors[0].path).toBe('body/clientName');
    const asPortal = await district.call('PATCH', url, { version, channel: 'portal' });
    expect(asPortal.body.code).toBe('service_request.portal_channel');
  });

  it('moves new → accepted → in progress → done, and refuses any other move with a clear 409', async () => {
    const made = await created();
    const skip = await move(district, made, 'done');
    expect(skip.status).toBe(409);
    expect(skip.body.code).toBe('service_request.status_move');
    expect(skip.body.th).toBe('เปลี่ยนสถานะคำขอจาก "ใหม่" เป็น "เสร็จสิ้น" ไม่ได้');
    expect((await move(district, made, 'referred')).status).toBe(409);
    const a = (await move(district, made, 'accepted')).body;
    expect((await move(district, made, 'in_progress')).body.code).toBe('record.stale');
    const b = (await move(district, a, 'in_progress')).body;
    const c = await move(district, b, 'done');
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    expect(c.body.history.map((h: any) => h.status)).toEqual(['new', 'accepted', 'in_progress', 'done']);
    expect((await move(district, c.body, 'in_progress')).status).toBe(409);
    const audit = await t.rows(
      `select action from audit_log where entity = 'service_request' and entity_id = '${made.id}' order by id`,
    );
    expect(audit.map((x) => x.action)).toEqual(['create', 'change_status', 'change_status', 'change_status']);
  });

  it('declines only with a reason', async () => {
    const made = await created();
    const bare = await move(district, made, 'declined');
    expect(bare.status).toBe(400);
    expect(bare.body.errors[0].th).toBe('กรุณาระบุเหตุผลที่ไม่รับคำขอ');
    const declined = await move(district, made, 'declined', { declineReason: 'อยู่นอกพื้นที่รับผิดชอบของศูนย์ฯ' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'อยู่นอกพื้นที่รับผิดชอบของศูนย์ฯ' });
  });

  it('is answered by a service of its district given on or after it, and refuses others', async () => {
    const r = await accepted();
    const s = await service(r.group.id);
    const early = await service(r.group.id, { serviceDate: daysFromToday(-3) });
    expect((await move(district, r, 'in_progress', { serviceId: early.id })).body.code).toBe(
      'service_request.service_before_request',
    );
    const theirs = await district2.call('POST', '/api/services', {
      orgUnitCode: '3415',
      serviceDate: daysFromToday(0),
      mode: 'center',
      groupIds: [(await district2.group({ orgUnitCode: '3415' })).id],
      typeCodes: ['advice'],
      description: 'ให้คำปรึกษา',
      staffIds: [id['demo-district-2']],
      durationMinutes: 30,
    });
    expect((await move(district, r, 'in_progress', { serviceId: theirs.body.id })).body.code).toBe('record.other_district');
    const linked = await move(district, r, 'in_progress', { serviceId: s.id });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body).toMatchObject({ status: 'in_progress', service: { id: s.id, serviceDate: s.serviceDate } });
    const other = await accepted();
    expect((await move(district, other, 'declined', { declineReason: 'ซ้ำ', serviceId: s.id })).body.code).toBe(
      'service_request.service_needs_work',
    );
  });

  it('lets a committee member record and move requests, while the province reads but cannot write', async () => {
    const mine = await created(committee);
    expect(mine.createdBy).toBe(id['demo-committee']);
    expect((await move(committee, mine, 'accepted')).status).toBe(200);
    expect((await province.call('GET', `/api/requests/${mine.id}`)).status).toBe(200);
    await expectRefused(province.call('POST', '/api/requests', await requestBody()), 403, 'access.forbidden');
    expect((await province.call('PATCH', `/api/requests/${mine.id}`, editable(mine))).status).toBe(403);
    expect((await move(province, { ...mine, version: 2 }, 'in_progress')).status).toBe(403);
  });

  it("keeps 3415 from seeing or changing 3401's requests", async () => {
    const made = await created();
    const url = `/api/requests/${made.id}`;
    await expectOutOfReach(district, district2, url, { ...editable(made), description: 'ปลอม' });
    expect((await move(district2, made, 'accepted')).status).toBe(404);
    expect((await district2.call('GET', '/api/requests?pageSize=200')).body.items.some((r: any) => r.id === made.id)).toBe(false);
    expect((await district2.call('GET', '/api/requests?unit=3401')).body.total).toBe(0);
    await expectRefused(district2.call('POST', '/api/requests', await requestBody()), 403, 'access.out_of_scope');
    expect((await district.call('GET', url)).body.status).toBe('new');
  });

  it('reminds the recorders of the district of new requests waiting', async () => {
    const tasksOf = async (client: Client) =>
      (await client.call('GET', '/api/tasks')).body.find((x: any) => x.kind === 'requests_waiting');
    const before = (await tasksOf(district))?.count ?? 0;
    const made = await created(district, { receivedOn: daysFromToday(-2) });
    expect((await tasksOf(district)).count).toBe(before + 1);
    expect((await tasksOf(committee)).count).toBe(before + 1);
    expect(await tasksOf(province)).toBeUndefined();
    const other2 = (await tasksOf(district2))?.count ?? 0;
    await move(district, made, 'accepted');
    expect((await tasksOf(district))?.count ?? 0).toBe(before);
    expect((await tasksOf(district2))?.count ?? 0).toBe(other2);
  });
});

describe('referrals', () => {
  it('refers an accepted request to the province and sets it to referred, in one go', async () => {
    const r = await accepted();
    const made = await district.call('POST', '/api/referrals', {
      requestId: r.id,
      ...toProvince,
      reason: 'ต้องการสินเชื่อเกินวงเงินที่ศูนย์ฯ ประสานได้',
      referredOn: daysFromToday(0),
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({
      request: { id: r.id, referenceCode: r.referenceCode },
      group: r.group,
      person: null,
      targetLevel: 'province',
      partner: null,
      status: 'sent',
    });
    const after = (await district.call('GET', `/api/requests/${r.id}`)).body;
    expect(after.status).toBe('referred');
    expect(after.history.map((h: any) => h.status)).toEqual(['new', 'accepted', 'referred']);
    // Referred again, to the department: the request stays referred.
    const again = await district.call('POST', '/api/referrals', {
      requestId: r.id,
      targetLevel: 'national',
      targetName: 'กรมการพัฒนาชุมชน',
      reason: 'ขอรับการสนับสนุนงบประมาณ',
      referredOn: daysFromToday(0),
    });
    expect(again.status).toBe(201);
    const listed = (await district.call('GET', `/api/referrals?requestId=${r.id}`)).body.items;
    expect(listed.map((x: any) => x.targetLevel).sort()).toEqual(['national', 'province']);
  });

  it('refuses to refer a new, done or declined request, or one whose client is not registered: nothing saved', async () => {
    const body = (requestId: number) => ({ requestId, ...toProvince, reason: 'เกินศักยภาพศูนย์ฯ', referredOn: daysFromToday(0) });
    const fresh = await created();
    const refused = await expectRefused(
      district.call('POST', '/api/referrals', body(fresh.id)),
      409,
      'referral.request_not_referable',
    );
    expect(refused.th).toContain('"ใหม่"');
    const declined = (await move(district, await created(), 'declined', { declineReason: 'ซ้ำกับคำขอเดิม' })).body;
    await expectRefused(district.call('POST', '/api/referrals', body(declined.id)), 409, 'referral.request_not_referable');
    const walkIn = await accepted({ groupId: undefined, clientName: 'นางสาวมาลี ใจงาม' });
    await expectRefused(district.call('POST', '/api/referrals', body(walkIn.id)), 422, 'referral.client_required');
    expect((await district.call('GET', `/api/requests/${walkIn.id}`)).body.status).toBe('accepted');
  });

  it('refuses a future date, a date before the request, a partner of another district and a partner without one', async () => {
    const r = await accepted({ receivedOn: daysFromToday(-5) });
    const base = { requestId: r.id, reason: 'ขอสินเชื่อ', referredOn: daysFromToday(0) };
    await expectRefused(
      district.call('POST', '/api/referrals', { ...base, ...toProvince, referredOn: daysFromToday(1) }),
      422,
      'referral.date_in_future',
    );
    await expectRefused(
      district.call('POST', '/api/referrals', { ...base, ...toProvince, referredOn: daysFromToday(-6) }),
      422,
      'referral.before_source',
    );
    const theirs = await partner(district2, '3415');
    await expectRefused(
      district.call('POST', '/api/referrals', { ...base, targetLevel: 'partner', partnerId: theirs.id }),
      422,
      'record.other_district',
    );
    const noPartner = await expectRefused(district.call('POST', '/api/referrals', { ...base, targetLevel: 'partner' }), 400);
    expect(noPartner.errors[0].th).toBe('กรุณาเลือกภาคีเครือข่าย');
    const noName = await expectRefused(district.call('POST', '/api/referrals', { ...base, targetLevel: 'province' }), 400);
    expect(noName.errors[0].th).toBe('กรุณาระบุชื่อหน่วยงานที่ส่งต่อ');
  });

  it("refers a service to a partner, naming one of the service's clients, and lists it by group, status and target", async () => {
    const group = await district.group();
    const s = await service(group.id);
    const baac = await partner();
    const base = {
      serviceId: s.id,
      targetLevel: 'partner',
      partnerId: baac.id,
      reason: 'ขอสินเชื่อเพื่อการผลิต',
      referredOn: daysFromToday(0),
    };
    await expectRefused(district.call('POST', '/api/referrals', base), 422, 'referral.client_required');
    const stranger = await district.group();
    await expectRefused(district.call('POST', '/api/referrals', { ...base, groupId: stranger.id }), 422, 'referral.not_client');
    const made = await district.call('POST', '/api/referrals', { ...base, groupId: group.id });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({
      serviceId: s.id,
      request: null,
      group: { id: group.id },
      partner: { id: baac.id, name: baac.name },
    });
    const ids = async (query: string) => (await district.call('GET', `/api/referrals?${query}`)).body.items.map((x: any) => x.id);
    expect(await ids(`groupId=${group.id}&status=sent&target=partner`)).toEqual([made.body.id]);
    expect(await ids(`serviceId=${s.id}`)).toEqual([made.body.id]);
    expect(await ids(`groupId=${group.id}&target=province`)).toEqual([]);
  });

  it('refuses a service that is not the one that answered the request', async () => {
    const r = await accepted();
    const s = await service(r.group.id);
    await expectRefused(
      district.call('POST', '/api/referrals', {
        requestId: r.id,
        serviceId: s.id,
        ...toProvince,
        reason: 'x',
        referredOn: daysFromToday(0),
      }),
      422,
      'referral.service_mismatch',
    );
    const linked = (await move(district, r, 'in_progress', { serviceId: s.id })).body;
    const ok = await district.call('POST', '/api/referrals', {
      requestId: linked.id,
      serviceId: s.id,
      ...toProvince,
      reason: 'ขอสินเชื่อ',
      referredOn: daysFromToday(0),
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
  });

  it('records the result: sent → accepted → completed, the result dated between the referral and today', async () => {
    const r = await accepted({ receivedOn: daysFromToday(-10) });
    const ref = (
      await district.call('POST', '/api/referrals', {
        requestId: r.id,
        ...toProvince,
        reason: 'ขอทุน',
        referredOn: daysFromToday(-8),
      })
    ).body;
    const url = `/api/referrals/${ref.id}`;
    const jump = await district.call('PATCH', url, { version: ref.version, status: 'completed', resultOn: daysFromToday(0) });
    expect(jump.status).toBe(409);
    expect(jump.body.code).toBe('referral.status_move');
    const noDate = await district.call('PATCH', url, { version: ref.version, status: 'not_accepted' });
    expect(noDate.status).toBe(400);
    const acc = await expectVersionedPatch(
      district,
      url,
      { version: ref.version, status: 'accepted', result: 'จังหวัดรับเรื่อง' },
      { result: 'ช้าไป' },
    );
    const before = await district.call('PATCH', url, {
      version: acc.version,
      status: 'completed',
      result: 'ได้รับอนุมัติ',
      resultOn: daysFromToday(-9),
    });
    expect(before.body.code).toBe('referral.result_before_referral');
    const future = await district.call('PATCH', url, {
      version: acc.version,
      status: 'completed',
      result: 'ได้รับอนุมัติ',
      resultOn: daysFromToday(1),
    });
    expect(future.body.code).toBe('referral.result_in_future');
    const done = await district.call('PATCH', url, {
      version: acc.version,
      status: 'completed',
      result: 'ได้รับอนุมัติ',
      resultOn: daysFromToday(0),
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', result: 'ได้รับอนุมัติ', resultOn: daysFromToday(0) });
    expect((await district.call('PATCH', url, { version: done.body.version, status: 'sent' })).status).toBe(409);
  });

  it('changes only what a PATCH sends to a referral: the result stays as the status moves, the status as the result changes', async () => {
    const r = await accepted({ receivedOn: daysFromToday(-5) });
    const ref = (
      await district.call('POST', '/api/referrals', {
        requestId: r.id,
        ...toProvince,
        reason: 'ขอทุน',
        referredOn: daysFromToday(-3),
      })
    ).body;
    const url = `/api/referrals/${ref.id}`;
    await expectPartialPatch(district, url, { result: 'จังหวัดรับเรื่องทางโทรศัพท์' });
    await expectPartialPatch(district, url, { status: 'accepted' });
    await expectPartialPatch(district, url, { resultOn: daysFromToday(-1) });
    await expectPartialPatch(district, url, { status: 'completed' });
    await expectPartialPatch(district, url, { result: null });
    const { version } = (await district.call('GET', url)).body;
    const undated = await district.call('PATCH', url, { version, resultOn: null });
    expect(undated.status).toBe(400);
    expect(undated.body.errors[0].path).toBe('body/resultOn');
  });

  it('reminds the district of referrals without a result after 30 days', async () => {
    const tasksOf = async (client: Client) =>
      (await client.call('GET', '/api/tasks')).body.find((x: any) => x.kind === 'referrals_without_result');
    const before = (await tasksOf(district))?.count ?? 0;
    const r = await accepted({ receivedOn: daysFromToday(-40) });
    const ref = (
      await district.call('POST', '/api/referrals', {
        requestId: r.id,
        ...toProvince,
        reason: 'ขอทุน',
        referredOn: daysFromToday(-30),
      })
    ).body;
    const fresh = await accepted({ receivedOn: daysFromToday(-29) });
    await district.call('POST', '/api/referrals', {
      requestId: fresh.id,
      ...toProvince,
      reason: 'ขอทุน',
      referredOn: daysFromToday(-29),
    });
    expect((await tasksOf(district)).count).toBe(before + 1);
    expect((await district.call('GET', '/api/referrals?result=overdue')).body.items.map((x: any) => x.id)).toContain(ref.id);
    expect(await tasksOf(district2)).toBeUndefined();
    await district.call('PATCH', `/api/referrals/${ref.id}`, {
      version: ref.version,
      status: 'not_accepted',
      result: 'ไม่เข้าเกณฑ์',
      resultOn: daysFromToday(0),
    });
    expect((await tasksOf(district))?.count ?? 0).toBe(before);
  });

  it("keeps 3415 from seeing or changing 3401's referrals; a committee member records, the province only reads", async () => {
    const r = await accepted();
    const byCommittee = await committee.call('POST', '/api/referrals', {
      requestId: r.id,
      ...toProvince,
      reason: 'ขอทุน',
      referredOn: daysFromToday(0),
    });
    expect(byCommittee.status, JSON.stringify(byCommittee.body)).toBe(201);
    const url = `/api/referrals/${byCommittee.body.id}`;
    await expectOutOfReach(district, district2, url, { version: byCommittee.body.version, status: 'accepted' });
    expect(
      (await district2.call('GET', '/api/referrals?pageSize=200')).body.items.some((x: any) => x.id === byCommittee.body.id),
    ).toBe(false);
    const other = await accepted();
    await expectRefused(
      district2.call('POST', '/api/referrals', {
        requestId: other.id,
        ...toProvince,
        reason: 'ขอทุน',
        referredOn: daysFromToday(0),
      }),
      404,
      'service_request.not_found',
    );
    expect((await province.call('GET', url)).status).toBe(200);
    expect((await province.call('PATCH', url, { version: byCommittee.body.version, status: 'accepted' })).status).toBe(403);
    await expectRefused(
      province.call('POST', '/api/referrals', {
        requestId: other.id,
        ...toProvince,
        reason: 'ขอทุน',
        referredOn: daysFromToday(0),
      }),
      403,
    );
  });
});
