// The built CLI run as a user runs it: argv, environment, stdin (a pipe), exit codes, stdout and stderr apart.
import { describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, runCli } from './helpers/cli.js';
import { bundledLine, fixturePath, repoPath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

const ANSI = /\u001b\[/;
const STACK_TRACE = /^\s+at .+\(.+:\d+:\d+\)$/m;
const bundled = repoPath('notes/kubecon-na-2022.md');
const scratch = scratchFolder('kubenotes-e2e-');
const sectionTitles = (stdout: string): string[] => JSON.parse(stdout).sections.map((s: { title: string }) => s.title);

describe('list', () => {
  test('the bundled notes: eight talks numbered 1–8 with presenters, on stdout, no colour when piped', () => {
    const { stdout, stderr, status } = runCli(['list']);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(ANSI);
    const talks = stdout.split('\n').filter((line) => /^\d+ {2}/.test(line));
    expect(talks.map((line) => line.split(' ')[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(stdout).toContain('7  Prometheus - Intro, Deep Dive, And Open Q+A\n   Goutham Veeramachaneni & Ganesh Vernekar, Grafana Labs\n');
    expect(stdout).toContain('  7.6   Alert\n');
    expect(stdout).not.toContain('Contents');
  });

  test('--depth 1 shows only the talks; --depth 3 shows deeper sections', () => {
    expect(runCli(['list', '--depth', '1']).stdout).not.toContain('7.6');
    expect(runCli(['list', '--depth', '3']).stdout).toContain('1.2.1  Design tenants');
    expect(runCli(['list', '--depth', '2']).stdout).not.toContain('Design tenants');
  });

  test('--json: the title and every section in document order with the contract fields', () => {
    const { stdout, status } = runCli(['list', '--json']);
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.title).toBe('Session Notes and Thoughts');
    expect(Object.keys(json.sections[1])).toEqual(['id', 'number', 'title', 'level', 'path', 'line', 'file', 'meta']);
    expect(json.sections[1]).toMatchObject({
      number: '1',
      level: 2,
      line: bundledLine('## Extend Your Microservices'),
      file: 'kubecon-na-2022.md',
    });
    expect(json.sections.map((s: { line: number }) => s.line)).toEqual(
      [...json.sections.map((s: { line: number }) => s.line)].sort((a, b) => a - b),
    );
  });

  test('--depth takes a whole number', () => {
    const { stderr, status } = runCli(['list', '--depth', 'two']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/--depth/);
  });
});

describe('show', () => {
  test('renders a section as text on stdout', () => {
    const { stdout, stderr, status } = runCli(['show', 'prometheus/alert']);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Alert');
    expect(stdout).toContain('Configure alerts based on a matching time series');
    expect(stdout).not.toMatch(ANSI);
  });

  test('query words are joined; --raw prints the exact source', () => {
    const { stdout, status } = runCli(['show', '--raw', 'chart', 'storage']);
    expect(status).toBe(0);
    const source = readFileSync(bundled, 'utf8');
    expect(source).toContain(stdout);
    expect(stdout.startsWith('### Chart Storage\n')).toBe(true);
  });

  test('several equal matches are all shown, each under its path; --first only the best', () => {
    const all = runCli(['show', 'agenda']).stdout;
    expect(all).toContain('3.1  How Intuit Manages Cloud Resources Via GitOps › Agenda');
    expect(all).toContain('5.1  How To Build Production Grade DevOps Platform Using Argoproj › Agenda');
    const first = JSON.parse(runCli(['show', '--first', '--json', 'agenda']).stdout);
    expect(first.map((s: { number: string }) => s.number)).toEqual(['3.1']);
  });

  test('--json: an array of sections with their markdown', () => {
    const [section] = JSON.parse(runCli(['show', '--json', '6.5']).stdout);
    expect(section).toMatchObject({ id: 'chart-storage', number: '6.5', path: ['Learn About Helm and its Ecosystem', 'Chart Storage'] });
    expect(section.markdown).toMatch(/^### Chart Storage\n/);
  });

  test('no match: exit 1, nothing on stdout, the closest titles on stderr', () => {
    const { stdout, stderr, status } = runCli(['show', 'prometheus', 'alrting']);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^kubenotes: no section matches "prometheus alrting"\ndid you mean: .*"Alert"/);
  });

  test('a missing query is a usage error', () => {
    const { stderr, status } = runCli(['show']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/missing required argument/);
  });
});

describe('choosing the notes', () => {
  test('--file before or after the subcommand', () => {
    const before = runCli(['--file', fixturePath('outline.md'), 'list', '--json']);
    const after = runCli(['list', '--json', '-f', fixturePath('outline.md')]);
    expect(before.status).toBe(0);
    expect(sectionTitles(before.stdout)).toContain('Alpha talk');
    expect(after.stdout).toBe(before.stdout);
  });

  test('--file is repeatable: the files are read as one collection, numbered on', () => {
    const { stdout } = runCli(['list', '--json', '-f', fixturePath('outline.md'), '-f', fixturePath('crlf.md')]);
    const sections = JSON.parse(stdout).sections;
    expect(sections.map((s: { file: string; number: string }) => `${s.number}`)).toEqual([
      'null',
      '1',
      '1.1',
      '1.1.1',
      '1.2',
      '2',
      '2.1',
      '3',
      '4',
      '4.1',
      '5',
    ]);
    expect(sections.at(-1).file).toMatch(/test\/fixtures\/crlf\.md$/);
  });

  test('KUBENOTES_FILE names the notes; --file wins over it', () => {
    const env = cleanEnv({ KUBENOTES_FILE: fixturePath('crlf.md') });
    expect(sectionTitles(runCli(['list', '--json'], { env }).stdout)).toEqual(['First', 'Second', 'Third']);
    expect(sectionTitles(runCli(['list', '--json', '-f', fixturePath('outline.md')], { env }).stdout)).toContain('Beta');
  });

  test('- reads standard input', () => {
    const { stdout, status } = runCli(['-f', '-', 'show', '--raw', 'beta'], { input: '## Alpha\n\na\n\n## Beta\n\nb\n' });
    expect(status).toBe(0);
    expect(stdout).toBe('## Beta\n\nb\n');
    expect(JSON.parse(runCli(['list', '--json', '-f', '-'], { input: '## X\n' }).stdout).sections[0].file).toBe('<stdin>');
  });

  test('a folder: every .md and .markdown file below it, by path, other files ignored', () => {
    const { stdout, status } = runCli(['list', '--json', '-f', fixturePath('folder')]);
    expect(status).toBe(0);
    const sections = JSON.parse(stdout).sections;
    expect(sections.map((s: { file: string; number: string }) => `${s.file} ${s.number}`)).toEqual([
      'a.md 1',
      'a.md 2',
      'sub/b.markdown 3',
    ]);
  });

  test('the bundled notes are the default wherever kubenotes runs from', () => {
    const { stdout, status } = runCli(['list', '--json'], { cwd: tmpdir() });
    expect(status).toBe(0);
    expect(JSON.parse(stdout).title).toBe('Session Notes and Thoughts');
  });
});

describe('errors: a message on stderr, exit 2, never a stack trace', () => {
  const binary = join(scratch, 'image.png');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  const empty = mkdtempSync(join(scratch, 'empty-'));
  writeFileSync(join(empty, 'notes.txt'), 'not markdown');
  test.each([
    [
      'an unknown command, with a suggestion',
      ['lst'],
      /^kubenotes: unknown command 'lst' \(Did you mean list\?\) \(see 'kubenotes help'\)\n$/,
    ],
    ['an unknown option', ['list', '--jsn'], /unknown option '--jsn'/],
    ['a missing file', ['list', '-f', join(scratch, 'missing.md')], /missing\.md: no such file or folder/],
    ['a binary file', ['list', '-f', binary], /image\.png: not a text file/],
    ['a folder without notes', ['list', '-f', empty], /empty-\w+: no Markdown notes/],
  ])('%s', (_name, args, message) => {
    const { stdout, stderr, status } = runCli(args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/^kubenotes: /);
    expect(stderr).not.toMatch(STACK_TRACE);
  });

  test.each([
    ['a missing argument', ['show'], "kubenotes: missing required argument 'query' (see 'kubenotes help show')\n"],
    [
      'an unknown option, its suggestion kept',
      ['search', '--limt', '3', 'helm'],
      "kubenotes: unknown option '--limt' (Did you mean --limit?) (see 'kubenotes help search')\n",
    ],
    [
      'an invalid option value',
      ['list', '--depth', 'x'],
      "kubenotes: option '-d, --depth <n>' argument 'x' is invalid. expected a whole number of 0 or more (see 'kubenotes help list')\n",
    ],
    [
      "a usage error of kubenotes's own",
      ['search', ' '],
      "kubenotes: search: the query is empty; give words to look for (see 'kubenotes help search')\n",
    ],
    ['an unknown global option', ['--bogus'], "kubenotes: unknown option '--bogus' (see 'kubenotes help')\n"],
  ])("usage errors in kubenotes's voice, with where to read more: %s", (_name, args, stderr) => {
    expect(runCli(args)).toEqual({ stdout: '', stderr, status: 2 });
  });
});

describe('version, help and the bare command', () => {
  test('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(repoPath('package.json'), 'utf8'));
    expect(runCli(['--version'])).toEqual({ stdout: `${version}\n`, stderr: '', status: 0 });
  });

  test('no command without a terminal prints the help and exits 0', () => {
    const { stdout, status } = runCli([]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: kubenotes/);
    expect(stdout).toMatch(/list/);
    expect(stdout).toMatch(/show/);
  });
});

describe('colour and paging', () => {
  test('FORCE_COLOR gives colour when piped; --no-color wins over it; NO_COLOR turns it off', () => {
    expect(runCli(['list'], { env: cleanEnv({ FORCE_COLOR: '1' }) }).stdout).toMatch(ANSI);
    expect(runCli(['list', '--no-color'], { env: cleanEnv({ FORCE_COLOR: '1' }) }).stdout).not.toMatch(ANSI);
    expect(runCli(['show', 'alert'], { env: cleanEnv({ FORCE_COLOR: '1' }) }).stdout).toMatch(ANSI);
    expect(runCli(['show', 'alert'], { env: cleanEnv({ NO_COLOR: '1' }) }).stdout).not.toMatch(ANSI);
  });

  test('a pager never starts when stdout is not a terminal', () => {
    const marker = join(scratch, 'pager-ran');
    const { stdout } = runCli(['show', 'prometheus'], { env: cleanEnv({ PAGER: `touch ${marker}` }) });
    expect(stdout).toContain('Prometheus');
    expect(existsSync(marker)).toBe(false);
  });
});
