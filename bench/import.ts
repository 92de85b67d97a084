/**
 * The import measure (#14): 50,000 OTOP producers of one district uploaded as XLSX over HTTP as the web page sends
 * them, the dry run (the upload's answer) and the commit (a background job, polled as the page polls it) timed, with
 * the server's RSS sampled above idle. Target: dry run under 20 s, commit under 30 s, under 500 MB above idle, on
 * PostgreSQL. Each row names a new person, as a district's first import of its register does.
 */
import ExcelJS from 'exceljs';
import { citizenIdCheckDigit } from '../src/shared/thai/citizen-id';
import { memoryOf, type Server, sampleRss } from './server';

export interface ImportResult {
  rows: number;
  fileMb: number;
  dryRunSeconds?: number;
  dryRunExtraMb?: number;
  commitSeconds?: number;
  commitExtraMb?: number;
  rejected?: number;
  created?: number;
  /** The same file uploaded again and committed with every row chosen for update (no target in #14). */
  updateSeconds?: number;
  updateExtraMb?: number;
  updated?: number;
  error?: string;
}

export const IMPORT_TARGET = { rows: 50_000, dryRunSeconds: 20, commitSeconds: 30, extraMb: 500 };

const HEADER = [
  'อำเภอ',
  'คำนำหน้า',
  'ชื่อ',
  'นามสกุล',
  'เลขประจำตัวประชาชน',
  'โทรศัพท์',
  'ตำบล',
  'ประเภทผู้ผลิต',
  'ปีงบประมาณ',
  'เลขทะเบียน',
  'วันที่ลงทะเบียน',
];

/** A register of `rows` producers of Mueang Ubon Ratchathani (3401) typed as an officer types it. */
export async function producersWorkbook(rows: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('ผู้ผลิต');
  sheet.addRow(HEADER);
  for (let n = 1; n <= rows; n++) {
    const first12 = `5${String(34010000000 + n).slice(0, 11)}`;
    const id = `${first12}${citizenIdCheckDigit(first12)}`;
    sheet.addRow([
      'เมืองอุบลราชธานี',
      n % 2 ? 'นาง' : 'นาย',
      `ผู้ผลิตนำเข้า${n}`,
      `ทดสอบระบบ${n % 997}`,
      id,
      `08${String(10000000 + n).slice(-8)}`,
      'ในเมือง',
      n % 10 ? 'ผู้ประกอบการรายเดียว' : 'SME',
      '2569',
      `OTOP-BENCH-${n}`,
      `${(n % 28) + 1}/${(n % 12) + 1}/2569`,
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function call(server: Server, cookie: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

/** Uploads a file as the import page does; the dry run's batch and its time and memory above idle. */
async function dryRun(server: Server, cookie: string, file: Buffer, idle: number) {
  const sampler = sampleRss(server.pid);
  const started = performance.now();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), 'producers.xlsx');
  const uploaded = await fetch(`${server.url}/api/imports/producers`, { method: 'POST', headers: { cookie }, body: form });
  const batch = await uploaded.json();
  if (uploaded.status !== 201) throw new Error(`upload: ${uploaded.status} ${JSON.stringify(batch).slice(0, 300)}`);
  return { batch, seconds: (performance.now() - started) / 1000, extraMb: Math.max(0, sampler.stop() - idle) };
}

/** Commits a batch with the user's choices and waits for the job, polled every second as the import page polls it. */
async function commitAndWait(server: Server, cookie: string, batch: any, idle: number, choices: Record<string, string> = {}) {
  const sampler = sampleRss(server.pid);
  const started = performance.now();
  const { jobId } = await call(server, cookie, 'POST', `/api/imports/batches/${batch.id}/commit`, {
    version: batch.version,
    choices,
  });
  for (;;) {
    const job = await call(server, cookie, 'GET', `/api/jobs/${jobId}`);
    if (job.status === 'done') break;
    if (job.status !== 'queued' && job.status !== 'running')
      throw new Error(`commit ${job.status}: ${JSON.stringify(job.error)}`);
    if (performance.now() - started > 1_800_000) throw new Error('commit did not finish in 30 minutes');
    await new Promise((r) => setTimeout(r, 1000));
  }
  const seconds = (performance.now() - started) / 1000;
  const extraMb = Math.max(0, sampler.stop() - idle);
  const done = await call(server, cookie, 'GET', `/api/imports/batches/${batch.id}`);
  return { seconds, extraMb, counts: done.counts };
}

/**
 * Uploads the register, then commits it and waits for the job, as the import page does; then uploads it again and
 * commits it with every row (each now a duplicate) chosen for update.
 */
export async function measureImport(server: Server, cookie: string, rows = IMPORT_TARGET.rows): Promise<ImportResult> {
  const file = await producersWorkbook(rows);
  const result: ImportResult = { rows, fileMb: file.length / 1024 ** 2 };
  try {
    const idle = memoryOf(server.pid).rssMb;
    const first = await dryRun(server, cookie, file, idle);
    result.dryRunSeconds = first.seconds;
    result.dryRunExtraMb = first.extraMb;
    result.rejected = first.batch.counts.reject;
    const created = await commitAndWait(server, cookie, first.batch, idle);
    result.commitSeconds = created.seconds;
    result.commitExtraMb = created.extraMb;
    result.created = created.counts.create;

    const again = await dryRun(server, cookie, file, idle);
    const choices = Object.fromEntries(
      (again.batch.report.rows as { line: number; duplicate?: object }[])
        .filter((r) => r.duplicate)
        .map((r) => [r.line, 'update']),
    );
    const updated = await commitAndWait(server, cookie, again.batch, idle, choices);
    result.updateSeconds = updated.seconds;
    result.updateExtraMb = updated.extraMb;
    result.updated = updated.counts.update;
  } catch (error) {
    result.error = (error as Error).message;
  }
  return result;
}

export function renderImport(r: ImportResult): string {
  const t = IMPORT_TARGET;
  const lines = [
    `Import of ${r.rows.toLocaleString('en')} OTOP producers from XLSX (${r.fileMb.toFixed(1)} MB) by a district on ` +
      `PostgreSQL (target: dry run under ${t.dryRunSeconds} s, commit under ${t.commitSeconds} s, under ${t.extraMb} MB ` +
      'above idle).',
    '',
    '| step | seconds | extra MB | verdict |',
    '|---|---|---|---|',
  ];
  if (r.error) lines.push(`| not finished: ${r.error.replace(/\|/g, '\\|').slice(0, 200)} | | | ✗ |`);
  const row = (step: string, seconds: number | undefined, extra: number | undefined, target: number) => {
    if (seconds === undefined || extra === undefined) return;
    const ok = seconds < target && extra < t.extraMb;
    lines.push(`| ${step} | ${seconds.toFixed(1)} | ${extra.toFixed(0)} | ${ok ? '✓' : '✗'} |`);
  };
  row(
    `dry run (upload to report, ${r.rejected?.toLocaleString('en') ?? '?'} rows rejected)`,
    r.dryRunSeconds,
    r.dryRunExtraMb,
    t.dryRunSeconds,
  );
  row(`commit (job, ${r.created?.toLocaleString('en') ?? '?'} created)`, r.commitSeconds, r.commitExtraMb, t.commitSeconds);
  if (r.updateSeconds !== undefined && r.updateExtraMb !== undefined)
    lines.push(
      `| the same file again, every row updated (job, ${r.updated?.toLocaleString('en') ?? '?'} updated; no target) | ` +
        `${r.updateSeconds.toFixed(1)} | ${r.updateExtraMb.toFixed(0)} | |`,
    );
  return lines.join('\n');
}
