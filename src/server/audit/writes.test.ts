/** The one write path, on a real database: scope, version, and what the audit entry holds. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../access';
import { auditLog, people, users, wisdomItems } from '../db/schema';
import { encryptCitizenId } from '../personal-data';
import { createTestContext, TEST_DATA_KEY, type TestContext } from '../test/harness';
import { createRecord, deleteRecord, updateRecord } from './writes';

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
});
