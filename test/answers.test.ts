// Answers (io/answers.ts): what a command printed is printed again, before the program loads, only for the same
// invocation on the same files — every part of how it was run and every stamp of what it was made from tells.
import { describe, expect, jest, test } from '@jest/globals';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { frontMatterParsers } from '../src/core/markdown/frontmatter-parsers.js';
import { buildCollection } from '../src/core/notes/collection.js';
import type { Collection } from '../src/core/types.js';
import { keepAnswer, keptAnswer, stampBeforeReading, type AnswerSources } from '../src/io/answers.js';
import { invocationHash, type Invocation } from '../src/io/invocation.js';
import { loadNotes } from '../src/io/notes.js';
import { seal } from '../src/io/sealed.js';
import { readSources } from '../src/io/sources.js';
import { listJson } from '../src/render/json.js';
import { renderOutline } from '../src/render/reports/outline.js';
import { createStyle } from '../src/render/style.js';
import { scratchFolder } from './helpers/scratch.js';

jest.setTimeout(300_000);

const quiet = { stdin: new PassThrough(), stderr: new PassThrough() };
const PAST = new Date(1_600_000_000_123); // long settled, and not in whole seconds
const WHOLE_SECOND = new Date(1_700_000_000_000); // as a coarse file system stamps: only the bytes can tell

function invocationIn(home: string, cwd: string, argv = ['node', 'kubenotes', 'list']): Invocation {
  return { argv, cwd, env: { XDG_CACHE_HOME: home, LANG: 'C.UTF-8' }, node: 'v20', terminals: ['pipe', 'pipe', 'pipe'] };
}

/**
 * A folder with a notes file written long ago, and an answer kept for `invocation` made from the file, a missing
 * configuration file and, with `folder`, the folder's stamp.
 */
function answered({ withFolder = false } = {}) {
  const home = scratchFolder('kubenotes-answers-home-');
  const folder = scratchFolder('kubenotes-answers-');
  const file = join(folder, 'notes.md');
  writeFileSync(file, '# Notes\n');
  utimesSync(file, PAST, PAST);
  utimesSync(folder, PAST, PAST);
  const invocation = invocationIn(home, folder);
  const stats = statSync(file);
  const folderStats = statSync(folder);
  const sources: AnswerSources = {
    files: [[file, stats.size, stats.mtimeMs, stats.ctimeMs, stats.dev, stats.ino, null]],
    folders: withFolder ? [[folder, [folderStats.mtimeMs, folderStats.ctimeMs, folderStats.dev, folderStats.ino, folderStats.size]]] : [],
    missing: [join(home, 'config.json')],
  };
  keepAnswer(invocation, sources, 'the outline\n');
  return { home, folder, file, invocation, sources };
}

const text = (bytes: Buffer | undefined) => bytes?.toString('utf8');

describe('answers', () => {
  test('the same invocation on the same files gets the answer; any other way of running it does not', () => {
    const { invocation, folder } = answered();
    expect(text(keptAnswer(invocation))).toBe('the outline\n');
    expect(text(keptAnswer({ ...invocation }))).toBe('the outline\n');
    for (const other of [
      { ...invocation, argv: ['node', 'kubenotes', 'list', '--depth', '1'] },
      { ...invocation, argv: ['node', '/elsewhere/kubenotes', 'list'] },
      { ...invocation, cwd: join(folder, '..') },
      { ...invocation, env: { ...invocation.env, NO_COLOR: '1' } },
      { ...invocation, env: { ...invocation.env, LANG: 'de_DE.UTF-8' } },
      { ...invocation, node: 'v22' },
      { ...invocation, terminals: ['pipe', 'file', 'pipe'] },
      { ...invocation, terminals: ['pipe', 'terminal', 'pipe'], columns: 80, rows: 24 },
    ]) {
      expect([other, keptAnswer(other)]).toEqual([other, undefined]);
    }
    // a terminal of another size
    const terminal = { ...invocation, terminals: ['pipe', 'terminal', 'pipe'], columns: 80, rows: 24 };
    keepAnswer(terminal, { files: [], folders: [], missing: [] }, 'at 80\n');
    expect(text(keptAnswer(terminal))).toBe('at 80\n');
    expect(keptAnswer({ ...terminal, columns: 60 })).toBeUndefined();
    expect(keptAnswer({ ...terminal, rows: 40 })).toBeUndefined();
  });

  test('an answer goes once anything it was made from changes: a file, its folder, a file that was missing', () => {
    const changes: Array<(at: ReturnType<typeof answered>) => void> = [
      ({ file }) => writeFileSync(file, '# Other\n'), // same size
      ({ file }) => utimesSync(file, new Date(), new Date()), // touched: its stamp told nothing of its bytes
      ({ file }) => utimesSync(file, PAST, PAST), // its times as they were: the change time tells
      ({ file }) => {
        const copy = `${file}.copy`;
        writeFileSync(copy, readFileSync(file));
        utimesSync(copy, PAST, PAST);
        renameSync(copy, file); // the same bytes and times, another file
      },
      ({ file, folder }) => {
        writeFileSync(join(folder, 'target.md'), readFileSync(file));
        rmSync(file);
        symlinkSync(join(folder, 'target.md'), file); // replaced by a link to the same bytes
      },
      ({ home }) => writeFileSync(join(home, 'config.json'), '{}'), // the missing file is there
      ({ file }) => rmSync(file),
    ];
    for (const [index, change] of changes.entries()) {
      const at = answered();
      expect([index, text(keptAnswer(at.invocation))]).toEqual([index, 'the outline\n']);
      change(at);
      expect([index, keptAnswer(at.invocation)]).toEqual([index, undefined]);
    }
    // the folder's stamp: a file added, the file's own stamp holding
    const at = answered({ withFolder: true });
    expect(text(keptAnswer(at.invocation))).toBe('the outline\n');
    writeFileSync(join(at.folder, 'new.md'), '# New\n');
    expect(keptAnswer(at.invocation)).toBeUndefined();
  });

  test('a file stamped with its hash holds while its bytes are the same, touched or not, and goes once its time can tell', () => {
    const { home, folder, file } = answered();
    utimesSync(file, WHOLE_SECOND, WHOLE_SECOND);
    const invocation = invocationIn(home, folder, ['node', 'kubenotes', 'show', '1']);
    const stats = statSync(file);
    const hash = (bytes: string) => createHash('sha256').update(bytes).digest('hex');
    const stamp = [file, stats.size, stats.mtimeMs, stats.ctimeMs, stats.dev, stats.ino, hash('# Notes\n')] as const;
    keepAnswer(invocation, { files: [[...stamp]], folders: [], missing: [] }, 'shown\n');
    expect(text(keptAnswer(invocation))).toBe('shown\n');
    utimesSync(file, new Date(), new Date()); // touched now: the same bytes
    expect(text(keptAnswer(invocation))).toBe('shown\n');
    writeFileSync(file, '# Other\n'); // the same size, other bytes
    expect(keptAnswer(invocation)).toBeUndefined();
    writeFileSync(file, '# Notes\n');
    utimesSync(file, PAST, PAST); // settled: the program runs and stamps it without the hash
    expect(keptAnswer(invocation)).toBeUndefined();
  });

  test('an entry not sealed with the cache key, of another build or for another invocation is not an answer', () => {
    const { home, invocation } = answered();
    const folder = join(home, 'kubenotes');
    const [entry] = readdirSync(folder).filter((name) => name.endsWith('.answer'));
    const bytes = readFileSync(join(folder, entry));
    const newline = bytes.indexOf(10, 8);
    const header = JSON.parse(bytes.toString('utf8', 4, newline));
    const rewritten = (changed: object, key?: Buffer) =>
      writeFileSync(join(folder, entry), Buffer.concat([...seal([`${JSON.stringify({ ...header, ...changed })}\n`, 'planted\n'], key)]), {
        mode: 0o600,
      });
    const key = readFileSync(join(folder, 'key'));
    rewritten({});
    expect(keptAnswer(invocation)).toBeUndefined(); // sealed without the key
    rewritten({ build: 'another build' }, key);
    expect(keptAnswer(invocation)).toBeUndefined();
    rewritten({ invocation: '0'.repeat(64) }, key);
    expect(keptAnswer(invocation)).toBeUndefined();
    rewritten({}, key);
    expect(text(keptAnswer(invocation))).toBe('planted\n'); // the same, sealed with the key: the test's own check
    const flipped = readFileSync(join(folder, entry));
    flipped[flipped.length - 40] ^= 1;
    writeFileSync(join(folder, entry), flipped);
    expect(keptAnswer(invocation)).toBeUndefined();
  });

  test('the answers kept are the ones written last, and none larger than the limit', () => {
    const { home, folder } = answered();
    const none: AnswerSources = { files: [], folders: [], missing: [] };
    const invocations = Array.from({ length: 70 }, (_, i) => invocationIn(home, folder, ['node', 'kubenotes', 'show', String(i)]));
    for (const [i, invocation] of invocations.entries()) {
      keepAnswer(invocation, none, `${i}\n`);
      // each written a second after the one before, as a run after another is
      const written = join(home, 'kubenotes', `${invocationHash(invocation).slice(0, 32)}.answer`);
      utimesSync(written, (PAST.getTime() + i * 1000) / 1000, (PAST.getTime() + i * 1000) / 1000);
    }
    expect(readdirSync(join(home, 'kubenotes')).filter((name) => name.endsWith('.answer')).length).toBe(64);
    expect(text(keptAnswer(invocations[69]))).toBe('69\n');
    expect(keptAnswer(invocations[0])).toBeUndefined();
    const large = invocationIn(home, folder, ['node', 'kubenotes', 'show', 'large']);
    keepAnswer(large, none, 'x'.repeat(2 * 1024 * 1024));
    expect(keptAnswer(large)).toBeUndefined();
  });

  test('a configuration file is stamped before it is read: there, missing, or not at all while its time cannot tell', () => {
    const folder = scratchFolder('kubenotes-answers-config-');
    const config = join(folder, 'config.json');
    expect(stampBeforeReading(config)).toEqual({ files: [], missing: [config] });
    expect(stampBeforeReading(join(config, 'below'))).toEqual({ files: [], missing: [join(config, 'below')] });
    writeFileSync(config, '{}');
    expect(stampBeforeReading(config)).toBeUndefined(); // just written
    utimesSync(config, PAST, PAST);
    expect(stampBeforeReading(config)?.files).toEqual([
      [config, 2, statSync(config).mtimeMs, statSync(config).ctimeMs, expect.any(Number), expect.any(Number), null],
    ]);
    mkdirSync(join(folder, 'dir'));
    utimesSync(join(folder, 'dir'), PAST, PAST);
    expect(stampBeforeReading(join(folder, 'dir'))).toBeUndefined();
  });
});

/** The outline and JSON of the notes read without a cache; undefined where there are none. */
async function freshOutputs(folder: string): Promise<Record<string, string> | undefined> {
  const files = await readSources([folder], () => new PassThrough()).then(
    ({ files }) => files,
    () => [],
  );
  return files.length === 0 ? undefined : outputsOf(buildCollection(files, frontMatterParsers));
}

const outputsOf = (collection: Collection): Record<string, string> => ({
  outline: renderOutline(collection, 2, createStyle(0), 80),
  json: listJson(collection),
});

const NAMES = ['a.md', 'b.md', 'sub/c.md'];
const change = fc.oneof(
  fc.record({ nothing: fc.constant(true) }),
  // the same size in the same whole second as the write before: only the bytes can tell
  fc.record({ edit: fc.constantFrom(...NAMES), text: fc.constantFrom('# Aaa\n', '# Bbb\n', '## Cc\n', '# Longer title\n') }),
  fc.record({ touch: fc.constantFrom(...NAMES) }),
  fc.record({ add: fc.constantFrom('d.md', 'sub/e.md') }),
  fc.record({ remove: fc.constantFrom(...NAMES) }),
  fc.record({ rename: fc.constantFrom(...NAMES), to: fc.constantFrom('f.md', 'sub/g.md') }),
);
type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

test('after any sequence of changes, an answer is what a run without the cache prints, or none; unchanged notes have one', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 8 }), async (changes) => {
      const folder = scratchFolder('kubenotes-answers-prop-');
      const home = scratchFolder('kubenotes-answers-prop-home-');
      const at = (name: string) => join(folder, name);
      mkdirSync(at('sub'));
      for (const name of NAMES) write(at(name), '# Aaa\n');
      settleFolders(folder);
      const invocation = (output: string) => invocationIn(home, folder, ['node', 'kubenotes', output]);
      let kept = false;
      for (const step of changes) {
        const foldersChanged = apply(step, at);
        if (foldersChanged) settleFolders(folder);
        const expected = await freshOutputs(folder);
        for (const output of ['outline', 'json']) {
          const answer = text(keptAnswer(invocation(output)));
          if (answer !== undefined) expect(answer).toBe(expected?.[output]);
          if (kept && 'nothing' in step) expect(answer).toBeDefined(); // and answers are given
        }
        kept = false;
        if (!expected) continue;
        // what a run prints through the cache, kept as its answer where it may be
        const loaded = await loadNotes([folder], { env: { XDG_CACHE_HOME: home }, ...quiet });
        const printed = outputsOf(loaded.collection);
        expect(printed).toEqual(expected);
        if (loaded.sources) {
          for (const output of ['outline', 'json']) keepAnswer(invocation(output), { ...loaded.sources, missing: [] }, printed[output]);
          kept = true;
        }
      }
    }),
    { numRuns: 40 },
  );
});

function write(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  utimesSync(path, WHOLE_SECOND, WHOLE_SECOND);
}

/** Applies the change; whether it changed a folder (whose times are then set back, as if time had passed). */
function apply(step: Change, at: (name: string) => string): boolean {
  const there = (name: string) => {
    try {
      return statSync(at(name)).isFile();
    } catch {
      return false;
    }
  };
  if ('edit' in step && there(step.edit)) write(at(step.edit), step.text);
  else if ('touch' in step && there(step.touch)) utimesSync(at(step.touch), new Date(), new Date());
  else if ('add' in step && !there(step.add)) {
    write(at(step.add), '# Added\n');
    return true;
  } else if ('remove' in step && there(step.remove)) {
    rmSync(at(step.remove));
    return true;
  } else if ('rename' in step && there(step.rename) && !there(step.to)) {
    renameSync(at(step.rename), at(step.to));
    return true;
  }
  return false;
}

/** Every folder's times set long back: a walk of it is kept, and its stamp holds until it changes again. */
function settleFolders(folder: string): void {
  for (const path of [folder, join(folder, 'sub')]) utimesSync(path, PAST, PAST);
}
