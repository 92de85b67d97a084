/** The one write path, on a real database: scope, version, and what the audit entry holds. */
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../access';
import { idIn, insertRows } from '../db/bulk';
import { auditLog, importBatches, people, users, wisdomItems } from '../db/schema';
import { encryptCitizenId } from '../personal-data';
import { createTestContext, TEST_DATA_KEY, type TestContext } from '../test/harness';
import { changeRecords, createRecord, createRecords, deleteRecord, updateRecord, updateRecords } from './writes';

let t: TestContext;
let district: Actor;
let district2: Actor;
beforeAll(async () => {
  t = await createTestContext();
  const actorOf = async (username: string): Promise<Actor> => {
    const [u] = await t.database.db.select().from(users).where(eq(users.username, username));
    return { userId: u.id, username: u.username, role: u.role, orgUnitCode: u.orgUnitCode };
  };
  district = await actorOf('demo-district');
  district2 = await actorOf('demo-district-2');
});
afterAll(() => t.close());

const WISDOM = { entity: 'wisdom', notFound: 'wisdom.not_found' } as const;
const wisdomValues = (title: string) => ({
  orgUnitCode: '3401',
  title,
  branchCode: 'arts',
  surveyedOn: '2025-11-01',
  searchText: `${title} ค้นหา`,
});

const newWisdom = (title: string) =>
  t.database.db.transaction((tx) => createRecord(tx, district, wisdomItems, 'wisdom', wisdomValues(title)));
const entriesOf = (entity: string, id: number) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(id))))
    .orderBy(auditLog.id);
const rowOf = async (id: number) => (await t.database.db.select().from(wisdomItems).where(eq(wisdomItems.id, id)))[0];
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error) => error,
  );

describe('the one write path (audit/writes.ts)', () => {
  it('refuses a stale version with 409 and writes nothing, neither the row nor an audit entry', async () => {
    const item = await newWisdom('การทอเสื่อกก');
    const error = await failure(
      t.database.db.transaction((tx) =>
        updateRecord(tx, district, wisdomItems, WISDOM, item.id, item.version + 1, { title: 'x' }),
      ),
    );
    expect(error).toMatchObject({ code: 'record.stale', status: 409 });
    expect(await rowOf(item.id)).toMatchObject({ title: 'การทอเสื่อกก', version: 1 });
    expect((await entriesOf('wisdom', item.id)).map((e) => e.action)).toEqual(['create']);
  });

  it('treats a record outside the scope as not found, for update and delete alike, changing nothing', async () => {
    const item = await newWisdom('การจักสานไม้ไผ่');
    const update = await failure(
      t.database.db.transaction((tx) => updateRecord(tx, district2, wisdomItems, WISDOM, item.id, item.version, { title: 'x' })),
    );
    expect(update).toMatchObject({ code: 'wisdom.not_found', status: 404 });
    const remove = await failure(
      t.database.db.transaction((tx) => deleteRecord(tx, district2, wisdomItems, WISDOM, item.id, item.version)),
    );
    expect(remove).toMatchObject({ code: 'wisdom.not_found' });
    expect(await rowOf(item.id)).toMatchObject({ title: 'การจักสานไม้ไผ่', version: 1, deletedAt: null });
    expect(await entriesOf('wisdom', item.id)).toHaveLength(1);
  });

  it('refuses to create a record for a unit outside the scope', async () => {
    const error = await failure(
      t.database.db.transaction((tx) => createRecord(tx, district2, wisdomItems, 'wisdom', wisdomValues('นอกเขต'))),
    );
    expect(error).toMatchObject({ code: 'access.out_of_scope', status: 403 });
  });

  it('audits only the fields that changed, with before and after, and bumps the version', async () => {
    const item = await newWisdom('การทำขนมครก');
    const { after } = await t.database.db.transaction((tx) =>
      updateRecord(
        tx,
        district,
        wisdomItems,
        WISDOM,
        item.id,
        item.version,
        { title: 'การทำขนมครกสูตรโบราณ', description: item.description, searchText: 'เปลี่ยน' },
        { before: { holderIds: [] }, after: { holderIds: [] } },
      ),
    );
    expect(after.version).toBe(2);
    const [, entry] = await entriesOf('wisdom', item.id);
    expect(entry).toMatchObject({ action: 'update', orgUnitCode: '3401', actorUsername: 'demo-district' });
    expect(entry.changes).toEqual({ title: { before: 'การทำขนมครก', after: 'การทำขนมครกสูตรโบราณ' } });
  });

  it('audits every field of a new record except derived and secret ones', async () => {
    const item = await newWisdom('การทำผ้าย้อมคราม');
    const [entry] = await entriesOf('wisdom', item.id);
    expect(entry.action).toBe('create');
    expect(Object.keys(entry.changes)).toEqual(
      expect.arrayContaining(['id', 'orgUnitCode', 'title', 'branchCode', 'surveyedOn', 'status', 'accessLevel']),
    );
    for (const derived of ['searchText', 'createdAt', 'updatedAt', 'version']) expect(entry.changes).not.toHaveProperty(derived);
    expect(entry.changes.title).toEqual({ before: null, after: 'การทำผ้าย้อมคราม' });

    const person = await t.database.db.transaction((tx) =>
      createRecord(tx, district, people, 'person', {
        orgUnitCode: '3401',
        title: 'นาง',
        firstName: 'บุญเรือน',
        lastName: 'ศรีสุข',
        citizenIdHash: 'hash-of-the-id',
        citizenIdLast4: '9012',
        citizenIdEncrypted: encryptCitizenId(TEST_DATA_KEY, '1101700207012'),
      }),
    );
    const [personEntry] = await entriesOf('person', person.id);
    expect(personEntry.changes).not.toHaveProperty('citizenIdHash');
    expect(personEntry.changes).not.toHaveProperty('citizenIdEncrypted');
    expect(JSON.stringify(personEntry.changes)).not.toContain('1101700207012');
    expect(personEntry.changes.firstName).toEqual({ before: null, after: 'บุญเรือน' });
  });

  it('soft-deletes at the version read, and the audit says so', async () => {
    const item = await newWisdom('การทำกระติบข้าว');
    await t.database.db.transaction((tx) => deleteRecord(tx, district, wisdomItems, WISDOM, item.id, item.version));
    expect((await rowOf(item.id)).deletedAt).not.toBeNull();
    expect((await entriesOf('wisdom', item.id)).map((e) => e.action)).toEqual(['create', 'delete']);
  });

  it('creates many records as createRecord does one: the same rows and audit entries, in the order given', async () => {
    const person = (n: number, withId: boolean) => ({
      orgUnitCode: '3401',
      title: 'นาย',
      firstName: `ทีละมาก${n}`,
      lastName: 'เรียงลำดับ',
      // Rows that leave out different columns go in separate statements; the order still holds.
      ...(withId
        ? {
            citizenIdHash: `hash-bulk-${n}`,
            citizenIdLast4: '0000',
            citizenIdEncrypted: encryptCitizenId(TEST_DATA_KEY, '1101700207012'),
          }
        : {}),
      ...(n % 3 === 0 ? { roles: ['entrepreneur'] } : {}),
    });
    const values = Array.from({ length: 1205 }, (_, n) => person(n, n % 2 === 0));
    const created = await t.database.db.transaction((tx) => createRecords(tx, district, people, 'person', values));
    expect(created.map((p) => p.firstName)).toEqual(values.map((v) => v.firstName));
    expect(new Set(created.map((p) => p.id)).size).toBe(1205);
    expect(created[3]).toMatchObject({ version: 1, roles: ['entrepreneur'], citizenIdLast4: null, deletedAt: null });
    expect(created[1].roles).toEqual([]);
    expect(created[0].createdAt).toBeInstanceOf(Date);
    const [stored] = await t.database.db.select().from(people).where(eq(people.id, created[4].id));
    expect(created[4]).toEqual(stored);

    const one = await t.database.db.transaction((tx) =>
      createRecord(tx, district, people, 'person', { ...person(4, true), citizenIdHash: 'hash-one-by-one' }),
    );
    const [bulkEntry] = await entriesOf('person', created[4].id);
    const [oneEntry] = await entriesOf('person', one.id);
    expect(bulkEntry).toMatchObject({ action: 'create', orgUnitCode: '3401', actorUsername: 'demo-district' });
    expect({ ...bulkEntry.changes, id: undefined }).toEqual({ ...oneEntry.changes, id: undefined });
    expect(bulkEntry.changes.id).toEqual({ before: null, after: created[4].id });
    const audited = await t.database.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, 'person'),
          inArray(
            auditLog.entityId,
            created.map((p) => String(p.id)),
          ),
        ),
      );
    expect(audited).toHaveLength(1205);
  });

  it('refuses to create many records when one is outside the scope, writing none', async () => {
    const before = await t.database.db.select({ id: people.id }).from(people);
    const values = ['3401', '3415'].map((orgUnitCode) => ({
      orgUnitCode,
      title: 'นาง',
      firstName: 'นอกเขต',
      lastName: 'ทีละมาก',
    }));
    const error = await failure(t.database.db.transaction((tx) => createRecords(tx, district, people, 'person', values)));
    expect(error).toMatchObject({ code: 'access.out_of_scope', status: 403 });
    expect(await t.database.db.select({ id: people.id }).from(people)).toHaveLength(before.length);
  });

  it('inserts rows of every column type through one JSON parameter as drizzle would', async () => {
    const file = Buffer.from([0, 1, 2, 250, 255]);
    const values = {
      kind: 'producers',
      orgUnitCode: '3401',
      fileName: 'ทดสอบ "ชนิด".xlsx',
      file,
      options: { quarter: 2, note: 'ข้อความ\nสองบรรทัด' },
      counts: { total: 1 },
      report: { rows: [{ line: 2, values: { a: 'ก' } }] },
      createdAt: new Date('2026-01-15T03:04:05.678Z'),
    };
    const [bulk] = await t.database.db.transaction((tx) => insertRows(tx, importBatches, [values]));
    const [one] = await t.database.db.transaction((tx) => tx.insert(importBatches).values(values).returning());
    const { id: _a, ...bulkRest } = bulk;
    const { id: _b, ...oneRest } = one;
    expect({ ...bulkRest, file: Buffer.from(bulkRest.file) }).toEqual({ ...oneRest, file: Buffer.from(oneRest.file) });
    expect(Buffer.from(bulk.file)).toEqual(file);
    expect(bulk.createdAt.toISOString()).toBe('2026-01-15T03:04:05.678Z');
    expect(bulk.options).toEqual(values.options);
  });

  it('takes a list of ids as one parameter, past the 65,535 a statement allows', async () => {
    const [some] = await t.database.db.select({ id: people.id }).from(people).limit(1);
    const ids = Array.from({ length: 70_000 }, (_, i) => some.id + 1_000_000 + i);
    const found = await t.database.db
      .select({ id: people.id })
      .from(people)
      .where(idIn(people.id, [...ids, some.id]));
    expect(found).toEqual([{ id: some.id }]);
  });

  it('changes many records at once, each versioned and audited, or none when one is not visible', async () => {
    const items = await Promise.all(['การทำไม้กวาด', 'การทำข้าวหลาม', 'การทำน้ำพริก'].map(newWisdom));
    const ids = items.map((i) => i.id);
    const changed = await t.database.db.transaction((tx) =>
      changeRecords(tx, district, wisdomItems, WISDOM, [...ids, ids[0]], { description: 'ทีละหลายรายการ' }, { action: 'merge' }),
    );
    expect(changed.map((c) => c.after.id)).toEqual([...ids].sort((a, b) => a - b));
    for (const id of ids) {
      expect(await rowOf(id)).toMatchObject({ description: 'ทีละหลายรายการ', version: 2 });
      const [, entry] = await entriesOf('wisdom', id);
      expect(entry).toMatchObject({ action: 'merge', orgUnitCode: '3401' });
      expect(entry.changes).toEqual({ description: { before: '', after: 'ทีละหลายรายการ' } });
    }

    await t.database.db.transaction((tx) => deleteRecord(tx, district, wisdomItems, WISDOM, ids[2], 2));
    const deleted = await failure(
      t.database.db.transaction((tx) => changeRecords(tx, district, wisdomItems, WISDOM, ids, { description: 'x' })),
    );
    expect(deleted).toMatchObject({ code: 'wisdom.not_found', status: 404 });
    const outside = await failure(
      t.database.db.transaction((tx) => changeRecords(tx, district2, wisdomItems, WISDOM, ids.slice(0, 2), { description: 'x' })),
    );
    expect(outside).toMatchObject({ code: 'wisdom.not_found' });
    for (const id of ids.slice(0, 2)) {
      expect(await rowOf(id)).toMatchObject({ description: 'ทีละหลายรายการ', version: 2 });
      expect(await entriesOf('wisdom', id)).toHaveLength(2);
    }
  });

  it('updates many records each with its own values at its version, audited, or none when one is stale or not visible', async () => {
    const items = await Promise.all(['การทำกระติ๊บ', 'การทำขนมครก', 'การทำแคน'].map(newWisdom));
    const change = (i: number, version = 1) => ({
      id: items[i].id,
      version,
      values: { description: `แต่ละรายการ ${i}`, surveyedOn: `2025-12-0${i + 1}`, villageNo: i ? null : 7 },
    });
    const stale = await failure(
      t.database.db.transaction((tx) => updateRecords(tx, district, wisdomItems, WISDOM, [change(0), change(1, 2)])),
    );
    expect(stale).toMatchObject({ code: 'record.stale', status: 409 });
    const outside = await failure(
      t.database.db.transaction((tx) => updateRecords(tx, district2, wisdomItems, WISDOM, [change(0)])),
    );
    expect(outside).toMatchObject({ code: 'wisdom.not_found' });
    expect(await rowOf(items[0].id)).toMatchObject({ description: '', version: 1 });

    const changed = await t.database.db.transaction((tx) =>
      updateRecords(tx, district, wisdomItems, WISDOM, [change(2), change(0), change(1)]),
    );
    expect(changed.map((c) => c.after.id)).toEqual([items[2].id, items[0].id, items[1].id]);
    for (const i of [0, 1, 2]) {
      const row = await rowOf(items[i].id);
      expect(row).toMatchObject({ ...change(i).values, version: 2 });
      expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(items[i].updatedAt.getTime());
      expect(changed.find((c) => c.after.id === items[i].id)?.after).toEqual(row);
      const [, entry] = await entriesOf('wisdom', items[i].id);
      expect(entry).toMatchObject({ action: 'update', orgUnitCode: '3401' });
      expect(entry.changes).toMatchObject({
        description: { before: '', after: `แต่ละรายการ ${i}` },
        surveyedOn: { before: '2025-11-01', after: `2025-12-0${i + 1}` },
      });
    }
  });
});
