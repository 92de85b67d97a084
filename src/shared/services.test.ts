import { describe, expect, it } from 'vitest';
import { createServiceBody, serviceListQuery } from './services';

const valid = {
  orgUnitCode: '3401',
  serviceDate: '2026-11-02',
  mode: 'center',
  groupIds: [1],
  typeCodes: ['advice'],
  description: 'ให้คำปรึกษา',
  staffIds: [2],
  durationMinutes: 30,
};
const problems = (body: object) =>
  (createServiceBody.safeParse(body).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('the service body, checked alike in the form and on the server', () => {
  it('takes a service at the center to a group, and one on outreach with its kind', () => {
    expect(problems(valid)).toEqual([]);
    expect(problems({ ...valid, mode: 'outreach', outreachKind: 'emergency', tripId: 4 })).toEqual([]);
  });

  it('needs a client, a type, a giver and an outreach kind for outreach', () => {
    expect(problems({ ...valid, groupIds: [] })).toEqual(['personIds: At least one client: a person or a group']);
    expect(problems({ ...valid, typeCodes: [] })[0]).toMatch(/^typeCodes/);
    expect(problems({ ...valid, staffIds: [] })[0]).toMatch(/^staffIds/);
    expect(problems({ ...valid, mode: 'outreach' })).toEqual(['outreachKind: Required for outreach']);
    expect(problems({ ...valid, tripId: 4 })).toEqual(['mode: A service at the center has no outreach kind or trip']);
  });

  it('wants the follow-up after the service, and a follow-up status only with a date', () => {
    expect(problems({ ...valid, followUpOn: '2026-11-02' })).toEqual(['followUpOn: Must be after the service date']);
    expect(problems({ ...valid, followUpOn: '2026-11-03' })).toEqual([]);
    expect(problems({ ...valid, followUpStatus: 'done' })).toEqual(['followUpOn: A follow-up status needs a follow-up date']);
  });
});

describe('the services list query', () => {
  it('takes a real month only', () => {
    expect(serviceListQuery.safeParse({ month: '2026-11' }).success).toBe(true);
    expect(serviceListQuery.safeParse({ month: '2026-13' }).success).toBe(false);
    expect(serviceListQuery.safeParse({ month: '2026-00' }).success).toBe(false);
  });
});
