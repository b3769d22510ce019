// Ctrl-C and signals at a real terminal (tmux): whatever kubenotes was doing — reading, browsing, paging, waiting
// for the editor — the terminal is as the shell had it afterwards (`stty -g` the same), and a pager that quits
// early is no error.
import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv } from './helpers/cli.js';
import { repoPath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.log('skipping the signal tests: tmux is not installed (.ci/run installs it)');

jest.setTimeout(90_000);
const server = `kubenotes-signals-${process.pid}`;
const pane = 'signals';
const scratch = scratchFolder('kubenotes-signals-');
const file = (name: string): string => join(scratch, name);
const kubenotes = `node ${repoPath('bin/kubenotes.js')}`;

const tmux = (...args: string[]): string => {
  const env = cleanEnv();
  delete env.TMUX;
  return spawnSync('tmux', ['-L', server, ...args], { encoding: 'utf8', env }).stdout;
};
const screen = (): string => tmux('capture-pane', '-t', pane, '-p');
/** Types a line at the shell (or into whatever has the terminal). */
const typeLine = (text: string): void => {
  tmux('send-keys', '-t', pane, '-l', text);
  tmux('send-keys', '-t', pane, 'Enter');
};

async function until<T>(check: () => T | undefined | false, what: string): Promise<T> {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
    const value = check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never saw ${what}; the screen shows:\n${screen()}`);
}
const shown = (pattern: RegExp, what = String(pattern)) => until(() => pattern.test(screen()), what);
/** The process the shell runs in the pane now (kubenotes), by its parent: the shell. */
const running = (): number | undefined => {
  const shell = tmux('display-message', '-p', '-t', pane, '#{pane_pid}').trim();
  const child = spawnSync('pgrep', ['-P', shell], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
  return child ? Number(child) : undefined;
};
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Starts `command` at the shell, after saving the terminal's settings; resolves with its pid. */
async function start(command: string): Promise<number> {
  typeLine(`stty -g > ${file('stty.before')}; clear`);
  await until(() => existsSync(file('stty.before')), 'the saved terminal settings');
  typeLine(`${command} 2>${file('stderr')}; echo EXIT=$?`);
  return until(running, 'kubenotes running');
}

/** After kubenotes has ended: the shell reads a line again and the terminal's settings are those it had before. */
async function expectSaneTerminal(pid: number): Promise<void> {
  await until(() => !alive(pid), 'kubenotes ended');
  typeLine(`stty -g > ${file('stty.after')}; echo SANE`);
  await shown(/^SANE$/m, 'the shell reading a line (a raw terminal would not end it)');
  expect(readFileSync(file('stty.after'), 'utf8')).toBe(readFileSync(file('stty.before'), 'utf8'));
  expect(readFileSync(file('stderr'), 'utf8')).toBe('');
}

(hasTmux ? describe : describe.skip)('signals at a terminal', () => {
  beforeAll(() => {
    // notes that take a few seconds to read, for a Ctrl-C in the middle
    const notes = readFileSync(repoPath('notes/kubecon-na-2022.md'), 'utf8');
    writeFileSync(
      file('slow.md'),
      Array.from({ length: 300 }, (_, i) => notes.replace('# Session Notes and Thoughts', `## Copy ${i}`)).join('\n'),
    );
    // an editor that ignores Ctrl-C, as vi does, and closes when a line is typed
    writeFileSync(file('editor'), `#!/bin/sh\ntrap '' INT\necho EDITOR OPEN\nread line\necho "EDITOR CLOSED $line"\n`);
    chmodSync(file('editor'), 0o755);
  });
  beforeEach(() => {
    tmux('kill-session', '-t', pane);
    tmux('new-session', '-d', '-s', pane, '-x', '100', '-y', '30', 'env', `PS1=$ `, 'sh');
    for (const name of ['stty.before', 'stty.after', 'stderr']) rmSync(file(name), { force: true });
  });
  afterAll(() => {
    tmux('kill-server');
    rmSync(scratch, { recursive: true, force: true });
  });

  test.each(['INT', 'TERM', 'HUP'])('SIG%s to the browser in its picker: it puts the terminal back and exits 0', async (signal) => {
    const pid = await start(`${kubenotes} browse`);
    await shown(/^\? Section/m, 'the picker');
    process.kill(pid, `SIG${signal}`);
    await shown(/^EXIT=0$/m, 'exit status 0');
    await expectSaneTerminal(pid);
  });

  test('SIGTERM to the browser waiting for a key under a section: the same', async () => {
    const pid = await start(`${kubenotes} --no-pager browse`);
    await shown(/^\? Section/m, 'the picker');
    typeLine('chart storage');
    await shown(/any key: back to the list/, 'the section');
    process.kill(pid, 'SIGTERM');
    await shown(/^EXIT=0$/m, 'exit status 0');
    await expectSaneTerminal(pid);
  });

  test('Ctrl-C in the browser leaves it, terminal as it was', async () => {
    const pid = await start(`${kubenotes} browse`);
    await shown(/^\? Section/m, 'the picker');
    tmux('send-keys', '-t', pane, 'C-c');
    await shown(/^EXIT=0$/m, 'exit status 0');
    await expectSaneTerminal(pid);
  });

  test('Ctrl-C while reading large notes ends kubenotes; the terminal is as it was', async () => {
    const pid = await start(`${kubenotes} -f ${file('slow.md')} export --format txt > /dev/null`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    tmux('send-keys', '-t', pane, 'C-c');
    await expectSaneTerminal(pid);
  });

  test("Ctrl-C while the editor is open is the editor's: kubenotes waits for it, then exits with it", async () => {
    const pid = await start(`VISUAL=${file('editor')} ${kubenotes} edit prometheus/alert`);
    await shown(/^EDITOR OPEN$/m, 'the editor');
    tmux('send-keys', '-t', pane, 'C-c');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(alive(pid)).toBe(true); // still waiting: the shell has not taken the terminal back from the editor
    typeLine('done');
    await shown(/^EDITOR CLOSED done$/m, 'the editor closing with the whole line');
    await expectSaneTerminal(pid);
  });

  test("Ctrl-C in the pager is the pager's (less stays); q leaves it and kubenotes", async () => {
    const pid = await start(`PAGER=less ${kubenotes} show prometheus`);
    await shown(/^Prometheus|^7 +Prometheus/m, 'the pager');
    tmux('send-keys', '-t', pane, 'C-c');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(alive(pid)).toBe(true);
    tmux('send-keys', '-t', pane, 'q');
    await expectSaneTerminal(pid);
  });

  test("less as $PAGER without $LESS is given git's FRX, so colours show as colours; a $LESS of the user's is kept", async () => {
    const pid = await start(`env -u LESS PAGER='printenv LESS; cat >/dev/null' ${kubenotes} show prometheus`);
    await shown(/^EXIT=0$/m, 'exit status 0');
    expect(screen()).toMatch(/^FRX\nEXIT=0$/m);
    await expectSaneTerminal(pid);
    const again = await start(`LESS=S PAGER='printenv LESS; cat >/dev/null' ${kubenotes} show prometheus`);
    await shown(/^EXIT=0$/m, 'exit status 0');
    expect(screen()).toMatch(/^S\nEXIT=0$/m);
    await expectSaneTerminal(again);
  });

  test('a pager that quits before reading everything (head -1) is no error', async () => {
    const pid = await start(`PAGER='head -1' ${kubenotes} show prometheus`);
    await shown(/^EXIT=0$/m, 'exit status 0');
    expect(screen()).toMatch(/^7 +Prometheus - Intro, Deep Dive, And Open Q\+A\nEXIT=0$/m);
    await expectSaneTerminal(pid);
  });
});
