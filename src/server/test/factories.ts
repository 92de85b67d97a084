/** Builders for pipeline records, made through the HTTP API as a given session. */
import { expect } from 'vitest';
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
        targetType: 1,
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

/** An ISO date `days` from today in Bangkok. */
export function daysFromToday(days: number): string {
  const d = new Date(Date.now() + 7 * 3_600_000);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
