/**
 * Activities with their attendance (trainings, market events, study visits, group strengthening): one row per
 * attendee, the activity's columns repeated on each row; rows with the same title and start date make one activity.
 * Attendees are people of the district (found, or created as the people importer creates them). An activity already
 * on file with that title and start date is a duplicate: update adds the file's attendees to it, skip leaves it.
 * Written through the activities feature; a start date in a locked quarter is refused as the feature refuses it.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { ACTIVITY_KINDS, activityChange, createActivityBody, MARKET_EVENT_KINDS } from '#shared/activities';
import { ERRORS, type ErrorCode } from '#shared/errors';
import { thaiToday } from '../../clock';
import { activities, activityPeople } from '../../db/schema';
import { parseBahtText, parseCitizenIdText, parseDateText } from '../../imports/read';
import { getActivity, insertActivity, removeActivity, replaceActivity, storedActivity } from '../activities/activities.service';
import { type Attendee, attendeeBlockers, attendeeIds, attendeeKey, undoAttendees } from './activity-attendees';
import { budgetChecker } from './activity-budget';
import { DISTRICT_IMPORT, type Importer, type PlannedRow, problem, rowChecks, type WrittenRow } from './importer';
import { lookupPeople, personLabel } from './people-lookup';
import { type RecordKind, recordBlockers } from './record-rollback';
import { lockedDates, serviceTypesByName } from './service-lookup';

const COLUMNS = [
  { key: 'district', th: 'อำเภอ', en: 'District', required: true, aliases: ['อ.'], example: 'เมืองอุบลราชธานี' },
  { key: 'title', th: 'ชื่อกิจกรรม', en: 'Activity', required: true, example: 'อบรมการบริหารจัดการกลุ่ม' },
  {
    key: 'kind',
    th: 'ประเภทกิจกรรม',
    en: 'Kind',
    required: true,
    example: 'อบรม',
    help: { th: 'อบรม, ตลาด/งานแสดงสินค้า, ศึกษาดูงาน, กิจกรรมพัฒนากลุ่ม', en: 'training, market event, study visit, strengthening' },
  },
  { key: 'topic', th: 'หัวข้อความรู้', en: 'Knowledge topic', example: 'ความรู้: การบริหารจัดการกลุ่ม' },
  { key: 'marketKind', th: 'ประเภทตลาด', en: 'Market kind', help: { th: 'เฉพาะตลาด/งานแสดงสินค้า', en: 'Market events only' } },
  { key: 'startsOn', th: 'วันที่เริ่ม', en: 'Start date', required: true, aliases: ['วันที่'], example: '15/1/2569' },
  { key: 'endsOn', th: 'วันที่สิ้นสุด', en: 'End date', help: { th: 'ว่าง = วันเดียว', en: 'Blank: one day' } },
  { key: 'place', th: 'สถานที่', en: 'Place', required: true, example: 'ศาลากลางบ้าน' },
  {
    key: 'budgetItem',
    th: 'กิจกรรมงบประมาณ',
    en: 'Budget activity',
    help: { th: 'ชื่อกิจกรรมงบประมาณที่จัดสรรมาถึงอำเภอ (ถ้ามี)', en: 'The budget activity allocated to the district, if any' },
  },
  { key: 'budgetUsed', th: 'งบประมาณที่ใช้ (บาท)', en: 'Budget used (baht)' },
  { key: 'personTitle', th: 'คำนำหน้า', en: 'Title', required: true, example: 'นาง' },
  { key: 'firstName', th: 'ชื่อ', en: 'First name', required: true, example: 'สมศรี' },
  { key: 'lastName', th: 'นามสกุล', en: 'Last name', required: true, example: 'ใจงาม' },
  { key: 'citizenId', th: 'เลขประจำตัวประชาชน', en: 'Citizen ID', example: '3-3401-00123-45-6' },
  { key: 'subdistrict', th: 'ตำบล', en: 'Subdistrict', example: 'ในเมือง' },
] as const;

const KINDS: Record<string, (typeof ACTIVITY_KINDS)[number]> = {
  อบรม: 'training',
  การอบรม: 'training',
  ฝึกอบรม: 'training',
  'ตลาด/งานแสดงสินค้า': 'market_event',
  ตลาด: 'market_event',
  งานแสดงสินค้า: 'market_event',
  ศึกษาดูงาน: 'study_visit',
  กิจกรรมพัฒนากลุ่ม: 'strengthening',
  เสริมสร้างความเข้มแข็ง: 'strengthening',
  ...Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, k])),
  'market event': 'market_event',
  'study visit': 'study_visit',
};

type Body = z.infer<typeof createActivityBody>;
interface ActivityRecord {
  /** The first accepted row of the activity writes it with every attendee of the file. */
  leader: boolean;
  body: Body;
  attendees: Attendee[];
  existing?: typeof activities.$inferSelect;
}

export const ACTIVITY_KIND: RecordKind = {
  table: activities,
  tableName: 'activities',
  entity: 'activity',
  notFound: 'activity.not_found',
  label: (a) => `${a.title ?? ''} ${a.startsOn ?? ''}`.trim() || `#${a.id}`,
  ownLinks: ['activity_people', 'activity_groups', 'activity_partners'],
};

const errorProblem = (line: number, column: string, code: ErrorCode) =>
  problem(line, column, code, ERRORS[code].th, ERRORS[code].en);
const norm = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');
const ACTIVITY_COLUMNS = ['kind', 'topic', 'marketKind', 'endsOn', 'place', 'budgetItem', 'budgetUsed'] as const;

export const activitiesImporter: Importer = {
  kind: 'activities',
  permission: 'pipeline.write',
  title: { th: 'นำเข้ากิจกรรมและผู้เข้าร่วม', en: 'Import activities with attendance' },
  columns: COLUMNS,
  instructions: [
    {
      th: 'หนึ่งแถวต่อผู้เข้าร่วมหนึ่งคน ใส่ข้อมูลกิจกรรมซ้ำทุกแถว แถวที่ชื่อกิจกรรมและวันที่เริ่มเดียวกันคือกิจกรรมเดียวกัน',
      en: 'One row per attendee with the activity repeated on each row; rows with the same title and start date are one activity',
    },
    {
      th: 'ผู้เข้าร่วมที่ยังไม่มีในข้อมูลบุคคลของอำเภอ (ค้นด้วยเลขประจำตัวประชาชน หรือชื่อ-นามสกุลและตำบล) จะถูกเพิ่มเป็นบุคคลใหม่',
      en: "An attendee not among the district's people (by citizen ID, or name and subdistrict) is added as a new person",
    },
    {
      th: 'กิจกรรมชื่อและวันที่เริ่มเดียวกับข้อมูลเดิม: เลือกปรับปรุง (เพิ่มผู้เข้าร่วม) หรือข้าม',
      en: 'An activity on file with the same title and start date: update (adds the attendees) or skip',
    },
    { th: 'กิจกรรมที่เริ่มในไตรมาสที่จังหวัดปิดงวดแล้วจะนำเข้าไม่ได้', en: 'An activity starting in a locked quarter is not imported' },
  ],
  ...DISTRICT_IMPORT,

  async plan(ctx, rows, choices) {
    const today = thaiToday();
    const [topics, markets, budget] = await Promise.all([
      serviceTypesByName(ctx.db),
      serviceTypesByName(ctx.db, 'sales_channel'),
      budgetChecker(ctx),
    ]);
    const parsed = rows.map((row) => {
      const v = row.values;
      const { problems, take } = rowChecks(row, COLUMNS);
      problems.unshift(...row.problems);
      const startsOn = v.startsOn ? take('startsOn', parseDateText(v.startsOn)) : undefined;
      const endsOn = v.endsOn ? take('endsOn', parseDateText(v.endsOn)) : startsOn;
      if (startsOn && startsOn > today) problems.push(errorProblem(row.line, 'startsOn', 'activity.date_in_future'));
      const kind = v.kind ? KINDS[norm(v.kind)] : undefined;
      if (v.kind && !kind)
        problems.push(
          problem(
            row.line,
            'kind',
            'import.activity_kind',
            `ไม่รู้จักประเภทกิจกรรม "${v.kind}" (อบรม, ตลาด/งานแสดงสินค้า, ศึกษาดูงาน, กิจกรรมพัฒนากลุ่ม)`,
            `Unknown activity kind "${v.kind}" (training, market event, study visit, strengthening)`,
          ),
        );
      const topicCode = v.topic ? topics.find(v.topic) : undefined;
      if (v.topic && !topicCode?.startsWith('topic_'))
        problems.push(
          problem(row.line, 'topic', 'import.activity_topic', `ไม่มีหัวข้อความรู้ "${v.topic}"`, `No knowledge topic "${v.topic}"`),
        );
      const marketKind = v.marketKind ? markets.find(v.marketKind) : undefined;
      if (v.marketKind && !MARKET_EVENT_KINDS.includes(marketKind as never))
        problems.push(
          problem(
            row.line,
            'marketKind',
            'import.market_kind',
            `ไม่มีประเภทตลาด "${v.marketKind}"`,
            `No market kind "${v.marketKind}"`,
          ),
        );
      const citizenId = v.citizenId ? take('citizenId', parseCitizenIdText(v.citizenId)) : undefined;
      const budgetUsed = v.budgetUsed ? take('budgetUsed', parseBahtText(v.budgetUsed)) : undefined;
      if (budgetUsed && !v.budgetItem)
        problems.push(
          problem(
            row.line,
            'budgetItem',
            'import.activity_budget_item',
            'ใส่งบประมาณที่ใช้แล้ว ต้องระบุกิจกรรมงบประมาณด้วย',
            'A budget used needs its budget activity',
          ),
        );
      const body: Body = {
        orgUnitCode: ctx.unitCode,
        kind: kind ?? 'training',
        ...(topicCode ? { topicCode } : {}),
        ...(marketKind ? { marketKind: marketKind as (typeof MARKET_EVENT_KINDS)[number] } : {}),
        title: v.title ?? '',
        startsOn: startsOn ?? '',
        endsOn: endsOn ?? '',
        place: v.place ?? '',
        partnerIds: [],
        budgetUsedSatang: String(budgetUsed ?? 0),
        people: [],
        groupIds: [],
        note: '',
      };
      if (!problems.length) {
        const checked = createActivityBody.safeParse(body);
        if (!checked.success)
          for (const issue of checked.error.issues) {
            const column = String(issue.path[0] ?? '') === 'topicCode' ? 'topic' : String(issue.path[0] ?? '');
            problems.push(
              problem(
                row.line,
                column,
                'import.activity_invalid',
                `ข้อมูลไม่ถูกต้อง: ${issue.message}`,
                `Not valid: ${issue.message}`,
              ),
            );
          }
      }
      const attendee: Attendee = {
        line: row.line,
        title: v.personTitle ?? '',
        firstName: v.firstName ?? '',
        lastName: v.lastName ?? '',
        subdistrict: v.subdistrict || undefined,
        citizenId,
      };
      return { row, problems, body, attendee, key: `${norm(v.title ?? '')}\u0000${startsOn}` };
    });
    const found = await lookupPeople(ctx.db, ctx.dataKey, ctx.unitCode, {
      citizenIds: parsed.flatMap((p) => (p.attendee.citizenId ? [p.attendee.citizenId] : [])),
      firstNames: parsed.map((p) => p.attendee.firstName),
    });
    const dates = parsed.flatMap((p) => (p.body.startsOn ? [p.body.startsOn] : []));
    const locked = await lockedDates(ctx.db, ctx.unitCode, dates);
    const onFile = await ctx.db
      .select()
      .from(activities)
      .where(
        and(
          eq(activities.orgUnitCode, ctx.unitCode),
          isNull(activities.deletedAt),
          inArray(activities.startsOn, dates.length ? [...new Set(dates)] : ['1900-01-01']),
        ),
      );
    const existingOf = (key: string) => onFile.find((a) => `${norm(a.title)}\u0000${a.startsOn}` === key);
    // The activities of the file, by title + start date: their first accepted row and its attendees.
    const groups = new Map<string, { leader: (typeof parsed)[number]; attendees: Map<string, number>; record: ActivityRecord }>();
    const planned = parsed.map((p): PlannedRow => {
      const { row, problems, body, attendee } = p;
      const a = attendee;
      a.personId = a.citizenId
        ? found.byCitizenId(a.citizenId)?.id
        : found.byName(a.firstName, a.lastName, a.subdistrict ?? '')[0]?.id;
      if (body.startsOn && locked.has(body.startsOn)) problems.push(errorProblem(row.line, 'startsOn', 'quarter.locked'));
      const group = groups.get(p.key);
      // A new activity's budget is checked once, on its first accepted row; an update keeps the budget on file.
      if (!group && !problems.length && row.values.budgetItem && !existingOf(p.key)) {
        const item = budget(row.values.budgetItem, body.startsOn, BigInt(body.budgetUsedSatang));
        if ('problem' in item) problems.push({ line: row.line, column: 'budgetItem', ...item.problem });
        else body.budgetItemId = item.itemId;
      }
      if (group && !problems.length) {
        const lead = group.leader.row;
        const differs = ACTIVITY_COLUMNS.find((c) => norm(lead.values[c] ?? '') !== norm(row.values[c] ?? ''));
        if (differs)
          problems.push(
            problem(
              row.line,
              differs,
              'import.activity_differs',
              `ข้อมูลกิจกรรมไม่ตรงกับแถวที่ ${lead.line} (ชื่อกิจกรรมและวันที่เริ่มเดียวกัน)`,
              `The activity's columns differ from row ${lead.line} (same title and start date)`,
            ),
          );
        const earlier = group.attendees.get(attendeeKey(a));
        if (earlier !== undefined)
          problems.push(
            problem(
              row.line,
              a.citizenId ? 'citizenId' : 'firstName',
              'import.duplicate_in_file',
              `ซ้ำกับแถวที่ ${earlier} ในไฟล์นี้ (ผู้เข้าร่วมคนเดียวกันในกิจกรรมเดียวกัน)`,
              `Same attendee of the same activity as row ${earlier} of this file`,
            ),
          );
      }
      const label = `${body.title} ${row.values.startsOn ?? ''}: ${personLabel({ title: a.title, firstName: a.firstName, lastName: a.lastName })}`;
      const base = { line: row.line, values: row.values, label, unitCode: row.unitCode };
      if (problems.length) return { ...base, problems, action: 'reject' };
      let g = group;
      if (!g) {
        g = { leader: p, attendees: new Map(), record: { leader: true, body, attendees: [], existing: existingOf(p.key) } };
        groups.set(p.key, g);
      }
      g.attendees.set(attendeeKey(a), row.line);
      g.record.attendees.push(a);
      const record: ActivityRecord = g.leader === p ? g.record : { ...g.record, leader: false };
      const existing = g.record.existing;
      if (!existing) return { ...base, problems, action: 'create', record };
      return {
        ...base,
        problems,
        action: 'skip',
        duplicate: { id: existing.id, label: `${existing.title} (${existing.startsOn})` },
        record,
      };
    });
    // One decision per activity: update when the user chose it on any of its rows.
    for (const g of groups.values()) {
      const mine = planned.filter((r) => (r.record as ActivityRecord | undefined)?.body === g.record.body);
      if (g.record.existing && mine.some((r) => choices[r.line] === 'update')) for (const r of mine) r.action = 'update';
    }
    return planned;
  },

  async write(tx, ctx, row) {
    const { leader, body, attendees, existing } = row.record as ActivityRecord;
    if (!leader) return [];
    const { ids, written } = await attendeeIds(tx, ctx, attendees);
    const out: WrittenRow[] = [...written];
    if (row.action === 'update' && existing) {
      const current = await getActivity(tx, ctx.actor, existing.id);
      const before = storedActivity(current);
      const people = [
        ...before.people.filter((p) => !ids.includes(p.personId)),
        ...ids.map((personId) => ({ personId, attended: true })),
      ];
      const next = activityChange.parse({ ...before, version: existing.version, people });
      const after = await replaceActivity(tx, ctx.actor, existing, next);
      out.push({ tableName: 'activities', recordId: after.id, action: 'updated', versionAfter: after.version, before });
      return out;
    }
    const created = await insertActivity(tx, ctx.actor, {
      ...body,
      people: ids.map((personId) => ({ personId, attended: true })),
    });
    out.push({ tableName: 'activities', recordId: created.id, action: 'created', versionAfter: created.version, before: null });
    return out;
  },

  async blockers(tx, _ctx, rows) {
    return [...(await recordBlockers(tx, ACTIVITY_KIND, rows, rows)), ...(await attendeeBlockers(tx, rows))];
  },
  async undo(tx, ctx, rows) {
    for (const row of rows.filter((r) => r.tableName === 'activities')) {
      const [current] = await tx.select().from(activities).where(eq(activities.id, row.recordId));
      if (row.action === 'created') {
        await removeActivity(tx, ctx.actor, row.recordId, current.version);
        await tx.delete(activityPeople).where(eq(activityPeople.activityId, row.recordId));
      } else await replaceActivity(tx, ctx.actor, current, activityChange.parse({ ...row.before, version: current.version }));
    }
    await undoAttendees(tx, ctx, rows);
  },
};
