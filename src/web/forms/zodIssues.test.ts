import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { saveExpensePlanBody } from '#shared/expenses';
import { createWisdomBody } from '#shared/wisdom';
import { en } from '../i18n/en';
import { th } from '../i18n/th';
import { issueText, schemaErrors } from './zodIssues';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { th: { translation: th }, en: { translation: en } },
  lng: 'th',
  interpolation: { escapeValue: false },
});
const thai = i18n.getFixedT('th');
const english = i18n.getFixedT('en');

const wisdom = { orgUnitCode: '3401', title: '', branchCode: 'crafts', surveyedOn: '2026-11-26' };

describe('form errors from the shared zod schemas', () => {
  it('says in Thai that an empty required field must be filled, keyed by the field', () => {
    expect(schemaErrors(createWisdomBody, wisdom, thai, 'th')).toEqual({ title: 'จำเป็นต้องกรอก' });
  });

  it('says it in English when the user reads English', () => {
    expect(schemaErrors(createWisdomBody, wisdom, english, 'en')).toEqual({ title: 'Required' });
  });

  it('gives the Thai of a format rule (a calendar date) instead of its English message', () => {
    const errors = schemaErrors(createWisdomBody, { ...wisdom, title: 'ผ้าขิด', surveyedOn: '2026-02-30' }, thai, 'th');
    expect(errors.surveyedOn).not.toMatch(/[A-Za-z]/);
  });

  it('gives a rule between two filled fields in its own words, not "required" (an end before its start)', () => {
    const issue = { code: 'custom', path: ['endsOn'], input: undefined, message: 'Must not be before the start date' } as const;
    expect(issueText(issue as never, thai, 'th')).toBe('วันสิ้นสุดต้องไม่ก่อนวันเริ่ม');
    expect(issueText(issue as never, english, 'en')).toBe('Must not be before the start date');
  });

  it('puts the error of a nested row on that row and names fields the form calls differently', () => {
    const plan = {
      itemId: 1,
      orgUnitCode: '3401',
      lines: [{ item: 'กระดาษ', quantity: 1, unit: 'รีม', unitPriceSatang: '' }],
      actions: [{ what: 'ประชุม', month: '2027-01', who: '' }],
    };
    const errors = schemaErrors(saveExpensePlanBody, plan, thai, 'th', { unitPriceSatang: 'price' });
    expect(errors).toEqual({ 'lines.0.price': 'จำเป็นต้องกรอก', 'actions.0.who': 'จำเป็นต้องกรอก' });
    expect(Object.keys(errors).join()).not.toContain('/');
  });
});
