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

const newProduct = async () => {
  const producer = await district.producer((await district.group()).id);
  return district.product(producer.id, { ratings: [{ year: 2566, stars: 3 }] });
};
const editable = (p: any) => ({
  version: p.version,
  producerId: p.producerId,
  name: p.name,
  category: p.category,
  description: p.description,
  story: p.story,
  ...(p.priceSatang ? { priceSatang: p.priceSatang } : {}),
  ...(p.unit ? { unit: p.unit } : {}),
  ratings: p.ratings,
});

describe('products', () => {
  it('changes a product at the version read, bumps the version, and refuses the stale version with 409, changing nothing', async () => {
    const product = await newProduct();
    const changed = await expectVersionedPatch(
      district,
      `/api/products/${product.id}`,
      {
        ...editable(product),
        priceSatang: '175000',
        ratings: [
          { year: 2566, stars: 3 },
          { year: 2568, stars: 4 },
        ],
      },
      { priceSatang: '1', ratings: [] },
    );
    expect(changed).toMatchObject({
      priceSatang: '175000',
      ratings: [
        { year: 2568, stars: 4 },
        { year: 2566, stars: 3 },
      ],
    });
    const [entry] = await t.rows(
      `select changes from audit_log where entity = 'product' and entity_id = '${product.id}' and action = 'update'`,
    );
    expect(Object.keys(entry.changes).sort()).toEqual(['priceSatang', 'ratings']);
  });

  it('changes only the fields a PATCH sends: a new name keeps the price and ratings; null clears the unit or the price', async () => {
    const product = await newProduct();
    const url = `/api/products/${product.id}`;
    await expectPartialPatch(district, url, { name: 'ผ้าไหมมัดหมี่ลายนาค' });
    await expectPartialPatch(district, url, { unit: null });
    await expectPartialPatch(district, url, { priceSatang: null });
    await expectPartialPatch(district, url, { ratings: [{ year: 2568, stars: 5 }] });
    const stray = await district.call('PATCH', url, { version: product.version + 4, category: null });
    expect(stray.status).toBe(400);
    expect(stray.body.errors[0].path).toBe('body/category');
  });

  it('keeps another district (3415) from reading or changing a product of 3401', async () => {
    const product = await newProduct();
    await expectOutOfReach(district, district2, `/api/products/${product.id}`, { ...editable(product), name: 'ยึดสินค้า' });
    const listed = (await district2.call('GET', '/api/products?pageSize=200')).body.items;
    expect(listed.some((p: any) => p.id === product.id)).toBe(false);
  });

  it("lists one producer's products when asked for them", async () => {
    const product = await newProduct();
    await newProduct();
    const listed = (await district.call('GET', `/api/products?producerId=${product.producerId}`)).body;
    expect(listed.items.map((p: any) => p.id)).toEqual([product.id]);
  });
});
