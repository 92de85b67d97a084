/**
 * What the bench measures: each endpoint with the account that calls it, the raw SQL that computes the same answer
 * (run through the same driver, timed alone, for the "× raw" ratio) and the issue's target for it.
 * List SQL follows the paging contract: 50 rows in the list's order after a keyset cursor, and the total counted
 * up to 10,001 rows.
 */
import { STAGES } from '../src/shared/groups';
import { fiscalRange, fiscalYearOf } from '../src/shared/thai/index';

export type Account = 'demo-admin' | 'demo-province' | 'demo-district';
export type Kind = 'health' | 'signin' | 'list' | 'detail' | 'search' | 'summary' | 'export' | 'write';

export interface Sql {
  text: string;
  values?: unknown[];
}

/** What the issue asks of a row (PostgreSQL, national scale, the higher concurrency unless `atOne`). */
export interface Target {
  p95Ms?: number;
  rawRatio?: number;
  minRps?: number;
  /** Seconds for one response at one connection (exports). */
  maxSeconds?: number;
  /** MiB of server memory above idle while measuring. */
  maxExtraMb?: number;
}

/** Values found in the loaded data before the server starts (ids, names, cursors). */
export interface Fixtures {
  today: string;
  district: string;
  province: string;
  groupId: number;
  personId: number;
  personFirstName: string;
  producerId: number;
  staffId: number;
  typeCode: string;
  /** Per list and scope: the opaque cursor of the deep row and the offset page that starts after it. */
  deep: Record<string, { cursor: string; page: number; row: number }>;
}

export interface Endpoint {
  name: string;
  kind: Kind;
  account: Account;
  request(f: Fixtures): { path: string; method?: 'GET' | 'POST'; body?: unknown };
  raw?(f: Fixtures): Sql[];
  target: Target;
  /** Measured at one connection only (says why in `note`). */
  onlyAtOne?: boolean;
  note?: string;
}

/** The lists: table, ORDER BY key (the cursor's values, in order) and the page's SQL. */
interface List {
  name: string;
  path: string;
  table: string;
  /** SQL expressions of the sort key, as the cursor carries them. */
  key: string[];
  /** ORDER BY clause (with collations and directions). */
  order: string;
  /** Row comparison after a cursor: `(keys) > ($1, $2…)`. */
  after: (params: string[]) => string;
  select: (where: string) => string;
}

const thaiKeyAfter = (cols: string[]) => (p: string[]) =>
  `(${cols.map((c, i) => (i < cols.length - 1 ? `${c} collate thai` : c)).join(', ')}) > (${p
    .map((x, i) => (i < p.length - 1 ? `${x}::text collate thai` : `${x}::int`))
    .join(', ')})`;

export const LISTS: List[] = [
  {
    name: 'products',
    path: '/api/products',
    table: 'products',
    key: ['t.name', 't.id'],
    order: 't.name collate thai, t.id',
    after: thaiKeyAfter(['t.name', 't.id']),
    // The page first, its owners after (as the app does): joining first would join every product.
    select: (where) => `select t.*, (select coalesce(g.name, pe.title || pe.first_name || ' ' || pe.last_name)
      from producers pr left join occupational_groups g on g.id = pr.group_id left join people pe on pe.id = pr.person_id
      where pr.id = t.producer_id) as owner from products t where ${where}`,
  },
  {
    name: 'groups',
    path: '/api/groups',
    table: 'occupational_groups',
    key: ['t.name', 't.id'],
    order: 't.name collate thai, t.id',
    after: thaiKeyAfter(['t.name', 't.id']),
    select: (where) => `select t.*, (select count(*)::int from group_members m where m.group_id = t.id) as members,
      u.name_th, u.name_en from occupational_groups t join org_units u on u.code = t.org_unit_code where ${where}`,
  },
  {
    name: 'people',
    path: '/api/people',
    table: 'people',
    key: ['t.first_name', 't.last_name', 't.id'],
    order: 't.first_name collate thai, t.last_name collate thai, t.id',
    after: thaiKeyAfter(['t.first_name', 't.last_name', 't.id']),
    select: (where) => `select t.* from people t where ${where}`,
  },
  {
    name: 'wisdom',
    path: '/api/wisdom',
    table: 'wisdom_items',
    key: ['t.title', 't.id'],
    order: 't.title collate thai, t.id',
    after: thaiKeyAfter(['t.title', 't.id']),
    select: (where) => `select t.* from wisdom_items t where ${where}`,
  },
  {
    name: 'services',
    path: '/api/services',
    table: 'services',
    key: ['t.service_date::text', 't.id'],
    order: 't.service_date desc, t.id desc',
    after: (p) => `(t.service_date, t.id) < (${p[0]}::date, ${p[1]}::int)`,
    select: (where) => `select t.* from services t where ${where}`,
  },
];

const PAGE_SIZE = 50;
/** Scope as the app writes it (db/filters.ts `underUnit`): a range of codes, which an index serves (the nation has none). */
const under = (column: string, unit: string) =>
  unit === 'TH' ? 'true' : `${column} between '${unit}' and '${unit}${'9'.repeat(10 - unit.length)}'`;

/** The page after the cursor (or the first page) and the total capped at 10,000, as the paging contract answers. */
export function listSql(list: List, unit: string, cursor?: unknown[], filter = 'true'): Sql[] {
  const where = `t.deleted_at is null and ${under('t.org_unit_code', unit)} and ${filter}`;
  const params = cursor?.map((_, i) => `$${i + 1}`) ?? [];
  return [
    {
      text: `${list.select(cursor ? `${where} and ${list.after(params)}` : where)} order by ${list.order} limit ${PAGE_SIZE}`,
      values: cursor,
    },
    { text: `select count(*) from (select 1 from ${list.table} t where ${where} limit 10001) c` },
  ];
}

/** The query that finds the sort key of row `row` of a list, for the deep page's cursor. */
export const deepRowSql = (list: List, unit: string, row: number): Sql => ({
  text: `select json_build_array(${list.key.join(', ')}) as key from ${list.table} t
    where t.deleted_at is null and ${under('t.org_unit_code', unit)} order by ${list.order} offset ${row - 1} limit 1`,
});

export const encodeCursor = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
const decodeCursor = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];

const searchIn = (column: string, q: string) => `${column} ilike '%${q.replace(/[\\%_']/g, '')}%'`;

/** The funnel's four queries for a unit in the current fiscal year (pipeline.service.ts). */
function funnelSql(unit: string, today: string): Sql[] {
  const { start, end } = fiscalRange(fiscalYearOf(today).fiscalYear);
  const len = unit === 'TH' ? 2 : unit.length === 2 ? 4 : 0;
  const stages = STAGES.slice(1);
  const has = (s: string) => `'${s}' = any(evidence)`;
  const columns = [
    ...stages.map((s) => `(count(*) filter (where ${has(s)}))::int`),
    ...stages.slice(0, -1).map((s, i) => `(count(*) filter (where ${has(s)} and ${has(stages[i + 1])}))::int`),
  ];
  return [
    {
      text: `select left(org_unit_code, ${len}) as child, ${columns.join(', ')} from occupational_groups
        where deleted_at is null and ${under('org_unit_code', unit)} group by 1`,
    },
    {
      text: `select left(org_unit_code, ${len}), count(*) from wisdom_items
        where deleted_at is null and ${under('org_unit_code', unit)} group by 1`,
    },
    {
      text: `select h.to_stage, count(distinct h.group_id)::int from group_stage_history h
        join occupational_groups g on g.id = h.group_id
        where g.deleted_at is null and ${under('g.org_unit_code', unit)} and h.changed_on between '${start}' and '${end}'
        group by 1`,
    },
    {
      text: `select count(*) from wisdom_items where deleted_at is null and ${under('org_unit_code', unit)}
        and surveyed_on between '${start}' and '${end}'`,
    },
  ];
}

/** The dashboard's grouped queries (dashboards.service.ts) and its funnel; sales and budget figures left out. */
function dashboardSql(unit: string, today: string): Sql[] {
  const { start, end } = fiscalRange(fiscalYearOf(today).fiscalYear);
  const len = unit === 'TH' ? 2 : unit.length === 2 ? 4 : 0;
  const live = (t: string) => `${t}.deleted_at is null and ${under(`${t}.org_unit_code`, unit)}`;
  const period = (c: string) => `${c} between '${start}' and '${end}'`;
  const byChildMonth = (t: string, date: string) =>
    `left(${t}.org_unit_code, ${len}), to_char(${date}, 'YYYY-MM'), count(*)::int`;
  return [
    {
      text: `select ${byChildMonth('s', 's.service_date')} from services s
        where ${live('s')} and ${period('s.service_date')} group by 1, 2`,
    },
    {
      text: `select ${byChildMonth('a', 'a.starts_on')} from activities a
        where ${live('a')} and ${period('a.starts_on')} group by 1, 2`,
    },
    {
      text: `select ${byChildMonth('a', 'a.starts_on')} from activity_people ap join activities a on a.id = ap.activity_id
        where ${live('a')} and ${period('a.starts_on')} and ap.attended group by 1, 2`,
    },
    {
      text: `select f.source_code, count(*) filter (where ${period('f.applied_on')}),
          count(*) filter (where f.status = 'approved' and ${period('f.decided_on')}),
          coalesce(sum(f.approved_satang) filter (where f.status = 'approved' and ${period('f.decided_on')}), 0)
        from funding_applications f where ${live('f')} group by 1 order by 1`,
    },
    {
      text: `select left(f.org_unit_code, ${len}), count(*), sum(f.approved_satang) from funding_applications f
        where ${live('f')} and f.status = 'approved' and ${period('f.decided_on')} group by 1`,
    },
    {
      text: `select left(c.org_unit_code, ${len}), count(*) from certifications c
        where ${live('c')} and c.expires_on >= '${today}' and c.expires_on <= '${today}'::date + 90 group by 1`,
    },
    ...funnelSql(unit, today),
  ];
}

/**
 * The completeness matrix's yes/no cells (indicators.compute.ts): quorate meetings, activities with a partner and
 * posts per district and month, plans, lessons, and the committee in force with its members by category, and
 * committee exceptions. The result figures beside the nation's provinces are left out.
 */
function matrixSql(unit: string, today: string): Sql[] {
  const fiscalYear = fiscalYearOf(today).fiscalYear;
  const { start, end } = fiscalRange(fiscalYear);
  const inUnit = (c: string) => under(c, unit);
  const year = (c: string) => `${c} between '${start}' and '${end}'`;
  return [
    {
      text: `select distinct m.org_unit_code, to_char(m.held_on, 'YYYY-MM') from meetings m
        where ${inUnit('m.org_unit_code')} and ${year('m.held_on')} and m.deleted_at is null and m.status = 'held'
          and (select count(*) from meeting_attendees a where a.meeting_id = m.id and a.attended) * 100
            > (select count(*) from committee_members cm where cm.committee_id = m.committee_id) * m.quorum_percent`,
    },
    {
      text: `select distinct w.org_unit_code, to_char(w.starts_on, 'YYYY-MM') from activities w
        where ${inUnit('w.org_unit_code')} and ${year('w.starts_on')} and w.deleted_at is null
          and w.kind in ('training', 'strengthening', 'study_visit', 'market_event')
          and exists (select 1 from activity_partners ap where ap.activity_id = w.id)`,
    },
    {
      text: `select distinct p.org_unit_code, to_char(p.published_on, 'YYYY-MM') from posts p
        where ${inUnit('p.org_unit_code')} and ${year('p.published_on')} and p.deleted_at is null`,
    },
    {
      text: `select org_unit_code from development_plans where ${inUnit('org_unit_code')} and deleted_at is null
        and first_year <= ${fiscalYear} and last_year >= ${fiscalYear}
        group by org_unit_code having bool_or(term = 'short') and bool_or(term = 'long')`,
    },
    {
      text: `select distinct org_unit_code from lessons
        where ${inUnit('org_unit_code')} and deleted_at is null and fiscal_year = ${fiscalYear}`,
    },
    {
      text: `with term as (
          select distinct on (c.org_unit_code) c.id, c.org_unit_code from committees c
          where ${inUnit('c.org_unit_code')} and c.deleted_at is null and c.term_start <= '${today}' and c.term_end >= '${today}'
          order by c.org_unit_code, c.term_start desc, c.id desc
        )
        select t.org_unit_code, count(cm.committee_id), count(*) filter (where cm.category = 'chair'),
          count(*) filter (where cm.category = 'secretary'), count(*) filter (where cm.category = 'agency'),
          count(*) filter (where cm.category = 'network')
        from term t left join committee_members cm on cm.committee_id = t.id group by t.org_unit_code`,
    },
    {
      text: `select distinct org_unit_code from committee_exceptions
        where ${inUnit('org_unit_code')} and deleted_at is null`,
    },
  ];
}

const LIST_TARGET: Target = { p95Ms: 50 };
const SUMMARY_TARGET: Target = { p95Ms: 150, rawRatio: 3 };
const byName = (name: string) => LISTS.find((l) => l.name === name)!;

function listEndpoints(): Endpoint[] {
  const rows: Endpoint[] = [];
  for (const list of LISTS)
    for (const scope of ['national', 'district'] as const) {
      const account: Account = scope === 'national' ? 'demo-admin' : 'demo-district';
      const unit = (f: Fixtures) => (scope === 'national' ? 'TH' : f.district);
      const query = (f: Fixtures) => (scope === 'national' ? '' : `unit=${f.district}&`);
      rows.push({
        name: `${list.name}, ${scope}, first page`,
        kind: 'list',
        account,
        request: (f) => ({ path: `${list.path}?${query(f)}pageSize=${PAGE_SIZE}` }),
        raw: (f) => listSql(list, unit(f)),
        // The target's "at least 1,500 requests per second on a list endpoint": a district officer's first list.
        target: list.name === 'products' && scope === 'district' ? { ...LIST_TARGET, minRps: 1500 } : LIST_TARGET,
      });
      rows.push({
        name: `${list.name}, ${scope}, deep page`,
        kind: 'list',
        account,
        request: (f) => {
          const deep = f.deep[`${list.name}:${scope}`];
          return { path: `${list.path}?${query(f)}pageSize=${PAGE_SIZE}&cursor=${deep.cursor}` };
        },
        raw: (f) => listSql(list, unit(f), decodeCursor(f.deep[`${list.name}:${scope}`].cursor)),
        target: LIST_TARGET,
      });
    }
  return rows;
}

function searchEndpoints(): Endpoint[] {
  const products = byName('products');
  const wisdom = byName('wisdom');
  const people = byName('people');
  const word = (list: List, q: string, column: string): Endpoint => ({
    name: `search "${q}" in ${list.name}, national`,
    kind: 'search',
    account: 'demo-admin',
    request: () => ({ path: `${list.path}?q=${encodeURIComponent(q)}&pageSize=${PAGE_SIZE}` }),
    raw: () => listSql(list, 'TH', undefined, searchIn(column, q)),
    target: { p95Ms: 50 },
  });
  return [
    word(products, 'ไหม', 't.search_text'),
    word(products, 'ผ้า', 't.search_text'),
    word(wisdom, 'ไหม', 't.search_text'),
    word(wisdom, 'ผ้า', 't.search_text'),
    // The public catalog (#15): the same token search for anyone, no sign-in, as a whole HTML page.
    ...['', '&province=34'].map(
      (narrowed): Endpoint => ({
        name: `portal catalog: search "ผ้าไหม"${narrowed ? ' in province 34' : ', national'} (HTML page)`,
        kind: 'search',
        account: 'demo-admin',
        request: () => ({ path: `/portal/products?q=${encodeURIComponent('ผ้าไหม')}${narrowed}` }),
        target: { p95Ms: 50 },
      }),
    ),
    {
      name: 'search a first name in people, national',
      kind: 'search',
      account: 'demo-admin',
      request: (f) => ({ path: `/api/people?q=${encodeURIComponent(f.personFirstName)}&pageSize=${PAGE_SIZE}` }),
      raw: (f) => listSql(people, 'TH', undefined, searchIn(`(t.first_name || ' ' || t.last_name)`, f.personFirstName)),
      target: { p95Ms: 50 },
    },
  ];
}

function summaryEndpoints(): Endpoint[] {
  const rows: Endpoint[] = [];
  const levels = [
    { level: 'national', account: 'demo-admin', unit: () => 'TH' },
    { level: 'province', account: 'demo-province', unit: (f: Fixtures) => f.province },
    { level: 'district', account: 'demo-district', unit: (f: Fixtures) => f.district },
  ] as const;
  for (const { level, account, unit } of levels) {
    // The issue's target is the national one; a province or district reads less and has none of its own.
    const target = level === 'national' ? SUMMARY_TARGET : {};
    rows.push(
      {
        name: `pipeline funnel, ${level}`,
        kind: 'summary',
        account,
        request: (f) => ({ path: `/api/pipeline?unit=${unit(f)}` }),
        raw: (f) => funnelSql(unit(f), f.today),
        target,
      },
      {
        name: `dashboard, ${level}`,
        kind: 'summary',
        account,
        request: (f) => ({ path: `/api/dashboards?unit=${unit(f)}` }),
        raw: (f) => dashboardSql(unit(f), f.today),
        target,
        note: 'raw SQL: its grouped queries and funnel, without the sales and budget figures',
      },
      {
        name: `completeness matrix, ${level}`,
        kind: 'summary',
        account,
        request: (f) => ({ path: `/api/indicators/matrix?unit=${unit(f)}` }),
        raw: (f) => matrixSql(unit(f), f.today),
        target,
        note: 'raw SQL: its yes/no cells from the records, without the result figures beside the provinces',
      },
    );
  }
  return rows;
}

export function endpoints(): Endpoint[] {
  return [
    {
      name: 'GET /api/health',
      kind: 'health',
      account: 'demo-admin',
      request: () => ({ path: '/api/health' }),
      raw: () => [{ text: 'select 1' }],
      target: { minRps: 10_000 },
    },
    {
      name: 'sign-in (POST /api/auth/login)',
      kind: 'signin',
      account: 'demo-district',
      request: () => ({
        path: '/api/auth/login',
        method: 'POST',
        body: { username: 'demo-district', password: 'thanrak-demo' },
      }),
      raw: () => [{ text: 'select * from users where username = $1', values: ['demo-district'] }],
      target: {},
      onlyAtOne: true,
      note:
        'one connection only: sign-ins of one username in parallel count as attempts in flight and the per-username ' +
        'throttle answers 429 by design (auth/sign-in-throttle.ts); argon2id hashing dominates. The bench server ' +
        'sets LOGIN_RATE_LIMIT_PER_MINUTE=1000000 (10 a minute per address by default)',
    },
    ...listEndpoints(),
    ...searchEndpoints(),
    {
      name: 'group page (GET /api/groups/{id})',
      kind: 'detail',
      account: 'demo-district',
      request: (f) => ({ path: `/api/groups/${f.groupId}` }),
      raw: (f) => [
        { text: 'select * from occupational_groups where id = $1', values: [f.groupId] },
        {
          text: 'select w.id, w.title from group_wisdom gw join wisdom_items w on w.id = gw.wisdom_id where gw.group_id = $1',
          values: [f.groupId],
        },
        {
          text: 'select * from group_members m join people p on p.id = m.person_id where m.group_id = $1',
          values: [f.groupId],
        },
        { text: 'select * from producers where group_id = $1 and deleted_at is null', values: [f.groupId] },
        {
          text: `select h.*, u.display_name from group_stage_history h left join users u on u.id = h.changed_by
            where h.group_id = $1 order by h.changed_on, h.id`,
          values: [f.groupId],
        },
        {
          text: `select * from products where producer_id in (select id from producers where group_id = $1)
            and deleted_at is null order by name collate thai`,
          values: [f.groupId],
        },
      ],
      target: LIST_TARGET,
    },
    ...summaryEndpoints(),
    {
      name: 'XLSX export: national dashboard',
      kind: 'export',
      account: 'demo-admin',
      request: () => ({ path: '/api/dashboards.xlsx?unit=TH' }),
      raw: (f) => dashboardSql('TH', f.today),
      target: {},
      note:
        "the national dashboard (one sheet per dashboard block, a row per province). The issue's XLSX of 50,000 rows " +
        "is measured under the table (one category of the nation's products), with the export of every product",
    },
    {
      name: 'write: service record (POST /api/services)',
      kind: 'write',
      account: 'demo-district',
      request: (f) => ({
        path: '/api/services',
        method: 'POST',
        body: {
          orgUnitCode: f.district,
          serviceDate: f.today,
          mode: 'center',
          personIds: [f.personId],
          typeCodes: [f.typeCode],
          description: 'ให้คำปรึกษาด้านการตลาดออนไลน์ (bench)',
          staffIds: [f.staffId],
          durationMinutes: 30,
        },
      }),
      raw: (f) => [
        { text: 'begin' },
        {
          text: `with s as (insert into services (org_unit_code, service_date, mode, description, duration_minutes, created_by, search_text)
              values ($1, $2, 'center', 'ให้คำปรึกษา (bench raw)', 30, $3, 'ให้คำปรึกษา') returning id),
            p as (insert into service_people (service_id, person_id) select id, $4 from s),
            c as (insert into service_type_codes (service_id, type_code) select id, $5 from s),
            st as (insert into service_staff (service_id, user_id) select id, $3 from s)
            insert into audit_log (actor_user_id, actor_username, org_unit_code, action, entity, entity_id, changes)
            select $3, 'demo-district', $1, 'create', 'service', id::text, '{}' from s`,
          values: [f.district, f.today, f.staffId, f.personId, f.typeCode],
        },
        { text: 'rollback' },
      ],
      target: { minRps: 1000 },
      note: 'raw SQL: the rows and the audit entry in one transaction, rolled back',
    },
    {
      name: 'write: product (POST /api/products)',
      kind: 'write',
      account: 'demo-district',
      request: (f) => ({
        path: '/api/products',
        method: 'POST',
        body: { producerId: f.producerId, name: 'ผ้าไหมมัดหมี่ลายนาคน้อย (bench)', category: 'textile' },
      }),
      raw: (f) => [
        { text: 'begin' },
        {
          text: `with p as (insert into products (org_unit_code, producer_id, name, category, search_text)
              values ($1, $2, 'ผ้าไหม (bench raw)', 'textile', 'ผ้าไหม') returning id)
            insert into audit_log (actor_user_id, actor_username, org_unit_code, action, entity, entity_id, changes)
            select $3, 'demo-district', $1, 'create', 'product', id::text, '{}' from p`,
          values: [f.district, f.producerId, f.staffId],
        },
        { text: 'rollback' },
      ],
      target: {},
      note: 'raw SQL: the row and the audit entry in one transaction, rolled back',
    },
  ];
}

export type Query = (sql: Sql) => Promise<Record<string, unknown>[]>;

/** The national deep row: page 4,001 of 50 starts after it. */
const NATIONAL_DEEP_ROW = 200_000;

/** Ids, a name and the deep cursors the requests need, read from the loaded data (Muang Ubon, 3401). */
export async function findFixtures(query: Query, today: string): Promise<Fixtures> {
  const district = '3401';
  const one = async (text: string, values?: unknown[]) => {
    const [row] = await query({ text, values });
    if (!row) throw new Error(`the bench data has no answer to: ${text}`);
    return row;
  };
  const group = await one(
    `select g.id from occupational_groups g where g.org_unit_code like '${district}%' and g.deleted_at is null
      order by (select count(*) from group_members m where m.group_id = g.id) desc, g.id limit 1`,
  );
  const person = await one(
    `select id, first_name from people where org_unit_code like '${district}%' and deleted_at is null order by id limit 1`,
  );
  const producer = await one(
    `select id from producers where org_unit_code like '${district}%' and deleted_at is null order by id limit 1`,
  );
  const staff = await one(`select id from users where username = 'demo-district'`);
  const type = await one(
    `select code from code_lists where list = 'service_type' and not deprecated order by sort, code limit 1`,
  );
  const deep: Fixtures['deep'] = {};
  for (const list of LISTS)
    for (const scope of ['national', 'district'] as const) {
      const unit = scope === 'national' ? 'TH' : district;
      const { n } = await one(
        `select count(*)::int as n from ${list.table} t where t.deleted_at is null and ${under('t.org_unit_code', unit)}`,
      );
      const count = Number(n);
      if (!count) throw new Error(`the bench data has no ${list.name} in ${unit}`);
      // Four-fifths down a district's list (or row 200,000 nationally), on a page boundary.
      const wanted = scope === 'national' ? Math.min(NATIONAL_DEEP_ROW, count * 0.8) : count * 0.8;
      const row = Math.min(count, Math.max(1, Math.floor(wanted / PAGE_SIZE) * PAGE_SIZE));
      const { key } = await one(deepRowSql(list, unit, row).text);
      const values = (typeof key === 'string' ? JSON.parse(key) : key) as unknown[];
      deep[`${list.name}:${scope}`] = { cursor: encodeCursor(values), page: Math.floor(row / PAGE_SIZE) + 1, row };
    }
  return {
    today,
    district,
    province: district.slice(0, 2),
    groupId: Number(group.id),
    personId: Number(person.id),
    personFirstName: String(person.first_name),
    producerId: Number(producer.id),
    staffId: Number(staff.id),
    typeCode: String(type.code),
    deep,
  };
}

/**
 * Removes what the write endpoints created (their texts end in "(bench)"), so a database kept between runs
 * (BENCH_DATABASE_URL, BENCH_PGLITE_DIR) is measured next time as it was loaded: each run's writes had grown the
 * district's products from 426 to over 4,000, and its list pages with them. Their audit entries stay.
 */
export function benchWritesRemoval(): Sql[] {
  const services = `(select id from services where description like '%(bench)')`;
  return [
    ...['service_people', 'service_staff', 'service_type_codes', 'service_groups', 'service_partners'].map((table) => ({
      text: `delete from ${table} where service_id in ${services}`,
    })),
    { text: `delete from services where description like '%(bench)'` },
    { text: `delete from products where name like '%(bench)'` },
  ];
}
