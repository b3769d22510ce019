// The browser away from a terminal: a usage error for `browse`, the help for plain `kubenotes`; and inquirer is
// loaded by the browser alone.
import { describe, expect, jest, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { cleanEnv, modulesLoaded, runCli } from './helpers/cli.js';
import { repoPath } from './helpers/notes.js';

jest.setTimeout(30_000);
const STACK_TRACE = /^\s+at .+[:(]\d+/m;
const inquirer = (modules: string[]) => modules.filter((url) => url.includes('/node_modules/@inquirer/'));

describe('without a terminal', () => {
  test('kubenotes browse is a usage error (2) that names the commands for scripts', () => {
    for (const args of [['browse'], ['browse', '--search']]) {
      const { stdout, stderr, status } = runCli(args);
      expect(status).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        "kubenotes: browse: needs a terminal to read keys from and draw on; in scripts use list, show or search (see 'kubenotes help browse')\n",
      );
      expect(stderr).not.toMatch(STACK_TRACE);
    }
  });

  test('plain kubenotes prints the help and exits 0, with its input still open', async () => {
    const child = spawn(process.execPath, [repoPath('bin/kubenotes.js')], { env: cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    // stdin is never written to nor closed: kubenotes must not wait for it
    const status = await new Promise((resolve) => child.on('exit', resolve));
    child.stdin.destroy();
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: kubenotes/);
    expect(stdout).toMatch(/^ {2}browse\b/m);
  });
});

describe('inquirer is loaded only when the browser starts', () => {
  test.each([[['list']], [['show', '6.5']], [['search', 'helm']], [['--help']]])('not by %j', (args) => {
    const { status, modules } = modulesLoaded(args);
    expect(status).toBe(0);
    expect(modules.some((url) => url.includes('/dist/'))).toBe(true); // the tracer sees the program's own modules
    expect(inquirer(modules)).toEqual([]);
  });

  test('not by a browse that cannot start', () => {
    const { status, modules } = modulesLoaded(['browse']);
    expect(status).toBe(2);
    expect(inquirer(modules)).toEqual([]);
  });
});
