/**
 * OTOP producer registrations, one row each, owned by a person (sole proprietor, SME) or by an occupational group of
 * the district (community producer group, SME). A person is found by citizen ID (the people table's keyed hash) or by
 * name + subdistrict, else created (once, however many rows name them); a group is found by name as places are
 * (producer-groups.ts). A registration of that owner in that fiscal year is a duplicate the user updates or skips.
 * Group-owned registrations are written through the producers service, as the form writes them (its rules, the
 * group's stage); person-owned ones in bulk (decision 037), by the same rules checked in `plan`.
 */
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { fiscalYearSchema } from '#shared/fields';
import { createRecord, createRecords, updateRecords } from '../../audit/writes';
import { idIn } from '../../db/bulk';
import type { Tx } from '../../db/client';
import { people, producers } from '../../db/schema';
import { parseCitizenIdText, parseDateText, parseIntegerText, parsePhoneText } from '../../imports/read';
import { citizenIdHash, encryptCitizenId } from '../../personal-data';
import { refreshGroupStage } from '../groups/stages';
import { tagPersonRoles } from '../people/people.service';
import { changeProducer, insertProducer, meetsEligibility, ownerFitsType } from '../producers/producers.service';
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
import { PERSON_KIND } from './people.importer';
import { personLabel, tagKeepingRoles } from './people-lookup';
import { type GroupFound, type GroupRow, loadGroupOwners } from './producer-groups';
import {
  PRODUCER_COLUMNS as COLUMNS,
  lower,
  NO,
  OWNER_KINDS,
  type OwnerKind,
  PRODUCER_INSTRUCTIONS,
  PRODUCER_TYPES,
  type ProducerStatus,
  type ProducerType,
  STATUSES,
  YES,
} from './producers-columns';
import { type RecordKind, recordBlockers, undoRecords } from './record-rollback';

type PersonCells = {
  title: string;
  firstName: string;
  lastName: string;
  citizenId?: string;
  phone?: string;
  subdistrict?: string;
};

/** A person the commit creates: shared by every row that names them, so they are created once (the first row's). */
interface NewOwner {
  person: PersonCells;
  id?: number;
}

type Owner = { kind: 'person'; personId?: number; create?: NewOwner } | { kind: 'group'; groupId: number };

interface ProducerFields {
  producerType: ProducerType;
  fiscalYear: number;
  registrationNo: string;
  registeredOn: string;
  status: ProducerStatus;
  communityLink: boolean;
  siteInDistrict: boolean;
  thaiNationality: boolean;
  documentsReceived: boolean;
  publicContact: string | null;
}

interface ProducerRecord {
  owner: Owner;
  producerId?: number;
  producerVersion?: number;
  producer: ProducerFields;
}

const PRODUCER_KIND: RecordKind = {
  table: producers,
  tableName: 'producers',
  entity: 'producer',
  notFound: 'producer.not_found',
  label: (p) => `OTOP ${p.registrationNo ?? `#${p.id}`}`,
};

const OWNER_WORDS = { group: { th: 'กลุ่มอาชีพ', en: 'a group' }, person: { th: 'บุคคล', en: 'a person' } };
const TYPE_WORDS: Record<ProducerType, { th: string; en: string }> = {
  community_group: { th: 'กลุ่มผู้ผลิตชุมชน', en: 'a community producer group' },
  sole_proprietor: { th: 'ผู้ประกอบการรายเดียว', en: 'a sole proprietor' },
  sme: { th: 'SME', en: 'an SME' },
};

function parseRow(row: { line: number; values: Record<string, string> }) {
  const v = row.values;
  const { problems, take } = rowChecks(row, COLUMNS, { registrationNo: 50, publicContact: 200 });
  const flag = (key: string) => {
    const text = v[key]?.toLowerCase() ?? '';
    if (YES.has(text)) return true;
    if (NO.has(text)) return false;
    problems.push(problem(row.line, key, 'import.yes_no', `"${v[key]}" ต้องเป็น ใช่ หรือ ไม่ใช่`, `"${v[key]}" must be yes or no`));
    return false;
  };
  const producerType = PRODUCER_TYPES[lower(v.producerType ?? '')];
  if (v.producerType && !producerType)
    problems.push(
      problem(
        row.line,
        'producerType',
        'import.producer_type',
        `ประเภทผู้ผลิต "${v.producerType}" ไม่ถูกต้อง (กลุ่มผู้ผลิตชุมชน ผู้ประกอบการรายเดียว หรือ SME)`,
        `Unknown producer type "${v.producerType}" (community producer group, sole proprietor or SME)`,
      ),
    );
  const ownerKind: OwnerKind | undefined = v.ownerType
    ? OWNER_KINDS[lower(v.ownerType)]
    : producerType === 'community_group' || (v.groupName && !v.firstName)
      ? 'group'
      : 'person';
  if (!ownerKind)
    problems.push(
      problem(
        row.line,
        'ownerType',
        'import.owner_type',
        `ประเภทเจ้าของ "${v.ownerType}" ไม่ถูกต้อง (บุคคล หรือ กลุ่มอาชีพ)`,
        `Unknown owner type "${v.ownerType}" (person or occupational group)`,
      ),
    );
  const ownerColumns =
    ownerKind === 'group' ? (['groupName'] as const) : ownerKind ? (['title', 'firstName', 'lastName'] as const) : [];
  for (const key of ownerColumns)
    if (!v[key]) {
      const c = COLUMNS.find((col) => col.key === key)!;
      const owner = OWNER_WORDS[ownerKind!];
      problems.push(
        problem(row.line, key, 'import.required', `ต้องกรอก${c.th} (เจ้าของเป็น${owner.th})`, `${c.en} is required for ${owner.en}`),
      );
    }
  // The producers service's rule, told in the row's words: a group registers as a community group or an SME only.
  if (producerType && ownerKind && !ownerFitsType(producerType, ownerKind))
    problems.push(
      problem(
        row.line,
        'producerType',
        'import.owner_mismatch',
        `${OWNER_WORDS[ownerKind].th}ลงทะเบียนเป็น${TYPE_WORDS[producerType].th}ไม่ได้ (กลุ่มผู้ผลิตชุมชนต้องเป็นกลุ่มอาชีพ ผู้ประกอบการรายเดียวต้องเป็นบุคคล)`,
        `${OWNER_WORDS[ownerKind].en} cannot register as ${TYPE_WORDS[producerType].en} (a community producer group is a group, a sole proprietor a person)`,
      ),
    );
  const isPerson = ownerKind === 'person';
  const citizenId = isPerson && v.citizenId ? take('citizenId', parseCitizenIdText(v.citizenId)) : undefined;
  const phone = isPerson && v.phone ? take('phone', parsePhoneText(v.phone)) : undefined;
  const status = STATUSES[lower(v.status ?? '')] ?? (v.status ? undefined : 'registered');
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
  const producer: ProducerFields = {
    producerType,
    fiscalYear: Number(fiscalYear),
    registrationNo: v.registrationNo,
    registeredOn: String(registeredOn),
    status: status!,
    communityLink: flag('communityLink'),
    siteInDistrict: flag('siteInDistrict'),
    thaiNationality: flag('thaiNationality'),
    documentsReceived: flag('documentsReceived'),
    publicContact: v.publicContact || null,
  };
  if (status && !meetsEligibility(producer))
    problems.push(
      problem(
        row.line,
        undefined,
        'import.not_eligible',
        'ลงทะเบียนได้เมื่อคุณสมบัติครบทั้ง 4 ข้อ',
        'A registration needs all four eligibility conditions',
      ),
    );
  const person: PersonCells = {
    title: v.title,
    firstName: v.firstName,
    lastName: v.lastName,
    citizenId: citizenId ? String(citizenId) : undefined,
    phone: phone ? String(phone) : undefined,
    subdistrict: v.subdistrict || undefined,
  };
  return { ownerKind, person, producer, problems };
}

/** A new owner's person record: the citizen ID kept as the people service keeps it (hash, last 4, sealed). */
function newPerson(ctx: ImportContext, person: PersonCells): typeof people.$inferInsert {
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

const nameKey = (p: { firstName: string; lastName: string; subdistrict?: string | null }) =>
  `${p.firstName}\u0000${p.lastName}\u0000${p.subdistrict ?? ''}`;

/** The district's people the rows name, by citizen-ID hash and by name + subdistrict. */
async function peopleNamed(ctx: ImportContext, persons: PersonCells[]) {
  const hashes = new Map<string, string>();
  for (const p of persons) if (p.citizenId) hashes.set(p.citizenId, citizenIdHash(ctx.dataKey, p.citizenId));
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
  const byName = new Map<string, typeof people.$inferSelect>();
  const firstNames = [...new Set(persons.filter((p) => p.subdistrict).map((p) => p.firstName))];
  for (let i = 0; i < firstNames.length; i += 1000) {
    const found = await ctx.db
      .select()
      .from(people)
      .where(and(live, inArray(people.firstName, firstNames.slice(i, i + 1000))));
    for (const p of found) if (p.subdistrict) byName.set(nameKey(p), p);
  }
  return (p: PersonCells) =>
    (p.citizenId ? byHash.get(hashes.get(p.citizenId)!) : undefined) ?? (p.subdistrict ? byName.get(nameKey(p)) : undefined);
}

/** An owner's registration of a fiscal year: what a row duplicates. */
const registrationKey = (owner: 'g' | 'p', id: number, fiscalYear: number) => `${owner}${id}:${fiscalYear}`;

/** The live registrations of the owners the rows name, by owner and fiscal year (a lookup per row, not a scan). */
async function registrationsOf(ctx: ImportContext, personIds: number[], groupIds: number[]) {
  const of = (column: typeof producers.personId | typeof producers.groupId, ids: number[]) =>
    ids.length
      ? ctx.db
          .select()
          .from(producers)
          .where(and(idIn(column, ids), isNull(producers.deletedAt)))
      : Promise.resolve([]);
  const byKey = new Map<string, typeof producers.$inferSelect>();
  for (const r of [...(await of(producers.personId, personIds)), ...(await of(producers.groupId, groupIds))]) {
    const key = r.groupId ? registrationKey('g', r.groupId, r.fiscalYear) : registrationKey('p', r.personId!, r.fiscalYear);
    if (!byKey.has(key)) byKey.set(key, r);
  }
  return byKey;
}

/** The fields an update of a registration may change, as they were before it (restored by a rollback). */
const beforeUpdate = (before: typeof producers.$inferSelect, producer: ProducerFields) =>
  Object.fromEntries(Object.keys(producer).map((k) => [k, before[k as keyof typeof before]]));

export const producersImporter: Importer = {
  kind: 'producers',
  permission: 'pipeline.write',
  title: { th: 'นำเข้าผู้ผลิต ผู้ประกอบการ OTOP', en: 'Import OTOP producers' },
  columns: COLUMNS,
  instructions: PRODUCER_INSTRUCTIONS,
  ...DISTRICT_IMPORT,

  async plan(ctx, rows, choices, names) {
    const parsed = rows.map((row) => ({ row, ...parseRow(row) }));
    const personOf = await peopleNamed(
      ctx,
      parsed.filter((p) => p.ownerKind === 'person').map((p) => p.person),
    );
    const groupRows = parsed.filter((p) => p.ownerKind === 'group' && p.row.values.groupName);
    const findGroup = groupRows.length
      ? await loadGroupOwners(
          ctx,
          groupRows.map((p) => p.row.values.groupName),
        )
      : undefined;
    const owners = parsed.map(({ row, ownerKind, person }) => {
      if (ownerKind === 'group' && row.values.groupName)
        return { group: findGroup!(row.line, row.values.groupName, row.values.subdistrict || undefined, names) };
      return { person: ownerKind === 'person' ? personOf(person) : undefined };
    });
    const ids = (pick: (o: (typeof owners)[number]) => number | undefined) => [
      ...new Set(owners.flatMap((o) => (pick(o) === undefined ? [] : [pick(o)!]))),
    ];
    const registrations = await registrationsOf(
      ctx,
      ids((o) => o.person?.id),
      ids((o) => o.group?.group?.id),
    );
    const seen = new Map<string, number>();
    const newOwners = new Map<string, NewOwner>();
    return parsed.map(({ row, ownerKind, person: p, producer, problems }, i): PlannedRow => {
      const { person, group: found } = owners[i] as { person?: typeof people.$inferSelect; group?: GroupFound };
      const group: GroupRow | undefined = found?.group;
      const label = ownerKind === 'group' ? (group?.name ?? row.values.groupName ?? '') : personLabel(p);
      const all = [...row.problems, ...problems, ...(found?.problems ?? [])];
      const ownerKey = ownerKind === 'group' ? (group ? `g:${group.id}` : undefined) : `p:${p.citizenId ?? nameKey(p)}`;
      const fileKey = ownerKey && `${ownerKey}\u0000${producer.fiscalYear}`;
      const earlier = fileKey ? seen.get(fileKey) : undefined;
      if (earlier !== undefined)
        all.push(
          problem(
            row.line,
            ownerKind === 'group' ? 'groupName' : 'citizenId',
            'import.duplicate_in_file',
            `ซ้ำกับแถวที่ ${earlier} ในไฟล์นี้ (เจ้าของเดียวกัน ปีงบประมาณเดียวกัน)`,
            `Same owner and fiscal year as row ${earlier} of this file`,
          ),
        );
      else if (fileKey) seen.set(fileKey, row.line);
      const base = { line: row.line, values: row.values, label, unitCode: row.unitCode, problems: all };
      if (all.length) return { ...base, action: 'reject', ...(found?.named ? { named: found.named } : {}) };
      const existing = group
        ? registrations.get(registrationKey('g', group.id, producer.fiscalYear))
        : person && registrations.get(registrationKey('p', person.id, producer.fiscalYear));
      let owner: Owner;
      if (group) owner = { kind: 'group', groupId: group.id };
      else if (person) owner = { kind: 'person', personId: person.id };
      else {
        const key = p.citizenId ?? nameKey(p);
        const create = newOwners.get(key) ?? { person: p };
        newOwners.set(key, create);
        owner = { kind: 'person', create };
      }
      // An update keeps the public contact the file leaves blank (the column is new; older files lack it).
      const fields = existing && !producer.publicContact ? { ...producer, publicContact: existing.publicContact } : producer;
      const record: ProducerRecord = { owner, producer: fields, producerId: existing?.id, producerVersion: existing?.version };
      const duplicate = existing && {
        id: existing.id,
        label: `${group ? group.name : PERSON_KIND.label(person!)} (OTOP ${existing.registrationNo})`,
      };
      const planned = createOrChoose(base, choices, record, duplicate);
      return found?.named || found?.pending ? { ...planned, pending: found.pending || undefined, named: found.named } : planned;
    });
  },

  /** One row: an update, or a group's registration, through the producers service; a person's created as in bulk. */
  async write(tx, ctx, row) {
    const record = row.record as ProducerRecord;
    const { owner } = record;
    const written: WrittenRow[] = [];
    let ownerIds: { groupId?: number; personId?: number };
    if (owner.kind === 'group') ownerIds = { groupId: owner.groupId };
    else if (owner.personId !== undefined) {
      const personId = owner.personId;
      written.push(
        ...(await tagKeepingRoles(tx, [personId], 'entrepreneur', () =>
          tagPersonRoles(tx, ctx.actor, [personId], 'entrepreneur'),
        )),
      );
      ownerIds = { personId };
    } else {
      const create = owner.create!;
      if (create.id === undefined) {
        const person = await createRecord(tx, ctx.actor, people, 'person', newPerson(ctx, create.person));
        create.id = person.id;
        written.push({ tableName: 'people', recordId: person.id, action: 'created', versionAfter: person.version, before: null });
      }
      ownerIds = { personId: create.id };
    }
    if (row.action === 'update' && record.producerId !== undefined) {
      const { before, after } = await changeProducer(
        tx,
        ctx.actor,
        { id: record.producerId, orgUnitCode: ctx.unitCode },
        { version: record.producerVersion!, ...ownerIds, ...record.producer },
      );
      written.push({
        tableName: 'producers',
        recordId: after.id,
        action: 'updated',
        versionAfter: after.version,
        before: beforeUpdate(before, record.producer),
      });
    } else {
      const created = await insertProducer(tx, ctx.actor, { orgUnitCode: ctx.unitCode, ...ownerIds, ...record.producer });
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

  /**
   * Group-owned registrations one by one through the producers service (`write`: the group's stage follows each);
   * person-owned ones in bulk, by the same rules (checked in `plan`) and with the same audit: the new owners in one
   * insert, the owners on file tagged in one change, new registrations in one insert and updates in one statement per
   * thousand (`updateRecords`).
   */
  async writeMany(tx, ctx, rows) {
    const written: BatchRowRef[] = [];
    const recordOf = (row: RowToWrite) => row.record as ProducerRecord;
    const isUpdate = (row: RowToWrite) => row.action === 'update' && recordOf(row).producerId !== undefined;
    for (const row of rows.filter((r) => recordOf(r).owner.kind === 'group'))
      for (const w of await producersImporter.write(tx, ctx, row)) written.push({ ...w, line: row.line });
    const ofPeople = rows
      .filter((r) => recordOf(r).owner.kind === 'person')
      .map((row) => ({ line: row.line, owner: recordOf(row).owner as Extract<Owner, { kind: 'person' }>, row }));
    const creates = ofPeople.filter((c) => !isUpdate(c.row));
    // Each new owner created once, by the first row of the commit that names them (an earlier chunk's may have).
    const toCreate: { line: number; owner: NewOwner }[] = [];
    const listed = new Set<NewOwner>();
    for (const c of creates)
      if (c.owner.create && c.owner.create.id === undefined && !listed.has(c.owner.create)) {
        listed.add(c.owner.create);
        toCreate.push({ line: c.line, owner: c.owner.create });
      }
    const createdPeople = await createRecords(
      tx,
      ctx.actor,
      people,
      'person',
      toCreate.map((c) => newPerson(ctx, c.owner.person)),
    );
    toCreate.forEach((c, i) => {
      const person = createdPeople[i];
      c.owner.id = person.id;
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
    for (const c of ofPeople)
      if (c.owner.personId !== undefined && !known.has(c.owner.personId)) known.set(c.owner.personId, c.line);
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
        personId: c.owner.personId ?? c.owner.create!.id!,
        ...(c.row.record as ProducerRecord).producer,
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
    const updates = ofPeople.filter((c) => isUpdate(c.row)).map((c) => ({ line: c.line, record: recordOf(c.row) }));
    const changed = await updateRecords(
      tx,
      ctx.actor,
      producers,
      { entity: 'producer', notFound: 'producer.not_found' },
      updates.map((u) => ({ id: u.record.producerId!, version: u.record.producerVersion!, values: u.record.producer })),
    );
    updates.forEach((u, i) => {
      const { before, after } = changed[i];
      written.push({
        line: u.line,
        tableName: 'producers',
        recordId: after.id,
        action: 'updated',
        versionAfter: after.version,
        before: beforeUpdate(before, u.record.producer),
      });
    });
    return written;
  },

  async blockers(tx, _ctx, rows) {
    return [...(await recordBlockers(tx, PRODUCER_KIND, rows, rows)), ...(await recordBlockers(tx, PERSON_KIND, rows, rows))];
  },

  /** Registrations removed or restored, the stage of their groups brought back in line, then the people. */
  async undo(tx: Tx, ctx, rows) {
    await undoRecords(tx, ctx, PRODUCER_KIND, rows);
    const ids = rows.filter((r) => r.tableName === 'producers').map((r) => r.recordId);
    const owners = ids.length
      ? await tx
          .selectDistinct({ groupId: producers.groupId })
          .from(producers)
          .where(and(idIn(producers.id, ids), isNotNull(producers.groupId)))
      : [];
    for (const { groupId } of owners) await refreshGroupStage(tx, ctx.actor, groupId!);
    await undoRecords(tx, ctx, PERSON_KIND, rows);
  },
};
