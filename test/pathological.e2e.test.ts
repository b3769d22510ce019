// The pathological notes of the hardening issue through the built CLI: each command ends on its own with no crash
// and no stack trace. The bound is work, not time: a run may use 60 s of CPU (a quadratic blow-up spends far more,
// and is killed), however long a busy machine makes it wait; a wall-clock guard only catches a run that hangs.
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv } from './helpers/cli.js';
import { repoPath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

/** CPU seconds a run may use; what a busy machine makes it wait for the CPU does not count. */
const CPU_SECONDS = 60;
/** Only a run that hangs without working reaches this. */
const HANG_MS = 10 * 60_000;
jest.setTimeout(HANG_MS + 60_000);

const lines = (count: number, line: (i: number) => string): string => Array.from({ length: count }, (_, i) => line(i)).join('\n');

/** Each file: a title, a section with a word to search for, then the pathological part. */
const FILES: Record<string, string> = {
  'quotes.md': '> '.repeat(5000) + 'deep\n\n' + lines(5000, (i) => `${'>'.repeat(i + 1)} line ${i}`),
  'lists.md': '- '.repeat(3000) + 'deep\n\n' + lines(3000, (i) => `${'  '.repeat(i)}- item ${i}`),
  'brackets.md': '['.repeat(20_000),
  'long-line.md': 'word '.repeat(2_000_000), // 10 MB on one line
  'headings.md': lines(10_000, (i) => `${'#'.repeat((i % 5) + 2)} heading ${i}\n\ntext ${i}`),
  'emphasis.md': '*a '.repeat(20_000) + 'x' + ' a*'.repeat(20_000),
};

/** `export --format txt` is left out: it is show's renderer, which `show 1` runs on the same text. */
const COMMANDS = [['list'], ['show', '1'], ['search', 'needle'], ['export', '--format', 'html'], ['export', '--format', 'json']];

let folder: string;
beforeAll(() => {
  folder = scratchFolder('kubenotes-pathological-');
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(folder, name), `# Title\n\n## Section\n\nneedle\n\n${text}\n`);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Run {
  args: string[];
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The CLI on a file, killed when it has used CPU_SECONDS of CPU (a run killed shows as its signal). */
function run(file: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const command = [
      '-c',
      `ulimit -t ${CPU_SECONDS}; exec "$0" "$@"`,
      process.execPath,
      repoPath('bin/kubenotes.js'),
      '-f',
      join(folder, file),
      ...args,
    ];
    const child = spawn('bash', command, { env: cleanEnv(), timeout: HANG_MS });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status, signal) => resolve({ args, status, signal, stdout, stderr }));
  });
}

describe.each(Object.keys(FILES))('%s', (file) => {
  // the commands run side by side: the bound is each one's own timeout, not their sum
  test(`${COMMANDS.map((args) => args.join(' ')).join(', ')}: each ends, with no crash`, async () => {
    const runs = await Promise.all(COMMANDS.map((args) => run(file, args)));
    for (const { args, status, signal, stdout, stderr } of runs) {
      expect({ args, status, signal, stderr }).toEqual({ args, status: 0, signal: null, stderr: '' });
      expect(stdout).toContain(args[0] === 'list' ? 'Section' : 'needle');
    }
  });
});

describe('a pathological query', () => {
  // fuse's bitap search took over half a minute for each such word, looking for typos of it that cannot exist
  test('three pasted words of 100,000 letters: search and show end, finding nothing', async () => {
    const words = ['x', 'y', 'z'].map((letter) => letter.repeat(100_000));
    const runs = await Promise.all([run('headings.md', ['search', ...words]), run('headings.md', ['show', ...words])]);
    for (const { status, signal, stderr } of runs) {
      expect({ status, signal }).toEqual({ status: 1, signal: null });
      expect(stderr).toMatch(/^kubenotes: (nothing|no section) matches "xxx/);
    }
  });
});
