import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '#shared/sales';
import { api, daysFromToday, expectOutOfReach, expectPartialPatch } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { multipart, png } from '../../test/matrix-requests';

let t: TestContext;
let district: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
let committee: ReturnType<typeof api>;
const cookie: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestContext();
  for (const name of ['demo-district', 'demo-district-2', 'demo-committee']) cookie[name] = await t.login(name);
  district = api(t, cookie['demo-district']);
  district2 = api(t, cookie['demo-district-2']);
  committee = api(t, cookie['demo-committee']);
});
afterAll(() => t.close());

const thisMonth = () => daysFromToday(0).slice(0, 7);
const outcomeBody = (groupId: number, over: Record<string, unknown> = {}) => ({
  orgUnitCode: '3401',
  groupId,
  kind: 'jobs_created',
  jobsCount: 4,
  happenedOn: daysFromToday(-10),
  reportedOn: daysFromToday(-2),
  description: 'กลุ่มจ้างสมาชิกเพิ่มในฤดูการผลิต',
  ...over,
});
const record = async (client: ReturnType<typeof api>, body: object) => {
  const res = await client.call('POST', '/api/outcomes', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const verify = (client: ReturnType<typeof api>, o: { id: number; version: number }) =>
  client.call('POST', `/api/outcomes/${o.id}/verify`, { version: o.version });
const attach = async (who: string, id: number) =>
  t.as(cookie[who], { method: 'POST', url: `/api/outcomes/${id}/attachments`, ...multipart(await png()) });
const sell = async (groupId: number, month: string, amountSatang: string) =>
  expect(
    (
      await district.call('POST', '/api/sales', {
        orgUnitCode: '3401',
        groupId,
        channelCode: 'sales_center',
        month,
        amountSatang,
      })
    ).status,
  ).toBe(201);

describe('outcomes', () => {
  it('reads an income increase from the sales records of the two periods picked, never typed by hand', async () => {
    const group = await district.group();
    const lastYear = addMonths(thisMonth(), -12);
    await sell(group.id, lastYear, '120000');
    await sell(group.id, addMonths(lastYear, 1), '80000');
    await sell(group.id, thisMonth(), '350000');
    const income = {
      before: { from: lastYear, to: addMonths(lastYear, 2) },
      after: { from: addMonths(thisMonth(), -2), to: thisMonth() },
    };
    const made = await record(committee, outcomeBody(group.id, { kind: 'income_increase', jobsCount: undefined, income }));
    expect(made.income).toEqual({
      before: { ...income.before, amountSatang: '200000' },
      after: { ...income.after, amountSatang: '350000' },
    });
    // Typed figures are not taken; no increase in the records is refused.
    const typed = await committee.call('POST', '/api/outcomes', {
      ...outcomeBody(group.id, { kind: 'income_increase', jobsCount: undefined, income }),
      incomeAfterSatang: '99999999',
    });
    expect(typed.status).toBe(400);
    const swapped = await committee.call(
      'POST',
      '/api/outcomes',
      outcomeBody(group.id, {
        kind: 'income_increase',
        jobsCount: undefined,
        income: {
          before: { from: thisMonth(), to: thisMonth() },
          after: { from: addMonths(thisMonth(), 1), to: addMonths(thisMonth(), 1) },
        },
      }),
    );
    expect(swapped.body.code).toBe('outcome.income_period_in_future');
    const flat = await committee.call(
      'POST',
      '/api/outcomes',
      outcomeBody(group.id, {
        kind: 'income_increase',
        jobsCount: undefined,
        income: { before: { from: lastYear, to: lastYear }, after: { from: addMonths(lastYear, 1), to: addMonths(lastYear, 1) } },
      }),
    );
    expect(flat.status).toBe(422);
    expect(flat.body.code).toBe('outcome.income_not_increased');
    expect(flat.body.th).toContain('1,200.00');
    const backwards = await committee.call(
      'POST',
      '/api/outcomes',
      outcomeBody(group.id, {
        kind: 'income_increase',
        jobsCount: undefined,
        income: { before: income.after, after: income.before },
      }),
    );
    expect(backwards.status).toBe(400);
  });

  it('changes only the fields a PATCH sends: the description keeps the evidence; a new kind brings its own', async () => {
    const group = await district.group();
    const lastYear = addMonths(thisMonth(), -12);
    await sell(group.id, lastYear, '120000');
    await sell(group.id, thisMonth(), '350000');
    const income = { before: { from: lastYear, to: lastYear }, after: { from: thisMonth(), to: thisMonth() } };
    const grown = await record(district, outcomeBody(group.id, { kind: 'income_increase', jobsCount: undefined, income }));
    const described = await expectPartialPatch(district, `/api/outcomes/${grown.id}`, { description: 'ยอดขายเพิ่มจากตลาดออนไลน์' });
    expect(described.income).toEqual(grown.income);

    const jobs = await record(district, outcomeBody(group.id));
    const url = `/api/outcomes/${jobs.id}`;
    await expectPartialPatch(district, url, { jobsCount: 6 });
    const early = await district.call('PATCH', url, { version: jobs.version + 1, reportedOn: daysFromToday(-20) });
    expect(early.status).toBe(400);
    expect(early.body.errors[0].path).toBe('body/reportedOn');
    const otherKind = await district.call('PATCH', url, {
      version: jobs.version + 1,
      kind: 'new_channel',
      channelCode: 'online',
    });
    expect(otherKind.status).toBe(400);
    expect(otherKind.body.errors[0].path).toBe('body/jobsCount');
    const channel = await expectPartialPatch(district, url, { kind: 'new_channel', channelCode: 'online', jobsCount: null });
    expect(channel).toMatchObject({ description: jobs.description, happenedOn: jobs.happenedOn, jobsCount: null });
  });

  it('is verified only by a district officer of the district who did not record it; verified, it is locked until unverified', async () => {
    const group = await district.group();
    const mine = await record(district, outcomeBody(group.id));
    const own = await verify(district, mine);
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('outcome.verifier_is_recorder');
    expect(own.body.th).toContain('รับรองผลลัพธ์ของตนเองไม่ได้');
    expect(own.body.en).toContain('cannot verify it');

    const theirs = await record(committee, outcomeBody(group.id));
    expect(theirs.verifiedBy).toBeNull();
    expect((await verify(committee, theirs)).status).toBe(403);
    expect((await verify(district2, theirs)).status).toBe(404);
    const verified = await verify(district, theirs);
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect(verified.body.verifiedBy.name).toContain('สมชาย');
    expect(verified.body.verifiedAt).toEqual(expect.any(String));

    const url = `/api/outcomes/${theirs.id}`;
    const edit = { ...outcomeBody(group.id, { jobsCount: 9 }), orgUnitCode: undefined, version: verified.body.version };
    for (const [client, method, payload] of [
      [district, 'PATCH', edit],
      [committee, 'PATCH', edit],
      [district, 'DELETE', { version: verified.body.version }],
    ] as const) {
      const res = await client.call(method, url, payload);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('outcome.verified_locked');
    }
    expect((await attach('demo-committee', theirs.id)).statusCode).toBe(409);
    const again = await verify(district, verified.body);
    expect(again.body.code).toBe('outcome.already_verified');

    const unverified = await district.call('POST', `${url}/unverify`, { version: verified.body.version });
    expect(unverified.status).toBe(200);
    expect(unverified.body.verifiedBy).toBeNull();
    const changed = await committee.call('PATCH', url, { ...edit, version: unverified.body.version });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.jobsCount).toBe(9);
    const audit = await t.rows(
      `select action, actor_username from audit_log where entity = 'outcome' and entity_id = '${theirs.id}' order by id`,
    );
    expect(audit.map((a) => `${a.action} ${a.actor_username}`)).toEqual([
      'create demo-committee',
      'verify demo-district',
      'unverify demo-district',
      'update demo-committee',
    ]);
  });

  it('moves a group to grown only once a growth outcome with evidence is verified, and back when unverified', async () => {
    const group = await district.group();
    const made = await record(committee, outcomeBody(group.id, { kind: 'became_sme', jobsCount: undefined }));
    const stage = async () => (await district.call('GET', `/api/groups/${group.id}`)).body;
    expect((await stage()).stage).toBe('group_formed');
    const bare = await verify(district, made);
    expect(bare.body.code).toBe('outcome.no_evidence');
    const file = await attach('demo-committee', made.id);
    expect(file.statusCode, file.body).toBe(201);
    const withFile = (await district.call('GET', `/api/outcomes/${made.id}`)).body;
    expect(withFile.attachments).toHaveLength(1);
    expect((await t.as(cookie['demo-district'], { method: 'GET', url: `/api/attachments/${file.json().id}` })).statusCode).toBe(
      200,
    );
    expect((await stage()).stage).toBe('group_formed');
    const verified = (await verify(district, withFile)).body;
    expect(await stage()).toMatchObject({ stage: 'grown', grownAs: 'sme' });
    await district.call('POST', `/api/outcomes/${made.id}/unverify`, { version: verified.version });
    expect((await stage()).stage).toBe('group_formed');
  });

  it('refuses evidence of another group, an unapproved application, dates in the future or out of order', async () => {
    const group = await district.group();
    const other = await district.group();
    const otherProduct = await district.product((await district.producer(other.id)).id);
    const ownProduct = await district.product((await district.producer(group.id)).id);
    const refused = async (over: Record<string, unknown>, status: number, code?: string) => {
      const res = await committee.call('POST', '/api/outcomes', outcomeBody(group.id, { jobsCount: undefined, ...over }));
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      if (code) expect(res.body.code).toBe(code);
    };
    await refused({ kind: 'new_product', productId: otherProduct.id }, 422, 'outcome.evidence_mismatch');
    await record(committee, outcomeBody(group.id, { kind: 'new_product', productId: ownProduct.id, jobsCount: undefined }));
    await refused({ kind: 'new_product' }, 400);
    await refused({ kind: 'new_channel', channelCode: 'teleport' }, 422, 'code.unknown');
    const application = await district.call('POST', '/api/funding', {
      orgUnitCode: '3401',
      groupId: group.id,
      sourceCode: 'village_fund',
      purpose: 'ทุนหมุนเวียนซื้อวัตถุดิบ',
      askedSatang: '3000000',
      appliedOn: daysFromToday(-30),
    });
    await refused({ kind: 'funding_received', fundingApplicationId: application.body.id }, 422, 'outcome.funding_not_approved');
    await refused({ happenedOn: daysFromToday(1), reportedOn: daysFromToday(1), jobsCount: 2 }, 422, 'outcome.date_in_future');
    await refused({ reportedOn: daysFromToday(1), jobsCount: 2 }, 422, 'outcome.date_in_future');
    await refused({ happenedOn: daysFromToday(-1), reportedOn: daysFromToday(-3), jobsCount: 2 }, 400);
    await refused({ jobsCount: 0 }, 400);
    const theirGroup = await district2.group({ orgUnitCode: '3415' });
    const foreign = await committee.call('POST', '/api/outcomes', outcomeBody(theirGroup.id));
    expect(foreign.body.code).toBe('record.other_district');
  });

  it("keeps 3415 from seeing or changing 3401's outcomes, and tells district officers what waits for them", async () => {
    const group = await district.group();
    const made = await record(committee, outcomeBody(group.id));
    const url = `/api/outcomes/${made.id}`;
    await expectOutOfReach(district, district2, url, { ...outcomeBody(group.id), orgUnitCode: undefined, version: made.version });
    expect((await district2.call('DELETE', url, { version: made.version })).status).toBe(404);
    expect((await district2.call('POST', `${url}/unverify`, { version: made.version })).status).toBe(404);
    expect((await district2.call('GET', '/api/outcomes?pageSize=200')).body.total).toBe(0);
    expect((await district2.call('POST', '/api/outcomes', outcomeBody(group.id))).status).toBe(403);

    const task = async (client: ReturnType<typeof api>) =>
      (await client.call('GET', '/api/tasks')).body.find((x: any) => x.kind === 'outcomes_to_verify');
    const waiting = await task(district);
    expect(waiting.count).toBeGreaterThanOrEqual(1);
    expect(await task(district2)).toBeUndefined();
    expect(await task(committee)).toBeUndefined();
    const mine = (await district.call('GET', '/api/outcomes?toVerify=mine&pageSize=200')).body.items.map((o: any) => o.id);
    expect(mine).toContain(made.id);
    const ownRecord = await record(district, outcomeBody(group.id));
    expect((await task(district)).count).toBe(waiting.count);
    expect(
      (await district.call('GET', '/api/outcomes?toVerify=mine&pageSize=200')).body.items.map((o: any) => o.id),
    ).not.toContain(ownRecord.id);
    await verify(district, made);
    expect((await district.call('GET', '/api/outcomes?verified=yes')).body.items.map((o: any) => o.id)).toContain(made.id);
    expect((await task(district))?.count ?? 0).toBe(waiting.count - 1);
  });

  it('lets a committee member change only the outcomes they recorded', async () => {
    const group = await district.group();
    const officers = await record(district, outcomeBody(group.id));
    const res = await committee.call('PATCH', `/api/outcomes/${officers.id}`, {
      ...outcomeBody(group.id),
      orgUnitCode: undefined,
      version: officers.version,
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('service.not_own_record');
    expect((await attach('demo-committee', officers.id)).statusCode).toBe(403);
  });
});
