import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommitteeCategory, type CommitteeDetail, compositionProblems } from '#shared/committees';
import { api, daysFromToday, expectPartialPatch } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { pdfText } from '../../test/poppler';
import { memberRows, orderDefinition } from './order.documents';

let t: TestContext;
let district: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
let province: ReturnType<typeof api>;
let admin: ReturnType<typeof api>;
let committee: ReturnType<typeof api>;
beforeAll(async () => {
  t = await createTestContext();
  district = api(t, await t.login('demo-district'));
  district2 = api(t, await t.login('demo-district-2'));
  province = api(t, await t.login('demo-province'));
  admin = api(t, await t.login('demo-admin'));
  committee = api(t, await t.login('demo-committee'));
});
afterAll(() => t.close());

type Counts = Partial<Record<CommitteeCategory, number>>;
const POSITION: Record<CommitteeCategory, string> = {
  chair: 'chair',
  secretary: 'secretary',
  agency: 'member',
  network: 'member',
};
/** Named members by category (officials typed by name), in the order chair, agency, network, secretary. */
const members = ({ chair = 1, secretary = 1, agency = 5, network = 4 }: Counts = {}) =>
  (
    [
      ['chair', chair],
      ['agency', agency],
      ['network', network],
      ['secretary', secretary],
    ] as const
  ).flatMap(([category, n]) =>
    Array.from({ length: n }, (_, i) => ({
      name: `นาย${category}${i + 1} ทดสอบ`,
      title: category === 'agency' ? `ผู้แทนหน่วยงานที่ ${i + 1}` : '',
      category,
      positionCode: POSITION[category],
    })),
  );

let year = 2000;
/** A term of its own year, so terms of one district never overlap unless a test means them to. */
const termBody = (over: Record<string, unknown> = {}) => {
  const y = year++;
  return {
    orgUnitCode: '3401',
    orderNumber: `${y - 1990}/2569`,
    orderDate: daysFromToday(0),
    signedBy: 'นายสมศักดิ์ รักษ์ถิ่น',
    termStart: `${y}-01-01`,
    termEnd: `${y}-12-31`,
    note: '',
    members: members(),
    ...over,
  };
};
const created = async (over: Record<string, unknown> = {}, client = district) => {
  const res = await client.call('POST', '/api/committees', termBody(over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as CommitteeDetail;
};
const editable = (c: CommitteeDetail) => ({
  version: c.version,
  orderNumber: c.orderNumber,
  orderDate: c.orderDate,
  signedBy: c.signedBy,
  termStart: c.termStart,
  termEnd: c.termEnd,
  note: c.note,
  members: c.members.map((m) => ({
    id: m.id,
    ...(m.person ? { personId: m.person.id } : { name: m.name }),
    title: m.title,
    category: m.category,
    positionCode: m.positionCode,
    sort: m.sort,
  })),
});
const codes = (c: { composition: { problems: { code: string }[] } }) => c.composition.problems.map((p) => p.code);

describe('the composition rule', () => {
  it('wants 11 to 15 members: 10 and 16 warn, 11 and 15 pass', () => {
    expect(compositionProblems(members({ network: 3 }), false).map((p) => p.code)).toEqual(['too_few_members', 'network_count']);
    expect(compositionProblems(members({ network: 4 }), false)).toEqual([]);
    expect(compositionProblems(members({ network: 8 }), false)).toEqual([]);
    expect(compositionProblems(members({ network: 9 }), false)).toEqual([
      { code: 'too_many_members', count: 16, min: 11, max: 15 },
      { code: 'network_count', count: 9, min: 4, max: 8 },
    ]);
  });
  it('wants one chair, one secretary and five agency representatives', () => {
    expect(compositionProblems(members({ chair: 2, network: 4 }), false)).toEqual([
      { code: 'chair_count', count: 2, min: 1, max: 1 },
    ]);
    expect(compositionProblems(members({ secretary: 0, network: 5 }), false)).toEqual([
      { code: 'secretary_count', count: 0, min: 1, max: 1 },
    ]);
    expect(compositionProblems(members({ agency: 4, network: 5 }), false)).toEqual([
      { code: 'agency_count', count: 4, min: 5, max: 5 },
    ]);
  });
  it('is off for a district with the exception', () => {
    expect(compositionProblems(members({ chair: 0, network: 1 }), true)).toEqual([]);
  });
});

describe('committee terms', () => {
  it('saves a term that breaks the rule, with the problems as warnings', async () => {
    const ok = await created();
    expect(ok.composition).toEqual({ valid: true, exception: null, problems: [] });
    expect(ok.memberCount).toBe(11);
    const short = await created({ members: members({ agency: 4, network: 3 }) });
    expect(short.composition.valid).toBe(false);
    expect(codes(short)).toEqual(['too_few_members', 'agency_count', 'network_count']);
    const two = await created({ members: members({ chair: 2 }) });
    expect(codes(two)).toEqual(['chair_count']);
    const listed = (await district.call('GET', '/api/committees?unit=3401&pageSize=200')).body.items;
    expect(listed.find((c: any) => c.id === short.id).composition.problems).toHaveLength(3);
    // The department's list spans provinces: each term names its district, which the page can't look up itself.
    const national = (await admin.call('GET', '/api/committees?pageSize=200')).body.items;
    expect(national.find((c: any) => c.id === short.id)).toMatchObject({
      unitNameTh: 'เมืองอุบลราชธานี',
      unitNameEn: 'Mueang Ubon Ratchathani',
    });
  });

  it('lists members chair first and secretary last', async () => {
    const c = await created();
    expect(c.members[0].category).toBe('chair');
    expect(c.members.at(-1)!.category).toBe('secretary');
  });

  it('refuses a person of another district, the same person twice and an overlapping term', async () => {
    const other = await district2.person({ orgUnitCode: '3415' });
    const foreign = await district.call(
      'POST',
      '/api/committees',
      termBody({ members: [...members(), { personId: other.id, category: 'network', positionCode: 'member' }] }),
    );
    expect(foreign.status).toBe(422);
    expect(foreign.body.code).toBe('record.other_district');
    const mine = await district.person();
    const twice = await district.call(
      'POST',
      '/api/committees',
      termBody({
        members: [
          ...members({ network: 3 }),
          { personId: mine.id, category: 'network', positionCode: 'member' },
          { personId: mine.id, category: 'network', positionCode: 'funding' },
        ],
      }),
    );
    expect(twice.status).toBe(400);
    const first = await created({ termStart: '1990-01-01', termEnd: '1991-12-31' });
    const overlap = await district.call('POST', '/api/committees', termBody({ termStart: '1991-06-01', termEnd: '1993-05-31' }));
    expect(overlap.status).toBe(409);
    expect(overlap.body.code).toBe('committee.term_overlap');
    expect(overlap.body.th).toContain(first.orderNumber);
    // The same term in another district does not overlap.
    const elsewhere = await district2.call(
      'POST',
      '/api/committees',
      termBody({ orgUnitCode: '3415', termStart: '1991-06-01', termEnd: '1993-05-31' }),
    );
    expect(elsewhere.status, JSON.stringify(elsewhere.body)).toBe(201);
    // A change of the term itself does not overlap with itself.
    const moved = await district.call('PATCH', `/api/committees/${first.id}`, { ...editable(first), termEnd: '1991-03-31' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  });

  it('refuses a future order date and an unknown position', async () => {
    const future = await district.call('POST', '/api/committees', termBody({ orderDate: daysFromToday(1) }));
    expect(future.body.code).toBe('committee.order_date_in_future');
    const unknown = await district.call(
      'POST',
      '/api/committees',
      termBody({ members: [{ name: 'นายหนึ่ง', category: 'chair', positionCode: 'king' }] }),
    );
    expect(unknown.body.code).toBe('code.unknown');
  });

  it('edits members in place and warns when an agency representative is removed', async () => {
    const person = await district.person();
    const c = await created({
      members: [...members({ network: 3 }), { personId: person.id, category: 'network', positionCode: 'marketing' }],
    });
    expect(c.composition.valid).toBe(true);
    const body = editable(c);
    const agencyIndex = body.members.findIndex((m) => m.category === 'agency');
    body.members.splice(agencyIndex, 1);
    body.members.push({ name: 'นางใหม่ เข้ามา', title: '', category: 'network', positionCode: 'member' } as any);
    const res = await district.call('PATCH', `/api/committees/${c.id}`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(codes(res.body)).toEqual(['agency_count']);
    expect(res.body.composition.problems[0]).toMatchObject({ count: 4, min: 5 });
    // Kept members keep their ids; the removed one is gone.
    const kept = c.members.filter((_, i) => i !== c.members.findIndex((m) => m.category === 'agency')).map((m) => m.id);
    expect(res.body.members.map((m: any) => m.id)).toEqual(expect.arrayContaining(kept));
    expect(res.body.members).toHaveLength(11);
    expect(res.body.members.find((m: any) => m.person?.id === person.id).name).toContain(person.firstName);
    // The audit entry lists the members before and after in Thai words.
    const [entry] = await t.rows(
      `select changes from audit_log where entity = 'committee' and entity_id = '${c.id}' and action = 'update'`,
    );
    expect(entry.changes.members.after.join('\n')).toContain('นางใหม่ เข้ามา · ผู้แทนเครือข่าย');
    // A member id of another term is refused.
    const other = await created();
    const foreignMember = await district.call('PATCH', `/api/committees/${c.id}`, {
      ...editable(res.body),
      members: [...editable(res.body).members, { ...editable(other).members[0] }],
    });
    expect(foreignMember.body.code).toBe('committee.member_not_found');
    // A stale version is refused.
    expect((await district.call('PATCH', `/api/committees/${c.id}`, editable(c))).status).toBe(409);
  });

  it('changes only the fields a PATCH sends: the signer alone keeps every member in place, unaudited', async () => {
    const person = await district.person();
    const c = await created({
      note: 'แต่งตั้งแทนชุดเดิม',
      members: [...members({ network: 3 }), { personId: person.id, category: 'network', positionCode: 'marketing' }],
    });
    const url = `/api/committees/${c.id}`;
    const stored = async () => t.rows(`select * from committee_members where committee_id = ${c.id} order by id`);
    const membersBefore = await stored();
    const noted = await expectPartialPatch(district, url, { signedBy: 'นายวิชัย ใจซื่อ' });
    expect(noted.members).toEqual(c.members);
    expect(await stored()).toEqual(membersBefore);
    const [entry] = await t.rows(
      `select changes from audit_log where entity = 'committee' and entity_id = '${c.id}' and action = 'update'`,
    );
    expect(entry.changes.members).toBeUndefined();
    await expectPartialPatch(district, url, { note: null });
    const backwards = await district.call('PATCH', url, { version: noted.version + 1, termEnd: '1900-01-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors[0].path).toBe('body/termEnd');
    expect((await district.call('PATCH', url, { version: noted.version + 1, members: null })).status).toBe(400);
  });

  it('refuses removing a member that meeting attendance or a resolution points at, and deleting a term with meetings', async () => {
    const c = await created();
    const [user] = await t.rows("select id from users where username = 'demo-district'");
    // Meetings belong to another part of this issue: a meeting and its attendance are inserted by SQL here.
    const [meeting] = await t.rows(
      `insert into meetings (org_unit_code, committee_id, number, fiscal_year, held_on, place, created_by)
       values ('3401', ${c.id}, 1, 2400, '${c.termStart}', 'ห้องประชุมอำเภอ', ${user.id}) returning id`,
    );
    const attendee = c.members[1];
    await t.rows(`insert into meeting_attendees (meeting_id, member_id, attended) values (${meeting.id}, ${attendee.id}, true)`);
    const body = editable(c);
    body.members = body.members.filter((m) => m.id !== attendee.id);
    const refused = await district.call('PATCH', `/api/committees/${c.id}`, body);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('committee.member_in_use');
    expect(refused.body.th).toContain(attendee.name);
    expect((await t.rows(`select count(*)::int as n from committee_members where committee_id = ${c.id}`))[0].n).toBe(11);
    // A resolution owner is kept the same way.
    const owner = c.members[2];
    await t.rows(
      `insert into meeting_resolutions (org_unit_code, meeting_id, text, owner_member_id) values ('3401', ${meeting.id}, 'จัดทำแผน', ${owner.id})`,
    );
    const body2 = editable(c);
    body2.members = body2.members.filter((m) => m.id !== owner.id);
    expect((await district.call('PATCH', `/api/committees/${c.id}`, body2)).body.code).toBe('committee.member_in_use');
    const del = await district.call('DELETE', `/api/committees/${c.id}`, { version: c.version });
    expect(del.status).toBe(409);
    expect(del.body.code).toBe('committee.has_meetings');
    // Without meetings a term is deleted (soft) and no longer found.
    const free = await created();
    expect((await district.call('DELETE', `/api/committees/${free.id}`, { version: free.version })).status).toBe(204);
    expect((await district.call('GET', `/api/committees/${free.id}`)).status).toBe(404);
  });

  it('is read in scope and written by its own district only', async () => {
    const c = await created();
    expect((await district2.call('GET', `/api/committees/${c.id}`)).status).toBe(404);
    expect((await district2.call('PATCH', `/api/committees/${c.id}`, editable(c))).status).toBe(404);
    expect((await district2.call('GET', '/api/committees?unit=3401')).body.items).toEqual([]);
    expect((await province.call('GET', `/api/committees/${c.id}`)).status).toBe(200);
    expect((await committee.call('GET', `/api/committees/${c.id}`)).status).toBe(200);
    expect((await province.call('PATCH', `/api/committees/${c.id}`, editable(c))).status).toBe(403);
    expect((await province.call('POST', '/api/committees', termBody())).status).toBe(403);
    expect((await district2.call('POST', '/api/committees', termBody())).status).toBe(403);
  });
});

describe('the legacy-mechanism exception', () => {
  it('is recorded by the department only, switches the check off, and its revocation switches it back', async () => {
    const c = await created({ members: members({ agency: 4, network: 3 }) });
    expect(c.composition.valid).toBe(false);
    const body = {
      orgUnitCode: '3401',
      letterNumber: 'มท 0402.3/1234',
      letterDate: daysFromToday(-10),
      reason: 'กลไกเดิมทำงานได้ดี',
    };
    expect((await district.call('POST', '/api/committee-exceptions', body)).status).toBe(403);
    expect((await province.call('POST', '/api/committee-exceptions', body)).status).toBe(403);
    const made = await admin.call('POST', '/api/committee-exceptions', body);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect((await admin.call('POST', '/api/committee-exceptions', body)).body.code).toBe('committee_exception.exists');
    const off = (await district.call('GET', `/api/committees/${c.id}`)).body;
    expect(off.composition).toEqual({
      valid: true,
      exception: { letterNumber: 'มท 0402.3/1234', letterDate: body.letterDate },
      problems: [],
    });
    // Province and district read the exceptions of their scope; another district sees none.
    expect((await province.call('GET', '/api/committee-exceptions')).body.items.map((e: any) => e.orgUnitCode)).toContain('3401');
    expect((await district.call('GET', '/api/committee-exceptions')).body.items).toHaveLength(1);
    expect((await district2.call('GET', '/api/committee-exceptions')).body.items).toEqual([]);
    expect(
      (await district.call('DELETE', `/api/committee-exceptions/${made.body.id}`, { version: made.body.version })).status,
    ).toBe(403);
    expect((await admin.call('DELETE', `/api/committee-exceptions/${made.body.id}`, { version: made.body.version })).status).toBe(
      204,
    );
    const on = (await district.call('GET', `/api/committees/${c.id}`)).body;
    expect(on.composition.exception).toBeNull();
    expect(codes(on)).toEqual(['too_few_members', 'agency_count', 'network_count']);
    // After the revocation a new one may be recorded again.
    expect((await admin.call('POST', '/api/committee-exceptions', { ...body, letterNumber: 'มท 0402.3/99' })).status).toBe(201);
    const again = (await admin.call('GET', '/api/committee-exceptions?unit=3401')).body.items[0];
    expect((await admin.call('DELETE', `/api/committee-exceptions/${again.id}`, { version: again.version })).status).toBe(204);
  });
});

describe('the appointing order', () => {
  it('lists the members in order, chair first and secretary last', () => {
    const term = {
      id: 1,
      orgUnitCode: '3401',
      unitNameTh: 'เมืองอุบลราชธานี',
      unitNameEn: 'Mueang Ubon Ratchathani',
      orderNumber: '123/2569',
      orderDate: '2026-01-15',
      signedBy: 'นายสมศักดิ์ รักษ์ถิ่น',
      termStart: '2026-01-15',
      termEnd: '2028-01-14',
      note: '',
      memberCount: 3,
      composition: { valid: false, exception: null, problems: [] },
      version: 1,
      members: [
        {
          id: 3,
          person: null,
          name: 'นายเลขา',
          title: 'พัฒนาการอำเภอ',
          category: 'secretary',
          positionCode: 'secretary',
          sort: 1,
        },
        { id: 2, person: null, name: 'นางสมาชิก', title: '', category: 'network', positionCode: 'marketing', sort: 2 },
        { id: 1, person: null, name: 'นายประธาน', title: 'นายอำเภอ', category: 'chair', positionCode: 'chair', sort: 3 },
      ],
    } satisfies CommitteeDetail;
    const names: Record<string, string> = { chair: 'ประธานกรรมการ', secretary: 'กรรมการและเลขานุการ', marketing: 'กรรมการ' };
    expect(memberRows(term, (c) => names[c])).toEqual([
      { number: 1, name: 'นายประธาน นายอำเภอ', position: 'ประธานกรรมการ' },
      { number: 2, name: 'นางสมาชิก', position: 'กรรมการ' },
      { number: 3, name: 'นายเลขา พัฒนาการอำเภอ', position: 'กรรมการและเลขานุการ' },
    ]);
    const text = JSON.stringify(
      orderDefinition(term, { districtName: 'เมืองอุบลราชธานี', emblem: null, positionName: (c) => names[c] }),
    );
    expect(text).toContain('๑๕');
  });

  it('renders as a PDF with the heading, the members and the Thai date', async () => {
    const c = await created({ orderNumber: '77/2569', orderDate: '2026-01-15' });
    const res = await t.as(await t.login('demo-province'), { method: 'GET', url: `/api/committees/${c.id}/order.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    // ำ comes out of the PDF as ํา (its NFKC form, see pdf.ts): compare both sides in that form.
    const text = pdfText(res.rawPayload).replace(/\s+/g, ' ').normalize('NFKC');
    for (const line of [
      'คำสั่งอำเภอเมืองอุบลราชธานี',
      'ที่ ๗๗/๒๕๖๙',
      'เรื่อง แต่งตั้งคณะกรรมการศูนย์บริการส่งเสริมเศรษฐกิจฐานรากอำเภอเมืองอุบลราชธานี',
      'ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป',
      'สั่ง ณ วันที่ ๑๕ มกราคม พ.ศ. ๒๕๖๙',
      '(นายสมศักดิ์ รักษ์ถิ่น) นายอำเภอเมืองอุบลราชธานี',
    ])
      expect(text).toContain(line.normalize('NFKC'));
    expect(text.indexOf('๑. นายchair๑')).toBeLessThan(text.indexOf('๑๑. นายsecretary๑'));
    expect((await district2.call('GET', `/api/committees/${c.id}/order.pdf`)).status).toBe(404);
  });
});
