import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { readBackupSettings, scheduleBackups } from './backup/backup';
import { buildIdOf } from './build-id';
import { prepareDatabase, type StartStep, targetFor } from './db/setup';
import { DEMO_PASSWORD, DEMO_USERS, type DemoOptions, demoSeed } from './demo/demo';
import { readSettings } from './env';
import { AppError, problemFor } from './errors';
import { dataKeyFor } from './personal-data';

/**
 * The process: embedded PGlite in DATA_DIR with demo data by default; PostgreSQL when DATABASE_URL is set
 * (demo data there only through `npm run db:seed -- --demo`).
 */
const settings = readSettings();
const progress = (text: string) => console.log(`  ${text}`);
const STEPS: Record<StartStep, string> = {
  open: settings.databaseUrl
    ? 'เปิดฐานข้อมูล PostgreSQL / opening PostgreSQL'
    : `เปิดฐานข้อมูลในตัว / opening the embedded database (${settings.dataDir})`,
  migrate: 'ปรับโครงสร้างฐานข้อมูล / migrating the schema',
  reference: 'นำเข้าข้อมูลอ้างอิง (จังหวัด อำเภอ ศูนย์ฯ) / loading reference data (provinces, districts, centers)',
};

try {
  settings.dataKey = dataKeyFor(settings);
  const demo = !settings.databaseUrl && process.env.DEMO_DATA !== 'false';
  const demoOptions: DemoOptions = {
    pipeline: true,
    onLoad: () => progress('นำเข้าข้อมูลสาธิต (ครั้งแรกเท่านั้น) / loading demo data (first start only)'),
  };
  const build = buildIdOf(fileURLToPath(import.meta.url));
  const onStep = (step: StartStep) => progress(STEPS[step]);
  const database = await prepareDatabase(targetFor(settings), {
    seed: demo ? demoSeed(settings.dataKey, demoOptions) : undefined,
    dataKey: settings.dataKey,
    onStep,
    build,
  });
  const app = await buildApp(database, settings, { logger: process.env.LOG !== 'false', jobs: true });
  await app.listen({ port: settings.port, host: settings.host });
  // Since the process started, module loading included.
  const ms = Math.round(performance.now());
  const shownHost = ['127.0.0.1', '::1', '0.0.0.0', '::'].includes(settings.host) ? 'localhost' : settings.host;
  console.log(`Thanrak ready on http://${shownHost}:${settings.port} (${database.kind}, ${ms} ms)`);
  if (demo) {
    const accounts = DEMO_USERS.map((u) => u.username).join(', ');
    console.log(`  บัญชีสาธิต / demo accounts: ${accounts} — รหัสผ่าน / password ${DEMO_PASSWORD}`);
  }
  // Scheduled backups (BACKUP_DIR, BACKUP_EVERY_HOURS, BACKUP_KEEP), and one on SIGUSR2 (npm run db:backup).
  const backups = readBackupSettings(process.env, settings);
  const stopBackups = scheduleBackups(database, settings, backups);
  const shutdown = async () => {
    stopBackups();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  if (error instanceof AppError) {
    const problem = problemFor(error.code, error.params);
    console.error(`${problem.th}\n${problem.en}\n(${error.code})`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
