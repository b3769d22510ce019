// Atomic writes: a new file whole, an existing one untouched unless forced, and nothing left behind when a write fails.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutputExists, OutputNotWritten } from '../src/core/errors.js';
import { writeFileAtomic } from '../src/io/atomic-write.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'kubenotes-atomic-'));
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
    await expect(writeFileAtomic(join(folder, 'missing', 'out.md'), 'x')).rejects.toThrow(`${join(folder, 'missing', 'out.md')}: cannot write: no such folder`);
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
