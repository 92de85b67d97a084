/** Provinces and districts for the wisdom and catalog filters, and the names a card shows. */
import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { thaiOrder } from '../../db/filters';
import { orgUnits } from '../../db/schema';

export interface Place {
  code: string;
  nameTh: string;
  nameEn: string;
}

/** The district of a record, and its province: join `placeDistrict` on the record's unit, `placeProvince` on its parent. */
export const placeDistrict = alias(orgUnits, 'place_district');
export const placeProvince = alias(orgUnits, 'place_province');
export const placeColumns = {
  districtCode: placeDistrict.code,
  districtTh: placeDistrict.nameTh,
  districtEn: placeDistrict.nameEn,
  provinceTh: placeProvince.nameTh,
  provinceEn: placeProvince.nameEn,
};

/**
 * The province and district a filter names, when they exist and fit together: a district alone gives its province,
 * a district of another province is dropped. What is left says which unit the list is narrowed to.
 */
export async function placeFilter(db: Db, filter: { province?: string; district?: string }) {
  const [district] = filter.district
    ? await db
        .select({ code: orgUnits.code, nameTh: orgUnits.nameTh, nameEn: orgUnits.nameEn, parentCode: orgUnits.parentCode })
        .from(orgUnits)
        .where(and(eq(orgUnits.code, filter.district), eq(orgUnits.level, 'district')))
    : [];
  const provinceCode =
    district && (!filter.province || filter.province === district.parentCode) ? district.parentCode : filter.province;
  const [province] = provinceCode
    ? await db
        .select({ code: orgUnits.code, nameTh: orgUnits.nameTh, nameEn: orgUnits.nameEn })
        .from(orgUnits)
        .where(and(eq(orgUnits.code, provinceCode), eq(orgUnits.level, 'province')))
    : [];
  const inProvince = district && province && district.parentCode === province.code ? district : undefined;
  const districts = province ? await districtsOf(db, province.code) : [];
  return {
    province: province as Place | undefined,
    district: inProvince ? ({ code: inProvince.code, nameTh: inProvince.nameTh, nameEn: inProvince.nameEn } as Place) : undefined,
    districts,
    unit: inProvince?.code ?? province?.code ?? 'TH',
  };
}

export type PlaceFilter = Awaited<ReturnType<typeof placeFilter>>;

async function districtsOf(db: Db, province: string): Promise<Place[]> {
  return db
    .select({ code: orgUnits.code, nameTh: orgUnits.nameTh, nameEn: orgUnits.nameEn })
    .from(orgUnits)
    .where(and(eq(orgUnits.parentCode, province), eq(orgUnits.level, 'district')))
    .orderBy(thaiOrder(orgUnits.nameTh));
}
