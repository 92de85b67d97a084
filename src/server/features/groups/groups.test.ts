import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPIRING_DAYS } from '#shared/certifications';
import { api, daysFromToday, expectOutOfReach, expectPartialPatch, expectVersionedPatch } from '../../test/factories';
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

async function formedGroup() {
  const [a, b, c] = [await district.person(), await district.person(), await district.person()];
  const wisdom = await district.wisdom();
  return district.group({
    wisdomIds: [wisdom.id],
    members: [
      { personId: a.id, role: 'chair' },
      { personId: b.id, role: 'treasurer' },
      { personId: c.id, role: 'member' },
    ],
  });
}

describe('occupational groups and the pipeline stage', () => {
  it('forms a group from wisdom with members, starting at "group formed"', async () => {
    const group = await formedGroup();
    expect(group).toMatchObject({ stage: 'group_formed', memberCount: 3 });
    expect(group.wisdom).toHaveLength(1);
    expect(group.stageHistory).toEqual([
      expect.objectContaining({ toStage: 'group_formed', automatic: true, changedOn: '2025-12-01' }),
    ]);
  });

  it('refuses a member from another district, saving nothing', async () => {
    const outsider = await district2.person({ orgUnitCode: '3415' });
    const before = (await district.call('GET', '/api/groups')).body.total;
    const res = await district.call('POST', '/api/groups', {
      orgUnitCode: '3401',
      name: 'กลุ่มผสม',
      foundedOn: '2025-01-01',
      members: [{ personId: outsider.id, role: 'member' }],
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'record.other_district' });
    expect(res.body.th).toContain('อยู่ในอำเภออื่น');
    expect((await district.call('GET', '/api/groups')).body.total).toBe(before);
  });

  it('refuses a stage change that skips the data it needs', async () => {
    const group = await formedGroup();
    const res = await district.call('POST', `/api/groups/${group.id}/stage`, {
      version: group.version,
      stage: 'otop_registered',
      reason: 'ลงทะเบียนแล้ว',
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('group.stage_needs_data');
    expect(res.body.th).toContain('ยังไม่มีการขึ้นทะเบียนผู้ผลิต OTOP');
    expect((await district.call('GET', `/api/groups/${group.id}`)).body.stage).toBe('group_formed');
  });

  it('moves to "OTOP registered" and "strengthened" by itself when the data proves it', async () => {
    const group = await formedGroup();
    const producer = await district.producer(group.id);
    expect((await district.call('GET', `/api/groups/${group.id}`)).body.stage).toBe('otop_registered');
    const product = await district.product(producer.id);
    await district.certification({ productId: product.id, expiresOn: daysFromToday(30) });
    const after = (await district.call('GET', `/api/groups/${group.id}`)).body;
    expect(after.stage).toBe('strengthened');
    expect(after.evidence).toEqual(['group_formed', 'otop_registered', 'strengthened']);
    expect(after.stageHistory.map((h: any) => [h.toStage, h.automatic, h.evidenceKind])).toEqual([
      ['group_formed', true, 'formed'],
      ['otop_registered', true, 'registration'],
      ['strengthened', true, 'strengthening'],
    ]);
    expect(after.certifications[0]).toMatchObject({ status: 'expiring', subject: product.name });
  });

  it('lets an officer record market access with a reason once certified', async () => {
    const group = await formedGroup();
    const producer = await district.producer(group.id);
    await district.certification({ producerId: producer.id });
    const current = (await district.call('GET', `/api/groups/${group.id}`)).body;
    const res = await district.call('POST', `/api/groups/${group.id}/stage`, {
      version: current.version,
      stage: 'market_access',
      reason: 'วางขายที่ศูนย์จำหน่ายสินค้า OTOP',
    });
    expect(res.status).toBe(200);
    expect(res.body.stageHistory.at(-1)).toMatchObject({
      toStage: 'market_access',
      automatic: false,
      reason: 'วางขายที่ศูนย์จำหน่ายสินค้า OTOP',
    });
    const stale = await district.call('POST', `/api/groups/${group.id}/stage`, {
      version: current.version,
      stage: 'funding_access',
      reason: 'กู้ ธ.ก.ส.',
    });
    expect(stale.status).toBe(409);
  });

  it('names the district of each group in the list', async () => {
    const group = await formedGroup();
    const listed = (await district.call('GET', '/api/groups?pageSize=200')).body.items.find((g: any) => g.id === group.id);
    expect(listed).toMatchObject({ orgUnitCode: '3401', unitNameTh: 'เมืองอุบลราชธานี', unitNameEn: 'Mueang Ubon Ratchathani' });
  });

  it('hides groups of one district from another', async () => {
    const group = await formedGroup();
    expect((await district2.call('GET', `/api/groups/${group.id}`)).status).toBe(404);
    expect(
      (await district2.call('POST', `/api/groups/${group.id}/stage`, { version: 1, stage: 'group_formed', reason: 'แอบแก้ไข' }))
        .status,
    ).toBe(404);
  });
});

describe('OTOP registration, products and certificates', () => {
  it('refuses a registration whose type does not match its owner, or that is not eligible', async () => {
    const group = await formedGroup();
    const mismatch = await district.call('POST', '/api/producers', {
      orgUnitCode: '3401',
      groupId: group.id,
      producerType: 'sole_proprietor',
      fiscalYear: 2569,
      registrationNo: 'X-1',
      registeredOn: '2026-01-01',
      communityLink: true,
      siteInDistrict: true,
      thaiNationality: true,
      documentsReceived: true,
    });
    expect(mismatch.body.code).toBe('producer.owner_mismatch');
    const ineligible = await district.call('POST', '/api/producers', {
      orgUnitCode: '3401',
      groupId: group.id,
      producerType: 'community_group',
      fiscalYear: 2569,
      registrationNo: 'X-2',
      registeredOn: '2026-01-01',
      communityLink: true,
      siteInDistrict: false,
      thaiNationality: true,
      documentsReceived: true,
    });
    expect(ineligible.status).toBe(422);
    expect(ineligible.body.code).toBe('producer.not_eligible');
  });

  it('refuses a product without a producer and a certificate that expires before it is issued', async () => {
    const noProducer = await district.call('POST', '/api/products', { name: 'น้ำพริกปลาร้า', category: 'food' });
    expect(noProducer.status).toBe(400);
    expect(noProducer.body.errors[0]).toMatchObject({ path: 'body/producerId', th: 'จำเป็นต้องกรอก' });
    const producer = await district.producer((await formedGroup()).id);
    const product = await district.product(producer.id);
    const res = await district.call('POST', '/api/certifications', {
      productId: product.id,
      standardCode: 'mpc',
      certificateNo: 'มผช. 1/2569',
      issuer: 'สมอ.',
      issuedOn: '2026-05-01',
      expiresOn: '2026-04-30',
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'certification.expiry_before_issue', th: 'วันหมดอายุต้องไม่ก่อนวันที่ออกใบรับรอง' });
    expect(
      (await district.call('GET', '/api/certifications')).body.items.some((c: any) => c.certificateNo === 'มผช. 1/2569'),
    ).toBe(false);
  });

  it('lists certificates expiring within EXPIRING_DAYS, soonest first, and computes each status', async () => {
    const producer = await district.producer((await formedGroup()).id);
    const product = await district.product(producer.id);
    await district.certification({ productId: product.id, certificateNo: 'EXP-LATE', expiresOn: daysFromToday(EXPIRING_DAYS) });
    await district.certification({ productId: product.id, certificateNo: 'EXP-SOON', expiresOn: daysFromToday(10) });
    await district.certification({
      productId: product.id,
      certificateNo: 'EXPIRED',
      issuedOn: '2020-01-01',
      expiresOn: daysFromToday(-1),
    });
    await district.certification({ productId: product.id, certificateNo: 'LONG', expiresOn: daysFromToday(EXPIRING_DAYS + 1) });
    const expiring = (await district.call('GET', '/api/certifications?status=expiring')).body.items.map(
      (c: any) => c.certificateNo,
    );
    expect(expiring.indexOf('EXP-SOON')).toBeLessThan(expiring.indexOf('EXP-LATE'));
    expect(expiring).not.toContain('EXPIRED');
    expect(expiring).not.toContain('LONG');
    const valid = (await district.call('GET', '/api/certifications?status=valid&pageSize=200')).body.items;
    expect(valid.find((c: any) => c.certificateNo === 'LONG')).toMatchObject({ status: 'valid' });
    const expired = (await district.call('GET', '/api/certifications?status=expired')).body.items;
    expect(expired.find((c: any) => c.certificateNo === 'EXPIRED')).toMatchObject({ status: 'expired' });
    expect((await district2.call('GET', '/api/certifications')).body.items.some((c: any) => c.certificateNo === 'EXP-SOON')).toBe(
      false,
    );
  });

  it('finds "ผ้าไหมมัดหมี่" by the word "ไหม" and sorts product names in Thai order', async () => {
    const producer = await district.producer((await formedGroup()).id);
    for (const name of ['ผ้าไหมมัดหมี่ลายนาค', 'เสื่อกกทอมือ', 'กระติบข้าวเหนียว', 'ข้าวหอมมะลิอินทรีย์'])
      await district.product(producer.id, { name, category: 'household_souvenir' });
    const found = (await district.call('GET', `/api/products?q=${encodeURIComponent('ไหม')}&pageSize=200`)).body.items.map(
      (p: any) => p.name,
    );
    expect(found).toContain('ผ้าไหมมัดหมี่ลายนาค');
    expect(found).not.toContain('เสื่อกกทอมือ');
    const all = (await district.call('GET', '/api/products?pageSize=200&category=household_souvenir')).body.items.map(
      (p: any) => p.name,
    );
    expect(all).toEqual(['กระติบข้าวเหนียว', 'ข้าวหอมมะลิอินทรีย์', 'ผ้าไหมมัดหมี่ลายนาค', 'เสื่อกกทอมือ']);
  });

  it('changes a group at the version read, tags new members, and refuses the stale version with 409, changing nothing', async () => {
    const group = await formedGroup();
    const newcomer = await district.person();
    const members = [
      ...group.members.map((m: any) => ({ personId: m.personId, role: m.role })),
      { personId: newcomer.id, role: 'member' },
    ];
    const body = {
      version: group.version,
      name: `${group.name} (ขยาย)`,
      foundedOn: group.foundedOn,
      address: group.address,
      members,
      wisdomIds: group.wisdom.map((w: any) => w.id),
    };
    const changed = await expectVersionedPatch(district, `/api/groups/${group.id}`, body, { name: 'ทับของคนอื่น', members: [] });
    expect(changed).toMatchObject({ name: `${group.name} (ขยาย)`, memberCount: 4 });
    expect((await district.call('GET', `/api/people/${newcomer.id}`)).body.roles).toEqual(['group_member']);
  });

  it('changes only the fields a PATCH sends: a new name keeps members and wisdom; null clears the phone', async () => {
    const group = await formedGroup();
    await district.call('PATCH', `/api/groups/${group.id}`, { version: group.version, contactPhone: '0812345678' });
    await expectPartialPatch(district, `/api/groups/${group.id}`, { name: 'กลุ่มทอผ้าไหมบ้านโนน' });
    await expectPartialPatch(district, `/api/groups/${group.id}`, { contactPhone: null });
    const members = await expectPartialPatch(
      district,
      `/api/groups/${group.id}`,
      { members: [group.members[0]].map((m: any) => ({ personId: m.personId, role: m.role })) },
      ['memberCount', 'members', 'targetType'],
    );
    expect(members.memberCount).toBe(1);
    const renamed = await district.call('PATCH', `/api/groups/${group.id}`, { version: members.version, name: '' });
    expect(renamed.status).toBe(400);
    expect(renamed.body.errors[0].path).toBe('body/name');
    const cleared = await district.call('PATCH', `/api/groups/${group.id}`, { version: members.version, name: null });
    expect(cleared.status).toBe(400);
  });

  it('keeps another district from reading or changing a group', async () => {
    const group = await formedGroup();
    await expectOutOfReach(district, district2, `/api/groups/${group.id}`, {
      version: group.version,
      name: 'ยึดกลุ่ม',
      foundedOn: group.foundedOn,
    });
  });
});
