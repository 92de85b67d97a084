import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toThaiDigits } from '#shared/thai/digits';
import { setClock } from '../../clock';
import { api, expectPartialPatch } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { multipart, png } from '../../test/matrix-requests';
import { pdfText, squeeze } from '../../test/poppler';
import { type CommitteeFixture, insertCommittee } from './committee-fixture';

let t: TestContext;
let district: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
let province: ReturnType<typeof api>;
let admin: ReturnType<typeof api>;
// Committee terms are another feature's records: set up here with plain SQL (committee-fixture.ts).
let term: CommitteeFixture;
let oldTerm: CommitteeFixture;
let term3415: CommitteeFixture;
const cookie: Record<string, string> = {};

beforeAll(async () => {
  setClock('2026-05-15'); // FY2569, quarter 3
  t = await createTestContext();
  for (const name of ['demo-district', 'demo-district-2', 'demo-province', 'demo-admin']) cookie[name] = await t.login(name);
  district = api(t, cookie['demo-district']);
  district2 = api(t, cookie['demo-district-2']);
  province = api(t, cookie['demo-province']);
  admin = api(t, cookie['demo-admin']);
  const rows = (query: string) => t.rows(query);
  oldTerm = await insertCommittee(rows, '3401', { termStart: '2020-10-01', termEnd: '2024-09-30' });
  term = await insertCommittee(rows, '3401', { members: 12, termStart: '2024-10-01', termEnd: '2028-09-30' });
  term3415 = await insertCommittee(rows, '3415');
  const letterhead = await district.call('PUT', '/api/offices/3401/letterhead', {
    prefix: 'อบ ๐๐๑๗.๑',
    phone: '0 4524 4111',
    email: '',
    version: 0,
  });
  expect(letterhead.status, JSON.stringify(letterhead.body)).toBe(200);
});
afterAll(async () => {
  setClock(null);
  await t.close();
});

const AGENDA = [
  { kind: 'announcement', title: 'เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ' },
  { kind: 'consideration', title: 'พิจารณาแผนการออกหน่วยเชิงรุก' },
];
const plan = (heldOn: string, over: object = {}) => ({
  orgUnitCode: '3401',
  heldOn,
  startsAt: '09:30',
  place: 'ห้องประชุมที่ว่าการอำเภอเมืองอุบลราชธานี',
  agenda: AGENDA,
  ...over,
});
const planned = async (heldOn: string, over: object = {}, client = district) => {
  const res = await client.call('POST', '/api/meetings', plan(heldOn, over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
/** Minutes with the first `present` members of the term present. */
const minutes = (version: number, present: number, over: object = {}) => ({
  version,
  attendance: term.memberIds.map((memberId, i) => ({ memberId, attended: i < present, note: i < present ? '' : 'ติดราชการ' })),
  guests: 'นายสมชาย ใจดี ผู้แทนสำนักงานเกษตรอำเภอ',
  openedAt: '09:30',
  closedAt: '12:00',
  minutes: [{ seq: 2, minutes: 'ที่ประชุมหารือแผนการออกหน่วยในไตรมาสหน้า' }],
  minutesBy: 'นางสาวจดบันทึก ตั้งใจ',
  minutesCheckedBy: 'นายตรวจทาน ถูกต้อง',
  resolutions: [{ agendaSeq: 2, text: 'ให้ออกหน่วยเชิงรุก 2 ครั้ง', ownerMemberId: term.memberIds[0], dueOn: '2026-05-25' }],
  ...over,
});
const record = (id: number, body: object) => district.call('POST', `/api/meetings/${id}/minutes`, body);
const statusOf = async (id: number) => (await t.rows(`select status from meetings where id = ${id}`))[0].status;

describe('planning meetings', () => {
  it('numbers meetings per district and fiscal year, from the term in force on the day, inviting every member', async () => {
    const first = await planned('2026-04-02');
    const second = await planned('2026-05-10');
    const nextYear = await planned('2026-10-05'); // planned ahead: fine
    const other = await planned('2026-05-10', { orgUnitCode: '3415' }, district2);
    expect([first.number, second.number - first.number]).toEqual([first.number, 1]);
    expect(nextYear).toMatchObject({ number: 1, fiscalYear: 2570, quarter: 1, status: 'planned' });
    expect(other).toMatchObject({ number: 1, fiscalYear: 2569, quarter: 3, committeeId: term3415.committeeId });
    expect(second).toMatchObject({ committeeId: term.committeeId, quorumPercent: 50, invitedCount: 12, membersCount: 12 });
    expect(second.agenda.map((a: { seq: number }) => a.seq)).toEqual([1, 2]);
    const old = await planned('2024-03-01');
    expect(old).toMatchObject({ committeeId: oldTerm.committeeId, fiscalYear: 2567, membersCount: 11 });
  });

  it('refuses a date with no term in force, and invitations outside the term', async () => {
    const none = await district.call('POST', '/api/meetings', plan('2019-05-01'));
    expect([none.status, none.body.code]).toEqual([422, 'meeting.no_committee']);
    const otherTerm = await district.call(
      'POST',
      '/api/meetings',
      plan('2026-05-10', { invitedMemberIds: [oldTerm.memberIds[0]] }),
    );
    expect([otherTerm.status, otherTerm.body.code]).toEqual([422, 'meeting.member_not_in_term']);
    const otherDistrict = await district.call(
      'POST',
      '/api/meetings',
      plan('2026-05-10', { invitedMemberIds: [term.memberIds[0], term3415.memberIds[0]] }),
    );
    expect([otherDistrict.status, otherDistrict.body.code]).toEqual([422, 'record.other_district']);
  });

  it('changes and cancels only while planned', async () => {
    const m = await planned('2026-05-12');
    const moved = await district.call('PATCH', `/api/meetings/${m.id}`, {
      version: m.version,
      heldOn: '2026-10-20',
      startsAt: '13:30',
      place: 'ศาลาประชาคม',
      agenda: [AGENDA[0]],
      invitedMemberIds: term.memberIds.slice(0, 5),
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ fiscalYear: 2570, invitedCount: 5, startsAt: '13:30' });
    expect(moved.body.number).toBeGreaterThan(1);
    const cancelled = await district.call('POST', `/api/meetings/${m.id}/cancel`, { version: moved.body.version });
    expect(cancelled.body.status).toBe('cancelled');
    const again = await district.call('POST', `/api/meetings/${m.id}/cancel`, { version: cancelled.body.version });
    expect([again.status, again.body.code]).toEqual([409, 'meeting.not_planned']);
  });

  it('changes only the fields a PATCH sends: the place alone keeps agenda and invitations; null invites the whole term', async () => {
    const m = await planned('2026-05-13', { invitedMemberIds: term.memberIds.slice(0, 4) });
    const url = `/api/meetings/${m.id}`;
    const placed = await expectPartialPatch(district, url, { place: 'ศาลาประชาคมบ้านหนองบัว' });
    expect(placed).toMatchObject({ invitedCount: 4, agenda: AGENDA });
    await expectPartialPatch(district, url, { agenda: [AGENDA[1]] });
    const everyone = await expectPartialPatch(district, url, { invitedMemberIds: null }, ['attendees', 'invitedCount']);
    expect(everyone.invitedCount).toBe(12);
    // Invitations belong to the term of the day: a day in the earlier term needs them anew (null: all of that term).
    const otherTerm = await district.call('PATCH', url, { version: everyone.version, heldOn: '2024-03-04' });
    expect([otherTerm.status, otherTerm.body.code]).toEqual([422, 'meeting.member_not_in_term']);
    const moved = await expectPartialPatch(district, url, { heldOn: '2024-03-04', invitedMemberIds: null }, [
      'attendees',
      'committeeId',
      'fiscalYear',
      'number',
      'quarter',
      'invitedCount',
      'membersCount',
    ]);
    expect(moved).toMatchObject({ committeeId: oldTerm.committeeId, fiscalYear: 2567, invitedCount: 11, place: placed.place });
    const noAgenda = await district.call('PATCH', url, { version: moved.version, agenda: null });
    expect(noAgenda.status).toBe(400);
    expect(noAgenda.body.errors[0].path).toBe('body/agenda');
  });

  it('refuses a meeting dated in a locked quarter', async () => {
    const [user] = await t.rows("select id from users where username = 'demo-province'");
    await t.rows(
      `insert into quarter_locks (org_unit_code, fiscal_year, quarter, locked_by) values ('3401', 2569, 2, ${user.id})`,
    );
    const locked = await district.call('POST', '/api/meetings', plan('2026-02-10'));
    expect([locked.status, locked.body.code]).toEqual([409, 'quarter.locked']);
    expect(await t.rows("select id from meetings where held_on = '2026-02-10'")).toEqual([]);
  });
});

describe('recording a meeting', () => {
  it('cannot record a meeting dated in the future as held', async () => {
    const m = await planned('2026-06-01');
    const res = await record(m.id, minutes(m.version, 10));
    expect([res.status, res.body.code]).toEqual([422, 'meeting.held_in_future']);
    expect(await statusOf(m.id)).toBe('planned');
  });

  it('refuses minutes that close before the meeting opened, saying so in Thai under the closing time', async () => {
    const m = await planned('2026-05-12');
    const res = await record(m.id, minutes(m.version, 10, { openedAt: '13:00', closedAt: '09:00' }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'body/closedAt', th: 'เวลาเลิกประชุมต้องไม่ก่อนเวลาเริ่มประชุม' })]);
    expect(await statusOf(m.id)).toBe('planned');
    expect((await record(m.id, minutes(m.version, 10, { openedAt: '13:00', closedAt: '13:00' }))).status).toBe(200);
  });

  it('refuses a meeting without any attendee, a resolution due before the meeting, and owners outside the term', async () => {
    const m = await planned('2026-05-11');
    const cases: [object, string][] = [
      [minutes(m.version, 0, { resolutions: [] }), 'meeting.no_attendees'],
      [
        minutes(m.version, 10, { resolutions: [{ agendaSeq: 2, text: 'ทำย้อนหลัง', ownerMemberId: null, dueOn: '2026-05-10' }] }),
        'meeting.resolution_due_before',
      ],
      [
        minutes(m.version, 10, {
          resolutions: [{ agendaSeq: 2, text: 'มอบหมาย', ownerMemberId: oldTerm.memberIds[1], dueOn: null }],
        }),
        'meeting.member_not_in_term',
      ],
      [
        minutes(m.version, 10, {
          resolutions: [{ agendaSeq: 2, text: 'มอบหมาย', ownerMemberId: term3415.memberIds[1], dueOn: null }],
        }),
        'record.other_district',
      ],
      [
        minutes(m.version, 10, {
          attendance: [{ memberId: term3415.memberIds[0], attended: true, note: '' }],
          resolutions: [],
        }),
        'record.other_district',
      ],
    ];
    for (const [body, code] of cases) {
      const res = await record(m.id, body);
      expect([res.status, res.body.code], code).toEqual([422, code]);
    }
    expect(await statusOf(m.id)).toBe('planned');
    expect(await t.rows(`select id from meeting_resolutions where meeting_id = ${m.id}`)).toEqual([]);
  });

  it('is quorate only with strictly more than half the members: exactly half passes no resolution', async () => {
    const half = await planned('2026-05-12');
    const refused = await record(half.id, minutes(half.version, 6));
    expect([refused.status, refused.body.code]).toEqual([422, 'meeting.no_quorum_resolutions']);
    expect(refused.body.th).toContain('6 จาก 12');
    const noQuorum = await record(half.id, minutes(half.version, 6, { resolutions: [] }));
    expect(noQuorum.status, JSON.stringify(noQuorum.body)).toBe(200);
    expect(noQuorum.body).toMatchObject({ status: 'held', attendedCount: 6, membersCount: 12, quorate: false, resolutions: [] });

    const more = await planned('2026-05-13');
    const held = await record(more.id, minutes(more.version, 7));
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    expect(held.body).toMatchObject({ status: 'held', attendedCount: 7, quorate: true, openedAt: '09:30', closedAt: '12:00' });
    expect(held.body.agenda[1].minutes).toContain('ออกหน่วย');
    expect(held.body.attendees.find((a: { attended: boolean }) => !a.attended).note).toBe('ติดราชการ');
    expect(held.body.resolutions).toMatchObject([{ agendaSeq: 2, status: 'open', owner: { name: 'กรรมการ 1' } }]);
    const twice = await record(more.id, minutes(held.body.version, 7));
    expect([twice.status, twice.body.code]).toEqual([409, 'meeting.not_planned']);
  });

  it('copies the quorum setting into each new meeting; only the department changes it, audited', async () => {
    expect((await district.call('GET', '/api/settings/meeting-quorum')).body).toEqual({ percent: 50 });
    expect((await province.call('PUT', '/api/settings/meeting-quorum', { percent: 60 })).status).toBe(403);
    const before = await planned('2026-05-14');
    expect((await admin.call('PUT', '/api/settings/meeting-quorum', { percent: 60 })).status).toBe(200);
    const after = await planned('2026-05-14');
    expect([before.quorumPercent, after.quorumPercent]).toEqual([50, 60]);
    // 7 of 12 is 58%: quorate under 50, not under 60.
    const held = await record(after.id, minutes(after.version, 7, { resolutions: [] }));
    expect(held.body.quorate).toBe(false);
    const [entry] = await t.rows(
      "select changes from audit_log where entity = 'system_settings' and entity_id = 'meeting_quorum_percent'",
    );
    expect(entry.changes.meetingQuorumPercent.after).toBe(60);
    await admin.call('PUT', '/api/settings/meeting-quorum', { percent: 50 });
  });
});

describe('resolutions', () => {
  it('are followed up: done needs the day it was done; due ones appear in my tasks', async () => {
    const m = await planned('2026-05-14');
    const held = (await record(m.id, minutes(m.version, 9))).body;
    const r = held.resolutions[0];
    const tasks = (await district.call('GET', '/api/tasks')).body;
    expect(tasks.find((task: { kind: string }) => task.kind === 'resolutions_due')).toMatchObject({ dueOn: '2026-05-25' });
    const noDay = await district.call('PATCH', `/api/resolutions/${r.id}`, {
      version: r.version,
      status: 'done',
      followUp: 'ออกหน่วยแล้ว',
    });
    expect(noDay.status).toBe(400);
    const early = await district.call('PATCH', `/api/resolutions/${r.id}`, {
      version: r.version,
      status: 'done',
      doneOn: '2026-05-01',
    });
    expect([early.status, early.body.code]).toEqual([422, 'resolution.done_on_invalid']);
    const done = await district.call('PATCH', `/api/resolutions/${r.id}`, {
      version: r.version,
      status: 'done',
      followUp: 'ออกหน่วยแล้ว 2 ครั้ง',
      doneOn: '2026-05-15',
    });
    expect(done.body).toMatchObject({ status: 'done', doneOn: '2026-05-15', meeting: { id: m.id } });
    const open = (await district.call('GET', '/api/resolutions?unit=3401&status=open&dueBefore=2026-06-30')).body;
    expect(open.items.every((x: { status: string }) => x.status === 'open')).toBe(true);
    expect(open.items.some((x: { id: number }) => x.id === r.id)).toBe(false);
    expect(
      (await district2.call('PATCH', `/api/resolutions/${r.id}`, { version: done.body.version, status: 'open' })).status,
    ).toBe(404);
  });
});

describe('resolution follow-up', () => {
  it('changes only the fields a PATCH sends; done needs its day, another status drops it', async () => {
    const m = await planned('2026-05-11');
    const held = (await record(m.id, minutes(m.version, 9))).body;
    const read = async () =>
      (await district.call('GET', `/api/resolutions?meetingId=${m.id}`)).body.items.find(
        (x: any) => x.id === held.resolutions[0].id,
      );
    const patch = async (change: object) => {
      const res = await district.call('PATCH', `/api/resolutions/${held.resolutions[0].id}`, {
        version: (await read()).version,
        ...change,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    const before = await read();
    const noted = await patch({ followUp: 'ประสาน อบต. แล้ว' });
    expect(noted).toEqual({ ...before, followUp: 'ประสาน อบต. แล้ว', version: before.version + 1 });
    const noDay = await district.call('PATCH', `/api/resolutions/${before.id}`, { version: noted.version, status: 'done' });
    expect(noDay.status).toBe(400);
    expect(noDay.body.errors[0].path).toBe('body/doneOn');
    const done = await patch({ status: 'done', doneOn: '2026-05-14' });
    expect(done).toMatchObject({ status: 'done', doneOn: '2026-05-14', followUp: 'ประสาน อบต. แล้ว' });
    const reopened = await patch({ status: 'in_progress' });
    expect(reopened).toMatchObject({ status: 'in_progress', doneOn: null, followUp: 'ประสาน อบต. แล้ว' });
    expect(await patch({ followUp: null })).toEqual({ ...reopened, followUp: '', version: reopened.version + 1 });
  });
});

describe('invitation and minutes PDFs', () => {
  const download = (id: number, paper: string) =>
    t.as(cookie['demo-district'], { method: 'POST', url: `/api/meetings/${id}/${paper}.pdf`, payload: {} });

  it('issue a number on the outgoing register on the first download and reuse it', async () => {
    const m = await planned('2026-05-15');
    const refused = await download(m.id, 'minutes');
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'meeting.not_held']);
    const first = await download(m.id, 'invitation');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const again = await download(m.id, 'invitation');
    expect(again.headers['x-document-number']).toBe(first.headers['x-document-number']);
    await record(m.id, minutes(m.version, 8, { resolutions: [] }));
    const minutesPdf = await download(m.id, 'minutes');
    expect(minutesPdf.statusCode, minutesPdf.body).toBe(200);
    expect(minutesPdf.headers['x-document-number']).not.toBe(first.headers['x-document-number']);
    const register = await t.rows(`select record_type, subject from outgoing_documents where record_id = ${m.id} order by id`);
    expect(register.map((r) => r.record_type)).toEqual(['meeting_invitation', 'meeting_minutes']);
    expect(register[0].subject).toBe('ขอเชิญประชุมคณะกรรมการศูนย์บริการส่งเสริมเศรษฐกิจฐานรากอำเภอเมืองอุบลราชธานี');
  });

  it('print the minutes as Thai minutes read: the previous minutes certified, an absent member’s reason beside the position', async () => {
    const m = await planned('2026-05-14', {
      agenda: [
        { kind: 'announcement', title: 'เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ' },
        { kind: 'previous_minutes', title: 'รับรองรายงานการประชุมครั้งที่แล้ว' },
        { kind: 'consideration', title: 'พิจารณาแผนการออกหน่วยเชิงรุก' },
      ],
    });
    const held = await record(m.id, minutes(m.version, 10, { minutes: [], resolutions: [] }));
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    const pdf = await download(m.id, 'minutes');
    expect(pdf.statusCode, pdf.body).toBe(200);
    const text = squeeze(pdfText(pdf.rawPayload));
    expect([...text.matchAll(/ระชุม(รับทราบ|รับรอง)/g)].map((r) => r[1])).toEqual(['รับทราบ', 'รับรอง', 'รับทราบ']);
    const absent = held.body.attendees.filter((a: { attended: boolean }) => !a.attended);
    expect(absent).toHaveLength(2);
    for (const a of absent) {
      const [role] = await t.rows(
        `select name_th from code_lists where list = 'committee_position' and code = '${a.positionCode}'`,
      );
      expect(text).toContain(squeeze(`${toThaiDigits(a.name)}${role.name_th}ติดราชการ`));
    }
  });
});

describe('scope', () => {
  it('hides a district’s meetings from another district; the province reads but cannot write', async () => {
    const m = await planned('2026-05-09');
    expect((await district2.call('GET', `/api/meetings/${m.id}`)).status).toBe(404);
    expect((await district2.call('POST', `/api/meetings/${m.id}/cancel`, { version: m.version })).status).toBe(404);
    expect((await province.call('GET', `/api/meetings/${m.id}`)).status).toBe(200);
    expect((await province.call('POST', '/api/meetings', plan('2026-05-09'))).status).toBe(403);
    expect((await province.call('POST', `/api/meetings/${m.id}/minutes`, minutes(m.version, 8))).status).toBe(403);
    const list = (await district2.call('GET', '/api/meetings?unit=3401')).body;
    expect(list.items).toEqual([]);
  });
});

describe('posts', () => {
  const post = (over: object = {}) => ({
    orgUnitCode: '3401',
    title: 'ศูนย์ฯ จัดอบรมการตลาดออนไลน์ให้กลุ่มทอผ้า',
    body: 'กลุ่มทอผ้าไหมบ้านหนองบัวเรียนการขายผ่านเฟซบุ๊ก',
    channels: [],
    publishedOn: null,
    isPublic: false,
    ...over,
  });

  it('keeps a draft until published on a day not ahead through a channel; only a published post is public', async () => {
    const draft = await district.call('POST', '/api/posts', post());
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const noChannel = await district.call('POST', '/api/posts', post({ publishedOn: '2026-05-15' }));
    expect(noChannel.status).toBe(400);
    const publicDraft = await district.call('POST', '/api/posts', post({ isPublic: true }));
    expect(publicDraft.status).toBe(400);
    const { orgUnitCode: _, ...fields } = post();
    const ahead = await district.call('PATCH', `/api/posts/${draft.body.id}`, {
      ...fields,
      version: draft.body.version,
      channels: ['facebook'],
      publishedOn: '2026-05-16',
    });
    expect([ahead.status, ahead.body.code]).toEqual([422, 'post.published_in_future']);
    const published = await district.call('PATCH', `/api/posts/${draft.body.id}`, {
      ...fields,
      version: draft.body.version,
      channels: ['facebook', 'line', 'facebook'],
      publishedOn: '2026-05-15',
      isPublic: true,
    });
    expect(published.body).toMatchObject({ channels: ['facebook', 'line'], publishedOn: '2026-05-15', isPublic: true });
    const publics = (await district.call('GET', '/api/posts?unit=3401&state=public')).body.items;
    expect(publics.map((p: { id: number }) => p.id)).toContain(draft.body.id);
    expect((await province.call('POST', '/api/posts', post())).status).toBe(403);
    expect((await district2.call('GET', `/api/posts/${draft.body.id}`)).status).toBe(404);
  });

  it('changes only the fields a PATCH sends: a title alone, published by its day, withdrawn with null', async () => {
    const draft = (await district.call('POST', '/api/posts', post({ channels: ['board'] }))).body;
    const url = `/api/posts/${draft.id}`;
    await expectPartialPatch(district, url, { title: 'ศูนย์ฯ อบรมการตลาดออนไลน์ รุ่นที่ 2' });
    const published = await expectPartialPatch(district, url, { publishedOn: '2026-05-14' });
    expect(published).toMatchObject({ channels: ['board'], isPublic: false });
    await expectPartialPatch(district, url, { isPublic: true });
    // Only a published post is public: withdrawing a public one takes it off the portal in the same PATCH.
    const hidden = await district.call('PATCH', url, { version: published.version + 1, publishedOn: null });
    expect(hidden.status).toBe(400);
    expect(hidden.body.errors[0].path).toBe('body/isPublic');
    await expectPartialPatch(district, url, { publishedOn: null, isPublic: false });
    await expectPartialPatch(district, url, { channels: null });
    expect((await district.call('PATCH', url, { version: published.version + 3, body: null })).status).toBe(400);
  });

  it('takes photos (with a thumbnail) and lets them be removed', async () => {
    const made = (await district.call('POST', '/api/posts', post())).body;
    const up = await t.as(cookie['demo-district'], {
      method: 'POST',
      url: `/api/posts/${made.id}/attachments`,
      ...multipart(await png()),
    });
    expect(up.statusCode, up.body).toBe(201);
    const photo = up.json();
    expect((await district.call('GET', `/api/posts/${made.id}`)).body.photos).toMatchObject([{ id: photo.id, kind: 'image' }]);
    const thumb = await t.as(cookie['demo-province'], { method: 'GET', url: `/api/attachments/${photo.id}/thumbnail` });
    expect([thumb.statusCode, thumb.headers['content-type']]).toEqual([200, 'image/jpeg']);
    const junk = await t.as(cookie['demo-district'], {
      method: 'POST',
      url: `/api/posts/${made.id}/attachments`,
      ...multipart(Buffer.from('not an image')),
    });
    expect([junk.statusCode, junk.json().code]).toEqual([422, 'attachment.not_image']);
    expect((await district2.call('DELETE', `/api/posts/${made.id}/attachments/${photo.id}`)).status).toBe(404);
    expect((await district.call('DELETE', `/api/posts/${made.id}/attachments/${photo.id}`)).status).toBe(204);
    expect((await district.call('GET', `/api/posts/${made.id}`)).body.photos).toEqual([]);
    expect(
      (await t.as(cookie['demo-district'], { method: 'GET', url: `/api/attachments/${photo.id}/thumbnail` })).statusCode,
    ).toBe(404);
  });

  it('finds posts by Thai words in the title or body', async () => {
    await district.call('POST', '/api/posts', post({ title: 'ตลาดนัดสินค้าชุมชนหน้าที่ว่าการอำเภอ', body: 'ผลิตภัณฑ์ข้าวหอมมะลิ' }));
    const found = (await district.call('GET', `/api/posts?q=${encodeURIComponent('ข้าวหอม')}`)).body.items;
    expect(found.map((p: { title: string }) => p.title)).toEqual(['ตลาดนัดสินค้าชุมชนหน้าที่ว่าการอำเภอ']);
  });
});
