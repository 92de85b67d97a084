import { describe, expect, it } from 'vitest';
import {
  type EndpointResult,
  type EngineResult,
  judge,
  type Measured,
  mergeRuns,
  README_END,
  README_START,
  type RunResult,
  renderEngine,
  renderMarkdown,
  replaceSection,
  targetFor,
} from './table';

const measured = (p95: number, rps: number, extra: Partial<Measured> = {}): Measured => ({
  p50: p95 / 2,
  p95,
  p99: p95 * 1.2,
  rps,
  requests: 100,
  errors: 0,
  extraMb: 10,
  ...extra,
});

const row = (at: Record<string, Measured>, extra: Partial<EndpointResult> = {}): EndpointResult => ({
  name: 'products, national, first page',
  kind: 'list',
  path: '/api/products',
  at,
  target: {},
  ...extra,
});

describe('judge', () => {
  it('judges latency at the highest concurrency, not at one connection', () => {
    const result = row({ 1: measured(20, 100), 50: measured(80, 1600) });
    expect(judge(result, { p95Ms: 50 })).toEqual({ verdict: 'missed', target: 'p95 < 50 ms', missed: ['p95 80.0 ms'] });
    expect(judge(result, { p95Ms: 100, minRps: 1500 }).verdict).toBe('met');
  });

  it('misses on throughput, on the ratio to raw SQL and on a missing ratio', () => {
    const result = row({ 1: measured(20, 100), 50: measured(40, 900) }, { rawRatio: 3.4 });
    expect(judge(result, { minRps: 1500 }).missed).toEqual(['900 req/s']);
    expect(judge(result, { rawRatio: 3 }).missed).toEqual(['3.4× raw']);
    expect(judge({ ...result, rawRatio: undefined }, { rawRatio: 3 }).missed).toEqual(['?× raw']);
  });

  it('judges an export by one response at one connection and by the most memory at any concurrency', () => {
    const result = row({ 1: measured(9000, 0.1, { p50: 9500, extraMb: 120 }), 50: measured(60_000, 0.8, { extraMb: 310 }) });
    expect(judge(result, { maxSeconds: 10, maxExtraMb: 300 }).missed).toEqual(['310 MB extra']);
    expect(judge(result, { maxSeconds: 9 }).missed).toEqual(['9.5 s']);
  });

  it('never calls a row with errors or without figures met', () => {
    expect(judge(row({ 1: measured(5, 100), 50: measured(5, 5000, { errors: 3 }) }), { p95Ms: 50 }).missed).toEqual(['errors']);
    expect(judge(row({}, { error: 'GET /api/x: 500' }), { p95Ms: 50 }).missed).toEqual(['not measured']);
  });

  it('has no verdict without a target', () => {
    expect(judge(row({ 1: measured(5, 100) }), {})).toEqual({ verdict: 'none', target: '–', missed: [] });
  });
});

describe('targetFor', () => {
  it("keeps the issue's targets on PostgreSQL and holds every PGlite page to 300 ms", () => {
    expect(targetFor('postgresql', 'summary', { p95Ms: 150, rawRatio: 3 })).toEqual({ p95Ms: 150, rawRatio: 3 });
    expect(targetFor('pglite', 'summary', { p95Ms: 150, rawRatio: 3 })).toEqual({ p95Ms: 300 });
    expect(targetFor('pglite', 'write', { minRps: 1000 })).toEqual({});
  });
});

describe('renderEngine', () => {
  const engine: EngineResult = {
    engine: 'postgresql',
    scale: 'national',
    rows: { products: 250_000 },
    loadSeconds: 100,
    connections: [1, 50],
    serverStartMs: 1500,
    idleMb: 120,
    peakMb: 400,
    rawNote: 'Raw SQL through pg.',
    endpoints: [
      row(
        { 1: measured(10, 200), 50: measured(60, 1400, { errors: 2, failures: { 503: 2 } }) },
        { target: { p95Ms: 50, minRps: 1500 }, rawP50: 4, rawRatio: 1.25, healthRatio: 5, note: 'a note' },
      ),
      row({}, { name: 'XLSX export', kind: 'export', error: 'GET /api/x.xlsx: 404 | not found', target: { maxSeconds: 10 } }),
    ],
  };
  const text = renderEngine(engine);

  it('puts every figure beside its target and marks what missed', () => {
    expect(text).toContain('### PostgreSQL, national scale');
    expect(text).toContain('| endpoint | 1 conn | 50 conn |');
    expect(text).toContain(
      '| products, national, first page [1] | 5.00 / 10.0 / 12.0 · 200 | 30.0 / 60.0 / 72.0 · 1400 (2× 503) | 4.00 | 1.3 | 5.0 | 10 | p95 < 50 ms, ≥ 1,500 req/s | **missed** (p95 60.0 ms, 1400 req/s, errors) |',
    );
    expect(text).toContain('[1] a note');
  });

  it('shows a row that could not be measured, its pipes escaped so the table holds', () => {
    expect(text).toContain('| XLSX export | not measured: GET /api/x.xlsx: 404 \\| not found |');
  });
});

describe('replaceSection', () => {
  it('replaces only what lies between the markers', () => {
    const readme = `# T\n\nbefore\n${README_START}\nold table\n${README_END}\nafter\n`;
    expect(replaceSection(readme, '| new |')).toBe(`# T\n\nbefore\n${README_START}\n\n| new |\n\n${README_END}\nafter\n`);
  });

  it('refuses a README without the markers', () => {
    expect(() => replaceSection('# T\n', 'x')).toThrow(/bench:start/);
  });
});

describe('mergeRuns', () => {
  const machine = { cpu: 'x', cores: 2, memoryGb: 24, node: 'v20', pglite: '0.5' };
  const engine = (kind: 'postgresql' | 'pglite', idleMb: number) =>
    ({
      engine: kind,
      scale: 's',
      rows: {},
      loadSeconds: 1,
      connections: [1],
      serverStartMs: 1,
      idleMb,
      peakMb: 1,
      rawNote: '',
      endpoints: [],
    }) as EngineResult;
  const run = (over: Partial<RunResult>): RunResult => ({
    date: 'd1',
    commit: 'c1',
    quick: false,
    seconds: 3,
    machine,
    engines: [],
    ...over,
  });

  it('puts the parts a later run measured in place of the first run’s, and says where they come from', () => {
    const first = run({
      start: { coldMs: 1, restartMs: 2, webBuilt: false },
      engines: [engine('postgresql', 100), engine('pglite', 50)],
    });
    const later = run({
      date: 'd2',
      commit: 'c2',
      engines: [engine('pglite', 70)],
      imports: { rows: 50_000, fileMb: 3, dryRunSeconds: 12, dryRunExtraMb: 200 },
    });
    const merged = mergeRuns([first, later]);
    expect(merged.start).toEqual(first.start);
    expect(merged.engines.map((e) => [e.engine, e.idleMb])).toEqual([
      ['postgresql', 100],
      ['pglite', 70],
    ]);
    expect(merged.imports?.dryRunSeconds).toBe(12);
    const text = renderMarkdown(merged);
    expect(text).toContain('From another run: PGlite, the import: measured d2 at commit c2.');
    expect(text).toContain('| dry run (upload to report, ? rows rejected) | 12.0 | 200 | ✓ |');
  });
});

describe('the portal catalog rows', () => {
  it('judge its JavaScript against 100 KB and its throttled phone load against 2.5 s', () => {
    const result: RunResult = {
      date: 'd',
      commit: 'c',
      quick: false,
      seconds: 3,
      machine: { cpu: 'x', cores: 2, memoryGb: 24, node: 'v20', pglite: '0.5' },
      engines: [],
      start: { coldMs: 1000, restartMs: 1000, webBuilt: false },
      portalLoad: { path: '/portal/products?q=%E0%B8%9C', jsKb: 0, totalKb: 61.4, loadMs: 2700, runs: 3 },
    };
    const text = renderMarkdown(result);
    expect(text).toContain('| portal catalog `/portal/products?q=ผ`: JavaScript, compressed | 0.0 KB | < 100 KB | met |');
    expect(text).toContain('| portal catalog `/portal/products?q=ผ`: everything, compressed | 61 KB | – | – |');
    expect(text).toMatch(
      /load on a phone \(1\.6 Mbps down, 150 ms RTT, CPU 4× slower; median of 3\) \| 2\.7 s \| < 2\.5 s \| \*\*missed\*\* \|/,
    );
  });
});
