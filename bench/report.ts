/**
 * npx tsx bench/report.ts [--readme] [file.json …]
 * Renders a saved bench run (the newest in bench/results/ unless files are named) as the Markdown the README
 * carries; --readme replaces the README's section between the bench markers with it. Several files merge: a part
 * measured in a later file (`--only start|pg|pglite|import|export`) replaces the same part of the first, and the table says
 * which run each part comes from.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeRuns, type RunResult, renderMarkdown, replaceSection } from './table';

const newest = (dir: string) => {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!files.length) throw new Error(`no results in ${dir}: run npm run bench first`);
  return files[0];
};

const args = process.argv.slice(2);
const named = args.filter((a) => a.endsWith('.json'));
const files = named.length ? named : [newest('bench/results')];
const file = files.join(', ');
const table = renderMarkdown(mergeRuns(files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as RunResult)));
if (args.includes('--readme')) {
  writeFileSync('README.md', replaceSection(readFileSync('README.md', 'utf8'), table));
  // The tables as the repository's Biome check formats Markdown (aligned columns), so npm run check stays green.
  execFileSync('npx', ['biome', 'format', '--write', 'README.md'], { stdio: 'ignore' });
  console.log(`README.md: benchmark section from ${file}`);
} else {
  console.log(table);
}
