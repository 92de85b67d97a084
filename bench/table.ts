/**
 * The bench's results: their JSON shape, each figure judged against its target, and the Markdown the console and
 * the README show (bench/report.ts renders a saved run again).
 */
import type { Kind, Target } from './endpoints';
import { type ExportResult, renderExports } from './export';
import { type ImportResult, renderImport } from './import';
import type { Figures } from './load';
import { PHONE, type PortalLoad } from './portal';

export type Verdict = 'met' | 'missed' | 'none';

export interface Measured extends Figures {
  /** MiB of server RSS above idle, the highest sampled while measuring. */
  extraMb: number;
}

export interface EndpointResult {
  name: string;
  kind: Kind;
  path: string;
  note?: string;
  /** Keyed by the number of connections. */
  at: Record<string, Measured>;
  rawP50?: number;
  /** p50 at one connection over the raw SQL's p50. */
  rawRatio?: number;
  /** p50 at one connection over GET /api/health's p50 at one connection. */
  healthRatio?: number;
  /** Set when the row could not be measured (a non-2xx answer): the message. */
  error?: string;
  /** The target on this engine (targetFor) and the verdict on it. */
  target: Target;
  judgement?: Judgement;
}

export interface EngineResult {
  engine: 'postgresql' | 'pglite';
  scale: string;
  rows: Record<string, number>;
  loadSeconds: number;
  connections: number[];
  serverStartMs: number;
  idleMb: number;
  /** VmHWM at the end of the pass: the server's peak RSS. */
  peakMb: number;
  rawNote: string;
  endpoints: EndpointResult[];
  /** Whole-list exports (#14); absent in runs before them. */
  exports?: ExportResult[];
}

export interface StartResult {
  coldMs: number;
  restartMs: number;
  webBuilt: boolean;
}

export interface FirstLoad {
  jsKb: number;
  totalKb: number;
  score: number;
}

export interface RunResult {
  date: string;
  commit: string;
  quick: boolean;
  seconds: number;
  machine: {
    cpu: string;
    cores: number;
    memoryGb: number;
    node: string;
    postgres?: string;
    pglite: string;
    /** One-minute load average at the start and the end of the run: other work on the machine shows here. */
    loadAverage?: number[];
  };
  start?: StartResult;
  firstLoad?: FirstLoad;
  /** The portal's catalog on a throttled phone (#15); absent in runs before it. */
  portalLoad?: PortalLoad;
  engines: EngineResult[];
  /** The 50,000-producer import (#14); absent in runs before it. */
  imports?: ImportResult;
  /** The whole-nation product export on its own data (`--only export`); absent in runs without it. */
  nationalExport?: NationalExport;
  /** Parts taken from later runs by `mergeRuns`, said under the table's first line. */
  laterParts?: string[];
}

export interface NationalExport {
  rows: Record<string, number>;
  loadSeconds: number;
  serverStartMs: number;
  idleMb: number;
  results: ExportResult[];
}

/** The first run with each part a later run measured put in its place (the later run's part wins). */
export function mergeRuns([first, ...later]: RunResult[]): RunResult {
  const merged: RunResult = { ...first, engines: [...first.engines], laterParts: [...(first.laterParts ?? [])] };
  for (const run of later) {
    const parts: string[] = [];
    if (run.start) {
      merged.start = run.start;
      merged.firstLoad = run.firstLoad;
      merged.portalLoad = run.portalLoad;
      parts.push('start-up');
    }
    for (const engine of run.engines) {
      merged.engines = [...merged.engines.filter((e) => e.engine !== engine.engine), engine];
      parts.push(engine.engine === 'postgresql' ? 'PostgreSQL' : 'PGlite');
    }
    if (run.imports) {
      merged.imports = run.imports;
      parts.push('the import');
    }
    if (run.nationalExport) {
      merged.nationalExport = run.nationalExport;
      parts.push('the national export');
    }
    if (parts.length) merged.laterParts!.push(`${parts.join(', ')}: measured ${run.date} at commit ${run.commit}`);
  }
  return merged;
}

export interface Judgement {
  verdict: Verdict;
  /** The target in words, e.g. "p95 < 50 ms, ≥ 1500 req/s". */
  target: string;
  /** What missed, e.g. "p95 212 ms". */
  missed: string[];
}

const PAGE_KINDS: Kind[] = ['list', 'detail', 'search', 'summary'];
/** PGlite at province scale: every page p95 < 300 ms at 5 connections. */
export const PGLITE_PAGE_TARGET: Target = { p95Ms: 300 };

/** The target that applies to a row on an engine: the issue's figures on PostgreSQL, the page bound on PGlite. */
export function targetFor(engine: EngineResult['engine'], kind: Kind, target: Target): Target {
  if (engine === 'postgresql') return target;
  return PAGE_KINDS.includes(kind) ? PGLITE_PAGE_TARGET : {};
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

export function describeTarget(target: Target): string {
  const parts: string[] = [];
  if (target.p95Ms !== undefined) parts.push(`p95 < ${target.p95Ms} ms`);
  if (target.rawRatio !== undefined) parts.push(`< ${target.rawRatio}× raw`);
  if (target.minRps !== undefined) parts.push(`≥ ${target.minRps.toLocaleString('en')} req/s`);
  if (target.maxSeconds !== undefined) parts.push(`< ${target.maxSeconds} s`);
  if (target.maxExtraMb !== undefined) parts.push(`< ${target.maxExtraMb} MB extra`);
  return parts.join(', ') || '–';
}

/**
 * Judges a row at its highest concurrency (exports: one response at one connection; memory: the most of any).
 * A row with errors misses whatever its figures say; a row without a target has verdict 'none'.
 */
export function judge(result: EndpointResult, target: Target): Judgement {
  const text = describeTarget(target);
  if (text === '–') return { verdict: 'none', target: text, missed: [] };
  if (result.error) return { verdict: 'missed', target: text, missed: ['not measured'] };
  const levels = Object.keys(result.at)
    .map(Number)
    .sort((a, b) => a - b);
  if (!levels.length) return { verdict: 'missed', target: text, missed: ['not measured'] };
  const top = result.at[levels[levels.length - 1]];
  const one = result.at[levels[0]];
  const missed: string[] = [];
  if (target.p95Ms !== undefined && top.p95 >= target.p95Ms) missed.push(`p95 ${ms(top.p95)} ms`);
  if (target.rawRatio !== undefined && (result.rawRatio === undefined || result.rawRatio >= target.rawRatio))
    missed.push(`${result.rawRatio === undefined ? '?' : result.rawRatio.toFixed(1)}× raw`);
  if (target.minRps !== undefined && top.rps < target.minRps) missed.push(`${top.rps.toFixed(0)} req/s`);
  if (target.maxSeconds !== undefined && one.p50 / 1000 >= target.maxSeconds) missed.push(`${(one.p50 / 1000).toFixed(1)} s`);
  const extra = Math.max(...levels.map((c) => result.at[c].extraMb));
  if (target.maxExtraMb !== undefined && extra >= target.maxExtraMb) missed.push(`${extra.toFixed(0)} MB extra`);
  if (levels.some((c) => result.at[c].errors > 0)) missed.push('errors');
  return { verdict: missed.length ? 'missed' : 'met', target: text, missed };
}

const mark = (j: Judgement) =>
  j.verdict === 'met' ? 'met' : j.verdict === 'missed' ? `**missed** (${j.missed.join(', ')})` : '–';

const cell = (m: Measured | undefined) =>
  m ? `${ms(m.p50)} / ${ms(m.p95)} / ${ms(m.p99)} · ${m.rps >= 100 ? m.rps.toFixed(0) : m.rps.toFixed(1)}${failed(m)}` : '–';

const failed = (m: Measured) =>
  m.errors
    ? ` (${Object.entries(m.failures ?? {})
        .map(([status, n]) => `${n}× ${status}`)
        .join(', ')})`
    : '';

const ENGINE_NAMES = { postgresql: 'PostgreSQL', pglite: 'PGlite' } as const;

export function renderEngine(engine: EngineResult): string {
  const [low, high] = engine.connections;
  const rows = Object.entries(engine.rows)
    .map(([name, n]) => `${n.toLocaleString('en')} ${name}`)
    .join(', ');
  const lines = [
    `### ${ENGINE_NAMES[engine.engine]}, ${engine.scale} scale`,
    '',
    `Data: ${rows || 'as loaded'} (loaded in ${engine.loadSeconds.toFixed(0)} s). Server started in ` +
      `${(engine.serverStartMs / 1000).toFixed(1)} s; idle ${engine.idleMb.toFixed(0)} MB, peak (VmHWM) ` +
      `${engine.peakMb.toFixed(0)} MB. ${engine.rawNote}`,
    '',
    `Cells: p50 / p95 / p99 ms · requests/s. "× raw": p50 at 1 connection over the raw SQL's p50; "× health": over ` +
      '`GET /api/health` p50; "extra": server RSS above idle, the most sampled while measuring.',
    '',
    `| endpoint | ${low} conn | ${high} conn | raw p50 ms | × raw | × health | extra MB | target | verdict |`,
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const notes: string[] = [];
  for (const r of engine.endpoints) {
    const judgement = judge(r, r.target);
    const extra = Object.values(r.at).length ? Math.max(...Object.values(r.at).map((m) => m.extraMb)) : undefined;
    const name = r.note ? `${r.name} [${notes.push(r.note)}]` : r.name;
    if (r.error) {
      lines.push(
        `| ${name} | not measured: ${r.error.replace(/\|/g, '\\|').slice(0, 160)} | | | | | | ${judgement.target} | ${mark(judgement)} |`,
      );
      continue;
    }
    lines.push(
      `| ${name} | ${cell(r.at[low])} | ${cell(r.at[high])} | ${r.rawP50 === undefined ? '–' : ms(r.rawP50)} | ` +
        `${r.rawRatio === undefined ? '–' : r.rawRatio.toFixed(1)} | ${r.healthRatio === undefined ? '–' : r.healthRatio.toFixed(1)} | ` +
        `${extra === undefined ? '–' : extra.toFixed(0)} | ${judgement.target} | ${mark(judgement)} |`,
    );
  }
  if (notes.length) lines.push('', ...notes.map((n, i) => `[${i + 1}] ${n}`));
  if (engine.exports?.length) lines.push('', renderExports(engine.exports));
  return lines.join('\n');
}

export function renderStart(result: RunResult): string {
  const lines = ['| what | measured | target | verdict |', '|---|---|---|---|'];
  const row = (what: string, value: number, unit: string, limit: number) =>
    lines.push(`| ${what} | ${value.toFixed(1)} ${unit} | < ${limit} ${unit} | ${value < limit ? 'met' : '**missed**'} |`);
  if (result.start) {
    const built = result.start.webBuilt ? ', including the first web build' : '';
    row(
      `cold start: \`npm start\` on a new PGlite data folder with demo data, until /api/health${built}`,
      result.start.coldMs / 1000,
      's',
      15,
    );
    row('restart on that folder (median of 3)', result.start.restartMs / 1000, 's', 2);
  }
  if (result.firstLoad) {
    row('first load of /login: JavaScript, compressed', result.firstLoad.jsKb, 'KB', 200);
    lines.push(
      `| first load of /login: everything, compressed (Lighthouse mobile score ${result.firstLoad.score}) | ${result.firstLoad.totalKb.toFixed(0)} KB | – | – |`,
    );
  }
  if (result.portalLoad) {
    const p = result.portalLoad;
    const page = `portal catalog \`${decodeURIComponent(p.path)}\``;
    row(`${page}: JavaScript, compressed`, p.jsKb, 'KB', 100);
    lines.push(`| ${page}: everything, compressed | ${p.totalKb.toFixed(0)} KB | – | – |`);
    row(
      `${page}: load on a phone (${PHONE.downMbps} Mbps down, ${PHONE.rttMs} ms RTT, CPU ${PHONE.cpuSlowdown}× slower; median of ${p.runs})`,
      p.loadMs / 1000,
      's',
      2.5,
    );
  }
  return lines.length > 2 ? lines.join('\n') : '';
}

export function renderMarkdown(result: RunResult): string {
  const m = result.machine;
  const parts = [
    `Measured ${result.date} at commit ${result.commit}${result.quick ? ' (quick run: small data, short measurements)' : ''} ` +
      `on ${m.cores} × ${m.cpu}, ${m.memoryGb.toFixed(0)} GB, Node ${m.node}` +
      `${m.postgres ? `, PostgreSQL ${m.postgres}` : ''}, PGlite ${m.pglite}; ${result.seconds} s per measurement, ` +
      'autocannon on the same machine as the server and the database' +
      (m.loadAverage ? `; load average ${m.loadAverage.map((n) => n.toFixed(1)).join(' at the start, ')} at the end.` : '.'),
  ];
  for (const part of result.laterParts ?? []) parts.push(`From another run: ${part}.`);
  const start = renderStart(result);
  if (start) parts.push(start);
  for (const engine of result.engines) parts.push(renderEngine(engine));
  if (result.imports) parts.push(renderImport(result.imports));
  if (result.nationalExport) parts.push(renderNationalExport(result.nationalExport));
  return parts.join('\n\n');
}

export function renderNationalExport(e: NationalExport): string {
  const rows = Object.entries(e.rows)
    .map(([name, n]) => `${n.toLocaleString('en')} ${name}`)
    .join(', ');
  return [
    '### Export of every product of the nation (PostgreSQL)',
    '',
    `\`npm run bench -- --only export\`: a throwaway PostgreSQL with the national data's ${rows} only (loaded in ` +
      `${e.loadSeconds.toFixed(0)} s); the server started in ${(e.serverStartMs / 1000).toFixed(1)} s, idle ` +
      `${e.idleMb.toFixed(0)} MB after the national admin signed in.`,
    '',
    renderExports(e.results),
  ].join('\n');
}

export const README_START = '<!-- bench:start (npx tsx bench/report.ts --readme) -->';
export const README_END = '<!-- bench:end -->';

/** The README with the text between the markers replaced (markers kept); throws when they are missing. */
export function replaceSection(readme: string, table: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no "${README_START}" … "${README_END}" section`);
  return `${readme.slice(0, start + README_START.length)}\n\n${table}\n\n${readme.slice(end)}`;
}
