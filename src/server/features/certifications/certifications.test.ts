import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const newCertificate = async () => {
  const producer = await district.producer((await district.group()).id);
  return district.certification({ producerId: producer.id, expiresOn: daysFromToday(365) });
};
const editable = (c: any) => ({
  version: c.version,
  producerId: c.producerId,
  standardCode: c.standardCode,
  certificateNo: c.certificateNo,
  issuer: c.issuer,
  issuedOn: c.issuedOn,
  ...(c.expiresOn ? { expiresOn: c.expiresOn } : {}),
});

describe('certifications', () => {
  it('changes a certificate at the version read, bumps the version, and refuses the stale version with 409, changing nothing', async () => {
    const cert = await newCertificate();
    const changed = await expectVersionedPatch(
      district,
      `/api/certifications/${cert.id}`,
      { ...editable(cert), expiresOn: daysFromToday(30) },
      { expiresOn: daysFromToday(700) },
    );
    expect(changed).toMatchObject({ expiresOn: daysFromToday(30), status: 'expiring' });
  });

  it('changes only the fields a PATCH sends: null clears the expiry; the dates and the one subject checked on the merged record', async () => {
    const cert = await newCertificate();
    const url = `/api/certifications/${cert.id}`;
    await expectPartialPatch(district, url, { issuer: 'สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม' });
    await expectPartialPatch(district, url, { expiresOn: null });
    const { version } = (await district.call('GET', url)).body;
    const beforeIssue = await district.call('PATCH', url, { version, expiresOn: daysFromToday(-1) });
    expect(beforeIssue.body.code).toBe('certification.expiry_before_issue');
    const product = await district.product(cert.producerId);
    const twoSubjects = await district.call('PATCH', url, { version, productId: product.id });
    expect(twoSubjects.body.code).toBe('certification.subject_required');
    await expectPartialPatch(district, url, { productId: product.id, producerId: null }, ['subject']);
  });

  it('keeps another district (3415) from reading or changing a certificate of 3401', async () => {
    const cert = await newCertificate();
    await expectOutOfReach(district, district2, `/api/certifications/${cert.id}`, { ...editable(cert), issuer: 'ปลอม' });
    const listed = (await district2.call('GET', '/api/certifications?pageSize=200')).body.items;
    expect(listed.some((c: any) => c.id === cert.id)).toBe(false);
  });

  it("lists a product's certificates, and a producer's own and its products' certificates", async () => {
    const producer = await district.producer((await district.group()).id);
    const product = await district.product(producer.id);
    const ofProducer = await district.certification({ producerId: producer.id });
    const ofProduct = await district.certification({ productId: product.id });
    await newCertificate();
    const ids = async (query: string) =>
      (await district.call('GET', `/api/certifications?${query}`)).body.items.map((c: any) => c.id).sort();
    expect(await ids(`productId=${product.id}`)).toEqual([ofProduct.id]);
    expect(await ids(`producerId=${producer.id}`)).toEqual([ofProducer.id, ofProduct.id].sort());
  });
});
