import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, expectOutOfReach, expectVersionedPatch } from '../../test/factories';
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

  it('tags a person registered as an entrepreneur', async () => {
    const owner = await district.person();
    await district.producer(undefined as any, { groupId: undefined, personId: owner.id, producerType: 'sole_proprietor' });
    expect((await district.call('GET', `/api/people/${owner.id}`)).body.roles).toEqual(['entrepreneur']);
  });

  it('keeps another district (3415) from reading or changing a producer of 3401', async () => {
    const producer = await district.producer((await district.group()).id);
    await expectOutOfReach(district, district2, `/api/producers/${producer.id}`, { ...editable(producer), status: 'cancelled' });
    const listed = (await district2.call('GET', '/api/producers?pageSize=200')).body.items;
    expect(listed.some((p: any) => p.id === producer.id)).toBe(false);
  });
});
