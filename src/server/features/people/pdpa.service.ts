/**
 * PDPA (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562) duties towards the people recorded in the pipeline: subject
 * access (JSON and PDF), rectification history, erasure or anonymisation, retention settings. See docs/pdpa.md.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { HistoryEntry, PersonalData } from '#shared/people';
import { RETENTION_RECORD_TYPES } from '#shared/people';
import { formatThaiDate } from '#shared/thai/index';
import { type Actor, requirePermission } from '../../access';
import { auditEvent } from '../../audit/audit';
import { insertAudited, updateAudited, updateRecord } from '../../audit/writes';
import { now } from '../../clock';
import type { Db, Tx } from '../../db/client';
import { findVisible } from '../../db/records';
import {
  auditLog,
  groupMembers,
  groups,
  people,
  producers,
  retentionSettings,
  servicePeople,
  services,
  wisdomHolders,
  wisdomItems,
} from '../../db/schema';
import { renderPdf, thaiText } from '../../documents/pdf';
import { AppError } from '../../errors';
import { decryptCitizenId } from '../../personal-data';
import { handlesPersonalData } from './people.service';

type RecordType = (typeof RETENTION_RECORD_TYPES)[number];

/** Defaults, overridable per record type by the national admin; the basis is shown beside each. */
export const RETENTION_DEFAULTS: Record<RecordType, { years: number; th: string; en: string }> = {
  person: {
    years: 5,
    th: 'ระยะเวลาที่ยังให้บริการส่งเสริมอาชีพ และ 5 ปีหลังกิจกรรมล่าสุด',
    en: 'While the person takes part in the programme, then 5 years after the last activity',
  },
  wisdom: { years: 10, th: 'ทะเบียนภูมิปัญญาท้องถิ่น 10 ปี', en: 'Local-wisdom register: 10 years' },
  group: { years: 10, th: 'ทะเบียนกลุ่มอาชีพ 10 ปี', en: 'Occupational group register: 10 years' },
  otop_registration: {
    years: 10,
    th: 'ทะเบียนผู้ผลิตผู้ประกอบการ OTOP เป็นเอกสารราชการ (ระเบียบงานสารบรรณ) 10 ปี',
    en: 'OTOP producer registrations are official records (Regulation on Correspondence): 10 years',
  },
  money: {
    years: 10,
    th: 'หลักฐานการเงิน (ยืมเงิน จ่ายเงิน) ตามระเบียบการเบิกจ่ายและการตรวจสอบของ สตง. 10 ปี',
    en: 'Money records (advances, payments) for the State Audit Office: 10 years',
  },
  attachment: { years: 10, th: 'ตามระเบียนที่แนบ', en: 'As the record it belongs to' },
  audit_log: {
    years: 10,
    th: 'บันทึกการตรวจสอบ (เพิ่มได้อย่างเดียว) 10 ปี',
    en: 'Audit log (append-only): 10 years',
  },
  service_request: {
    years: 2,
    th: 'ชื่อและเบอร์โทรศัพท์ของผู้ขอรับบริการที่ไม่อยู่ในทะเบียนบุคคล 2 ปีนับจากปิดเรื่อง',
    en: 'Name and phone of a requester not in the people register: 2 years after the request is closed',
  },
};

/**
 * Only the district officers of the person's district (their scope is the district; they hold
 * `people.citizen_id.read`) and the national admin act on a person's PDPA requests.
 */
async function personForRequest(db: Db | Tx, actor: Actor, id: number) {
  requirePermission(actor, 'pipeline.read');
  if (!handlesPersonalData(actor)) throw new AppError('access.forbidden');
  return findVisible(db, actor, people, id, 'person.not_found');
}

export async function personHistory(db: Db | Tx, actor: Actor, id: number): Promise<HistoryEntry[]> {
  await personForRequestAllowingErased(db, actor, id);
  return historyOf(db, id);
}

async function historyOf(db: Db | Tx, id: number): Promise<HistoryEntry[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'person'), eq(auditLog.entityId, String(id))))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return rows
    .filter((r) => r.action !== 'read_personal' && r.action !== 'export_personal')
    .map((r) => ({ at: r.at.toISOString(), actor: r.actorUsername, action: r.action, changes: r.changes }));
}

/** History stays readable after erasure (the record of what was done), so erased people are found too. */
async function personForRequestAllowingErased(db: Db | Tx, actor: Actor, id: number) {
  requirePermission(actor, 'pipeline.read');
  if (!handlesPersonalData(actor)) throw new AppError('access.forbidden');
  const [row] = await db.select().from(people).where(eq(people.id, id));
  if (!row || (row.deletedAt && !row.anonymisedAt)) throw new AppError('person.not_found');
  if (actor.orgUnitCode !== 'TH' && !row.orgUnitCode.startsWith(actor.orgUnitCode)) throw new AppError('person.not_found');
  return row;
}

/** Everything held about one person; the export itself is logged (it shows the citizen ID and phone). */
export async function personalData(db: Db, key: Buffer, actor: Actor, id: number): Promise<PersonalData> {
  const p = await personForRequest(db, actor, id);
  const [wisdom, memberships, registrations, served, history] = await Promise.all([
    db
      .select({ id: wisdomItems.id, title: wisdomItems.title, accessLevel: wisdomItems.accessLevel })
      .from(wisdomHolders)
      .innerJoin(wisdomItems, eq(wisdomItems.id, wisdomHolders.wisdomId))
      .where(and(eq(wisdomHolders.personId, id), isNull(wisdomItems.deletedAt))),
    db
      .select({ id: groups.id, name: groups.name, role: groupMembers.role })
      .from(groupMembers)
      .innerJoin(groups, eq(groups.id, groupMembers.groupId))
      .where(and(eq(groupMembers.personId, id), isNull(groups.deletedAt))),
    db
      .select({
        id: producers.id,
        registrationNo: producers.registrationNo,
        fiscalYear: producers.fiscalYear,
        status: producers.status,
      })
      .from(producers)
      .where(eq(producers.personId, id)),
    db
      .select({ id: services.id, serviceDate: services.serviceDate, description: services.description })
      .from(servicePeople)
      .innerJoin(services, eq(services.id, servicePeople.serviceId))
      .where(and(eq(servicePeople.personId, id), isNull(services.deletedAt)))
      .orderBy(asc(services.serviceDate)),
    historyOf(db, id),
  ]);
  await auditEvent(db, actor, {
    action: 'export_personal',
    entity: 'person',
    entityId: id,
    orgUnitCode: p.orgUnitCode,
    after: { fields: ['citizenId', 'phone', 'address'] },
  });
  return {
    exportedAt: now().toISOString(),
    controller: 'กรมการพัฒนาชุมชน กระทรวงมหาดไทย (Community Development Department, Ministry of Interior)',
    person: {
      id: p.id,
      orgUnitCode: p.orgUnitCode,
      title: p.title,
      firstName: p.firstName,
      lastName: p.lastName,
      citizenId: p.citizenIdEncrypted ? decryptCitizenId(key, p.citizenIdEncrypted) : null,
      phone: p.phone,
      houseNo: p.houseNo,
      villageNo: p.villageNo,
      subdistrict: p.subdistrict,
      roles: p.roles,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
      anonymisedAt: p.anonymisedAt?.toISOString() ?? null,
    },
    wisdom,
    groups: memberships,
    registrations,
    services: served,
    history,
  };
}

const FIELD_LABELS: Record<string, string> = {
  title: 'คำนำหน้า',
  firstName: 'ชื่อ',
  lastName: 'นามสกุล',
  citizenId: 'เลขประจำตัวประชาชน',
  citizenIdLast4: 'เลขประจำตัวประชาชน (4 หลักท้าย)',
  phone: 'โทรศัพท์',
  houseNo: 'บ้านเลขที่',
  villageNo: 'หมู่ที่',
  subdistrict: 'ตำบล',
  roles: 'บทบาท',
};

const shown = (value: unknown) => (value === null || value === undefined || value === '' ? '-' : String(value));

/** The same export as a document in Sarabun, for handing to the person. */
export function personalDataPdf(data: PersonalData): Promise<Buffer> {
  const p = data.person;
  const row = (label: string, value: unknown) => [{ text: label, bold: true }, thaiText(shown(value))];
  return renderPdf({
    info: { title: `ข้อมูลส่วนบุคคล #${p.id}` },
    content: [
      { text: 'ข้อมูลส่วนบุคคลที่ระบบ Thanrak เก็บรักษา', bold: true, fontSize: 18, alignment: 'center' },
      { text: `ตามคำขอใช้สิทธิของเจ้าของข้อมูล (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 มาตรา 30)`, alignment: 'center' },
      { text: `ออกเมื่อ ${formatThaiDate(data.exportedAt.slice(0, 10))}  ผู้ควบคุมข้อมูล: ${data.controller}`, margin: [0, 6, 0, 10] },
      {
        table: {
          widths: [150, '*'],
          body: [
            row('รหัสบุคคล', p.id),
            row('หน่วยงาน (อำเภอ)', p.orgUnitCode),
            row('ชื่อ-นามสกุล', `${p.title}${p.firstName} ${p.lastName}`),
            row('เลขประจำตัวประชาชน', p.citizenId),
            row('โทรศัพท์', p.phone),
            row(
              'ที่อยู่',
              [p.houseNo, p.villageNo ? `หมู่ ${p.villageNo}` : '', p.subdistrict ? `ต.${p.subdistrict}` : '']
                .filter(Boolean)
                .join(' '),
            ),
            row('บทบาท', p.roles.join(', ')),
          ],
        },
      },
      { text: 'ภูมิปัญญา', bold: true, margin: [0, 10, 0, 2] },
      { ul: data.wisdom.length ? data.wisdom.map((w) => thaiText(`${w.title} (#${w.id})`)) : ['-'] },
      { text: 'กลุ่มอาชีพ', bold: true, margin: [0, 10, 0, 2] },
      { ul: data.groups.length ? data.groups.map((g) => thaiText(`${g.name} (#${g.id}) ${g.role}`)) : ['-'] },
      { text: 'การลงทะเบียนผู้ผลิตผู้ประกอบการ OTOP', bold: true, margin: [0, 10, 0, 2] },
      {
        ul: data.registrations.length
          ? data.registrations.map((r) => `${r.registrationNo} ปีงบประมาณ ${r.fiscalYear} (${r.status})`)
          : ['-'],
      },
      { text: 'การรับบริการจากศูนย์ฯ', bold: true, margin: [0, 10, 0, 2] },
      {
        ul: data.services.length
          ? data.services.map((v) => thaiText(`${formatThaiDate(v.serviceDate)} ${v.description} (#${v.id})`))
          : ['-'],
      },
      { text: 'ประวัติการบันทึกและแก้ไขข้อมูล', bold: true, margin: [0, 10, 0, 2] },
      {
        table: {
          widths: [90, 70, 60, '*'],
          body: [
            ['เวลา', 'ผู้ดำเนินการ', 'การกระทำ', 'ข้อมูลที่เปลี่ยน'].map((text) => ({ text, bold: true })),
            ...data.history.map((h) => [
              h.at.slice(0, 16).replace('T', ' '),
              h.actor,
              h.action,
              thaiText(
                Object.entries(h.changes)
                  .filter(([field]) => field in FIELD_LABELS)
                  .map(([field, c]) => `${FIELD_LABELS[field]}: ${shown(c.before)} → ${shown(c.after)}`)
                  .join('; ') || '-',
              ),
            ]),
          ],
        },
        fontSize: 11,
      },
    ],
  });
}

/**
 * Erasure on request. A person a record with legal retention still needs (an OTOP registration; money
 * records, should a future one name a person) is anonymised and kept as a link; anyone else is anonymised
 * and soft-deleted. Either way the name becomes "ผู้ถูกลบข้อมูล #id" and the citizen ID, phone and address
 * are cleared. Earlier audit entries stay (append-only, kept for their own legal retention; see docs/pdpa.md).
 */
export async function erasePerson(db: Db, actor: Actor, id: number, version: number) {
  return db.transaction(async (tx) => {
    const p = await personForRequest(tx, actor, id);
    if (p.anonymisedAt) throw new AppError('person.already_erased');
    const registrations = await tx.select({ id: producers.id }).from(producers).where(eq(producers.personId, id)).limit(1);
    const retainedFor: string[] = registrations.length ? ['otop_registration'] : [];
    const erasedAt = now();
    await updateRecord(
      tx,
      actor,
      people,
      { entity: 'person', notFound: 'person.not_found' },
      id,
      version,
      {
        title: '',
        firstName: 'ผู้ถูกลบข้อมูล',
        lastName: `#${id}`,
        citizenIdHash: null,
        citizenIdLast4: null,
        citizenIdEncrypted: null,
        phone: null,
        houseNo: null,
        villageNo: null,
        subdistrict: null,
        anonymisedAt: erasedAt,
        ...(retainedFor.length ? {} : { deletedAt: erasedAt }),
      },
      { action: 'erase' },
    );
    return { outcome: retainedFor.length ? ('anonymised' as const) : ('deleted' as const), retainedFor };
  });
}

/** How long a record type is kept, as set (or by default): what the public request form tells the citizen. */
export async function retentionYearsOf(db: Db, recordType: RecordType): Promise<number> {
  const [row] = await db.select().from(retentionSettings).where(eq(retentionSettings.recordType, recordType));
  return row?.retainYears ?? RETENTION_DEFAULTS[recordType].years;
}

export async function listRetention(db: Db, actor: Actor) {
  requirePermission(actor, 'audit.read');
  const rows = await db.select().from(retentionSettings);
  const set = new Map(rows.map((r) => [r.recordType, r.retainYears]));
  return RETENTION_RECORD_TYPES.map((recordType) => ({
    recordType,
    retainYears: set.get(recordType) ?? RETENTION_DEFAULTS[recordType].years,
    basisTh: RETENTION_DEFAULTS[recordType].th,
    basisEn: RETENTION_DEFAULTS[recordType].en,
    isDefault: !set.has(recordType),
  }));
}

/** Only the national admin (the data controller's officer) changes how long records are kept. */
export async function setRetention(db: Db, actor: Actor, recordType: RecordType, retainYears: number) {
  requirePermission(actor, 'users.manage');
  if (actor.orgUnitCode !== 'TH') throw new AppError('access.forbidden');
  await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(retentionSettings).where(eq(retentionSettings.recordType, recordType));
    if (existing)
      await updateAudited(
        tx,
        actor,
        retentionSettings,
        'retention',
        existing.id,
        { retainYears, updatedAt: now() },
        { orgUnitCode: 'TH' },
      );
    else await insertAudited(tx, actor, retentionSettings, 'retention', { recordType, retainYears }, { orgUnitCode: 'TH' });
  });
  return listRetention(db, actor);
}
