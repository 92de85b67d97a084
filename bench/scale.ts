/**
 * National-scale figures on the embedded database: ~100k groups, ~250k products, ~20k wisdom items spread over
 * the 878 districts, made with SQL generate_series (not the services: this measures reading, not seeding).
 * Times the national funnel, a province funnel, Thai product search and a scoped list through the HTTP layer.
 * Prints figures and ratios to targets; never fails on timing.
 */
import { buildApp } from '../src/server/app';
import { openDatabase, openPglite } from '../src/server/db/client';
import { prepareDatabase } from '../src/server/db/setup';
import { demoSeed } from '../src/server/demo/demo';
import { readSettings } from '../src/server/env';

const GROUPS = Number(process.env.BENCH_GROUPS ?? 100_000);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 250_000);
const WISDOM = Number(process.env.BENCH_WISDOM ?? 20_000);
const dataKey = Buffer.alloc(32, 1);

const lite = await openPglite();
const seeding = performance.now();
const database = await prepareDatabase({ pglite: lite }, { seed: demoSeed(dataKey, { pipeline: false }) });
const exec = (sql: string) => lite.exec(sql);
await exec(`
  create temporary table districts as select code, row_number() over (order by code) - 1 as n from org_units where level = 'district' and covered;
  create index on districts (n);
  insert into wisdom_items (org_unit_code, title, branch_code, surveyed_on, search_text)
    select d.code, 'การทอผ้าไหมลายโบราณ ' || g, 'industry_handicraft', date '2025-10-01' + (g % 300), 'การทอผ้าไหมลายโบราณ การ ทอ ผ้า ไหม ลาย โบราณ'
    from generate_series(1, ${WISDOM}) g join districts d on d.n = g % 878;
  insert into occupational_groups (org_unit_code, name, founded_on, stage, evidence, search_text)
    select d.code, 'กลุ่มอาชีพบ้านหนองบัว ' || g, date '2024-10-01' + (g % 700), s.stages[s.n], s.stages[1:s.n], 'กลุ่มอาชีพบ้านหนองบัว'
    from generate_series(1, ${GROUPS}) g join districts d on d.n = g % 878
    cross join lateral (select array['group_formed','otop_registered','needs_analysed','strengthened','market_access','funding_access','grown'] as stages, 1 + g % 7 as n) s;
  insert into producers (org_unit_code, group_id, producer_type, fiscal_year, registration_no, registered_on, community_link, site_in_district, thai_nationality, documents_received)
    select org_unit_code, id, 'community_group', 2569, 'OTOP-' || id, date '2025-11-01', true, true, true, true from occupational_groups where stage <> 'group_formed';
  create temporary table owners as select id, org_unit_code, row_number() over (order by id) - 1 as n from producers;
  create index on owners (n);
  insert into products (org_unit_code, producer_id, name, category, search_text)
    select p.org_unit_code, p.id, (array['ผ้าไหมมัดหมี่','ข้าวหอมมะลิ','น้ำพริกปลาร้า','กระติบข้าว','ชาใบหม่อน'])[1 + g % 5] || ' รุ่น ' || g,
      (array['textile','food','food','household_souvenir','beverage'])[1 + g % 5],
      (array['ผ้าไหมมัดหมี่ ผ้า ไหม มัด หมี่','ข้าวหอมมะลิ ข้าว หอม มะลิ','น้ำพริกปลาร้า น้ำพริก ปลาร้า','กระติบข้าว กระติบ ข้าว','ชาใบหม่อน ชา ใบ หม่อน'])[1 + g % 5]
    from generate_series(1, ${PRODUCTS}) g join owners p on p.n = g % (select count(*) from owners);
  analyze;
`);
const seedSeconds = (performance.now() - seeding) / 1000;
const app = await buildApp(await openDatabase({ pglite: lite }), { ...readSettings({}), dataKey });
const login = async (username: string) => {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'thanrak-demo' } });
  return `thanrak_session=${res.cookies.find((c) => c.name === 'thanrak_session')!.value}`;
};
const admin = await login('demo-admin');
const province = await login('demo-province');

async function median(name: string, cookie: string, url: string, targetMs: number) {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    times.push(performance.now() - start);
  }
  const ms = times.sort((a, b) => a - b)[3];
  console.log(`${name.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms   target ${targetMs} ms   ratio ${(ms / targetMs).toFixed(2)}`);
}

console.log(
  `Scale (PGlite, in memory): ${GROUPS} groups, ${PRODUCTS} products, ${WISDOM} wisdom items; generated in ${seedSeconds.toFixed(1)} s`,
);
await median('national funnel (76 provinces)', admin, '/api/pipeline?unit=TH', 1500);
await median('province funnel (Ubon, 25 districts)', province, '/api/pipeline?unit=34', 500);
await median('Thai product search "ไหม", national, page 1', admin, `/api/products?q=${encodeURIComponent('ไหม')}`, 800);
await median('groups at a stage, province, page 1', province, '/api/groups?unit=34&stage=certified', 500);
await median('certificates expiring soon, national', admin, '/api/certifications?status=expiring', 300);
console.log(`memory: rss ${(process.memoryUsage().rss / 1_048_576).toFixed(0)} MiB`);
await app.close();
await database.close();
