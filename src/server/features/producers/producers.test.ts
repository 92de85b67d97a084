import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, expectOutOfReach, expectPartialPatch, expectVersionedPatch } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

let t: TestContext;
let district: ReturnType<typeof api>;
let district2: ReturnType<typeof api>;
beforeAll(async () => {
  t = await createTestContext();
  district = api(t, await t.login('demo-district'));
  district2 = api(t, await t.login('demo-district-2'));
});
afterAll(() => t.close());

/** The update body of a producer as read: everything the client may change, at its version. */
const editable = (p: any) => {
  const { id, ownerName, orgUnitCode, personId, groupId, targetType, ...fields } = p;
  return { ...fields, ...(groupId ? { groupId } : {}), ...(personId ? { personId } : {}) };
};

describe('OTOP producers', () => {
  it('changes a registration at the version read, bumps the version, and refuses the stale version with 409, changing nothing', async () => {
    const producer = await district.producer((await district.group()).id);
    const changed = await expectVersionedPatch(
      district,
      `/api/producers/${producer.id}`,
      { ...editable(producer), registrationNo: `${producer.registrationNo}-แก้` },
      { registrationNo: 'ทับของคนอื่น' },
    );
    expect(changed.registrationNo).toBe(`${producer.registrationNo}-แก้`);
  });

  it('keeps the contact the producer agreed to publish, and drops it when left blank', async () => {
    const producer = await district.producer((await district.group()).id, { publicContact: '  โทร 045-311-222 · LINE @silk  ' });
    expect(producer.publicContact).toBe('โทร 045-311-222 · LINE @silk');
    const cleared = await district.call('PATCH', `/api/producers/${producer.id}`, { ...editable(producer), publicContact: ' ' });
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    expect(cleared.body.publicContact).toBeNull();
    const tooLong = await district.call('PATCH', `/api/producers/${producer.id}`, {
      ...editable(cleared.body),
      publicContact: 'ก'.repeat(201),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].path).toBe('body/publicContact');
  });

  it('changes only the fields a PATCH sends: null clears the public contact; one owner, checked on the merged record', async () => {
    const producer = await district.producer((await district.group()).id, { publicContact: 'LINE @silk' });
    const url = `/api/producers/${producer.id}`;
    await expectPartialPatch(district, url, { registrationNo: `${producer.registrationNo}-2` });
    await expectPartialPatch(district, url, { publicContact: null });
    // A person as the owner instead of the group: the group goes in the same change, or there would be two.
    const owner = await district.person();
    const current = (await district.call('GET', url)).body;
    const twoOwners = await district.call('PATCH', url, { version: current.version, personId: owner.id });
    expect(twoOwners.body.code).toBe('producer.owner_mismatch');
    const moved = await expectPartialPatch(
      district,
      url,
      { groupId: null, personId: owner.id, producerType: 'sole_proprietor' },
      ['ownerName', 'targetType'],
    );
    expect(moved.ownerName).toContain(owner.firstName);
  });

  it('tags a person registered as an entrepreneur', async () => {
    const owner = await district.person();
    await district.producer(undefined as any, { groupId: undefined, personId: owner.id, producerType: 'sole_proprietor' });
    expect((await district.call('GET', `/api/people/${owner.id}`)).body.roles).toEqual(['entrepreneur']);
  });

  it("lists by the owner's name in Thai order, following a renamed group or person", async () => {
    const group = await district.group({ name: 'กลุ่มฮูกทองเลี้ยงผึ้ง' });
    const byGroup = await district.producer(group.id);
    const person = await district.person({ firstName: 'ฮูกทอง', lastName: 'มีสุข' });
    const byPerson = await district.producer(undefined as any, {
      groupId: undefined,
      personId: person.id,
      producerType: 'sole_proprietor',
    });
    const owners = async () =>
      (await district.call('GET', '/api/producers?q=ฮูกทอง&pageSize=200')).body.items.map((p: any) => p.ownerName);
    expect(await owners()).toEqual(['กลุ่มฮูกทองเลี้ยงผึ้ง', 'นางฮูกทอง มีสุข']);

    // Registering a producer moved the group's stage, so its version is read again.
    const { version: groupVersion } = (await district.call('GET', `/api/groups/${group.id}`)).body;
    const renamed = await district.call('PATCH', `/api/groups/${group.id}`, {
      version: groupVersion,
      name: 'ร้านฮูกทองน้ำผึ้งป่า',
      foundedOn: group.foundedOn,
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const { version } = (await district.call('GET', `/api/people/${person.id}`)).body;
    const retitled = await district.call('PATCH', `/api/people/${person.id}`, {
      version,
      title: 'นาย',
      firstName: person.firstName,
      lastName: person.lastName,
    });
    expect(retitled.status, JSON.stringify(retitled.body)).toBe(200);
    // นาย… now sorts before ร้าน…, and each producer shows its owner's new name.
    expect(await owners()).toEqual(['นายฮูกทอง มีสุข', 'ร้านฮูกทองน้ำผึ้งป่า']);
    expect((await district.call('GET', `/api/producers/${byGroup.id}`)).body.ownerName).toBe('ร้านฮูกทองน้ำผึ้งป่า');
    expect((await district.call('GET', `/api/producers/${byPerson.id}`)).body.ownerName).toBe('นายฮูกทอง มีสุข');
  });

  it('keeps another district (3415) from reading or changing a producer of 3401', async () => {
    const producer = await district.producer((await district.group()).id);
    await expectOutOfReach(district, district2, `/api/producers/${producer.id}`, { ...editable(producer), status: 'cancelled' });
    const listed = (await district2.call('GET', '/api/producers?pageSize=200')).body.items;
    expect(listed.some((p: any) => p.id === producer.id)).toBe(false);
  });
});
