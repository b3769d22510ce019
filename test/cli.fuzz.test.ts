// The built CLI run with a couple of hundred random command lines — real commands, options and values, section queries,
// garbage and unicode, -f with files of every kind — each in a folder of its own under a temporary folder, with
// HOME and the XDG folders there too. Every run must end with 0, 1 or 2, no stack trace and no "unexpected error";
// nothing may be written outside the temporary folder. The seed is printed on failure: FC_SEED=… replays the runs;
// FUZZ_RUNS=3000 runs more of them.
import { beforeAll, describe, expect, jest, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { cleanEnv } from './helpers/cli.js';
import { fixturePath, repoPath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

jest.setTimeout(300_000);

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const PARALLEL = 4;
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() ^ (Math.random() * 0x7fffffff);

/** Files every run's folder starts with, for -f and -o to name; most of them notes that can be read. */
const INPUTS = ['notes.md', 'notes.md', 'crlf.md', 'hostile.md', 'folder', 'folder', '-', 'binary.md', 'empty', 'missing.md'];
const COMMANDS = ['list', 'show', 'search', 'export', 'edit', 'browse', 'completion', 'help', '__complete'];

const word = fc.stringMatching(/^[a-z]{1,10}$/);
/** Text that could be anything a user pastes, as a relative path at most: no leading / or ~, no .., no NUL. */
const garbage = fc
  .oneof(
    fc.string({ maxLength: 20, unit: 'binary' }),
    fc.string({ maxLength: 12, unit: 'grapheme' }),
    fc.constantFrom('\u001b[2J', '🤷', '%s', '$(id)', '`id`', "'", '"', '\\', '-', '--', '---x', '=', '#', '*', '?'),
  )
  .map((text) =>
    text
      .replace(/\u0000/g, '')
      .replace(/\.\./g, '.')
      .replace(/^[/~]+/, ''),
  );
const number = fc.constantFrom('0', '1', '2', '3', '-1', '20', '999999999999999999999', '1e3', 'NaN', '', ' 5', '0x10', '1.5');
const query = fc.oneof(
  word,
  fc.constantFrom(
    '1',
    '6.5',
    '7.6',
    'prometheus/alert',
    'helm',
    'agenda',
    'demo',
    '#demo-2',
    'notes.md#first',
    'kubecon-na-2022.md#alert',
    'zzzz',
  ),
  garbage,
);

/** One piece of a command line: a word, or an option with its value. */
const piece: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...COMMANDS, 'lsit').map((w) => [w]) },
  {
    weight: 3,
    arbitrary: fc.constantFrom('--json', '--raw', '--first', '--force', '--no-color', '--no-pager', '--search').map((w) => [w]),
  },
  { weight: 1, arbitrary: fc.constantFrom('-h', '--help', '-V', '--', '-', '-x', '--nope', '-fo').map((w) => [w]) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('-f', '--file'), fc.constantFrom(...INPUTS)).map(([o, v]) => [o, v]) },
  { weight: 1, arbitrary: fc.constantFrom(...INPUTS).map((v) => [`--file=${v}`]) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('-w', '--width', '-d', '--depth', '--limit'), number).map(([o, v]) => [o, v]) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('--format'), fc.oneof(fc.constantFrom('md', 'html', 'json', 'txt', 'pdf', ''), garbage))
      .map(([o, v]) => [o, v]),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('-o', '--output'),
        fc.oneof(fc.constantFrom('out.html', 'out.md', 'out.json', 'out.txt', 'out', '-', 'folder', 'no/such/folder/x.md'), garbage),
      )
      .map(([o, v]) => [o, v]),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('--in'), query).map(([o, v]) => [o, v]) },
  { weight: 1, arbitrary: fc.constantFrom('bash', 'zsh', 'fish', 'tcsh').map((w) => [w]) },
  { weight: 5, arbitrary: query.map((q) => [q]) },
);
/** Mostly a command first, as people type them, then options and words in any order. */
const commandLine = fc
  .tuple(fc.option(fc.constantFrom(...COMMANDS), { freq: 6, nil: undefined }), fc.array(piece, { maxLength: 5 }))
  .map(([command, pieces]) => [...(command ? [command] : []), ...pieces.flat()]);
const input = fc.constantFrom('', '## From stdin\n\ntext\n', '\u001b[2J## x\r\n', '\u0000binary');

let root: string;
const STACK_TRACE = /^\s+at .+:\d+(:\d+)?\)?$/m;

/** What the run may not change outside its temporary folder: the repository, and the real user's configuration. */
function outsideState(): string {
  const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: repoPath('.'), encoding: 'utf8' }).stdout;
  const notes = createHash('sha256')
    .update(readFileSync(repoPath('notes/kubecon-na-2022.md')))
    .digest('hex');
  const config = join(homedir(), '.config', 'kubenotes');
  return JSON.stringify({ status, notes, config: existsSync(config) ? readFileSync(join(config, 'config.json'), 'utf8') : null });
}

interface Run {
  args: string[];
  stdin: string;
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** One run in a folder of its own, with everything a program could write to pointed into the temporary folder. */
function runInFolder(index: number, args: string[], stdin: string): Promise<Run> {
  const cwd = join(root, 'runs', String(index));
  cpSync(join(root, 'inputs'), cwd, { recursive: true });
  const home = join(cwd, 'home');
  const env = cleanEnv({
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_DATA_HOME: join(home, '.local/share'),
    TMPDIR: join(cwd, 'tmp'),
    VISUAL: 'true', // an editor that opens and closes at once
  });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [repoPath('bin/kubenotes.js'), ...args], { cwd, env, timeout: 60_000 });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.on('error', () => {}); // kubenotes need not read its input
    child.stdin.end(stdin);
    child.on('close', (status, signal) => resolve({ args, stdin, status, signal, stderr }));
  });
}

beforeAll(() => {
  root = scratchFolder('kubenotes-fuzz-');
  const inputs = join(root, 'inputs');
  mkdirSync(join(inputs, 'folder/sub'), { recursive: true });
  mkdirSync(join(inputs, 'empty'));
  mkdirSync(join(inputs, 'home'));
  mkdirSync(join(inputs, 'tmp'));
  cpSync(repoPath('notes/kubecon-na-2022.md'), join(inputs, 'notes.md'));
  cpSync(fixturePath('crlf.md'), join(inputs, 'crlf.md'));
  cpSync(fixturePath('hostile-escapes.md'), join(inputs, 'hostile.md'));
  writeFileSync(join(inputs, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]));
  cpSync(fixturePath('folder'), join(inputs, 'folder'), { recursive: true });
  writeFileSync(join(inputs, 'folder/sub/front.md'), '---\ntitle: [broken\n---\n## Front\n');
});

describe(`${RUNS} random command lines (seed ${seed})`, () => {
  test('each ends with 0, 1 or 2, without a stack trace, writing nothing outside its folder', async () => {
    const before = outsideState();
    const cases = fc.sample(fc.tuple(commandLine, input), { seed, numRuns: RUNS });
    const runs: Run[] = [];
    for (let next = 0; next < cases.length; next += PARALLEL) {
      runs.push(...(await Promise.all(cases.slice(next, next + PARALLEL).map(([args, stdin], i) => runInFolder(next + i, args, stdin)))));
    }
    const failures = runs.filter(
      (run) => ![0, 1, 2].includes(run.status ?? -1) || STACK_TRACE.test(run.stderr) || /unexpected error/.test(run.stderr),
    );
    const report = failures
      .slice(0, 5)
      .map(
        (run) =>
          `kubenotes ${JSON.stringify(run.args)} (stdin ${JSON.stringify(run.stdin)}): status ${run.status}${run.signal ? ` (${run.signal})` : ''}\n${run.stderr}`,
      )
      .join('\n');
    expect(
      failures.length === 0
        ? ''
        : `seed ${seed} (replay: FC_SEED=${seed}); ${failures.length} of ${RUNS} runs failed, the first:\n${report}`,
    ).toBe('');
    expect(outsideState()).toBe(before);
    // every status was seen, so the runs reached past the option parser into the commands
    expect(new Set(runs.map((run) => run.status))).toEqual(new Set([0, 1, 2]));
  });
});
