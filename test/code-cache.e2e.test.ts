// The program's compiled code kept in the cache folder (src/boot.ts): a run after the first compiles nothing an earlier
// run of the same build compiled, prints the same, and a file of dist/ that changed, an entry that is not whole or a
// folder that is not the user's own is never used.
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, freshCacheHome } from './helpers/cli.js';
import { repoPath } from './helpers/notes.js';

const copies: string[] = [];
afterAll(() => copies.forEach((copy) => rmSync(copy, { recursive: true, force: true })));

/** A copy of the package, whose dist/ a test may change. */
function packageCopy(): string {
  const copy = mkdtempSync(join(tmpdir(), 'kubenotes-code-'));
  copies.push(copy);
  for (const part of ['bin', 'dist', 'notes', 'package.json']) cpSync(repoPath(part), join(copy, part), { recursive: true });
  symlinkSync(repoPath('node_modules'), join(copy, 'node_modules'));
  return copy;
}

/** A run of the package at `root` with the code tracer: its output, and each file of dist/ it compiled, kept or not. */
function run(args: string[], cacheHome: string, root = repoPath('.')) {
  const result = spawnSync(
    process.execPath,
    ['--require', repoPath('test/helpers/trace-code-cache.cjs'), join(root, 'bin/kubenotes.js'), ...args],
    { env: cleanEnv({ XDG_CACHE_HOME: cacheHome, FORCE_COLOR: '1' }), encoding: 'utf8' },
  );
  const files = new Map<string, string>();
  for (const [, name, how] of result.stderr.matchAll(/^\[code\] (\S+) (kept|compiled)$/gm)) files.set(name, how);
  return { stdout: result.stdout, status: result.status, files, stderr: result.stderr.replace(/^\[code\] .*\n/gm, '') };
}

const how = (files: Map<string, string>) => [...new Set(files.values())];

describe("the program's compiled code, kept", () => {
  test('a first run compiles every file it loads and keeps their code; the next compiles none, and prints the same', () => {
    const home = freshCacheHome();
    const first = run(['show', '6.4'], home);
    expect(first.status).toBe(0);
    expect(first.files.size).toBeGreaterThan(10);
    expect(how(first.files)).toEqual(['compiled']);
    expect(existsSync(join(home, 'kubenotes', 'code'))).toBe(true);
    const second = run(['show', '6.4'], home);
    expect(how(second.files)).toEqual(['kept']);
    // a cached run loads fewer files than the first (no parser): each of them was kept
    expect([...second.files.keys()].filter((name) => !first.files.has(name))).toEqual([]);
    expect([second.stdout, second.stderr, second.status]).toEqual([first.stdout, first.stderr, first.status]);
    // another command's files are added to the code kept, and the first's are still kept
    expect(how(run(['search', 'helm'], home).files)).toContain('compiled');
    expect(how(run(['search', 'helm'], home).files)).toEqual(['kept']);
    expect(how(run(['show', '6.4'], home).files)).toEqual(['kept']);
  });

  test('help is answered without it: nothing is compiled through it, nothing kept', () => {
    const home = freshCacheHome();
    const help = run(['--help'], home);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: kubenotes');
    expect(help.files.size).toBe(0);
    expect(existsSync(join(home, 'kubenotes', 'code'))).toBe(false);
  });

  test('a file of dist/ that changed since is compiled afresh, and its new code kept', () => {
    const copy = packageCopy();
    const home = freshCacheHome();
    const first = run(['list'], home, copy);
    const changed = [...first.files.keys()].find((name) => name.startsWith('list-'))!;
    // of the same length, which V8 alone would take the old code for: the file's time tells
    const file = join(copy, 'dist', changed);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"use strict";', "'use strict';"));
    const after = run(['list'], home, copy);
    expect(after.files.get(changed)).toBe('compiled');
    expect([...after.files].filter(([name]) => name !== changed).map(([, kept]) => kept)).not.toContain('compiled');
    expect(after.stdout).toBe(first.stdout);
    expect(run(['list'], home, copy).files.get(changed)).toBe('kept');
  });

  test('an entry that is not whole is not used and is written anew; the output is the same', () => {
    const home = freshCacheHome();
    const first = run(['list'], home);
    for (const bytes of [Buffer.alloc(0), Buffer.from([0xff, 0xff, 0xff, 0x7f, 1, 2, 3]), Buffer.from('\u0004\u0000\u0000\u0000{"a"')]) {
      writeFileSync(join(home, 'kubenotes', 'code'), bytes, { mode: 0o600 });
      const broken = run(['list'], home);
      expect(how(broken.files)).toEqual(['compiled']);
      expect([broken.stdout, broken.stderr, broken.status]).toEqual([first.stdout, first.stderr, first.status]);
      expect(how(run(['list'], home).files)).toEqual(['kept']);
    }
  });

  test('data damaged on disk is never given to V8, which would crash on it: compiled afresh, the same output', () => {
    const home = freshCacheHome();
    const first = run(['show', '6.4'], home);
    const entry = join(home, 'kubenotes', 'code');
    const bytes = readFileSync(entry);
    // a byte in each file's data, from the end of the entry back
    for (let at = bytes.length - 100; at > bytes.length / 2; at -= 4099) bytes[at] ^= 0x55;
    writeFileSync(entry, bytes);
    const damaged = run(['show', '6.4'], home);
    expect([damaged.stdout, damaged.stderr, damaged.status]).toEqual([first.stdout, first.stderr, first.status]);
    expect(how(damaged.files)).toContain('compiled');
    expect(how(run(['show', '6.4'], home).files)).toEqual(['kept']);
  });

  test('a cache folder that others can write to is neither read nor written: code from it is never run', () => {
    const home = freshCacheHome();
    run(['list'], home);
    const entry = join(home, 'kubenotes', 'code');
    const before = statSync(entry).ino;
    chmodSync(join(home, 'kubenotes'), 0o777);
    const shared = run(['search', 'helm'], home);
    expect(how(shared.files)).toEqual(['compiled']);
    expect(shared.status).toBe(0);
    chmodSync(join(home, 'kubenotes'), 0o700);
    expect(statSync(entry).ino).toBe(before); // search's files were not added
  });
});
