/**
 * The official titles of the department's offices, one function per level, used by every document (letters,
 * registers, contracts, expense plans) so a province is never called an อำเภอ again.
 */
import { levelOf } from './fields';

export const DEPARTMENT_TH = 'กรมการพัฒนาชุมชน';

export interface NamedUnit {
  code: string;
  nameTh: string;
}

export const departmentTitle = () => DEPARTMENT_TH;
export const provinceOfficeTitle = (nameTh: string) => `สำนักงานพัฒนาชุมชนจังหวัด${nameTh}`;
export const districtOfficeTitle = (nameTh: string) => `สำนักงานพัฒนาชุมชนอำเภอ${nameTh}`;

/** The office of a unit at any level: กรมการพัฒนาชุมชน, สำนักงานพัฒนาชุมชนจังหวัด…, สำนักงานพัฒนาชุมชนอำเภอ…. */
export function officeTitle(unit: NamedUnit): string {
  const level = levelOf(unit.code);
  if (level === 'national') return departmentTitle();
  return level === 'province' ? provinceOfficeTitle(unit.nameTh) : districtOfficeTitle(unit.nameTh);
}

/** Who a letter of this unit is signed for: the head of the department or of the province or district. */
export function headTitle(unit: NamedUnit): string {
  const level = levelOf(unit.code);
  if (level === 'national') return `อธิบดี${DEPARTMENT_TH}`;
  return level === 'province' ? `ผู้ว่าราชการจังหวัด${unit.nameTh}` : `นายอำเภอ${unit.nameTh}`;
}

/** Where a letter of this unit is sent from (the heading address of an external letter). */
export function letterAddress(unit: NamedUnit): string {
  const level = levelOf(unit.code);
  if (level === 'national') return DEPARTMENT_TH;
  return level === 'province' ? `ศาลากลางจังหวัด${unit.nameTh}` : `ที่ว่าการอำเภอ${unit.nameTh}`;
}

/** The units one level below, as a letter addresses all of them and counts them. */
export function childLevel(unit: NamedUnit): { addressee: string; word: string } {
  return levelOf(unit.code) === 'national'
    ? { addressee: 'ผู้ว่าราชการจังหวัด ทุกจังหวัด', word: 'จังหวัด' }
    : { addressee: 'นายอำเภอ ทุกอำเภอ', word: 'อำเภอ' };
}

/** How a letter's body names the unit writing it: กรมการพัฒนาชุมชน, จังหวัดอุบลราชธานี. */
export function selfName(unit: NamedUnit): string {
  const level = levelOf(unit.code);
  if (level === 'national') return DEPARTMENT_TH;
  return level === 'province' ? `จังหวัด${unit.nameTh}` : `อำเภอ${unit.nameTh}`;
}
