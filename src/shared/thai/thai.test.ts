import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bahtText,
  citizenIdCheckDigit,
  fiscalRange,
  fiscalYearOf,
  formatBaht,
  formatCitizenId,
  formatThaiDate,
  isValidCitizenId,
  maskCitizenId,
  parseBaht,
  parseBahtOrNull,
  toArabicDigits,
  toThaiDigits,
} from './index';

const baht = (n: number) => BigInt(Math.round(n * 100));

describe('bahtText', () => {
  it.each([
    [41_100, 'สี่หมื่นหนึ่งพันหนึ่งร้อยบาทถ้วน'],
    [1_543_800, 'หนึ่งล้านห้าแสนสี่หมื่นสามพันแปดร้อยบาทถ้วน'],
    [1_500, 'หนึ่งพันห้าร้อยบาทถ้วน'],
    [3_600, 'สามพันหกร้อยบาทถ้วน'],
    [0, 'ศูนย์บาทถ้วน'],
    [1, 'หนึ่งบาทถ้วน'],
    [11, 'สิบเอ็ดบาทถ้วน'],
    [21, 'ยี่สิบเอ็ดบาทถ้วน'],
    [20, 'ยี่สิบบาทถ้วน'],
    [101, 'หนึ่งร้อยเอ็ดบาทถ้วน'],
    [201, 'สองร้อยเอ็ดบาทถ้วน'],
    [1_000_001, 'หนึ่งล้านเอ็ดบาทถ้วน'],
    [10_000_001, 'สิบล้านเอ็ดบาทถ้วน'],
    [101_000_000, 'หนึ่งร้อยเอ็ดล้านบาทถ้วน'],
    [1_000_000, 'หนึ่งล้านบาทถ้วน'],
    [1_000_000_000_000, 'หนึ่งล้านล้านบาทถ้วน'],
    [0.5, 'ห้าสิบสตางค์'],
    [0.01, 'หนึ่งสตางค์'],
    [1.01, 'หนึ่งบาทหนึ่งสตางค์'],
    [121.21, 'หนึ่งร้อยยี่สิบเอ็ดบาทยี่สิบเอ็ดสตางค์'],
    [-3, 'ลบสามบาทถ้วน'],
  ])('%d baht reads %s', (amount, words) => {
    expect(bahtText(baht(amount))).toBe(words);
  });

  it('never writes หนึ่ง after a non-zero higher digit, nor เอ็ด alone', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 14n }), (satang) => {
        const words = bahtText(satang);
        expect(words).not.toMatch(/^เอ็ด/);
        expect(words).not.toMatch(/(สิบ|ร้อย|พัน|หมื่น|แสน)หนึ่ง(บาท|ล้าน)/);
        expect(words.endsWith('บาทถ้วน') || words.endsWith('สตางค์')).toBe(true);
      }),
    );
  });

  it('reads a negative amount as ลบ plus the positive amount', () => {
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), (s) => bahtText(-s) === `ลบ${bahtText(s)}`));
  });
});

describe('money', () => {
  it('parses and formats baht without floating point', () => {
    expect(parseBaht('41,100')).toBe(4_110_000n);
    expect(parseBaht('0.5')).toBe(50n);
    expect(formatBaht(4_110_000n)).toBe('41,100.00');
    expect(formatBaht(-5n)).toBe('-0.05');
    expect(() => parseBaht('1.005')).toThrow(RangeError);
    expect(() => parseBaht('abc')).toThrow(RangeError);
    expect(parseBahtOrNull('1,500')).toBe(150_000n);
    expect(parseBahtOrNull('1.005')).toBeNull();
  });

  it('reads baht typed in Thai digits, alone or mixed with Arabic ones', () => {
    expect(parseBaht('๑,๒๓๔.๕๐')).toBe(123_450n);
    expect(parseBaht('๔๑๑๐๐')).toBe(4_110_000n);
    expect(parseBahtOrNull('1๕00')).toBe(150_000n);
    expect(parseBahtOrNull('๑.๐๐๕')).toBeNull();
  });

  it('round-trips any satang amount through formatBaht and parseBaht', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (s) => parseBaht(formatBaht(s)) === s));
  });
});

describe('calendar', () => {
  it('shows Buddhist Era dates with Thai month names', () => {
    expect(formatThaiDate('2020-04-30')).toBe('30 เมษายน 2563');
    expect(formatThaiDate('2020-04-30', 'long', { prefix: true })).toBe('30 เมษายน พ.ศ. 2563');
    expect(formatThaiDate('2020-04-30', 'short')).toBe('30 เม.ย. 63');
    expect(() => formatThaiDate('2020-02-30')).toThrow(RangeError);
  });

  it('names the fiscal year by its BE end year with October as quarter 1', () => {
    expect(fiscalYearOf('2019-10-01')).toEqual({ fiscalYear: 2563, quarter: 1 });
    expect(fiscalYearOf('2020-04-23')).toEqual({ fiscalYear: 2563, quarter: 3 });
    expect(fiscalYearOf('2020-09-30')).toEqual({ fiscalYear: 2563, quarter: 4 });
    expect(fiscalYearOf('2020-01-15')).toEqual({ fiscalYear: 2563, quarter: 2 });
    expect(fiscalRange(2563)).toEqual({ start: '2019-10-01', end: '2020-09-30' });
    expect(fiscalRange(2563, 3)).toEqual({ start: '2020-04-01', end: '2020-06-30' });
    expect(fiscalRange(2567, 2)).toEqual({ start: '2024-01-01', end: '2024-03-31' });
  });

  it('puts every date inside the range of its own fiscal year and quarter', () => {
    const day = fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(day, (d) => {
        const iso = d.toISOString().slice(0, 10);
        const { fiscalYear, quarter } = fiscalYearOf(iso);
        const q = fiscalRange(fiscalYear, quarter);
        const y = fiscalRange(fiscalYear);
        return q.start <= iso && iso <= q.end && y.start <= iso && iso <= y.end;
      }),
    );
  });
});

describe('digits', () => {
  it('converts between Arabic and Thai digits both ways', () => {
    expect(toThaiDigits('41,100 บาท 2563')).toBe('๔๑,๑๐๐ บาท ๒๕๖๓');
    expect(toThaiDigits('โทร. 045 123 456 ไปรษณีย์อิเล็กทรอนิกส์ cdd3401@example.go.th')).toBe(
      'โทร. ๐๔๕ ๑๒๓ ๔๕๖ ไปรษณีย์อิเล็กทรอนิกส์ cdd3401@example.go.th',
    );
    expect(toThaiDigits('ดูที่ https://cdd.go.th/3401 ภายใน 15 วัน')).toBe('ดูที่ https://cdd.go.th/3401 ภายใน ๑๕ วัน');
    fc.assert(fc.property(fc.string(), (s) => toArabicDigits(toThaiDigits(s)) === toArabicDigits(s)));
  });
});

describe('citizen ID', () => {
  it('checks the mod-11 digit', () => {
    expect(isValidCitizenId('1234567890121')).toBe(true);
    expect(isValidCitizenId('1-2345-67890-12-1')).toBe(true);
    expect(isValidCitizenId('1234567890122')).toBe(false);
    expect(isValidCitizenId('123456789012')).toBe(false);
    expect(formatCitizenId('1234567890121')).toBe('1-2345-67890-12-1');
    expect(maskCitizenId('1234567890121')).toBe('1-2345-xxxxx-xx-1');
  });

  it('accepts exactly one check digit for any 12 leading digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (first12) => {
        const valid = [...'0123456789'].filter((d) => isValidCitizenId(first12 + d));
        return valid.length === 1 && valid[0] === String(citizenIdCheckDigit(first12));
      }),
    );
  });
});
