import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '#shared/audit';
import { en } from '../../i18n/en';
import { th } from '../../i18n/th';
import { describeChanges, describeSubject, type Lookups } from './describe';

let tTh: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { th: { translation: th }, en: { translation: en } },
    lng: 'th',
    interpolation: { escapeValue: false },
  });
  tTh = i18n.getFixedT('th');
  tEn = i18n.getFixedT('en');
});

const entry = (entity: string, changes: AuditEntry['changes']): Pick<AuditEntry, 'entity' | 'changes' | 'units'> => ({
  entity,
  changes,
  units: { '34': { th: 'อุบลราชธานี', en: 'Ubon Ratchathani' }, '3419': { th: 'ตาลสุม', en: 'Tan Sum' } },
});
const thai = (): Lookups => ({
  t: tTh,
  language: 'th',
  codeName: (f, c) => (f === 'standardCode' && c === 'mpc' ? 'มผช.' : undefined),
});
const english = (): Lookups => ({ t: tEn, language: 'en' });

describe('an audit change in words', () => {
  it("names what a read of personal data showed by the field's label, not its code", () => {
    const read = (changes: AuditEntry['changes'], lookups: Lookups) =>
      describeChanges(entry('person', changes), lookups).map((l) => `${l.label}: ${l.after}`);
    expect(read({ field: { before: null, after: 'phone' } }, thai())).toEqual(['ข้อมูลที่เปิดดู: โทรศัพท์']);
    expect(read({ fields: { before: null, after: ['citizenId', 'phone'] } }, english())).toEqual([
      'Data viewed: Citizen ID, Phone',
    ]);
  });

  it('names fields in Thai, shows satang as baht, dates in Buddhist Era and units by name', () => {
    const lines = describeChanges(
      entry('allocation', {
        id: { before: null, after: 32 },
        amountSatang: { before: null, after: '2500000' },
        category: { before: null, after: 'materials' },
        toUnitCode: { before: null, after: '3419' },
        fromUnitCode: { before: null, after: '34' },
        quarter: { before: null, after: 1 },
      }),
      thai(),
    );
    expect(lines.map((l) => `${l.label}: ${l.after}`)).toEqual([
      'จำนวนเงิน: 25,000.00 บาท',
      'หมวด/ประเภท: ค่าวัสดุ',
      'ถึง: ตาลสุม',
      'จาก: อุบลราชธานี',
      'ไตรมาส: ไตรมาส 1',
    ]);
  });

  it('shows a change as before → after with code values by name, and dates in BE', () => {
    const [stage, expires, standard] = describeChanges(
      entry('group', {
        stage: { before: 'group_formed', after: 'strengthened' },
        expiresOn: { before: '2026-01-31', after: '2028-11-19' },
        standardCode: { before: null, after: 'mpc' },
      }),
      thai(),
    );
    expect(stage).toEqual({ field: 'stage', label: 'ขั้นการพัฒนา', before: 'รวมกลุ่มอาชีพ', after: 'ได้รับการพัฒนา' });
    expect(expires.before).toBe('31 ม.ค. 2569');
    expect(standard.after).toBe('มผช.');
  });

  it('keeps code values and camelCase out of English too, with plurals', () => {
    const lines = describeChanges(
      entry('disbursement', {
        procurementMethod: { before: null, after: 'specific' },
        balanceAfter: { before: null, after: '1300000' },
        lines: { before: null, after: [{ item: 'x' }] },
        members: { before: null, after: [{ role: 'chair' }, { role: 'member' }] },
        documentsReceived: { before: false, after: true },
        recordType: { before: null, after: 'budget_item' },
        mime: { before: null, after: 'image/png' },
      }),
      english(),
    );
    expect(lines.map((l) => `${l.label}: ${l.before ? `${l.before} → ` : ''}${l.after}`)).toEqual([
      'Procurement method: Specific method',
      'Balance after: 13,000.00 baht',
      'Expense lines: 1 item',
      'Members: 2 items',
      'Documents received: No → Yes',
      'Record type: Budget item',
      'File type: PNG',
    ]);
  });
});

describe('names that are settings, not words', () => {
  it('calls the emblem image by its name', () => {
    expect(describeChanges(entry('document_image', { name: { before: null, after: 'garuda' } }), thai())[0].after).toBe('ตราครุฑ');
  });
});

describe("the center's services in the log", () => {
  it('names the mode, the outreach kind, the follow-up and the partner kind', () => {
    const service = describeChanges(
      entry('service', {
        mode: { before: null, after: 'outreach' },
        outreachKind: { before: null, after: 'on_demand' },
        followUpStatus: { before: null, after: 'pending' },
      }),
      thai(),
    );
    expect(service.map((l) => l.after)).toEqual(['เชิงรุก (ออกหน่วย)', 'ตามคำขอ', 'รอติดตามผล']);
    expect(describeChanges(entry('partner', { kind: { before: null, after: 'bank' } }), thai())[0].after).not.toBe('bank');
  });
});

describe("a record's name in the log", () => {
  it("reads a meeting's date in Buddhist Era in Thai and as a date in English", () => {
    const meeting = { entity: 'meeting', subject: 'ครั้งที่ 2/2570 (2026-11-27)' };
    expect(describeSubject(meeting, 'th')).toBe('ครั้งที่ 2/2570 (27 พ.ย. 2569)');
    expect(describeSubject(meeting, 'en')).toBe('ครั้งที่ 2/2570 (27 Nov 2026)');
  });

  it("names a sale's month, and leaves names without dates as they are", () => {
    expect(describeSubject({ entity: 'sale', subject: 'กลุ่มทอผ้า · 2026-11' }, 'th')).toBe('กลุ่มทอผ้า · พฤศจิกายน 2569');
    expect(describeSubject({ entity: 'producer', subject: 'OTOP-3401-12' }, 'th')).toBe('OTOP-3401-12');
    expect(describeSubject({ entity: 'post', subject: 'เลขที่ 2569-99-99' }, 'th')).toBe('เลขที่ 2569-99-99');
    expect(describeSubject({ entity: 'session', subject: null }, 'th')).toBeNull();
  });
});
