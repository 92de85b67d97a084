import { describe, expect, it } from 'vitest';
import { childLevel, headTitle, letterAddress, officeTitle, selfName } from './unit-titles';

const nation = { code: 'TH', nameTh: 'กรมการพัฒนาชุมชน' };
const ubon = { code: '34', nameTh: 'อุบลราชธานี' };
const muang = { code: '3401', nameTh: 'เมืองอุบลราชธานี' };

describe('unit titles, one function per level', () => {
  it('names the office of the department, a province and a district', () => {
    expect(officeTitle(nation)).toBe('กรมการพัฒนาชุมชน');
    expect(officeTitle(ubon)).toBe('สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี');
    expect(officeTitle(muang)).toBe('สำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี');
  });

  it('writes the department’s letters to every governor for the อธิบดี, a province’s to every district chief for the governor', () => {
    expect([letterAddress(nation), childLevel(nation).addressee, headTitle(nation), selfName(nation)]).toEqual([
      'กรมการพัฒนาชุมชน',
      'ผู้ว่าราชการจังหวัด ทุกจังหวัด',
      'อธิบดีกรมการพัฒนาชุมชน',
      'กรมการพัฒนาชุมชน',
    ]);
    expect([letterAddress(ubon), childLevel(ubon).addressee, headTitle(ubon), selfName(ubon)]).toEqual([
      'ศาลากลางจังหวัดอุบลราชธานี',
      'นายอำเภอ ทุกอำเภอ',
      'ผู้ว่าราชการจังหวัดอุบลราชธานี',
      'จังหวัดอุบลราชธานี',
    ]);
    expect(headTitle(muang)).toBe('นายอำเภอเมืองอุบลราชธานี');
  });
});
