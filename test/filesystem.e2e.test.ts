// What the file system can do to the notes: each path that cannot be read is one line naming it, exit 2, and never a
// hang (a FIFO, a device) or a crash; inside a folder, what cannot be read is a warning and the rest is read.
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, runCli, runCliUnprivileged, unprivilegedUnavailable } from './helpers/cli.js';
import { repoPath } from './helpers/notes.js';

jest.setTimeout(60_000);

let root: string;
const at = (...parts: string[]): string => join(root, ...parts);
/** For runs as nobody: a configuration folder nobody may look in (the usual one may be root's). */
const unprivileged = (args: string[]) => runCliUnprivileged(args, { env: cleanEnv({ XDG_CONFIG_HOME: at('no-config') }) });
const note = (path: string, text = '## Readable\n\ntext\n'): void => writeFileSync(at(path), text);
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** stderr as exactly one line: `kubenotes: <path>: <reason>`. */
const oneLine = (path: string, reason: string): RegExp => new RegExp(`^kubenotes: ${escapeRegExp(path)}: ${escapeRegExp(reason)}\n$`);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kubenotes-fs-'));
  chmodSync(root, 0o755); // the unprivileged runs must get in
  for (const folder of ['notes', 'notes/locked-folder', 'empty', 'binary-only', 'large']) mkdirSync(at(folder));
  note('notes/readable.md');
  note('notes/locked.md');
  chmodSync(at('notes/locked.md'), 0o000);
  note('notes/locked-folder/inside.md');
  chmodSync(at('notes/locked-folder'), 0o000);
  writeFileSync(at('notes/binary.md'), Buffer.from([0x23, 0x20, 0x00, 0xff, 0x00]));
  symlinkSync('loop-b.md', at('notes/loop-a.md'));
  symlinkSync('loop-a.md', at('notes/loop-b.md'));
  symlinkSync('missing.md', at('notes/dangling.md'));
  symlinkSync('/dev/zero', at('notes/zero.md')); // a device in a folder is no notes file: passed over, as git does
  spawnSync('mkfifo', [at('notes/pipe.md')]);
  spawnSync('mkfifo', [at('fifo.md')]);
  symlinkSync('self-loop.md', at('self-loop.md'));
  writeFileSync(at('binary-only/image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]));
  note('locked-file.md');
  chmodSync(at('locked-file.md'), 0o000);
  // sparse: they take no room on the disk, and kubenotes refuses them from their size, before reading a byte
  note('sparse.md');
  truncateSync(at('sparse.md'), 101 * 2 ** 20);
  note('large/a.md');
  truncateSync(at('large/a.md'), 60 * 2 ** 20);
  note('large/b.md');
  truncateSync(at('large/b.md'), 60 * 2 ** 20);
});
afterAll(() => {
  chmodSync(at('notes/locked-folder'), 0o755);
  rmSync(root, { recursive: true, force: true });
});

describe('a notes path that cannot be read: one line naming it, exit 2', () => {
  test.each([
    ['a missing path', 'missing.md', 'no such file or folder'],
    ['a folder without notes', 'empty', 'no Markdown notes (*.md, *.markdown) in this folder'],
    ['a binary file', 'notes/binary.md', 'not a text file (binary data found); kubenotes reads Markdown notes'],
    ['a FIFO (not waited on)', 'fifo.md', 'a named pipe (FIFO), not a file'],
    ['a symbolic link loop', 'self-loop.md', 'too many levels of symbolic links'],
    ['a file over the size limit', 'sparse.md', 'too large: kubenotes reads at most 100 MiB of notes in all'],
    ['a folder over the size limit in all', 'large', 'too large: kubenotes reads at most 100 MiB of notes in all'],
  ])('%s', (_name, path, reason) => {
    const { stdout, stderr, status } = runCli(['-f', at(path), 'list']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(oneLine(at(path), reason));
  });

  test('a folder whose every Markdown file is skipped: the warnings, then one line naming it', () => {
    const { stderr, status } = runCli(['-f', at('binary-only'), 'list']);
    expect(status).toBe(2);
    expect(stderr).toBe(
      `kubenotes: warning: image.md: file skipped: not a text file (binary data found)\nkubenotes: ${at('binary-only')}: no Markdown file could be read (see the warnings above)\n`,
    );
  });

  test('a device: /dev/zero is refused, not read until memory runs out', () => {
    const { stderr, status } = runCli(['-f', '/dev/zero', 'list']);
    expect(status).toBe(2);
    expect(stderr).toMatch(oneLine('/dev/zero', 'a device, not a file'));
  });

  test('standard input that never ends (/dev/zero) stops at the size limit', () => {
    const { stderr, status } = shell(`'${process.execPath}' '${repoPath('bin/kubenotes.js')}' -f - list < /dev/zero`);
    expect(status).toBe(2);
    expect(stderr).toMatch(oneLine('<stdin>', 'too large: kubenotes reads at most 100 MiB of notes in all'));
  });

  (unprivilegedUnavailable ? test.skip : test)('a file without read permission (run as nobody when the tests run as root)', () => {
    const { stderr, status } = unprivileged(['-f', at('locked-file.md'), 'list']);
    expect(status).toBe(2);
    expect(stderr).toMatch(oneLine(at('locked-file.md'), 'permission denied'));
  });
});

function shell(command: string): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync('bash', ['-c', command], { env: cleanEnv(), encoding: 'utf8', timeout: 30_000 });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

(unprivilegedUnavailable ? describe.skip : describe)('a folder with what cannot be read among readable notes (run as nobody)', () => {
  if (unprivilegedUnavailable) console.log(`skipping: ${unprivilegedUnavailable}`);

  test('the rest is read; each file or folder skipped is a warning naming it; exit 0', () => {
    const { stdout, stderr, status } = unprivileged(['-f', at('notes'), 'list', '--json']);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).files.map((f: { file: string }) => f.file)).toEqual(['readable.md']);
    expect(stderr.split('\n').filter(Boolean).sort()).toEqual([
      'kubenotes: warning: binary.md: file skipped: not a text file (binary data found)',
      'kubenotes: warning: dangling.md: link skipped: no such file or folder',
      'kubenotes: warning: locked-folder: folder skipped: permission denied',
      'kubenotes: warning: locked.md: file skipped: permission denied',
      'kubenotes: warning: loop-a.md: link skipped: too many levels of symbolic links',
      'kubenotes: warning: loop-b.md: link skipped: too many levels of symbolic links',
    ]);
  });
});
