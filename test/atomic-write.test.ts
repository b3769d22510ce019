// Atomic writes: a new file whole, an existing one untouched unless forced, and nothing left behind when a write fails.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OutputExists, OutputNotWritten } from '../src/core/errors.js';
import { writeFileAtomic } from '../src/io/atomic-write.js';
import { scratchFolder } from './helpers/scratch.js';

let folder: string;
beforeEach(() => {
  folder = scratchFolder('kubenotes-atomic-');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  test('writes a new file, and leaves no temporary file beside it', async () => {
    await writeFileAtomic(join(folder, 'out.md'), 'new text\n');
    expect(readFileSync(join(folder, 'out.md'), 'utf8')).toBe('new text\n');
    expect(readdirSync(folder)).toEqual(['out.md']);
  });

  test('an existing file is not overwritten without force: OutputExists, the file untouched', async () => {
    const path = join(folder, 'out.md');
    writeFileSync(path, 'old text\n');
    await expect(writeFileAtomic(path, 'new text\n')).rejects.toThrow(OutputExists);
    expect(readFileSync(path, 'utf8')).toBe('old text\n');
    expect(readdirSync(folder)).toEqual(['out.md']);
  });

  test('with force it is replaced, and keeps its permissions', async () => {
    const path = join(folder, 'out.md');
    writeFileSync(path, 'old text\n');
    chmodSync(path, 0o640);
    await writeFileAtomic(path, 'new text\n', { force: true });
    expect(readFileSync(path, 'utf8')).toBe('new text\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(folder)).toEqual(['out.md']);
  });

  test('through a symbolic link, the file it names is written and the link stays', async () => {
    writeFileSync(join(folder, 'real.md'), 'old\n');
    symlinkSync('real.md', join(folder, 'link.md'));
    await writeFileAtomic(join(folder, 'link.md'), 'new\n', { force: true });
    expect(readFileSync(join(folder, 'real.md'), 'utf8')).toBe('new\n');
    expect(readdirSync(folder).sort()).toEqual(['link.md', 'real.md']);
  });

  test('a missing folder, or a file where a folder should be, is "no such folder", naming the path', async () => {
    await expect(writeFileAtomic(join(folder, 'missing', 'out.md'), 'x')).rejects.toThrow(
      `${join(folder, 'missing', 'out.md')}: cannot write: no such folder`,
    );
    writeFileSync(join(folder, 'file'), 'old\n');
    await expect(writeFileAtomic(join(folder, 'file', 'out.md'), 'x')).rejects.toThrow(OutputNotWritten);
    expect(readFileSync(join(folder, 'file'), 'utf8')).toBe('old\n');
  });

  test('a folder as the target is refused even with force', async () => {
    mkdirSync(join(folder, 'dir'));
    await expect(writeFileAtomic(join(folder, 'dir'), 'x', { force: true })).rejects.toThrow('cannot write: is a folder');
  });

  // chmod does not stop root, who runs CI; /proc and /sys refuse new files to everyone (/sys may also be mounted read-only)
  test.each([
    ['/proc', /^\/proc\/kubenotes-test\.html: cannot write: files cannot be created in this folder$/],
    ['/sys', /^\/sys\/kubenotes-test\.html: cannot write: (permission denied|read-only file system)$/],
  ])('a folder that takes no new files (%s), even for root: OutputNotWritten with the reason', async (root, message) => {
    await expect(writeFileAtomic(join(root, 'kubenotes-test.html'), 'x')).rejects.toThrow(message);
  });
});

describe('a target that is not a regular file is written as a stream, never replaced', () => {
  test('a dangling symbolic link: the file it names is made, the link stays', async () => {
    symlinkSync('made.md', join(folder, 'link.md'));
    await writeFileAtomic(join(folder, 'link.md'), 'new\n');
    expect(lstatSync(join(folder, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(folder, 'made.md'), 'utf8')).toBe('new\n');
    expect(readdirSync(folder).sort()).toEqual(['link.md', 'made.md']);
  });

  test('a FIFO gets the text and stays a FIFO, with or without force', async () => {
    const fifo = join(folder, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    for (const force of [false, true]) {
      const reader = spawn('cat', [fifo]);
      let read = '';
      reader.stdout.on('data', (chunk) => (read += chunk));
      const closed = new Promise((done) => reader.on('close', done));
      await writeFileAtomic(fifo, 'through the pipe\n', { force });
      await closed;
      expect(read).toBe('through the pipe\n');
      expect(lstatSync(fifo).isFIFO()).toBe(true);
    }
  });

  test('/dev/null stays a device even with force; /dev/full says the disk is full', async () => {
    await writeFileAtomic('/dev/null', 'gone\n', { force: true });
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    await expect(writeFileAtomic('/dev/full', 'x', { force: true })).rejects.toThrow('/dev/full: cannot write: no space left on the disk');
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });
});
