// At a real terminal (tmux): colour on, wrapped to the terminal's width, and notes' escape sequences inert —
// the screen is not cleared and the window title not set, by `show` or by `show --raw`.
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { freshCacheHome } from './helpers/cli.js';
import { fixturePath, repoPath } from './helpers/notes.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.log('skipping the tmux tests: tmux is not installed (.ci/run installs it)');
const describeWithTmux = hasTmux ? describe : describe.skip;

jest.setTimeout(30_000);
const session = `kubenotes-test-${process.pid}`;
const tmux = (...args: string[]): string => spawnSync('tmux', args, { encoding: 'utf8' }).stdout;

/** Types a command at the shell in the pane, waits for it to finish, and returns the screen (with escapes if asked). */
async function run(command: string, options: { escapes?: boolean } = {}): Promise<string> {
  const done = `__done_${Math.random().toString(36).slice(2)}__`;
  tmux('send-keys', '-t', session, `clear; echo __start__; ${command}; echo ${done}`, 'Enter');
  for (let i = 0; i < 200; i++) {
    const screen = tmux('capture-pane', '-t', session, '-p', '-J');
    if (screen.split('\n').includes(done)) return options.escapes ? tmux('capture-pane', '-t', session, '-p', '-J', '-e') : screen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`"${command}" did not finish in tmux`);
}

const kubenotes = `node ${repoPath('bin/kubenotes.js')} --no-pager`;

describeWithTmux('at a terminal', () => {
  beforeAll(() => {
    const env = ['NO_COLOR', 'FORCE_COLOR', 'COLUMNS', 'KUBENOTES_FILE'].map((name) => `unset ${name};`).join(' ');
    tmux('new-session', '-d', '-s', session, '-x', '60', '-y', '200', 'sh');
    // the cache in a folder of the test's own, not the user's
    tmux('send-keys', '-t', session, `${env} export XDG_CACHE_HOME='${freshCacheHome()}'; PS1='$ '`, 'Enter');
  });
  afterAll(() => {
    tmux('kill-session', '-t', session);
  });

  test("show is coloured and wrapped to the terminal's width", async () => {
    const screen = await run(`${kubenotes} show salesforce`, { escapes: true });
    expect(screen).toMatch(/\u001b\[[0-9;]*m/);
    const plain = await run(`${kubenotes} show salesforce`);
    const lines = plain.split('\n').filter((line) => !line.includes('__done_') && !line.includes('kubenotes.js'));
    expect(Math.max(...lines.map((line) => [...line].length))).toBeLessThanOrEqual(60);
    expect(plain).toContain('4  How Salesforce Is Moving From Spinnaker To Argo Workflows');
  });

  test("--help is wrapped to the terminal's width: the terminal told as one, without node:tty where it is not", async () => {
    const help = `node ${repoPath('bin/kubenotes.js')} --help`;
    const width = (screen: string) => Math.max(...screen.split('\n').map((line) => (/__|kubenotes\.js/.test(line) ? 0 : [...line].length)));
    const at60 = await run(help);
    expect(at60).toContain('Usage: kubenotes');
    expect(width(at60)).toBeLessThanOrEqual(60);
    expect(width(at60)).toBeGreaterThan(50);
    tmux('resize-window', '-t', session, '-x', '40');
    try {
      const at40 = await run(help);
      expect(width(at40)).toBeLessThanOrEqual(40);
      expect(width(at40)).toBeGreaterThan(30);
    } finally {
      tmux('resize-window', '-t', session, '-x', '60');
    }
  });

  test('a command run again is answered at the width the terminal has now: a resized one runs the program', async () => {
    const traced = `node --require ${repoPath('test/helpers/trace-modules.cjs')} ${repoPath('bin/kubenotes.js')} --no-pager show 7.1`;
    const width = (screen: string) =>
      Math.max(
        ...screen
          .split('\n')
          .filter((line) => !/__|kubenotes|\[module\]/.test(line))
          .map((line) => [...line].length),
      );
    await run(traced);
    const again = await run(traced);
    expect(again).not.toContain('/dist/main.js'); // answered
    expect(width(again)).toBeLessThanOrEqual(60);
    expect(width(again)).toBeGreaterThan(40);
    tmux('resize-window', '-t', session, '-x', '40');
    try {
      const resized = await run(traced);
      expect(resized).toContain('/dist/main.js'); // another terminal size: another answer, made by the program
      expect(width(resized)).toBeLessThanOrEqual(40);
      expect(await run(traced)).not.toContain('/dist/main.js');
    } finally {
      tmux('resize-window', '-t', session, '-x', '60');
    }
  });

  test('output printed for want of a pager that did not start is not answered: the next run tries the pager again', async () => {
    const traced = `PAGER=/no/such/pager node --require ${repoPath('test/helpers/trace-modules.cjs')} ${repoPath('bin/kubenotes.js')} list`;
    tmux('resize-window', '-t', session, '-y', '12');
    try {
      const trace = join(freshCacheHome(), 'trace');
      for (let round = 0; round < 2; round++) {
        // stdout the terminal, 12 rows for an outline taller: the pager is wanted, and cannot start
        const screen = (await run(`${traced} 2>${trace}; echo "loaded $(grep -c /dist/main.js ${trace})"`)).split('\n');
        expect(screen).toContain('loaded 1'); // the program ran, every time
      }
    } finally {
      tmux('resize-window', '-t', session, '-y', '200');
    }
  });

  test.each([['show'], ['show --raw']])('%s of hostile notes leaves the screen and the title alone', async (command) => {
    tmux('select-pane', '-t', session, '-T', 'untouched');
    const screen = await run(`${kubenotes} -f ${fixturePath('hostile-escapes.md')} ${command} red`);
    expect(screen).toContain('__start__'); // not cleared by ESC[2J or reset by ESC c
    expect(screen).toContain('Red title here');
    expect(tmux('display-message', '-p', '-t', session, '#{pane_title}').trim()).toBe('untouched');
  });
});
