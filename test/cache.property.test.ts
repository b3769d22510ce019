// The cache changes speed, never output: after any sequence of changes to a folder of notes (an edit of the same
// size in the same second, a new file, a deleted or renamed one, a file replaced by a link, a folder moved), what
// every command prints from notes loaded through the cache — the outline and the page titles from the header alone
// or as printed before from the same notes,
// a section shown from the one text it reads and rendered from the tokens kept of it, a search through the kept
// words and blocks — is what it prints from a run without the cache, and so is the collection as a whole.
import { expect, jest, test } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { buildCollection } from '../src/core/notes/collection.js';
import { frontMatterParsers } from '../src/core/markdown/frontmatter-parsers.js';
import { resolveQuery } from '../src/core/query/resolve.js';
import { sectionSource } from '../src/core/notes/source.js';
import type { Collection } from '../src/core/types.js';
import { placeOf, type Hit } from '../src/core/query/hit.js';
import { searchIndex } from '../src/core/query/search.js';
import * as blockCutter from '../src/core/markdown/blocks.js';
import { keptTokens, type OutputKeeper } from '../src/io/cache.js';
import type { TokenKeeper } from '../src/io/kept-tokens.js';
import { loadNotes } from '../src/io/notes.js';
import { readSources } from '../src/io/sources.js';
import { listJson, showJson } from '../src/render/json.js';
import { renderOutline } from '../src/render/reports/outline.js';
import { createStyle } from '../src/render/style.js';
import { renderSections } from '../src/render/terminal/sections.js';
import { scratchFolder } from './helpers/scratch.js';

jest.setTimeout(300_000);
const contents = (collection: Collection) => JSON.parse(JSON.stringify(collection));
const NAMES = ['a.md', 'b.md', 'c.md', 'sub/d.md', 'sub/deep/e.md'];
const FOLDERS = ['sub', 'sub/deep', 'other', 'other/deep'];
const TIME = new Date(1_700_000_000_000); // whole seconds, the same for every write: only the bytes can tell

/** Words of the texts written below: each search cuts (and keeps) the blocks of the sections it may hit. */
const QUERIES = ['one', 'two', 'x', 'ünï', 'tw', 'thre', 'y', 'one two', 'threes', 'ones', 'clustr', 'clusters three'];
/** What `show` is asked for: numbers, titles, a page. */
const SHOWN = ['1', '2.1', 'two', 'T', 'x', 'd'];
/** A hit as output shows it. */
const shown = (hit: Hit) => [placeOf(hit.block).file, hit.block.line, hit.block.text, hit.score];

const change = fc.oneof(
  fc.record({
    edit: fc.constantFrom(...NAMES),
    text: fc.constantFrom(
      '## One\n',
      '## Two\n',
      '# T\n\n## X\n### Y\n',
      '## Ünï\n',
      '## Tvo\n',
      '---\ntitle: D\n---\nthree\n',
      '## Clusters\n\nthree\n',
    ),
  }),
  fc.record({ remove: fc.constantFrom(...NAMES) }),
  fc.record({ rename: fc.constantFrom(...NAMES), to: fc.constantFrom(...NAMES) }),
  fc.record({ link: fc.constantFrom(...NAMES), to: fc.constantFrom(...NAMES) }),
  fc.record({ move: fc.constantFrom(...FOLDERS), to: fc.constantFrom(...FOLDERS) }),
);

/**
 * What the commands print of a collection, before anything else reads it whole: list, list --depth 0, show (as JSON,
 * as source, and rendered: through `keepTokens`, the tokens kept of what show rendered before), search.
 */
async function printed(
  collection: Collection,
  blocks: Parameters<typeof searchIndex>[2],
  terms: Parameters<typeof searchIndex>[3],
  query: string,
  show: string,
  sink?: Parameters<typeof searchIndex>[4],
  keepTokens?: TokenKeeper,
  outputs: OutputKeeper = async (_kind, _key, make) => make(),
) {
  const style = createStyle(0);
  const found = (() => {
    try {
      return resolveQuery(collection, show);
    } catch (error) {
      return (error as Error).constructor.name;
    }
  })();
  const index = searchIndex(collection, blockCutter, blocks, terms, sink);
  const printedNow = {
    outline: await outputs('list', 'outline', () => renderOutline(collection, 0, style, 80)),
    pages: await outputs('list', 'pages', () => renderOutline(collection, 1, style, 80)),
    show: typeof found === 'string' ? found : [showJson(found), found.map((section) => sectionSource(collection, section))],
    search: index.search(query, { limit: 10 }).map(shown),
    within: index.search(query, { limit: 10, within: show }).map(shown),
    json: await outputs('list', 'json', () => listJson(collection)),
  };
  const rendered =
    typeof found === 'string'
      ? found
      : await outputs('show', show, () => renderSections(found, collection, { style: createStyle(3), width: 80, keepTokens }));
  return { ...printedNow, rendered };
}

test('after any sequence of changes, every command through the cache prints what it prints without it', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(change, fc.constantFrom(...QUERIES), fc.constantFrom(...SHOWN)), { minLength: 1, maxLength: 8 }),
      async (changes) => {
        const folder = scratchFolder('kubenotes-cache-prop-');
        const home = scratchFolder('kubenotes-cache-prop-home-');
        const at = (name: string) => join(folder, name);
        mkdirSync(at('sub'));
        writeFileSync(at('a.md'), '## One\n');
        try {
          for (const [step, [stepChange, query, show]] of changes.map((c, i) => [i, c] as const)) {
            apply(stepChange, at);
            backdateFolders(folder, step);
            const fresh = await freshLoad(folder);
            const quiet = { stdin: new PassThrough(), stderr: new PassThrough() };
            const loaded = await loadNotes([folder], { env: { XDG_CACHE_HOME: home }, ...quiet }).catch(() => undefined);
            expect(loaded === undefined).toBe(fresh === 'no notes');
            if (!loaded || fresh === 'no notes') continue;
            // the search command's way: the kept words and blocks, and what it cut kept for the next run
            const known = loaded.blocks?.readBlocks(loaded.collection);
            const sink = loaded.blocks?.blockSink(loaded.collection);
            const keepTokens = keptTokens({ XDG_CACHE_HOME: home });
            const cached = await printed(
              loaded.collection,
              known,
              loaded.blocks?.readTerms(loaded.collection),
              query,
              show,
              sink,
              keepTokens,
            );
            sink?.finish();
            const expected = await printed(fresh, undefined, undefined, query, show);
            expect(cached).toEqual(expected);
            expect(contents(loaded.collection)).toEqual(contents(fresh));
            // a run on the notes as the last one left them: read whole from the cache, with what it printed kept
            const again = await loadNotes([folder], { env: { XDG_CACHE_HOME: home }, ...quiet });
            const keptOutputs = again.outputs;
            expect(keptOutputs).toBeDefined();
            expect(await printed(again.collection, undefined, undefined, query, show, undefined, undefined, keptOutputs)).toEqual(expected);
          }
        } finally {
          rmSync(folder, { recursive: true, force: true });
          rmSync(home, { recursive: true, force: true });
        }
      },
    ),
    { numRuns: 40 },
  );
});

type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

function apply(step: Change, at: (name: string) => string): void {
  if ('edit' in step) {
    rmSync(at(step.edit), { force: true }); // a link is replaced, not written through
    mkdirSync(dirname(at(step.edit)), { recursive: true });
    writeFileSync(at(step.edit), step.text);
    utimesSync(at(step.edit), TIME, TIME);
  } else if ('remove' in step) rmSync(at(step.remove), { force: true });
  else if ('rename' in step && existsSync(at(step.rename)) && step.rename !== step.to && existsSync(dirname(at(step.to))))
    renameSync(at(step.rename), at(step.to));
  else if ('link' in step && step.link !== step.to && existsSync(at(step.to)) && existsSync(dirname(at(step.link)))) {
    rmSync(at(step.link), { force: true });
    symlinkSync(at(step.to), at(step.link));
  } else if (
    'move' in step &&
    existsSync(at(step.move)) &&
    !existsSync(at(step.to)) &&
    !`${step.to}/`.startsWith(`${step.move}/`) &&
    existsSync(dirname(at(step.to)))
  ) {
    renameSync(at(step.move), at(step.to));
  }
}

/**
 * Every folder's modification time set to one of the past, other at each step: as if time had passed since the
 * change, so that the walk is kept (a folder changed within the last moments is not) and must be found stale.
 */
function backdateFolders(folder: string, step: number): void {
  const when = (1_600_000_000_000 + step * 10_000 + 123) / 1000;
  const folders = [
    folder,
    ...readdirSync(folder, { recursive: true })
      .map(String)
      .map((name) => join(folder, name)),
  ].filter((path) => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  });
  for (const path of folders) utimesSync(path, when, when);
}

/** The collection read without a cache, or 'no notes' where there are none to read. */
async function freshLoad(folder: string): Promise<Collection | 'no notes'> {
  const files = await readSources([folder], () => new PassThrough()).then(
    ({ files }) => files,
    () => [],
  );
  return files.length === 0 ? 'no notes' : buildCollection(files, frontMatterParsers);
}
