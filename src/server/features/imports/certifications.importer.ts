/**
 * Standards certificates of the district's products (มผช., อย., GMP, …), one row each. The product is found by its
 * name and its producer's registration number; the standard by its code or name in the `standard` code list. The same
 * certificate number for the same standard in the district is a duplicate the user updates or skips. Written through
 * the certifications service, so a group's stage moves as it would from the form; a rollback moves it back.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { createCertificationBody } from '#shared/certifications';
import { idIn } from '../../db/bulk';
import { certifications, codeLists, producers, products } from '../../db/schema';
import { parseDateText } from '../../imports/read';
import { changeCertification, insertCertification } from '../certifications/certifications.service';
import { refreshGroupStage } from '../groups/stages';
import { createOrChoose, DISTRICT_IMPORT, type Importer, type PlannedRow, problem, rowChecks } from './importer';
import { type RecordKind, recordBlockers, undoRecords } from './record-rollback';

type CertRow = typeof certifications.$inferSelect;
type ProductRow = typeof products.$inferSelect;

const COLUMNS = [
  { key: 'district', th: 'อำเภอ', en: 'District', required: true, aliases: ['อ.'], example: 'เมืองอุบลราชธานี' },
  {
    key: 'registrationNo',
    th: 'เลขทะเบียนผู้ผลิต',
    en: 'Producer registration no.',
    required: true,
    aliases: ['เลขทะเบียน'],
    example: 'OTOP-3401-0001',
  },
  { key: 'productName', th: 'ชื่อผลิตภัณฑ์', en: 'Product name', required: true, example: 'ผ้าไหมมัดหมี่ลายนาคี' },
  {
    key: 'standard',
    th: 'มาตรฐาน',
    en: 'Standard',
    required: true,
    aliases: ['ประเภทมาตรฐาน'],
    example: 'มผช.',
    help: { th: 'ชื่อหรือรหัสมาตรฐาน เช่น มผช. อย. มอก. GMP', en: 'the standard’s name or code, e.g. มผช., อย., GMP' },
  },
  { key: 'certificateNo', th: 'เลขที่ใบรับรอง', en: 'Certificate no.', required: true, example: 'มผช. 123/2568' },
  {
    key: 'issuer',
    th: 'หน่วยงานที่ออกใบรับรอง',
    en: 'Issuer',
    required: true,
    aliases: ['ผู้ออกใบรับรอง'],
    example: 'สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม',
  },
  { key: 'issuedOn', th: 'วันที่ออก', en: 'Issued on', required: true, example: '1/3/2568' },
  {
    key: 'expiresOn',
    th: 'วันหมดอายุ',
    en: 'Expires on',
    example: '28/2/2571',
    help: { th: 'ว่าง = ไม่มีวันหมดอายุ', en: 'blank = does not expire' },
  },
] as const;

interface CertRecord {
  body: z.infer<typeof createCertificationBody>;
  subject: { orgUnitCode: string; producerId: number };
  existing?: CertRow;
}

const CERT_KIND: RecordKind = {
  table: certifications,
  tableName: 'certifications',
  entity: 'certification',
  notFound: 'certification.not_found',
  label: (c) => String(c.certificateNo ?? `#${c.id}`),
};

const key = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s.]+/g, '');
const certKey = (standard: string, no: string) => `${standard}\u0000${key(no)}`;

export const certificationsImporter: Importer = {
  kind: 'certifications',
  permission: 'pipeline.write',
  title: { th: 'นำเข้าใบรับรองมาตรฐานผลิตภัณฑ์', en: 'Import product standard certificates' },
  columns: COLUMNS,
  instructions: [
    { th: 'หนึ่งแถวต่อใบรับรองหนึ่งฉบับ ของอำเภอของท่านเท่านั้น', en: 'One row per certificate, of your own district only' },
    {
      th: 'ผลิตภัณฑ์ค้นหาจากชื่อผลิตภัณฑ์และเลขทะเบียนผู้ผลิต ต้องมีผลิตภัณฑ์ในระบบก่อน (นำเข้าผลิตภัณฑ์ก่อนถ้ายังไม่มี)',
      en: 'The product is found by its name and its producer’s registration number; add the products first',
    },
    {
      th: 'เลขที่ใบรับรองและมาตรฐานซ้ำกับข้อมูลเดิม ระบบจะให้เลือกปรับปรุงหรือข้าม',
      en: 'The same certificate number for the same standard already on file: you choose update or skip',
    },
    {
      th: 'วันที่ใช้ พ.ศ. หรือ ค.ศ. ก็ได้ วันหมดอายุต้องไม่ก่อนวันที่ออก',
      en: 'Dates in BE or CE; the expiry may not be before the issue date',
    },
  ],
  ...DISTRICT_IMPORT,

  async plan(ctx, rows, choices) {
    const standards = await ctx.db.select().from(codeLists).where(eq(codeLists.list, 'standard'));
    const standardOf = new Map(standards.flatMap((s) => [s.code, s.nameTh, s.nameEn].map((n) => [key(n), s])));
    const regNos = [...new Set(rows.map((r) => r.values.registrationNo).filter(Boolean))];
    const found = regNos.length
      ? await ctx.db
          .select({ product: products, producer: producers })
          .from(products)
          .innerJoin(producers, eq(producers.id, products.producerId))
          .where(
            and(
              eq(producers.orgUnitCode, ctx.unitCode),
              isNull(producers.deletedAt),
              isNull(products.deletedAt),
              inArray(producers.registrationNo, regNos),
            ),
          )
      : [];
    /** A product of that registration number and name; of the newest registration when it was registered yearly. */
    const productOf = (regNo: string, name: string): ProductRow[] => {
      const all = found.filter((f) => f.producer.registrationNo === regNo && key(f.product.name) === key(name));
      const newest = Math.max(...all.map((f) => f.producer.fiscalYear));
      return all.filter((f) => f.producer.fiscalYear === newest).map((f) => f.product);
    };
    const numbers = [...new Set(rows.map((r) => r.values.certificateNo).filter(Boolean))];
    const existing = new Map<string, CertRow>();
    if (numbers.length)
      for (const c of await ctx.db
        .select()
        .from(certifications)
        .where(and(eq(certifications.orgUnitCode, ctx.unitCode), isNull(certifications.deletedAt))))
        existing.set(certKey(c.standardCode, c.certificateNo), c);
    const seen = new Map<string, number>();
    return rows.map((row): PlannedRow => {
      const v = row.values;
      const { problems, take } = rowChecks(row, COLUMNS);
      problems.unshift(...row.problems);
      const date = (column: 'issuedOn' | 'expiresOn') => (v[column] ? take(column, parseDateText(v[column])) : undefined);
      const issuedOn = date('issuedOn');
      const expiresOn = date('expiresOn');
      if (issuedOn && expiresOn && expiresOn < issuedOn)
        problems.push(
          problem(
            row.line,
            'expiresOn',
            'certification.expiry_before_issue',
            'วันหมดอายุต้องไม่ก่อนวันที่ออกใบรับรอง',
            'The expiry date may not be before the issue date',
          ),
        );
      const matches = v.registrationNo && v.productName ? productOf(v.registrationNo, v.productName) : [];
      if (v.registrationNo && v.productName && matches.length !== 1)
        problems.push(
          matches.length
            ? problem(
                row.line,
                'productName',
                'import.product_ambiguous',
                `ผู้ผลิตเลขทะเบียน "${v.registrationNo}" มีผลิตภัณฑ์ชื่อ "${v.productName}" มากกว่าหนึ่งรายการ`,
                `Producer "${v.registrationNo}" has more than one product named "${v.productName}"`,
              )
            : problem(
                row.line,
                'productName',
                'import.product_not_found',
                `ไม่พบผลิตภัณฑ์ "${v.productName}" ของผู้ผลิตเลขทะเบียน "${v.registrationNo}" ในอำเภอของท่าน กรุณาเพิ่มผลิตภัณฑ์ก่อน`,
                `No product "${v.productName}" of producer "${v.registrationNo}" in your district; add the product first`,
              ),
        );
      const standard = v.standard ? standardOf.get(key(v.standard)) : undefined;
      const dupKey = standard && v.certificateNo ? certKey(standard.code, v.certificateNo) : '';
      const onFile = dupKey ? existing.get(dupKey) : undefined;
      if (v.standard && (!standard || (standard.deprecated && !onFile)))
        problems.push(
          problem(
            row.line,
            'standard',
            'import.standard',
            `ไม่รู้จักมาตรฐาน "${v.standard}" (ใช้ชื่อหรือรหัสตามรายการของระบบ เช่น มผช. อย. GMP)`,
            `Unknown standard "${v.standard}" (use a name or code of the list, e.g. มผช., อย., GMP)`,
          ),
        );
      const earlier = dupKey ? seen.get(dupKey) : undefined;
      if (earlier !== undefined)
        problems.push(
          problem(
            row.line,
            'certificateNo',
            'import.duplicate_in_file',
            `ซ้ำกับแถวที่ ${earlier} ในไฟล์นี้ (เลขที่ใบรับรองและมาตรฐานเดียวกัน)`,
            `Same certificate as row ${earlier} of this file (same number and standard)`,
          ),
        );
      else if (dupKey) seen.set(dupKey, row.line);
      const label = [v.standard, v.certificateNo, v.productName && `(${v.productName})`].filter(Boolean).join(' ');
      const base = { line: row.line, values: v, label, unitCode: row.unitCode, problems };
      if (problems.length) return { ...base, action: 'reject' };
      const product = matches[0];
      const body = {
        productId: product.id,
        standardCode: standard!.code,
        certificateNo: v.certificateNo,
        issuer: v.issuer,
        issuedOn: issuedOn!,
        expiresOn,
      };
      const checked = createCertificationBody.safeParse(body);
      if (!checked.success)
        return {
          ...base,
          action: 'reject',
          problems: checked.error.issues.map((i) =>
            problem(
              row.line,
              String(i.path[0] ?? 'certificateNo'),
              'import.certification_invalid',
              'ข้อมูลใบรับรองไม่ถูกต้อง',
              i.message,
            ),
          ),
        };
      const record: CertRecord = {
        body: checked.data,
        subject: { orgUnitCode: product.orgUnitCode, producerId: product.producerId },
        existing: onFile,
      };
      const duplicate = onFile && { id: onFile.id, label: `${standard!.nameTh} ${onFile.certificateNo}` };
      return createOrChoose(base, choices, record, duplicate);
    });
  },

  async write(tx, ctx, row) {
    const { body, subject, existing } = row.record as CertRecord;
    if (row.action === 'update' && existing) {
      const { before, after } = await changeCertification(tx, ctx.actor, existing.id, subject, {
        version: existing.version,
        ...body,
      });
      const fields = ['productId', 'producerId', 'standardCode', 'certificateNo', 'issuer', 'issuedOn', 'expiresOn'] as const;
      const restore = Object.fromEntries(fields.map((k) => [k, before[k]]));
      return [
        { tableName: 'certifications', recordId: existing.id, action: 'updated', versionAfter: after.version, before: restore },
      ];
    }
    const id = await insertCertification(tx, ctx.actor, subject, body);
    const [created] = await tx.select({ version: certifications.version }).from(certifications).where(eq(certifications.id, id));
    return [{ tableName: 'certifications', recordId: id, action: 'created', versionAfter: created.version, before: null }];
  },

  blockers: (tx, _ctx, rows) => recordBlockers(tx, CERT_KIND, rows, rows),

  /** Certificates removed or restored, then the stage of every group whose evidence they were brought back in line. */
  async undo(tx, ctx, rows) {
    await undoRecords(tx, ctx, CERT_KIND, rows);
    const ids = rows.filter((r) => r.tableName === 'certifications').map((r) => r.recordId);
    if (!ids.length) return;
    const owners = await tx
      .selectDistinct({ groupId: producers.groupId })
      .from(certifications)
      .innerJoin(products, eq(products.id, certifications.productId))
      .innerJoin(producers, eq(producers.id, products.producerId))
      .where(idIn(certifications.id, ids));
    for (const { groupId } of owners) if (groupId) await refreshGroupStage(tx, ctx.actor, groupId);
  },
};
