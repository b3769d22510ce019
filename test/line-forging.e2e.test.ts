// Line-based output cannot be forged by the notes: a file name with a newline or a bidi override, a title with them,
// are shown escaped (as git and ripgrep show such names), so every output line is one record.
import { expect, test } from '@jest/globals';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';
import { scratchFolder } from './helpers/scratch.js';

const folder = scratchFolder('kubenotes-forging-');
writeFileSync(join(folder, 'a\nfake.md:1: forged.md'), '# Evil\n\n## One\n\n[x](missing.md)\n');
writeFileSync(join(folder, 'b\u202etxt.md'), '---\ntitle: "T\\u202Eitle\\nnext"\n---\n## Two\n');
writeFileSync(join(folder, 'bin\nary.md'), 'x\0y');

test('list: names and titles escaped, one line each', () => {
  const { stdout, stderr, status } = runCli(['-f', folder, 'list']);
  expect(status).toBe(0);
  expect(stdout).toBe('Evil  (a\\nfake.md:1: forged.md)\n\n1  One\n\nT\\u{202e}itle next  (b\\u{202e}txt.md)\n\n2  Two\n');
  expect(stderr).toBe('kubenotes: warning: bin\\nary.md: file skipped: not a text file (binary data found)\n');
});

test('check and search: the file names escaped', () => {
  const check = runCli(['-f', folder, 'check']);
  expect(check.stdout).toBe('a\\nfake.md:1: forged.md:5: [x](missing.md): no file missing.md in the notes\n');
  expect(check.status).toBe(1);
  expect(runCli(['-f', folder, 'search', 'one']).stdout).toContain('1  Evil › One  a\\nfake.md:1: forged.md\n');
});

test('names that are not UTF-8: read, and shown with those bytes as \\xHH, in a file name and a folder name', () => {
  const notes = scratchFolder('kubenotes-bytes-');
  const bytes = (...parts: Array<string | number[]>) =>
    Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));
  writeFileSync(bytes(notes, '/caf', [0xe9], '.md'), '# Café\n\n## Menu\n');
  mkdirSync(bytes(notes, '/dir', [0xff]));
  writeFileSync(bytes(notes, '/dir', [0xff], '/inner.md'), '# Inner\n\n## Deep\n');
  try {
    const { stdout, stderr, status } = runCli(['-f', notes, 'list']);
    expect({ stdout, stderr, status }).toEqual({
      stdout: 'Café  (caf\\xe9.md)\n\n1  Menu\n\nInner  (dir\\xff/inner.md)\n\n2  Deep\n',
      stderr: '',
      status: 0,
    });
  } finally {
    rmSync(notes, { recursive: true, force: true });
  }
});
