import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { setClock } from '../../clock';
import { api, daysFromToday } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

// PGlite runs one transaction at a time, so a race can only be lost (and the lock proven) on PostgreSQL.
const onPostgres = inject('testDatabase').kind === 'postgresql';
let t: TestContext;
let district: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
let ids: Record<string, number>;
beforeAll(async () => {
  t = await createTestContext();
  district = api(t, await t.login('demo-district'));
  district2 = api(t, await t.login('demo-district-2'));
  const rows = await t.rows(`select id, username from users`);
  ids = Object.fromEntries(rows.map((r: any) => [r.username, r.id]));
});
afterAll(() => t.close());
afterEach(() => setClock(null));

const advance = (over: object = {}) => ({
  orgUnitCode: '3401',
  borrowerId: ids['demo-district'],
  approverId: ids['demo-province'],
  purpose: 'ค่าวัสดุจัดประชุมคณะกรรมการศูนย์ฯ',
  ruleCode: 'activity',
  amountSatang: '500000',
  receivedOn: daysFromToday(0),
  ...over,
});

describe('cash advances', () => {
  it('sets the due date by rule: 30 days after receipt, or 15 days after return for travel', async () => {
    const a = await district.call(
      'POST',
      '/api/advances',
      advance({ borrowerId: ids['demo-committee'], receivedOn: '2026-04-01' }),
    );
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ dueOn: '2026-05-01', status: 'overdue', balanceSatang: '500000' });
    const noReturn = await district.call('POST', '/api/advances', advance({ ruleCode: 'travel' }));
    expect(noReturn.body.code).toBe('advance.rule_needs_return');
  });

  it('refuses an approver who is the requester or the borrower, or has no authority over the unit', async () => {
    for (const approverId of [ids['demo-district'], ids['demo-district-2'], ids['demo-committee']]) {
      const res = await district.call('POST', '/api/advances', advance({ borrowerId: ids['demo-committee'], approverId }));
      expect(res.status, String(approverId)).toBe(422);
      expect(res.body.code).toBe('advance.approver_not_allowed');
    }
  });

  it('offers as approvers only active officers whose scope covers the unit, never the asker', async () => {
    const approvers = async () =>
      (await district.call('GET', '/api/advances/approvers?unit=3401')).body.map((u: any) => u.id as number);
    const offered = await approvers();
    expect(offered).toEqual(expect.arrayContaining([ids['demo-admin'], ids['demo-province']]));
    for (const username of ['demo-district', 'demo-committee', 'demo-district-2'])
      expect(offered, username).not.toContain(ids[username]);
    // A province officer who leaves is no longer offered, and is refused if sent anyway.
    const province = api(t, await t.login('demo-province'));
    const officer = (
      await province.call('POST', '/api/users', {
        username: 'approver-34',
        displayName: 'นางสาวใจดี อนุมัติ',
        role: 'province_officer',
        orgUnitCode: '34',
        password: 'long-enough-pass',
      })
    ).body;
    expect(await approvers()).toContain(officer.id);
    expect((await province.call('PATCH', `/api/users/${officer.id}`, { version: officer.version, active: false })).status).toBe(
      200,
    );
    expect(await approvers()).not.toContain(officer.id);
    const refused = await district.call(
      'POST',
      '/api/advances',
      advance({ borrowerId: ids['demo-committee'], approverId: officer.id }),
    );
    expect(refused.body.code).toBe('advance.approver_not_allowed');
  });

  it('turns overdue the day after its due date (clock fixed in FY2569)', async () => {
    const province = api(t, await t.login('demo-province'));
    setClock('2026-03-02');
    const created = await province.call(
      'POST',
      '/api/advances',
      advance({ orgUnitCode: '34', borrowerId: ids['demo-province'], approverId: ids['demo-admin'], receivedOn: '2026-03-02' }),
    );
    expect(created.body).toMatchObject({ dueOn: '2026-04-01', status: 'open' });
    setClock('2026-04-01');
    expect((await province.call('GET', `/api/advances/${created.body.id}`)).body.status).toBe('open');
    setClock('2026-04-02');
    expect((await province.call('GET', `/api/advances/${created.body.id}`)).body.status).toBe('overdue');
    const overdue = (await province.call('GET', '/api/advances?status=overdue&unit=34')).body.items;
    expect(overdue.map((a: any) => a.id)).toContain(created.body.id);
  });

  it('refuses a second advance while one is open, then allows it once repaid in full', async () => {
    const first = (await district.call('POST', '/api/advances', advance())).body;
    const second = await district.call('POST', '/api/advances', advance({ amountSatang: '100000' }));
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'advance.outstanding' });
    expect(second.body.th).toContain('ห้ามยืมซ้ำซ้อน');
    expect(second.body.th).toContain('5,000.00');
    // People know an advance by its contract number, never by the database id.
    expect(first.contractNo).toMatch(/^\d+\/25\d\d$/);
    expect(second.body.th).toContain(`สัญญาเลขที่ ${first.contractNo} `);
    const part = await district.call('POST', `/api/advances/${first.id}/repayments`, {
      kind: 'receipts',
      amountSatang: '300000',
      repaidOn: daysFromToday(0),
    });
    expect(part.body).toMatchObject({ status: 'open', balanceSatang: '200000' });
    const over = await district.call('POST', `/api/advances/${first.id}/repayments`, {
      kind: 'cash',
      amountSatang: '200001',
      repaidOn: daysFromToday(0),
    });
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('advance.over_balance');
    const rest = await district.call('POST', `/api/advances/${first.id}/repayments`, {
      kind: 'cash',
      amountSatang: '200000',
      repaidOn: daysFromToday(0),
    });
    expect(rest.body).toMatchObject({ status: 'repaid', balanceSatang: '0' });
    const next = await district.call('POST', '/api/advances', advance({ amountSatang: '100000' }));
    expect(next.status).toBe(201);
    const [seq, year] = first.contractNo.split('/');
    expect(next.body.contractNo).toBe(`${Number(seq) + 1}/${year}`);
  });

  it.runIf(onPostgres)('never lets officers repaying at the same moment overpay (PostgreSQL: real concurrency)', async () => {
    const created = await district2.call(
      'POST',
      '/api/advances',
      advance({ orgUnitCode: '3415', borrowerId: ids['demo-district-2'] }),
    );
    expect(created.status).toBe(201);
    const pay = () =>
      district2.call('POST', `/api/advances/${created.body.id}/repayments`, {
        kind: 'cash',
        amountSatang: '200000',
        repaidOn: daysFromToday(0),
      });
    const results = await Promise.all([pay(), pay(), pay(), pay()]);
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    expect(results.filter((r) => r.status === 422).map((r) => r.body.code)).toEqual([
      'advance.over_balance',
      'advance.over_balance',
    ]);
    const [{ total }] = await t.rows(
      `select sum(amount_satang)::text as total from advance_repayments where advance_id = ${created.body.id}`,
    );
    expect(total).toBe('400000');
  });

  it('lists overdue advances and hides other districts’ ones', async () => {
    const overdue = (await district.call('GET', '/api/advances?status=overdue')).body.items;
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((a: any) => a.status === 'overdue' && a.orgUnitCode === '3401')).toBe(true);
    const mine = (await district.call('GET', '/api/advances')).body.items[0];
    expect((await district2.call('GET', `/api/advances/${mine.id}`)).status).toBe(404);
    expect(
      (
        await district2.call('POST', `/api/advances/${mine.id}/repayments`, {
          kind: 'cash',
          amountSatang: '1',
          repaidOn: daysFromToday(0),
        })
      ).status,
    ).toBe(404);
  });
});

describe('the advance contract', () => {
  it('prints the amount in words and the due date in the Buddhist Era', async () => {
    // The committee member's advance from the first test: 5,000 baht received 1 April 2569, due 30 days later.
    const committee = (await district.call('GET', '/api/advances')).body.items.find(
      (a: any) => a.borrowerId === ids['demo-committee'],
    );
    const res = await t.as(await t.login('demo-district'), { method: 'GET', url: `/api/advances/${committee.id}/contract.pdf` });
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = join(mkdtempSync(join(tmpdir(), 'thanrak-pdf-')), 'contract.pdf');
    writeFileSync(file, res.rawPayload);
    // Lines wrap where the page ends; compare the text with its line breaks folded into spaces.
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('สัญญาการยืมเงิน');
    expect(text).toContain('ห้าพันบาทถ้วน');
    expect(text).toContain('1 พฤษภาคม พ.ศ. 2569');
  });
});
