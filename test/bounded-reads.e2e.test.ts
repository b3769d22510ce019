// Reads that the disk cannot make endless: a file that says it is empty and never ends (/proc), a link to it in a
// notes folder, and folders nested thousands deep, which are walked only so far. The CLI is killed after 30 s,
// which fails a test; what bounds each run is counted (bytes, folder depth), not timed.
import { afterAll, expect, jest, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_FOLDER_DEPTH } from '../src/io/walk.js';
import { runCli } from './helpers/cli.js';

jest.setTimeout(120_000);
const folder = mkdtempSync(join(tmpdir(), 'kubenotes-bounded-'));
// rm copes with paths longer than PATH_MAX, which fs.rmSync does not
afterAll(() => {
  spawnSync('rm', ['-rf', folder]);
});

const pagemap = existsSync('/proc/self/pagemap') ? test : test.skip;

pagemap('/proc/self/pagemap, which says it is empty: refused at the size limit', () => {
  const { stdout, stderr, status } = runCli(['-f', '/proc/self/pagemap', 'list']);
  expect({ stdout, stderr, status }).toEqual({
    stdout: '',
    stderr: 'kubenotes: /proc/self/pagemap: too large: kubenotes reads at most 100 MiB of notes in all\n',
    status: 2,
  });
});

pagemap('a link to it in a notes folder (as a cloned repository may ship): refused at the size limit too', () => {
  const notes = mkdtempSync(join(folder, 'repo-'));
  writeFileSync(join(notes, 'a.md'), '# A\n');
  symlinkSync('/proc/self/pagemap', join(notes, 'pagemap.md'));
  const { stderr, status } = runCli(['-f', notes, 'list']);
  expect({ stderr, status }).toEqual({
    stderr: `kubenotes: ${join(notes, 'pagemap.md')}: too large: kubenotes reads at most 100 MiB of notes in all\n`,
    status: 2,
  });
});

test(`2,000 folders deep: the notes ${MAX_FOLDER_DEPTH} deep are listed, the rest reported once`, () => {
  const deep = mkdtempSync(join(folder, 'deep-'));
  // made a level at a time from inside: the whole path is longer than the system allows one path to be
  const script = `for (let i = 1; i <= 2000; i++) { fs.mkdirSync('d'); process.chdir('d'); if (i === ${MAX_FOLDER_DEPTH}) fs.writeFileSync('a.md', '# Shallow enough\\n'); }
    fs.writeFileSync('z.md', '# Too deep\\n');`;
  expect(spawnSync(process.execPath, ['-e', script], { cwd: deep }).status).toBe(0);
  const { stdout, stderr, status } = runCli(['-f', deep, 'list']);
  expect({ stdout, status }).toEqual({ stdout: 'Shallow enough\n', status: 0 });
  expect(stderr).toBe(
    `kubenotes: warning: ${'d/'.repeat(MAX_FOLDER_DEPTH)}d: folder skipped: more than ${MAX_FOLDER_DEPTH} folders deep\n`,
  );
});
