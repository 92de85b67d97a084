/**
 * OTOP products (ผลิตภัณฑ์) of the district's producers, person- or group-owned, one row each. The producer is found
 * by its registration number (the newest fiscal year's registration unless the row names the year); the category by
 * its Thai name or code; a price in baht becomes satang. The same product name for the same producer is a duplicate
 * the user updates or skips; an update keeps what blank cells leave out and the product's ratings. Written through
 * the products service, so an imported product is what the form would have saved.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { createProductBody, PRODUCT_CATEGORIES, QUADRANTS } from '#shared/products';
import { idIn } from '../../db/bulk';
import { producers, products } from '../../db/schema';
import { labelsOf } from '../../exports/columns';
import { parseBahtText, parseIntegerText } from '../../imports/read';
import { changeProduct, insertProduct, ratingsOf } from '../products/products.service';
import { createOrChoose, DISTRICT_IMPORT, type Importer, type PlannedRow, problem, rowChecks } from './importer';
import { type RecordKind, recordBlockers, undoRecords } from './record-rollback';

type Category = (typeof PRODUCT_CATEGORIES)[number];
type Quadrant = (typeof QUADRANTS)[number];
type ProductRow = typeof products.$inferSelect;
type ProducerRow = typeof producers.$inferSelect;

const lower = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** A category by code, by the Thai or English name the product pages show, or by one part of it ("ผ้า"). */
const CATEGORY_NAMES: Map<string, Category> = (() => {
  const labels = labelsOf('categories');
  const names = new Map<string, Category>();
  for (const code of PRODUCT_CATEGORIES)
    for (const name of [code, labels.th[code], labels.en[code]]) {
      names.set(lower(name), code);
      for (const part of name.split(/[\s,]+/)) if (part.length > 2 && !names.has(lower(part))) names.set(lower(part), code);
    }
  return names;
})();

export const PRODUCT_COLUMNS = [
  { key: 'district', th: 'อำเภอ', en: 'District', required: true, aliases: ['อ.'], example: 'เมืองอุบลราชธานี' },
  {
    key: 'registrationNo',
    th: 'เลขทะเบียนผู้ผลิต',
    en: 'Producer registration no.',
    required: true,
    aliases: ['เลขทะเบียน', 'เลขทะเบียน OTOP'],
    example: 'OTOP-3401-0001',
  },
  {
    key: 'fiscalYear',
    th: 'ปีงบประมาณทะเบียน',
    en: 'Registration fiscal year',
    example: '2569',
    help: { th: 'ว่าง = ทะเบียนปีล่าสุด', en: 'blank = the newest registration' },
  },
  { key: 'name', th: 'ชื่อผลิตภัณฑ์', en: 'Product name', required: true, example: 'ผ้าไหมมัดหมี่ลายนาคี' },
  {
    key: 'category',
    th: 'ประเภทผลิตภัณฑ์',
    en: 'Category',
    aliases: ['ประเภท', 'หมวดผลิตภัณฑ์'],
    example: 'ผ้า เครื่องแต่งกาย',
    help: {
      th: 'อาหาร / เครื่องดื่ม / ผ้า เครื่องแต่งกาย / ของใช้ ของตกแต่ง ของที่ระลึก / สมุนไพรที่ไม่ใช่อาหาร (ต้องมีเมื่อเป็นผลิตภัณฑ์ใหม่)',
      en: 'food / beverage / textile / household_souvenir / herbal_non_food (required for a new product)',
    },
  },
  { key: 'description', th: 'รายละเอียด', en: 'Description', example: 'ผ้าไหมย้อมสีธรรมชาติ' },
  { key: 'story', th: 'เรื่องเล่าผลิตภัณฑ์', en: 'Product story', example: 'ลายนาคีสืบทอดจากบรรพบุรุษ' },
  { key: 'price', th: 'ราคา (บาท)', en: 'Price (baht)', aliases: ['ราคา', 'ราคาต่อหน่วย'], example: '1,250.00' },
  { key: 'unit', th: 'หน่วยนับ', en: 'Unit', aliases: ['หน่วย'], example: 'ผืน' },
  {
    key: 'quadrant',
    th: 'กลุ่มผลิตภัณฑ์ตามศักยภาพ',
    en: 'Potential group (quadrant)',
    aliases: ['กลุ่ม A B C D'],
    example: 'B',
    help: { th: 'A / B / C / D', en: 'A / B / C / D' },
  },
] as const;

const MAX_LENGTH: Record<string, number> = { name: 300, description: 10_000, story: 10_000, unit: 50 };

interface ProductRecord {
  producerId: number;
  given: {
    name: string;
    category?: Category;
    description?: string;
    story?: string;
    priceSatang?: string;
    unit?: string;
    quadrant?: Quadrant;
  };
  existing?: ProductRow;
}

const PRODUCT_KIND: RecordKind = {
  table: products,
  tableName: 'products',
  entity: 'product',
  notFound: 'product.not_found',
  label: (p) => String(p.name ?? `#${p.id}`),
};

const bodyOf = (r: ProductRecord) => ({
  producerId: r.producerId,
  name: r.given.name,
  category: (r.given.category ?? r.existing?.category)!,
  description: r.given.description ?? r.existing?.description ?? '',
  story: r.given.story ?? r.existing?.story ?? '',
  priceSatang: r.given.priceSatang ?? (r.existing?.priceSatang != null ? String(r.existing.priceSatang) : undefined),
  unit: r.given.unit ?? r.existing?.unit ?? undefined,
  quadrant: r.given.quadrant ?? r.existing?.quadrant ?? undefined,
});

export const productsImporter: Importer = {
  kind: 'products',
  permission: 'pipeline.write',
  title: { th: 'นำเข้าผลิตภัณฑ์ OTOP', en: 'Import OTOP products' },
  columns: PRODUCT_COLUMNS,
  instructions: [
    { th: 'หนึ่งแถวต่อผลิตภัณฑ์หนึ่งรายการ ของอำเภอของท่านเท่านั้น', en: 'One row per product, of your own district only' },
    {
      th: 'ผู้ผลิตค้นหาจากเลขทะเบียนผู้ผลิต OTOP ของอำเภอ (ทั้งรายบุคคลและกลุ่ม) ต้องขึ้นทะเบียนผู้ผลิตก่อน',
      en: 'The producer is found by its OTOP registration number in your district (person or group); register the producer first',
    },
    {
      th: 'ชื่อผลิตภัณฑ์ซ้ำกับผลิตภัณฑ์เดิมของผู้ผลิตเดียวกัน ระบบจะให้เลือกปรับปรุงหรือข้าม เมื่อปรับปรุง ช่องที่เว้นว่างจะคงข้อมูลเดิมไว้',
      en: 'The same product name for the same producer: you choose update or skip; an update keeps what blank cells leave out',
    },
    { th: 'ราคาเป็นบาท ทศนิยมไม่เกิน 2 ตำแหน่ง ใส่จุลภาคได้', en: 'Prices in baht, up to 2 decimals, commas allowed' },
  ],
  ...DISTRICT_IMPORT,

  async plan(ctx, rows, choices) {
    const regNos = [...new Set(rows.map((r) => r.values.registrationNo).filter(Boolean))];
    const producersOf = new Map<string, ProducerRow[]>();
    for (let i = 0; i < regNos.length; i += 1000)
      for (const p of await ctx.db
        .select()
        .from(producers)
        .where(
          and(
            eq(producers.orgUnitCode, ctx.unitCode),
            isNull(producers.deletedAt),
            inArray(producers.registrationNo, regNos.slice(i, i + 1000)),
          ),
        ))
        producersOf.set(p.registrationNo, [...(producersOf.get(p.registrationNo) ?? []), p]);
    const producerIds = [...producersOf.values()].flat().map((p) => p.id);
    const existing = new Map<string, ProductRow>();
    for (let i = 0; i < producerIds.length; i += 1000)
      for (const p of await ctx.db
        .select()
        .from(products)
        .where(and(isNull(products.deletedAt), idIn(products.producerId, producerIds.slice(i, i + 1000)))))
        existing.set(`${p.producerId}\u0000${lower(p.name)}`, p);
    const seen = new Map<string, number>();
    return rows.map((row): PlannedRow => {
      const v = row.values;
      const { problems, take: at } = rowChecks(row, PRODUCT_COLUMNS, MAX_LENGTH);
      problems.unshift(...row.problems);
      const year = v.fiscalYear ? at('fiscalYear', parseIntegerText(v.fiscalYear, { min: 2546, max: 2700 })) : undefined;
      const candidates = (producersOf.get(v.registrationNo) ?? []).filter((p) => year === undefined || p.fiscalYear === year);
      const newest = Math.max(...candidates.map((p) => p.fiscalYear));
      const matches = candidates.filter((p) => p.fiscalYear === newest);
      if (v.registrationNo && !matches.length)
        problems.push(
          problem(
            row.line,
            'registrationNo',
            'import.producer_not_found',
            `ไม่พบผู้ผลิตเลขทะเบียน "${v.registrationNo}"${year ? ` ปีงบประมาณ ${year}` : ''} ในอำเภอของท่าน กรุณาขึ้นทะเบียนผู้ผลิตก่อน`,
            `No producer with registration no. "${v.registrationNo}"${year ? ` in fiscal year ${year}` : ''} in your district; register the producer first`,
          ),
        );
      else if (matches.length > 1)
        problems.push(
          problem(
            row.line,
            'registrationNo',
            'import.producer_ambiguous',
            `เลขทะเบียน "${v.registrationNo}" มีผู้ผลิตมากกว่าหนึ่งราย กรุณาแก้ไขทะเบียนผู้ผลิตก่อน`,
            `More than one producer has registration no. "${v.registrationNo}"; correct the register first`,
          ),
        );
      const category = v.category ? CATEGORY_NAMES.get(lower(v.category)) : undefined;
      if (v.category && !category)
        problems.push(
          problem(
            row.line,
            'category',
            'import.product_category',
            `ไม่รู้จักประเภทผลิตภัณฑ์ "${v.category}" (อาหาร, เครื่องดื่ม, ผ้า เครื่องแต่งกาย, ของใช้ ของตกแต่ง ของที่ระลึก, สมุนไพรที่ไม่ใช่อาหาร)`,
            `Unknown product category "${v.category}" (food, beverage, textile, household_souvenir, herbal_non_food)`,
          ),
        );
      const quadrant = v.quadrant
        ? (v.quadrant
            .trim()
            .toUpperCase()
            .replace(/^กลุ่ม\s*/, '') as Quadrant)
        : undefined;
      if (quadrant && !QUADRANTS.includes(quadrant))
        problems.push(
          problem(
            row.line,
            'quadrant',
            'import.quadrant',
            `กลุ่มผลิตภัณฑ์ "${v.quadrant}" ไม่ถูกต้อง (A, B, C, D)`,
            `Unknown quadrant "${v.quadrant}" (A, B, C, D)`,
          ),
        );
      const price = v.price ? at('price', parseBahtText(v.price)) : undefined;
      const producer = matches.length === 1 ? matches[0] : undefined;
      const key = producer ? `${producer.id}\u0000${lower(v.name)}` : '';
      const earlier = key ? seen.get(key) : undefined;
      if (earlier !== undefined)
        problems.push(
          problem(
            row.line,
            'name',
            'import.duplicate_in_file',
            `ซ้ำกับแถวที่ ${earlier} ในไฟล์นี้ (ผลิตภัณฑ์ชื่อเดียวกันของผู้ผลิตเดียวกัน)`,
            `Same product as row ${earlier} of this file (same name, same producer)`,
          ),
        );
      else if (key && v.name) seen.set(key, row.line);
      if (producer && !v.category && !existing.has(key))
        problems.push(
          problem(
            row.line,
            'category',
            'import.required',
            'ต้องกรอกประเภทผลิตภัณฑ์ (ผลิตภัณฑ์ใหม่)',
            'Category is required for a new product',
          ),
        );
      const label = [v.name, v.registrationNo && `(${v.registrationNo})`].filter(Boolean).join(' ');
      const base = { line: row.line, values: v, label, unitCode: row.unitCode, problems };
      if (problems.length || !producer) return { ...base, action: 'reject' };
      const record: ProductRecord = {
        producerId: producer.id,
        existing: existing.get(key),
        given: {
          name: v.name,
          category,
          description: v.description || undefined,
          story: v.story || undefined,
          priceSatang: price === undefined ? undefined : String(price),
          unit: v.unit || undefined,
          quadrant,
        },
      };
      const checked = createProductBody.safeParse(bodyOf(record));
      if (!checked.success)
        return {
          ...base,
          action: 'reject',
          problems: checked.error.issues.map((i) =>
            problem(row.line, String(i.path[0] ?? 'name'), 'import.product_invalid', 'ข้อมูลผลิตภัณฑ์ไม่ถูกต้อง', i.message),
          ),
        };
      const onFile = record.existing;
      const duplicate = onFile && { id: onFile.id, label: `${onFile.name} (${producer.registrationNo})` };
      return createOrChoose(base, choices, record, duplicate);
    });
  },

  async write(tx, ctx, row) {
    const record = row.record as ProductRecord;
    const body = bodyOf(record);
    const { existing } = record;
    if (row.action === 'update' && existing) {
      const ratings = (await ratingsOf(tx, [existing.id])).get(existing.id) ?? [];
      const { before, after } = await changeProduct(tx, ctx.actor, existing.id, { version: existing.version, ...body, ratings });
      // Kept as JSON: the price (bigint) as its digits, which the rollback writes back as they are.
      const restore = Object.fromEntries(
        ['name', 'category', 'description', 'story', 'priceSatang', 'unit', 'quadrant', 'searchText'].map((k) => {
          const value = before[k as keyof ProductRow];
          return [k, typeof value === 'bigint' ? String(value) : value];
        }),
      );
      return [{ tableName: 'products', recordId: existing.id, action: 'updated', versionAfter: after.version, before: restore }];
    }
    const id = await insertProduct(tx, ctx.actor, ctx.unitCode, { ...body, ratings: [] });
    const [created] = await tx.select({ version: products.version }).from(products).where(eq(products.id, id));
    return [{ tableName: 'products', recordId: id, action: 'created', versionAfter: created.version, before: null }];
  },

  blockers: (tx, _ctx, rows) => recordBlockers(tx, PRODUCT_KIND, rows, rows),
  undo: (tx, ctx, rows) => undoRecords(tx, ctx, PRODUCT_KIND, rows),
};
