import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../clock';
import { parseDateText } from './dates';
import { parseBahtText, parseCitizenIdText, parseIntegerText, parsePhoneText } from './values';

const codeOf = (parsed: { value: unknown } | { problem: { code: string } }) => ('problem' in parsed ? parsed.problem.code : null);

beforeAll(() => setClock('2026-01-15'));
afterAll(() => setClock(null));

describe('parseDateText', () => {
  it.each([
    ['15/1/2569', '2026-01-15'],
    ['15/01/2026', '2026-01-15'],
    ['5-3-2568', '2025-03-05'],
    ['5.3.2568', '2025-03-05'],
    ['๑๕/๑/๒๕๖๙', '2026-01-15'],
    ['2026-01-15', '2026-01-15'],
    ['2569-01-15', '2026-01-15'],
    ['2026-01-15 00:00:00', '2026-01-15'],
    ['2026-01-15T10:30:00Z', '2026-01-15'],
    ['15/1/2569 13:45', '2026-01-15'],
    ['15 มกราคม 2569', '2026-01-15'],
    ['15 มกราคม พ.ศ. 2569', '2026-01-15'],
    ['วันที่ 15 มกราคม 2569', '2026-01-15'],
    ['15มกราคม2569', '2026-01-15'],
    ['15 ม.ค. 2569', '2026-01-15'],
    ['15 ม.ค 2569', '2026-01-15'],
    ['15 มค 2569', '2026-01-15'],
    ['1 มี.ค. 2568', '2025-03-01'],
    ['1 เม.ย.2568', '2025-04-01'],
    ['31 ธันวาคม 2568', '2025-12-31'],
    ['15 Jan 2026', '2026-01-15'],
    ['15 January 2026', '2026-01-15'],
    ['29/2/2567', '2024-02-29'],
    ['45678', '2025-01-21'],
    ['46037.5', '2026-01-15'],
    ['1/1/1950', '1950-01-01'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDateText(text)).toEqual({ value: iso });
  });

  it.each([
    ['15/1/69', 'date.ambiguous_year'],
    ['15 ม.ค. 69', 'date.ambiguous_year'],
    ['15/1/569', 'date.invalid'],
    ['', 'date.invalid'],
    ['เมื่อวาน', 'date.invalid'],
    ['15 มกรา 2569', 'date.invalid'],
    ['2569', 'date.invalid'],
    ['1/15/2026', 'date.no_such_day'],
    ['31/4/2569', 'date.no_such_day'],
    ['29/2/2569', 'date.no_such_day'],
    ['0/1/2569', 'date.no_such_day'],
    ['15/1/3112', 'date.future_be'],
    ['15/1/2600', 'date.future_be'],
    ['15/1/2200', 'date.out_of_range'],
    ['15/1/1850', 'date.out_of_range'],
  ])('refuses %s with %s', (text, code) => {
    const parsed = parseDateText(text);
    expect(codeOf(parsed)).toBe(code);
    if ('problem' in parsed) {
      expect(parsed.problem.th).toMatch(/[ก-๙]/);
      expect(parsed.problem.en).toMatch(/[a-z]/);
    }
  });

  it('takes any year from 2400 on as Buddhist Era, and the years before as Common Era', () => {
    expect(parseDateText('1/1/2443')).toEqual({ value: '1900-01-01' });
    expect(codeOf(parseDateText('1/1/2400'))).toBe('date.out_of_range');
    expect(codeOf(parseDateText('1/1/2399'))).toBe('date.out_of_range');
    expect(parseDateText('1/1/2036')).toEqual({ value: '2036-01-01' });
  });
});

describe('parseBahtText', () => {
  it.each([
    ['1500', 150000n],
    ['1,500', 150000n],
    ['1,500.50', 150050n],
    ['1500.5', 150050n],
    ['๑,๕๐๐', 150000n],
    ['1,500 บาท', 150000n],
    ['1,500บาทถ้วน', 150000n],
    ['฿1,500', 150000n],
    ['1,500.-', 150000n],
    ['  41,100.00 ', 4110000n],
    ['1,234,567.89', 123456789n],
    ['0', 0n],
    ['-', 0n],
  ])('reads %s as %s satang', (text, satang) => {
    expect(parseBahtText(text)).toEqual({ value: satang });
  });

  it.each([
    ['1500.555', 'baht.too_many_decimals'],
    ['1,50,0', 'baht.invalid'],
    ['1.500,50', 'baht.invalid'],
    ['หนึ่งพันห้าร้อยบาท', 'baht.invalid'],
    ['', 'baht.invalid'],
    ['12a', 'baht.invalid'],
    ['-1500', 'baht.negative'],
    ['(1,500)', 'baht.negative'],
  ])('refuses %s with %s', (text, code) => {
    expect(codeOf(parseBahtText(text))).toBe(code);
  });

  it('reads a negative amount where one is allowed', () => {
    expect(parseBahtText('-1,500.25', { allowNegative: true })).toEqual({ value: -150025n });
    expect(parseBahtText('(1,500)', { allowNegative: true })).toEqual({ value: -150000n });
  });
});

describe('parseCitizenIdText', () => {
  it.each([
    ['1101700000532', '1101700000532'],
    ['1-1017-00000-53-2', '1101700000532'],
    ['3 4101 00123 45 8', '3410100123458'],
    ['๑๑๐๑๗๐๐๐๐๐๕๓๒', '1101700000532'],
  ])('reads %s', (text, id) => {
    expect(parseCitizenIdText(text)).toEqual({ value: id });
  });

  it.each([
    ['1101700000531', 'citizen_id.checksum'],
    ['1-1017-00000-53-9', 'citizen_id.checksum'],
    ['110170000053', 'citizen_id.invalid'],
    ['11017000005321', 'citizen_id.invalid'],
    ['1.10170000053E+12', 'citizen_id.invalid'],
    ['', 'citizen_id.invalid'],
  ])('refuses %s with %s', (text, code) => {
    const parsed = parseCitizenIdText(text);
    expect(codeOf(parsed)).toBe(code);
    if ('problem' in parsed) expect(`${parsed.problem.th}${parsed.problem.en}`).not.toContain(text || 'never');
  });
});

describe('parseIntegerText', () => {
  it.each([
    ['12', 12],
    ['1,200', 1200],
    ['๑๒', 12],
    ['12.0', 12],
    ['-3', -3],
  ])('reads %s', (text, value) => {
    expect(parseIntegerText(text)).toEqual({ value });
  });

  it.each(['12.5', '1,20', 'สิบสอง', '', '9007199254740993'])('refuses %s', (text) => {
    expect(codeOf(parseIntegerText(text))).toMatch(/^integer\./);
  });

  it('checks the bounds it is given', () => {
    expect(codeOf(parseIntegerText('0', { min: 1 }))).toBe('integer.out_of_range');
    expect(codeOf(parseIntegerText('100', { min: 1, max: 99 }))).toBe('integer.out_of_range');
    expect(parseIntegerText('99', { min: 1, max: 99 })).toEqual({ value: 99 });
  });
});

describe('parsePhoneText', () => {
  it.each([
    ['081-234-5678', '0812345678'],
    ['081 234 5678', '0812345678'],
    ['(045) 123456', '045123456'],
    ['+66 81 234 5678', '0812345678'],
    ['๐๘๑๒๓๔๕๖๗๘', '0812345678'],
    ['812345678', '0812345678'],
    ['45123456', '045123456'],
  ])('reads %s', (text, phone) => {
    expect(parsePhoneText(text)).toEqual({ value: phone });
  });

  it.each(['081-234-5678, 045-123456', '1234', '08123456789012', 'โทร 0812345678'])('refuses %s', (text) => {
    expect(codeOf(parsePhoneText(text))).toBe('phone.invalid');
  });
});
