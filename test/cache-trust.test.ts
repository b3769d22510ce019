// The cache trusts nothing on disk: an entry planted by another user, one that is a FIFO or a device, one whose
// bytes are damaged anywhere, one that names a file the path no longer names, all cost time and never output.
import { describe, expect, jest, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import {
  existsSync,
  chmodSync,
  chownSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { searchIndex, type BlockOwner } from '../src/core/query/search.js';
import * as blockCutter from '../src/core/markdown/blocks.js';
import type { Hit } from '../src/core/query/hit.js';
import type { Collection } from '../src/core/types.js';
import { loadNotes } from '../src/io/notes.js';
import { cleanEnv, runCli, unprivilegedUnavailable } from './helpers/cli.js';
import { fixturePath, repoPath } from './helpers/notes.js';
import { recordingSink } from './helpers/sinks.js';
import { scratchFolder } from './helpers/scratch.js';

jest.setTimeout(120_000);
const scratch = () => scratchFolder('kubenotes-cache-trust-');
const isRoot = process.getuid?.() === 0;

/** The one notes entry of a cache home. */
const entryOf = (home: string, ext = 'notes'): string => {
  const names = readdirSync(join(home, 'kubenotes')).filter((name) => name.endsWith(`.${ext}`));
  expect(names).toHaveLength(1);
  return join(home, 'kubenotes', names[0]);
};

/** An entry's bytes with its checksum (the last 32 bytes) made to match what they now hold: SHA-256, or with `key` its HMAC. */
const resealed = (body: Buffer, key?: Buffer): Buffer =>
  Buffer.concat([body, (key ? createHmac('sha256', key) : createHash('sha256')).update(body).digest()]);

/** The part of a notes entry's header these tests change. */
type EntryHeader = { stamps: unknown[][]; documents: Array<{ title: string; outline: number }> };
/** The part of a document's outline these tests change. */
type Outline = Record<'title' | 'number' | 'id' | 'line' | 'level' | 'end', unknown[]>;

/**
 * A notes entry (format, header length, header, each document's outline, checksum) with its header changed by
 * `edit` and its first outline by `editOutline`, its lengths and checksum (made with `key`, where given) made to match.
 */
function edited(
  entry: Buffer,
  {
    edit = () => {},
    editOutline = () => {},
    key,
  }: { edit?: (header: EntryHeader) => void; editOutline?: (outline: Outline) => void; key?: Buffer },
): Buffer {
  const length = entry.readUInt32LE(4);
  const header = JSON.parse(entry.toString('utf8', 8, 8 + length)) as EntryHeader;
  const outlines: Buffer[] = [];
  for (let at = 8 + length, i = 0; i < header.documents.length; at += header.documents[i++].outline) {
    outlines.push(entry.subarray(at, at + header.documents[i].outline));
  }
  const first = JSON.parse(outlines[0].toString('utf8')) as Outline;
  editOutline(first);
  outlines[0] = Buffer.from(JSON.stringify(first));
  header.documents[0].outline = outlines[0].length;
  edit(header);
  const json = Buffer.from(JSON.stringify(header));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(json.length);
  return resealed(Buffer.concat([entry.subarray(0, 4), size, json, ...outlines]), key);
}

/** A command's whole result, to compare with a run on a fresh cache. */
const run = (args: string[], env: NodeJS.ProcessEnv, input?: string) => {
  const { stdout, stderr, status } = runCli(args, { env, input });
  return { stdout, stderr, status };
};

describe("a cache folder or entry that is not the user's own is ignored, with one warning naming the folder", () => {
  (unprivilegedUnavailable || !isRoot ? test.skip : test)('a folder another user made in a shared cache home (setpriv)', () => {
    const notes = join(scratch(), 'notes.md');
    writeFileSync(notes, '# Notes\n\n## One\n\ntext\n');
    // the entry the victim's own run would write, with a title that sets the window title: planted by nobody
    const own = cleanEnv();
    expect(run(['-f', notes, 'list'], own).status).toBe(0);
    const entry = entryOf(own.XDG_CACHE_HOME!);
    const name = entry.split('/').at(-1)!;
    const planted = scratch();
    chmodSync(planted, 0o755);
    writeFileSync(
      join(planted, name),
      edited(readFileSync(entry), { edit: (header) => (header.documents[0].title = '\u001b]0;pwned\u0007') }),
      { mode: 0o644 },
    );
    const shared = scratch();
    chmodSync(shared, 0o1777);
    const plant = `mkdir -m 755 "$0/kubenotes" && cp "$1/$2" "$0/kubenotes/" && chmod 644 "$0/kubenotes/$2"`;
    const planting = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'sh', '-c', plant, shared, planted, name]);
    expect(planting.status).toBe(0);
    const victim = cleanEnv({ XDG_CACHE_HOME: shared });
    const clean = run(['-f', notes, 'list'], cleanEnv());
    for (let runs = 0; runs < 2; runs++) {
      const result = run(['-f', notes, 'list'], victim);
      expect(result.stdout).toBe(clean.stdout);
      expect(result.stderr).toBe(
        `kubenotes: warning: the cache in ${join(shared, 'kubenotes')} is not used: the folder is owned by another user; remove it or fix its owner and mode\n`,
      );
    }
  });

  (isRoot ? test : test.skip)("an entry of another user in the user's own folder", () => {
    const env = cleanEnv();
    expect(run(['list'], env).status).toBe(0);
    const entry = entryOf(env.XDG_CACHE_HOME!);
    chownSync(entry, 65534, 65534);
    // run another way (its environment), so that the notes are looked for rather than the first run's answer printed
    const result = run(['list'], { ...env, KUBENOTES_TEST_RUN: 'again' });
    expect(result.stdout).toBe(run(['list'], cleanEnv()).stdout);
    expect(result.stderr).toMatch(
      /^kubenotes: warning: the cache in .* is not used: the entry \w+\.notes is owned by another user; remove it or fix its owner and mode\n$/,
    );
  });

  test('a folder writable by others', () => {
    const env = cleanEnv();
    expect(run(['list'], env).status).toBe(0);
    chmodSync(join(env.XDG_CACHE_HOME!, 'kubenotes'), 0o777);
    const result = run(['list'], env);
    expect(result.stdout).toBe(run(['list'], cleanEnv()).stdout);
    expect(result.stderr).toContain('the folder is writable by others');
  });
});

describe('an entry that is not a regular file is never read', () => {
  const cases: Array<[string, (entry: string) => void]> = [
    ['a FIFO', (entry) => expect(spawnSync('mkfifo', [entry]).status).toBe(0)],
    ['a link to /dev/zero', (entry) => symlinkSync('/dev/zero', entry)],
  ];
  if (isRoot) cases.push(['the /dev/zero device itself', (entry) => expect(spawnSync('mknod', [entry, 'c', '1', '5']).status).toBe(0)]);
  test.each(cases)('%s: the command runs as without a cache', (_name, make) => {
    const env = cleanEnv();
    const first = run(['list'], env);
    const entry = entryOf(env.XDG_CACHE_HOME!);
    unlinkSync(entry);
    make(entry);
    expect(run(['list'], env)).toEqual(first); // a FIFO would block, /dev/zero never end: runCli times out after 30 s
  });
});

describe('a path that now names another file with the same size and times is read again', () => {
  /** Two files of the same size whose times are all equal (ctime is set by the clock's coarse tick: tried until equal). */
  function twins(a: string, b: string): void {
    for (let tries = 0; tries < 20; tries++) {
      writeFileSync(a, '# Notes\n\n## Version one\n');
      writeFileSync(b, '# Notes\n\n## Version two\n');
      const time = new Date(1_700_000_000_000);
      utimesSync(a, time, time);
      utimesSync(b, time, time);
      if (statSync(a).ctimeMs === statSync(b).ctimeMs) return;
    }
    throw new Error('could not give two files the same ctime');
  }

  test('a folder link switched from one version to another', () => {
    const root = scratch();
    mkdirSync(join(root, 'v1'));
    mkdirSync(join(root, 'v2'));
    twins(join(root, 'v1', 'notes.md'), join(root, 'v2', 'notes.md'));
    const current = join(root, 'current');
    symlinkSync('v1', current);
    const env = cleanEnv();
    expect(run(['-f', current, 'list'], env).stdout).toContain('Version one');
    unlinkSync(current);
    symlinkSync('v2', current);
    expect(run(['-f', current, 'list'], env).stdout).toContain('Version two');
  });

  test('/dev/stdin redirected from one file, then another', () => {
    const root = scratch();
    twins(join(root, 'a.md'), join(root, 'b.md'));
    const env = cleanEnv();
    const shell = (file: string) =>
      spawnSync(
        'sh',
        ['-c', `exec "$0" "$1" -f /dev/stdin list < "$2"`, process.execPath, repoPath('bin/kubenotes.js'), join(root, file)],
        { env, encoding: 'utf8' },
      ).stdout;
    expect(shell('a.md')).toContain('Version one');
    expect(shell('b.md')).toContain('Version two');
  });

  test('a file edited in place within the same tick of the clock: same size, same times, other bytes', async () => {
    const folder = scratch();
    const home = scratch();
    const file = join(folder, 'notes.md');
    const time = new Date(1_700_000_000_000); // whole seconds, as a coarse file system keeps them
    writeFileSync(file, '# Notes\n\n## Version one\n');
    utimesSync(file, time, time);
    const load = async () =>
      (await loadNotes([file], { env: { XDG_CACHE_HOME: home }, stdin: new PassThrough(), stderr: new PassThrough() })).collection;
    expect((await load()).sections[0].title).toBe('Version one');
    writeFileSync(file, '# Notes\n\n## Version two\n');
    utimesSync(file, time, time);
    // an edit in the same tick as the write before it leaves even the ctime as it was: only the bytes' hash can tell
    const entry = entryOf(home);
    const key = readFileSync(join(home, 'kubenotes', 'key'));
    writeFileSync(entry, edited(readFileSync(entry), { edit: (header) => (header.stamps[0][4] = statSync(file).ctimeMs), key }));
    expect((await load()).sections[0].title).toBe('Version two');
  });
});

describe('a damaged entry is never used', () => {
  /** Everything a command can see of a collection, in a form toEqual compares. */
  const contents = (collection: Collection) => JSON.parse(JSON.stringify(collection));
  /** An owner by its place: a file's text before its first section by the file's, a section by its own. */
  const placeOf = (collection: Collection, owner: BlockOwner): string =>
    'sections' in owner ? `file ${collection.documents.indexOf(owner)}` : `section ${collection.sections.indexOf(owner)}`;

  /**
   * Damage to the entries at `paths` as fast-check draws it (up to three bits flipped or cuts, in any of them), and
   * `write`, which writes each entry so damaged from its bytes as they are now.
   */
  function entryDamage<Name extends string>(paths: Record<Name, string>) {
    const names = Object.keys(paths) as Name[];
    const kept = new Map(names.map((name) => [name, readFileSync(paths[name])]));
    const damage = fc.record({
      which: fc.constantFrom(...names),
      how: fc.oneof(fc.record({ flip: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }), fc.record({ cut: fc.nat() })),
    });
    return {
      damages: fc.array(damage, { minLength: 1, maxLength: 3 }),
      write: (damages: Array<{ which: Name; how: { flip: number; bit: number } | { cut: number } }>) => {
        const bytes = new Map(names.map((name) => [name, Buffer.from(kept.get(name)!)]));
        for (const { which, how } of damages) {
          const entry = bytes.get(which)!;
          if ('flip' in how) entry[how.flip % entry.length] ^= 1 << how.bit;
          else bytes.set(which, entry.subarray(0, how.cut % entry.length));
        }
        for (const name of names) writeFileSync(paths[name], bytes.get(name)!);
      },
    };
  }
  const notes = fixturePath('frontmatter');
  const quiet = () => ({ stdin: new PassThrough(), stderr: new PassThrough() });

  test("random bits flipped and random cuts, in the notes, the files' entries, the blocks and the word index: always a fresh parse's collection, blocks and hits, never a crash", async () => {
    const home = scratch();
    const first = await loadNotes([notes], { env: { XDG_CACHE_HOME: home }, ...quiet() });
    const sink = recordingSink(first.blocks!.blockSink(first.collection));
    const index = searchIndex(first.collection, blockCutter, undefined, undefined, sink);
    const hitsOf = (hits: Hit[]) => hits.map((hit) => [hit.block.line, hit.block.text, hit.score]);
    const expectedHits = hitsOf(index.search('title', { limit: 5 }));
    sink.finish();
    const expected = contents(first.collection);
    const expectedBlocks = new Map([...sink.given].map(([owner, { blocks }]) => [placeOf(first.collection, owner), blocks]));
    const entries = entryDamage({
      notes: entryOf(home),
      blocks: entryOf(home, 'blocks'),
      files: entryOf(home, 'files'),
      terms: entryOf(home, 'terms'),
    });
    await fc.assert(
      fc.asyncProperty(entries.damages, async (damages) => {
        entries.write(damages);
        const loaded = await loadNotes([notes], { env: { XDG_CACHE_HOME: home }, ...quiet() });
        // the search command's way first (the texts read when needed), then the whole collection
        const known = loaded.blocks!.readBlocks(loaded.collection);
        const again = searchIndex(loaded.collection, blockCutter, known, loaded.blocks!.readTerms(loaded.collection));
        expect(hitsOf(again.search('title', { limit: 5 }))).toEqual(expectedHits);
        // each owner's blocks read from the entry are the ones kept, or not read (cut again)
        const owners: BlockOwner[] = [...loaded.collection.documents, ...loaded.collection.sections];
        for (const owner of owners) {
          const place = placeOf(loaded.collection, owner);
          const kept = expectedBlocks.get(place);
          if (kept) expect([place, known?.get(owner) ?? kept]).toEqual([place, kept]);
        }
        expect(contents(loaded.collection)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  test('random bits flipped and random cuts in both entries of kept blocks, the whole and the recent: the same hits, never a crash', async () => {
    const home = scratch();
    const folder = scratch();
    for (let f = 0; f < 6; f++) {
      const parts = Array.from({ length: 6 }, (_, s) => `## Part ${s}\n\ncommon w${f}x${s}\n\n- a list of ${s}\n`);
      writeFileSync(join(folder, `page-${f}.md`), `intro i${f}\n\n${parts.join('\n')}`);
    }
    const env = { env: { XDG_CACHE_HOME: home } };
    const queries = ['common', 'intro'];
    const hitsOf = (hits: Hit[]) => hits.map((hit) => [hit.block.line, hit.block.text, hit.score]);
    const expectedHits: unknown[] = [];
    const expectedBlocks = new Map<string, unknown>();
    // a search that cuts every section's blocks (the whole entry), then one that cuts the files' own texts (the recent)
    for (const query of queries) {
      const loaded = await loadNotes([folder], { ...env, ...quiet() });
      const sink = recordingSink(loaded.blocks!.blockSink(loaded.collection));
      const index = searchIndex({ ...loaded.collection }, blockCutter, loaded.blocks!.readBlocks(loaded.collection), undefined, sink);
      expectedHits.push(hitsOf(index.search(query, { limit: 50 })));
      sink.finish();
      for (const [owner, { blocks }] of sink.given) expectedBlocks.set(placeOf(loaded.collection, owner), blocks);
    }
    const entries = entryDamage({ whole: entryOf(home, 'blocks'), recent: entryOf(home, 'recent-blocks') });
    await fc.assert(
      fc.asyncProperty(entries.damages, async (damages) => {
        entries.write(damages);
        const loaded = await loadNotes([folder], { ...env, ...quiet() });
        const known = loaded.blocks!.readBlocks(loaded.collection);
        const terms = loaded.blocks!.readTerms(loaded.collection);
        const found = queries.map((query) =>
          hitsOf(searchIndex({ ...loaded.collection }, blockCutter, known, terms).search(query, { limit: 50 })),
        );
        expect(found).toEqual(expectedHits);
        for (const owner of [...loaded.collection.documents, ...loaded.collection.sections]) {
          const place = placeOf(loaded.collection, owner);
          const blocks = expectedBlocks.get(place);
          if (blocks) expect([place, known?.get(owner) ?? blocks]).toEqual([place, blocks]);
        }
      }),
      { numRuns: 150 },
    );
  });

  const outlineEdits: Array<[string, (outline: Outline) => void]> = [
    ['an outline number that sets the window title', (outline) => (outline.number[0] = '\u001b]0;pwned\u0007')],
    ['an id that clears the screen', (outline) => (outline.id[0] = '\u001b[2J')],
    ['a line that is not a number', (outline) => (outline.line[0] = '\u001b[2J')],
    ['a level out of range', (outline) => (outline.level[0] = 99)],
    ['an outline number with no parent above it', (outline) => (outline.number[0] = '1.1')],
    ['a section past the end of the text', (outline) => (outline.end[0] = 1e9)],
  ];

  test.each(outlineEdits)('an entry resealed by another program (SHA-256, not the cache key) with %s: not used', async (_name, edit) => {
    const env = cleanEnv();
    const clean = run(['list'], env);
    const entry = entryOf(env.XDG_CACHE_HOME!);
    writeFileSync(entry, edited(readFileSync(entry), { editOutline: edit }));
    expect(run(['list'], env)).toEqual(clean);
    expect(run(['search', 'helm'], env)).toEqual(run(['search', 'helm'], cleanEnv()));
  });

  test.each(outlineEdits)(
    "an entry sealed with the cache's key but with %s (a kubenotes that wrote it wrong): the file's own entry is read instead",
    async (_name, edit) => {
      const env = cleanEnv();
      const clean = run(['list'], env);
      const entry = entryOf(env.XDG_CACHE_HOME!);
      const key = readFileSync(join(env.XDG_CACHE_HOME!, 'kubenotes', 'key'));
      writeFileSync(entry, edited(readFileSync(entry), { editOutline: edit, key }));
      expect(run(['list'], env)).toEqual(clean);
      expect(run(['show', 'prometheus'], env)).toEqual(run(['show', 'prometheus'], cleanEnv()));
    },
  );
});

/** Longer than any run of a command on the bundled notes takes, however busy the machine: only a hung run reaches it. */
const HUNG_MS = 120_000;

(existsSync('/proc/self') ? test : test.skip)(
  'a cache home where no folder can be made and the file system says ENOENT (under /proc): the command runs without a cache',
  () => {
    const env = cleanEnv({ XDG_CACHE_HOME: '/proc/kubenotes-cache-home' });
    const run = spawnSync(process.execPath, [repoPath('bin/kubenotes.js'), 'list'], {
      env,
      encoding: 'utf8',
      timeout: HUNG_MS,
      killSignal: 'SIGKILL',
    });
    expect([run.status, run.signal]).toEqual([0, null]);
    expect(run.stdout).toBe(runCli(['list'], { env: cleanEnv() }).stdout);
  },
  HUNG_MS + 60_000,
);

test('temporary files a killed writer left are swept when the cache is next written; one being written is not', () => {
  const env = cleanEnv();
  const folder = join(env.XDG_CACHE_HOME!, 'kubenotes');
  mkdirSync(folder, { mode: 0o700 });
  const [stale, live] = [join(folder, 'x.notes.1.2.abc.tmp'), join(folder, 'y.notes.3.4.def.tmp')];
  writeFileSync(stale, 'half an entry');
  writeFileSync(live, 'half an entry');
  const old = new Date(Date.now() - 3600_000);
  utimesSync(stale, old, old);
  expect(run(['list'], env).status).toBe(0);
  expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual(['y.notes.3.4.def.tmp']);
});

test('four processes on one fresh cache print the same as each other, and leave one whole entry', async () => {
  const env = cleanEnv();
  const runOnce = () =>
    new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [repoPath('bin/kubenotes.js'), 'search', 'helm'], { env });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.on('close', () => resolve(out));
    });
  const outputs = await Promise.all([runOnce(), runOnce(), runOnce(), runOnce()]);
  expect(new Set(outputs).size).toBe(1);
  expect(outputs[0]).toBe(runCli(['search', 'helm']).stdout);
  expect(readdirSync(join(env.XDG_CACHE_HOME!, 'kubenotes')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  expect(await runOnce()).toBe(outputs[0]);
});
