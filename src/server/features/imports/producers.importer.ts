/**
 * OTOP producers owned by a person (ผู้ประกอบการรายเดียว, SME), one row each with the owner. The owner is found by
 * citizen ID (the people table's keyed hash) or by name + subdistrict, else created; a producer already registered for
 * that person in that fiscal year is a duplicate the user updates or skips. Group-owned producers need their group's
 * members and come with the groups importer.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { fiscalYearSchema } from '#shared/fields';
import { createRecord, createRecords, updateRecord } from '../../audit/writes';
import { idIn } from '../../db/bulk';
import type { Tx } from '../../db/client';
import { people, producers } from '../../db/schema';
import { parseCitizenIdText, parseDateText, parseIntegerText, parsePhoneText } from '../../imports/read';
import { citizenIdHash, encryptCitizenId } from '../../personal-data';
import { tagPersonRoles } from '../people/people.service';
import {
  type BatchRowRef,
  createOrChoose,
  DISTRICT_IMPORT,
  type ImportContext,
  type Importer,
  type PlannedRow,
  problem,
  type RowToWrite,
  rowChecks,
  type WrittenRow,
} from './importer';
import { tagKeepingRoles } from './people-lookup';
import { type RecordKind, recordBlockers, undoRecords } from './record-rollback';

const TYPES: Record<string, 'sole_proprietor' | 'sme'> = {
  ผู้ประกอบการรายเดียว: 'sole_proprietor',
  รายเดียว: 'sole_proprietor',
  'sole proprietor': 'sole_proprietor',
  sole_proprietor: 'sole_proprietor',
  sme: 'sme',
  'ผู้ประกอบการ sme': 'sme',
  วิสาหกิจขนาดกลางและขนาดย่อม: 'sme',
};
const STATUSES: Record<string, 'registered' | 'suspended' | 'cancelled'> = {
  '': 'registered',
  ลงทะเบียน: 'registered',
  registered: 'registered',
  ระงับ: 'suspended',
  suspended: 'suspended',
  ยกเลิก: 'cancelled',
  cancelled: 'cancelled',
};
const YES = new Set(['', 'ใช่', 'มี', 'ครบ', 'yes', 'y', '1', 'true', '✓']);
const NO = new Set(['ไม่', 'ไม่ใช่', 'ไม่มี', 'ไม่ครบ', 'no', 'n', '0', 'false']);

const yesNo = (key: string, th: string, en: string) => ({
  key,
  th,
  en,
  example: 'ใช่',
  help: { th: 'ใช่ / ไม่ใช่ (ว่าง = ใช่)', en: 'yes / no (blank = yes)' },
});

const COLUMNS = [
  { key: 'district', th: 'อำเภอ', en: 'District', required: true, aliases: ['อ.', 'District'], example: 'เมืองอุบลราชธานี' },
  { key: 'title', th: 'คำนำหน้า', en: 'Title', required: true, example: 'นาง' },
  { key: 'firstName', th: 'ชื่อ', en: 'First name', required: true, example: 'สมศรี' },
  { key: 'lastName', th: 'นามสกุล', en: 'Last name', required: true, example: 'ใจงาม' },
  { key: 'citizenId', th: 'เลขประจำตัวประชาชน', en: 'Citizen ID', example: '3-3401-00123-45-6' },
  { key: 'phone', th: 'โทรศัพท์', en: 'Phone', example: '081-234-5678' },
  { key: 'subdistrict', th: 'ตำบล', en: 'Subdistrict', example: 'ในเมือง' },
  {
    key: 'producerType',
    th: 'ประเภทผู้ผลิต',
    en: 'Producer type',
    required: true,
    example: 'ผู้ประกอบการรายเดียว',
    help: { th: 'ผู้ประกอบการรายเดียว หรือ SME', en: 'sole proprietor or SME' },
  },
  { key: 'fiscalYear', th: 'ปีงบประมาณ', en: 'Fiscal year', required: true, example: '2568' },
  { key: 'registrationNo', th: 'เลขทะเบียน', en: 'Registration no.', required: true, example: 'OTOP-3401-0001' },
  { key: 'registeredOn', th: 'วันที่ลงทะเบียน', en: 'Registered on', required: true, example: '15/1/2568' },
  {
    key: 'status',
    th: 'สถานะ',
    en: 'Status',
    example: 'ลงทะเบียน',
    help: { th: 'ลงทะเบียน / ระงับ / ยกเลิก', en: 'registered / suspended / cancelled' },
  },
  yesNo('communityLink', 'เชื่อมโยงชุมชน', 'Linked to the community'),
  yesNo('siteInDistrict', 'สถานที่ผลิตในอำเภอ', 'Production site in the district'),
  yesNo('thaiNationality', 'สัญชาติไทย', 'Thai nationality'),
  yesNo('documentsReceived', 'เอกสารครบ', 'Documents received'),
] as const;

interface ProducerRecord {
  person: { title: string; firstName: string; lastName: string; citizenId?: string; phone?: string; subdistrict?: string };
  personId?: number;
  producerId?: number;
  producerVersion?: number;
  producer: {
    producerType: 'sole_proprietor' | 'sme';
    fiscalYear: number;
    registrationNo: string;
    registeredOn: string;
    status: 'registered' | 'suspended' | 'cancelled';
    communityLink: boolean;
    siteInDistrict: boolean;
    thaiNationality: boolean;
    documentsReceived: boolean;
  };
}

const PERSON_KIND: RecordKind = {
  table: people,
  tableName: 'people',
  entity: 'person',
  notFound: 'person.not_found',
  label: (p) => `${p.title ?? ''}${p.firstName ?? ''} ${p.lastName ?? ''}`.trim() || `#${p.id}`,
};
const PRODUCER_KIND: RecordKind = {
  table: producers,
  tableName: 'producers',
  entity: 'producer',
  notFound: 'producer.not_found',
  label: (p) => `OTOP ${p.registrationNo ?? `#${p.id}`}`,
};

function parseRow(row: { line: number; values: Record<string, string> }) {
  const v = row.values;
  const { problems, take } = rowChecks(row, COLUMNS);
  const flag = (key: string) => {
    const text = v[key]?.toLowerCase() ?? '';
    if (YES.has(text)) return true;
    if (NO.has(text)) return false;
    problems.push(problem(row.line, key, 'import.yes_no', `"${v[key]}" ต้องเป็น ใช่ หรือ ไม่ใช่`, `"${v[key]}" must be yes or no`));
    return false;
  };
  const citizenId = v.citizenId ? take('citizenId', parseCitizenIdText(v.citizenId)) : undefined;
  const phone = v.phone ? take('phone', parsePhoneText(v.phone)) : undefined;
  const producerType = TYPES[(v.producerType ?? '').toLowerCase()];
  if (v.producerType && !producerType)
    problems.push(
      problem(
        row.line,
        'producerType',
        'import.producer_type',
        `ประเภทผู้ผลิต "${v.producerType}" ไม่ถูกต้อง (ผู้ประกอบการรายเดียว หรือ SME)`,
        `Unknown producer type "${v.producerType}" (sole proprietor or SME)`,
      ),
    );
  const status = STATUSES[(v.status ?? '').toLowerCase()];
  if (!status)
    problems.push(problem(row.line, 'status', 'import.status', `สถานะ "${v.status}" ไม่ถูกต้อง`, `Unknown status "${v.status}"`));
  const fiscalYear = v.fiscalYear ? take('fiscalYear', parseIntegerText(v.fiscalYear)) : undefined;
  if (fiscalYear !== undefined && !fiscalYearSchema.safeParse(fiscalYear).success)
    problems.push(
      problem(
        row.line,
        'fiscalYear',
        'import.fiscal_year',
        `ปีงบประมาณ ${fiscalYear} ไม่ถูกต้อง`,
        `Fiscal year ${fiscalYear} is not valid`,
      ),
    );
  const registeredOn = v.registeredOn ? take('registeredOn', parseDateText(v.registeredOn)) : undefined;
  const flags = {
    communityLink: flag('communityLink'),
    siteInDistrict: flag('siteInDistrict'),
    thaiNationality: flag('thaiNationality'),
    documentsReceived: flag('documentsReceived'),
  };
  if (status === 'registered' && !Object.values(flags).every(Boolean))
    problems.push(
      problem(
        row.line,
        undefined,
        'import.not_eligible',
        'ลงทะเบียนได้เมื่อคุณสมบัติครบทั้ง 4 ข้อ',
        'A registration needs all four eligibility conditions',
      ),
    );
  const record: ProducerRecord = {
    person: {
      title: v.title,
      firstName: v.firstName,
      lastName: v.lastName,
      citizenId: citizenId ? String(citizenId) : undefined,
      phone: phone ? String(phone) : undefined,
      subdistrict: v.subdistrict || undefined,
    },
    producer: {
      producerType,
      fiscalYear: Number(fiscalYear),
      registrationNo: v.registrationNo,
      registeredOn: String(registeredOn),
      status,
      ...flags,
    },
  };
  return { record, problems };
}

/** A new owner's person record: the citizen ID kept as the people service keeps it (hash, last 4, sealed). */
function newPerson(ctx: ImportContext, person: ProducerRecord['person']): typeof people.$inferInsert {
  const { citizenId, ...fields } = person;
  return {
    orgUnitCode: ctx.unitCode,
    ...fields,
    phone: fields.phone ?? null,
    subdistrict: fields.subdistrict ?? null,
    roles: ['entrepreneur'],
    ...(citizenId
      ? {
          citizenIdHash: citizenIdHash(ctx.dataKey, citizenId),
          citizenIdLast4: citizenId.slice(-4),
          citizenIdEncrypted: encryptCitizenId(ctx.dataKey, citizenId),
        }
      : {}),
  };
}

export const producersImporter: Importer = {
  kind: 'producers',
  permission: 'pipeline.write',
  title: { th: 'นำเข้าผู้ผลิต ผู้ประกอบการ OTOP', en: 'Import OTOP producers' },
  columns: COLUMNS,
  instructions: [
    { th: 'หนึ่งแถวต่อผู้ผลิตหนึ่งราย (บุคคล) ของอำเภอของท่านเท่านั้น', en: 'One row per producer (a person) of your own district only' },
    {
      th: 'พบเลขประจำตัวประชาชนหรือชื่อ-นามสกุลและตำบลซ้ำกับข้อมูลเดิม ระบบจะให้เลือกปรับปรุงหรือข้าม',
      en: 'A citizen ID, or a name and subdistrict, already on file: you choose to update or skip',
    },
    { th: 'วันที่ใช้ พ.ศ. หรือ ค.ศ. ก็ได้ เช่น 15/1/2568', en: 'Dates in BE or CE, e.g. 15/1/2568' },
  ],
  ...DISTRICT_IMPORT,

  async plan(ctx, rows, choices) {
    const parsed = rows.map((row) => ({ row, ...parseRow(row) }));
    const hashes = new Map<string, string>();
    for (const p of parsed)
      if (p.record.person.citizenId) hashes.set(p.record.person.citizenId, citizenIdHash(ctx.dataKey, p.record.person.citizenId));
    const live = and(eq(people.orgUnitCode, ctx.unitCode), isNull(people.deletedAt));
    const byHash = new Map<string, typeof people.$inferSelect>();
    const hashList = [...hashes.values()];
    for (let i = 0; i < hashList.length; i += 1000) {
      const found = await ctx.db
        .select()
        .from(people)
        .where(and(live, inArray(people.citizenIdHash, hashList.slice(i, i + 1000))));
      for (const p of found) byHash.set(p.citizenIdHash!, p);
    }
    const nameKey = (p: { firstName: string; lastName: string; subdistrict?: string | null }) =>
      `${p.firstName}\u0000${p.lastName}\u0000${p.subdistrict ?? ''}`;
    const named = parsed.filter((p) => p.record.person.subdistrict);
    const byName = new Map<string, typeof people.$inferSelect>();
    const firstNames = [...new Set(named.map((p) => p.record.person.firstName))];
    for (let i = 0; i < firstNames.length; i += 1000) {
      const found = await ctx.db
        .select()
        .from(people)
        .where(and(live, inArray(people.firstName, firstNames.slice(i, i + 1000))));
      for (const p of found) if (p.subdistrict) byName.set(nameKey(p), p);
    }
    const personIds = [...new Set([...byHash.values(), ...byName.values()].map((p) => p.id))];
    const registrations = personIds.length
      ? await ctx.db
          .select()
          .from(producers)
          .where(and(idIn(producers.personId, personIds), isNull(producers.deletedAt)))
      : [];
    const seen = new Map<string, number>();
    return parsed.map(({ row, record, problems }): PlannedRow => {
      const p = record.person;
      const label = `${p.title ?? ''}${p.firstName ?? ''} ${p.lastName ?? ''}`.trim();
      const all = [...row.problems, ...problems];
      const fileKey = p.citizenId ?? nameKey(p);
      const earlier = seen.get(fileKey);
      if (earlier !== undefined)
        all.push(
          problem(
            row.line,
            'citizenId',
            'import.duplicate_in_file',
            `ซ้ำกับแถวที่ ${earlier} ในไฟล์นี้`,
            `Same person as row ${earlier} of this file`,
          ),
        );
      else seen.set(fileKey, row.line);
      const base = { line: row.line, values: row.values, label, unitCode: row.unitCode, problems: all };
      if (all.length) return { ...base, action: 'reject' };
      const person =
        (p.citizenId ? byHash.get(hashes.get(p.citizenId)!) : undefined) ?? (p.subdistrict ? byName.get(nameKey(p)) : undefined);
      const existing =
        person && registrations.find((r) => r.personId === person.id && r.fiscalYear === record.producer.fiscalYear);
      const withIds: ProducerRecord = {
        person: record.person,
        producer: record.producer,
        personId: person?.id,
        producerId: existing?.id,
        producerVersion: existing?.version,
      };
      const duplicate = existing && { id: existing.id, label: `${PERSON_KIND.label(person)} (OTOP ${existing.registrationNo})` };
      return createOrChoose(base, choices, withIds, duplicate);
    });
  },

  async write(tx, ctx, row) {
    const record = row.record as ProducerRecord;
    const written: WrittenRow[] = [];
    let personId = record.personId;
    if (personId === undefined) {
      const person = await createRecord(tx, ctx.actor, people, 'person', newPerson(ctx, record.person));
      personId = person.id;
      written.push({ tableName: 'people', recordId: person.id, action: 'created', versionAfter: person.version, before: null });
    } else
      written.push(
        ...(await tagKeepingRoles(tx, [personId], 'entrepreneur', () =>
          tagPersonRoles(tx, ctx.actor, [personId!], 'entrepreneur'),
        )),
      );
    if (row.action === 'update' && record.producerId !== undefined) {
      const { before, after } = await updateRecord(
        tx,
        ctx.actor,
        producers,
        { entity: 'producer', notFound: 'producer.not_found' },
        record.producerId,
        record.producerVersion!,
        record.producer,
      );
      const restore = Object.fromEntries(Object.keys(record.producer).map((k) => [k, before[k as keyof typeof before]]));
      written.push({
        tableName: 'producers',
        recordId: after.id,
        action: 'updated',
        versionAfter: after.version,
        before: restore,
      });
    } else {
      const created = await createRecord(tx, ctx.actor, producers, 'producer', {
        orgUnitCode: ctx.unitCode,
        personId,
        ...record.producer,
      });
      written.push({
        tableName: 'producers',
        recordId: created.id,
        action: 'created',
        versionAfter: created.version,
        before: null,
      });
    }
    return written;
  },

  /** New registrations in bulk: the new owners in one insert, their registrations in another (updates one by one). */
  async writeMany(tx, ctx, rows) {
    const written: BatchRowRef[] = [];
    const isUpdate = (row: RowToWrite) => row.action === 'update' && (row.record as ProducerRecord).producerId !== undefined;
    for (const row of rows.filter(isUpdate))
      for (const w of await producersImporter.write(tx, ctx, row)) written.push({ ...w, line: row.line });
    const creates = rows.filter((row) => !isUpdate(row)).map((row) => ({ line: row.line, record: row.record as ProducerRecord }));
    const owners = creates.filter((c) => c.record.personId === undefined);
    const createdPeople = await createRecords(
      tx,
      ctx.actor,
      people,
      'person',
      owners.map((c) => newPerson(ctx, c.record.person)),
    );
    const personIds = new Map<number, number>();
    owners.forEach((c, i) => {
      const person = createdPeople[i];
      personIds.set(c.line, person.id);
      written.push({
        line: c.line,
        tableName: 'people',
        recordId: person.id,
        action: 'created',
        versionAfter: person.version,
        before: null,
      });
    });
    // Owners already on file, each with the first line that names them (where the batch keeps their tag).
    const known = new Map<number, number>();
    for (const c of creates)
      if (c.record.personId !== undefined && !known.has(c.record.personId)) known.set(c.record.personId, c.line);
    const knownIds = [...known.keys()];
    const tags = await tagKeepingRoles(tx, knownIds, 'entrepreneur', () =>
      tagPersonRoles(tx, ctx.actor, knownIds, 'entrepreneur'),
    );
    for (const tag of tags) written.push({ ...tag, line: known.get(tag.recordId)! });
    const createdProducers = await createRecords(
      tx,
      ctx.actor,
      producers,
      'producer',
      creates.map((c) => ({
        orgUnitCode: ctx.unitCode,
        personId: c.record.personId ?? personIds.get(c.line)!,
        ...c.record.producer,
      })),
    );
    creates.forEach((c, i) => {
      const producer = createdProducers[i];
      written.push({
        line: c.line,
        tableName: 'producers',
        recordId: producer.id,
        action: 'created',
        versionAfter: producer.version,
        before: null,
      });
    });
    return written;
  },

  async blockers(tx, _ctx, rows) {
    return [...(await recordBlockers(tx, PRODUCER_KIND, rows, rows)), ...(await recordBlockers(tx, PERSON_KIND, rows, rows))];
  },

  async undo(tx: Tx, ctx, rows) {
    await undoRecords(tx, ctx, PRODUCER_KIND, rows);
    await undoRecords(tx, ctx, PERSON_KIND, rows);
  },
};
