/**
 * One district's records over five fiscal years, in the order a center's work builds on itself: people and wisdom,
 * groups with their members, OTOP registrations, products and certificates, services and outreach, activities with
 * attendance, needs, sales, funding and outcomes, plans, the committee and its meetings, posts and the district's
 * budget. Each group's evidence, stage and stage history are worked out from the records made for it, exactly as
 * `refreshGroupStage` would have moved it as each record came in.
 */
import { EVIDENCE_REASON_TH, STAGE_EVIDENCE } from '../../src/server/features/groups/stages';
import { MARKET_EVENT_KINDS } from '../../src/shared/activities';
import { STAGES, STRENGTHENING_SERVICE_TYPES, type Stage } from '../../src/shared/groups';
import { fiscalRange, searchTextOf } from '../../src/shared/thai/index';
import {
  type Batch,
  dayBetween,
  fiscalYear,
  type Ids,
  makePerson,
  maxDate,
  minDate,
  monthOf,
  officeTime,
  type PersonMaker,
  phone,
  plusDays,
  type Row,
} from './model';
import { districtShare, type National, type Unit } from './national';
import { Random } from './random';
import {
  ACTIVITY_PLACES,
  ACTIVITY_TITLES,
  AGENCY_TITLES,
  BRAND_WORDS,
  DESCRIPTION_PARTS,
  FEMALE_FIRST,
  GROUP_KINDS,
  MALE_FIRST,
  NEEDS,
  NETWORK_TITLES,
  PARTNERS,
  PLACE_WORDS,
  POST_TITLES,
  PRODUCT_BASES,
  PRODUCT_UNITS,
  PRODUCT_VARIANTS,
  SERVICE_OUTCOMES,
  SERVICE_TEXTS,
  SURNAMES,
  WISDOM_TITLES,
} from './words';

export interface DistrictContext {
  seed: number;
  key: Buffer;
  ids: Ids;
  batch: Batch;
  today: string;
  firstFy: number;
  currentFy: number;
  national: National;
  /**
   * `products`: stop once the products are made (the export measure's data). The rows made up to there are the same
   * as a full run's; the groups' stages are replayed from the registrations and certificates only.
   */
  through?: 'products';
}

/** National averages per district (878 districts): ~70k groups, ~250k products, ~1M services, ~100k activities. */
const PER_DISTRICT = {
  groups: 80,
  soleProducers: 34,
  wisdom: 23,
  partners: 15,
  trips: 60,
  services: 1139,
  requests: 60,
  referrals: 10,
  activities: 114,
  clients: 90,
};

type Category = keyof typeof PRODUCT_BASES;
const CATEGORIES: Category[] = [
  'food',
  'food',
  'food',
  'beverage',
  'textile',
  'textile',
  'household_souvenir',
  'household_souvenir',
  'herbal_non_food',
];
const CATEGORY_FOR_GROUP: Record<string, Category> = {
  กลุ่มทอผ้า: 'textile',
  กลุ่มเลี้ยงไหม: 'textile',
  กลุ่มอาชีพตัดเย็บ: 'textile',
  กลุ่มจักสาน: 'household_souvenir',
  กลุ่มเสื่อกก: 'household_souvenir',
  กลุ่มเครื่องปั้นดินเผา: 'household_souvenir',
  กลุ่มสมุนไพร: 'herbal_non_food',
};
const STANDARDS = [
  { code: 'mpc', years: 3, issuer: 'สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม', weight: 5 },
  { code: 'fda', years: 0, issuer: 'สำนักงานสาธารณสุขจังหวัด', weight: 3 },
  { code: 'halal', years: 1, issuer: 'คณะกรรมการกลางอิสลามแห่งประเทศไทย', weight: 1 },
  { code: 'gap', years: 3, issuer: 'กรมวิชาการเกษตร', weight: 1 },
  { code: 'organic', years: 2, issuer: 'กรมพัฒนาที่ดิน', weight: 1 },
  { code: 'q_mark', years: 2, issuer: 'สำนักงานมาตรฐานสินค้าเกษตรและอาหารแห่งชาติ', weight: 1 },
];
const STANDARD_POOL = STANDARDS.flatMap((s) => Array(s.weight).fill(s) as (typeof STANDARDS)[number][]);
const STRENGTHENING = new Set<string>(STRENGTHENING_SERVICE_TYPES);
const SERVICE_TYPES = Object.keys(SERVICE_TEXTS);
const SALES_CHANNELS = ['community_market', 'festival', 'district_fair', 'sales_center', 'petrol_station', 'online', 'own_shop'];
const FUNDING_SOURCES = ['savings_group', 'village_fund', 'women_fund', 'baac', 'gsb', 'sme_bank', 'other'];
const stageIndex = (s: Stage) => STAGES.indexOf(s);

/** The app's `searchTextOf`, remembered: officers' texts repeat, and word segmentation is the generator's main cost. */
const searchMemo = new Map<string, string>();
function search(...parts: string[]): string {
  const key = parts.join('\u0000');
  let text = searchMemo.get(key);
  if (text === undefined) {
    text = searchTextOf(...parts);
    searchMemo.set(key, text);
  }
  return text;
}

interface Group {
  row: Row;
  foundedOn: string;
  producer?: Row;
  products: Row[];
  certifications: Row[];
  members: Row[];
  /** Dated facts that prove a stage; the stage history is replayed from them. */
  events: { on: string; stage: Stage; by: number }[];
  grownAs?: string;
}

export function generateDistrict(ctx: DistrictContext, district: Unit): void {
  const { ids, batch, today } = ctx;
  const code = district.code;
  const r = Random.for(ctx.seed, `district:${code}`);
  const weight = 0.6 + r.next() * 0.8;
  const n = (k: keyof typeof PER_DISTRICT) => Math.max(1, Math.round(PER_DISTRICT[k] * weight));
  const users = ctx.national.districtUsers.get(code)!;
  const start = fiscalRange(ctx.firstFy).start;
  const officers = [users.officer, users.staff];
  const recorder = () => (r.chance(0.9) ? r.pick(officers) : users.committee);
  const otherOfficer = (id: number) => (id === users.officer ? users.staff : users.officer);
  const maker: PersonMaker = { districtCode: code, key: ctx.key, ids, batch, serial: r.int(1, 5000) };
  const person = (roles: string[], on: string) => makePerson(maker, r, roles, officeTime(r, on));
  const village = () => `บ้าน${r.pick(PLACE_WORDS)}`;
  const recordTimes = (on: string) => {
    const at = officeTime(r, minDate(plusDays(on, r.int(0, 3)), today));
    return { created_at: at, updated_at: at };
  };
  const unitColumns = (on: string) => ({ org_unit_code: code, ...recordTimes(on) });

  // Partners of the district.
  const partners = Array.from({ length: n('partners') }, () => {
    const p = r.pick(PARTNERS);
    const name =
      p.kind === 'bank' || p.kind === 'local_admin' || p.kind === 'community'
        ? `${p.name}${r.pick(PLACE_WORDS)}`
        : `${p.name}${district.nameTh}`;
    const contact = `${r.pick(['นาย', 'นาง'])}${r.pick(r.chance(0.5) ? MALE_FIRST : FEMALE_FIRST)} ${r.pick(SURNAMES)}`;
    return batch.add('partners', {
      id: ids.next('partners'),
      ...unitColumns(dayBetween(r, plusDays(start, -200), plusDays(start, 300))),
      kind: p.kind,
      name,
      contact_person: contact,
      phone: phone(r),
      email: null,
      address: `อำเภอ${district.nameTh}`,
      note: '',
      search_text: search(name, contact, ''),
    });
  });

  // Wisdom items and their holders.
  const wisdom = Array.from({ length: n('wisdom') }, () => {
    const branch = r.pick(Object.keys(WISDOM_TITLES));
    const title = `${r.pick(WISDOM_TITLES[branch])} ${village()}`;
    const surveyedOn = dayBetween(r, start, today);
    const access = r.chance(0.3) ? 'public' : r.chance(0.9) ? 'community' : 'restricted';
    const description = `${r.pick(DESCRIPTION_PARTS)} ${r.pick(DESCRIPTION_PARTS)}`;
    const potential = r.chance(0.5) ? `ต่อยอดเป็นผลิตภัณฑ์${r.pick(PRODUCT_BASES[r.pick(CATEGORIES)])}` : '';
    const row = batch.add('wisdom_items', {
      id: ids.next('wisdom_items'),
      ...unitColumns(surveyedOn),
      title,
      branch_code: branch,
      description,
      subdistrict: r.pick(PLACE_WORDS),
      village_no: r.int(1, 18),
      product_potential: potential,
      status: r.pick(['surveyed', 'verified', 'verified', 'published']),
      access_level: access,
      consent_date: access === 'public' || r.chance(0.5) ? surveyedOn : null,
      consent_recorded_by: users.officer,
      surveyed_on: surveyedOn,
      search_text: search(title, description, potential),
    });
    for (let h = r.int(1, 2); h > 0; h--)
      batch.add('wisdom_holders', { wisdom_id: row.id, person_id: person(['wisdom_holder'], surveyedOn).id });
    return row;
  });

  // Occupational groups, their members and wisdom basis.
  const groups: Group[] = [];
  for (let g = n('groups'); g > 0; g--) {
    const foundedOn = r.chance(0.55) ? dayBetween(r, '2012-01-01', start) : dayBetween(r, start, plusDays(today, -20));
    const kind = r.pick(GROUP_KINDS);
    const place = village();
    const name = `${kind}${place}`;
    const address = `หมู่ ${r.int(1, 18)} ${place} ตำบล${r.pick(PLACE_WORDS)} อำเภอ${district.nameTh}`;
    const row = batch.add('occupational_groups', {
      id: ids.next('occupational_groups'),
      ...unitColumns(maxDate(foundedOn, start)),
      name,
      founded_on: foundedOn,
      contact_phone: r.chance(0.8) ? phone(r) : null,
      address,
      subdistrict: r.pick(PLACE_WORDS),
      enterprise_reg_no: r.chance(0.3)
        ? `${r.int(1, 9)}-${code.slice(0, 2)}-${code.slice(2)}-${r.digits(2)}/${r.int(1, 9)}`
        : null,
      stage: 'group_formed',
      grown_as: null,
      evidence: ['group_formed'],
      search_text: search(name, address),
    });
    const members = Array.from({ length: r.int(2, 5) }, () => person(['group_member'], maxDate(foundedOn, start)));
    for (const [i, m] of members.entries())
      batch.add('group_members', {
        group_id: row.id,
        person_id: m.id,
        role: ['chair', 'secretary', 'treasurer'][i] ?? (r.chance(0.2) ? 'vice_chair' : 'member'),
      });
    if (r.chance(0.3)) batch.add('group_wisdom', { group_id: row.id, wisdom_id: r.pick(wisdom).id });
    groups.push({ row, foundedOn, products: [], certifications: [], members, events: [] });
  }
  groups.sort((a, b) =>
    a.foundedOn < b.foundedOn ? -1 : a.foundedOn > b.foundedOn ? 1 : (a.row.id as number) - (b.row.id as number),
  );
  /** A group already founded on the day, for records that name groups. */
  const groupFoundedBy = (on: string) => {
    let hi = groups.length;
    while (hi > 0 && groups[hi - 1].foundedOn > on) hi--;
    return hi ? groups[r.int(0, hi - 1)] : undefined;
  };
  const prove = (group: Group, on: string, stage: Stage, by: number) => group.events.push({ on, stage, by });
  /** Each group's stage, evidence and history, replayed from the dated facts in the order they happened. */
  function replayStages() {
    for (const group of groups) {
      const formedBy = users.officer;
      batch.add('group_stage_history', {
        id: ids.next('group_stage_history'),
        group_id: group.row.id,
        org_unit_code: code,
        from_stage: 'wisdom_surveyed',
        to_stage: 'group_formed',
        changed_on: group.foundedOn,
        changed_at: group.row.created_at,
        changed_by: formedBy,
        reason: EVIDENCE_REASON_TH.formed,
        automatic: true,
        evidence_kind: 'formed',
      });
      let stage: Stage = 'group_formed';
      let moves = 0;
      const proven = new Set<Stage>(['group_formed']);
      for (const event of group.events.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))) {
        proven.add(event.stage);
        if (stageIndex(event.stage) <= stageIndex(stage)) continue;
        const kind = STAGE_EVIDENCE[event.stage]!;
        batch.add('group_stage_history', {
          id: ids.next('group_stage_history'),
          group_id: group.row.id,
          org_unit_code: code,
          from_stage: stage,
          to_stage: event.stage,
          changed_on: event.on,
          changed_at: officeTime(r, event.on),
          changed_by: event.by,
          reason: EVIDENCE_REASON_TH[kind],
          automatic: true,
          evidence_kind: kind,
        });
        stage = event.stage;
        moves++;
      }
      group.row.stage = stage;
      group.row.evidence = STAGES.filter((s) => proven.has(s));
      group.row.grown_as = stage === 'grown' ? (group.grownAs ?? null) : null;
      // createGroup writes version 1; each automatic move is one more update of the row.
      group.row.version = moves + 1;
    }
  }

  // OTOP registrations: groups (community_group) and people (sole proprietors, SMEs).
  let registrationSerial = 0;
  const registration = (on: string, owner: { group_id: unknown; person_id: unknown }, type: string, status: string) =>
    batch.add('producers', {
      id: ids.next('producers'),
      ...unitColumns(on),
      ...owner,
      producer_type: type,
      fiscal_year: fiscalYear(on),
      registration_no: `OTOP-${code}-${String(++registrationSerial).padStart(4, '0')}`,
      registered_on: on,
      status,
      community_link: true,
      site_in_district: true,
      thai_nationality: true,
      documents_received: true,
    });
  for (const group of groups) {
    if (!r.chance(0.6)) continue;
    const on = dayBetween(r, maxDate(plusDays(group.foundedOn, 30), plusDays(start, -700)), today);
    if (on > today) continue;
    group.producer = registration(on, { group_id: group.row.id, person_id: null }, 'community_group', 'registered');
    prove(group, on, 'otop_registered', users.officer);
  }
  const soleProducers = Array.from({ length: n('soleProducers') }, () => {
    const on = dayBetween(r, plusDays(start, -700), today);
    const owner = person(['entrepreneur'], maxDate(on, start));
    const status = r.chance(0.9) ? 'registered' : r.pick(['suspended', 'cancelled']);
    return registration(on, { group_id: null, person_id: owner.id }, r.chance(0.8) ? 'sole_proprietor' : 'sme', status);
  });

  // Products, ratings and certificates.
  let certificateSerial = 0;
  const certify = (on: string, subject: { product_id: unknown; producer_id: unknown }) => {
    const std = r.pick(STANDARD_POOL);
    const issued = dayBetween(r, on, today);
    return batch.add('certifications', {
      id: ids.next('certifications'),
      ...unitColumns(issued),
      ...subject,
      standard_code: std.code,
      certificate_no: `${std.code.toUpperCase()}-${code}-${++certificateSerial}/${fiscalYear(issued)}`,
      issuer: std.issuer,
      issued_on: issued,
      expires_on: std.years ? plusDays(issued, std.years * 365) : null,
    });
  };
  const makeProducts = (producer: Row, group: Group | undefined) => {
    const category = group
      ? (CATEGORY_FOR_GROUP[String(group.row.name).replace(/บ้าน.*/, '')] ?? r.pick(CATEGORIES))
      : r.pick(CATEGORIES);
    for (let i = r.int(1, 6); i > 0; i--) {
      const base = r.pick(PRODUCT_BASES[category]);
      const suffix = r.chance(0.4)
        ? `ตรา${r.pick(BRAND_WORDS)}${r.pick(r.chance(0.5) ? FEMALE_FIRST : MALE_FIRST)}`
        : r.chance(0.5)
          ? village()
          : r.pick(PRODUCT_VARIANTS);
      const name = `${base} ${suffix}`;
      const description = `${r.pick(DESCRIPTION_PARTS)} ${r.pick(DESCRIPTION_PARTS)}`;
      const on = dayBetween(r, String(producer.registered_on), today);
      const product = batch.add('products', {
        id: ids.next('products'),
        ...unitColumns(on),
        producer_id: producer.id,
        name,
        category,
        description,
        story: r.chance(0.3) ? `${name} ${r.pick(DESCRIPTION_PARTS)}` : '',
        price_satang: r.chance(0.85) ? r.int(2, 300) * 1000 : null,
        unit: r.pick(PRODUCT_UNITS),
        quadrant: r.chance(0.5) ? r.pick(['A', 'B', 'C', 'D']) : null,
        search_text: search(name, description),
      });
      group?.products.push(product);
      if (r.chance(0.35))
        for (const year of r.sample([ctx.firstFy, ctx.firstFy + 2, ctx.currentFy - 1], r.int(1, 2)))
          batch.add('product_ratings', { product_id: product.id, year, stars: r.pick([1, 2, 3, 3, 3, 4, 4, 5]) });
      if (r.chance(0.2)) {
        const cert = certify(on, { product_id: product.id, producer_id: null });
        if (group) {
          group.certifications.push(cert);
          prove(group, String(cert.issued_on), 'strengthened', users.officer);
        }
      }
    }
    if (r.chance(0.03)) {
      const cert = certify(String(producer.registered_on), { product_id: null, producer_id: producer.id });
      if (group) {
        group.certifications.push(cert);
        prove(group, String(cert.issued_on), 'strengthened', users.officer);
      }
    }
  };
  for (const group of groups) if (group.producer) makeProducts(group.producer, group);
  for (const producer of soleProducers) makeProducts(producer, undefined);
  if (ctx.through === 'products') {
    replayStages();
    return;
  }

  // People who come for services without belonging to a group.
  const clients = Array.from({ length: n('clients') }, () => person([], dayBetween(r, start, today)));
  const anyPerson = () => (r.chance(0.5) ? r.pick(clients) : r.pick(groups).members[0]);

  // Outreach trips and the services of the center.
  const trips = Array.from({ length: n('trips') }, () => {
    const tripDate = dayBetween(r, start, today);
    const trip = batch.add('outreach_trips', {
      id: ids.next('outreach_trips'),
      ...unitColumns(tripDate),
      trip_date: tripDate,
      places: Array.from({ length: r.int(1, 3) }, village),
      note: '',
    });
    for (const user of r.sample(officers, r.int(1, 2))) batch.add('outreach_trip_team', { trip_id: trip.id, user_id: user });
    return trip;
  });
  const services: Row[] = [];
  for (let s = n('services'); s > 0; s--) {
    const outreach = r.chance(0.3);
    const trip = outreach && r.chance(0.6) ? r.pick(trips) : undefined;
    const date = trip ? String(trip.trip_date) : dayBetween(r, start, today);
    const type = r.pick(SERVICE_TYPES);
    const description = r.pick(SERVICE_TEXTS[type]);
    const outcome = r.pick(SERVICE_OUTCOMES);
    const followUp = r.chance(0.15) ? plusDays(date, r.int(7, 45)) : null;
    const by = recorder();
    const service = batch.add('services', {
      id: ids.next('services'),
      ...unitColumns(date),
      service_date: date,
      mode: outreach ? 'outreach' : 'center',
      outreach_kind: outreach ? (trip ? 'scheduled' : r.pick(['on_demand', 'on_demand', 'emergency'])) : null,
      trip_id: trip?.id ?? null,
      description,
      duration_minutes: r.pick([15, 30, 30, 45, 60, 60, 90, 120, 180]),
      outcome,
      follow_up_on: followUp,
      follow_up_status: followUp
        ? followUp > today
          ? 'pending'
          : r.pick(['done', 'done', 'done', 'cancelled', 'pending'])
        : null,
      created_by: by,
      search_text: search(description, outcome),
    });
    services.push(service);
    const types = r.chance(0.3) ? [type, r.pick(SERVICE_TYPES)] : [type];
    for (const t of new Set(types)) batch.add('service_type_codes', { service_id: service.id, type_code: t });
    batch.add('service_staff', { service_id: service.id, user_id: by === users.committee ? users.officer : by });
    if (r.chance(0.85)) batch.add('service_people', { service_id: service.id, person_id: anyPerson().id });
    if (r.chance(0.25)) {
      const group = groupFoundedBy(date);
      if (group) {
        batch.add('service_groups', { service_id: service.id, group_id: group.row.id });
        if (types.some((t) => STRENGTHENING.has(t))) prove(group, date, 'strengthened', by);
      }
    }
    if (r.chance(0.05)) batch.add('service_partners', { service_id: service.id, partner_id: r.pick(partners).id });
  }

  // Requests for help and referrals.
  const requestSerial = new Map<number, number>();
  for (let q = n('requests'); q > 0; q--) {
    const received = dayBetween(r, start, today);
    const fy = fiscalYear(received);
    const serial = (requestSerial.get(fy) ?? 0) + 1;
    requestSerial.set(fy, serial);
    const referenceCode = `${code}-${fy}-${String(serial).padStart(4, '0')}`;
    const client = r.chance(0.7) ? anyPerson() : undefined;
    const group = !client && r.chance(0.5) ? groupFoundedBy(received) : undefined;
    const clientName = client || group ? '' : `${r.pick(['นาย', 'นาง'])}${r.pick(MALE_FIRST)} ${r.pick(SURNAMES)}`;
    const subject = r.pick(SERVICE_TYPES);
    const description = `ขอรับบริการ: ${r.pick(SERVICE_TEXTS[subject])}`;
    const answered = received < plusDays(today, -30) ? services.find((s) => String(s.service_date) >= received) : undefined;
    const status = answered ? 'done' : r.pick(['new', 'accepted', 'in_progress', 'declined']);
    batch.add('service_requests', {
      id: ids.next('service_requests'),
      ...unitColumns(received),
      reference_code: referenceCode,
      channel: r.pick(['walk_in', 'walk_in', 'phone', 'letter', 'portal']),
      received_on: received,
      person_id: client?.id ?? null,
      group_id: group?.row.id ?? null,
      client_name: clientName,
      client_phone: clientName ? phone(r) : null,
      subject_code: subject,
      description,
      status,
      decline_reason: status === 'declined' ? 'อยู่นอกภารกิจของศูนย์ แนะนำหน่วยงานที่เกี่ยวข้องแล้ว' : null,
      service_id: answered?.id ?? null,
      created_by: users.officer,
      search_text: search(referenceCode, clientName, description),
    });
  }
  for (let q = n('referrals'); q > 0; q--) {
    const on = dayBetween(r, start, today);
    const partner = r.chance(0.5) ? r.pick(partners) : undefined;
    const group = groupFoundedBy(on);
    const status = on < plusDays(today, -30) ? r.pick(['accepted', 'completed', 'completed', 'not_accepted']) : 'sent';
    batch.add('referrals', {
      id: ids.next('referrals'),
      ...unitColumns(on),
      request_id: null,
      service_id: null,
      person_id: group ? null : anyPerson().id,
      group_id: group?.row.id ?? null,
      target_level: partner ? 'partner' : r.pick(['province', 'national']),
      partner_id: partner?.id ?? null,
      target_name: partner ? '' : r.chance(0.5) ? 'สำนักงานพัฒนาชุมชนจังหวัด' : 'กรมการพัฒนาชุมชน',
      reason: 'ต้องการการสนับสนุนเกินขีดความสามารถของศูนย์',
      referred_on: on,
      status,
      result: status === 'completed' ? 'ได้รับการสนับสนุนตามที่ขอ' : '',
      result_on: status === 'completed' ? minDate(plusDays(on, r.int(7, 30)), today) : null,
      created_by: users.officer,
    });
  }

  // Activities with attendance, partners, groups and market-event takings.
  const budgetItems = ctx.national.activities;
  for (let a = n('activities'); a > 0; a--) {
    const kind = r.pick([
      'training',
      'training',
      'training',
      'training',
      'market_event',
      'market_event',
      'study_visit',
      'strengthening',
      'strengthening',
      'strengthening',
    ] as const);
    const startsOn = dayBetween(r, start, today);
    const endsOn = minDate(plusDays(startsOn, kind === 'market_event' ? r.int(0, 2) : r.int(0, 1)), today);
    const title = `${r.pick(ACTIVITY_TITLES[kind])} ${village()}`;
    const place = `${r.pick(ACTIVITY_PLACES)}${village()}`;
    const item = r.chance(0.2) ? budgetItems.find((b) => b.fiscalYear === fiscalYear(startsOn)) : undefined;
    const by = recorder();
    const activity = batch.add('activities', {
      id: ids.next('activities'),
      ...unitColumns(startsOn),
      kind,
      topic_code: kind === 'training' ? r.pick(STRENGTHENING_SERVICE_TYPES.filter((t) => t.startsWith('topic_'))) : null,
      market_kind: kind === 'market_event' ? r.pick(MARKET_EVENT_KINDS) : null,
      title,
      starts_on: startsOn,
      ends_on: endsOn,
      place,
      budget_item_id: item?.id ?? null,
      budget_used_satang: item ? r.int(5, 50) * 100_000 : 0,
      note: '',
      created_by: by,
      search_text: search(title, place, ''),
    });
    const attendees = new Set<Row>();
    for (let p = r.int(4, 14); p > 0; p--) attendees.add(anyPerson());
    for (const p of attendees)
      batch.add('activity_people', { activity_id: activity.id, person_id: p.id, attended: r.chance(0.9) });
    if (r.chance(0.8))
      for (const p of r.sample(partners, r.int(1, 2)))
        batch.add('activity_partners', { activity_id: activity.id, partner_id: p.id });
    const taking = new Set<Group>();
    for (let g = kind === 'market_event' ? r.int(2, 5) : r.int(0, 3); g > 0; g--) {
      const group = groupFoundedBy(startsOn);
      if (group) taking.add(group);
    }
    for (const group of taking) {
      batch.add('activity_groups', { activity_id: activity.id, group_id: group.row.id });
      if (kind !== 'market_event') {
        prove(group, startsOn, 'strengthened', by);
        continue;
      }
      for (let day = startsOn; day <= endsOn; day = plusDays(day, 1)) {
        batch.add('event_sales', {
          id: ids.next('event_sales'),
          activity_id: activity.id,
          group_id: group.row.id,
          sale_date: day,
          quantity: r.int(5, 120),
          amount_satang: r.int(5, 300) * 10_000,
        });
        prove(group, day, 'market_access', by);
      }
    }
  }

  // The groups' own stories: needs analyses, monthly sales, funding, outcomes.
  for (const group of groups) {
    const from = maxDate(plusDays(group.foundedOn, 15), start);
    if (from >= today) continue;
    const registered = Boolean(group.producer);
    if (r.chance(registered ? 0.6 : 0.2)) {
      const on = dayBetween(r, from, today);
      const analysis = batch.add('needs_analyses', {
        id: ids.next('needs_analyses'),
        ...unitColumns(on),
        group_id: group.row.id,
        analysed_on: on,
        summary: 'วิเคราะห์ปัญหาและความต้องการร่วมกับสมาชิกกลุ่ม',
        created_by: users.officer,
      });
      for (const need of r.sample(NEEDS, r.int(2, 3)))
        batch.add('need_items', { id: ids.next('need_items'), analysis_id: analysis.id, ...need, priority: r.int(1, 3) });
      prove(group, on, 'needs_analysed', users.officer);
    }
    const sales: Row[] = [];
    if (r.chance(registered ? 0.55 : 0.1)) {
      const channels = r.sample(SALES_CHANNELS, r.int(1, 2));
      let month = monthOf(plusDays(dayBetween(r, from, today), 31));
      for (let m = r.int(3, 12); m > 0 && month <= today; m--) {
        for (const channel of channels) {
          const product = group.products.length && r.chance(0.4) ? r.pick(group.products) : undefined;
          const by = recorder();
          sales.push(
            batch.add('sales', {
              id: ids.next('sales'),
              ...unitColumns(month),
              group_id: product ? null : group.row.id,
              product_id: product?.id ?? null,
              channel_code: channel,
              month,
              quantity: r.chance(0.7) ? r.int(10, 500) : null,
              amount_satang: r.int(20, 800) * 10_000,
              note: '',
              created_by: by,
            }),
          );
          prove(group, month, 'market_access', by);
        }
        month = monthOf(plusDays(month, 40));
      }
    }
    if (r.chance(0.15)) {
      const applied = dayBetween(r, from, today);
      const asked = r.int(2, 50) * 1_000_000;
      const decided = plusDays(applied, r.int(14, 60));
      const status = decided > today ? 'applied' : r.pick(['approved', 'approved', 'approved', 'rejected', 'withdrawn']);
      const approved = status === 'approved' ? Math.round((asked * r.int(50, 100)) / 100 / 100) * 100 : null;
      const by = r.pick(officers);
      const funding = batch.add('funding_applications', {
        id: ids.next('funding_applications'),
        ...unitColumns(applied),
        group_id: group.row.id,
        source_code: r.pick(FUNDING_SOURCES),
        referral_id: null,
        purpose: 'เงินทุนหมุนเวียนซื้อวัตถุดิบและอุปกรณ์การผลิต',
        asked_satang: asked,
        applied_on: applied,
        status,
        approved_satang: approved,
        approved_reason: null,
        decided_on: status === 'approved' || status === 'rejected' ? decided : null,
        received_on: status === 'approved' && r.chance(0.6) ? minDate(plusDays(decided, r.int(3, 20)), today) : null,
        note: '',
        created_by: by,
      });
      if (status === 'approved') {
        prove(group, decided, 'funding_access', by);
        outcome(group, 'funding_received', decided, { funding_application_id: funding.id });
      }
    }
    if (group.products.length && r.chance(0.15))
      outcome(group, 'new_product', dayBetween(r, from, today), { product_id: r.pick(group.products).id });
    if (group.certifications.length && r.chance(0.3)) {
      const cert = r.pick(group.certifications);
      outcome(group, 'certificate', String(cert.issued_on), { certification_id: cert.id });
    }
    if (r.chance(0.05)) outcome(group, 'jobs_created', dayBetween(r, from, today), { jobs_count: r.int(1, 12) });
    const groupSales = sales.filter((s) => s.group_id !== null);
    const months = [...new Set(groupSales.map((s) => String(s.month)))].sort();
    if (months.length >= 6 && r.chance(0.4)) {
      const sum = (list: string[]) =>
        groupSales.filter((s) => list.includes(String(s.month))).reduce((t, s) => t + Number(s.amount_satang), 0);
      const before = months.slice(0, 3);
      const after = months.slice(-3);
      outcome(group, 'income_increase', minDate(plusDays(after[2], 35), today), {
        income_before_satang: sum(before),
        income_after_satang: sum(after),
        income_before_from: before[0],
        income_before_to: before[2],
        income_after_from: after[0],
        income_after_to: after[2],
      });
    }
    if (registered && r.chance(0.05)) {
      const kind = r.pick(['became_sme', 'became_social_enterprise', 'became_social_business']);
      const verified = outcome(group, kind, dayBetween(r, from, today), {}, true);
      if (verified) {
        group.grownAs = kind.replace('became_', '');
        prove(group, verified, 'grown', users.staff);
      }
    }
  }

  /** Records an outcome; returns the day it was verified (if it was). */
  function outcome(group: Group, kind: string, happened: string, link: Row, mustVerify = false): string | null {
    const reported = minDate(plusDays(happened, r.int(0, 20)), today);
    const recordedBy = r.pick(officers);
    const verify = mustVerify || r.chance(0.75);
    const verifiedOn = verify ? minDate(plusDays(reported, r.int(1, 14)), today) : null;
    batch.add('outcomes', {
      id: ids.next('outcomes'),
      ...unitColumns(reported),
      group_id: group.row.id,
      kind,
      happened_on: happened,
      reported_on: reported,
      description: `${group.row.name}: ${kind === 'income_increase' ? 'รายได้เพิ่มขึ้นจากการขยายช่องทางจำหน่าย' : 'ผลลัพธ์จากการส่งเสริมของศูนย์'}`,
      product_id: null,
      certification_id: null,
      funding_application_id: null,
      channel_code: null,
      jobs_count: null,
      income_before_satang: null,
      income_after_satang: null,
      income_before_from: null,
      income_before_to: null,
      income_after_from: null,
      income_after_to: null,
      ...link,
      recorded_by: recordedBy,
      verified_by: verify ? otherOfficer(recordedBy) : null,
      verified_at: verifiedOn ? officeTime(r, verifiedOn) : null,
    });
    return verifiedOn;
  }

  replayStages();

  planning(
    ctx,
    r,
    district,
    groups.map((g) => g.row),
    partners,
  );
  committeeWork(ctx, r, district, [...clients, ...groups.flatMap((g) => g.members)]);
  districtBudget(ctx, r, district);
}

/** Development plans (a long one across the five years, a short one each year), projects, updates, lessons. */
function planning(ctx: DistrictContext, r: Random, district: Unit, groups: Row[], partners: Row[]) {
  const { ids, batch, today } = ctx;
  const users = ctx.national.districtUsers.get(district.code)!;
  const at = (on: string) => ({ org_unit_code: district.code, created_at: officeTime(r, on), updated_at: officeTime(r, on) });
  const plan = (term: 'short' | 'long', first: number, last: number) => {
    const on = minDate(plusDays(fiscalRange(first).start, -r.int(10, 40)), today);
    const row = batch.add('development_plans', {
      id: ids.next('development_plans'),
      ...at(on),
      title:
        term === 'long'
          ? `แผนพัฒนาศูนย์บริการฯ อำเภอ${district.nameTh} ระยะ 5 ปี (${first}–${last})`
          : `แผนปฏิบัติการประจำปีงบประมาณ ${first}`,
      term,
      first_year: first,
      last_year: last,
      goal: 'กลุ่มอาชีพมีรายได้เพิ่มขึ้นและเข้าถึงตลาดและแหล่งทุน',
      created_by: users.officer,
    });
    for (let p = term === 'long' ? 2 : r.int(1, 3); p > 0; p--) {
      const range = fiscalRange(r.int(first, last));
      const startsOn = dayBetween(r, range.start, plusDays(range.start, 90));
      const project = batch.add('plan_projects', {
        id: ids.next('plan_projects'),
        ...at(on),
        plan_id: row.id,
        title: r.pick([
          'ยกระดับผลิตภัณฑ์ OTOP สู่มาตรฐาน',
          'ส่งเสริมการตลาดออนไลน์ของกลุ่มอาชีพ',
          'เชื่อมโยงแหล่งทุนให้กลุ่มอาชีพ',
          'พัฒนาศักยภาพกลุ่มอาชีพ',
        ]),
        objectives: 'เพื่อเพิ่มรายได้ของกลุ่มอาชีพในพื้นที่',
        target_description: 'กลุ่มอาชีพและผู้ประกอบการ OTOP ในอำเภอ',
        budget_satang: r.int(1, 20) * 1_000_000,
        indicators: 'กลุ่มเป้าหมายร้อยละ 80 มีรายได้เพิ่มขึ้น',
        starts_on: startsOn,
        ends_on: minDate(plusDays(startsOn, r.int(60, 240)), range.end),
      });
      for (const g of r.sample(groups, r.int(1, 3))) batch.add('plan_project_groups', { project_id: project.id, group_id: g.id });
      if (partners.length) batch.add('plan_project_partners', { project_id: project.id, partner_id: r.pick(partners).id });
      let progress = 0;
      for (let day = plusDays(startsOn, 30); day <= today && progress < 100; day = plusDays(day, r.int(30, 90))) {
        progress = Math.min(100, progress + r.int(10, 40));
        batch.add('project_updates', {
          id: ids.next('project_updates'),
          project_id: project.id,
          org_unit_code: district.code,
          updated_on: day,
          progress_percent: progress,
          note: progress === 100 ? 'ดำเนินการแล้วเสร็จ' : 'อยู่ระหว่างดำเนินการตามแผน',
          created_by: users.officer,
          created_at: officeTime(r, day),
        });
      }
    }
    return row;
  };
  if (r.chance(0.9)) plan('long', ctx.firstFy, ctx.currentFy);
  // A year's short plan answers the lessons of the year before.
  let lastLesson: unknown;
  for (let fy = ctx.firstFy; fy <= ctx.currentFy; fy++) {
    const short = r.chance(0.88) ? plan('short', fy, fy) : undefined;
    if (short && lastLesson) batch.add('plan_lessons', { plan_id: short.id, lesson_id: lastLesson });
    lastLesson = undefined;
    const yearEnd = fiscalRange(fy).end;
    if (yearEnd < today && r.chance(0.8)) {
      const on = plusDays(yearEnd, -r.int(0, 20));
      lastLesson = batch.add('lessons', {
        id: ids.next('lessons'),
        ...at(on),
        fiscal_year: fy,
        quarter: null,
        plan_id: short?.id ?? null,
        what_worked: 'การออกหน่วยเชิงรุกร่วมกับภาคีเครือข่ายทำให้เข้าถึงกลุ่มเป้าหมายได้มากขึ้น',
        problems: 'งบประมาณมาล่าช้า กลุ่มบางกลุ่มขาดความต่อเนื่อง',
        changes: 'วางแผนกิจกรรมล่วงหน้าและติดตามกลุ่มทุกไตรมาส',
        created_by: users.officer,
      }).id;
    }
  }
}

/** The center's committee terms, meetings each quarter, posts, and its profile. */
function committeeWork(ctx: DistrictContext, r: Random, district: Unit, people: Row[]) {
  const { ids, batch, today } = ctx;
  const code = district.code;
  const users = ctx.national.districtUsers.get(code)!;
  const at = (on: string) => ({ org_unit_code: code, created_at: officeTime(r, on), updated_at: officeTime(r, on) });
  const valid = r.chance(0.85);
  const firstStart = fiscalRange(ctx.firstFy).start;
  const terms = [
    { start: firstStart, end: plusDays(fiscalRange(ctx.firstFy + 2).end, 0) },
    { start: fiscalRange(ctx.firstFy + 3).start, end: fiscalRange(ctx.firstFy + 5).end },
  ];
  const committees = terms.map((term, t) => {
    const orderDate = plusDays(term.start, -r.int(7, 30));
    const committee = batch.add('committees', {
      id: ids.next('committees'),
      ...at(orderDate),
      order_number: `${r.int(100, 400)}/${Number(orderDate.slice(0, 4)) + 543}`,
      order_date: orderDate,
      signed_by: users.names.chief,
      term_start: term.start,
      term_end: term.end,
      note: '',
      created_by: users.officer,
    });
    // The rule: one chair, one secretary, five agencies, four to eight from the network (11–15 members).
    const lastTermBroken = !valid && t === 1;
    const agencies = lastTermBroken ? r.pick([3, 4]) : 5;
    const network = lastTermBroken ? r.pick([2, 3, 9]) : r.int(4, 7);
    const members: Row[] = [];
    const member = (values: Row) =>
      members.push(
        batch.add('committee_members', {
          id: ids.next('committee_members'),
          committee_id: committee.id,
          person_id: null,
          name: '',
          title: '',
          sort: members.length + 1,
          ...values,
        }),
      );
    member({ name: users.names.chief, title: `นายอำเภอ${district.nameTh}`, category: 'chair', position_code: 'chair' });
    for (let i = 0; i < agencies; i++)
      member({
        name: `${r.pick(['นาย', 'นาง'])}${r.pick(MALE_FIRST)} ${r.pick(SURNAMES)}`,
        title: `${r.pick(AGENCY_TITLES)}`,
        category: 'agency',
        position_code: 'member',
      });
    for (const p of r.sample(people, network))
      member({
        person_id: p.id,
        title: r.pick(NETWORK_TITLES),
        category: 'network',
        position_code: r.pick([
          'vice_chair',
          'treasurer',
          'public_relations',
          'production',
          'marketing',
          'funding',
          'quality_standards',
          'member',
        ]),
      });
    member({
      name: users.names.officer,
      title: `พัฒนาการอำเภอ${district.nameTh}`,
      category: 'secretary',
      position_code: 'secretary',
    });
    return { committee, members, ...term };
  });
  if (!valid && r.chance(0.2))
    batch.add('committee_exceptions', {
      id: ids.next('committee_exceptions'),
      ...at(plusDays(terms[1].start, -40)),
      letter_number: `มท 0402.3/ว ${r.int(1000, 2000)}`,
      letter_date: plusDays(terms[1].start, -40),
      reason: 'อำเภอมีคณะทำงานขับเคลื่อน OTOP ระดับอำเภอที่ดำเนินงานได้ผลดีอยู่แล้ว ขอใช้กลไกเดิมต่อไป',
      created_by: users.officer,
    });

  // A meeting each quarter (most districts, most quarters), with attendance, agenda and resolutions.
  const number = new Map<number, number>();
  for (let fy = ctx.firstFy; fy <= ctx.currentFy; fy++) {
    for (const q of [1, 2, 3, 4] as const) {
      const range = fiscalRange(fy, q);
      if (range.start > today || !r.chance(0.88)) continue;
      const heldOn = dayBetween(r, range.start, range.end);
      const planned = heldOn > today;
      const term = committees.find((c) => c.start <= heldOn && c.end >= heldOn);
      if (!term) continue;
      const seq = (number.get(fy) ?? 0) + 1;
      number.set(fy, seq);
      const meeting = batch.add('meetings', {
        id: ids.next('meetings'),
        ...at(minDate(plusDays(heldOn, -14), today)),
        committee_id: term.committee.id,
        number: seq,
        fiscal_year: fy,
        held_on: heldOn,
        starts_at: '09:30',
        place: `ห้องประชุมที่ว่าการอำเภอ${district.nameTh}`,
        status: planned ? 'planned' : 'held',
        quorum_percent: 50,
        guests: '',
        opened_at: planned ? null : '09:30',
        closed_at: planned ? null : '12:00',
        minutes_by: planned ? '' : users.names.staff,
        minutes_checked_by: planned ? '' : users.names.officer,
        created_by: users.officer,
      });
      for (const m of term.members)
        batch.add('meeting_attendees', {
          meeting_id: meeting.id,
          member_id: m.id,
          attended: !planned && r.chance(0.8),
          note: '',
        });
      const agenda = ['announcement', 'previous_minutes', 'follow_up', 'consideration', 'other'];
      const titles = [
        'เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ',
        'รับรองรายงานการประชุมครั้งที่แล้ว',
        'เรื่องสืบเนื่อง',
        'เรื่องเพื่อพิจารณา: แผนการส่งเสริมกลุ่มอาชีพ',
        'เรื่องอื่น ๆ',
      ];
      for (const [i, kind] of agenda.entries())
        batch.add('meeting_agenda_items', {
          id: ids.next('meeting_agenda_items'),
          meeting_id: meeting.id,
          seq: i + 1,
          kind,
          title: titles[i],
          minutes: planned ? '' : 'ที่ประชุมรับทราบ',
        });
      if (!planned) {
        const due = plusDays(heldOn, 60);
        const status = due < today ? r.pick(['done', 'done', 'in_progress', 'dropped']) : 'open';
        batch.add('meeting_resolutions', {
          id: ids.next('meeting_resolutions'),
          ...at(heldOn),
          meeting_id: meeting.id,
          agenda_seq: 4,
          text: 'มอบหมายฝ่ายเลขานุการติดตามการพัฒนาผลิตภัณฑ์ของกลุ่มอาชีพและรายงานในการประชุมครั้งต่อไป',
          owner_member_id: term.members[term.members.length - 1].id,
          due_on: due,
          status,
          follow_up: status === 'done' ? 'ดำเนินการแล้ว' : '',
          done_on: status === 'done' ? minDate(plusDays(heldOn, r.int(10, 55)), today) : null,
        });
      }
      // News of the center's work (publicity indicator).
      for (let p = r.chance(0.85) ? r.int(1, 2) : 0; p > 0; p--) {
        const published = dayBetween(r, range.start, minDate(range.end, today));
        const title = r.pick(POST_TITLES);
        const body = `${title} อำเภอ${district.nameTh} ${r.pick(DESCRIPTION_PARTS)}`;
        const isPublic = r.chance(0.5);
        batch.add('posts', {
          id: ids.next('posts'),
          ...at(published),
          title,
          body,
          channels: r.sample(['website', 'facebook', 'line', 'radio', 'board'], r.int(1, 2)),
          published_on: published,
          is_public: isPublic,
          created_by: users.officer,
          search_text: search(title, body),
        });
      }
    }
  }
  batch.add('center_profiles', {
    id: ids.next('center_profiles'),
    ...at(firstStart),
    office_address: `สำนักงานพัฒนาชุมชนอำเภอ${district.nameTh} ที่ว่าการอำเภอ${district.nameTh}`,
    service_area: 'ห้องศูนย์บริการส่งเสริมเศรษฐกิจฐานราก มีมุมแสดงสินค้า OTOP',
    opening_hours: 'จันทร์–ศุกร์ 08.30–16.30 น.',
    phone: `0${r.int(2, 7)}${r.digits(7)}`,
    email: `cdd${code}@example.go.th`,
    staff_on_duty: `พัฒนาการอำเภอ${district.nameTh} และนักวิชาการพัฒนาชุมชน`,
    learning_media: 'ป้ายนิทรรศการความรู้ ตัวอย่างผลิตภัณฑ์และบรรจุภัณฑ์',
    latitude: null,
    longitude: null,
  });
}

/**
 * The district's money: the province's allocation for each budget activity, the expense plan, payments approved by
 * the district chief under the province's standing order (pending ones this year), and cash advances cleared by
 * receipts and cash. Spending stays within what was received, so every balance check passes.
 */
function districtBudget(ctx: DistrictContext, r: Random, district: Unit) {
  const { ids, batch, today } = ctx;
  const code = district.code;
  const province = code.slice(0, 2);
  const users = ctx.national.districtUsers.get(code)!;
  const order = ctx.national.delegationOrder.get(province)!;
  let documentSerial = 0;
  let openAdvance = false;
  for (const item of ctx.national.activities) {
    const received = districtShare(ctx.seed, item.fiscalYear, item.index, code);
    const year = fiscalRange(item.fiscalYear);
    const allocatedOn = plusDays(year.start, -30);
    batch.add('allocations', {
      id: ids.next('allocations'),
      item_id: item.id,
      from_unit_code: province,
      to_unit_code: code,
      quarter: item.quarters[0],
      category: item.category,
      amount_satang: received,
      note: '',
      created_by: ctx.national.provinceOfficer.get(province),
      created_at: officeTime(r, minDate(plusDays(allocatedOn, r.int(1, 10)), today)),
    });
    const quarterStart = fiscalRange(item.fiscalYear, item.quarters[0] as 1).start;
    const quarterEnd = fiscalRange(item.fiscalYear, item.quarters[item.quarters.length - 1] as 1).end;
    const current = item.fiscalYear === ctx.currentFy;
    const lines = [
      { item: 'ค่าวัสดุสำนักงานและวัสดุฝึกอบรม', quantity: r.int(1, 5), unit: 'ชุด' },
      { item: 'ค่าอาหารและเครื่องดื่มผู้เข้าร่วมกิจกรรม', quantity: r.int(10, 40), unit: 'คน' },
    ];
    const perLine = Math.floor(received / 2 / 100) * 100;
    const expenseLines = lines.map((l) => {
      const unitPrice = Math.floor(perLine / l.quantity / 100) * 100;
      return { ...l, unitPriceSatang: String(unitPrice), totalSatang: String(unitPrice * l.quantity) };
    });
    const total = expenseLines.reduce((sum, l) => sum + Number(l.totalSatang), 0);
    const planStatus = !current || quarterStart < today ? 'approved' : r.pick(['draft', 'submitted', 'approved']);
    const submitted = planStatus === 'draft' ? null : officeTime(r, minDate(plusDays(allocatedOn, r.int(10, 30)), today));
    batch.add('expense_plans', {
      id: ids.next('expense_plans'),
      item_id: item.id,
      org_unit_code: code,
      status: planStatus,
      lines: expenseLines,
      actions: item.quarters.map((q) => ({
        what: 'จัดกิจกรรมตามแผน',
        month: fiscalRange(item.fiscalYear, q as 1).start.slice(0, 7),
        who: users.names.officer,
      })),
      total_satang: total,
      submitted_at: submitted,
      days_late: submitted ? 0 : null,
      outside_quarter_reason: '',
      review_comment: '',
      updated_at: submitted ?? officeTime(r, minDate(allocatedOn, today)),
    });
    if (quarterStart > today) continue;
    // Payments within the quarters and up to today: about four fifths of what was received.
    let left = Math.floor((received * r.int(60, 90)) / 100 / 100) * 100;
    const payday = () => dayBetween(r, quarterStart, minDate(quarterEnd, today));
    if (r.chance(0.3) && !openAdvance) {
      const amount = Math.floor(left / 2 / 100) * 100;
      const receivedOn = payday();
      const advanceId = ids.next('cash_advances');
      const repaidOn = minDate(plusDays(receivedOn, r.int(5, 25)), quarterEnd);
      const repaid = repaidOn < today;
      // An open advance holds its amount from the balance until receipts or cash clear it.
      if (!repaid) {
        openAdvance = true;
        left -= amount;
      }
      const approvedOn = plusDays(receivedOn, -r.int(1, 3));
      batch.add('cash_advances', {
        id: advanceId,
        org_unit_code: code,
        borrower_id: users.staff,
        requested_by: users.staff,
        approver_id: users.chief,
        approved_on: approvedOn,
        delegation_order_id: order,
        decision_note: '',
        borrower_position: 'นักวิชาการพัฒนาชุมชนชำนาญการ',
        borrower_office: `สำนักงานพัฒนาชุมชนอำเภอ${district.nameTh}`,
        item_id: item.id,
        purpose: `ยืมเงินเพื่อจัด${item.name}`,
        rule_code: 'activity',
        amount_satang: amount,
        received_on: receivedOn,
        returned_on: null,
        due_on: plusDays(receivedOn, 30),
        status: repaid ? 'repaid' : 'open',
        created_at: officeTime(r, approvedOn),
      });
      if (repaid) {
        const receipts = Math.floor((amount * r.int(80, 100)) / 100 / 100) * 100;
        const repayment = (kind: string, value: number) => {
          const id = ids.next('advance_repayments');
          batch.add('advance_repayments', {
            id,
            advance_id: advanceId,
            kind,
            amount_satang: value,
            repaid_on: repaidOn,
            created_by: users.staff,
            created_at: officeTime(r, repaidOn),
          });
          return id;
        };
        const receiptsId = repayment('receipts', receipts);
        if (amount > receipts) repayment('cash', amount - receipts);
        batch.add(
          'disbursements',
          payment(repaidOn, receipts, 'approved', {
            advance_id: advanceId,
            repayment_id: receiptsId,
            approver_id: users.chief,
            created_by: users.staff,
          }),
        );
        left -= receipts;
      }
    }
    for (let p = r.int(1, 3); p > 0 && left >= 100_000; p--) {
      const amount = p === 1 ? left : Math.floor(left / 2 / 100) * 100;
      const paidOn = payday();
      const pending = current && paidOn > plusDays(today, -14) && r.chance(0.5);
      batch.add(
        'disbursements',
        payment(paidOn, amount, pending ? 'pending' : 'approved', {
          advance_id: null,
          repayment_id: null,
          approver_id: pending ? null : users.chief,
          created_by: users.officer,
        }),
      );
      left -= amount;
    }

    function payment(on: string, amount: number, status: string, who: Row): Row {
      const approved = status === 'approved';
      return {
        id: ids.next('disbursements'),
        item_id: item.id,
        org_unit_code: code,
        paid_on: on,
        description: r.pick(['ค่าวัสดุฝึกอบรม', 'ค่าอาหารและเครื่องดื่ม', 'ค่าจ้างเหมาจัดทำป้าย', 'ค่าตอบแทนวิทยากร']),
        category: item.category,
        amount_satang: amount,
        procurement_method: who.advance_id ? 'none' : r.pick(['specific', 'specific', 'e_market', 'none']),
        vendor: `ร้าน${r.pick(PLACE_WORDS)}พาณิชย์`,
        document_no: `บจ ${++documentSerial}/${item.fiscalYear}`,
        outside_quarter_reason: '',
        status,
        approved_on: approved ? on : null,
        delegation_order_id: approved ? order : null,
        decision_note: '',
        created_at: officeTime(r, on),
        ...who,
      };
    }
  }
}
