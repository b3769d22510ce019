// The cache of parsed notes: the same collection as a fresh parse, never trusted when stale, corrupt or from another
// build, never in the way when it cannot be written, and whole when two processes write it at once.
import { describe, expect, jest, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Collection } from '../src/core/types.js';
import { buildCollection } from '../src/core/notes/collection.js';
import { resolveQuery } from '../src/core/query/resolve.js';
import { createStyle } from '../src/render/style.js';
import { renderSections } from '../src/render/terminal/sections.js';
import { renderOutline } from '../src/render/reports/outline.js';
import { isPending } from '../src/core/notes/lazy.js';
import { blocksDigest, searchIndex, type BlockOwner } from '../src/core/query/search.js';
import * as blockCutter from '../src/core/markdown/blocks.js';
import type { Block } from '../src/core/markdown/blocks.js';
import type { Hit } from '../src/core/query/hit.js';
import { notesCache } from '../src/io/cache.js';
import { cacheFolder } from '../src/io/cache-folder.js';
import { sealedNotes } from '../src/io/cache-entry.js';
import { CacheStore } from '../src/io/cache-store.js';
import { loadNotes, type LoadedNotes } from '../src/io/notes.js';
import { listSources } from '../src/io/sources.js';
import { cleanEnv, runCli } from './helpers/cli.js';
import { fixturePath, repoPath } from './helpers/notes.js';
import { recordingSink } from './helpers/sinks.js';
import { scratchFolder } from './helpers/scratch.js';

const scratch = () => scratchFolder('kubenotes-cache-test-');

/** Loads the notes as a command does, with the cache in `cacheHome`; what it warned on stderr too. */
async function load(paths: string[], cacheHome: string): Promise<{ collection: Collection; stderr: string }> {
  const stderr = new PassThrough();
  let text = '';
  stderr.on('data', (chunk) => (text += chunk));
  const { collection } = await loadNotes(paths, { env: { HOME: cacheHome, XDG_CACHE_HOME: cacheHome }, stdin: new PassThrough(), stderr });
  return { collection, stderr: text };
}

/** The cache entry of `paths`, read as the next command would: undefined when it would parse the notes again. */
async function cached(paths: string[], cacheHome: string): Promise<Collection | undefined> {
  const { files } = await listSources(paths);
  return notesCache({ XDG_CACHE_HOME: cacheHome }, paths, files)?.read();
}

/** A notes entry's bytes with its checksum (the last 32 bytes, the HMAC of the rest with the cache's key) made to match what they now hold. */
const resealed = (entry: Buffer, cacheHome: string): Buffer => {
  const body = entry.subarray(0, entry.length - 32);
  const key = readFileSync(join(cacheHome, 'kubenotes', 'key'));
  return Buffer.concat([body, createHmac('sha256', key).update(body).digest()]);
};

const entries = (cacheHome: string): string[] => readdirSync(join(cacheHome, 'kubenotes')).filter((name) => name.endsWith('.notes'));

/** Everything a command can see of a collection, in a form toEqual compares. */
const contents = (collection: Collection) => JSON.parse(JSON.stringify(collection));

describe('a cache hit', () => {
  test.each([
    ['the bundled notes', [repoPath('notes/kubecon-na-2022.md')]],
    ['a folder with front matter, a warning and several files', [fixturePath('frontmatter')]],
    ['several paths', [fixturePath('headings.md'), fixturePath('sites/hugo-docs')]],
  ])('returns the collection a fresh parse does: %s', async (_name, paths) => {
    const home = scratch();
    const fresh = await load(paths, home);
    const hit = await cached(paths, home);
    expect(hit).toBeDefined();
    expect(contents(hit!)).toEqual(contents(fresh.collection));
    // every section's Markdown is still a slice of its document's text, at its line
    for (const document of hit!.documents) for (const section of document.sections) expect(document.text).toContain(section.markdown);
    // a file's warnings were said when it was parsed: a command that takes it from the cache says nothing again
    expect((await load(paths, home)).stderr).toBe('');
  });
});

describe('a cache that cannot be trusted is not used', () => {
  function notesIn(folder: string, text = '# Notes\n\n## One\n\ntext\n'): string {
    const file = join(folder, 'notes.md');
    writeFileSync(file, text);
    return file;
  }

  test('a changed file: other size, or the same size written later', async () => {
    const home = scratch();
    const file = notesIn(scratch());
    await load([file], home);
    expect(await cached([file], home)).toBeDefined();
    writeFileSync(file, '# Notes\n\n## Two\n\ntext\n'); // same size, new time
    const later = new Date(statSync(file).mtimeMs + 5000);
    utimesSync(file, later, later);
    expect(await cached([file], home)).toBeUndefined();
    expect((await load([file], home)).collection.sections.map((s) => s.title)).toEqual(['Two']);
    writeFileSync(file, '# Notes\n\n## Three, longer\n\ntext\n');
    expect(await cached([file], home)).toBeUndefined();
    expect((await load([file], home)).collection.sections.map((s) => s.title)).toEqual(['Three, longer']);
  });

  test('a folder that gained a file', async () => {
    const home = scratch();
    const folder = scratch();
    notesIn(folder);
    await load([folder], home);
    expect(await cached([folder], home)).toBeDefined();
    writeFileSync(join(folder, 'more.md'), '## More\n');
    expect(await cached([folder], home)).toBeUndefined();
    expect((await load([folder], home)).collection.documents.map((d) => d.file)).toEqual(['more.md', 'notes.md']);
  });

  test('the same names read from another folder', async () => {
    const home = scratch();
    const [a, b] = [scratch(), scratch()];
    notesIn(a, '## In a\n');
    notesIn(b, '## In b\n');
    const titles = async (folder: string) => (await load([folder], home)).collection.sections.map((s) => s.title);
    expect(await titles(a)).toEqual(['In a']);
    expect(await titles(b)).toEqual(['In b']);
    expect(await titles(a)).toEqual(['In a']);
  });

  test('a corrupt entry is ignored, the notes parsed, and the entry written anew', async () => {
    const home = scratch();
    const file = notesIn(scratch());
    const fresh = await load([file], home);
    const [entry] = entries(home);
    const path = join(home, 'kubenotes', entry);
    const whole = readFileSync(path);
    for (const broken of [
      whole.subarray(0, whole.length - 3),
      Buffer.from('not a cache'),
      Buffer.alloc(0),
      Buffer.concat([whole, Buffer.from('x')]),
    ]) {
      writeFileSync(path, broken);
      expect(await cached([file], home)).toBeUndefined();
      const again = await load([file], home);
      expect(contents(again.collection)).toEqual(contents(fresh.collection));
      expect(again.stderr).toBe('');
      expect(readFileSync(path)).toEqual(whole);
    }
  });

  test('an entry written by another build, even with its checksum made to match', async () => {
    const home = scratch();
    const file = notesIn(scratch());
    await load([file], home);
    const path = join(home, 'kubenotes', entries(home)[0]);
    const bytes = readFileSync(path);
    const length = bytes.readUInt32LE(4);
    const header = bytes.toString('utf8', 8, 8 + length);
    const build = JSON.parse(header).build as string;
    const other = Buffer.from(header.replace(JSON.stringify(build), JSON.stringify(`9${build.slice(1)}`)), 'utf8');
    expect(other.length).toBe(length);
    writeFileSync(path, resealed(bytes, home));
    expect(await cached([file], home)).toBeDefined(); // sealed anew as it was: still used
    other.copy(bytes, 8);
    writeFileSync(path, resealed(bytes, home));
    expect(await cached([file], home)).toBeUndefined();
  });
});

describe('blocks a search cut', () => {
  test('are kept for the next search of the same notes, and forgotten when a file changes', async () => {
    const home = scratch();
    const folder = scratch();
    const file = join(folder, 'notes.md');
    writeFileSync(file, readFileSync(repoPath('notes/kubecon-na-2022.md')));
    const first = await loadNotes([file], { env: { XDG_CACHE_HOME: home }, stdin: new PassThrough(), stderr: new PassThrough() });
    expect(first.blocks!.readBlocks(first.collection)).toBeUndefined();
    const sink = recordingSink(first.blocks!.blockSink(first.collection));
    const hits = searchIndex(first.collection, blockCutter, undefined, undefined, sink).search('helm', { limit: 10 });
    sink.finish();
    // the next command: the notes from the cache, the blocks from the store, the same hits
    const next = await loadNotes([file], { env: { XDG_CACHE_HOME: home }, stdin: new PassThrough(), stderr: new PassThrough() });
    const known = next.blocks!.readBlocks(next.collection)!;
    expect(known.size).toBe(sink.given.size);
    const again = searchIndex(next.collection, blockCutter, known).search('helm', { limit: 10 });
    expect(again.map((hit) => [hit.block.line, hit.block.text, hit.score])).toEqual(
      hits.map((hit) => [hit.block.line, hit.block.text, hit.score]),
    );
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n## More\n`);
    const changed = await loadNotes([file], { env: { XDG_CACHE_HOME: home }, stdin: new PassThrough(), stderr: new PassThrough() });
    const stale = changed.blocks!.readBlocks(changed.collection);
    expect(changed.collection.sections.map((section) => stale?.get(section)).filter(Boolean)).toEqual([]);
    expect(stale?.get(changed.collection.documents[0])).toBeUndefined();
  });

  test("are kept per file: after files are changed, added, renamed and removed, only the changed and new files' are cut", async () => {
    const home = scratch();
    const folder = scratch();
    const page = (name: string, word = 'alpha') => `# Page ${name}\n\n## One\n\n${word} ${name}\n\n## Two\n\nbeta ${name}\n`;
    for (const name of ['b', 'c', 'd', 'e']) writeFileSync(join(folder, `${name}.md`), page(name));
    const io = (cacheHome: string) => ({ env: { XDG_CACHE_HOME: cacheHome }, stdin: new PassThrough(), stderr: new PassThrough() });
    const named = (hits: Hit[]) => hits.map((hit) => `${hit.block.document.file}:${hit.block.line} ${hit.block.text}`);
    const searched = async (query: string) => {
      const { hits, cut } = keptSearch(await loadNotes([folder], io(home)), query);
      const fresh = await loadNotes([folder], io(scratch()));
      expect(named(hits)).toEqual(named(searchIndex(fresh.collection, blockCutter).search(query, { limit: 10 })));
      return { hits: named(hits), cut };
    };
    expect((await searched('alpha')).cut).toBe(4);
    // a file before the others (every place moves), one edited, one renamed, one removed
    writeFileSync(join(folder, 'a.md'), page('a'));
    writeFileSync(join(folder, 'c.md'), page('c', 'alpha gamma'));
    renameSync(join(folder, 'd.md'), join(folder, 'f.md'));
    unlinkSync(join(folder, 'e.md'));
    const after = await searched('alpha');
    expect(after.hits).toEqual(['a.md:5 alpha a', 'b.md:5 alpha b', 'f.md:5 alpha d', 'c.md:5 alpha gamma c']);
    expect(after.cut).toBe(3); // a, c and f: b's blocks were kept, at its place now
    expect(await searched('alpha')).toEqual({ hits: after.hits, cut: 0 });
  });
});

/**
 * A search as the search command runs it on loaded notes, through an index of its own: the blocks and words kept
 * read, the blocks it cuts kept for the next one. Its hits, and how many owners' blocks it cut.
 */
function keptSearch(loaded: LoadedNotes, query: string, limit = 10): { hits: Hit[]; cut: number } {
  const { collection, blocks } = loaded;
  const sink = recordingSink(blocks!.blockSink(collection));
  // a copy of the collection: the index of the collection itself is made once, and a test searches it again
  const index = searchIndex({ ...collection }, blockCutter, blocks!.readBlocks(collection), blocks!.readTerms(collection), sink);
  const hits = index.search(query, { limit });
  sink.finish();
  return { hits, cut: sink.given.size };
}

/** Flips a bit of the byte at `at` of the blocks entry in the cache home `home`: damage, as a disk or another program makes it. */
function flipBlocksByte(home: string, at: (bytes: Buffer) => number): void {
  const entry = join(
    home,
    'kubenotes',
    readdirSync(join(home, 'kubenotes')).find((name) => name.endsWith('.blocks'))!,
  );
  const bytes = readFileSync(entry);
  bytes[at(bytes)] ^= 1;
  writeFileSync(entry, bytes);
}

describe('a file listed twice (a folder and a folder in it, both given)', () => {
  test('keeps one set of blocks and words for each listing, however often other files change', async () => {
    const home = scratch();
    const folder = scratch();
    mkdirSync(join(folder, 'sub'));
    writeFileSync(join(folder, 'sub', 'twice.md'), '# Twice\n\n## Part\n\nalpha twice\n');
    const paths = [folder, join(folder, 'sub')];
    const io = () => ({ env: { XDG_CACHE_HOME: home }, stdin: new PassThrough(), stderr: new PassThrough() });
    const counts: number[] = [];
    for (let edit = 0; edit < 4; edit++) {
      writeFileSync(join(folder, 'other.md'), `# Other\n\n## Part\n\nalpha other ${'edited '.repeat(edit)}\n`);
      const loaded = await loadNotes(paths, io());
      expect(loaded.collection.documents).toHaveLength(3);
      keptSearch(loaded, 'alpha');
      const again = await loadNotes(paths, io());
      counts.push(again.blocks!.readBlocks(again.collection)!.size);
      const terms = again.blocks!.readTerms(again.collection)!;
      const owners = Array.from(terms.owners(terms.words.indexOf('alpha'))!);
      expect(owners).toEqual([...new Set(owners)].sort((a, b) => a - b));
    }
    expect(new Set(counts).size).toBe(1);
  });
});

describe('blocks kept by one search', () => {
  test('stay kept when another search writes the blocks it cut: going back to the first cuts nothing', async () => {
    const home = scratch();
    const folder = scratch();
    for (const name of ['a', 'b', 'c'])
      writeFileSync(join(folder, `${name}.md`), `# Page ${name}\n\n## One\n\nalpha ${name}\n\n## Two\n\nbeta ${name}\n`);
    const io = () => ({ env: { XDG_CACHE_HOME: home }, stdin: new PassThrough(), stderr: new PassThrough() });
    const searched = async (query: string) => {
      const { hits, cut } = keptSearch(await loadNotes([folder], io()), query);
      return { hits: hits.map((hit) => hit.block.text), cut };
    };
    expect(await searched('alpha')).toEqual({ hits: ['alpha a', 'alpha b', 'alpha c'], cut: 3 });
    expect(await searched('beta')).toEqual({ hits: ['beta a', 'beta b', 'beta c'], cut: 3 });
    expect(await searched('alpha')).toEqual({ hits: ['alpha a', 'alpha b', 'alpha c'], cut: 0 });
    expect(await searched('beta')).toEqual({ hits: ['beta a', 'beta b', 'beta c'], cut: 0 });
  });
});

describe('the cache is never required', () => {
  test('a cache folder that cannot be made: the notes are read, nothing is said', () => {
    const blocked = join(scratch(), 'file');
    writeFileSync(blocked, 'a file where the cache folder would go');
    for (let run = 0; run < 2; run++) {
      const { stdout, stderr, status } = runCli(['list', '--depth', '1'], { env: cleanEnv({ XDG_CACHE_HOME: blocked }) });
      expect(status).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toContain('7  Prometheus - Intro, Deep Dive, And Open Q+A');
    }
  });

  test('a relative XDG_CACHE_HOME is ignored, as the XDG spec says', () => {
    expect(cacheFolder({ XDG_CACHE_HOME: 'relative', HOME: '/home/me' })).toBe(join('/home/me', '.cache', 'kubenotes'));
    expect(cacheFolder({ XDG_CACHE_HOME: '/var/cache/me', HOME: '/home/me' })).toBe(join('/var/cache/me', 'kubenotes'));
  });

  test('standard input is never cached', () => {
    const env = cleanEnv();
    const { status } = runCli(['-f', '-', 'list'], { env, input: '# Piped\n\n## One\n' });
    expect(status).toBe(0);
    // the program's own compiled code only (io/kept-code.ts) and the key that seals it, no entry of the notes
    expect(readdirSync(join(env.XDG_CACHE_HOME!, 'kubenotes')).filter((name) => name !== 'key' && !name.endsWith('.code'))).toEqual([]);
  });
});

test('two processes writing the cache at once leave one whole entry, which the next run uses', async () => {
  const home = scratch();
  const folder = scratch();
  // large enough that the two writes overlap
  const notes = readFileSync(repoPath('notes/kubecon-na-2022.md'), 'utf8');
  mkdirSync(join(folder, 'notes'));
  // written long ago: stamps that settle between the runs would have the third write the entry anew, on a slow machine
  const past = new Date(1_600_000_000_123);
  for (let i = 0; i < 40; i++) {
    const part = join(folder, 'notes', `part-${String(i).padStart(2, '0')}.md`);
    writeFileSync(part, notes);
    utimesSync(part, past, past);
  }
  utimesSync(join(folder, 'notes'), past, past);
  const env = cleanEnv({ XDG_CACHE_HOME: home });
  const run = () =>
    new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [repoPath('bin/kubenotes.js'), '-f', join(folder, 'notes'), 'list', '--json'], { env });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.on('close', () => resolve(out));
    });
  const [first, second] = await Promise.all([run(), run()]);
  expect(second).toBe(first);
  expect(JSON.parse(first).sections.length).toBeGreaterThan(1000);
  expect(entries(home)).toHaveLength(1);
  expect(readdirSync(join(home, 'kubenotes')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  // the next run reads the entry rather than writing a new one (a rewrite is a new file renamed over it)
  const entry = join(home, 'kubenotes', entries(home)[0]);
  const before = statSync(entry);
  expect(await run()).toBe(first);
  const after = statSync(entry);
  expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
}, 60_000);

describe('one entry per file', () => {
  const fileEntries = (home: string) => readdirSync(join(home, 'kubenotes')).filter((name) => name.endsWith('.file'));
  const packs = (home: string) => readdirSync(join(home, 'kubenotes')).filter((name) => name.endsWith('.files'));

  test("a changed file of many is the only one parsed again; the collection is as a fresh parse's, numbers run on", async () => {
    const home = scratch();
    const folder = scratch();
    for (const name of ['a', 'b', 'c']) writeFileSync(join(folder, `${name}.md`), `# ${name}\n\n## ${name} one\n\n## ${name} two\n`);
    await load([folder], home);
    // a first run's entries are packed in one file
    expect(fileEntries(home)).toEqual([]);
    expect(packs(home)).toHaveLength(1);
    const pack = join(home, 'kubenotes', packs(home)[0]);
    const packed = statSync(pack).ino;
    writeFileSync(join(folder, 'b.md'), '# b\n\n## b one\n\n## b two\n\n## b three\n');
    const after = await load([folder], home);
    expect(contents(after.collection)).toEqual(contents(collectionOf(folder)));
    expect(after.collection.sections.map((s) => `${s.number} ${s.title}`)).toEqual([
      '1 a one',
      '2 a two',
      '3 b one',
      '4 b two',
      '5 b three',
      '6 c one',
      '7 c two',
    ]);
    // a and c were taken from their entries, left in the pack as it was; b's entry was written, a file of its own
    expect(statSync(pack).ino).toBe(packed);
    expect(fileEntries(home)).toHaveLength(1);
    expect(await cached([folder], home)).toBeDefined();
  });

  test("once many files changed, their entries and the others still there go in a new pack; the collection is a fresh parse's", async () => {
    const home = scratch();
    const folder = scratch();
    const files = 40;
    const page = (i: number, extra = '') => `# Page ${i}\n\n## Part ${i}\n\ntext ${i}${extra}\n`;
    for (let i = 0; i < files; i++) writeFileSync(join(folder, `page-${i}.md`), page(i));
    await load([folder], home);
    // one edited: its own entry; then 21 others: a new pack that holds every file's, that entry of its own with them
    writeFileSync(join(folder, 'page-30.md'), page(30, ' edited'));
    await load([folder], home);
    expect(fileEntries(home)).toHaveLength(1);
    for (let i = 0; i <= 20; i++) writeFileSync(join(folder, `page-${i}.md`), page(i, ' edited again'));
    const packed = statSync(join(home, 'kubenotes', packs(home)[0])).ino;
    const after = await load([folder], home);
    expect(contents(after.collection)).toEqual(contents((await load([folder], scratch())).collection));
    expect(fileEntries(home)).toEqual([]);
    expect(statSync(join(home, 'kubenotes', packs(home)[0])).ino).not.toBe(packed);
    // the notes entry gone, every file is read from the new pack: none parsed (which would write an entry)
    for (const name of readdirSync(join(home, 'kubenotes')).filter((entry) => entry.endsWith('.notes')))
      unlinkSync(join(home, 'kubenotes', name));
    const pack = statSync(join(home, 'kubenotes', packs(home)[0])).ino;
    const again = await load([folder], home);
    expect(contents(again.collection)).toEqual(contents(after.collection));
    expect(statSync(join(home, 'kubenotes', packs(home)[0])).ino).toBe(pack);
    expect(fileEntries(home)).toEqual([]);
    expect(await cached([folder], home)).toBeDefined();
  });

  test("a first run's files' entries are written together: a few system calls, not one per file nor per piece", () => {
    const home = scratch();
    const folder = scratch();
    const files = 30;
    for (let i = 0; i < files; i++) writeFileSync(join(folder, `page-${i}.md`), `# Page ${i}\n\n## Part ${i}\n\nText of ${i}.\n`);
    const cache = join(home, 'kubenotes');
    const run = spawnSync(
      process.execPath,
      ['--require', repoPath('test/helpers/count-writes.cjs'), repoPath('bin/kubenotes.js'), '-f', folder, 'list'],
      { env: cleanEnv({ XDG_CACHE_HOME: home, KUBENOTES_COUNT_WRITES: cache }), encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    expect(fileEntries(home)).toEqual([]);
    expect(packs(home)).toHaveLength(1);
    const writes = Number(/^\[writes\] (\d+)$/m.exec(run.stderr)?.[1]);
    // the pack's entries and its table; the folder's own entries (the key, the walk, the notes, the words, the
    // output, the answer, the compiled code)
    expect(writes).toBeGreaterThanOrEqual(2);
    expect(writes).toBeLessThanOrEqual(10);
  });
});

describe('a file whose times changed but not its bytes (touched, checked out again)', () => {
  test("is not parsed again: its entry is stamped anew, the collection is a fresh parse's, search has its words", async () => {
    const home = scratch();
    const folder = scratch();
    for (const name of ['a', 'c']) writeFileSync(join(folder, `${name}.md`), `# ${name}\n\n## ${name} one\n\ntext ${name}\n`);
    // front matter that cannot be read: a warning, said each time the file is parsed
    writeFileSync(join(folder, 'b.md'), '---\ntitle: [unclosed\n---\n# b\n\n## b one\n\ntext bwords\n');
    expect((await load([folder], home)).stderr).toMatch(/b\.md:3: front matter not read/);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(folder, 'b.md'), later, later);
    const fresh = contents((await load([folder], scratch())).collection);
    // b's stamp changed, not its texts: the notes entry holds still, read whole, and is stamped anew
    const entry = statSync(join(home, 'kubenotes', entries(home)[0])).ino;
    expect(contents((await cached([folder], home))!)).toEqual(fresh);
    expect(statSync(join(home, 'kubenotes', entries(home)[0])).ino).not.toBe(entry);
    const after = await load([folder], home);
    expect(after.stderr).toBe(''); // b was not parsed
    expect(contents(after.collection)).toEqual(fresh);
    // the next run holds: the notes entry, and b's own entry, which the word index is merged from
    const { files } = await listSources([folder]);
    const store = notesCache({ XDG_CACHE_HOME: home }, [folder], files)!;
    const collection = store.read()!;
    expect(collection).toBeDefined();
    const terms = store.readTerms(collection)!;
    expect(Array.from(terms.owners(terms.words.indexOf('bwords'))!)).toEqual([3]); // a: 0, 1; b: 2, 3; c: 4, 5
  });

  test('with other bytes of the same size, is parsed again', async () => {
    const home = scratch();
    const folder = scratch();
    writeFileSync(join(folder, 'a.md'), '# a\n\n## one\n\ntext\n');
    await load([folder], home);
    writeFileSync(join(folder, 'a.md'), '# a\n\n## two\n\ntext\n');
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(folder, 'a.md'), later, later);
    const after = await load([folder], home);
    expect(after.collection.sections.map((section) => section.title)).toEqual(['two']);
    expect(contents((await cached([folder], home))!)).toEqual(contents(after.collection));
  });
});

describe('after one file of many changes', () => {
  test('the others are taken from the last notes entry, not parsed nor read from their own entries', async () => {
    const home = scratch();
    const folder = scratch();
    for (const name of ['a', 'b', 'c']) writeFileSync(join(folder, `${name}.md`), `# ${name}\n\n## ${name} one\n`);
    await load([folder], home);
    const fileEntries = () => readdirSync(join(home, 'kubenotes')).filter((name) => name.endsWith('.file'));
    for (const name of fileEntries()) unlinkSync(join(home, 'kubenotes', name));
    writeFileSync(join(folder, 'b.md'), '# b\n\n## b one\n\n## b two\n');
    const after = await load([folder], home);
    expect(contents(after.collection)).toEqual(contents(collectionOf(folder)));
    // b parsed again, its entry written anew; a and c neither parsed (which writes an entry) nor read from an entry
    expect(fileEntries()).toHaveLength(1);
    expect(await cached([folder], home)).toBeDefined();
  });

  /** Removes the files' entries that hold `text`: files whose words must not be read from their entries. */
  const removeFileEntries = (home: string, text: string): void => {
    for (const name of readdirSync(join(home, 'kubenotes')).filter((entry) => entry.endsWith('.file'))) {
      const path = join(home, 'kubenotes', name);
      if (readFileSync(path).includes(text)) unlinkSync(path);
    }
  };
  const termsEntry = (home: string) =>
    join(
      home,
      'kubenotes',
      readdirSync(join(home, 'kubenotes')).find((name) => name.endsWith('.terms'))!,
    );

  test("the word index of files since changed is moved when a search first asks for it: only the changed files' words read, and kept", async () => {
    const home = scratch();
    const folder = scratch();
    for (const name of ['a', 'b', 'c']) writeFileSync(join(folder, `${name}.md`), `# ${name}\n\n## ${name} one\n\nsome ${name}words\n`);
    await load([folder], home);
    writeFileSync(join(folder, 'b.md'), '# b\n\n## b one\n\n## b two\n\nother bwords\n');
    await load([folder], home);
    const stale = statSync(termsEntry(home)).ino;
    // the unchanged files' words are in the index kept before: their own entries are not read
    removeFileEntries(home, 'some awords');
    removeFileEntries(home, 'some cwords');
    const { files } = await listSources([folder]);
    const store = notesCache({ XDG_CACHE_HOME: home }, [folder], files)!;
    const collection = store.read()!;
    const terms = store.readTerms(collection)!;
    expect(Array.from(terms.owners(terms.words.indexOf('bwords'))!)).toEqual([4]); // a: 0, 1; b: 2, 3 (b one), 4 (b two); c: 5, 6
    expect(Array.from(terms.owners(terms.words.indexOf('cwords'))!)).toEqual([6]);
    expect(terms.words).toContain('other');
    expect(statSync(termsEntry(home)).ino).not.toBe(stale);
    const again = notesCache({ XDG_CACHE_HOME: home }, [folder], files)!;
    const kept = again.readTerms(again.read()!)!;
    expect(kept.words).toEqual(terms.words);
  });

  test("with no word index kept before, it is merged from the files' entries", async () => {
    const home = scratch();
    const folder = scratch();
    for (const name of ['a', 'b']) writeFileSync(join(folder, `${name}.md`), `# ${name}\n\n## ${name} one\n\nsome ${name}words\n`);
    await load([folder], home);
    writeFileSync(join(folder, 'b.md'), '# b\n\n## b one\n\n## b two\n\nother bwords\n');
    unlinkSync(termsEntry(home));
    await load([folder], home);
    const { files } = await listSources([folder]);
    const store = notesCache({ XDG_CACHE_HOME: home }, [folder], files)!;
    const terms = store.readTerms(store.read()!)!;
    expect(Array.from(terms.owners(terms.words.indexOf('awords'))!)).toEqual([1]);
    expect(Array.from(terms.owners(terms.words.indexOf('bwords'))!)).toEqual([4]);
  });

  test('a touched file changes nothing the word index was kept for: it is read as kept, not written again', async () => {
    const home = scratch();
    const folder = scratch();
    for (const name of ['a', 'b']) writeFileSync(join(folder, `${name}.md`), `# ${name}\n\n## ${name} one\n\nsome ${name}words\n`);
    await load([folder], home);
    const kept = statSync(termsEntry(home)).ino;
    const later = new Date(Date.now() + 5000);
    utimesSync(join(folder, 'a.md'), later, later);
    await load([folder], home);
    removeFileEntries(home, 'some awords');
    removeFileEntries(home, 'some bwords');
    const { files } = await listSources([folder]);
    const store = notesCache({ XDG_CACHE_HOME: home }, [folder], files)!;
    const terms = store.readTerms(store.read()!)!;
    expect(Array.from(terms.owners(terms.words.indexOf('bwords'))!)).toEqual([3]);
    expect(statSync(termsEntry(home)).ino).toBe(kept);
  });
});

describe('files written moments before they were read', () => {
  /** The hashes the notes entry keeps beside its files' stamps (null: the stamp alone tells an edit). */
  const stampHashes = (home: string): unknown[] => {
    const entry = readFileSync(join(home, 'kubenotes', entries(home)[0]));
    const header = JSON.parse(entry.toString('utf8', 8, 8 + entry.readUInt32LE(4))) as { stamps: unknown[][] };
    return header.stamps.map((stamp) => stamp[7]);
  };

  test('are stamped with their hash, and without it once they have settled: later runs then read none of them', async () => {
    const home = scratch();
    const folder = scratch();
    for (const name of ['a', 'b']) writeFileSync(join(folder, `${name}.md`), `# ${name}\n\n## ${name} one\n\nsome ${name}words\n`);
    const fresh = collectionOf(folder);
    await load([folder], home);
    // just written: an edit now could leave a file's time as it is, so its bytes are hashed and read on every run
    expect(stampHashes(home)).toEqual([expect.any(String), expect.any(String)]);
    expect(contents((await load([folder], home)).collection)).toEqual(contents(fresh));
    expect(stampHashes(home)).toEqual([expect.any(String), expect.any(String)]);
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 10_000);
    try {
      // settled: their bytes are read once more, found as hashed, and the entry is written anew without the hashes
      expect(contents((await load([folder], home)).collection)).toEqual(contents(fresh));
      expect(stampHashes(home)).toEqual([null, null]);
      expect(contents((await cached([folder], home))!)).toEqual(contents(fresh));
    } finally {
      clock.mockRestore();
    }
    // an edit after that changes the file's time: seen without a hash
    writeFileSync(join(folder, 'a.md'), '# a\n\n## a two\n');
    expect((await load([folder], home)).collection.sections.map((section) => section.title)).toEqual(['a two', 'b one']);
  });
});

describe('the blocks a search cuts in a folder whose blocks are kept', () => {
  const entryNamed = (home: string, ending: string) =>
    readdirSync(join(home, 'kubenotes'))
      .filter((name) => name.endsWith(ending))
      .map((name) => join(home, 'kubenotes', name));
  /** Files of a line before their sections ("intro"), 8 sections that hold "common", 8 asides and 8 extras that do not. */
  const folderOf = (files: number) => {
    const folder = scratch();
    for (let f = 0; f < files; f++) {
      const parts = Array.from({ length: 8 }, (_, s) => `## Part ${s}\n\ncommon w${f}x${s} y${s}\n`);
      const asides = Array.from({ length: 8 }, (_, s) => `## Aside ${s}\n\nz${f}q${s}\n`);
      const extras = Array.from({ length: 8 }, (_, s) => `## Extra ${s}\n\nv${f}u${s}\n`);
      writeFileSync(join(folder, `page-${f}.md`), `intro i${f}\n\n${[...parts, ...asides, ...extras].join('\n')}`);
    }
    return folder;
  };
  const io = (home: string) => ({ env: { XDG_CACHE_HOME: home }, stdin: new PassThrough(), stderr: new PassThrough() });
  /** How many owners' rows an entry of blocks holds, as its header says (see BlocksHeader). */
  const rowsOf = (entry: string): number => {
    const bytes = readFileSync(entry);
    return (JSON.parse(bytes.toString('utf8', 8, 8 + bytes.readUInt32LE(4))) as { count: number }).count;
  };
  const searched = async (folder: string, home: string, query: string) => keptSearch(await loadNotes([folder], io(home)), query, 1000);

  test('a few more owners are kept in an entry of their own: the whole is not written again, and both are read', async () => {
    const home = scratch();
    const folder = folderOf(12);
    expect((await searched(folder, home, 'common')).cut).toBe(12 * 8);
    const [whole] = entryNamed(home, '.blocks');
    const wholeInode = statSync(whole).ino;
    expect(entryNamed(home, '.recent-blocks')).toEqual([]);
    expect((await searched(folder, home, 'intro')).cut).toBe(12); // each file's text before its sections
    expect(statSync(whole).ino).toBe(wholeInode);
    expect(entryNamed(home, '.recent-blocks')).toHaveLength(1);
    // later searches read the owners of both entries, and cut none
    for (const query of ['common', 'intro', 'w3x5', 'i7', 'y2 common']) {
      const again = await searched(folder, home, query);
      expect([query, again.cut]).toEqual([query, 0]);
      expect(again.hits).toEqual((await searched(folder, scratch(), query)).hits);
    }
  });

  test('an owner in both entries (the recent entry not removed after the two were written as one) is written once', async () => {
    const home = scratch();
    const folder = folderOf(12);
    await searched(folder, home, 'common');
    await searched(folder, home, 'intro');
    const [recent] = entryNamed(home, '.recent-blocks');
    const left = readFileSync(recent);
    await searched(folder, home, 'aside');
    writeFileSync(recent, left); // as if removing it had failed: the files' own texts are in both
    expect((await searched(folder, home, 'intro')).cut).toBe(0);
    expect((await searched(folder, home, 'extra')).cut).toBe(12 * 8);
    expect(entryNamed(home, '.recent-blocks')).toEqual([]);
    expect(rowsOf(entryNamed(home, '.blocks')[0])).toBe(3 * 12 * 8 + 12);
  });

  test('the recent entry written again keeps the owners it held', async () => {
    const home = scratch();
    const folder = folderOf(12);
    await searched(folder, home, 'common');
    await searched(folder, home, 'intro');
    // an aside, and those a typo away (a word of few hits): a few more owners
    expect((await searched(folder, home, 'z3q1')).cut).toBeGreaterThan(0);
    expect(entryNamed(home, '.recent-blocks')).toHaveLength(1);
    for (const query of ['intro', 'z3q1', 'common']) expect([query, (await searched(folder, home, query)).cut]).toEqual([query, 0]);
  });

  test('once the recent owners are no longer few beside the whole, the two are written as one', async () => {
    const home = scratch();
    const folder = folderOf(12);
    await searched(folder, home, 'common');
    await searched(folder, home, 'intro');
    expect(entryNamed(home, '.recent-blocks')).toHaveLength(1);
    expect((await searched(folder, home, 'aside')).cut).toBe(12 * 8);
    expect(entryNamed(home, '.recent-blocks')).toEqual([]);
    // every owner once: the sections, the asides, the files' own texts
    expect(rowsOf(entryNamed(home, '.blocks')[0])).toBe(12 * 8 + 12 * 8 + 12);
    for (const query of ['common', 'intro', 'aside', 'z4q4']) {
      const again = await searched(folder, home, query);
      expect([query, again.cut]).toEqual([query, 0]);
      expect(again.hits).toEqual((await searched(folder, scratch(), query)).hits);
    }
  });
});

describe('a cached folder is read as far as a command goes', () => {
  /** Has the document's outline been restored from the entry yet (not still the accessor that restores it)? */
  const restored = (document: object): boolean => Object.getOwnPropertyDescriptor(document, 'sections')!.get === undefined;

  test("a search through the word index restores the sections of the files its candidates are in, not every file's", async () => {
    const home = scratch();
    const folder = scratch();
    for (const name of ['a', 'b', 'c']) writeFileSync(join(folder, `${name}.md`), `# Page ${name}\n\n## ${name} one\n\nword${name}\n`);
    await load([folder], home);
    const { files } = await listSources([folder]);
    const store = notesCache({ XDG_CACHE_HOME: home }, [folder], files)!;
    const collection = store.read()!;
    const hits = searchIndex(collection, blockCutter, store.readBlocks(collection), store.readTerms(collection)).search('wordb', {
      limit: 1,
    });
    expect(hits.map((hit) => hit.block.text)).toEqual(['wordb']);
    expect(collection.documents.map(restored)).toEqual([false, true, false]);
  });

  test("the blocks a search kept are read and checked an owner at a time: damage in one owner's costs only that owner", async () => {
    const home = scratch();
    const folder = scratch();
    const sections = Array.from({ length: 150 }, (_, i) => `## Part ${i}\n\nw${i}x common\n`).join('\n');
    writeFileSync(join(folder, 'many.md'), `# Many\n\n${sections}`);
    const io = () => ({ env: { XDG_CACHE_HOME: home }, stdin: new PassThrough(), stderr: new PassThrough() });
    expect(keptSearch(await loadNotes([folder], io()), 'common', 1000).hits).toHaveLength(150);
    // a flipped byte in the blocks of one owner: they no longer check (the digests, after the blocks, hold the
    // short texts too)
    flipBlocksByte(home, (bytes) => bytes.indexOf('"text":"w148x common"') + 9);
    const again = await loadNotes([folder], io());
    const next = keptSearch(again, 'w149x', 1);
    expect(next.hits.map((hit) => hit.block.text)).toEqual(['w149x common']);
    expect(next.cut).toBe(0); // its blocks, stored beside the damaged ones, were read, checked and used
    const damaged = keptSearch(again, 'w148x', 1);
    expect(damaged.hits.map((hit) => hit.block.text)).toEqual(['w148x common']);
    expect(damaged.cut).toBe(1); // its blocks are damaged: cut again
  });

  test('damaged digests of the kept blocks cost time, never hits: every candidate is gone through', async () => {
    const home = scratch();
    const folder = scratch();
    const sections = Array.from(
      { length: 40 },
      (_, i) => `## Part ${i}\n\nw${i}x common${i % 7 === 0 ? '' : ` ${'and more words '.repeat(4)}`}\n`,
    );
    writeFileSync(join(folder, 'many.md'), `# Many\n\n${sections.join('\n')}`);
    const io = () => ({ env: { XDG_CACHE_HOME: home }, stdin: new PassThrough(), stderr: new PassThrough() });
    const expected = keptSearch(await loadNotes([folder], io()), 'common', 3).hits.map((hit) => hit.block.text);
    expect(expected).toEqual(['w0x common', 'w7x common', 'w14x common']);
    // in the digests, the last before the documents' keys
    flipBlocksByte(home, (bytes) => bytes.lastIndexOf('],["') - 1);
    const again = await loadNotes([folder], io());
    const known = again.blocks!.readBlocks(again.collection)!;
    expect(known.digests!({ documents: Uint32Array.of(0), owners: Uint32Array.of(1) }, ['common'])).toEqual([undefined]);
    const { hits, cut } = keptSearch(again, 'common', 3);
    expect(hits.map((hit) => hit.block.text)).toEqual(expected);
    expect(cut).toBe(0);
  });

  test('a digest leaves out the short texts that do not hold the phrase, found as JSON keeps them: quotes, backslashes, accents', async () => {
    const home = scratch();
    const folder = scratch();
    const texts = ['say "hi" now', 'C:\\temp\\hi', 'café hi crème', 'plain hi words', 'hi'];
    const sections = texts.map((text, i) => `## Part ${i}\n\n${text}\n\n${'a longer paragraph of other words, '.repeat(2)}hi\n`);
    writeFileSync(join(folder, 'quoted.md'), `# Quoted\n\n${sections.join('\n')}`);
    const io = () => ({ env: { XDG_CACHE_HOME: home }, stdin: new PassThrough(), stderr: new PassThrough() });
    keptSearch(await loadNotes([folder], io()), 'hi', 100);
    const again = await loadNotes([folder], io());
    const known = again.blocks!.readBlocks(again.collection)!;
    const places = { documents: new Uint32Array(texts.length), owners: Uint32Array.from(texts, (_, i) => i + 1) };
    const held = (...phrases: string[]) => known.digests!(places, phrases).map((digest) => (digest![3] ? [] : digest![0]));
    expect(held('say "hi"')).toEqual([['part 0', 'say "hi" now'], [], [], [], []]);
    expect(held('\\temp\\')).toEqual([[], ['part 1', 'c:\\temp\\hi'], [], [], []]);
    expect(held('é hi cr')).toEqual([[], [], ['part 2', 'café hi crème'], [], []]);
    expect(held('hi')).toEqual(texts.map((text, i) => [`part ${i}`, text.toLowerCase()]));
    // with several phrases (a typo's words), the short texts that hold any of them
    expect(held('\\temp\\', 'plain', 'nowhere')).toEqual([[], ['part 1', 'c:\\temp\\hi'], [], ['part 3', 'plain hi words'], []]);
    // each owner's short texts are parsed whole when one holds the phrase; its lengths come with it either way
    expect(known.digests!(places, ['nowhere']).map((digest) => digest!.slice(1))).toEqual(
      texts.map(() => [
        `${'a longer paragraph of other words, '.repeat(2)}hi`.length,
        `${'a longer paragraph of other words, '.repeat(2)}hi`.length,
        true,
      ]),
    );
    // owners alike, without short texts, share one digest: a common word's candidates are 100,000s
    expect(new Set(known.digests!(places, ['nowhere'])).size).toBe(1);
  });

  test('a search that cuts a few owners keeps the blocks of 100,000s kept before: more than a call takes arguments', async () => {
    const home = scratch();
    const folder = scratch();
    const count = 150_000;
    writeFileSync(join(folder, 'many.md'), `# Many\n\n${Array.from({ length: count }, (_, i) => `## s${i}\n`).join('')}`);
    const io = () => ({ env: { XDG_CACHE_HOME: home }, stdin: new PassThrough(), stderr: new PassThrough() });
    const first = await loadNotes([folder], io());
    const owners: BlockOwner[] = [first.collection.documents[0], ...first.collection.sections];
    const none = { blocks: [], digest: blocksDigest([]) };
    first.blocks!.readBlocks(first.collection);
    const sink = first.blocks!.blockSink(first.collection)!;
    for (const owner of owners) sink.add(owner, none);
    sink.finish();
    const again = await loadNotes([folder], io());
    again.blocks!.readBlocks(again.collection);
    const few = again.blocks!.blockSink(again.collection)!;
    // blocks of more bytes than a quarter of the whole's (two each): the two entries written as one
    const long: Block[] = [{ kind: 'paragraph', line: 8, text: 'x'.repeat(count), label: 's7', parents: [] }];
    few.add(again.collection.sections[7], { blocks: long, digest: blocksDigest(long) });
    few.finish();
    expect(readdirSync(join(home, 'kubenotes')).filter((name) => name.endsWith('.recent-blocks'))).toEqual([]);
    const later = await loadNotes([folder], io());
    const read = later.blocks!.readBlocks(later.collection)!;
    expect(read.size).toBe(count + 1);
    expect(read.get(later.collection.sections[7])).toEqual(long);
    expect(read.get(later.collection.sections[count - 1])).toEqual([]);
  }, 120_000);

  test("a first run opens no file's entry (none is there): the cache folder is listed once instead", async () => {
    const home = scratch();
    const folder = scratch();
    for (let i = 0; i < 20; i++) writeFileSync(join(folder, `page-${i}.md`), `# Page ${i}\n\n## Part\n\ntext ${i}\n`);
    const io = () => ({ env: { XDG_CACHE_HOME: home }, stdin: new PassThrough(), stderr: new PassThrough() });
    const opened: string[] = [];
    const openOf = Reflect.get<CacheStore, 'open'>(CacheStore.prototype, 'open');
    const spied = jest.spyOn(CacheStore.prototype, 'open').mockImplementation(function (this: CacheStore, name: string) {
      opened.push(name);
      return openOf.call(this, name);
    });
    try {
      const first = await loadNotes([folder], io());
      expect(opened.filter((name) => /\.files?$/.test(name))).toEqual([]);
      // the entries written then are read by the next run whose notes entry does not hold (one file edited)
      writeFileSync(join(folder, 'page-3.md'), '# Page 3\n\n## Part\n\nedited\n');
      opened.length = 0;
      const next = await loadNotes([folder], io());
      expect(opened.filter((name) => name.endsWith('.files')).length).toBeGreaterThan(0);
      expect(next.collection.documents.map((d) => d.title)).toEqual(first.collection.documents.map((d) => d.title));
    } finally {
      spied.mockRestore();
    }
  });

  test('the kept blocks a search reads are not held once matched: a typo search through every owner holds a group at a time', async () => {
    const home = scratch();
    const folder = scratch();
    const count = 3000;
    const parts = Array.from({ length: count }, (_, i) => `## Part ${i}\n\ncommon words of part ${i}\n`);
    writeFileSync(join(folder, 'many.md'), `# Many\n\n${parts.join('\n')}`);
    const io = () => ({ env: { XDG_CACHE_HOME: home }, stdin: new PassThrough(), stderr: new PassThrough() });
    keptSearch(await loadNotes([folder], io()), 'common', 3);
    const { collection, blocks } = await loadNotes([folder], io());
    const known = blocks!.readBlocks(collection)!;
    const read: Array<WeakRef<object>> = [];
    // without the digests, which would bound the search to the few owners that can rank
    const watched = Object.assign(Object.create(known) as typeof known, {
      get: (owner: BlockOwner) => {
        const found = known.get(owner);
        if (found) read.push(new WeakRef(found));
        return found;
      },
      digests: undefined,
    });
    const sink = blocks!.blockSink(collection)!;
    // a typo: no literal hit, so every owner that has a word like it is gone through
    const hits = searchIndex(collection, blockCutter, watched, blocks!.readTerms(collection), sink).search('comon', { limit: 3 });
    sink.finish();
    expect(hits.map((hit) => hit.block.text)).toEqual(['common words of part 0', 'common words of part 1', 'common words of part 2']);
    expect(read.length).toBeGreaterThanOrEqual(count);
    await new Promise((resolve) => setImmediate(resolve)); // weak references hold until the job that made them ends
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
    // what is still alive is what the search holds: its hits' owners and the last group it matched, not every owner's
    expect(read.filter((ref) => ref.deref() !== undefined).length).toBeLessThan(count / 2);
  });

  test("a search's blocks are set aside a MB at a time as it cuts them, and the entry written from there: no scratch left", async () => {
    const home = scratch();
    const folder = scratch();
    // 3 MB of blocks: each part a paragraph of its own
    const parts = Array.from({ length: 3000 }, (_, i) => `## Part ${i}\n\ncommon ${'word '.repeat(200)}${i}\n`);
    writeFileSync(join(folder, 'long.md'), `# Long\n\n${parts.join('\n')}`);
    const io = () => ({ env: { XDG_CACHE_HOME: home }, stdin: new PassThrough(), stderr: new PassThrough() });
    const first = await loadNotes([folder], io());
    const appended: number[] = [];
    const scratchOf = Reflect.get<CacheStore, 'scratch'>(CacheStore.prototype, 'scratch');
    const spied = jest.spyOn(CacheStore.prototype, 'scratch').mockImplementation(function (this: CacheStore, name: string) {
      const made = scratchOf.call(this, name);
      return made && { ...made, append: (bytes: Uint8Array) => (appended.push(bytes.length), made.append(bytes)) };
    });
    try {
      const sink = first.blocks!.blockSink(first.collection)!;
      const index = searchIndex(first.collection, blockCutter, undefined, first.blocks!.readTerms(first.collection), sink);
      const hits = index.search('common', { limit: 3 }).map((hit) => hit.block.text);
      sink.finish();
      expect(appended.length).toBeGreaterThan(2);
      expect(Math.max(...appended)).toBeLessThan(1024 * 1024 + 2000);
      expect(readdirSync(join(home, 'kubenotes')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      const next = keptSearch(await loadNotes([folder], io()), 'common', 3);
      expect(next.hits.map((hit) => hit.block.text)).toEqual(hits);
      expect(next.cut).toBe(0);
    } finally {
      spied.mockRestore();
    }
  });

  test('the blocks kept before are copied from their entry as it was read: written anew meanwhile, it is left as the other wrote it', async () => {
    const home = scratch();
    const folder = scratch();
    for (const name of ['a', 'b'])
      writeFileSync(join(folder, `${name}.md`), `# ${name}\n\n## One\n\nalpha ${name}\n\n## Two\n\nbeta ${name}\n`);
    const io = () => ({ env: { XDG_CACHE_HOME: home }, stdin: new PassThrough(), stderr: new PassThrough() });
    const searched = async (query: string) => {
      const { collection, blocks } = await loadNotes([folder], io());
      const sink = blocks!.blockSink(collection)!;
      const index = searchIndex(collection, blockCutter, blocks!.readBlocks(collection), blocks!.readTerms(collection), sink);
      return { hits: index.search(query, { limit: 10 }).map((hit) => hit.block.text), finish: () => sink.finish(), index };
    };
    (await searched('alpha')).finish();
    const slow = await searched('beta'); // reads the blocks kept, cuts beta's
    (await searched('beta')).finish(); // another run writes the entry meanwhile
    const written = readFileSync(
      join(
        home,
        'kubenotes',
        readdirSync(join(home, 'kubenotes')).find((name) => name.endsWith('.blocks'))!,
      ),
    );
    slow.finish();
    const now = readFileSync(
      join(
        home,
        'kubenotes',
        readdirSync(join(home, 'kubenotes')).find((name) => name.endsWith('.blocks'))!,
      ),
    );
    expect(now.equals(written)).toBe(true);
    expect(readdirSync(join(home, 'kubenotes')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(slow.hits).toEqual(['beta a', 'beta b']);
  });

  test("the blocks a search kept are read an owner at a time: one file's restore that file's sections only", async () => {
    const home = scratch();
    const folder = scratch();
    for (const name of ['a', 'b', 'c'])
      writeFileSync(join(folder, `${name}.md`), `# Page ${name}\n\nintro ${name}\n\n## ${name} one\n\nword ${name}\n`);
    const io = () => ({ env: { XDG_CACHE_HOME: home }, stdin: new PassThrough(), stderr: new PassThrough() });
    expect(keptSearch(await loadNotes([folder], io()), 'word').hits).toHaveLength(3);
    const again = await loadNotes([folder], io());
    const known = again.blocks!.readBlocks(again.collection)!;
    const [, b] = again.collection.documents;
    expect(known.get(b)).toBeUndefined(); // its intro has no 'word': not cut, not kept
    expect(again.collection.documents.map(restored)).toEqual([false, false, false]);
    expect(known.get(b.sections[0])!.map((block) => block.text)).toEqual(['b one', 'word b']);
    expect(again.collection.documents.map(restored)).toEqual([false, true, false]);
  });

  /** Three files of two sections each, loaded once: the folder and its collection as the next command reads it. */
  async function threeFiles() {
    const home = scratch();
    const folder = scratch();
    for (const name of ['a', 'b', 'c'])
      writeFileSync(join(folder, `${name}.md`), `# Page ${name}\n\n## ${name} one\n\n### ${name} deeper\n`);
    await load([folder], home);
    const collection = (await cached([folder], home))!;
    expect(collection.documents.map(restored)).toEqual([false, false, false]);
    return { folder, collection };
  }

  test("a page found by its title, or a section by its file and anchor, restores that file's sections only; the whole outline, when asked for, is a fresh parse's", async () => {
    const { folder, collection } = await threeFiles();
    const [page] = resolveQuery(collection, 'page b');
    expect(page.file).toBe('b.md');
    await renderSections([page], collection, { style: createStyle(0), width: 80 });
    expect(collection.documents.map(restored)).toEqual([false, true, false]);
    const [section] = resolveQuery(collection, 'c.md#c-one');
    expect(await renderSections([section], collection, { style: createStyle(0), width: 80 })).toContain('3.1  c deeper');
    expect(collection.documents.map(restored)).toEqual([false, true, true]);
    expect(contents(collection)).toEqual(contents(collectionOf(folder)));
    expect(collection.documents.map(restored)).toEqual([true, true, true]);
  });

  test("a section found by its number or its id restores its file's sections only, found from the outline's columns", async () => {
    const { collection } = await threeFiles();
    expect(resolveQuery(collection, '2.1').map((section) => `${section.file} ${section.number} ${section.title}`)).toEqual([
      'b.md 2.1 b deeper',
    ]);
    expect(collection.documents.map(restored)).toEqual([false, true, false]);
    expect(resolveQuery(collection, '#c-one').map((section) => `${section.file} ${section.number}`)).toEqual(['c.md 3']);
    expect(collection.documents.map(restored)).toEqual([false, true, true]);
  });

  test("a section found by its title, mistyped, restores its file's sections only; a title none has, with the closest titles, restores none", async () => {
    const { collection } = await threeFiles();
    expect(() => resolveQuery(collection, 'b deeper zzz')).toThrow('no page or section matches "b deeper zzz"\ndid you mean: "b deeper"?');
    expect(collection.documents.map(restored)).toEqual([false, false, false]);
    expect(resolveQuery(collection, 'b deepr').map((section) => `${section.file} ${section.number} ${section.title}`)).toEqual([
      'b.md 2.1 b deeper',
    ]);
    expect(collection.documents.map(restored)).toEqual([false, true, false]);
  });
});

describe("a cached folder's outline", () => {
  test("is listed from the columns the entry keeps, no section made, as a parse's outline is; a document whose sections were read, from them", async () => {
    const home = scratch();
    const folder = scratch();
    for (const name of ['a', 'b', 'c'])
      writeFileSync(
        join(folder, `${name}.md`),
        `# Page ${name}\n\n## ${name} talk\n\n- **Presenters**: ${name.toUpperCase()} Person\n\n### ${name} deeper\n\n## ${name} two\n`,
      );
    const fresh = (await load([folder], home)).collection;
    const collection = (await cached([folder], home))!;
    const outline = (notes: Collection, depth: number) => renderOutline(notes, depth, createStyle(0), 80);
    for (const depth of [1, 2]) expect(outline(collection, depth)).toBe(outline(fresh, depth));
    expect(outline(collection, 2)).toContain('Page b  (b.md)\n\n3  b talk\n   B Person\n  3.1  b deeper\n4  b two\n');
    expect(collection.documents.map((document) => isPending(document, 'sections'))).toEqual([true, true, true]);
    expect(collection.documents[1].sections[0].title).toBe('b talk');
    expect(outline(collection, 2)).toBe(outline(fresh, 2));
  });
});

describe('the notes entry', () => {
  /** A folder of many sections, whose notes entry is a few MB, loaded once; the entry's name and what opens it. */
  async function largeEntry() {
    const home = scratch();
    const folder = scratch();
    const words = ['rollout', 'mesh', 'policy', 'pipeline', 'gateway', 'sidecar', 'quota', 'replica'];
    for (let file = 0; file < 200; file++) {
      const title = (i: number) => Array.from({ length: 7 }, (_, j) => words[(i + j * file) % 8]).join(' ');
      const sections = Array.from({ length: 90 }, (_, i) => `## ${title(i)} ${file} ${i}\n\ntext ${i}\n`);
      writeFileSync(join(folder, `page-${file}.md`), `# Page ${file}\n\n${sections.join('\n')}`);
    }
    await load([folder], home);
    const [name] = entries(home);
    const store = new CacheStore(join(home, 'kubenotes'), () => {});
    const key = readFileSync(join(home, 'kubenotes', 'key'));
    const build = JSON.parse(
      readFileSync(join(home, 'kubenotes', name))
        .toString('utf8', 8, 8 + 200)
        .replace(/^\{"build":("[^"]*").*$/s, '$1'),
    );
    return { home, folder, name, store, key, build };
  }

  test('is checked, and its outlines read, a MB at a time: never copied whole', async () => {
    const { name, store, key, build } = await largeEntry();
    const reads: number[] = [];
    const entry = store.open(name)!;
    expect(entry.size).toBeGreaterThan(2 * 2 ** 20);
    const sealed = sealedNotes(
      { ...entry, readAt: (offset, length, into) => (reads.push(length), entry.readAt(offset, length, into)) },
      key,
      build,
    )!;
    expect(sealed).toBeDefined();
    const header = Buffer.byteLength(JSON.stringify(sealed.header));
    expect(sealed.header.documents.map((_, i) => sealed.outline(i)?.id.length)).toEqual(sealed.header.documents.map(() => 90));
    expect(reads.filter((length) => length !== header)).toEqual(reads.filter((length) => length <= 2 ** 20 && length !== header));
    expect(reads.length).toBeLessThan(2 * Math.ceil(entry.size / 2 ** 20) + 4);
  });

  test('outlines asked for out of order are read alone, not a window each', async () => {
    const { name, store, key, build } = await largeEntry();
    const reads: number[] = [];
    const entry = store.open(name)!;
    const sealed = sealedNotes(entry, key, build)!;
    const other = store.open(name)!;
    const spied = sealedNotes(
      { ...other, readAt: (offset, length, into) => (reads.push(length), other.readAt(offset, length, into)) },
      key,
      build,
    )!;
    reads.length = 0; // the check and the header
    const outlines = sealed.header.documents.map((_, i) => sealed.outlineBytes(i)!.length);
    for (let i = outlines.length - 1; i >= 0; i--) expect(spied.outline(i)).toBeDefined();
    expect(reads.reduce((sum, length) => sum + length, 0)).toBe(outlines.reduce((sum, length) => sum + length, 0));
  });

  test('is read as it was checked: a newer entry written over it while a command reads it changes nothing', async () => {
    const { home, folder } = await largeEntry();
    const first = (await cached([folder], home))!;
    const before = (await load([folder], scratch())).collection;
    writeFileSync(join(folder, 'a-new-page.md'), '# A new page\n\n## Its one section\n');
    await load([folder], home); // the notes entry is written anew (every outline further on), renamed over the one `first` reads
    // compared as one line a document: a failing toEqual of 18,000 sections takes minutes to print
    const outlines = (collection: Collection) => collection.documents.map((document) => JSON.stringify(document.sections));
    expect(outlines(first)).toEqual(outlines(before));
  });
});

/** The collection a fresh parse of a folder's files gives. */
function collectionOf(folder: string): Collection {
  const files = readdirSync(folder)
    .sort()
    .map((name) => ({ file: name, path: join(folder, name), bytes: readFileSync(join(folder, name)) }));
  return buildCollection(files);
}
