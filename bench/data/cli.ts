/**
 * `npm run bench:data -- --scale national|province|district [--seed N]`: fills DATABASE_URL (PostgreSQL) or the
 * PGlite folder DATA_DIR (default ./data-bench) with the bench's synthetic data, then prints rows and seconds per table.
 */
import { parseArgs } from 'node:util';
import { lastTimings, loadBenchData, type Scale } from './load';

const { values } = parseArgs({ options: { scale: { type: 'string' }, seed: { type: 'string' } } });
const scale = values.scale as Scale;
if (!['national', 'province', 'district'].includes(scale)) {
  console.error('ใช้ / usage: npm run bench:data -- --scale national|province|district [--seed N]');
  process.exit(2);
}
const seed = values.seed === undefined ? 1 : Number(values.seed);
if (!Number.isInteger(seed)) {
  console.error('--seed ต้องเป็นจำนวนเต็ม / must be an integer');
  process.exit(2);
}
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = process.env.DATA_DIR ?? './data-bench';
console.log(`ข้อมูลทดสอบ / bench data: ${scale}, seed ${seed} → ${databaseUrl ? 'PostgreSQL' : `PGlite ${dataDir}`}`);
try {
  const result = await loadBenchData({
    databaseUrl,
    dataDir,
    scale,
    seed,
    onProgress: (text) => console.log(`  ${text}`),
  });
  const rows = [...lastTimings.entries()];
  if (rows.length) {
    console.log(`\n${'ตาราง / table'.padEnd(28)}${'แถว / rows'.padStart(12)}${'วินาที / s'.padStart(12)}`);
    for (const [table, { rows: n, ms }] of rows)
      console.log(`${table.padEnd(28)}${(n ? n.toLocaleString('en') : '').padStart(12)}${(ms / 1000).toFixed(1).padStart(12)}`);
    const total = rows.reduce((sum, [, t]) => sum + t.rows, 0);
    console.log(`${'รวม / total'.padEnd(28)}${total.toLocaleString('en').padStart(12)}`);
  }
  console.log(`\nเสร็จใน / done in ${result.seconds.toFixed(1)} s`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
