// `npm run bench`: how long kubenotes takes, as a ratio to `node -e 0` measured in the same rounds of hyperfine, on the
// bundled notes and on a collection 400 times their size; and how much memory it takes. Prints Markdown tables
// (BENCHMARKS.md holds a run of them). Not part of `npm test`: it needs a quiet machine and a few minutes.
import { spawnSync } from 'node:child_process';
import { cpus, homedir, loadavg, tmpdir } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type GeneratedSite, writeSite } from './site.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const kubenotes = join(repo, 'bin', 'kubenotes.js');
const bundled = readFileSync(join(repo, 'notes', 'kubecon-na-2022.md'), 'utf8');
const node = process.execPath;
/** Runs of each small-notes row (at least 10 for the issue's medians), and of each large-notes row. */
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const SCALE_RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 10);

/** A Debian tool, installed with apt when missing (as root, as CI runs). */
function ensureTool(command: string, check: string[], pkg: string): void {
  if (spawnSync(command, check, { stdio: 'ignore' }).status === 0) return;
  console.error(`bench: installing ${pkg} with apt-get`);
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (install.status !== 0 || spawnSync(command, check, { stdio: 'ignore' }).status !== 0) {
    console.error(`bench: ${command} is needed and could not be installed (apt-get install ${pkg}, as root)`);
    process.exit(1);
  }
}

const quote = (word: string): string => (/^[\w./=:-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);
/**
 * Every command timed (`node -e 0` too) in the same environment on every run, as a user's shell runs it: hyperfine
 * gives each run a variable of its own length (to vary where memory lies), and kubenotes's answers are kept for one
 * environment. `env` costs each command, `node -e 0` included, one more exec.
 */
const steady = (command: string): string => `env -u HYPERFINE_RANDOMIZED_ENVIRONMENT_OFFSET ${command}`;
const commandLine = (args: string[]): string => steady([node, kubenotes, ...args].map(quote).join(' '));

interface Row {
  name: string;
  args: string[];
  /** A ratio to `node -e 0` the issue sets, or a time in seconds. */
  target?: { ratio?: number; seconds?: number };
  /** Runs with an empty cache (each run after the cache folder is removed). */
  cold?: boolean;
  /** A shell command run before each run instead (touching a file, say). */
  prepare?: string;
}

interface Result extends Row {
  median: number;
  ratio: number;
}

/**
 * `node -e 0` and the rows timed in rounds, medians in seconds: each round runs every command of a group once (one
 * hyperfine run of each), so that a command and `node -e 0` share the machine's minute. On this VM its speed moves by
 * half within minutes, and a command's runs back to back, as hyperfine makes them, could fall in a slow one while
 * `node -e 0`'s fell in a fast one. Rows that start without a cache, or after a `prepare`, are rounds of their own
 * (with their own `node -e 0`): deleting the cache between two cached rows would make the second a first run. A
 * first round warms each command (hyperfine's warm-up runs, which also fill the cache) and is not counted.
 */
function hyperfine(rows: Row[], runs: number, env: NodeJS.ProcessEnv, cache: string): Result[] {
  const kindOf = (row: Row): string => (row.cold ? 'cold' : row.prepare !== undefined ? `prepare ${row.prepare}` : 'cached');
  const results = new Map<Row, Result>();
  for (const kind of new Set(rows.map(kindOf))) {
    const group = rows.filter((row) => kindOf(row) === kind);
    const times = rounds(group, runs, env, cache);
    // `node -e 0` first and last of each round: a burst of load during one of them would flatter every ratio
    const floor = Math.min(median(times[0]), median(times[times.length - 1]));
    group.forEach((row, i) => results.set(row, { ...row, median: median(times[i + 1]), ratio: median(times[i + 1]) / floor }));
  }
  return rows.map((row) => results.get(row)!);
}

/** The times in seconds of `node -e 0`, each row, and `node -e 0` again, one of each a round, `runs` rounds. */
function rounds(rows: Row[], runs: number, env: NodeJS.ProcessEnv, cache: string): number[][] {
  const json = join(tmpdir(), `kubenotes-bench-${process.pid}.json`);
  const commands = ['--prepare', 'true', steady(`${quote(node)} -e 0`)];
  for (const row of rows) commands.push('--prepare', row.prepare ?? (row.cold ? `rm -rf ${quote(cache)}` : 'true'), commandLine(row.args));
  commands.push('--prepare', 'true', steady(`${quote(node)} -e 0`));
  const times: number[][] = Array.from({ length: rows.length + 2 }, () => []);
  for (let round = 0; round <= runs; round++) {
    const warmup = round === 0 ? '3' : '0';
    const args = ['-N', '--warmup', warmup, '--runs', '1', '--style', 'none', '--export-json', json, ...commands];
    // its warnings about outliers go unseen: the load average printed with the results says how quiet it was
    const run = spawnSync('hyperfine', args, { stdio: ['ignore', 'ignore', 'pipe'], env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`hyperfine failed (${run.status}): ${run.stderr}`);
    const { results } = JSON.parse(readFileSync(json, 'utf8')) as { results: Array<{ times: number[] }> };
    if (round > 0) results.forEach((result, i) => times[i].push(result.times[0]));
  }
  rmSync(json, { force: true });
  return times;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Peak resident memory in MB of the slowest of three runs (GNU time's %M, in KB), each after `prepare` (a command
 * line of words, as hyperfine runs it without a shell).
 */
function peakMemory(args: string[], env: NodeJS.ProcessEnv, cold: boolean, cache: string, prepare?: string): number {
  let peak = 0;
  for (let i = 0; i < 3; i++) {
    if (cold) rmSync(cache, { recursive: true, force: true });
    if (prepare) spawnSync(prepare.split(' ')[0], prepare.split(' ').slice(1), { env, stdio: 'ignore' });
    const run = spawnSync('/usr/bin/time', ['-f', '%M', node, kubenotes, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
    const kb = Number(run.stderr.trim().split('\n').pop());
    peak = Math.max(peak, kb / 1024);
  }
  return peak;
}

const ms = (seconds: number): string => `${(seconds * 1000).toFixed(0)} ms`;
const verdict = (result: Result): string => {
  const { ratio, seconds } = result.target ?? {};
  if (ratio !== undefined)
    return result.ratio <= ratio ? `≤ ${ratio}× ✓` : `≤ ${ratio}× ✗ (+${((result.ratio / ratio - 1) * 100).toFixed(0)}%)`;
  if (seconds !== undefined) return result.median <= seconds ? `≤ ${seconds} s ✓` : `≤ ${seconds} s ✗`;
  return '';
};

function table(results: Result[], floor?: number): string {
  const lines = ['| command | median | × `node -e 0` | target |', '| --- | --- | --- | --- |'];
  if (floor !== undefined) lines.push(`| \`node -e 0\` | ${ms(floor)} | 1.00 | |`);
  for (const result of results)
    lines.push(
      `| \`kubenotes ${result.args.join(' ')}\`${result.name ? ` (${result.name})` : ''} | ${ms(result.median)} | ${result.ratio.toFixed(2)} | ${verdict(result)} |`,
    );
  return lines.join('\n');
}

function machine(): string {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
  return `${new Date().toISOString()} · ${cpus().length} CPUs (nproc ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()}), ${cpu} · Node ${process.version} · load average ${load}`;
}

interface Bench {
  work: string;
  env: NodeJS.ProcessEnv;
  cache: string;
}

function bundledSection({ env, cache }: Bench): void {
  console.log(`### The bundled notes (${(Buffer.byteLength(bundled) / 1024).toFixed(0)} kB), ${RUNS} runs each, cache warm\n`);
  // a command run another way than before: the program runs, on the notes and outputs the cache keeps (no shell
  // runs it: the pattern is find's)
  const unanswered = forget(cache, ['answer']);
  const plain = hyperfine(
    [
      { name: '', args: ['--version'], target: { ratio: 1.15 } },
      { name: '', args: ['--help'], target: { ratio: 1.15 } },
      { name: '', args: ['list'], target: { ratio: 1.25 } },
      { name: '', args: ['list', '--json'], target: { ratio: 1.25 } },
      { name: '', args: ['search', 'helm'], target: { ratio: 1.35 } },
      { name: 'no cache', args: ['list'], cold: true },
      { name: 'without its answer', args: ['list'], prepare: unanswered },
      { name: 'without its answer', args: ['search', 'helm'], prepare: unanswered },
    ],
    RUNS,
    env,
    cache,
  );
  const colour = hyperfine(
    [
      { name: 'colour on', args: ['show', '7'], target: { ratio: 1.5 } },
      { name: 'colour on, a Mermaid diagram', args: ['show', '6.4'], target: { ratio: 2.0 } },
      { name: 'colour on, without its answer', args: ['show', '7'], prepare: unanswered },
    ],
    RUNS,
    { ...env, FORCE_COLOR: '1' },
    cache,
  );
  console.log(
    `${table([...plain, ...colour])}\n\n(\`show\` rows in a run of their own with FORCE_COLOR=1, against its own \`node -e 0\`.)\n`,
  );
}

function scaleSection({ work, env, cache }: Bench): void {
  const large = join(work, 'kubecon-400x.md');
  writeFileSync(large, bundled.repeat(400));
  // the memory that issue #7 asks about: 20 MB, and 100 MB, just under the 100 MiB that kubenotes reads at most
  const huge = [20, 100].map((megabytes) => {
    const file = join(work, `kubecon-${megabytes}mb.md`);
    writeFileSync(file, bundled.repeat(Math.floor((megabytes * 1e6) / Buffer.byteLength(bundled))));
    return file;
  });
  console.log(`### 400 times the bundled notes (${(readFileSync(large).length / 1e6).toFixed(1)} MB), ${SCALE_RUNS} runs each\n`);
  const scaleRows = (cold: boolean): Row[] => [
    { name: cold ? 'first run' : 'cached', args: ['-f', large, 'list'], target: { seconds: 1.0 }, cold },
    { name: cold ? 'first run' : 'cached', args: ['-f', large, 'search', 'helm'], target: { seconds: 1.5 }, cold },
    { name: cold ? 'first run' : 'cached', args: ['-f', large, 'show', '7'], target: { seconds: 1.0 }, cold },
  ];
  const scale = hyperfine([...scaleRows(true), ...scaleRows(false)], SCALE_RUNS, env, cache);
  const lines = ['| command | median | peak memory | target |', '| --- | --- | --- | --- |'];
  for (const result of scale) {
    const peak = peakMemory(result.args, env, Boolean(result.cold), cache);
    lines.push(
      `| \`kubenotes ${result.args.join(' ').replace(large, '400x.md')}\` (${result.name}) | ${ms(result.median)} | ${peak.toFixed(0)} MB ${peak <= 300 ? '✓' : '✗'} | ${verdict(result)} |`,
    );
  }
  for (const file of huge) {
    const megabytes = (statSync(file).size / 1e6).toFixed(0);
    lines.push(
      `| \`kubenotes -f ${megabytes}mb.md list\` (first run, ${megabytes} MB) | | ${peakMemory(['-f', file, 'list'], env, true, cache).toFixed(0)} MB | |`,
    );
  }
  console.log(`${lines.join('\n')}\n`);
}

function growthSection({ work, env, cache }: Bench): void {
  console.log('### How the cost grows with the size of the notes (5 runs each)\n');
  const growth = [
    '| copies | size | list, first run | list, cached | search, first run | search, cached | show, cached | peak memory (first list) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const copies of [1, 25, 100, 400]) {
    const file = join(work, `x${copies}.md`);
    writeFileSync(file, bundled.repeat(copies));
    const runs = hyperfine(
      [
        { name: '', args: ['-f', file, 'list'], cold: true },
        { name: '', args: ['-f', file, 'list'] },
        { name: '', args: ['-f', file, 'search', 'helm'], cold: true },
        { name: '', args: ['-f', file, 'search', 'helm'] },
        { name: '', args: ['-f', file, 'show', '7'] },
      ],
      5,
      env,
      cache,
    );
    const peak = peakMemory(['-f', file, 'list'], env, true, cache);
    growth.push(
      `| ${copies} | ${(readFileSync(file).length / 1e6).toFixed(2)} MB | ${runs.map((r) => ms(r.median)).join(' | ')} | ${peak.toFixed(0)} MB |`,
    );
  }
  console.log(`${growth.join('\n')}\n`);
}

/** The command line that deletes the cache's entries of these kinds (no shell runs it: the patterns are find's). */
const forget = (cache: string, kinds: string[]): string =>
  `find ${quote(cache)} ( ${kinds.map((kind) => `-name *.${kind}`).join(' -o ')} ) -delete`;

/** Rows for a generated site folder, with the issue's targets where it sets them (`large`: the 10,000-file site). */
function siteRows(site: GeneratedSite, large: boolean, cache: string): Row[] {
  const f = ['-f', site.root];
  const seconds = (value: number) => (large ? { seconds: value } : undefined);
  const rows: Row[] = [
    { name: 'first run', args: [...f, 'list'], cold: true, target: large ? { seconds: 20 } : { ratio: 8 } },
    { name: 'cached', args: [...f, 'list'] },
    { name: 'cached, pages only', args: [...f, 'list', '--depth', '0'], target: seconds(1) },
    { name: 'a common word', args: [...f, 'search', 'cluster'], target: seconds(1) },
    { name: 'a rare word', args: [...f, 'search', 'quasar'] },
    { name: 'a typo', args: [...f, 'search', 'certifcate'] },
    { name: 'a phrase', args: [...f, 'search', '"canary traffic"'] },
    { name: 'a page by its title', args: [...f, 'show', site.pageTitle], target: seconds(1) },
    // every fifth heading of a page has a subsection (site.ts), the first page's fifth among them: 3.2 is no section
    { name: 'a section by number', args: [...f, 'show', '5.1'] },
    { name: 'after touching one file', args: [...f, 'list'], prepare: `touch ${quote(join(site.root, site.pagePath))}` },
    // the rows above are answered from what the same command printed or cut before; these from the notes entry
    // alone, as a word or a page not asked for before is: no kept hits, no blocks cut before, nothing shown before
    {
      name: 'a word not searched before',
      args: [...f, 'search', 'traffic'],
      prepare: forget(cache, ['answer', 'search', 'blocks', 'recent-blocks']),
    },
    { name: 'a word of a title, not shown before', args: [...f, 'show', 'sidecar'], prepare: forget(cache, ['answer', 'show']) },
  ];
  if (!large) rows.push({ name: 'the whole folder as HTML', args: [...f, 'export', '--format', 'html'] });
  return rows;
}

/** Generated folders in the shape of a docs site: 500 files (~4 MB) and, with BENCH_LARGE=1, 10,000 (~100 MB). */
function foldersSection({ work, env, cache }: Bench): void {
  const sizes = process.env.BENCH_LARGE === '1' ? [500, 10_000] : [500];
  for (const files of sizes) {
    const large = files > 1000;
    const site = writeSite(join(work, `site-${files}`), files, large ? 7 : 5);
    const runs = large ? 3 : SCALE_RUNS;
    console.log(`### A generated site of ${files} files (${(site.bytes / 1e6).toFixed(1)} MB), ${runs} runs each\n`);
    // a row this build refuses (an option it does not have yet) is left out, and said so
    const rows = siteRows(site, large, cache).filter((row) => {
      const probe = spawnSync(node, [kubenotes, ...row.args], { env, stdio: 'ignore' });
      if (probe.status !== 0) console.log(`(left out: \`kubenotes ${row.args.slice(2).join(' ')}\` exits ${probe.status} in this build)\n`);
      return probe.status === 0;
    });
    // the same commands on the bundled notes, for the issue's "as fast as one file" ratios
    const reference = large
      ? []
      : [
          { name: 'the bundled notes, cached', args: ['list'] },
          { name: 'the bundled notes, cached', args: ['search', 'cluster'] },
          { name: 'the bundled notes, cached', args: ['show', 'prometheus'] },
        ];
    const results = hyperfine([...reference, ...rows], runs, env, cache);
    console.log(`${table(results.map((r) => ({ ...r, args: r.args.map((a) => (a === site.root ? `site-${files}` : a)) })))}\n`);
    if (!large) console.log(`${relativeTargets(results).join('\n')}\n`);
    const memory = rows
      // the first list, and the searches that go through the most owners: a common word's, a typo's, a phrase's (whose
      // words' owners are many, each one's blocks cut to be matched)
      .filter((row) => row.cold || ['a common word', 'a typo', 'a phrase', 'a word not searched before'].includes(row.name ?? ''))
      .map(
        (row) =>
          `${row.args.slice(2).join(' ')} (${row.name}): ${peakMemory(row.args, env, Boolean(row.cold), cache, row.prepare).toFixed(0)} MB`,
      );
    console.log(`Peak memory: ${memory.join('; ')}${large ? ' (target ≤ 400 MB)' : ''}.\n`);
  }
}

/** The 500-file targets that compare one row with another: a folder as fast as one file, a change as fast as none. */
function relativeTargets(results: Result[]): string[] {
  const find = (name: string, command: string): Result | undefined => results.find((r) => r.name === name && r.args.includes(command));
  const pairs: Array<[string, Result | undefined, Result | undefined, number]> = [
    ["cached `list` / the bundled notes' `list`", find('cached', 'list'), find('the bundled notes, cached', 'list'), 1.3],
    ["cached `search` / the bundled notes' `search`", find('a common word', 'search'), find('the bundled notes, cached', 'search'), 1.5],
    ["`show` of a page / the bundled notes' `show`", find('a page by its title', 'show'), find('the bundled notes, cached', 'show'), 1.5],
    ['`list` after touching one file / cached `list`', find('after touching one file', 'list'), find('cached', 'list'), 1.5],
  ];
  return pairs.flatMap(([label, row, base, target]) => {
    if (!row || !base) return [];
    const ratio = row.median / base.median;
    return [`- ${label}: ${ratio.toFixed(2)}× (target ≤ ${target}×) ${ratio <= target ? '✓' : '✗'}`];
  });
}

const SECTIONS: Record<string, (bench: Bench) => void> = {
  bundled: bundledSection,
  scale: scaleSection,
  growth: growthSection,
  folders: foldersSection,
};

function main(): void {
  ensureTool('hyperfine', ['--version'], 'hyperfine');
  ensureTool('/usr/bin/time', ['-f', '%M', 'true'], 'time');
  if (!existsSync(join(repo, 'dist', 'main.js'))) throw new Error('bench: build first (npm run build)');

  const work = mkdtempSync(join(tmpdir(), 'kubenotes-bench-'));
  // the cache where a user's is, in the user's cache folder: making a file costs what the folder above it makes it
  // cost, and a first run makes an entry a file (on this VM, in a new folder under its /tmp, a directory of 114 kB,
  // several times what it costs in one under the home folder, on the same disk)
  const userCache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  mkdirSync(userCache, { recursive: true });
  const cacheHome = mkdtempSync(join(userCache, 'kubenotes-bench-'));
  const cache = join(cacheHome, 'kubenotes');
  mkdirSync(join(work, 'config'));
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: cacheHome, XDG_CONFIG_HOME: join(work, 'config') };
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'KUBENOTES_FILE', 'PAGER', 'COLUMNS']) delete env[name];

  // `npm run bench -- --only folders` runs one section
  const only = process.argv.indexOf('--only');
  const chosen = only === -1 ? Object.keys(SECTIONS) : process.argv[only + 1].split(',');
  console.log(`## kubenotes benchmark\n\n${machine()}\n`);
  for (const name of chosen) {
    if (!SECTIONS[name]) throw new Error(`bench: no section ${name} (sections: ${Object.keys(SECTIONS).join(', ')})`);
    SECTIONS[name]({ work, env, cache });
  }
  console.log(
    `Load average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  rmSync(work, { recursive: true, force: true });
  rmSync(cacheHome, { recursive: true, force: true });
}

main();
