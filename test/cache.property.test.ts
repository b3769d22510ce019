// The cache changes speed, never output: after any sequence of changes to a folder of notes (an edit of the same
// size in the same second, a new file, a deleted or renamed one, a file replaced by a link), the collection loaded
// through the cache is the one a run without it reads, and a search through the blocks kept with it finds what a
// search of that fresh collection finds.
import { expect, jest, test } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { buildCollection } from '../src/core/notes/collection.js';
import type { Collection } from '../src/core/types.js';
import { placeOf, type Hit } from '../src/core/query/hit.js';
import { searchIndex } from '../src/core/query/search.js';
import { loadNotes } from '../src/io/notes.js';
import { readSources } from '../src/io/sources.js';

jest.setTimeout(120_000);
const contents = (collection: Collection) => JSON.parse(JSON.stringify(collection));
const NAMES = ['a.md', 'b.md', 'c.md', 'sub/d.md'];
const TIME = new Date(1_700_000_000_000); // whole seconds, the same for every write: only the bytes can tell

/** Words of the texts written below: each search cuts (and keeps) the blocks of the sections it may hit. */
const QUERIES = ['one', 'two', 'x', 'ünï', 'tw'];
/** A hit as output shows it. */
const shown = (hit: Hit) => [placeOf(hit.block).file, hit.block.line, hit.block.text, hit.score];

const change = fc.oneof(
  fc.record({ edit: fc.constantFrom(...NAMES), text: fc.constantFrom('## One\n', '## Two\n', '# T\n\n## X\n### Y\n', '## Ünï\n') }),
  fc.record({ remove: fc.constantFrom(...NAMES) }),
  fc.record({ rename: fc.constantFrom(...NAMES), to: fc.constantFrom(...NAMES) }),
  fc.record({ link: fc.constantFrom(...NAMES), to: fc.constantFrom(...NAMES) }),
);

test('after any sequence of changes, every load through the cache equals a load without it', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(change, fc.constantFrom(...QUERIES)), { minLength: 1, maxLength: 8 }), async (changes) => {
      const folder = mkdtempSync(join(tmpdir(), 'kubenotes-cache-prop-'));
      const home = mkdtempSync(join(tmpdir(), 'kubenotes-cache-prop-home-'));
      const at = (name: string) => join(folder, name);
      mkdirSync(at('sub'));
      writeFileSync(at('a.md'), '## One\n');
      try {
        for (const [step, query] of changes) {
          if ('edit' in step) {
            rmSync(at(step.edit), { force: true }); // a link is replaced, not written through
            writeFileSync(at(step.edit), step.text);
            utimesSync(at(step.edit), TIME, TIME);
          } else if ('remove' in step) rmSync(at(step.remove), { force: true });
          else if ('rename' in step && existsSync(at(step.rename)) && step.rename !== step.to) renameSync(at(step.rename), at(step.to));
          else if ('link' in step && step.link !== step.to && existsSync(at(step.to))) {
            rmSync(at(step.link), { force: true });
            symlinkSync(at(step.to), at(step.link));
          }
          const fresh = await freshLoad(folder);
          const quiet = { stdin: new PassThrough(), stderr: new PassThrough() };
          const loaded = await loadNotes([folder], { env: { XDG_CACHE_HOME: home }, ...quiet }).catch(() => undefined);
          expect(loaded ? contents(loaded.collection) : 'no notes').toEqual(fresh === 'no notes' ? fresh : contents(fresh));
          if (!loaded || fresh === 'no notes') continue;
          // the search command's way: the kept blocks, and what it cut kept for the next run
          const index = searchIndex(loaded.collection, loaded.blocks?.readBlocks(loaded.collection));
          const hits = index.search(query, { limit: 10 }).map(shown);
          if (index.newlyCut() > 0) loaded.blocks?.writeBlocks(loaded.collection, index.blocks());
          expect(hits).toEqual(searchIndex(fresh).search(query, { limit: 10 }).map(shown));
        }
      } finally {
        rmSync(folder, { recursive: true, force: true });
        rmSync(home, { recursive: true, force: true });
      }
    }),
    { numRuns: 40 },
  );
});

/** The collection read without a cache, or 'no notes' where there are none to read. */
async function freshLoad(folder: string): Promise<Collection | 'no notes'> {
  const files = await readSources([folder], () => new PassThrough()).then(({ files }) => files, () => []);
  return files.length === 0 ? 'no notes' : buildCollection(files);
}
