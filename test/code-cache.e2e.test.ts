// The program's compiled code kept in the cache folder (src/io/kept-code.ts): a run after the first compiles nothing an earlier
// run of the same build compiled, prints the same, and code for a file of dist/ that changed, an entry that is not
// whole, damaged data or a folder that is not the user's own is never used.
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, freshCacheHome, modulesLoaded } from './helpers/cli.js';
import { repoPath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

/** A copy of the package, whose dist/ a test may change. */
function packageCopy(): string {
  const copy = scratchFolder('kubenotes-code-');
  for (const part of ['bin', 'dist', 'notes', 'package.json']) cpSync(repoPath(part), join(copy, part), { recursive: true });
  symlinkSync(repoPath('node_modules'), join(copy, 'node_modules'));
  return copy;
}

let runs = 0;

/**
 * A run of the package at `root` with the code tracer: its output, and each file of dist/ it compiled, kept or not.
 * Each run is run another way (its environment), so that the program runs rather than print an earlier run's answer.
 */
function run(args: string[], cacheHome: string, root = repoPath('.')) {
  const result = spawnSync(
    process.execPath,
    ['--require', repoPath('test/helpers/trace-code-cache.cjs'), join(root, 'bin/kubenotes.js'), ...args],
    { env: cleanEnv({ XDG_CACHE_HOME: cacheHome, FORCE_COLOR: '1', KUBENOTES_TEST_RUN: String(++runs) }), encoding: 'utf8' },
  );
  const files = new Map<string, string>();
  for (const [, name, how] of result.stderr.matchAll(/^\[code\] (\S+) (kept|compiled)$/gm)) files.set(name, how);
  return { stdout: result.stdout, status: result.status, files, stderr: result.stderr.replace(/^\[code\] .*\n/gm, '') };
}

const how = (files: Map<string, string>) => [...new Set(files.values())];

/** The code entries in a cache folder (one per install of the program and Node that runs it). */
const codeEntries = (home: string) => readdirSync(join(home, 'kubenotes')).filter((name) => name.endsWith('.code'));
const codeEntry = (home: string) => {
  const [entry, ...others] = codeEntries(home);
  expect(others).toEqual([]);
  return join(home, 'kubenotes', entry);
};

describe("the program's compiled code, kept", () => {
  test('a first run compiles every file it loads and keeps their code; the next compiles none, and prints the same', () => {
    const home = freshCacheHome();
    const first = run(['show', '6.4'], home);
    expect(first.status).toBe(0);
    expect(first.files.size).toBeGreaterThan(10);
    expect(how(first.files)).toEqual(['compiled']);
    expect(codeEntries(home)).toHaveLength(1);
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

  test("no file of dist/ is loaded twice, by Node's loader and by the boot's: each has one instance", () => {
    const env = cleanEnv();
    for (const args of [['list'], ['search', 'helm'], ['show', '6.4'], ['export', '--format', 'html']]) {
      modulesLoaded(args, env); // the notes cached, and the code kept
      // run another way (its environment), so that the program runs rather than print the first run's answer
      const { status, modules } = modulesLoaded(args, { ...env, KUBENOTES_TEST_RUN: 'again' });
      expect(status).toBe(0);
      const files = modules.filter((url) => url.includes('/dist/'));
      expect(files.length).toBeGreaterThan(5);
      expect([args, files.filter((url, i) => files.indexOf(url) !== i)]).toEqual([args, []]);
    }
  });

  test('help is answered without it: nothing is compiled through it, nothing kept', () => {
    const home = freshCacheHome();
    const help = run(['--help'], home);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: kubenotes');
    expect(help.files.size).toBe(0);
    expect(existsSync(join(home, 'kubenotes'))).toBe(false);
  });

  test('a file of dist/ that changed since is compiled afresh, even with its length, time and inode kept', () => {
    const copy = packageCopy();
    const home = freshCacheHome();
    const first = run(['list', '--depth', '2'], home, copy);
    // the file that lays out the outline
    const changed = [...first.files.keys()].find((name) => readFileSync(join(copy, 'dist', name), 'utf8').includes('"  ".repeat('))!;
    // rewritten in place, as `rsync --inplace` or `cp -p` would: V8 alone would run the old code for it
    const file = join(copy, 'dist', changed);
    const { atime, mtime, ino } = statSync(file);
    const source = readFileSync(file, 'utf8');
    expect(source).toContain('"  ".repeat(');
    writeFileSync(file, source.replace('"  ".repeat(', '">>".repeat('));
    utimesSync(file, atime, mtime);
    expect(statSync(file).ino).toBe(ino);
    // at another depth: the same would print what list kept, without laying the outline out
    const after = run(['list', '--depth', '3'], home, copy);
    expect(after.files.get(changed)).toBe('compiled');
    expect(after.stdout).toContain('>>');
    expect(after.stdout).toBe(run(['list', '--depth', '3'], freshCacheHome(), copy).stdout);
    // laid out again (another depth: the same would print what list kept), from the code kept of the changed file
    expect(run(['list', '--depth', '1'], home, copy).files.get(changed)).toBe('kept');
  });

  test('a command whose files another loaded first adds its own functions in them to the code kept, once', () => {
    const home = freshCacheHome();
    run(['show', '6.4'], home);
    run(['show', '6.4'], home); // cached notes: the files of a cached show
    const written = () => statSync(codeEntry(home)).ino;
    const afterDiagram = written();
    // a section without a diagram loads no file the one with it did not: its code is kept, its functions added once
    expect(how(run(['show', '7'], home).files)).toEqual(['kept']);
    const afterSection = written();
    expect(afterSection).not.toBe(afterDiagram);
    // rendered again (at another width: the same width would print what show kept), from the same files
    expect(how(run(['--width', '60', 'show', '7'], home).files)).toEqual(['kept']);
    expect(written()).toBe(afterSection);
  });

  test('two installs sharing a cache folder keep their code apart, not over each other', () => {
    const [one, two] = [packageCopy(), packageCopy()];
    const home = freshCacheHome();
    run(['list'], home, one);
    run(['list'], home, two);
    expect(codeEntries(home)).toHaveLength(2);
    expect(how(run(['list'], home, one).files)).toEqual(['kept']);
    expect(how(run(['list'], home, two).files)).toEqual(['kept']);
  });

  test('an entry that is not whole is not used and is written anew; the output is the same', () => {
    const home = freshCacheHome();
    const first = run(['list'], home);
    for (const bytes of [Buffer.alloc(0), Buffer.from([0xff, 0xff, 0xff, 0x7f, 1, 2, 3]), Buffer.from('\u0004\u0000\u0000\u0000{"a"')]) {
      writeFileSync(codeEntry(home), bytes, { mode: 0o600 });
      const broken = run(['list'], home);
      expect(how(broken.files)).toEqual(['compiled']);
      expect([broken.stdout, broken.stderr, broken.status]).toEqual([first.stdout, first.stderr, first.status]);
      expect(how(run(['list'], home).files)).toEqual(['kept']);
    }
  });

  test('data damaged on disk is never given to V8, which would crash on it: compiled afresh, the same output', () => {
    const home = freshCacheHome();
    run(['show', '6.4'], home);
    const entry = codeEntry(home);
    const bytes = readFileSync(entry);
    // a byte in each file's data, from the end of the entry back
    for (let at = bytes.length - 100; at > bytes.length / 2; at -= 4099) bytes[at] ^= 0x55;
    writeFileSync(entry, bytes);
    // at other widths: the same would print what show kept, without rendering
    const damaged = run(['--width', '70', 'show', '6.4'], home);
    const fresh = run(['--width', '70', 'show', '6.4'], freshCacheHome());
    expect([damaged.stdout, damaged.stderr, damaged.status]).toEqual([fresh.stdout, fresh.stderr, fresh.status]);
    expect(how(damaged.files)).toContain('compiled');
    expect(how(run(['--width', '60', 'show', '6.4'], home).files)).toEqual(['kept']);
  });

  test('a cache folder that others can write to is neither read nor written: code from it is never run', () => {
    const home = freshCacheHome();
    run(['list'], home);
    const entry = codeEntry(home);
    const before = statSync(entry).ino;
    chmodSync(join(home, 'kubenotes'), 0o777);
    const shared = run(['search', 'helm'], home);
    expect(shared.files.size).toBe(0); // Node's own loader, no code read
    expect(shared.status).toBe(0);
    chmodSync(join(home, 'kubenotes'), 0o700);
    expect(statSync(entry).ino).toBe(before); // search's files were not added
  });
});
