/**
 * The services a district gave (การให้บริการ), one row each: the date, at the center or outreach, the service types of
 * the code list, the client (a person on file by citizen ID or name + subdistrict, and/or a group by name), what was
 * done, who gave it and for how long. Written through the services feature (its checks, links and group stages).
 * A service on file on the same date for the same client with one of the same types is a duplicate; a row dated in a
 * quarter the province locked is refused as the service refuses it.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { ERRORS, type ErrorCode } from '#shared/errors';
import { createServiceBody, serviceChange } from '#shared/services';
import { thaiToday } from '../../clock';
import { services } from '../../db/schema';
import { parseCitizenIdText, parseDateText, parseIntegerText } from '../../imports/read';
import { getService, insertService, removeService, replaceService, storedService } from '../services/services.service';
import { createOrChoose, DISTRICT_IMPORT, type Importer, type PlannedRow, problem, rowChecks } from './importer';
import { lookupPeople, personLabel } from './people-lookup';
import { type RecordKind, recordBlockers } from './record-rollback';
import { COLUMNS, MODES, OUTREACH } from './service-columns';
import {
  groupsByName,
  groupUnknown,
  lockedDates,
  serviceGivers,
  serviceKey,
  servicesByKey,
  serviceTypesByName,
} from './service-lookup';

type Body = z.infer<typeof createServiceBody>;
interface ServiceRecord {
  body: Body;
  existing?: typeof services.$inferSelect;
  /** The row names its givers (an update then adds them to the service's; else it keeps those on file). */
  staffGiven: boolean;
}

export const SERVICE_KIND: RecordKind = {
  table: services,
  tableName: 'services',
  entity: 'service',
  notFound: 'service.not_found',
  label: (s) => `${s.serviceDate ?? ''} #${s.id}`,
  ownLinks: ['service_people', 'service_groups', 'service_type_codes', 'service_staff', 'service_partners'],
};

const errorProblem = (line: number, column: string, code: ErrorCode) =>
  problem(line, column, code, ERRORS[code].th, ERRORS[code].en);
const list = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
const key = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

const union = <T>(a: T[], b: T[]) => [...new Set([...a, ...b])];

export const servicesImporter: Importer = {
  kind: 'services',
  permission: 'pipeline.write',
  title: { th: 'นำเข้าข้อมูลการให้บริการ', en: 'Import services' },
  columns: COLUMNS,
  instructions: [
    { th: 'หนึ่งแถวต่อการให้บริการหนึ่งครั้ง ของอำเภอของท่านเท่านั้น', en: 'One row per service given, of your own district only' },
    {
      th: 'ผู้รับบริการ: บุคคลที่มีในระบบแล้ว (เลขประจำตัวประชาชน หรือชื่อ-นามสกุลและตำบล) และ/หรือ ชื่อกลุ่มอาชีพในระบบ',
      en: 'Client: a person already on file (citizen ID, or name and subdistrict) and/or the name of a group on file',
    },
    {
      th: 'วันที่ ผู้รับบริการ และประเภทบริการเดียวกับข้อมูลเดิม ถือว่าซ้ำ ระบบจะให้เลือกปรับปรุงหรือข้าม',
      en: 'Same date, client and service type as a service on file: you choose to update or skip',
    },
    {
      th: 'แถวที่ลงวันที่ในไตรมาสที่จังหวัดปิดงวดแล้วจะนำเข้าไม่ได้',
      en: 'A row dated in a quarter the province has locked is not imported',
    },
  ],
  ...DISTRICT_IMPORT,

  async plan(ctx, rows, choices) {
    const today = thaiToday();
    const [types, givers, groupOf] = await Promise.all([
      serviceTypesByName(ctx.db),
      serviceGivers(ctx.db, ctx.unitCode),
      groupsByName(ctx.db, ctx.unitCode),
    ]);
    const citizenIds = new Map<number, string>();
    const parsed = rows.map((row) => {
      const v = row.values;
      const { problems, take } = rowChecks(row, COLUMNS);
      problems.unshift(...row.problems);
      const date = v.serviceDate ? take('serviceDate', parseDateText(v.serviceDate)) : undefined;
      if (date && date > today) problems.push(errorProblem(row.line, 'serviceDate', 'service.date_in_future'));
      const minutes = v.minutes ? take('minutes', parseIntegerText(v.minutes, { min: 1, max: 14_400 })) : undefined;
      const mode = v.mode ? MODES[key(v.mode)] : undefined;
      if (v.mode && !mode)
        problems.push(
          problem(
            row.line,
            'mode',
            'import.service_mode',
            `ไม่รู้จักรูปแบบ "${v.mode}" (เชิงรับ, เชิงรุก)`,
            `Unknown mode "${v.mode}" (center, outreach)`,
          ),
        );
      const outreachKind = v.outreachKind ? OUTREACH[key(v.outreachKind)] : undefined;
      if (v.outreachKind && !outreachKind)
        problems.push(
          problem(
            row.line,
            'outreachKind',
            'import.outreach_kind',
            `ไม่รู้จักประเภทเชิงรุก "${v.outreachKind}" (ตามแผน, ตามคำขอ, กรณีเร่งด่วน)`,
            `Unknown outreach kind "${v.outreachKind}" (scheduled, on demand, emergency)`,
          ),
        );
      const typeCodes: string[] = [];
      for (const name of list(v.types ?? '')) {
        const code = types.find(name);
        if (code) typeCodes.push(code);
        else
          problems.push(
            problem(
              row.line,
              'types',
              'import.service_type',
              `ไม่มี "${name}" ในรายการประเภทบริการ`,
              `"${name}" is not in the service type list`,
            ),
          );
      }
      const staffIds: number[] = [];
      for (const name of v.staff ? list(v.staff) : []) {
        const id = givers(name);
        if (id) staffIds.push(id);
        else
          problems.push(
            problem(
              row.line,
              'staff',
              'service.staff_not_of_district',
              `"${name}" ไม่ใช่เจ้าหน้าที่หรือกรรมการของอำเภอนี้`,
              `"${name}" is not an officer or committee member of this district`,
            ),
          );
      }
      if (!v.staff) staffIds.push(ctx.actor.userId);
      const groupId = v.group ? groupOf(v.group) : undefined;
      if (v.group && !groupId) problems.push(groupUnknown(row.line, v.group));
      const citizenId = v.citizenId ? take('citizenId', parseCitizenIdText(v.citizenId)) : undefined;
      if (citizenId) citizenIds.set(row.line, citizenId);
      return { row, problems, date, minutes, mode, outreachKind, typeCodes, staffIds, groupId, citizenId };
    });
    const found = await lookupPeople(ctx.db, ctx.dataKey, ctx.unitCode, {
      citizenIds: [...citizenIds.values()],
      firstNames: parsed.map((p) => p.row.values.firstName ?? ''),
    });
    const dates = parsed.flatMap((p) => (p.date ? [p.date] : []));
    const [locked, onFile] = await Promise.all([
      lockedDates(ctx.db, ctx.unitCode, dates),
      servicesByKey(ctx.db, ctx.unitCode, dates),
    ]);
    const seen = new Map<string, number>();
    return parsed.map((p): PlannedRow => {
      const { row, problems } = p;
      const v = row.values;
      let personId: number | undefined;
      const named = Boolean(p.citizenId || v.firstName || v.lastName);
      if (named) {
        const person = p.citizenId
          ? found.byCitizenId(p.citizenId)
          : (() => {
              const same = found.byName(v.firstName ?? '', v.lastName ?? '', v.subdistrict ?? '');
              return same.length === 1 ? same[0] : undefined;
            })();
        personId = person?.id;
        if (!person)
          problems.push(
            problem(
              row.line,
              p.citizenId ? 'citizenId' : 'firstName',
              'import.person_unknown',
              'ไม่พบผู้รับบริการในข้อมูลบุคคลของอำเภอ (บันทึกข้อมูลบุคคลก่อน หรือใส่เลขประจำตัวประชาชน)',
              "The client is not among the district's people (record the person first, or give the citizen ID)",
            ),
          );
      }
      if (!named && !v.group && !problems.some((x) => x.column === 'group'))
        problems.push(errorProblem(row.line, 'firstName', 'service.client_required'));
      if (p.date && locked.has(p.date)) problems.push(errorProblem(row.line, 'serviceDate', 'quarter.locked'));
      const client = personLabel({ firstName: v.firstName, lastName: v.lastName }) || v.group || '';
      const base = { line: row.line, values: v, label: `${v.serviceDate} ${client}`.trim(), unitCode: row.unitCode };
      const body = {
        orgUnitCode: ctx.unitCode,
        serviceDate: p.date ?? '',
        mode: p.mode ?? 'center',
        ...(p.outreachKind ? { outreachKind: p.outreachKind } : {}),
        personIds: personId ? [personId] : [],
        groupIds: p.groupId ? [p.groupId] : [],
        typeCodes: p.typeCodes,
        description: v.description ?? '',
        staffIds: p.staffIds,
        partnerIds: [],
        durationMinutes: p.minutes ?? 0,
        outcome: v.outcome ?? '',
      };
      if (!problems.length) {
        // The service's own schema has the last word (lengths, outreach kind only for outreach).
        const checked = createServiceBody.safeParse(body);
        if (!checked.success)
          for (const issue of checked.error.issues) {
            const column = { outreachKind: 'outreachKind', mode: 'outreachKind', description: 'description', outcome: 'outcome' }[
              String(issue.path[0])
            ];
            problems.push(
              problem(row.line, column, 'import.service_invalid', `ข้อมูลไม่ถูกต้อง: ${issue.message}`, `Not valid: ${issue.message}`),
            );
          }
      }
      if (problems.length) return { ...base, problems, action: 'reject' };
      const keys = [...body.personIds.map((id) => `p${id}`), ...body.groupIds.map((id) => `g${id}`)].flatMap((c) =>
        body.typeCodes.map((t) => serviceKey(body.serviceDate, c, t)),
      );
      const earlier = keys.map((k) => seen.get(k)).find((l) => l !== undefined);
      if (earlier !== undefined)
        return {
          ...base,
          action: 'reject',
          problems: [
            problem(
              row.line,
              'serviceDate',
              'import.duplicate_in_file',
              `ซ้ำกับแถวที่ ${earlier} ในไฟล์นี้ (วันที่ ผู้รับบริการ และประเภทบริการเดียวกัน)`,
              `Same service as row ${earlier} of this file (same date, client and type)`,
            ),
          ],
        };
      for (const k of keys) seen.set(k, row.line);
      const existing = keys.map((k) => onFile.get(k)).find(Boolean);
      const record: ServiceRecord = { body, existing, staffGiven: Boolean(row.values.staff) };
      const duplicate = existing && { id: existing.id, label: `${existing.serviceDate}: ${existing.description.slice(0, 60)}` };
      return createOrChoose({ ...base, problems }, choices, record, duplicate);
    });
  },

  async write(tx, ctx, row) {
    const { body, existing, staffGiven } = row.record as ServiceRecord;
    if (row.action === 'update' && existing) {
      // The row's content replaces the service's; its clients, types and givers join those on file.
      const before = storedService(await getService(tx, ctx.actor, existing.id));
      const mode = body.mode;
      const next = serviceChange.parse({
        ...before,
        version: existing.version,
        mode,
        outreachKind: body.outreachKind,
        tripId: mode === 'outreach' ? before.tripId : undefined,
        personIds: union(before.personIds, body.personIds),
        groupIds: union(before.groupIds, body.groupIds),
        typeCodes: union(before.typeCodes, body.typeCodes),
        staffIds: staffGiven ? union(before.staffIds, body.staffIds) : before.staffIds,
        description: body.description,
        durationMinutes: body.durationMinutes,
        outcome: body.outcome || before.outcome,
      });
      const after = await replaceService(tx, ctx.actor, existing, next);
      return [{ tableName: 'services', recordId: after.id, action: 'updated', versionAfter: after.version, before }];
    }
    const created = await insertService(tx, ctx.actor, body);
    return [{ tableName: 'services', recordId: created.id, action: 'created', versionAfter: created.version, before: null }];
  },

  blockers: (tx, _ctx, rows) => recordBlockers(tx, SERVICE_KIND, rows, rows),
  async undo(tx, ctx, rows) {
    for (const row of rows.filter((r) => r.tableName === 'services')) {
      if (row.action === 'created') await removeService(tx, ctx.actor, row.recordId, row.versionAfter!);
      else {
        const [current] = await tx.select().from(services).where(eq(services.id, row.recordId));
        const restored = serviceChange.parse({ ...row.before, version: current.version });
        await replaceService(tx, ctx.actor, current, restored);
      }
    }
  },
};
