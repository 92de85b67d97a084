/**
 * The export measure (#14): one whole-list export downloaded over HTTP as a client would, timed from the request
 * to the last byte, with the server's RSS sampled meanwhile. Target: 250,000 products under 30 s with under 300 MB
 * above idle. CSV rows are counted by line; the XLSX is the same rows, zipped.
 */
import { memoryOf, type Server, sampleRss } from './server';

export interface ExportResult {
  name: string;
  path: string;
  format: 'xlsx' | 'csv';
  rows?: number;
  seconds?: number;
  megabytes?: number;
  extraMb?: number;
  error?: string;
  /** The target this export is judged by (EXPORT_TARGET unless said). */
  target?: ExportTarget;
}

interface ExportTarget {
  seconds: number;
  extraMb: number;
  rows: number;
}

/** #14: every product of the nation. */
export const EXPORT_TARGET: ExportTarget = { seconds: 30, extraMb: 300, rows: 250_000 };
/** #13: an XLSX of 50,000 rows. */
export const EXPORT_50K_TARGET: ExportTarget = { seconds: 10, extraMb: 300, rows: 50_000 };

async function download(url: string, cookie: string): Promise<{ bytes: number; lines: number }> {
  const res = await fetch(url, { headers: { cookie } });
  if (!res.ok || !res.body) throw new Error(`${res.status} ${await res.text()}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const b of chunk) if (b === 10) lines++;
  }
  return { bytes, lines };
}

/** Exports every product of the account's scope (national or province) as CSV and as XLSX. */
export async function measureExports(
  server: Server,
  name: string,
  cookie: string,
  query = '',
  target?: ExportTarget,
): Promise<ExportResult[]> {
  const results: ExportResult[] = [];
  for (const format of ['csv', 'xlsx'] as const) {
    const path = `/api/products/export.${format}${query}`;
    const result: ExportResult = { name: `${name} ${format.toUpperCase()}`, path, format, ...(target ? { target } : {}) };
    const idle = memoryOf(server.pid).rssMb;
    const sampler = sampleRss(server.pid);
    const started = performance.now();
    try {
      const { bytes, lines } = await download(`${server.url}${path}`, cookie);
      result.seconds = (performance.now() - started) / 1000;
      result.megabytes = bytes / 1024 ** 2;
      if (format === 'csv') result.rows = lines - 1;
    } catch (error) {
      result.error = (error as Error).message;
    }
    result.extraMb = Math.max(0, sampler.stop() - idle);
    results.push(result);
  }
  return results;
}

export function renderExports(results: ExportResult[]): string {
  const lines = [
    `Exports (target: ${EXPORT_TARGET.rows.toLocaleString('en')} products under ${EXPORT_TARGET.seconds} s with ` +
      `under ${EXPORT_TARGET.extraMb} MB above idle, issue 14; one category of the nation's products, at least ` +
      `${EXPORT_50K_TARGET.rows.toLocaleString('en')} rows, under ${EXPORT_50K_TARGET.seconds} s, issue 13; ` +
      `"extra": server RSS above idle while exporting).`,
    '',
    '| export | rows | seconds | MB sent | extra MB | verdict |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    if (r.error) {
      lines.push(`| ${r.name} | not measured: ${r.error.replace(/\|/g, '\\|').slice(0, 160)} | | | | ✗ |`);
      continue;
    }
    const rows = r.rows ?? results.find((o) => o.format === 'csv' && o.path === r.path.replace('.xlsx', '.csv'))?.rows;
    // Judged only on a list the size of the target: on a small one the request's fixed cost swamps the rows.
    const target = r.target ?? EXPORT_TARGET;
    const judged = rows !== undefined && rows >= target.rows;
    const ok = r.seconds! < target.seconds && r.extraMb! < target.extraMb;
    const rate = rows ? ` · ${Math.round(rows / r.seconds!).toLocaleString('en')} rows/s` : '';
    lines.push(
      `| ${r.name} | ${rows?.toLocaleString('en') ?? '–'} | ${r.seconds!.toFixed(1)}${rate} | ${r.megabytes!.toFixed(1)} | ` +
        `${r.extraMb!.toFixed(0)} | ${judged ? (ok ? '✓' : '✗') : '– (fewer rows than the target)'} |`,
    );
  }
  return lines.join('\n');
}
