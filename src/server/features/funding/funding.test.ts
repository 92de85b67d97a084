import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, daysFromToday, expectOutOfReach, expectPartialPatch, expectVersionedPatch } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

let t: TestContext;
let district: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
let committee: ReturnType<typeof api>;
beforeAll(async () => {
  t = await createTestContext();
  district = api(t, await t.login('demo-district'));
  district2 = api(t, await t.login('demo-district-2'));
  committee = api(t, await t.login('demo-committee'));
});
afterAll(() => t.close());

const body = (groupId: number, over: Record<string, unknown> = {}) => ({
  orgUnitCode: '3401',
  groupId,
  sourceCode: 'baac',
  purpose: 'สินเชื่อซื้อเส้นไหมและสีย้อม',
  askedSatang: '5000000',
  appliedOn: daysFromToday(-20),
  ...over,
});
const apply = async (groupId: number, over: Record<string, unknown> = {}) => {
  const res = await district.call('POST', '/api/funding', body(groupId, over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const decide = (f: { id: number; version: number }, decision: object) =>
  district.call('POST', `/api/funding/${f.id}/decision`, { version: f.version, ...decision });
const stageOf = async (groupId: number) => (await district.call('GET', `/api/groups/${groupId}`)).body.stage;
const fundingCount = async () => Number((await t.rows('select count(*)::int as n from funding_applications'))[0].n);

describe('funding', () => {
  it('moves a group to funding access on approval and back when the approval is undone, auditing who decided', async () => {
    const group = await district.group();
    const f = await apply(group.id);
    expect(f).toMatchObject({ status: 'applied', approvedSatang: null, group: { id: group.id } });
    expect(await stageOf(group.id)).toBe('group_formed');
    const approved = await decide(f, { status: 'approved', approvedSatang: '4000000', decidedOn: daysFromToday(-5) });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedSatang: '4000000', decidedOn: daysFromToday(-5) });
    expect(await stageOf(group.id)).toBe('funding_access');
    const received = await decide(approved.body, {
      status: 'approved',
      approvedSatang: '4000000',
      decidedOn: daysFromToday(-5),
      receivedOn: daysFromToday(-1),
    });
    expect(received.body.receivedOn).toBe(daysFromToday(-1));
    const undone = await decide(received.body, { status: 'applied' });
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(undone.body).toMatchObject({ status: 'applied', approvedSatang: null, decidedOn: null, receivedOn: null });
    expect(await stageOf(group.id)).toBe('group_formed');
    const audit = await t.rows(
      `select action, actor_username from audit_log where entity = 'funding_application' and entity_id = '${f.id}' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'approve', 'approve', 'reopen']);
    expect(audit.every((a) => a.actor_username === 'demo-district')).toBe(true);
  });

  it('refuses an approval over the amount asked without a reason, and takes one with a reason', async () => {
    const f = await apply((await district.group()).id);
    const over = await decide(f, { status: 'approved', approvedSatang: '6000000', decidedOn: daysFromToday(0) });
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('funding.approved_over_asked');
    expect(over.body.th).toContain('60,000.00');
    expect((await district.call('GET', `/api/funding/${f.id}`)).body.status).toBe('applied');
    const withReason = await decide(f, {
      status: 'approved',
      approvedSatang: '6000000',
      approvedReason: 'ธนาคารเพิ่มวงเงินทุนหมุนเวียน',
      decidedOn: daysFromToday(0),
    });
    expect(withReason.status, JSON.stringify(withReason.body)).toBe(200);
    // Lowering what was asked below an approval needs the reason too: it is kept.
    const lowered = await district.call('PATCH', `/api/funding/${f.id}`, {
      ...body(f.group.id, { askedSatang: '1000000' }),
      orgUnitCode: undefined,
      version: withReason.body.version,
    });
    expect(lowered.status, JSON.stringify(lowered.body)).toBe(200);
  });

  it('refuses zero or negative amounts, dates in the future or out of order, and a rejection without a date', async () => {
    const group = await district.group();
    const before = await fundingCount();
    for (const bad of [{ askedSatang: '0' }, { askedSatang: '-500' }])
      expect((await district.call('POST', '/api/funding', body(group.id, bad))).status).toBe(400);
    const future = await district.call('POST', '/api/funding', body(group.id, { appliedOn: daysFromToday(1) }));
    expect(future.body.code).toBe('funding.date_in_future');
    expect((await district.call('POST', '/api/funding', body(group.id, { sourceCode: 'loan_shark' }))).body.code).toBe(
      'code.unknown',
    );
    expect(await fundingCount()).toBe(before);
    const f = await apply(group.id);
    expect((await decide(f, { status: 'approved', approvedSatang: '0', decidedOn: daysFromToday(0) })).status).toBe(400);
    expect((await decide(f, { status: 'rejected' })).status).toBe(400);
    expect((await decide(f, { status: 'rejected', decidedOn: daysFromToday(-30) })).body.code).toBe(
      'funding.decided_before_applied',
    );
    expect((await decide(f, { status: 'rejected', decidedOn: daysFromToday(2) })).body.code).toBe('funding.date_in_future');
    const late = await decide(f, {
      status: 'approved',
      approvedSatang: '100000',
      decidedOn: daysFromToday(-2),
      receivedOn: daysFromToday(-3),
    });
    expect(late.status).toBe(400);
    const rejected = await decide(f, { status: 'rejected', decidedOn: daysFromToday(-1) });
    expect(rejected.body).toMatchObject({ status: 'rejected', decidedOn: daysFromToday(-1) });
    expect(await stageOf(group.id)).toBe('group_formed');
  });

  it('links a referral only of the same district and group', async () => {
    const group = await district.group();
    const other = await district.group();
    const [{ id: me }] = await t.rows("select id from users where username = 'demo-district'");
    const [referral] = await t.rows(
      `insert into referrals (org_unit_code, group_id, target_level, target_name, reason, referred_on, created_by)
       values ('3401', ${group.id}, 'province', 'สำนักงานพัฒนาชุมชนจังหวัด', 'ขอสินเชื่อ', '${daysFromToday(-30)}', ${me}) returning id`,
    );
    const linked = await apply(group.id, { referralId: referral.id });
    expect(linked.referralId).toBe(referral.id);
    const wrong = await district.call('POST', '/api/funding', body(other.id, { referralId: referral.id }));
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('funding.referral_mismatch');
  });

  it('changes only the fields a PATCH sends: the purpose keeps the decision and the referral; null clears them', async () => {
    const group = await district.group();
    const [{ id: me }] = await t.rows("select id from users where username = 'demo-district'");
    const [referral] = await t.rows(
      `insert into referrals (org_unit_code, group_id, target_level, target_name, reason, referred_on, created_by)
       values ('3401', ${group.id}, 'province', 'สำนักงานพัฒนาชุมชนจังหวัด', 'ขอสินเชื่อ', '${daysFromToday(-30)}', ${me}) returning id`,
    );
    const f = await apply(group.id, { referralId: referral.id, note: 'ยื่นผ่านสาขาอำเภอ' });
    const approved = (await decide(f, { status: 'approved', approvedSatang: '100000', decidedOn: daysFromToday(-1) })).body;
    const url = `/api/funding/${f.id}`;
    const purpose = await expectPartialPatch(district, url, { purpose: 'สินเชื่อซื้อกี่ทอผ้าเพิ่ม 2 หลัง' });
    expect(purpose).toMatchObject({ status: 'approved', approvedSatang: '100000', referralId: referral.id, note: f.note });
    await expectPartialPatch(district, url, { note: null });
    await expectPartialPatch(district, url, { referralId: null });
    const afterDecision = await district.call('PATCH', url, { version: approved.version + 3, appliedOn: daysFromToday(0) });
    expect([afterDecision.status, afterDecision.body.code]).toEqual([422, 'funding.decided_before_applied']);
    const zero = await district.call('PATCH', url, { version: approved.version + 3, askedSatang: '0' });
    expect([zero.status, zero.body.errors?.[0].path]).toEqual([400, 'body/askedSatang']);
  });

  it('changes an application at the version read; deleting an approved one withdraws funding access', async () => {
    const group = await district.group();
    const f = await apply(group.id);
    const changed = await expectVersionedPatch(
      district,
      `/api/funding/${f.id}`,
      { ...body(group.id, { sourceCode: 'gsb' }), orgUnitCode: undefined, version: f.version },
      { purpose: 'ช้าไป' },
    );
    expect(changed.sourceCode).toBe('gsb');
    const approved = (await decide(changed, { status: 'approved', approvedSatang: '100000', decidedOn: daysFromToday(0) })).body;
    expect(await stageOf(group.id)).toBe('funding_access');
    expect((await district.call('DELETE', `/api/funding/${f.id}`, { version: approved.version })).status).toBe(204);
    expect(await stageOf(group.id)).toBe('group_formed');
  });

  it("keeps 3415 from seeing, changing or deciding 3401's applications; the committee reads but cannot write", async () => {
    const group = await district.group();
    const f = await apply(group.id);
    const url = `/api/funding/${f.id}`;
    await expectOutOfReach(district, district2, url, { ...body(group.id), orgUnitCode: undefined, version: f.version });
    expect((await district2.call('POST', `${url}/decision`, { version: f.version, status: 'withdrawn' })).status).toBe(404);
    expect((await district2.call('DELETE', url, { version: f.version })).status).toBe(404);
    expect((await district2.call('GET', '/api/funding?pageSize=200')).body.items.some((x: any) => x.id === f.id)).toBe(false);
    expect((await district2.call('POST', '/api/funding', body(group.id))).status).toBe(403);
    expect((await committee.call('GET', url)).status).toBe(200);
    expect((await committee.call('POST', `${url}/decision`, { version: f.version, status: 'withdrawn' })).status).toBe(403);
    const theirs = await district2.group({ orgUnitCode: '3415' });
    const foreign = await district.call('POST', '/api/funding', body(theirs.id));
    expect(foreign.body.code).toBe('record.other_district');
  });
});
