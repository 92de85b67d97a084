/** Pieces the wisdom and catalog pages share: their GET filter fields and how a place reads. */
import type { Place, PlaceFilter } from '../places';
import { type Lang, nameIn, say } from '../words';

export interface Option {
  value: string;
  label: string;
}

/** A labelled drop-down whose first choice is "all" (an empty value, which the page ignores). */
export function SelectField(props: { id: string; name: string; label: string; all: string; value?: string; options: Option[] }) {
  return (
    <div>
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.value ?? ''}>
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Province, then district: without script the districts of a province are offered once the province is chosen
 * (the page comes back with them), so the district field shows only then.
 */
export function PlaceFields(props: { lang: Lang; idPrefix: string; provinces: Place[]; place: PlaceFilter }) {
  const { lang, idPrefix, place } = props;
  const options = (places: Place[]) => places.map((p) => ({ value: p.code, label: nameIn(lang, p.nameTh, p.nameEn) }));
  return (
    <>
      <SelectField
        id={`${idPrefix}-province`}
        name="province"
        label={say(lang, 'province')}
        all={say(lang, 'allProvinces')}
        value={place.province?.code}
        options={options(props.provinces)}
      />
      {place.province && (
        <SelectField
          id={`${idPrefix}-district`}
          name="district"
          label={say(lang, 'district')}
          all={say(lang, 'allDistricts')}
          value={place.district?.code}
          options={options(place.districts)}
        />
      )}
    </>
  );
}

/** "อำเภอเมืองอุบลราชธานี จังหวัดอุบลราชธานี" / "Mueang Ubon Ratchathani district, Ubon Ratchathani province". */
export function placeText(
  lang: Lang,
  at: { districtTh?: string; districtEn?: string; provinceTh?: string; provinceEn?: string; subdistrict?: string | null },
): string {
  const parts = [
    at.subdistrict && say(lang, 'subdistrictOf', { name: at.subdistrict.replace(/^(ตำบล|ต\.)\s*/, '') }),
    at.districtTh && say(lang, 'districtOf', { name: nameIn(lang, at.districtTh, at.districtEn) }),
    at.provinceTh && say(lang, 'provinceOf', { name: nameIn(lang, at.provinceTh, at.provinceEn) }),
  ].filter(Boolean);
  return parts.join(lang === 'th' ? ' ' : ', ');
}

/** The place a list is narrowed to, for its title: " จังหวัดอุบลราชธานี" / " in Ubon Ratchathani province", or "". */
export function placeTitle(lang: Lang, place: PlaceFilter): string {
  if (!place.province) return '';
  const name = placeText(lang, {
    districtTh: place.district?.nameTh,
    districtEn: place.district?.nameEn,
    provinceTh: place.province.nameTh,
    provinceEn: place.province.nameEn,
  });
  return say(lang, 'inPlace', { name });
}

/** The pictures of a record page: the first large (the link preview's too), the rest after it, lazily. */
export function Photos(props: { lang: Lang; title: string; ids: number[] }) {
  const { lang, title, ids } = props;
  if (!ids.length) return null;
  return (
    <div className="photos">
      {ids.map((id, i) => (
        <p key={id}>
          <img src={`/portal/images/${id}`} alt={`${title} — ${say(lang, 'photo')} ${i + 1}`} loading={i ? 'lazy' : undefined} />
        </p>
      ))}
    </div>
  );
}
