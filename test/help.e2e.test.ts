// Help as a user reads it: every command listed with its summary, each command's options and examples (which run),
// the man page made from the same program and the manual in docs/, and the manual's option tables kept to the program's.
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { runCli } from './helpers/cli.js';
import { repoPath } from './helpers/notes.js';

/** The program's commands, as completion lists them: every command a user can name, whoever added it. */
const commands = runCli(['__complete', '--', ''])
  .stdout.trim()
  .split('\n')
  .map((line) => line.split('\t')[0]);

/** The examples a command's help shows: the line after each `# what it does`. */
const examplesIn = (help: string): string[] =>
  (help.split('\nExamples:\n')[1] ?? '')
    .split('\n')
    .filter((_line, i, lines) => lines[i - 1]?.trim().startsWith('#'))
    .map((line) => line.trim());

test('the program has the commands of this branch at least', () => {
  expect(commands).toEqual(expect.arrayContaining(['list', 'show', 'completion', 'help']));
  expect(commands).not.toContain('__complete');
});

describe('kubenotes --help', () => {
  test('lists every command with its one-line summary, and examples', () => {
    const { stdout, status } = runCli(['--help']);
    expect(status).toBe(0);
    const listing = stdout.split('\nCommands:\n')[1].split('\n\n')[0];
    for (const name of commands) expect(listing).toMatch(new RegExp(`^  ${name}\\b.* {2}\\w`, 'm'));
    expect(examplesIn(stdout)).toContain('kubenotes list');
  });
});

describe('kubenotes help <not a command>', () => {
  test("help help is the program's help, on stdout", () => {
    const { stdout, stderr, status } = runCli(['help', 'help']);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(stdout).toBe(runCli(['--help']).stdout);
  });

  test('an unknown command is a usage error in one line, not the whole help', () => {
    expect(runCli(['help', 'nosuch'])).toMatchObject({
      status: 2,
      stdout: '',
      stderr: "kubenotes: unknown command 'nosuch' (see 'kubenotes help')\n",
    });
  });
});

const globalOptions = runCli(['--help']).stdout.split('\nOptions:\n')[1].split('\n\n')[0];

/** The long options a manual page's option table (the one headed `option`) names in its first column. */
const optionRowsOf = (page: string): string[] => {
  const table = page.split('\n| option |')[1]?.split(/\n(?!\|)/)[0] ?? '';
  return [...table.matchAll(/^\| `(?:-\w, )?(--[\w-]+)/gm)].map((match) => match[1]);
};

const RUNNABLE = new Set(['list', 'show', 'search', 'completion', 'links', 'check']);

describe.each(commands.filter((name) => name !== 'help'))('kubenotes help %s', (name) => {
  const help = runCli(['help', name]);

  test('is the same as --help: usage, options (the global ones too) and examples', () => {
    expect(help.status).toBe(0);
    expect(runCli([name, '--help']).stdout).toBe(help.stdout);
    expect(help.stdout).toMatch(new RegExp(`^Usage: kubenotes ${name}\\b`));
    expect(help.stdout).toMatch(/\nGlobal Options:\n {2}-V, --version/);
    expect(examplesIn(help.stdout).length).toBeGreaterThan(0);
  });

  test('its page of the manual (which the man page is made of) has a row for each of its options, and no other', () => {
    const options = help.stdout.split('\nOptions:\n')[1]?.split('\nGlobal Options:\n')[0] ?? '';
    const inHelp = [...options.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map((match) => match[1]).filter((flag) => flag !== '--help');
    const global = [...globalOptions.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map((match) => match[1]);
    const inManual = optionRowsOf(readFileSync(repoPath(`docs/commands/${name}.md`), 'utf8'));
    expect(inManual.filter((flag) => !global.includes(flag)).sort()).toEqual(inHelp.sort());
  });

  // only commands that neither need a terminal nor write files nor open an editor are run here; the others' examples
  // are run by their own e2e tests (export in an empty folder, browse and edit with stand-ins)
  if (RUNNABLE.has(name))
    test('its examples that need no shell (no pipe, redirection or ~) run and succeed', () => {
      const plain = examplesIn(help.stdout).filter((line) => line.startsWith('kubenotes ') && !/[|<>~$"'`;&]/.test(line));
      for (const example of plain) {
        const { status, stderr } = runCli(example.split(' ').slice(1), { cwd: tmpdir() });
        expect({ example, status, stderr }).toEqual({ example, status: 0, stderr: '' });
      }
    });
});

describe('the man page', () => {
  const page = readFileSync(repoPath('dist/kubenotes.1'), 'utf8');

  test('is built with the program, and is what `kubenotes __manpage` prints', () => {
    expect(runCli(['__manpage']).stdout).toBe(page);
  });

  test("has every command with its page of the manual, and the manual's options, configuration, environment and exit status", () => {
    for (const name of commands) expect(page).toMatch(new RegExp(`^\\.SS "kubenotes ${name}\\b`, 'm'));
    for (const section of ['NAME', 'SYNOPSIS', 'OPTIONS', 'COMMANDS', 'CONFIGURATION', 'ENVIRONMENT', '"EXIT STATUS"']) {
      expect(page).toMatch(new RegExp(`^\\.SH ${section}$`, 'm'));
    }
    // words that are only in docs/: the pages' own text, their tables and their examples' command lines
    expect(page).toContain('The section(s) a query names, rendered for the terminal.');
    expect(page).toMatch(/^\.TP\n\\fB\\-\\-under <notes\\-folder>\\fR$/m);
    expect(page).toMatch(/^\.TP\n\\fBKUBENOTES_DEBUG\\fR$/m);
    expect(page).toMatch(/^\.TP\n\\fBlight\\fR\na light background/m);
    expect(page).toMatch(/^\.TP\n2\nusage or input error/m);
    expect(page).toContain('\nkubenotes show \\-\\-raw 6.5\n');
  });

  const hasMan = spawnSync('man', ['--version']).status === 0;
  (hasMan ? test : test.skip)('renders without a warning from man and groff', () => {
    const man = spawnSync('man', ['--warnings', '-l', repoPath('dist/kubenotes.1')], {
      env: { ...process.env, MANPAGER: 'cat', MANWIDTH: '80' },
      encoding: 'utf8',
    });
    expect(man.stderr).toBe('');
    expect(man.status).toBe(0);
    expect(man.stdout).toContain('kubenotes - Read, search and export Markdown notes from the shell');
  });
});
