/**
 * Local wisdom items (ภูมิปัญญาท้องถิ่น), one row each with its holder. The holder must already be one of the
 * district's people (found by citizen ID, or by name + subdistrict): the row is rejected otherwise, never a person
 * made up here. Same title in the same subdistrict is a duplicate the user updates or skips; an update keeps what a
 * blank cell leaves out and adds the holder to those the item has. Rows are written with the wisdom service's own
 * column and holder code, so an imported item is what the form would have saved.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { createWisdomBody } from '#shared/wisdom';
import { createRecord, updateRecord } from '../../audit/writes';
import { codeLists, wisdomItems } from '../../db/schema';
import { parseCitizenIdText, parseDateText, parseIntegerText } from '../../imports/read';
import { columnsOf, holderIdsOf } from '../wisdom/wisdom.service';
import { createOrChoose, DISTRICT_IMPORT, type Importer, type PlannedRow, problem, rowChecks, type WrittenRow } from './importer';
import { PERSON_KIND } from './people.importer';
import { lookupPeople } from './people-lookup';
import { type RecordKind, recordBlockers, undoRecords } from './record-rollback';
import { findHolder, undoWisdomItems, writeHolders } from './wisdom-holders';

type AccessLevel = 'public' | 'community' | 'restricted';
const ACCESS: Record<string, AccessLevel> = {
  สาธารณะ: 'public',
  public: 'public',
  ในชุมชน: 'community',
  ชุมชน: 'community',
  community: 'community',
  จำกัดสิทธิ์: 'restricted',
  จำกัด: 'restricted',
  restricted: 'restricted',
};

const COLUMNS = [
  { key: 'district', th: 'อำเภอ', en: 'District', required: true, aliases: ['อ.'], example: 'เมืองอุบลราชธานี' },
  { key: 'title', th: 'ชื่อภูมิปัญญา', en: 'Title', required: true, example: 'การทอผ้าไหมลายโบราณ' },
  {
    key: 'branch',
    th: 'สาขาภูมิปัญญา',
    en: 'Branch',
    required: true,
    aliases: ['สาขา'],
    example: 'อุตสาหกรรมและหัตถกรรม',
    help: { th: 'ชื่อสาขาหรือรหัสสาขา', en: 'the branch’s Thai name or code' },
  },
  { key: 'description', th: 'รายละเอียด', en: 'Description', example: 'ทอผ้าไหมด้วยกี่พื้นบ้าน' },
  { key: 'subdistrict', th: 'ตำบล', en: 'Subdistrict', example: 'ในเมือง' },
  { key: 'villageNo', th: 'หมู่ที่', en: 'Village no.', aliases: ['หมู่'], example: '4' },
  { key: 'productPotential', th: 'ศักยภาพการพัฒนาเป็นผลิตภัณฑ์', en: 'Product potential', example: 'ผ้าคลุมไหล่' },
  { key: 'surveyedOn', th: 'วันที่สำรวจ', en: 'Surveyed on', required: true, example: '15/1/2569' },
  {
    key: 'accessLevel',
    th: 'ระดับการเข้าถึง',
    en: 'Access level',
    example: 'ในชุมชน',
    help: { th: 'สาธารณะ / ในชุมชน / จำกัดสิทธิ์ (ว่าง = ในชุมชน)', en: 'public / community / restricted (blank = community)' },
  },
  {
    key: 'consentDate',
    th: 'วันที่ได้รับความยินยอม',
    en: 'Consent date',
    example: '15/1/2569',
    help: { th: 'ต้องมีเมื่อเผยแพร่แบบสาธารณะ', en: 'required for public access' },
  },
  { key: 'holderCitizenId', th: 'เลขประจำตัวประชาชนผู้ถือครอง', en: 'Holder citizen ID', example: '3-3401-00123-45-6' },
  { key: 'holderFirstName', th: 'ชื่อผู้ถือครอง', en: 'Holder first name', example: 'สมศรี' },
  { key: 'holderLastName', th: 'นามสกุลผู้ถือครอง', en: 'Holder last name', example: 'ใจงาม' },
  {
    key: 'holderSubdistrict',
    th: 'ตำบลของผู้ถือครอง',
    en: 'Holder subdistrict',
    help: { th: 'ว่าง = ตำบลของภูมิปัญญา', en: 'blank = the wisdom item’s subdistrict' },
  },
] as const;

const MAX_LENGTH: Record<string, number> = { title: 300, description: 10_000, productPotential: 2000, subdistrict: 100 };

type WisdomRow = typeof wisdomItems.$inferSelect;
type WisdomBody = z.infer<typeof createWisdomBody>;

interface WisdomRecord {
  /** What the row gives (blank cells absent); merged over the existing item on update. */
  given: Partial<Omit<WisdomBody, 'orgUnitCode' | 'holderIds' | 'status'>>;
  holderId?: number;
  existing?: WisdomRow;
}

const WISDOM = { entity: 'wisdom', notFound: 'wisdom.not_found' } as const;
const WISDOM_KIND: RecordKind = {
  table: wisdomItems,
  tableName: 'wisdom_items',
  entity: 'wisdom',
  notFound: 'wisdom.not_found',
  label: (w) => String(w.title ?? `#${w.id}`),
  ownLinks: ['wisdom_holders'],
};

const itemKey = (title: string, subdistrict: string | null | undefined) => `${title.trim()}\u0000${subdistrict?.trim() ?? ''}`;
const lower = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** The form's values: the existing item's, with what the row gives on top. */
function bodyOf(given: WisdomRecord['given'], existing: WisdomRow | undefined, holderIds: number[]): WisdomBody {
  return {
    orgUnitCode: existing?.orgUnitCode ?? '',
    title: given.title ?? existing!.title,
    branchCode: given.branchCode ?? existing!.branchCode,
    description: given.description ?? existing?.description ?? '',
    subdistrict: given.subdistrict ?? existing?.subdistrict ?? undefined,
    villageNo: given.villageNo ?? existing?.villageNo ?? undefined,
    productPotential: given.productPotential ?? existing?.productPotential ?? '',
    status: existing?.status ?? 'surveyed',
    accessLevel: given.accessLevel ?? existing?.accessLevel ?? 'community',
    consentDate: given.consentDate ?? existing?.consentDate ?? undefined,
    // Not a column of the file: an update keeps the credit the officer set.
    publicCredit: existing?.publicCredit ?? undefined,
    surveyedOn: given.surveyedOn ?? existing!.surveyedOn,
    holderIds,
  };
}

export const wisdomImporter: Importer = {
  kind: 'wisdom',
  permission: 'pipeline.write',
  title: { th: 'นำเข้าภูมิปัญญาท้องถิ่น', en: 'Import local wisdom' },
  columns: COLUMNS,
  instructions: [
    { th: 'หนึ่งแถวต่อภูมิปัญญาหนึ่งรายการ ของอำเภอของท่านเท่านั้น', en: 'One row per wisdom item, of your own district only' },
    {
      th: 'ผู้ถือครองต้องมีอยู่ในข้อมูลบุคคลของอำเภอแล้ว ค้นหาจากเลขประจำตัวประชาชน หรือชื่อ-นามสกุลและตำบล (นำเข้าข้อมูลบุคคลก่อนถ้ายังไม่มี)',
      en: 'The holder must already be one of the district’s people, found by citizen ID or by name and subdistrict (import the people first)',
    },
    {
      th: 'ชื่อภูมิปัญญาและตำบลซ้ำกับข้อมูลเดิม ระบบจะให้เลือกปรับปรุงหรือข้าม เมื่อปรับปรุง ช่องที่เว้นว่างจะคงข้อมูลเดิมไว้',
      en: 'The same title in the same subdistrict already on file: you choose to update or skip; an update keeps what blank cells leave out',
    },
    {
      th: 'เผยแพร่แบบสาธารณะได้เมื่อมีวันที่ได้รับความยินยอมจากผู้ถือครองเท่านั้น วันที่ใช้ พ.ศ. หรือ ค.ศ. ก็ได้',
      en: 'Public access needs the holder’s consent date; dates in BE or CE',
    },
  ],
  ...DISTRICT_IMPORT,

  async plan(ctx, rows, choices) {
    const branches = await ctx.db.select().from(codeLists).where(eq(codeLists.list, 'wisdom_branch'));
    const branchOf = new Map(branches.flatMap((b) => [b.code, b.nameTh, b.nameEn].map((name) => [lower(name), b])));
    const titles = [...new Set(rows.map((r) => r.values.title).filter(Boolean))];
    const existingByKey = new Map<string, WisdomRow>();
    for (let i = 0; i < titles.length; i += 1000)
      for (const w of await ctx.db
        .select()
        .from(wisdomItems)
        .where(
          and(
            eq(wisdomItems.orgUnitCode, ctx.unitCode),
            isNull(wisdomItems.deletedAt),
            inArray(wisdomItems.title, titles.slice(i, i + 1000)),
          ),
        ))
        existingByKey.set(itemKey(w.title, w.subdistrict), w);
    const holderCitizenIds = rows.map((r) =>
      r.values.holderCitizenId ? parseCitizenIdText(r.values.holderCitizenId) : undefined,
    );
    const found = await lookupPeople(ctx.db, ctx.dataKey, ctx.unitCode, {
      citizenIds: holderCitizenIds.flatMap((h) => (h && 'value' in h ? [h.value] : [])),
      firstNames: rows.map((r) => r.values.holderFirstName),
    });
    const seen = new Map<string, number>();
    return rows.map((row, index): PlannedRow => {
      const v = row.values;
      const { problems, take: at } = rowChecks(row, COLUMNS, MAX_LENGTH);
      problems.unshift(...row.problems);
      const key = itemKey(v.title, v.subdistrict);
      const existing = existingByKey.get(key);
      const branch = v.branch ? branchOf.get(lower(v.branch)) : undefined;
      if (v.branch && (!branch || (branch.deprecated && !existing)))
        problems.push(
          problem(
            row.line,
            'branch',
            'import.wisdom_branch',
            `ไม่รู้จักสาขาภูมิปัญญา "${v.branch}" (ใช้ชื่อหรือรหัสสาขาตามรายการของระบบ เช่น เกษตรกรรม)`,
            `Unknown wisdom branch "${v.branch}" (use a branch name or code of the list, e.g. agriculture)`,
          ),
        );
      const accessLevel = v.accessLevel ? ACCESS[lower(v.accessLevel)] : undefined;
      if (v.accessLevel && !accessLevel)
        problems.push(
          problem(
            row.line,
            'accessLevel',
            'import.access_level',
            `ระดับการเข้าถึง "${v.accessLevel}" ไม่ถูกต้อง (สาธารณะ / ในชุมชน / จำกัดสิทธิ์)`,
            `Unknown access level "${v.accessLevel}" (public / community / restricted)`,
          ),
        );
      const given: WisdomRecord['given'] = {
        title: v.title || undefined,
        branchCode: branch?.code,
        description: v.description || undefined,
        subdistrict: v.subdistrict || undefined,
        villageNo: v.villageNo ? (at('villageNo', parseIntegerText(v.villageNo, { min: 1, max: 99 })) as number) : undefined,
        productPotential: v.productPotential || undefined,
        surveyedOn: v.surveyedOn ? (at('surveyedOn', parseDateText(v.surveyedOn)) as string) : undefined,
        accessLevel,
        consentDate: v.consentDate ? (at('consentDate', parseDateText(v.consentDate)) as string) : undefined,
      };
      const merged = {
        accessLevel: given.accessLevel ?? existing?.accessLevel,
        consent: given.consentDate ?? existing?.consentDate,
      };
      if (merged.accessLevel === 'public' && !merged.consent && !v.consentDate)
        problems.push(
          problem(
            row.line,
            'consentDate',
            'wisdom.public_needs_consent',
            'ภูมิปัญญาที่เผยแพร่แบบสาธารณะต้องมีวันที่ได้รับความยินยอมจากผู้ถือครอง',
            'Public wisdom needs the date of the holder’s consent',
          ),
        );
      const { holder, problems: holderProblems } = findHolder(found, row.line, v, holderCitizenIds[index]);
      problems.push(...holderProblems);
      const earlier = seen.get(key);
      if (v.title && earlier !== undefined)
        problems.push(
          problem(
            row.line,
            'title',
            'import.duplicate_in_file',
            `ซ้ำกับแถวที่ ${earlier} ในไฟล์นี้ (ชื่อภูมิปัญญาและตำบลเดียวกัน)`,
            `Same item as row ${earlier} of this file (same title and subdistrict)`,
          ),
        );
      else if (v.title) seen.set(key, row.line);
      const label = [v.title, v.subdistrict && `ต.${v.subdistrict}`].filter(Boolean).join(' ');
      const base = { line: row.line, values: v, label, unitCode: row.unitCode, problems };
      if (problems.length) return { ...base, action: 'reject' };
      const record: WisdomRecord = { given, holderId: holder!.id, existing };
      const duplicate = existing && {
        id: existing.id,
        label: [existing.title, existing.subdistrict && `ต.${existing.subdistrict}`].filter(Boolean).join(' '),
      };
      return createOrChoose(base, choices, record, duplicate);
    });
  },

  async write(tx, ctx, row) {
    const { given, holderId, existing } = row.record as WisdomRecord;
    if (row.action === 'update' && existing) {
      const before = await holderIdsOf(tx, existing.id);
      const after = [...new Set([...before, holderId!])].sort((a, b) => a - b);
      const columns = columnsOf(bodyOf(given, existing, after), ctx.actor, existing.consentDate);
      const { before: was, after: updated } = await updateRecord(
        tx,
        ctx.actor,
        wisdomItems,
        WISDOM,
        existing.id,
        existing.version,
        columns,
        {
          before: { holderIds: before },
          after: { holderIds: after },
        },
      );
      const tags = await writeHolders(tx, ctx.actor, existing.id, after, holderId!);
      const restore = Object.fromEntries(Object.keys(columns).map((k) => [k, was[k as keyof WisdomRow]]));
      const written: WrittenRow = {
        tableName: 'wisdom_items',
        recordId: existing.id,
        action: 'updated',
        versionAfter: updated.version,
        before: { ...restore, holderIds: before },
      };
      return [written, ...tags];
    }
    const body = bodyOf(given, undefined, [holderId!]);
    const created = await createRecord(
      tx,
      ctx.actor,
      wisdomItems,
      WISDOM.entity,
      { orgUnitCode: ctx.unitCode, ...columnsOf(body, ctx.actor) },
      { after: { holderIds: body.holderIds } },
    );
    const tags = await writeHolders(tx, ctx.actor, created.id, body.holderIds, holderId!);
    const written: WrittenRow = {
      tableName: 'wisdom_items',
      recordId: created.id,
      action: 'created',
      versionAfter: created.version,
      before: null,
    };
    return [written, ...tags];
  },

  async blockers(tx, _ctx, rows) {
    return [...(await recordBlockers(tx, WISDOM_KIND, rows, rows)), ...(await recordBlockers(tx, PERSON_KIND, rows, rows))];
  },

  /** Created items removed with their holders, updated ones restored with theirs; then the holder tags taken back. */
  async undo(tx, ctx, rows) {
    await undoWisdomItems(tx, ctx.actor, rows);
    await undoRecords(tx, ctx, PERSON_KIND, rows);
  },
};
