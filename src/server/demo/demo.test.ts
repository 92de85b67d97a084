/**
 * The demo data as `npm start` loads it (demo.ts seedDemoRecords), seeded once: every part checked against the
 * pipeline it must be consistent with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGES } from '#shared/groups';
import { fiscalYearOf } from '#shared/thai/index';
import { thaiToday } from '../clock';
import { createTestContext, TEST_DATA_KEY, type TestContext } from '../test/harness';
import { seedDemoRecords } from './demo';

let t: TestContext;
const cookie: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestContext();
  await seedDemoRecords(t.database.db, TEST_DATA_KEY);
  for (const name of ['demo-district', 'demo-district-2', 'demo-province']) cookie[name] = await t.login(name);
}, 600_000);
afterAll(() => t.close());

const getAs = async (who: string, url: string) => (await t.as(cookie[who], { method: 'GET', url })).json();

describe('pipeline', () => {
  const get = (url: string) => getAs('demo-province', url);

  describe('demo pipeline for Ubon Ratchathani', () => {
    it('has cash advances overdue, repaid and waiting, lent to officials only, demo-district free to borrow', async () => {
      const { items } = await get('/api/advances');
      expect(new Set(items.map((a: any) => a.status))).toEqual(new Set(['requested', 'overdue', 'repaid']));
      const repaid = items.find((a: any) => a.status === 'repaid');
      expect(repaid.repayments.map((r: any) => r.kind)).toEqual(['receipts', 'cash']);
      expect(repaid.repayments[0].receipts.map((r: any) => r.documentNo)).toHaveLength(2);
      // Approved ones cite the demo's standing provincial order (the seed's 7/2563 is left for the user to record).
      for (const a of items.filter((a: any) => a.status !== 'requested')) expect(a.approval.orderNo).toMatch(/^1250\/\d{4}$/);
      expect(items.find((a: any) => a.status === 'requested')).toMatchObject({ orgUnitCode: '3415', approval: null });
      expect(items.every((a: any) => a.borrowerPosition && a.borrowerOffice.startsWith('สำนักงานพัฒนาชุมชนอำเภอ'))).toBe(true);
      expect(items.some((a: any) => a.borrowerName.includes('กรรมการศูนย์'))).toBe(false);
      const busy = items.filter((a: any) => ['requested', 'open', 'overdue'].includes(a.status));
      expect(busy.some((a: any) => a.borrowerName.includes('สมชาย'))).toBe(false);
      // The advance waiting in 3415 is held from the activity's balance there.
      const waiting = items.find((a: any) => a.status === 'requested');
      const held = await get(`/api/budget/items/${waiting.itemId}/spending?unit=3415`);
      expect(held.advancedSatang).toBe(waiting.amountSatang);
    });

    it('has several wisdom items in every district, covering every current branch', async () => {
      const { items, total } = await get('/api/wisdom?pageSize=200');
      expect(total).toBe(75);
      expect(new Set(items.map((w: any) => w.orgUnitCode)).size).toBe(25);
      expect(new Set(items.map((w: any) => w.branchCode))).toEqual(
        new Set([
          'agriculture',
          'industry_handicraft',
          'thai_medicine',
          'natural_resources',
          'community_fund_business',
          'arts',
          'language_literature',
          'religion_tradition',
          'nutrition',
        ]),
      );
    });

    it('has a current-year activity with spending approved by the chief in 3401 and waiting for approval in 3415', async () => {
      const year = (await get('/api/pipeline')).fiscalYear;
      const [activity] = (await get(`/api/budget/items?fiscalYear=${year}`)).filter((i: any) => i.level === 'activity');
      // 3401: 8,500 paid and 1,500 in receipts approved; 2,400 waiting; demo-staff's 2,500 advance still out.
      expect(await get(`/api/budget/items/${activity.id}/spending?unit=3401`)).toMatchObject({
        allocatedSatang: '2500000',
        spentSatang: '1000000',
        pendingSatang: '240000',
        advancedSatang: '250000',
        balanceSatang: '1010000',
      });
      // 3415 has no chief account: its 12,000 payment and 3,000 advance wait, held from the balance.
      expect(await get(`/api/budget/items/${activity.id}/spending?unit=3415`)).toMatchObject({
        allocatedSatang: '2500000',
        spentSatang: '0',
        pendingSatang: '1200000',
        advancedSatang: '300000',
        balanceSatang: '1000000',
      });
    });

    it('has groups at every stage and products of all five OTOP categories', async () => {
      const pipeline = await get('/api/pipeline?unit=34');
      for (const stage of pipeline.stages) expect(stage.count, stage.stage).toBeGreaterThan(0);
      const products = await get('/api/products?pageSize=200');
      expect(new Set(products.items.map((p: any) => p.category)).size).toBe(5);
    });

    it('has certificates that are valid, expiring soon and expired', async () => {
      for (const status of ['valid', 'expiring', 'expired'])
        expect((await get(`/api/certifications?status=${status}`)).total, status).toBeGreaterThan(0);
    });

    it('splits every demo name into its title, first name and last name', async () => {
      const { items } = await get('/api/people?pageSize=200');
      expect(items.length).toBeGreaterThan(100);
      for (const p of items) {
        expect(['นาย', 'นาง', 'นางสาว'], JSON.stringify(p)).toContain(p.title);
        expect(p.firstName.length, JSON.stringify(p)).toBeGreaterThan(2);
        expect(p.firstName.startsWith('นาง') || p.firstName.startsWith('นาย'), p.firstName).toBe(false);
      }
      expect(items.map((p: any) => `${p.title}${p.firstName} ${p.lastName}`)).toContain('นางสมศรี ศรีอุบล');
    });

    it('uses real Thai craft names, not placeholders', async () => {
      const { items } = await get('/api/products?pageSize=200');
      expect(items.map((p: any) => p.name)).toContain('ผ้ากาบบัวทอมือ');
      expect(items.some((p: any) => /test|ทดสอบ/i.test(p.name))).toBe(false);
    });

    it('has partners, dozens of services over two fiscal years and four outreach trips in each demo district', async () => {
      const year = (await get('/api/pipeline')).fiscalYear;
      for (const [unit, least] of [
        ['3401', 60],
        ['3415', 40],
      ] as const) {
        expect((await get(`/api/partners?unit=${unit}`)).total, unit).toBeGreaterThanOrEqual(5);
        const services = await get(`/api/services?unit=${unit}&pageSize=200`);
        expect(services.total, unit).toBeGreaterThanOrEqual(least);
        const years = new Set<number>();
        for (const s of services.items) {
          const [y, m] = s.serviceDate.split('-').map(Number);
          years.add((m >= 10 ? y + 1 : y) + 543);
          expect(s.groups.length + s.people.length).toBeGreaterThan(0);
        }
        expect([...years].sort(), unit).toEqual([year - 1, year]);
        expect(new Set(services.items.map((s: any) => s.mode))).toEqual(new Set(['center', 'outreach']));
        const trips = await get(`/api/outreach-trips?unit=${unit}`);
        expect(trips.total, unit).toBe(4);
        expect(trips.items.map((x: any) => x.serviceCount)).toEqual([3, 3, 3, 3]);
      }
      const district = await t.login('demo-district');
      const tasks = (await t.as(district, { method: 'GET', url: '/api/tasks' })).json();
      expect(tasks.map((x: any) => x.kind)).toContain('service_follow_ups_overdue');
    });
  });
});

describe('activities', () => {
  const get = (url: string) => getAs('demo-province', url);

  describe('demo activities', () => {
    it('gives each demo district dozens of activities of every kind over two fiscal years, none in the future', async () => {
      const year = (await get('/api/pipeline')).fiscalYear;
      for (const unit of ['3401', '3415']) {
        const { items, total } = await get(`/api/activities?unit=${unit}&pageSize=200`);
        expect(total, unit).toBeGreaterThanOrEqual(24);
        expect(new Set(items.map((a: any) => a.kind))).toEqual(
          new Set(['training', 'market_event', 'study_visit', 'strengthening']),
        );
        expect(new Set(items.map((a: any) => a.topicCode).filter(Boolean)).size).toBe(5);
        expect(new Set(items.map((a: any) => a.marketKind).filter(Boolean)).size).toBe(6);
        const fiscalYears = new Set(
          items.map((a: any) => {
            const [y, m] = a.startsOn.split('-').map(Number);
            return (m >= 10 ? y + 1 : y) + 543;
          }),
        );
        expect(fiscalYears).toEqual(new Set([year - 1, year]));
        for (const a of items) {
          if (a.kind === 'training') expect(a.people.filter((p: any) => p.attended).length, a.title).toBeGreaterThanOrEqual(10);
          if (a.kind === 'market_event') {
            expect(a.groups.length).toBeGreaterThanOrEqual(3);
            expect(a.salesByGroup.length).toBe(a.groups.length);
          }
        }
        expect(items.some((a: any) => a.budgetItem)).toBe(true);
      }
    });

    it('moves the groups that trained and sold to the stages their records prove', async () => {
      const { items } = await get('/api/activities?unit=3401&kind=market_event&pageSize=1');
      const group = await get(`/api/groups/${items[0].groups[0].id}`);
      expect(group.evidence).toEqual(expect.arrayContaining(['strengthened', 'market_access']));
    });
  });
});

describe('money', () => {
  const get = getAs;

  describe('demo sales, funding and outcomes', () => {
    for (const [who, unit] of [
      ['demo-district', '3401'],
      ['demo-district-2', '3415'],
    ] as const)
      it(`gives ${unit} two fiscal years of sales in several channels, funding decided both ways and outcomes`, async () => {
        const sales = await get(who, '/api/sales?pageSize=1');
        expect(sales.total).toBeGreaterThan(40);
        const summary = await get(who, `/api/sales/summary?unit=${unit}`);
        expect(new Set(summary.points.map((p: any) => p.channelCode)).size).toBeGreaterThanOrEqual(3);
        expect(new Set(summary.points.map((p: any) => p.month)).size).toBe(12);
        const funding = (await get(who, '/api/funding?pageSize=200')).items;
        expect(new Set(funding.map((f: any) => f.status))).toEqual(new Set(['applied', 'approved', 'rejected', 'withdrawn']));
        const outcomes = (await get(who, '/api/outcomes?pageSize=200')).items;
        expect(outcomes.some((o: any) => o.verifiedBy)).toBe(true);
        expect(outcomes.some((o: any) => !o.verifiedBy)).toBe(true);
        for (const o of outcomes) expect(o.verifiedBy?.id).not.toBe(o.recordedBy.id);
        const income = outcomes.find((o: any) => o.kind === 'income_increase');
        expect(BigInt(income.income.after.amountSatang)).toBeGreaterThan(BigInt(income.income.before.amountSatang));
      });

    it('keeps stages and records consistent: sellers have market access, funded groups an approved application', async () => {
      const year = (await get('demo-province', '/api/pipeline')).fiscalYear;
      const since = `${year - 545}-10`; // the start of last fiscal year, where the demo's records begin
      for (const who of ['demo-district', 'demo-district-2']) {
        const groups = (await get(who, '/api/groups?pageSize=200')).items;
        const approved = (await get(who, '/api/funding?status=approved&pageSize=200')).items.map((f: any) => f.group.id);
        for (const g of groups) {
          const detail = await get(who, `/api/groups/${g.id}`);
          // Monthly sales rows, its products' rows and its market-event takings all prove market access.
          const sold = (await get(who, `/api/sales/summary?groupId=${g.id}&from=${since}`)).totalSatang !== '0';
          expect(detail.evidence.includes('market_access'), g.name).toBe(sold);
          if (['funding_access', 'grown'].includes(detail.stage)) expect(approved, g.name).toContain(g.id);
          if (detail.stage === 'grown') {
            const verified = (await get(who, `/api/outcomes?groupId=${g.id}&verified=yes`)).items;
            expect(verified.some((o: any) => o.kind.startsWith('became_') && o.attachments.length)).toBe(true);
          }
        }
      }
    });

    it('shows the province its districts one level down', async () => {
      const summary = await get('demo-province', '/api/sales/summary?unit=34');
      expect(summary.units.map((u: any) => u.code)).toEqual(['3401', '3415']);
    });
  });
});

describe('plans', () => {
  const get = (unit: string, url: string) => getAs(unit === '3401' ? 'demo-district' : 'demo-district-2', url);

  describe('demo needs, plans and lessons', () => {
    for (const unit of ['3401', '3415']) {
      it(`gives every group of ${unit} at "needs analysed" or beyond an analysis, and none dated in the future`, async () => {
        const { items: groups } = await get(unit, '/api/groups?pageSize=200');
        const { items: analyses } = await get(unit, '/api/needs?pageSize=200');
        const analysed = new Set(analyses.map((a: any) => a.groupId));
        const beyond = groups.filter((g: any) => STAGES.indexOf(g.stage) >= STAGES.indexOf('needs_analysed'));
        expect(beyond.length).toBeGreaterThan(0);
        for (const g of beyond) expect(analysed.has(g.id), g.name).toBe(true);
        expect(analyses.every((a: any) => a.analysedOn <= thaiToday() && a.items.length >= 3)).toBe(true);
      });

      it(`has in ${unit} a short-term plan for each of two years and a long-term plan, with projects, progress and answered lessons`, async () => {
        const year = fiscalYearOf(thaiToday()).fiscalYear;
        const { items: plans } = await get(unit, '/api/plans?pageSize=50');
        expect(plans.map((p: any) => [p.term, p.firstYear, p.lastYear]).sort()).toEqual(
          [
            ['long', year - 1, year + 2],
            ['short', year - 1, year - 1],
            ['short', year, year],
          ].sort(),
        );
        for (const p of plans) expect(p.projectCount).toBeGreaterThanOrEqual(3);
        const thisYear = plans.find((p: any) => p.term === 'short' && p.firstYear === year);
        expect(thisYear.lessons.length).toBeGreaterThan(0);
        expect(thisYear.lessons.every((l: any) => l.fiscalYear === year - 1)).toBe(true);
        const lastYear = await get(
          unit,
          `/api/plans/${plans.find((p: any) => p.firstYear === year - 1 && p.term === 'short').id}`,
        );
        expect(lastYear.projects.every((x: any) => x.progress && x.targetGroups.length && BigInt(x.budgetSatang) > 0n)).toBe(
          true,
        );
        expect(lastYear.lookedBackOn.length).toBeGreaterThan(0);
        const { items: lessons } = await get(unit, '/api/lessons?pageSize=50');
        expect(lessons.some((l: any) => l.fiscalYear === year - 1 && l.answeredBy.some((a: any) => a.id === thisYear.id))).toBe(
          true,
        );
        expect(lessons.some((l: any) => l.fiscalYear === year)).toBe(true);
      });
    }
  });
});

describe('requests', () => {
  const get = (url: string) => getAs('demo-district', url);

  describe('demo requests and referrals', () => {
    it('has dozens of requests per district over two fiscal years, across channels and statuses, some answered by services', async () => {
      const province = await t.login('demo-province');
      const year = fiscalYearOf(thaiToday()).fiscalYear;
      for (const [unit, least] of [
        ['3401', 40],
        ['3415', 28],
      ] as const) {
        const { items, total } = (await t.as(province, { method: 'GET', url: `/api/requests?unit=${unit}&pageSize=200` })).json();
        expect(total, unit).toBeGreaterThanOrEqual(least);
        expect(new Set(items.map((r: any) => r.channel))).toEqual(new Set(['walk_in', 'phone', 'letter', 'portal']));
        // What citizens sent from the portal waits, new, for the center to read it.
        expect(items.filter((r: any) => r.channel === 'portal').map((r: any) => r.status)).toEqual(
          unit === '3401' ? ['new', 'new'] : ['new'],
        );
        expect(new Set(items.map((r: any) => r.status))).toEqual(
          new Set(['new', 'in_progress', 'done', 'referred', 'declined', 'accepted']),
        );
        expect(new Set(items.map((r: any) => r.referenceCode.slice(5, 9)))).toEqual(new Set([String(year - 1), String(year)]));
        expect(items.filter((r: any) => r.service).length, unit).toBeGreaterThanOrEqual(3);
        for (const r of items) expect(r.receivedOn <= thaiToday()).toBe(true);
      }
    });

    it('has referrals to the province, the department and BAAC for groups at market access, most with results', async () => {
      const province = await t.login('demo-province');
      const { items } = (await t.as(province, { method: 'GET', url: '/api/referrals?pageSize=200' })).json();
      expect(new Set(items.map((r: any) => r.targetLevel))).toEqual(new Set(['province', 'national', 'partner']));
      const baac = items.filter((r: any) => r.partner?.name.startsWith('ธนาคารเพื่อการเกษตร'));
      expect(baac.length).toBeGreaterThan(0);
      // A loan referral goes to a group that already sells (the funding it leads to is the next stage).
      for (const r of baac) {
        const group = (await t.as(province, { method: 'GET', url: `/api/groups/${r.group.id}` })).json();
        expect(group.evidence, group.name).toContain('market_access');
      }
      expect(items.filter((r: any) => r.status === 'completed').length).toBeGreaterThan(0);
      const tasks = await get('/api/tasks');
      expect(tasks.map((x: any) => x.kind)).toEqual(expect.arrayContaining(['requests_waiting', 'referrals_without_result']));
    });
  });
});

describe('quarterly reports', () => {
  it('has approved and locked quarters, 3401 waiting for the province, 3415 returned, some districts missing', async () => {
    const { items } = await getAs('demo-province', '/api/reports?pageSize=200');
    const of = (unit: string) => items.filter((r: any) => r.orgUnitCode === unit);
    const [waiting] = of('3401').filter((r: any) => r.status === 'submitted');
    expect(waiting.figures).not.toBeNull();
    expect(of('3401').every((r: any) => r.lock === null)).toBe(true);
    const returned = of('3415').find((r: any) => r.status === 'returned');
    expect(returned.reviewComment).not.toBe('');
    expect(returned.fiscalYear * 10 + returned.quarter).toBe(waiting.fiscalYear * 10 + waiting.quarter);
    expect(
      of('3415')
        .filter((r: any) => r.status === 'approved')
        .every((r: any) => r.lock !== null),
    ).toBe(true);
    const summary = await getAs(
      'demo-province',
      `/api/reports/summary?fiscalYear=${waiting.fiscalYear}&quarter=${waiting.quarter}`,
    );
    expect(summary.total.missing).toBeGreaterThan(0);
    expect(summary.total.approved).toBeGreaterThan(0);
    expect(summary.total.submitted).toBeGreaterThan(0);
  });

  it('reports the figures its quarter’s records give, as a real submission would (every district, every quarter)', async () => {
    const { items } = await getAs('demo-province', '/api/reports?pageSize=200');
    const sent = items.filter((r: any) => r.figures);
    const quarters = new Set<string>(sent.map((r: any) => `${r.fiscalYear}-${r.quarter}`));
    for (const quarter of quarters) {
      const [fiscalYear, q] = quarter.split('-');
      const live = await getAs('demo-province', `/api/indicators/summary?unit=34&fiscalYear=${fiscalYear}&quarter=${q}`);
      for (const report of sent.filter((r: any) => `${r.fiscalYear}-${r.quarter}` === quarter)) {
        const row = live.rows.find((r: any) => r.code === report.orgUnitCode);
        expect(report.figures.results, `${report.orgUnitCode} ${quarter}`).toEqual(row.results);
      }
    }
    for (const unit of ['3401', '3415'])
      for (const report of sent.filter((r: any) => r.orgUnitCode === unit)) {
        const live = await getAs(
          unit === '3401' ? 'demo-district' : 'demo-district-2',
          `/api/indicators?unit=${unit}&fiscalYear=${report.fiscalYear}&quarter=${report.quarter}`,
        );
        expect(report.figures.indicators, `${unit} ${report.fiscalYear}-${report.quarter}`).toEqual(live.indicators);
      }
  });
});

describe('documents', () => {
  const print = (who: string, method: 'GET' | 'POST', url: string) =>
    t.as(cookie[who], { method, url, ...(method === 'POST' ? { payload: {} } : {}) });

  it('prints the demo districts’ invitations, minutes and report memos, and every reporting district has its prefix', async () => {
    for (const [who, unit, prefix] of [
      ['demo-district', '3401', 'อบ ๐๐๑๙.๑/'],
      ['demo-district-2', '3415', 'อบ ๐๐๑๙.๑๕/'],
    ]) {
      for (const [status, paper] of [
        ['planned', 'invitation'],
        ['held', 'invitation'],
        ['held', 'minutes'],
      ]) {
        const [meeting] = (await getAs(who, `/api/meetings?unit=${unit}&status=${status}`)).items;
        if (!meeting && status === 'planned') continue;
        const pdf = await print(who, 'POST', `/api/meetings/${meeting.id}/${paper}.pdf`);
        expect(pdf.statusCode, `${unit} ${status} ${paper}: ${pdf.body}`).toBe(200);
        expect(decodeURIComponent(String(pdf.headers['x-document-number']))).toMatch(
          new RegExp(`^${prefix.replace('.', '\\.')}\\d+$`),
        );
      }
    }
    const { items } = await getAs('demo-province', '/api/reports?pageSize=200');
    const districts = [...new Set<string>(items.map((r: any) => r.orgUnitCode))];
    expect(districts.length).toBeGreaterThan(2);
    for (const unit of districts)
      expect((await getAs('demo-province', `/api/offices/${unit}/letterhead`)).prefix, unit).toMatch(/^อบ ๐๐๑๙\.[๐-๙]+$/);
    for (const unit of ['3401', '3415']) {
      const report = items.find((r: any) => r.orgUnitCode === unit);
      const memo = await print('demo-province', 'GET', `/api/reports/${report.id}/report.pdf`);
      expect(memo.statusCode, `${unit}: ${memo.body}`).toBe(200);
    }
  });
});

describe('public portal', () => {
  const visit = async (url: string) => (await t.app.inject({ method: 'GET', url })).body;
  const wisdomIds = (html: string) => [...html.matchAll(/href="\/portal\/wisdom\/(\d+)"/g)].map((m) => Number(m[1]));

  it('shows a visitor the silk of Ubon with stars, a current certificate, a published contact and where to buy', async () => {
    const found = await visit(`/portal/products?q=${encodeURIComponent('ผ้าไหม')}&province=34`);
    expect(found).toContain('ผ้าไหมหางกระรอกย้อมคราม');
    expect(found).toContain('ผ้าไหมมัดหมี่ลายนาค');
    const [, id] = /href="\/portal\/products\/(\d+)">ผ้าไหมหางกระรอกย้อมคราม</.exec(found)!;
    const page = await visit(`/portal/products/${id}`);
    expect(page).toContain('2,850.00 บาท ต่อผืน');
    expect(page).toContain('5 ดาว');
    expect(page).toContain('มผช. 12/2567-3401');
    expect(page).toContain('หน้าร้านผ้าไหมแม่คำแพง โทร 045-244-871');
    expect(page).toContain('ผู้ผลิต OTOP เลขทะเบียน OTOP-3401-S01');
    expect(page).toContain('<li>ช่องทางออนไลน์</li>');
    expect(page).toContain('<meta property="og:image"');
    for (const secret of ['0812345678', '081-234-5678', 'คำแพง ศรีทองดี']) expect(page).not.toContain(secret);
    // Every silk product of the province has a certificate and stars; most groups publish a contact.
    const silk = await t.rows(`select id from products where name like 'ผ้าไหม%' and deleted_at is null`);
    for (const { id: silkId } of silk) {
      const html = await visit(`/portal/products/${silkId}`);
      expect(html, String(silkId)).toContain('ดาว');
      expect(html, String(silkId)).toContain('<dt>เลขที่ใบรับรอง</dt>');
    }
    const contacts = await t.rows('select count(public_contact)::int as n, count(*)::int as all from producers');
    expect(contacts[0].n).toBeGreaterThan(contacts[0].all / 2);
  });

  it('lists exactly the published public wisdom, credited as agreed, and keeps community, restricted and unverified items in', async () => {
    const html = (await visit('/portal/wisdom?province=34')) + (await visit('/portal/wisdom?province=34&page=2'));
    const shown = await t.rows(
      `select id from wisdom_items where access_level = 'public' and status = 'published' and deleted_at is null`,
    );
    expect(new Set(wisdomIds(html))).toEqual(new Set(shown.map((r: { id: number }) => r.id)));
    expect(shown.length).toBe(25);
    const kinds = await t.rows(
      `select access_level, status, count(*)::int as n, count(public_credit)::int as credited from wisdom_items group by 1, 2`,
    );
    const of = (access: string, status: string) => kinds.find((k: any) => k.access_level === access && k.status === status);
    expect(of('public', 'published').credited).toBeGreaterThan(15);
    expect(of('public', 'published').credited).toBeLessThan(25);
    for (const [access, status] of [
      ['community', 'surveyed'],
      ['community', 'verified'],
      ['restricted', 'verified'],
    ])
      expect(of(access, status)?.n, `${access} ${status}`).toBeGreaterThan(0);
    const [, id] = /href="\/portal\/wisdom\/(\d+)"/.exec(await visit('/portal/wisdom?district=3401'))!;
    const page = await visit(`/portal/wisdom/${id}`);
    expect(page).toContain('<dt>ผู้ถือครองภูมิปัญญา</dt>');
    expect(page).toContain('<img src="/portal/images/');
  });
});

describe('every paged list', () => {
  it('answers its own next cursor (a province officer on the demo data) with the next page, in each of its sort orders', async () => {
    type Parameter = { name: string; in: string; required?: boolean; schema?: { enum?: string[] } };
    const document = t.app.swagger() as { paths: Record<string, { get?: { parameters?: Parameter[] } }> };
    const lists = Object.entries(document.paths).filter(([, ops]) => ops.get?.parameters?.some((p) => p.name === 'cursor'));
    expect(lists.length).toBeGreaterThan(30);
    let walked = 0;
    for (const [path, ops] of lists) {
      const parameters = ops.get!.parameters!;
      const unit = parameters.some((p) => p.name === 'unit' && p.required) ? '&unit=34' : '';
      for (const sort of parameters.find((p) => p.name === 'sort')?.schema?.enum ?? [undefined]) {
        const base = `${path}?pageSize=1${unit}${sort ? `&sort=${sort}` : ''}`;
        const first = await t.as(cookie['demo-province'], { method: 'GET', url: base });
        expect(first.statusCode, base).toBe(200);
        if (!first.json().nextCursor) continue;
        const url = `${base}&cursor=${first.json().nextCursor}`;
        const next = await t.as(cookie['demo-province'], { method: 'GET', url });
        expect(next.statusCode, url).toBe(200);
        expect(next.json().items[0], url).not.toEqual(first.json().items[0]);
        walked++;
      }
    }
    // The demo data fills most lists of the province past one row, so most of them were walked.
    expect(walked).toBeGreaterThan(20);
  });
});
