/** Builders for pipeline records, made through the HTTP API as a given session. */
import { expect } from 'vitest';
import { addDays } from '#shared/thai/index';
import { thaiToday } from '../clock';
import type { TestContext } from './harness';

let serial = 0;
const next = () => ++serial;

export function api(t: TestContext, cookie: string) {
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
    const res = await t.as(cookie, { method, url, payload });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  const created = async (url: string, payload: object) => {
    const res = await call('POST', url, payload);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  return {
    call,
    person: (over: object = {}) =>
      created('/api/people', {
        orgUnitCode: '3401',
        title: 'นาง',
        firstName: `สมศรี${next()}`,
        lastName: 'ทองดี',
        subdistrict: 'ในเมือง',
        roles: [],
        ...over,
      }),
    wisdom: (over: object = {}) =>
      created('/api/wisdom', {
        orgUnitCode: '3401',
        title: `การทอผ้าไหมมัดหมี่ลายโบราณ ${next()}`,
        branchCode: 'industry_handicraft',
        surveyedOn: '2025-11-01',
        ...over,
      }),
    group: (over: object = {}) =>
      created('/api/groups', {
        orgUnitCode: '3401',
        name: `กลุ่มทอผ้าบ้านหนองบัว ${next()}`,
        foundedOn: '2025-12-01',
        ...over,
      }),
    producer: (groupId: number, over: object = {}) =>
      created('/api/producers', {
        orgUnitCode: '3401',
        groupId,
        producerType: 'community_group',
        fiscalYear: 2569,
        registrationNo: `OTOP-3401-${next()}`,
        registeredOn: daysFromToday(0),
        communityLink: true,
        siteInDistrict: true,
        thaiNationality: true,
        documentsReceived: true,
        ...over,
      }),
    product: (producerId: number, over: object = {}) =>
      created('/api/products', {
        producerId,
        name: `ผ้าไหมมัดหมี่ ${next()}`,
        category: 'textile',
        priceSatang: '150000',
        unit: 'ผืน',
        ...over,
      }),
    certification: (over: object) =>
      created('/api/certifications', {
        standardCode: 'mpc',
        certificateNo: `มผช. ${next()}/2569`,
        issuer: 'สมอ.',
        issuedOn: daysFromToday(0),
        ...over,
      }),
  };
}

/** An ISO date `days` from today in Bangkok (the server's clock: `setClock` moves both). */
export const daysFromToday = (days: number): string => addDays(thaiToday(), days);

type Client = ReturnType<typeof api>;

/**
 * A PATCH at the version read lands and bumps the version; the same (now stale) version again is a 409 that
 * changes nothing: the record still reads as the first change left it.
 */
export async function expectVersionedPatch(
  client: Client,
  url: string,
  body: { version: number; [field: string]: unknown },
  staleChange: object,
) {
  const changed = await client.call('PATCH', url, body);
  expect(changed.status, JSON.stringify(changed.body)).toBe(200);
  expect(changed.body.version).toBe(body.version + 1);
  const stale = await client.call('PATCH', url, { ...body, ...staleChange });
  expect(stale.status).toBe(409);
  expect(stale.body.code).toBe('record.stale');
  expect((await client.call('GET', url)).body).toEqual(changed.body);
  return changed.body;
}

/** What a change may move besides the fields sent: the version and the change stamps. */
const CHANGE_STAMPS = ['version', 'updatedAt', 'updatedBy', 'updatedByName'];

/**
 * PATCH is a partial update: sending `version` and `change` alone changes those fields and leaves every other
 * field of the record as it was (`derived`: fields computed from the changed ones, which may move too).
 * `change` values are compared as read back (objects by the fields sent).
 */
export async function expectPartialPatch(client: Client, url: string, change: Record<string, unknown>, derived: string[] = []) {
  const before = (await client.call('GET', url)).body;
  const res = await client.call('PATCH', url, { version: before.version, ...change });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const after = (await client.call('GET', url)).body;
  const unchanged = (record: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(record).filter(([name]) => !(name in change) && !CHANGE_STAMPS.includes(name) && !derived.includes(name)),
    );
  expect(unchanged(after)).toEqual(unchanged(before));
  const empty = (value: unknown) =>
    value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length);
  for (const [name, value] of Object.entries(change)) {
    if (value === null) expect(empty(after[name]), `${name} cleared`).toBe(true);
    else if (typeof value === 'object') expect(after[name], name).toMatchObject(value);
    else expect(after[name], name).toEqual(value);
  }
  expect(after.version).toBe(before.version + 1);
  return after;
}

/** Another district's officer can neither read nor change the record: not found, and the owner sees it unchanged. */
export async function expectOutOfReach(owner: Client, outsider: Client, url: string, patch: object) {
  const before = (await owner.call('GET', url)).body;
  expect((await outsider.call('GET', url)).status).toBe(404);
  const change = await outsider.call('PATCH', url, patch);
  expect([403, 404]).toContain(change.status);
  expect((await owner.call('GET', url)).body).toEqual(before);
}
