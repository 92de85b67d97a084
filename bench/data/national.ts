/**
 * What sits above the districts: the bench's officer accounts, each province's standing delegation order, and five
 * fiscal years of the national budget (plan → project → main activity → three activities) passed down to the
 * provinces. A district's own share is decided here too (`districtShare`), so the province's allocation covers it.
 */
import { fiscalRange } from '../../src/shared/thai/index';
import { type Batch, type Ids, plusDays, type Row } from './model';
import { Random } from './random';

export interface Unit {
  code: string;
  nameTh: string;
}

export interface DistrictUsers {
  officer: number;
  staff: number;
  chief: number;
  committee: number;
  names: Record<'officer' | 'staff' | 'chief' | 'committee', string>;
}

export interface BudgetActivity {
  id: number;
  fiscalYear: number;
  index: number;
  quarters: number[];
  category: 'compensation' | 'services' | 'materials';
  name: string;
}

export interface National {
  provinceOfficer: Map<string, number>;
  provinceOfficerName: Map<string, string>;
  districtUsers: Map<string, DistrictUsers>;
  delegationOrder: Map<string, number>;
  activities: BudgetActivity[];
}

const ACTIVITIES = [
  { name: 'การพัฒนาศักยภาพศูนย์บริการส่งเสริมเศรษฐกิจฐานราก', quarters: [1, 2], category: 'materials' },
  { name: 'ส่งเสริมช่องทางการตลาดผลิตภัณฑ์ OTOP', quarters: [2, 3], category: 'services' },
  { name: 'พัฒนาผลิตภัณฑ์ชุมชนให้ได้มาตรฐาน', quarters: [3], category: 'materials' },
] as const;

/** What a district receives for one budget activity of a year, in satang (5,000–40,000 baht). */
export function districtShare(seed: number, fiscalYear: number, index: number, district: string): number {
  return Random.for(seed, `share:${fiscalYear}:${index}:${district}`).int(10, 80) * 50_000;
}

/** The province's own share for follow-up: a tenth of what its districts receive. */
const provinceOwn = (districtTotal: number) => Math.round(districtTotal / 10 / 100) * 100;

export function buildNational(options: {
  seed: number;
  ids: Ids;
  batch: Batch;
  passwordHash: string;
  adminId: number;
  firstFy: number;
  currentFy: number;
  provinces: Unit[];
  districts: Unit[];
  /** Every covered district of the country, so the nation's budget is the nation's whatever the scale. */
  allDistricts: string[];
}): National {
  const { seed, ids, batch, provinces, districts } = options;
  const r = Random.for(seed, 'national');
  const created = `${fiscalRange(options.firstFy).start}T09:00:00+07:00`;
  const user = (username: string, displayName: string, position: string, role: string, orgUnitCode: string) =>
    batch.add('users', {
      id: ids.next('users'),
      username,
      display_name: displayName,
      password_hash: options.passwordHash,
      role,
      org_unit_code: orgUnitCode,
      position,
      created_at: created,
      updated_at: created,
      password_changed_at: created,
    }).id as number;
  const names = ['สมพงษ์ ศรีสุข', 'วิไลวรรณ พรหมมา', 'ธนากร แก้วมณี', 'สุภาพร บุญมา', 'ณรงค์ ทองคำ', 'อรุณี ใจดี', 'ชาตรี มั่นคง'];
  const person = () => `${r.pick(['นาย', 'นาง', 'นางสาว'])}${r.pick(names)}`;

  const provinceOfficer = new Map<string, number>();
  const provinceOfficerName = new Map<string, string>();
  for (const p of provinces) {
    const name = person();
    provinceOfficer.set(p.code, user(`bench-${p.code}`, name, `พัฒนาการจังหวัด${p.nameTh}`, 'province_officer', p.code));
    provinceOfficerName.set(p.code, name);
  }
  const districtUsers = new Map<string, DistrictUsers>();
  for (const d of districts) {
    const n = { officer: person(), staff: person(), chief: person(), committee: person() };
    districtUsers.set(d.code, {
      officer: user(`bench-${d.code}-officer`, n.officer, `พัฒนาการอำเภอ${d.nameTh}`, 'district_officer', d.code),
      staff: user(`bench-${d.code}-staff`, n.staff, 'นักวิชาการพัฒนาชุมชนชำนาญการ', 'district_officer', d.code),
      chief: user(`bench-${d.code}-chief`, n.chief, `นายอำเภอ${d.nameTh}`, 'district_chief', d.code),
      committee: user(`bench-${d.code}-committee`, n.committee, '', 'committee_member', d.code),
      names: n,
    });
  }

  // The governor's standing order: district chiefs approve their districts' advances and payments.
  const delegationOrder = new Map<string, number>();
  const orderDate = plusDays(fiscalRange(options.firstFy).start, -20);
  for (const [i, p] of provinces.entries()) {
    const id = ids.next('delegation_orders');
    delegationOrder.set(p.code, id);
    batch.add('delegation_orders', {
      id,
      issuing_unit_code: p.code,
      order_no: `${100 + i * 7}/${options.firstFy - 1}`,
      order_date: orderDate,
      delegator: `ผู้ว่าราชการจังหวัด${p.nameTh}`,
      delegate_role: 'district_chief',
      delegate_user_id: null,
      scope_unit_code: p.code,
      powers: ['advances', 'spending'],
      subject: 'มอบอำนาจให้นายอำเภออนุมัติการยืมเงินราชการและการเบิกจ่ายเงินงบประมาณของอำเภอ',
      effective_from: orderDate,
      recorded_by: provinceOfficer.get(p.code),
      created_at: `${orderDate}T10:00:00+07:00`,
    });
  }

  const activities: BudgetActivity[] = [];
  const inScope = new Map<string, string[]>();
  for (const d of districts) inScope.set(d.code.slice(0, 2), [...(inScope.get(d.code.slice(0, 2)) ?? []), d.code]);
  for (let fy = options.firstFy; fy <= options.currentFy; fy++) {
    const start = fiscalRange(fy).start;
    const at = `${plusDays(start, -30)}T09:00:00+07:00`;
    const item = (level: string, parent: number | null, name: string, quarters: number[], budget: number | null): Row =>
      batch.add('budget_items', {
        id: ids.next('budget_items'),
        fiscal_year: fy,
        level,
        parent_id: parent,
        name,
        objectives: level === 'activity' ? `เพื่อ${name}ของศูนย์บริการส่งเสริมเศรษฐกิจฐานราก 878 ศูนย์` : '',
        indicators: level === 'activity' ? 'ศูนย์บริการส่งเสริมเศรษฐกิจฐานรากดำเนินงานได้ตามแผน ร้อยละ 80' : '',
        responsible_unit_code: 'TH',
        quarters,
        budget_satang: budget,
        notes: '',
        created_at: at,
      });
    const plan = item('plan', null, 'แผนงานบูรณาการพัฒนาและส่งเสริมเศรษฐกิจฐานราก', [], null);
    const project = item('project', plan.id as number, 'ส่งเสริมการพัฒนาผู้ประกอบการ/วิสาหกิจชุมชนและผลิตภัณฑ์ OTOP', [], null);
    const main = item('main_activity', project.id as number, 'พัฒนาผู้ประกอบการชุมชน', [1, 2, 3], null);
    for (const [index, a] of ACTIVITIES.entries()) {
      const shares = (codes: string[]) => codes.reduce((sum, code) => sum + districtShare(seed, fy, index, code), 0);
      const byProvince = new Map<string, number>();
      for (const code of options.allDistricts)
        byProvince.set(code.slice(0, 2), (byProvince.get(code.slice(0, 2)) ?? 0) + districtShare(seed, fy, index, code));
      const national = [...byProvince.values()].reduce((sum, v) => sum + v + provinceOwn(v), 0);
      const row = item('activity', main.id as number, a.name, [...a.quarters], Math.round(national * 1.02));
      const id = row.id as number;
      activities.push({ id, fiscalYear: fy, index, quarters: [...a.quarters], category: a.category, name: a.name });
      for (const p of provinces) {
        const toDistricts = shares(inScope.get(p.code) ?? []);
        const own = provinceOwn(toDistricts);
        const allocate = (from: string, to: string, amount: number, note: string, by: number) =>
          batch.add('allocations', {
            id: ids.next('allocations'),
            item_id: id,
            from_unit_code: from,
            to_unit_code: to,
            quarter: a.quarters[0],
            category: a.category,
            amount_satang: amount,
            note,
            created_by: by,
            created_at: at,
          });
        allocate('TH', p.code, toDistricts + own, `จัดสรรให้จังหวัด${p.nameTh}`, options.adminId);
        allocate(p.code, p.code, own, 'ค่าติดตามและสนับสนุนการดำเนินงาน', provinceOfficer.get(p.code)!);
      }
    }
  }
  return { provinceOfficer, provinceOfficerName, districtUsers, delegationOrder, activities };
}
