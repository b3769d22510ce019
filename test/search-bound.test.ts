// A search with kept blocks and their digests goes through the owners that can reach its best hits only, and finds
// exactly what a search through every candidate finds: the same hits, scores, order and copies.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { placeOf, type Hit } from '../src/core/query/hit.js';
import { blocksDigest, searchIndex, type BlockOwner, type KnownBlocks, type OwnerBlocks } from '../src/core/query/search.js';
import * as blockCutter from '../src/core/markdown/blocks.js';
import type { Collection } from '../src/core/types.js';
import { buildCollection } from '../src/core/notes/collection.js';
import { frontMatterParsers } from '../src/core/markdown/frontmatter-parsers.js';
import { writeGeneratedNotes } from './helpers/generated-notes.js';
import { recordingSink } from './helpers/sinks.js';
import { termIndexOf } from './helpers/terms.js';
import { bundledCollection, collectionOf, fixturePath, folderCollection } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

/**
 * Kept blocks as the cache gives them back, each owner's digest found by its place, its short texts that hold none
 * of the phrases asked about left out; `read` counts the owners read.
 */
function keptOf(collection: Collection, blocks: ReadonlyMap<BlockOwner, OwnerBlocks>): KnownBlocks & { read: Set<BlockOwner> } {
  const read = new Set<BlockOwner>();
  const owners = collection.documents.map((document) => [document, ...document.sections.filter((section) => section.number !== null)]);
  return {
    read,
    size: blocks.size,
    get: (owner) => {
      read.add(owner);
      return blocks.get(owner)?.blocks;
    },
    digests: ({ documents, owners: own }, phrases) =>
      Array.from(documents, (d, k) => {
        const digest = blocks.get(owners[d][own[k]])?.digest;
        if (!digest) return undefined;
        const [short, trimmed, normalized] = digest;
        const holding = short.filter((text) => phrases.some((phrase) => text.includes(phrase)));
        return holding.length < short.length ? [holding, trimmed, normalized, true] : digest;
      }),
  };
}

/** Every owner's blocks, cut by a search that goes through every block. */
function everyBlock(collection: Collection): Map<BlockOwner, OwnerBlocks> {
  const sink = recordingSink();
  const index = searchIndex({ ...collection }, blockCutter, undefined, undefined, sink);
  index.search('e', { limit: 1 });
  index.search('a', { limit: 1 });
  return sink.given;
}

const shown = (hits: Hit[]) => hits.map((hit) => [placeOf(hit.block).file, hit.block.line, hit.block.text, hit.score, hit.copies]);

describe('the digest of blocks', () => {
  test('keeps the short texts folded, and the shortest of the others trimmed and with one space a blank', () => {
    const block = (text: string) => ({ kind: 'paragraph' as const, line: 1, text, label: 'L', parents: [] });
    const long = `  A  long text, ${'more '.repeat(8)} `;
    expect(blocksDigest([block('Log Cluster'), block(long), block(`${long}and more`)])).toEqual([
      ['log cluster'],
      long.trim().length,
      long.replace(/ +/g, ' ').trim().length,
    ]);
    expect(blocksDigest([])).toEqual([[], 0, 0]);
  });
});

describe('a search bounded by the digests', () => {
  const collections = [
    bundledCollection(),
    collectionOf(...['blocks.md', 'blocks-talks.md', 'headings.md', 'outline.md', 'code-blocks.md'].map(fixturePath)),
    // copies of a line in one section (tabs), short blocks that are the query, long ones that hold it
    buildCollection(
      [
        {
          file: 'copies.md',
          bytes: Buffer.from(
            [
              '# Copies',
              '## Install the chart',
              '- helm install chart\n- helm install chart\n- chart',
              '## Chart',
              `A chart is a package of ${'templates and values, '.repeat(6)}kept in a repository.`,
              '## Other chart notes',
              'chart\n\nchart   \n\nThe chart install  helm.',
            ].join('\n\n'),
          ),
        },
      ],
      frontMatterParsers,
    ),
  ];

  test.each(collections.map((collection, i) => [i, collection] as const))(
    'collection %i: the same hits as the search through every candidate, whatever blocks were kept',
    (_, collection) => {
      const terms = termIndexOf(collection);
      const every = everyBlock(collection);
      const owners = [...every.keys()];
      const words = [...new Set(collection.sections.flatMap((s) => s.title.toLowerCase().split(/[^\p{L}\p{N}]+/u)))].filter(
        (w) => w.length > 1,
      );
      const query = fc
        .tuple(fc.constantFrom(...words), fc.constantFrom('whole', 'cut', 'typo'), fc.option(fc.constantFrom(...words), { nil: undefined }))
        .map(([word, how, other]) => {
          const changed = how === 'cut' ? word.slice(0, Math.max(2, word.length - 2)) : how === 'typo' ? `${word.slice(1)}` : word;
          return other ? `${changed} ${other}` : changed;
        });
      fc.assert(
        fc.property(
          query,
          fc.integer({ min: 1, max: 30 }),
          fc.array(fc.boolean(), { minLength: owners.length, maxLength: owners.length }),
          (q, limit, keep) => {
            // some owners' blocks kept, others not: a kept owner is bounded by its digest, the others are gone through
            const kept = new Map(owners.flatMap((owner, i) => (keep[i] ? [[owner, every.get(owner)!] as const] : [])));
            const bounded = searchIndex({ ...collection }, blockCutter, keptOf(collection, kept), terms).search(q, { limit });
            const through = searchIndex({ ...collection }, blockCutter, undefined, terms).search(q, { limit });
            expect(shown(bounded)).toEqual(shown(through));
          },
        ),
        { numRuns: 80 },
      );
    },
  );

  test('on notes made of a few words (ties, every tier, short and long blocks): the same hits as the search through every candidate', () => {
    const vocabulary = ['alpha', 'beta', 'gamma', 'alphabet', 'betas', 'delta', 'al'];
    const words = (min: number, max: number) =>
      fc.array(fc.constantFrom(...vocabulary), { minLength: min, maxLength: max }).map((w) => w.join(' '));
    const block = fc.oneof(
      words(1, 14),
      fc.array(words(1, 6), { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `- ${item}`).join('\n')),
    );
    const section = fc
      .tuple(words(1, 3), fc.array(block, { maxLength: 4 }))
      .map(([title, blocks]) => [`## ${title}`, ...blocks].join('\n\n'));
    // enough sections that a word is in more owners than a search bounds from, now and then
    const notes = fc.array(fc.array(section, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 });
    const query = fc.oneof(
      words(1, 2),
      fc.constantFrom(...vocabulary).map((word) => word.slice(0, 3)),
      fc.constantFrom('alpah', 'gama', 'bet alpha', 'delat'),
    );
    fc.assert(
      fc.property(notes, query, fc.integer({ min: 1, max: 6 }), fc.infiniteStream(fc.boolean()), (files, q, limit, keep) => {
        const collection = buildCollection(
          files.map((sections, i) => ({ file: `f${i}.md`, bytes: Buffer.from(`# File ${i}\n\n${sections.join('\n\n')}\n`) })),
          frontMatterParsers,
        );
        const terms = termIndexOf(collection);
        const kept = new Map([...everyBlock(collection)].filter(() => keep.next().value));
        const bounded = searchIndex({ ...collection }, blockCutter, keptOf(collection, kept), terms).search(q, { limit });
        const through = searchIndex({ ...collection }, blockCutter, undefined, terms).search(q, { limit });
        expect(shown(bounded)).toEqual(shown(through));
      }),
      { numRuns: 300 },
    );
  });

  test('short texts left out of the digests as not holding the phrase still bound their owners: the words in another order', () => {
    // the first owners' short texts hold the words apart; a later one's, closer together: the best hit
    const sections = Array.from({ length: 20 }, (_, i) => `## Part ${i}\n\n${i === 17 ? 'beta alpha' : 'beta gamma delta alpha'}`);
    const collection = buildCollection(
      [{ file: 'order.md', bytes: Buffer.from(`# Order\n\n${sections.join('\n\n')}\n`) }],
      frontMatterParsers,
    );
    const terms = termIndexOf(collection);
    const kept = keptOf(collection, everyBlock(collection));
    const bounded = searchIndex({ ...collection }, blockCutter, kept, terms).search('alpha beta', { limit: 1 });
    const through = searchIndex({ ...collection }, blockCutter, undefined, terms).search('alpha beta', { limit: 1 });
    expect(shown(bounded)).toEqual(shown(through));
    expect(bounded.map((hit) => hit.block.text)).toEqual(['beta alpha']);
  });

  test('a word in most sections: the kept blocks of a few owners are read, not of every candidate', async () => {
    const collection = await folderCollection(writeGeneratedNotes(scratchFolder('kubenotes-bound-'), 10, 20));
    const terms = termIndexOf(collection);
    const kept = keptOf(collection, everyBlock(collection));
    const cut = recordingSink();
    const hits = searchIndex({ ...collection }, blockCutter, kept, terms, cut).search('component', { limit: 5 });
    const everyCandidate = recordingSink();
    expect(shown(hits)).toEqual(
      shown(searchIndex({ ...collection }, blockCutter, undefined, terms, everyCandidate).search('component', { limit: 5 })),
    );
    const candidates = everyCandidate.given.size;
    expect(candidates).toBeGreaterThan(60);
    expect(kept.read.size).toBeLessThan(candidates / 4);
    expect(cut.given.size).toBe(0);
  });
});

describe('a search for a typo bounded by the digests', () => {
  /** The hits of `query` with every owner's blocks kept, those of a search through every candidate, and how many owners each read. */
  async function bothSearches(query: string) {
    const collection = await folderCollection(writeGeneratedNotes(scratchFolder('kubenotes-bound-'), 10, 20));
    const terms = termIndexOf(collection);
    const kept = keptOf(collection, everyBlock(collection));
    const bounded = searchIndex({ ...collection }, blockCutter, kept, terms).search(query, { limit: 5 });
    const everyCandidate = recordingSink();
    const through = searchIndex({ ...collection }, blockCutter, undefined, terms, everyCandidate).search(query, { limit: 5 });
    return { bounded, through, read: kept.read.size, candidates: everyCandidate.given.size };
  }

  test('a typo of a word in most sections: the same hits as the search through every candidate, the kept blocks of a few owners read', async () => {
    const { bounded, through, read, candidates } = await bothSearches('componnet');
    expect(shown(bounded)).toEqual(shown(through));
    expect(bounded).toHaveLength(5);
    expect(candidates).toBeGreaterThan(100);
    expect(read).toBeLessThan(candidates / 2);
  });

  test('a word as it is and a typo of another, in many sections: the same hits as the search through every candidate', async () => {
    const { bounded, through, candidates } = await bothSearches('component authentcation');
    expect(shown(bounded)).toEqual(shown(through));
    expect(bounded).toHaveLength(5);
    expect(candidates).toBeGreaterThan(20);
  });
});

describe('a search through every candidate, with no digests to bound it', () => {
  test('goes through thousands of sections a group at a time and keeps the best of all of them, copies counted', () => {
    // three sections hold the query itself, far apart (one of them twice); every other one holds it in a sentence
    const exact = new Map([
      [3, 'cluster'],
      [1700, 'cluster'],
      [2990, '- cluster\n- cluster'],
    ]);
    const sections = Array.from(
      { length: 3000 },
      (_, i) => `## Part ${i}\n\n${exact.get(i) ?? `A cluster note, number ${i}, among many.`}`,
    );
    const collection = buildCollection(
      [{ file: 'many.md', bytes: Buffer.from(`# Many\n\n${sections.join('\n\n')}\n`) }],
      frontMatterParsers,
    );
    for (const terms of [termIndexOf(collection), undefined]) {
      const hits = searchIndex({ ...collection }, blockCutter, undefined, terms).search('cluster', { limit: 4 });
      expect(hits.map((hit) => [hit.block.text, hit.block.section?.title, hit.copies])).toEqual([
        ['cluster', 'Part 3', undefined],
        ['cluster', 'Part 1700', undefined],
        ['cluster', 'Part 2990', 2],
        ['A cluster note, number 0, among many.', 'Part 0', undefined],
      ]);
    }
  });
});
