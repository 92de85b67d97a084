/**
 * The people of a district (บุคคล), one row each: name, citizen ID, phone, address and roles. A person already on file
 * (same citizen ID, or same name in the same subdistrict) is a duplicate the user updates or skips; an update fills
 * in what the row gives and keeps what it leaves blank, and adds its roles to those the person has.
 */
import { PERSON_ROLES, type PersonRole } from '#shared/people';
import { createRecord, updateRecord } from '../../audit/writes';
import type { Tx } from '../../db/client';
import { people } from '../../db/schema';
import { parseCitizenIdText, parseIntegerText, parsePhoneText } from '../../imports/read';
import { citizenIdHash, encryptCitizenId } from '../../personal-data';
import {
  DISTRICT_IMPORT,
  type ImportContext,
  type Importer,
  type PlannedRow,
  problem,
  rowChecks,
  type WrittenRow,
} from './importer';
import { lookupPeople, nameKey, type PersonRow, personLabel } from './people-lookup';
import { type RecordKind, recordBlockers, undoRecords } from './record-rollback';

/** The Thai role names of the people pages (web i18n personRoles), their parts, and the English names. */
const ROLES: Record<string, PersonRole> = {
  'ปราชญ์ชาวบ้าน/เจ้าของภูมิปัญญา': 'wisdom_holder',
  ปราชญ์ชาวบ้าน: 'wisdom_holder',
  เจ้าของภูมิปัญญา: 'wisdom_holder',
  'wisdom holder': 'wisdom_holder',
  สมาชิกกลุ่ม: 'group_member',
  'group member': 'group_member',
  ผู้ประกอบการ: 'entrepreneur',
  entrepreneur: 'entrepreneur',
  ...Object.fromEntries(PERSON_ROLES.map((r) => [r, r])),
};

const COLUMNS = [
  { key: 'district', th: 'อำเภอ', en: 'District', required: true, aliases: ['อ.'], example: 'เมืองอุบลราชธานี' },
  { key: 'title', th: 'คำนำหน้า', en: 'Title', required: true, example: 'นาง' },
  { key: 'firstName', th: 'ชื่อ', en: 'First name', required: true, example: 'สมศรี' },
  { key: 'lastName', th: 'นามสกุล', en: 'Last name', required: true, example: 'ใจงาม' },
  { key: 'citizenId', th: 'เลขประจำตัวประชาชน', en: 'Citizen ID', example: '3-3401-00123-45-6' },
  { key: 'phone', th: 'โทรศัพท์', en: 'Phone', example: '081-234-5678' },
  { key: 'houseNo', th: 'บ้านเลขที่', en: 'House no.', example: '12/3' },
  { key: 'villageNo', th: 'หมู่ที่', en: 'Village no.', aliases: ['หมู่'], example: '4' },
  { key: 'subdistrict', th: 'ตำบล', en: 'Subdistrict', example: 'ในเมือง' },
  {
    key: 'roles',
    th: 'บทบาท',
    en: 'Roles',
    example: 'สมาชิกกลุ่ม, ผู้ประกอบการ',
    help: {
      th: 'ปราชญ์ชาวบ้าน/เจ้าของภูมิปัญญา, สมาชิกกลุ่ม, ผู้ประกอบการ (หลายบทบาทคั่นด้วยจุลภาค)',
      en: 'wisdom holder, group member, entrepreneur (several separated by commas)',
    },
  },
] as const;

const MAX_LENGTH: Record<string, number> = { title: 30, firstName: 100, lastName: 100, houseNo: 30, subdistrict: 100 };

export interface PersonFields {
  title: string;
  firstName: string;
  lastName: string;
  phone?: string;
  houseNo?: string;
  villageNo?: number;
  subdistrict?: string;
  roles: PersonRole[];
}

interface PersonRecord {
  fields: PersonFields;
  citizenId?: string;
  existing?: PersonRow;
}

export const PERSON_KIND: RecordKind = {
  table: people,
  tableName: 'people',
  entity: 'person',
  notFound: 'person.not_found',
  label: (p) => personLabel(p as never) || `#${p.id}`,
};

function parseRow(row: { line: number; values: Record<string, string> }) {
  const v = row.values;
  const { problems, take } = rowChecks(row, COLUMNS, MAX_LENGTH);
  const citizenId = v.citizenId ? take('citizenId', parseCitizenIdText(v.citizenId)) : undefined;
  const phone = v.phone ? take('phone', parsePhoneText(v.phone)) : undefined;
  const villageNo = v.villageNo ? take('villageNo', parseIntegerText(v.villageNo, { min: 1, max: 99 })) : undefined;
  const roles = new Set<PersonRole>();
  for (const name of (v.roles ?? '').split(/[,;\n]/).map((s) => s.trim().toLowerCase().replace(/\s+/g, ' '))) {
    if (!name) continue;
    const role = ROLES[name];
    if (role) roles.add(role);
    else
      problems.push(
        problem(
          row.line,
          'roles',
          'import.person_role',
          `ไม่รู้จักบทบาท "${name}" (ปราชญ์ชาวบ้าน/เจ้าของภูมิปัญญา, สมาชิกกลุ่ม, ผู้ประกอบการ)`,
          `Unknown role "${name}" (wisdom holder, group member, entrepreneur)`,
        ),
      );
  }
  const record: PersonRecord = {
    citizenId,
    fields: {
      title: v.title,
      firstName: v.firstName,
      lastName: v.lastName,
      phone,
      houseNo: v.houseNo || undefined,
      villageNo,
      subdistrict: v.subdistrict || undefined,
      roles: PERSON_ROLES.filter((r) => roles.has(r)),
    },
  };
  return { record, problems };
}

/** A person's citizen ID as the people service stores it: keyed hash, last four in clear, the whole encrypted. */
const citizenIdFields = (dataKey: Buffer, citizenId: string) => ({
  citizenIdHash: citizenIdHash(dataKey, citizenId),
  citizenIdLast4: citizenId.slice(-4),
  citizenIdEncrypted: encryptCitizenId(dataKey, citizenId),
});

/** Creates one of the district's people as this importer does (also used for a group's new members). */
export async function insertPerson(
  tx: Tx,
  ctx: ImportContext,
  fields: PersonFields,
  citizenId: string | undefined,
): Promise<WrittenRow> {
  const person = await createRecord(tx, ctx.actor, people, 'person', {
    orgUnitCode: ctx.unitCode,
    ...fields,
    phone: fields.phone ?? null,
    houseNo: fields.houseNo ?? null,
    villageNo: fields.villageNo ?? null,
    subdistrict: fields.subdistrict ?? null,
    ...(citizenId ? citizenIdFields(ctx.dataKey, citizenId) : {}),
  });
  return { tableName: 'people', recordId: person.id, action: 'created', versionAfter: person.version, before: null };
}

export const peopleImporter: Importer = {
  kind: 'people',
  permission: 'pipeline.write',
  title: { th: 'นำเข้าข้อมูลบุคคล', en: 'Import people' },
  columns: COLUMNS,
  instructions: [
    { th: 'หนึ่งแถวต่อบุคคลหนึ่งคน ของอำเภอของท่านเท่านั้น', en: 'One row per person, of your own district only' },
    {
      th: 'พบเลขประจำตัวประชาชน หรือชื่อ-นามสกุลและตำบลซ้ำกับข้อมูลเดิม ระบบจะให้เลือกปรับปรุงหรือข้าม',
      en: 'A citizen ID, or a name and subdistrict, already on file: you choose to update or skip',
    },
    {
      th: 'เมื่อปรับปรุง ช่องที่เว้นว่างจะคงข้อมูลเดิมไว้ และบทบาทในไฟล์จะเพิ่มเข้าไปในบทบาทเดิม',
      en: 'An update keeps what a blank cell leaves out, and adds the row’s roles to those the person has',
    },
    {
      th: 'บทบาท: ปราชญ์ชาวบ้าน/เจ้าของภูมิปัญญา, สมาชิกกลุ่ม, ผู้ประกอบการ คั่นด้วยจุลภาค',
      en: 'Roles: wisdom holder, group member, entrepreneur, separated by commas',
    },
  ],
  ...DISTRICT_IMPORT,

  async plan(ctx, rows, choices) {
    const parsed = rows.map((row) => ({ row, ...parseRow(row) }));
    const found = await lookupPeople(ctx.db, ctx.dataKey, ctx.unitCode, {
      citizenIds: parsed.flatMap((p) => (p.record.citizenId ? [p.record.citizenId] : [])),
      firstNames: parsed.map((p) => p.record.fields.firstName),
    });
    const seen = new Map<string, number>();
    return parsed.map(({ row, record, problems }): PlannedRow => {
      const f = record.fields;
      const all = [...row.problems, ...problems];
      const keys = [
        ...(record.citizenId ? [`id:${record.citizenId}`] : []),
        ...(f.subdistrict ? [`name:${nameKey(f.firstName, f.lastName, f.subdistrict)}`] : []),
      ];
      const earlier = keys.map((k) => seen.get(k)).find((l) => l !== undefined);
      if (earlier !== undefined)
        all.push(
          problem(
            row.line,
            record.citizenId && seen.has(`id:${record.citizenId}`) ? 'citizenId' : 'firstName',
            'import.duplicate_in_file',
            `ซ้ำกับแถวที่ ${earlier} ในไฟล์นี้`,
            `Same person as row ${earlier} of this file`,
          ),
        );
      else for (const k of keys) seen.set(k, row.line);
      const base = { line: row.line, values: row.values, label: personLabel(f), unitCode: row.unitCode, problems: all };
      if (all.length) return { ...base, action: 'reject' };
      // The same citizen ID is the same person; a namesake with another citizen ID on file is someone else.
      const hash = record.citizenId ? found.hashOf(record.citizenId) : undefined;
      const existing =
        (record.citizenId ? found.byCitizenId(record.citizenId) : undefined) ??
        found
          .byName(f.firstName, f.lastName, f.subdistrict ?? '')
          .find((p) => !hash || !p.citizenIdHash || p.citizenIdHash === hash);
      if (!existing) return { ...base, action: 'create', record };
      const masked = existing.citizenIdLast4 ? ` (x-xxxx-xxxx${existing.citizenIdLast4[0]}-…)` : '';
      return {
        ...base,
        action: choices[row.line] === 'update' ? 'update' : 'skip',
        duplicate: { id: existing.id, label: `${personLabel(existing)}${masked}` },
        record: { ...record, existing },
      };
    });
  },

  async write(tx, ctx, row) {
    const { fields, citizenId, existing } = row.record as PersonRecord;
    const idFields: Partial<ReturnType<typeof citizenIdFields>> = citizenId ? citizenIdFields(ctx.dataKey, citizenId) : {};
    if (row.action === 'update' && existing) {
      const given = Object.fromEntries(Object.entries(fields).filter(([k, v]) => v !== undefined && k !== 'roles'));
      const values: Partial<typeof people.$inferInsert> = {
        ...given,
        ...(fields.roles.some((r) => !existing.roles.includes(r))
          ? { roles: PERSON_ROLES.filter((r) => existing.roles.includes(r) || fields.roles.includes(r)) }
          : {}),
        ...(idFields.citizenIdHash && idFields.citizenIdHash !== existing.citizenIdHash ? idFields : {}),
      };
      const { before, after } = await updateRecord(
        tx,
        ctx.actor,
        people,
        { entity: 'person', notFound: 'person.not_found' },
        existing.id,
        existing.version,
        values,
      );
      const restore = Object.fromEntries(Object.keys(values).map((k) => [k, before[k as keyof typeof before]]));
      return [{ tableName: 'people', recordId: after.id, action: 'updated', versionAfter: after.version, before: restore }];
    }
    return [await insertPerson(tx, ctx, fields, citizenId)];
  },

  blockers: (tx, _ctx, rows) => recordBlockers(tx, PERSON_KIND, rows, rows),
  undo: (tx, ctx, rows) => undoRecords(tx, ctx, PERSON_KIND, rows),
};
