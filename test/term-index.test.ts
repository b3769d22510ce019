// The term index: a document's words with the owners (preamble, numbered sections) that hold them, merged in reading
// order, and the candidates a query looks up in it — the same hits as a search that reads every section.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { documentTerms } from '../src/core/query/owner-texts.js';
import { placeOf, type Hit } from '../src/core/query/hit.js';
import { searchIndex } from '../src/core/query/search.js';
import { TermMerger, type TermIndex } from '../src/core/query/term-index.js';
import { termIndexOf } from './helpers/terms.js';
import { bundledCollection, collectionOf, fixturePath } from './helpers/notes.js';

const shown = (hits: Hit[]) => hits.map((hit) => [placeOf(hit.block).file, hit.block.line, hit.block.text, hit.score]);

describe("a document's words", () => {
  test('each word once, with the owners that hold it: the text before the first section is owner 0', () => {
    expect(documentTerms([{ lowered: 'intro text' }, { lowered: 'one two two' }, { lowered: 'two' }])).toEqual([
      ['intro', [0]],
      ['text', [0]],
      ['one', [1]],
      ['two', [1, 2]],
    ]);
  });
});

describe('merged in reading order', () => {
  test('owners are numbered on from document to document in the order given, whatever order they were added in; a document added twice counts once', () => {
    const merger = new TermMerger();
    merger.add(1, [['b', [0, 2]]]);
    merger.add(0, [
      ['a', [0]],
      ['b', [1]],
    ]);
    merger.add(1, [['b', [0, 2]]]);
    const { words, owners } = merger.merged([
      { key: 0, owners: 2 },
      { key: 1, owners: 3 },
    ]);
    expect(words).toEqual(['b', 'a']);
    expect(owners.map((list) => [...list])).toEqual([[1, 2, 4], [0]]);
  });
});

describe('a search through the index finds what a search reading every section finds', () => {
  const collections = [
    bundledCollection(),
    collectionOf(...['blocks.md', 'headings.md', 'outline.md', 'frontmatter/toml.md'].map(fixturePath)),
  ];
  const words = [...new Set(collections.flatMap((c) => c.sections.flatMap((s) => s.title.toLowerCase().split(/\s+/))))].filter(
    (w) => w.length > 2,
  );
  /** A word of the notes, cut, mistyped or stemmed, alone or with another. */
  const query = fc
    .tuple(
      fc.constantFrom(...words),
      fc.nat(),
      fc.constantFrom('whole', 'cut', 'typo', 'plural'),
      fc.option(fc.constantFrom(...words), { nil: undefined }),
    )
    .map(([word, at, how, other]) => {
      const changed =
        how === 'cut'
          ? word.slice(0, Math.max(2, word.length - 2))
          : how === 'typo'
            ? word.slice(0, at % word.length) + word.slice((at % word.length) + 1)
            : how === 'plural'
              ? `${word}s`
              : word;
      return other ? `${changed} ${other}` : changed;
    });

  test.each(collections.map((collection, i) => [i, collection] as const))('collection %i', (_, collection) => {
    const terms = termIndexOf(collection);
    fc.assert(
      fc.property(query, fc.option(fc.constantFrom(...words), { nil: undefined }), (q, within) => {
        const through = searchIndex({ ...collection }, undefined, terms).search(q, { limit: 10, within });
        const reading = searchIndex({ ...collection }).search(q, { limit: 10, within });
        expect(shown(through)).toEqual(shown(reading));
      }),
      { numRuns: 60 },
    );
  });

  test("an index that cannot tell a word's owners (a damaged store) costs time, never hits", () => {
    const collection = bundledCollection();
    const { words: known } = termIndexOf(collection);
    const damaged: TermIndex = { words: known, owners: () => undefined };
    for (const q of ['helm', 'prometeus', 'argo workflows']) {
      expect(shown(searchIndex({ ...collection }, undefined, damaged).search(q, { limit: 10 }))).toEqual(
        shown(searchIndex({ ...collection }).search(q, { limit: 10 })),
      );
    }
  });
});
